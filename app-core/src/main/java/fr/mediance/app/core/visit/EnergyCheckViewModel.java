package fr.mediance.app.core.visit;

import fr.mediance.app.core.energy.EnergyLabels;
import fr.mediance.app.core.energy.EnergyService;
import fr.mediance.app.core.reference.CodeItem;
import fr.mediance.app.core.reference.CodeLists;
import fr.mediance.app.core.reference.ReferenceService;
import fr.mediance.protocol.EnergyCheckDto;
import fr.mediance.protocol.EnergyContractDto;
import fr.mediance.protocol.EnergyRecords;
import fr.mediance.protocol.Limits;
import fr.mediance.protocol.SupplyStateDto;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The energy check of a home visit: meters, Linky, the supply (and its limited power), heating, eco-gestures,
 * equipment issues, renovation. Shown and kept only for a home visit.
 */
public final class EnergyCheckViewModel implements ReportPart {

    /** Supply state code whose power in kVA is asked. */
    public static final String SUPPLY_LIMITED = "limited";

    private final VisitSession session;
    private final ObservableValue<String> medium;
    private final BooleanProperty metersChecked = new SimpleBooleanProperty(this, "metersChecked");
    private final ObjectProperty<Boolean> linky = new SimpleObjectProperty<>(this, "linky");
    private final ObjectProperty<String> supplyState = new SimpleObjectProperty<>(this, "supplyState");
    private final StringProperty kva = new SimpleStringProperty(this, "kva", "");
    private final StringProperty supplySince = new SimpleStringProperty(this, "supplySince", "");
    private final ObjectProperty<String> heatingType = new SimpleObjectProperty<>(this, "heatingType");
    private final ObservableList<String> ecoGestures = FXCollections.observableArrayList();
    private final ObservableList<String> equipmentIssues = FXCollections.observableArrayList();
    private final ObjectProperty<String> renovation = new SimpleObjectProperty<>(this, "renovation");
    private final ReadOnlyBooleanWrapper visible = new ReadOnlyBooleanWrapper(this, "visible");
    private final ReadOnlyBooleanWrapper kvaVisible = new ReadOnlyBooleanWrapper(this, "kvaVisible");
    private final ErrorLines errors = new ErrorLines("energy.kva", "energy.since");
    private final ObservableList<String> ecoGesturesView = FXCollections.unmodifiableObservableList(ecoGestures);
    private final ObservableList<String> equipmentIssuesView =
            FXCollections.unmodifiableObservableList(equipmentIssues);

    /** A contract of the household as the energy check shows it, with its current supply state. */
    public record ContractLine(String contractId, String text) {}

    private final ObservableList<ContractLine> contractLines = FXCollections.observableArrayList();
    private EnergyService contracts;
    private EnergyLabels energyLabels;
    private String residentId;

    /** {@code medium} is the contact's medium: the block is for a home visit. */
    EnergyCheckViewModel(VisitSession session, ObservableValue<String> medium) {
        this.session = session;
        this.medium = medium;
        session.autosave(metersChecked, linky, kva, supplySince, heatingType, ecoGestures, equipmentIssues, renovation);
        supplyState.addListener((o, a, b) -> {
            kvaVisible.set(SUPPLY_LIMITED.equals(b));
            session.changed();
        });
        medium.addListener((o, a, b) -> visible.set(CodeLists.MEDIUM_HOME_VISIT.equals(b)));
    }

    @Override
    public void show(VisitReport r) {
        EnergyCheckDto e = r.energy();
        metersChecked.set(e != null && e.metersChecked());
        linky.set(e == null ? null : e.linky());
        supplyState.set(e == null ? null : e.supplyState());
        kva.set(e == null || e.limitedKva() == null ? "" : e.limitedKva().toString());
        supplySince.set(e == null ? "" : FrenchInput.format(e.supplyStateSince()));
        heatingType.set(e == null ? null : e.heatingType());
        ecoGestures.setAll(e == null ? List.of() : e.ecoGestures());
        equipmentIssues.setAll(e == null ? List.of() : e.equipmentIssues());
        renovation.set(e == null ? null : e.renovationOrientation());
        visible.set(CodeLists.MEDIUM_HOME_VISIT.equals(r.medium()));
        kvaVisible.set(SUPPLY_LIMITED.equals(supplyState.get()));
        if (contracts != null && r.residentId() != null && !r.residentId().equals(residentId)) {
            residentId = r.residentId();
            loadContracts();
        }
    }

    /**
     * Shows the household's energy contracts (their current supply state and power) beside the check, and offers to
     * record the state seen at the visit in a contract's history. Without it, the block is the visit's alone.
     */
    public void useContracts(EnergyService contracts, ReferenceService reference) {
        this.contracts = Objects.requireNonNull(contracts);
        this.energyLabels = new EnergyLabels(session.texts, reference);
        if (session.report != null && session.report.residentId() != null) {
            residentId = session.report.residentId();
            loadContracts();
        }
    }

    private void loadContracts() {
        String id = residentId;
        session.work.supply(
                "loading the household's energy contracts",
                () -> contracts.contracts(id),
                list -> contractLines.setAll(list.stream().map(this::line).toList()),
                e -> session.message(session.text("common.load.failed")));
    }

    private ContractLine line(EnergyContractDto c) {
        String text = energyLabels.contractTitle(c) + " — " + energyLabels.currentState(c);
        if (c.subscribedKva() != null) {
            text += " (" + session.text("energy.contract.kva", c.subscribedKva()) + ")";
        }
        return new ContractLine(c.id(), text);
    }

