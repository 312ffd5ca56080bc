package fr.mediance.app.core.energy;

import fr.mediance.app.core.BackgroundWork;
import fr.mediance.app.core.Texts;
import fr.mediance.app.core.reference.ReferenceService;
import fr.mediance.app.core.task.TaskService;
import fr.mediance.protocol.DebtDto;
import fr.mediance.protocol.EnergyContractDto;
import fr.mediance.rules.LegalReference;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The resident file's section « Énergie : droits et échéances »: the household's contracts (current supply state),
 * its unpaid bills, and for each contract with an unpaid bill the legal clock of today ({@link LegalClock}, from the
 * rules) in plain words, each date of which becomes a follow-up task in one tap. Today is the injected clock's day.
 */
public final class EnergyFileViewModel {
    /** A contract as listed. */
    public record ContractItem(String id, String title, String details, String supply) {}

    /** A debt as listed. */
    public record DebtItem(String id, String title, String details) {}

    /** A date of the clock: its sentence, its day, whether it is past, and the title of its follow-up task. */
    public record ClockLine(String text, LocalDate date, boolean past, String taskTitle) {}

    /** The clock of one contract: its title, today's protections, the dates, and a refusal of the rules if any. */
    public record ClockSection(
            String contractId, String title, List<String> protections, List<ClockLine> dates, String problem) {}

    private final EnergyService energy;
    private final TaskService tasks;
    private final Clock clock;
    private final ZoneId zone;
    private final ResourceBundle texts;
    private final BackgroundWork work;
    private final EnergyLabels labels;
    private final ObservableList<ContractItem> contracts = FXCollections.observableArrayList();
    private final ObservableList<DebtItem> debts = FXCollections.observableArrayList();
    private final ObservableList<ClockSection> clockSections = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    private final ReadOnlyBooleanWrapper mayWrite = new ReadOnlyBooleanWrapper(this, "mayWrite");
    private Consumer<String> onMessage = m -> {};
    private String residentId;

    public EnergyFileViewModel(
            EnergyService energy,
            TaskService tasks,
            ReferenceService reference,
            Clock clock,
            ZoneId zone,
            ResourceBundle texts,
            Executor background,
            Executor fx) {
        this.energy = Objects.requireNonNull(energy);
        this.tasks = Objects.requireNonNull(tasks);
        this.clock = Objects.requireNonNull(clock);
        this.zone = Objects.requireNonNull(zone);
        this.texts = Objects.requireNonNull(texts);
        this.work = new BackgroundWork(background, fx);
        this.labels = new EnergyLabels(texts, reference);
        this.reference = Objects.requireNonNull(reference);
    }

    public void setOnMessage(Consumer<String> onMessage) {
        this.onMessage = Objects.requireNonNull(onMessage);
    }

    private final ReferenceService reference;

    /** What the section shows, with the legal values in force on the device (the office's, by sync). */
    private record Loaded(
            List<EnergyContractDto> contracts, List<DebtDto> debts, LegalReference legal, boolean mayWrite) {}

    /** Reads the resident's contracts and debts and computes the clock of today. Completes on the FX executor. */
    public CompletableFuture<Void> load(String residentId) {
        this.residentId = Objects.requireNonNull(residentId);
        return refresh();
    }

    /** Reads again (after a contract or a bill was saved, after a sync). */
    public CompletableFuture<Void> refresh() {
        String id = residentId;
        return work.supply(
                        "loading the energy contracts",
                        () -> new Loaded(energy.contracts(id), energy.debts(id), reference.legal(), energy.mayWrite()),
                        this::show,
                        e -> onMessage.accept(texts.getString("common.load.failed")))
                .<Void>thenApply(x -> null)
                .exceptionally(e -> null);
    }

    private void show(Loaded l) {
        mayWrite.set(l.mayWrite());
        contracts.setAll(l.contracts().stream()
                .map(c -> new ContractItem(
                        c.id(), labels.contractTitle(c), labels.contractDetails(c), labels.currentState(c)))
                .toList());
        debts.setAll(l.debts().stream()
                .filter(DebtDto::energy)
                .map(d -> new DebtItem(d.id(), labels.debtTitle(d), labels.debtDetails(d)))
                .toList());
        LocalDate today = today();
        List<ClockSection> sections = new ArrayList<>();
        for (LegalClock.ContractClock cc : new LegalClock(l.legal()).compute(l.contracts(), l.debts(), today)) {
            sections.add(section(cc, today));
        }
        clockSections.setAll(sections);
        loaded.set(true);
    }

    private ClockSection section(LegalClock.ContractClock cc, LocalDate today) {
        String title = labels.contractTitle(cc.contract());
        List<String> protections = new ArrayList<>();
        for (LegalClock.Protection p : cc.protections()) {
            protections.add(Texts.format(
                    texts,
                    "energy.protection." + p.kind().name(),
                    p.date() == null ? "" : Texts.longDate(texts).format(p.date()),
                    p.number() == null ? 0 : p.number()));
        }
        if (cc.aided()) {
            protections.add(texts.getString("energy.clock.aided"));
        }
        List<ClockLine> dates = new ArrayList<>();
        for (LegalClock.Step s : cc.steps()) {
            dates.add(new ClockLine(
                    Texts.format(texts, "energy.step." + s.kind().name(), labels.date(s.date())),
                    s.date(),
                    s.date().isBefore(today),
                    Texts.format(
                            texts,
                            "energy.clock.task",
                            title,
                            texts.getString("energy.task." + s.kind().name()))));
        }
        return new ClockSection(cc.contract().id(), title, List.copyOf(protections), List.copyOf(dates), cc.problem());
    }

    /** « Créer une relance »: a follow-up task due on the line's date, for the signed-in counsellor. */
    public CompletableFuture<Boolean> createFollowUp(ClockLine line) {
        String id = residentId;
        return work.supply(
                        "creating a follow-up from the energy clock",
                        () -> tasks.create(id, line.taskTitle(), line.date()),
                        o -> onMessage.accept(
                                o.isOk()
                                        ? Texts.format(texts, "energy.clock.followUp.created", labels.date(line.date()))
                                        : o.message()),
                        e -> onMessage.accept(texts.getString("common.save.failed")))
                .thenApply(o -> o.isOk())
                .exceptionally(e -> false);
    }

    /** Today in the service's zone, from the injected clock. */
    public LocalDate today() {
        return clock.instant().atZone(zone).toLocalDate();
    }

    public String residentId() {
        return residentId;
    }

    public ObservableList<ContractItem> contracts() {
        return contracts;
    }

    public ObservableList<DebtItem> debts() {
        return debts;
    }

    public ObservableList<ClockSection> clockSections() {
        return clockSections;
    }

    /** Whether contracts and bills may be added (the office reads them). */
    public ReadOnlyBooleanProperty mayWriteProperty() {
        return mayWrite.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }
}
