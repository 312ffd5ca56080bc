package fr.mediance.app.core.energy;

import fr.mediance.app.core.BackgroundWork;
import fr.mediance.app.core.FieldErrors;
import fr.mediance.app.core.Outcome;
import fr.mediance.app.core.Texts;
import fr.mediance.app.core.reference.CodeItem;
import fr.mediance.app.core.reference.ReferenceService;
import fr.mediance.app.core.visit.FrenchInput;
import fr.mediance.protocol.ChequeEnergieDto;
import fr.mediance.protocol.EnergyContractDto;
import fr.mediance.protocol.EnergyRecords;
import fr.mediance.protocol.Limits;
import fr.mediance.protocol.SupplyStateDto;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The form of an energy contract: energy, supplier, offer, PDL or PCE, subscribed power, smart meter, billing mode,
 * customer number, last reading, this year's chèque énergie, and the supply-state history with « Nouvel état ». Typed
 * values are read the French way (dates dd/MM/yyyy, « 1 234,56 € »); the service refuses, beside the field, what the
 * server would refuse.
 */
public final class ContractFormViewModel {
    /** The form's fields, the keys of {@link #errorProperty}. */
    public static final List<String> FIELDS = List.of(
            "energy",
            "supplier",
            "offer",
            "deliveryPoint",
            "kva",
            "billingMode",
            "customerNumber",
            "lastReading",
            "chequeYear",
            "chequeAmount",
            "chequeSent",
            "newState",
            "newKva",
            "newDate",
            "newSource");

    private final EnergyService energyService;
    private final ReferenceService reference;
    private final Clock clock;
    private final ZoneId zone;
    private final ResourceBundle texts;
    private final BackgroundWork work;
    private final EnergyLabels labels;

    private final ObjectProperty<String> energy = new SimpleObjectProperty<>(this, "energy", EnergyRecords.ELECTRICITE);
    private final ObjectProperty<String> supplier = new SimpleObjectProperty<>(this, "supplier");
    private final ObjectProperty<String> offer = new SimpleObjectProperty<>(this, "offer");
    private final StringProperty deliveryPoint = new SimpleStringProperty(this, "deliveryPoint", "");
    private final StringProperty kva = new SimpleStringProperty(this, "kva", "");
    private final ObjectProperty<Boolean> smartMeter = new SimpleObjectProperty<>(this, "smartMeter");
    private final ObjectProperty<String> billingMode = new SimpleObjectProperty<>(this, "billingMode");
    private final StringProperty customerNumber = new SimpleStringProperty(this, "customerNumber", "");
    private final StringProperty lastReading = new SimpleStringProperty(this, "lastReading", "");
    private final StringProperty chequeYear = new SimpleStringProperty(this, "chequeYear", "");
    private final StringProperty chequeAmount = new SimpleStringProperty(this, "chequeAmount", "");
    private final StringProperty chequeSent = new SimpleStringProperty(this, "chequeSent", "");
    private final ObjectProperty<String> newState = new SimpleObjectProperty<>(this, "newState");
    private final StringProperty newKva = new SimpleStringProperty(this, "newKva", "");
    private final StringProperty newDate = new SimpleStringProperty(this, "newDate", "");
    private final ObjectProperty<String> newSource = new SimpleObjectProperty<>(this, "newSource");
    private final ObservableList<String> history = FXCollections.observableArrayList();
    private final ObservableList<CodeItem> suppliers = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper electricity = new ReadOnlyBooleanWrapper(this, "electricity", true);
    private final ReadOnlyBooleanWrapper newKvaVisible = new ReadOnlyBooleanWrapper(this, "newKvaVisible");
    private final ReadOnlyBooleanWrapper saved = new ReadOnlyBooleanWrapper(this, "saved");
    private final ReadOnlyStringWrapper deliveryPointLabel = new ReadOnlyStringWrapper(this, "deliveryPointLabel");
    private final ReadOnlyStringWrapper currentState = new ReadOnlyStringWrapper(this, "currentState", "");
    private final FieldErrors errors = new FieldErrors(FIELDS.toArray(String[]::new));
    private Consumer<String> onMessage = m -> {};
    private Consumer<EnergyContractDto> onSaved = c -> {};
    private String residentId;
    private EnergyContractDto contract;