    /**
     * Records the supply state checked at this visit (state, limited power, since: today when not typed) as the
     * newest entry of the contract's history, seen at the visit. Completes with true when recorded.
     */
    public CompletableFuture<Boolean> recordOnContract(String contractId) {
        String state = supplyState.get();
        if (contracts == null || state == null || !EnergyRecords.SUPPLY_STATES.contains(state)) {
            session.message(session.text("visit.energy.contract.noState"));
            return CompletableFuture.completedFuture(false);
        }
        checkInput();
        if (unreadable()) {
            return CompletableFuture.completedFuture(false);
        }
        Long power = SUPPLY_LIMITED.equals(state)
                ? FrenchInput.wholeNumber(kva.get(), Limits.MIN_KVA, Limits.MAX_KVA)
                        .map(Integer::longValue)
                        .orElse(null)
                : null;
        LocalDate since = FrenchInput.date(supplySince.get())
                .orElse(session.clock.instant().atZone(session.zone).toLocalDate());
        String reportId = session.report == null ? null : session.report.id();
        SupplyStateDto entry = new SupplyStateDto(null, state, power, since, "visit", reportId);
        return session.work
                .supply(
                        "recording the visit's supply state on a contract",
                        () -> contracts.addSupplyState(contractId, entry),
                        o -> {
                            if (o.isOk()) {
                                session.message(session.text("visit.energy.contract.recorded"));
                                loadContracts();
                            } else {
                                session.message(o.message());
                            }
                        },
                        e -> session.message(session.text("common.save.failed")))
                .thenApply(o -> o.isOk())
                .exceptionally(e -> false);
    }

    /** The household's contracts with their current supply state (empty until {@link #useContracts}). */
    public ObservableList<ContractLine> contractLines() {
        return contractLines;
    }

    /** The energy block of a home visit as typed (what cannot be read keeps its saved value); null otherwise. */
    @Override
    public VisitReport into(VisitReport d) {
        if (!CodeLists.MEDIUM_HOME_VISIT.equals(medium.getValue())) {
            return d.withEnergy(null);
        }
        EnergyCheckDto saved = d.energy();
        Long power = null;
        if (SUPPLY_LIMITED.equals(supplyState.get()) && !VisitSession.blank(kva.get())) {
            power = FrenchInput.wholeNumber(kva.get(), Limits.MIN_KVA, Limits.MAX_KVA)
                    .map(Integer::longValue)
                    .orElse(saved == null ? null : saved.limitedKva());
        }
        LocalDate since = VisitSession.blank(supplySince.get())
                ? null
                : FrenchInput.date(supplySince.get()).orElse(saved == null ? null : saved.supplyStateSince());
        return d.withEnergy(new EnergyCheckDto(
                metersChecked.get(),
                linky.get(),
                supplyState.get(),
                power,
                since,
                heatingType.get(),
                List.copyOf(ecoGestures),
                List.copyOf(equipmentIssues),
                renovation.get()));
    }

    @Override
    public void checkInput() {
        errors.set(
                "energy.kva",
                kvaVisible.get()
                                && !VisitSession.blank(kva.get())
                                && FrenchInput.wholeNumber(kva.get(), Limits.MIN_KVA, Limits.MAX_KVA)
                                        .isEmpty()
                        ? session.text("visit.error.kva.invalid", Limits.MIN_KVA, Limits.MAX_KVA)
                        : "");
        errors.set(
                "energy.since", VisitSession.dateError(session::text, supplySince.get(), "visit.error.date.invalid"));
    }

    @Override
    public boolean unreadable() {
        return errors.has("energy.kva") || errors.has("energy.since");
    }

    @Override
    public void showRequired(Map<String, String> found) {
        for (String f : new String[] {"energy.kva", "energy.since"}) {
            if (found.containsKey(f)) {
                errors.set(f, found.get(f));
            }
        }
    }

    public void setEcoGesture(String code, boolean selected) {
        if (!session.frozen.get()) {
            VisitSession.toggle(ecoGestures, code, selected);
        }
    }

    public void setEquipmentIssue(String code, boolean selected) {
        if (!session.frozen.get()) {
            VisitSession.toggle(equipmentIssues, code, selected);
        }
    }

    /** Active entries of a code list of the block: supply_state, heating_type, eco_gesture... */
    public ObservableList<CodeItem> options(String list) {
        return session.options(list);
    }

    public BooleanProperty metersCheckedProperty() {
        return metersChecked;
    }

    /** Linky meter present: true, false, or null (not known). */
    public ObjectProperty<Boolean> linkyProperty() {
        return linky;
    }

    public ObjectProperty<String> supplyStateProperty() {
        return supplyState;
    }

    /** The limited power in kVA, as typed (asked only when the supply is limited). */
    public StringProperty kvaProperty() {
        return kva;
    }

    /** Since when the supply is in this state, dd/MM/yyyy. */
    public StringProperty supplySinceProperty() {
        return supplySince;
    }

    public ObjectProperty<String> heatingTypeProperty() {
        return heatingType;
    }

    public ObservableList<String> ecoGestures() {
        return ecoGesturesView;
    }

    public ObservableList<String> equipmentIssues() {
        return equipmentIssuesView;
    }

    public ObjectProperty<String> renovationProperty() {
        return renovation;
    }

    /** The energy block is shown for a home visit. */
    public ReadOnlyBooleanProperty visibleProperty() {
        return visible.getReadOnlyProperty();
    }

    /** The power in kVA is asked when the supply is limited. */
    public ReadOnlyBooleanProperty kvaVisibleProperty() {
        return kvaVisible.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty frozenProperty() {
        return session.frozen.getReadOnlyProperty();
    }

    /** The error beside a field: energy.kva, energy.since. */
    public ReadOnlyStringProperty errorProperty(String field) {
        return errors.property(field);
    }
}
