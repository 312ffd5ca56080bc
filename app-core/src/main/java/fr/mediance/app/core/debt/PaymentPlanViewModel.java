package fr.mediance.app.core.debt;

import fr.mediance.app.core.BackgroundWork;
import fr.mediance.app.core.FieldErrors;
import fr.mediance.app.core.Outcome;
import fr.mediance.app.core.Texts;
import fr.mediance.app.core.document.DocumentService;
import fr.mediance.app.core.document.PhotoItem;
import fr.mediance.app.core.energy.EnergyService;
import fr.mediance.app.core.reference.CodeItem;
import fr.mediance.app.core.reference.ReferenceService;
import fr.mediance.app.core.task.TaskService;
import fr.mediance.app.core.visit.FrenchInput;
import fr.mediance.protocol.DebtDto;
import fr.mediance.protocol.InstalmentDto;
import fr.mediance.protocol.ListNames;
import fr.mediance.protocol.PaymentPlanDto;
import fr.mediance.protocol.PaymentPlans;
import fr.mediance.rules.RuleException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * « Échéanciers »: the household's payment plans, each with its next instalment and what remains to pay, and the
 * form of one plan. A new plan is for one or more debts of the household, its total their balances (after what was
 * paid under other plans, imputed to the oldest debt first); « Nombre d'échéances », « Première échéance » and
 * « Tous les … mois » then « Calculer » fill the instalments from the rules, each editable (amount typed in French,
 * « Payée le » with the amount paid). Instalments late today are flagged, and each offers « Créer une relance »: one
 * follow-up task due today, never two for the same instalment (the task's id is derived from the plan and the due
 * date). Saving an accepted or active plan puts its debts « En échéancier » through the energy service, with its
 * checks. Problems beside their field, the typed text kept.
 */
public final class PaymentPlanViewModel {
    /** The plan's fields that have a message beside them (instalments' fields are "instalments[i].amountCents"…). */
    public static final List<String> FIELDS = List.of(
            "creditor",
            "debtIds",
            "status",
            "agreedOn",
            "totalCents",
            "count",
            "firstDue",
            "everyMonths",
            "instalments",
            "confirmationDocumentId",
            "note");

    /** A document of the resident that may be the creditor's written confirmation; a null id is « none ». */
    public record DocumentChoice(String id, String label) {}

    /** A plan of the household as the list shows it. */
    public record PlanItem(String id, String title, String next, String remaining, boolean late) {}

    /** A debt of the household that a plan may cover, with its balance; {@code selected} when the plan covers it. */
    public static final class DebtChoice {
        private final String id;
        private final String label;
        private final long balanceCents;
        private final String creditor;
        private final BooleanProperty selected = new SimpleBooleanProperty(this, "selected");

        DebtChoice(String id, String label, long balanceCents, String creditor) {
            this.id = id;
            this.label = label;
            this.balanceCents = balanceCents;
            this.creditor = creditor;
        }

        public String id() {
            return id;
        }

        public String label() {
            return label;
        }

        public long balanceCents() {
            return balanceCents;
        }

        public BooleanProperty selectedProperty() {
            return selected;
        }
    }

    /** One instalment of the form, as typed; {@code late} when it is due before today and not fully paid. */
    public static final class InstalmentRow {
        private final int index;
        private final StringProperty dueDate = new SimpleStringProperty(this, "dueDate", "");
        private final StringProperty amount = new SimpleStringProperty(this, "amount", "");
        private final StringProperty paidOn = new SimpleStringProperty(this, "paidOn", "");
        private final StringProperty paid = new SimpleStringProperty(this, "paid", "");
        private final ReadOnlyBooleanWrapper late = new ReadOnlyBooleanWrapper(this, "late");
        private final ReadOnlyStringWrapper reminder = new ReadOnlyStringWrapper(this, "reminder", "");

        InstalmentRow(int index) {
            this.index = index;
        }

        public int index() {
            return index;
        }

        public StringProperty dueDateProperty() {
            return dueDate;
        }

        public StringProperty amountProperty() {
            return amount;
        }

        public StringProperty paidOnProperty() {
            return paidOn;
        }

        public StringProperty paidProperty() {
            return paid;
        }

        /** Due before today and not fully paid, as typed. */
        public ReadOnlyBooleanProperty lateProperty() {
            return late.getReadOnlyProperty();
        }