    public ContractFormViewModel(
            EnergyService energyService,
            ReferenceService reference,
            Clock clock,
            ZoneId zone,
            ResourceBundle texts,
            Executor background,
            Executor fx) {
        this.energyService = Objects.requireNonNull(energyService);
        this.reference = Objects.requireNonNull(reference);
        this.clock = Objects.requireNonNull(clock);
        this.zone = Objects.requireNonNull(zone);
        this.texts = Objects.requireNonNull(texts);
        this.work = new BackgroundWork(background, fx);
        this.labels = new EnergyLabels(texts, reference);
        energy.addListener((o, a, b) -> energyChanged(b));
        newState.addListener((o, a, b) -> newKvaVisible.set(EnergyRecords.SUPPLY_LIMITED.equals(b)));
        energyChanged(energy.get());
    }

    private void energyChanged(String e) {
        electricity.set(EnergyRecords.ELECTRICITE.equals(e));
        deliveryPointLabel.set(texts.getString(EnergyRecords.GAZ.equals(e) ? "energy.form.pce" : "energy.form.pdl"));
    }

    public void setOnMessage(Consumer<String> onMessage) {
        this.onMessage = Objects.requireNonNull(onMessage);
    }

    /** Called on the FX executor after each save, with the saved contract. */
    public void setOnSaved(Consumer<EnergyContractDto> onSaved) {
        this.onSaved = Objects.requireNonNull(onSaved);
    }

    private record Loaded(Optional<EnergyContractDto> contract, List<CodeItem> suppliers) {}

    /** Opens a resident's contract ({@code contractId}), or a new one (null). Completes on the FX executor. */
    public CompletableFuture<Void> load(String residentId, String contractId) {
        this.residentId = Objects.requireNonNull(residentId);
        return work.supply(
                        "loading an energy contract",
                        () -> {
                            Optional<EnergyContractDto> stored =
                                    contractId == null ? Optional.empty() : energyService.contract(contractId);
                            return new Loaded(
                                    stored,
                                    reference.creditors(
                                            fr.mediance.protocol.DebtDto.ENERGY,
                                            stored.map(EnergyContractDto::supplier)
                                                    .orElse(null)));
                        },
                        l -> {
                            suppliers.setAll(l.suppliers());
                            show(l.contract().orElse(null));
                        },
                        e -> onMessage.accept(texts.getString("common.load.failed")))
                .<Void>thenApply(x -> null)
                .exceptionally(e -> null);
    }

    private void show(EnergyContractDto c) {
        contract = c;
        saved.set(c != null);
        newDate.set(FrenchInput.format(today()));
        newSource.set("visit");
        newState.set(null);
        newKva.set("");
        errors.clear();
        if (c == null) {
            history.clear();
            currentState.set("");
            return;
        }
        energy.set(c.energy());
        supplier.set(c.supplier());
        offer.set(c.offer());
        deliveryPoint.set(orEmpty(c.deliveryPoint()));
        kva.set(c.subscribedKva() == null ? "" : c.subscribedKva().toString());
        smartMeter.set(c.smartMeter());
        billingMode.set(c.billingMode());
        customerNumber.set(orEmpty(c.customerNumber()));
        lastReading.set(FrenchInput.format(c.lastReadingDate()));
        Optional<ChequeEnergieDto> cheque =
                c.chequesEnergie().stream().max(java.util.Comparator.comparingLong(ChequeEnergieDto::year));
        chequeYear.set(cheque.map(ch -> Long.toString(ch.year())).orElse(""));
        chequeAmount.set(
                cheque.map(ch -> FrenchInput.typedAmount(ch.amountCents())).orElse(""));
        chequeSent.set(
                cheque.map(ch -> FrenchInput.format(ch.attestationSentOn())).orElse(""));
        List<String> lines = new ArrayList<>(
                c.supplyStatesByDate().stream().map(labels::historyLine).toList());
        java.util.Collections.reverse(lines);
        history.setAll(lines);
        currentState.set(labels.currentState(c));
    }