        /** « Relance créée » once its follow-up task exists; "" before. */
        public ReadOnlyStringProperty reminderProperty() {
            return reminder.getReadOnlyProperty();
        }
    }

    private final PaymentPlanService plans;
    private final EnergyService energy;
    private final TaskService tasks;
    private final DocumentService documents;
    private final ReferenceService reference;
    private final Clock clock;
    private final ZoneId zone;
    private final ResourceBundle texts;
    private final BackgroundWork work;
    private Consumer<String> onMessage = m -> {};
    private Runnable onSaved = () -> {};

    private final ObservableList<PlanItem> planItems = FXCollections.observableArrayList();
    private final ObservableList<DebtChoice> debtChoices = FXCollections.observableArrayList();
    private final ObservableList<InstalmentRow> instalments = FXCollections.observableArrayList();
    private final ObservableList<CodeItem> creditorChoices = FXCollections.observableArrayList();
    private final ObservableList<DocumentChoice> documentChoices = FXCollections.observableArrayList();
    private final ObjectProperty<DocumentChoice> confirmation = new SimpleObjectProperty<>(this, "confirmation");
    private final ObjectProperty<String> creditor = new SimpleObjectProperty<>(this, "creditor");
    private final ObjectProperty<String> status = new SimpleObjectProperty<>(this, "status", PaymentPlans.PROPOSED);
    private final StringProperty agreedOn = new SimpleStringProperty(this, "agreedOn", "");
    private final StringProperty total = new SimpleStringProperty(this, "total", "");
    private final StringProperty count = new SimpleStringProperty(this, "count", "");
    private final StringProperty firstDue = new SimpleStringProperty(this, "firstDue", "");
    private final StringProperty everyMonths = new SimpleStringProperty(this, "everyMonths", "1");
    private final StringProperty note = new SimpleStringProperty(this, "note", "");
    private final ReadOnlyBooleanWrapper editing = new ReadOnlyBooleanWrapper(this, "editing");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper formError = new ReadOnlyStringWrapper(this, "formError", "");
    private final ReadOnlyStringWrapper lateSummary = new ReadOnlyStringWrapper(this, "lateSummary", "");
    private final ReadOnlyStringWrapper suggestion = new ReadOnlyStringWrapper(this, "suggestion", "");
    private final FieldErrors errors = FieldErrors.anyField();

    private String residentId;
    private List<PaymentPlanDto> householdPlans = List.of();
    private List<DebtDto> householdDebts = List.of();
    private Map<String, Long> balances = Map.of();
    private PaymentPlanDto current;
    private boolean isNew;

    public PaymentPlanViewModel(
            PaymentPlanService plans,
            EnergyService energy,
            TaskService tasks,
            DocumentService documents,
            ReferenceService reference,
            Clock clock,
            ZoneId zone,
            ResourceBundle texts,
            Executor background,
            Executor fx) {
        this.plans = Objects.requireNonNull(plans);
        this.energy = Objects.requireNonNull(energy);
        this.tasks = Objects.requireNonNull(tasks);
        this.documents = Objects.requireNonNull(documents);
        this.reference = Objects.requireNonNull(reference);
        this.clock = Objects.requireNonNull(clock);
        this.zone = Objects.requireNonNull(zone);
        this.texts = Objects.requireNonNull(texts);
        this.work = new BackgroundWork(background, fx);
        for (String f : FIELDS) {
            errors.property(f);
        }
        status.addListener((o, a, b) -> refreshFlags());
    }

    public void setOnMessage(Consumer<String> onMessage) {
        this.onMessage = Objects.requireNonNull(onMessage);
    }

    /** Called after a plan was saved (the energy section refreshes its debts). */
    public void setOnSaved(Runnable onSaved) {
        this.onSaved = Objects.requireNonNull(onSaved);
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    private record Household(
            List<PaymentPlanDto> plans,
            List<DebtDto> debts,
            Map<String, Long> balances,
            List<CodeItem> creditors,
            List<DocumentChoice> documents) {}

    private Household read(String resident) {
        return new Household(
                plans.plans(resident),
                energy.debts(resident),
                plans.balances(resident),
                reference.creditors(null),
                documentChoices(resident));
    }

    private List<DocumentChoice> documentChoices(String resident) {
        List<DocumentChoice> out = new ArrayList<>();
        out.add(new DocumentChoice(null, texts.getString("plan.confirmation.none")));
        for (PhotoItem d : documents.forResident(resident)) {
            String kind = d.title() != null && !d.title().isBlank()
                    ? d.title()
                    : d.type() == null
                            ? texts.getString("plan.confirmation.document")
                            : reference.label(ListNames.DOCUMENT_TYPE, d.type());
            String day = d.capturedAt() == null
                    ? ""
                    : Texts.date(texts).format(d.capturedAt().atZone(zone).toLocalDate());
            out.add(new DocumentChoice(d.id(), day.isEmpty() ? kind : kind + " · " + day));
        }
        return out;
    }

    private void show(Household h) {
        householdPlans = h.plans();
        householdDebts = h.debts();
        balances = h.balances();
        List<PlanItem> items = new ArrayList<>();
        for (PaymentPlanDto p : h.plans()) {
            items.add(item(p));
        }
        planItems.setAll(items);
        if (!documentChoices.equals(h.documents())) {
            documentChoices.setAll(h.documents());
        }
        if (!creditorChoices.equals(h.creditors())) {
            creditorChoices.setAll(h.creditors());
        }
    }

    /** The household's plans, listed; no plan open. */
    public CompletableFuture<Void> load(String residentId) {
        this.residentId = Objects.requireNonNull(residentId);
        return work.supply(
                        "loading a household's payment plans",
                        () -> read(residentId),
                        h -> {
                            show(h);
                            loaded.set(true);
                        },
                        e -> formError.set(texts.getString("common.load.failed")))
                .<Void>thenApply(h -> null)
                .exceptionally(e -> null);
    }

    /**
     * The plan of a debt: the running plan (proposed, accepted or active) that covers it, or the latest that does,
     * else a new plan for that debt alone.
     */
    public CompletableFuture<Void> openPlanForDebt(String residentId, String debtId) {
        return load(residentId).thenRun(() -> {
            Optional<PaymentPlanDto> covering = householdPlans.stream()
                    .filter(p -> p.debtIds().contains(debtId))
                    .findFirst();
            if (covering.isPresent()) {
                showPlan(covering.get(), false);
            } else {
                newPlan(List.of(debtId));
            }
        });
    }

    /** Opens one of the listed plans in the form. */
    public void open(String planId) {
        householdPlans.stream().filter(p -> p.id().equals(planId)).findFirst().ifPresent(p -> showPlan(p, false));
    }

    /**
     * A new proposed plan for these debts of the household (none: the household's debts not in a running plan that
     * are owed to the creditor of the first of them — a plan is agreed with one creditor), its total their balances
     * and its creditor the first debt's; not saved yet.
     */
    public void newPlan(List<String> debtIds) {
        List<String> ids = new ArrayList<>(debtIds);
        if (ids.isEmpty()) {
            List<DebtDto> open = householdDebts.stream()
                    .filter(d -> balances.getOrDefault(d.id(), 0L) > 0)
                    .filter(d -> householdPlans.stream()
                            .noneMatch(p -> runningOrAgreed(p) && p.debtIds().contains(d.id())))
                    .toList();
            String creditorOfFirst = open.isEmpty() ? null : open.get(0).creditor();
            open.stream()
                    .filter(d -> Objects.equals(d.creditor(), creditorOfFirst))
                    .forEach(d -> ids.add(d.id()));
        }
        String firstCreditor = householdDebts.stream()
                .filter(d -> ids.contains(d.id()))
                .map(DebtDto::creditor)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
        PaymentPlanDto draft = new PaymentPlanDto(
                UUID.randomUUID().toString(),
                null,
                residentId,
                firstCreditor,
                ids,
                null,
                balanceOf(ids),
                1,
                PaymentPlans.PROPOSED,
                List.of(),
                null,
                null);
        showPlan(draft, true);
    }

    private static boolean runningOrAgreed(PaymentPlanDto p) {
        return PaymentPlans.PROPOSED.equals(p.status()) || PaymentPlans.AGREED.contains(p.status());
    }

    private long balanceOf(List<String> ids) {
        return ids.stream().mapToLong(id -> balances.getOrDefault(id, 0L)).sum();
    }

    /** Back to the list without saving. */
    public void close() {
        current = null;
        editing.set(false);
        errors.clear();
        formError.set("");
    }

    private void showPlan(PaymentPlanDto p, boolean fresh) {
        current = p;
        isNew = fresh;
        errors.clear();
        formError.set("");
        List<DebtChoice> choices = new ArrayList<>();
        for (DebtDto d : householdDebts) {
            DebtChoice c = new DebtChoice(d.id(), debtLabel(d), balances.getOrDefault(d.id(), 0L), d.creditor());
            c.selected.set(p.debtIds().contains(d.id()));
            c.selected.addListener((o, a, b) -> {
                if (isNew) {
                    total.set(FrenchInput.typedAmount(balanceOf(selectedDebts())));
                }
            });
            choices.add(c);
        }
        debtChoices.setAll(choices);
        creditor.set(p.creditor());
        status.set(p.status());
        agreedOn.set(FrenchInput.format(p.agreedOn()));
        total.set(p.totalCents() > 0 ? FrenchInput.typedAmount(p.totalCents()) : "");
        everyMonths.set(Integer.toString(Math.max(1, p.everyMonths())));
        count.set(
                p.instalments().isEmpty()
                        ? ""
                        : Integer.toString(p.instalments().size()));
        firstDue.set(
                p.instalments().isEmpty()
                        ? FrenchInput.format(today().withDayOfMonth(1).plusMonths(1))
                        : FrenchInput.format(p.instalments().get(0).dueDate()));
        note.set(p.note() == null ? "" : p.note());
        confirmation.set(documentChoices.stream()
                .filter(d -> Objects.equals(d.id(), p.confirmationDocumentId()))
                .findFirst()
                .orElse(documentChoices.isEmpty() ? null : documentChoices.get(0)));
        List<InstalmentRow> rows = new ArrayList<>();
        for (int i = 0; i < p.instalments().size(); i++) {
            InstalmentDto in = p.instalments().get(i);
            InstalmentRow row = row(i);
            row.dueDate.set(FrenchInput.format(in.dueDate()));
            row.amount.set(FrenchInput.typedAmount(in.amountCents()));
            row.paidOn.set(FrenchInput.format(in.paidOn()));
            row.paid.set(in.paidCents() > 0 ? FrenchInput.typedAmount(in.paidCents()) : "");
            rows.add(row);
        }
        instalments.setAll(rows);
        refreshFlags();
        markReminders();
        editing.set(true);
    }

    private InstalmentRow row(int index) {
        InstalmentRow row = new InstalmentRow(index);
        row.dueDate.addListener((o, a, b) -> refreshFlags());
        row.amount.addListener((o, a, b) -> refreshFlags());
        row.paid.addListener((o, a, b) -> refreshFlags());
        return row;
    }

    private List<String> selectedDebts() {
        return debtChoices.stream()
                .filter(c -> c.selected.get())
                .map(DebtChoice::id)
                .toList();
    }

    /** « Calculer »: the instalments from the rules, from the typed total, count, first due date and interval. */
    public boolean compute() {
        for (String f : List.of("totalCents", "count", "firstDue", "everyMonths", "instalments")) {
            errors.replace(f, "");
        }
        Long cents = errors.amount("totalCents", total.get(), texts);
        if (cents == null && FrenchInput.blank(total.get())) {
            errors.replace("totalCents", texts.getString("plan.error.total"));
        }
        Optional<Integer> n = FrenchInput.wholeNumber(count.get(), 1, PaymentPlans.MAX_INSTALMENTS);
        if (n.isEmpty()) {
            errors.replace("count", texts.getString("plan.error.count"));
        }
        LocalDate first = errors.date("firstDue", firstDue.get(), texts);
        if (first == null && FrenchInput.blank(firstDue.get())) {
            errors.replace("firstDue", texts.getString("form.error.date"));
        }
        Optional<Integer> every = FrenchInput.wholeNumber(everyMonths.get(), 1, PaymentPlans.MAX_EVERY_MONTHS);
        if (every.isEmpty()) {
            errors.replace("everyMonths", texts.getString("plan.error.every"));
        }
        if (cents == null || n.isEmpty() || first == null || every.isEmpty()) {
            return false;
        }
        List<fr.mediance.rules.PaymentPlans.Instalment> schedule;
        try {
            schedule = fr.mediance.rules.PaymentPlans.schedule(cents, n.get(), first, every.get());
        } catch (RuleException e) {
            errors.replace("count", e.message(Texts.locale(texts)));
            return false;
        }
        List<InstalmentRow> rows = new ArrayList<>();
        for (int i = 0; i < schedule.size(); i++) {
            InstalmentRow row = row(i);
            row.dueDate.set(FrenchInput.format(schedule.get(i).dueDate()));
            row.amount.set(FrenchInput.typedAmount(schedule.get(i).amountCents()));
            rows.add(row);
        }
        instalments.setAll(rows);
        refreshFlags();
        markReminders();
        return true;
    }

    /** The instalments as typed, for the rules (rows that do not read are left out). */
    private List<fr.mediance.rules.PaymentPlans.Instalment> typed() {
        List<fr.mediance.rules.PaymentPlans.Instalment> out = new ArrayList<>();
        for (InstalmentRow r : instalments) {
            Optional<LocalDate> due = FrenchInput.date(r.dueDate.get());
            Optional<Long> amount = FrenchInput.cents(r.amount.get());
            if (due.isPresent() && amount.isPresent()) {
                long paid = FrenchInput.cents(r.paid.get()).orElse(0L);
                out.add(new fr.mediance.rules.PaymentPlans.Instalment(
                        due.get(),
                        amount.get(),
                        FrenchInput.date(r.paidOn.get()).orElse(null),
                        paid));
            }
        }
        return out;
    }

    private void refreshFlags() {
        LocalDate today = today();
        int lateCount = 0;
        for (InstalmentRow r : instalments) {
            Optional<LocalDate> due = FrenchInput.date(r.dueDate.get());
            Optional<Long> amount = FrenchInput.cents(r.amount.get());
            long paid = FrenchInput.cents(r.paid.get()).orElse(0L);
            boolean late = due.isPresent() && amount.isPresent() && due.get().isBefore(today) && paid < amount.get();
            r.late.set(late);
            if (late) {
                lateCount++;
            }
        }
        lateSummary.set(lateCount == 0 ? "" : Texts.format(texts, "plan.late.summary", lateCount));
        List<fr.mediance.rules.PaymentPlans.Instalment> typed = typed();
        String suggested = fr.mediance.rules.PaymentPlans.suggestedStatus(typed, today, status.get());
        suggestion.set(
                Objects.equals(suggested, status.get()) || typed.size() != instalments.size()
                        ? ""
                        : Texts.format(texts, "plan.suggestion." + suggested, statusLabel(suggested)));
    }

    /** Marks the rows whose follow-up task is already on the device. */
    private void markReminders() {
        if (current == null) {
            return;
        }
        List<InstalmentRow> rows = List.copyOf(instalments);
        String planId = current.id();
        work.supply(
                "reading the reminders of a payment plan",
                () -> {
                    List<Boolean> exists = new ArrayList<>();
                    for (InstalmentRow r : rows) {
                        Optional<LocalDate> due = FrenchInput.date(r.dueDate.get());
                        exists.add(due.isPresent()
                                && tasks.task(reminderId(planId, due.get())).isPresent());
                    }
                    return exists;
                },
                exists -> {
                    for (int i = 0; i < rows.size(); i++) {
                        rows.get(i).reminder.set(exists.get(i) ? texts.getString("plan.reminder.exists") : "");
                    }
                },
                e -> {});
    }

    /** The id of the one follow-up task of an instalment: derived from the plan and the instalment's due date. */
    static String reminderId(String planId, LocalDate dueDate) {
        return UUID.nameUUIDFromBytes(
                        ("payment_plan_reminder:" + planId + ":" + dueDate).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /**
     * « Créer une relance » for a late instalment: a follow-up task due today, « Échéance du 05/03 non payée — EDF »;
     * a second tap answers the task already created. Completes with true when the task exists.
     */
    public CompletableFuture<Boolean> createReminder(InstalmentRow row) {
        Optional<LocalDate> due = FrenchInput.date(row.dueDate.get());
        if (current == null || due.isEmpty() || !row.late.get()) {
            return CompletableFuture.completedFuture(false);
        }
        String creditorLabel = creditor.get() == null ? "" : reference.partnerName(creditor.get());
        String title = Texts.format(
                texts,
                "plan.reminder.title",
                DateTimeFormatter.ofPattern("dd/MM", Locale.FRANCE).format(due.get()),
                creditorLabel);
        String id = reminderId(current.id(), due.get());
        boolean already = !row.reminder.get().isEmpty();
        String planId = current.id();
        return work.supply(
                        "creating the reminder of a payment plan's instalment",
                        () -> tasks.createOnce(id, residentId, title, today(), planId),
                        o -> {
                            if (o.isOk()) {
                                row.reminder.set(texts.getString("plan.reminder.exists"));
                                onMessage.accept(
                                        texts.getString(already ? "plan.reminder.already" : "plan.reminder.created"));
                            } else {
                                onMessage.accept(o.message());
                            }
                        },
                        e -> onMessage.accept(texts.getString("common.save.failed")))
                .thenApply(Outcome::isOk)
                .exceptionally(e -> false);
    }

    /** Saves the plan; completes with true once saved (and its debts moved when it is agreed). */
    public CompletableFuture<Boolean> save() {
        if (current == null) {
            return CompletableFuture.completedFuture(false);
        }
        errors.clear();
        formError.set("");
        LocalDate agreed = errors.date("agreedOn", agreedOn.get(), texts);
        Long cents = errors.amount("totalCents", total.get(), texts);
        if (cents == null && FrenchInput.blank(total.get())) {
            errors.replace("totalCents", texts.getString("plan.error.total"));
        }
        int every = FrenchInput.wholeNumber(everyMonths.get(), 1, PaymentPlans.MAX_EVERY_MONTHS)
                .orElseGet(() -> {
                    errors.replace("everyMonths", texts.getString("plan.error.every"));
                    return 0;
                });
        List<InstalmentDto> list = new ArrayList<>();
        for (int i = 0; i < instalments.size(); i++) {
            InstalmentRow r = instalments.get(i);
            String f = "instalments[" + i + "].";
            LocalDate due = errors.date(f + "dueDate", r.dueDate.get(), texts);
            if (due == null && FrenchInput.blank(r.dueDate.get())) {
                errors.replace(f + "dueDate", texts.getString("form.error.date"));
            }
            Long amount = errors.amount(f + "amountCents", r.amount.get(), texts);
            if (amount == null && FrenchInput.blank(r.amount.get())) {
                errors.replace(f + "amountCents", texts.getString("form.error.amount"));
            }
            LocalDate paidOn = errors.date(f + "paidOn", r.paidOn.get(), texts);
            Long paid = errors.amount(f + "paidCents", r.paid.get(), texts);
            list.add(new InstalmentDto(due, amount == null ? 0 : amount, paidOn, paid == null ? 0 : paid));
        }
        if (errors.any()) {
            formError.set(texts.getString("plan.error.form"));
            return CompletableFuture.completedFuture(false);
        }
        PaymentPlanDto form = new PaymentPlanDto(
                current.id(),
                current.structureId(),
                current.residentId(),
                creditor.get(),
                selectedDebts(),
                agreed,
                cents,
                every,
                status.get(),
                list,
                confirmation.get() == null
                        ? current.confirmationDocumentId()
                        : confirmation.get().id(),
                note.get());
        List<DebtDto> debts = householdDebts;
        busy.set(true);
        return work.supply(
                        "saving a payment plan",
                        () -> {
                            Outcome<PaymentPlanDto> saved = plans.save(form);
                            int moved = 0;
                            if (saved.isOk() && PaymentPlans.AGREED.contains(form.status())) {
                                moved = moveDebts(form, debts);
                            }
                            return new Saved(saved, moved, read(form.residentId()));
                        },
                        s -> {
                            busy.set(false);
                            if (s.outcome().isOk()) {
                                show(s.household());
                                showPlan(s.outcome().value(), false);
                                onMessage.accept(
                                        s.moved() == 0
                                                ? texts.getString("plan.saved")
                                                : Texts.format(texts, "plan.saved.debts", s.moved()));
                                onSaved.run();
                            } else {
                                showRefusal(s.outcome());
                            }
                        },
                        e -> {
                            busy.set(false);
                            formError.set(texts.getString("common.save.failed"));
                        })
                .thenApply(s -> s.outcome().isOk())
                .exceptionally(e -> false);
    }

    private record Saved(Outcome<PaymentPlanDto> outcome, int moved, Household household) {}

    /** Puts the plan's debts « En échéancier » through the energy service (its checks kept); answers how many. */
    private int moveDebts(PaymentPlanDto plan, List<DebtDto> debts) {
        int moved = 0;
        for (DebtDto d : debts) {
            if (!plan.debtIds().contains(d.id()) || "payment_plan".equals(d.status())) {
                continue;
            }
            DebtDto inPlan = d.withStatus("payment_plan");
            if (energy.saveDebt(inPlan).isOk()) {
                moved++;
            }
        }
        return moved;
    }

    private void showRefusal(Outcome<?> refused) {
        refused.fieldErrors().forEach((f, m) -> {
            String field = f.startsWith("debtIds") ? "debtIds" : f;
            errors.replace(field, m);
        });
        formError.set(refused.fieldErrors().isEmpty() ? refused.message() : texts.getString("plan.error.form"));
    }

    private PlanItem item(PaymentPlanDto p) {
        String creditorLabel = p.creditor() == null ? "" : reference.partnerName(p.creditor());
        String title = Texts.format(texts, "plan.item.title", creditorLabel, statusLabel(p.status()));
        List<fr.mediance.rules.PaymentPlans.Instalment> in = p.instalments().stream()
                .map(i -> new fr.mediance.rules.PaymentPlans.Instalment(
                        i.dueDate(), i.amountCents(), i.paidOn(), i.paidCents()))
                .toList();
        Optional<fr.mediance.rules.PaymentPlans.Instalment> next =
                in.stream().filter(i -> !i.fullyPaid()).findFirst();
        String nextText = next.map(i -> Texts.format(
                        texts,
                        "plan.item.next",
                        Texts.date(texts).format(i.dueDate()),
                        Texts.money(texts, i.remainingCents())))
                .orElse(texts.getString("plan.item.none"));
        long remaining = in.stream()
                .mapToLong(fr.mediance.rules.PaymentPlans.Instalment::remainingCents)
                .sum();
        boolean late = !PaymentPlans.PROPOSED.equals(p.status())
                && !fr.mediance.rules.PaymentPlans.late(in, today()).isEmpty();
        return new PlanItem(
                p.id(),
                title,
                nextText,
                Texts.format(texts, "plan.item.remaining", Texts.money(texts, remaining)),
                late);
    }

    private String debtLabel(DebtDto d) {
        String c = d.creditor() == null ? "" : reference.partnerName(d.creditor());
        return Texts.format(
                texts,
                "plan.debt.label",
                c,
                d.amountCents() == null ? "" : Texts.money(texts, d.amountCents()),
                d.issueDate() == null ? "—" : Texts.date(texts).format(d.issueDate()),
                Texts.money(texts, balances.getOrDefault(d.id(), 0L)));
    }

    public List<String> statuses() {
        return PaymentPlans.STATUSES;
    }

    public String statusLabel(String code) {
        return Texts.labelOr(texts, "plan.status." + code, code);
    }

    /** The partners a plan may be agreed with (the creditors' list). */
    public ObservableList<CodeItem> creditors() {
        return creditorChoices;
    }

    public String creditorLabel(String code) {
        return code == null ? "" : reference.partnerName(code);
    }

    public ReadOnlyStringProperty error(String field) {
        return errors.property(field);
    }

    public ObservableList<PlanItem> plans() {
        return planItems;
    }

    public ObservableList<DebtChoice> debts() {
        return debtChoices;
    }

    public ObservableList<InstalmentRow> instalments() {
        return instalments;
    }

    public ObjectProperty<String> creditorProperty() {
        return creditor;
    }

    public ObjectProperty<String> statusProperty() {
        return status;
    }

    public StringProperty agreedOnProperty() {
        return agreedOn;
    }

    public StringProperty totalProperty() {
        return total;
    }

    public StringProperty countProperty() {
        return count;
    }

    public StringProperty firstDueProperty() {
        return firstDue;
    }

    public StringProperty everyMonthsProperty() {
        return everyMonths;
    }

    /** The resident's documents, « Aucune » first: the creditor's written confirmation. */
    public ObservableList<DocumentChoice> documents() {
        return documentChoices;
    }

    public ObjectProperty<DocumentChoice> confirmationProperty() {
        return confirmation;
    }

    public StringProperty noteProperty() {
        return note;
    }

    /** A plan is open in the form. */
    public ReadOnlyBooleanProperty editingProperty() {
        return editing.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty formErrorProperty() {
        return formError.getReadOnlyProperty();
    }

    /** « 2 échéances en retard » ("" when none). */
    public ReadOnlyStringProperty lateSummaryProperty() {
        return lateSummary.getReadOnlyProperty();
    }

    /** The status the payments suggest, in a sentence ("" when it is the chosen one). */
    public ReadOnlyStringProperty suggestionProperty() {
        return suggestion.getReadOnlyProperty();
    }
}