    /** Saves the contract as typed. Completes with true when saved. */
    public CompletableFuture<Boolean> save() {
        errors.clear();
        Optional<EnergyContractDto> typed = typed();
        if (typed.isEmpty()) {
            return CompletableFuture.completedFuture(false);
        }
        return work.supply(
                        "saving an energy contract",
                        () -> energyService.saveContract(typed.get()),
                        this::afterSave,
                        e -> onMessage.accept(texts.getString("common.save.failed")))
                .thenApply(Outcome::isOk)
                .exceptionally(e -> false);
    }

    private void afterSave(Outcome<EnergyContractDto> o) {
        if (o.isOk()) {
            show(o.value());
            onMessage.accept(texts.getString("energy.form.saved"));
            onSaved.accept(o.value());
        } else {
            showErrors(o);
        }
    }

    /** « Nouvel état »: appends the typed state to the saved contract's history. Completes with true when added. */
    public CompletableFuture<Boolean> addState() {
        errors.clear();
        if (contract == null) {
            errors.set("newState", texts.getString("energy.form.saveFirst"));
            return CompletableFuture.completedFuture(false);
        }
        if (newState.get() == null) {
            errors.set("newState", texts.getString("energy.form.required"));
        }
        Long power = null;
        if (EnergyRecords.SUPPLY_LIMITED.equals(newState.get())) {
            power = wholeNumber("newKva", newKva.get(), Limits.MIN_KVA, Limits.MAX_KVA, true);
        }
        LocalDate date = date("newDate", newDate.get(), true);
        if (errors.any()) {
            return CompletableFuture.completedFuture(false);
        }
        SupplyStateDto state = new SupplyStateDto(null, newState.get(), power, date, newSource.get(), null);
        String id = contract.id();
        return work.supply(
                        "adding a supply state",
                        () -> energyService.addSupplyState(id, state),
                        this::afterSave,
                        e -> onMessage.accept(texts.getString("common.save.failed")))
                .thenApply(Outcome::isOk)
                .exceptionally(e -> false);
    }

    private Optional<EnergyContractDto> typed() {
        boolean elec = EnergyRecords.ELECTRICITE.equals(energy.get());
        Long power = elec ? wholeNumber("kva", kva.get(), Limits.MIN_KVA, Limits.MAX_KVA, false) : null;
        LocalDate reading = date("lastReading", lastReading.get(), false);
        List<ChequeEnergieDto> cheques = new ArrayList<>(contract == null ? List.of() : contract.chequesEnergie());
        if (!FrenchInput.blank(chequeYear.get())) {
            Long year = wholeNumber("chequeYear", chequeYear.get(), Limits.MIN_DATE_YEAR, Limits.MAX_DATE_YEAR, true);
            Long cents = null;
            if (!FrenchInput.blank(chequeAmount.get())) {
                Optional<Long> c = FrenchInput.cents(chequeAmount.get());
                if (c.isEmpty()) {
                    errors.set("chequeAmount", texts.getString("energy.form.amount.invalid"));
                }
                cents = c.orElse(null);
            }
            LocalDate sent = date("chequeSent", chequeSent.get(), false);
            if (year != null) {
                long y = year;
                cheques.removeIf(ch -> ch.year() == y);
                cheques.add(new ChequeEnergieDto(y, cents, sent));
            }
        } else if (!FrenchInput.blank(chequeAmount.get()) || !FrenchInput.blank(chequeSent.get())) {
            errors.set("chequeYear", texts.getString("energy.form.required"));
        }
        if (energy.get() == null) {
            errors.set("energy", texts.getString("energy.form.required"));
        }
        if (errors.any()) {
            return Optional.empty();
        }
        return Optional.of(new EnergyContractDto(
                contract == null ? null : contract.id(),
                null,
                residentId,
                energy.get(),
                supplier.get(),
                offer.get(),
                elec || EnergyRecords.GAZ.equals(energy.get()) ? Texts.clean(deliveryPoint.get()) : null,
                power,
                smartMeter.get(),
                billingMode.get(),
                Texts.clean(customerNumber.get()),
                reading,
                cheques,
                contract == null ? List.of() : contract.supplyStates()));
    }

    private void showErrors(Outcome<EnergyContractDto> o) {
        if (o.fieldErrors().isEmpty()) {
            onMessage.accept(o.message());
            return;
        }
        for (Map.Entry<String, String> e : o.fieldErrors().entrySet()) {
            errors.set(formField(e.getKey()), e.getValue());
        }
        if (!errors.any()) {
            onMessage.accept(o.message());
        }
    }

    /** The form field a wire field's error goes beside. */
    static String formField(String wire) {
        if (wire.startsWith("chequesEnergie[")) {
            String leaf = wire.substring(wire.indexOf("].") + 2);
            return switch (leaf) {
                case "year" -> "chequeYear";
                case "amountCents" -> "chequeAmount";
                default -> "chequeSent";
            };
        }
        return switch (wire) {
            case "subscribedKva" -> "kva";
            case "lastReadingDate" -> "lastReading";
            case "state" -> "newState";
            case "kva" -> "newKva";
            case "date" -> "newDate";
            case "source" -> "newSource";
            default -> wire;
        };
    }

    private Long wholeNumber(String field, String typed, int min, int max, boolean required) {
        if (FrenchInput.blank(typed)) {
            if (required) {
                errors.set(field, texts.getString("energy.form.required"));
            }
            return null;
        }
        Optional<Integer> n = FrenchInput.wholeNumber(typed, min, max);
        if (n.isEmpty()) {
            errors.set(field, Texts.format(texts, "energy.form.number.invalid", min, max));
            return null;
        }
        return n.get().longValue();
    }

    private LocalDate date(String field, String typed, boolean required) {
        if (FrenchInput.blank(typed)) {
            if (required) {
                errors.set(field, texts.getString("energy.form.required"));
            }
            return null;
        }
        Optional<LocalDate> d = FrenchInput.date(typed);
        if (d.isEmpty()) {
            errors.set(field, texts.getString("energy.form.date.invalid"));
        }
        return d.orElse(null);
    }

    private LocalDate today() {
        return clock.instant().atZone(zone).toLocalDate();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /** The label of a fixed code of one group (energy, offer, billing, state, source). */
    public String label(String group, String code) {
        return labels.code(group, code);
    }

    public ObjectProperty<String> energyProperty() {
        return energy;
    }

    public ObjectProperty<String> supplierProperty() {
        return supplier;
    }

    public ObjectProperty<String> offerProperty() {
        return offer;
    }

    public StringProperty deliveryPointProperty() {
        return deliveryPoint;
    }

    public StringProperty kvaProperty() {
        return kva;
    }

    /** Linky or Gazpar: true, false, or null (not known). */
    public ObjectProperty<Boolean> smartMeterProperty() {
        return smartMeter;
    }

    public ObjectProperty<String> billingModeProperty() {
        return billingMode;
    }

    public StringProperty customerNumberProperty() {
        return customerNumber;
    }

    public StringProperty lastReadingProperty() {
        return lastReading;
    }

    public StringProperty chequeYearProperty() {
        return chequeYear;
    }

    public StringProperty chequeAmountProperty() {
        return chequeAmount;
    }

    public StringProperty chequeSentProperty() {
        return chequeSent;
    }

    public ObjectProperty<String> newStateProperty() {
        return newState;
    }

    public StringProperty newKvaProperty() {
        return newKva;
    }

    public StringProperty newDateProperty() {
        return newDate;
    }

    public ObjectProperty<String> newSourceProperty() {
        return newSource;
    }

    /** The supply-state history, newest first. */
    public ObservableList<String> history() {
        return history;
    }

    public ObservableList<CodeItem> suppliers() {
        return suppliers;
    }

    /** The subscribed power is asked for electricity only. */
    public ReadOnlyBooleanProperty electricityProperty() {
        return electricity.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty newKvaVisibleProperty() {
        return newKvaVisible.getReadOnlyProperty();
    }

    /** The contract is saved: « Nouvel état » is offered. */
    public ReadOnlyBooleanProperty savedProperty() {
        return saved.getReadOnlyProperty();
    }

    /** « PDL (14 chiffres) » or « PCE (14 chiffres ou GI + 6 chiffres) ». */
    public ReadOnlyStringProperty deliveryPointLabelProperty() {
        return deliveryPointLabel.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty currentStateProperty() {
        return currentState.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty(String field) {
        return errors.property(field);
    }
}
