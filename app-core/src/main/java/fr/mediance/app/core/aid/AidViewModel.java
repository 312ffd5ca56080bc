package fr.mediance.app.core.aid;

import fr.mediance.app.core.BackgroundWork;
import fr.mediance.app.core.FieldErrors;
import fr.mediance.app.core.Outcome;
import fr.mediance.app.core.Texts;
import fr.mediance.app.core.energy.EnergyService;
import fr.mediance.app.core.reference.CodeItem;
import fr.mediance.app.core.reference.ReferenceService;
import fr.mediance.app.core.visit.FrenchInput;
import fr.mediance.protocol.AidApplicationDto;
import fr.mediance.protocol.AidApplications;
import fr.mediance.protocol.AidApplications.FslRule;
import fr.mediance.protocol.DebtDto;
import fr.mediance.protocol.ListNames;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
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
 * « Demandes d'aide »: the household's applications, and one of them in a form — kind, département (its FSL rules
 * said in plain French: the delay for missing documents, who may file, the QF ceiling), instructing service,
 * amount asked, status and its dates, decision and amount granted — with its documents checklist ticked from the
 * documents the household has given. Saved on « Enregistrer », checked by the server's rule; problems beside
 * their field, the text kept.
 */
public final class AidViewModel {
    public static final List<String> FIELDS = List.of(
            "kind",
            "departement",
            "instructingBody",
            "requestedCents",
            "status",
            "submittedOn",
            "missingDocumentsDueOn",
            "decidedOn",
            "grantedCents",
            "paidTo",
            "refusalReason",
            "note");

    /** An application in the list: what, where it stands, since when. */
    public record Item(String id, String title, String detail) {}

    /** One of the household's debts the application may be for. */
    public record DebtChoice(String id, String label) {}

    private final AidService aids;
    private final EnergyService energy;
    private final ReferenceService reference;
    private final Clock clock;
    private final ZoneId zone;
    private final ResourceBundle texts;
    private final BackgroundWork work;
    private Consumer<String> onMessage = m -> {};

    private final ObservableList<Item> items = FXCollections.observableArrayList();
    private final ObservableList<CodeItem> kinds = FXCollections.observableArrayList();
    private final ObservableList<DebtChoice> debts = FXCollections.observableArrayList();
    private final ObservableList<String> chosenDebts = FXCollections.observableArrayList();
    private List<DebtDto> householdDebts = List.of();
    private final ObservableList<AidService.ChecklistItem> checklist = FXCollections.observableArrayList();
    private final ObjectProperty<String> kind = new SimpleObjectProperty<>(this, "kind");
    private final StringProperty departement = new SimpleStringProperty(this, "departement", "");
    private final StringProperty instructingBody = new SimpleStringProperty(this, "instructingBody", "");
    private final StringProperty requested = new SimpleStringProperty(this, "requested", "");
    private final ObjectProperty<String> status = new SimpleObjectProperty<>(this, "status", "preparing");
    private final StringProperty submittedOn = new SimpleStringProperty(this, "submittedOn", "");
    private final StringProperty missingDocumentsDueOn = new SimpleStringProperty(this, "missingDocumentsDueOn", "");
    private final StringProperty decidedOn = new SimpleStringProperty(this, "decidedOn", "");
    private final StringProperty granted = new SimpleStringProperty(this, "granted", "");
    private final ObjectProperty<String> paidTo = new SimpleObjectProperty<>(this, "paidTo");
    private final StringProperty refusalReason = new SimpleStringProperty(this, "refusalReason", "");
    private final StringProperty note = new SimpleStringProperty(this, "note", "");
    private final ReadOnlyStringWrapper ruleText = new ReadOnlyStringWrapper(this, "ruleText", "");
    private final ReadOnlyStringWrapper filingWarning = new ReadOnlyStringWrapper(this, "filingWarning", "");
    private final ReadOnlyStringWrapper checklistSummary = new ReadOnlyStringWrapper(this, "checklistSummary", "");
    private final ReadOnlyStringWrapper formTitle = new ReadOnlyStringWrapper(this, "formTitle", "");
    private final ReadOnlyStringWrapper formError = new ReadOnlyStringWrapper(this, "formError", "");
    private final ReadOnlyBooleanWrapper editing = new ReadOnlyBooleanWrapper(this, "editing");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final FieldErrors errors = new FieldErrors(FIELDS.toArray(String[]::new));

    private String residentId;
    private AidApplicationDto current;
    private List<AidApplicationDto> applications = List.of();
    private Optional<FslRule> rule = Optional.empty();

    public AidViewModel(
            AidService aids,
            EnergyService energy,
            ReferenceService reference,
            Clock clock,
            ZoneId zone,
            ResourceBundle texts,
            Executor background,
            Executor fx) {
        this.aids = Objects.requireNonNull(aids);
        this.energy = Objects.requireNonNull(energy);
        this.reference = Objects.requireNonNull(reference);
        this.clock = Objects.requireNonNull(clock);
        this.zone = Objects.requireNonNull(zone);
        this.texts = Objects.requireNonNull(texts);
        this.work = new BackgroundWork(background, fx);
        departement.addListener((o, a, b) -> {
            errors.replace("departement", "");
            readRule();
        });
        kind.addListener((o, a, b) -> readRule());
        status.addListener((o, a, b) -> {
            errors.replace("status", "");
            if ("waiting_for_documents".equals(b) && FrenchInput.blank(missingDocumentsDueOn.get())) {
                rule.map(FslRule::missingDocumentsDays)
                        .filter(Objects::nonNull)
                        .ifPresent(days -> missingDocumentsDueOn.set(FrenchInput.format(today().plusDays(days))));
            }
        });
    }

    public void setOnMessage(Consumer<String> onMessage) {
        this.onMessage = Objects.requireNonNull(onMessage);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    /** Loads the resident's applications and the aid kinds. */
    public CompletableFuture<Void> load(String residentId) {
        this.residentId = residentId;
        record Loaded(List<AidApplicationDto> all, List<CodeItem> kinds, List<DebtDto> debts) {}
        return work.supply(
                        "loading a household's aid applications",
                        () -> new Loaded(
                                aids.applications(residentId),
                                reference.codes(ListNames.AID_KIND),
                                energy.debts(residentId)),
                        l -> {
                            kinds.setAll(l.kinds());
                            householdDebts = l.debts();
                            debts.setAll(l.debts().stream()
                                    .map(d -> new DebtChoice(d.id(), debtLabel(d)))
                                    .toList());
                            applications = l.all();
                            renderItems();
                        },
                        e -> formError.set(texts.getString("common.load.failed")))
                .<Void>thenApply(l -> null)
                .exceptionally(e -> null);
    }

    private void renderItems() {
        items.setAll(applications.stream()
                .map(a -> new Item(
                        a.id(),
                        reference.label(ListNames.AID_KIND, a.kind()),
                        Texts.format(
                                texts,
                                "aid.item.detail",
                                statusLabel(a.status()),
                                Texts.date(texts).format(a.openedOn()))))
                .toList());
    }

    /** Starts a new application of the chosen kind (the form opens with its checklist). */
    public CompletableFuture<Void> start(String aidKind, String departementCode) {
        return work.supply(
                        "starting an aid application",
                        () -> aids.start(residentId, aidKind, departementCode),
                        this::show,
                        e -> formError.set(texts.getString("common.load.failed")))
                .<Void>thenApply(a -> null)
                .exceptionally(e -> null);
    }

    /** Opens one of the household's applications in the form. */
    public void open(String id) {
        applications.stream().filter(a -> a.id().equals(id)).findFirst().ifPresent(this::show);
    }

    private void show(AidApplicationDto a) {
        current = a;
        errors.clear();
        formError.set("");
        kind.set(a.kind());
        departement.set(a.departement() == null ? "" : a.departement());
        instructingBody.set(a.instructingBody() == null ? "" : a.instructingBody());
        requested.set(FrenchInput.typedAmount(a.requestedCents()));
        status.set(a.status());
        submittedOn.set(FrenchInput.format(a.submittedOn()));
        missingDocumentsDueOn.set(FrenchInput.format(a.missingDocumentsDueOn()));
        decidedOn.set(FrenchInput.format(a.decidedOn()));
        granted.set(FrenchInput.typedAmount(a.grantedCents()));
        paidTo.set(a.paidTo());
        refusalReason.set(a.refusalReason() == null ? "" : a.refusalReason());
        note.set(a.note() == null ? "" : a.note());
        chosenDebts.setAll(a.debtIds());
        formTitle.set(Texts.format(
                texts,
                "aid.form.title",
                reference.label(ListNames.AID_KIND, a.kind()),
                Texts.date(texts).format(a.openedOn())));
        editing.set(true);
        refreshChecklist(a);
        readRule();
    }

    private void refreshChecklist(AidApplicationDto a) {
        work.supply(
                "reading an aid application's checklist",
                () -> aids.checklist(a),
                list -> {
                    checklist.setAll(list);
                    long provided = list.stream()
                            .filter(AidService.ChecklistItem::provided)
                            .count();
                    checklistSummary.set(
                            list.isEmpty()
                                    ? texts.getString("aid.checklist.none")
                                    : Texts.format(texts, "aid.checklist.summary", provided, list.size()));
                },
                e -> checklistSummary.set(""));
    }

    private void readRule() {
        String code = departement.get() == null ? "" : departement.get().strip().toUpperCase(java.util.Locale.ROOT);
        String aidKind = kind.get();
        if (!AidApplications.isDepartement(code)) {
            rule = Optional.empty();
            ruleText.set("");
            filingWarning.set("");
            return;
        }
        record Read(Optional<FslRule> rule, Optional<String> domain) {}
        work.supply(
                "reading a département's FSL rules",
                () -> new Read(aids.fslRule(code), aidKind == null ? Optional.empty() : aids.domainOf(aidKind)),
                r -> {
                    rule = r.rule();
                    ruleText.set(r.rule()
                            .map(fsl -> describe(code, fsl))
                            .orElse(Texts.format(texts, "aid.rule.none", code)));
                    boolean fsl = aidKind != null && aidKind.startsWith("fsl_");
                    filingWarning.set(
                            fsl
                                            && r.rule().isPresent()
                                            && r.domain().isPresent()
                                            && !r.rule()
                                                    .get()
                                                    .selfFiling()
                                                    .contains(r.domain().get())
                                    ? texts.getString("aid.rule.social.worker")
                                    : "");
                },
                e -> ruleText.set(""));
    }

    private String describe(String code, FslRule fsl) {
        List<String> parts = new ArrayList<>();
        if (fsl.missingDocumentsDays() != null) {
            parts.add(Texts.format(texts, "aid.rule.delay", fsl.missingDocumentsDays()));
        }
        if (!fsl.selfFiling().isEmpty()) {
            parts.add(Texts.format(
                    texts,
                    "aid.rule.self",
                    String.join(
                            ", ",
                            fsl.selfFiling().stream()
                                    .sorted()
                                    .map(d ->
                                            reference.label(ListNames.DOMAIN, d).toLowerCase(Texts.locale(texts)))
                                    .toList())));
        }
        if (fsl.quotientCeiling() != null) {
            parts.add(Texts.format(texts, "aid.rule.qf", fsl.quotientCeiling()));
        }
        return Texts.format(texts, "aid.rule", code, String.join(" ; ", parts));
    }

    /** Saves the form; completes with true once saved (the list is read again). */
    public CompletableFuture<Boolean> save() {
        if (current == null) {
            return CompletableFuture.completedFuture(false);
        }
        errors.clear();
        formError.set("");
        Long requestedCents = errors.amount("requestedCents", requested.get(), texts);
        Long grantedCents = errors.amount("grantedCents", granted.get(), texts);
        LocalDate submitted = errors.date("submittedOn", submittedOn.get(), texts);
        LocalDate due = errors.date("missingDocumentsDueOn", missingDocumentsDueOn.get(), texts);
        LocalDate decided = errors.date("decidedOn", decidedOn.get(), texts);
        if (errors.any()) {
            formError.set(texts.getString("aid.error.form"));
            return CompletableFuture.completedFuture(false);
        }
        String code = departement.get() == null ? "" : departement.get().strip().toUpperCase(java.util.Locale.ROOT);
        AidApplicationDto form = new AidApplicationDto(
                current.id(),
                current.structureId(),
                current.residentId(),
                current.authorId(),
                kind.get(),
                code.isEmpty() ? null : code,
                blankToNull(instructingBody.get()),
                List.copyOf(chosenDebts),
                current.checklist(),
                requestedCents,
                grantedCents,
                paidTo.get(),
                status.get(),
                current.openedOn(),
                submitted,
                due,
                decided,
                blankToNull(refusalReason.get()),
                blankToNull(note.get()),
                current.updatedAt());
        busy.set(true);
        return work.supply(
                        "saving an aid application",
                        () -> aids.save(form),
                        o -> {
                            busy.set(false);
                            saved(o);
                        },
                        e -> {
                            busy.set(false);
                            formError.set(texts.getString("common.save.failed"));
                        })
                .thenApply(Outcome::isOk)
                .exceptionally(e -> false);
    }

    private void saved(Outcome<AidApplicationDto> o) {
        if (o.isOk()) {
            updateDebts(o.value());
            current = o.value();
            List<AidApplicationDto> all = new ArrayList<>(applications);
            all.removeIf(a -> a.id().equals(o.value().id()));
            all.add(0, o.value());
            applications = all;
            renderItems();
            onMessage.accept(texts.getString("aid.saved"));
            return;
        }
        if (o.fieldErrors().isEmpty()) {
            formError.set(o.message());
            return;
        }
        o.fieldErrors().forEach((f, m) -> {
            if (FIELDS.contains(f)) {
                errors.replace(f, m);
            } else {
                formError.set(m);
            }
        });
        if (formError.get().isEmpty()) {
            formError.set(texts.getString("aid.error.form"));
        }
    }

    /**
     * An FSL application moves the debts it is for: filed → « FSL en attente » (with its filing day), granted →
     * « FSL accordé » (with the decision's day). Each debt is saved by the energy service, checked as any edit.
     */
    private void updateDebts(AidApplicationDto a) {
        if (a.kind() == null || !a.kind().startsWith("fsl_") || a.debtIds().isEmpty()) {
            return;
        }
        boolean granted = "granted".equals(a.status()) || "partially_granted".equals(a.status());
        boolean filed =
                List.of("submitted", "in_instruction", "waiting_for_documents").contains(a.status());
        if (!granted && !filed) {
            return;
        }
        List<DebtDto> changed = new ArrayList<>();
        for (DebtDto d : householdDebts) {
            if (!a.debtIds().contains(d.id())) {
                continue;
            }
            String status = granted ? "fsl_granted" : "fsl_pending";
            LocalDate filedOn =
                    d.fslFiledOn() != null ? d.fslFiledOn() : a.submittedOn() != null ? a.submittedOn() : today();
            LocalDate aidOn = granted ? (a.decidedOn() != null ? a.decidedOn() : today()) : d.fslAidOn();
            if (status.equals(d.status()) && filedOn.equals(d.fslFiledOn()) && Objects.equals(aidOn, d.fslAidOn())) {
                continue;
            }
            changed.add(d.withFsl(status, filedOn, aidOn));
        }
        if (changed.isEmpty()) {
            return;
        }
        work.supply(
                "updating the debts of an aid application",
                () -> {
                    List<DebtDto> saved = new ArrayList<>();
                    for (DebtDto d : changed) {
                        Outcome<DebtDto> r = energy.saveDebt(d);
                        if (r.isOk()) {
                            saved.add(r.value());
                        }
                    }
                    return saved;
                },
                saved -> {
                    List<DebtDto> all = new ArrayList<>(householdDebts);
                    for (DebtDto d : saved) {
                        all.replaceAll(x -> x.id().equals(d.id()) ? d : x);
                    }
                    householdDebts = all;
                    onMessage.accept(
                            Texts.format(texts, granted ? "aid.debts.granted" : "aid.debts.pending", saved.size()));
                },
                e -> onMessage.accept(texts.getString("common.save.failed")));
    }

    private String debtLabel(DebtDto d) {
        String creditor = d.creditor() == null ? "" : reference.partnerName(d.creditor());
        String amount = d.amountCents() == null ? "" : Texts.money(texts, d.amountCents());
        return Texts.format(
                texts,
                "aid.debt.label",
                creditor,
                amount,
                d.issueDate() == null ? "—" : Texts.date(texts).format(d.issueDate()));
    }

    /** Chooses or leaves one of the household's debts for the application. */
    public void toggleDebt(String debtId, boolean chosen) {
        if (chosen && !chosenDebts.contains(debtId)) {
            chosenDebts.add(debtId);
        } else if (!chosen) {
            chosenDebts.remove(debtId);
        }
    }

    public ObservableList<DebtChoice> debts() {
        return debts;
    }

    public ObservableList<String> chosenDebts() {
        return chosenDebts;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public String statusLabel(String code) {
        return Texts.labelOr(texts, "aid.status." + code, code);
    }

    public String paidToLabel(String code) {
        return Texts.labelOr(texts, "aid.paidTo." + code, code);
    }

    public List<String> statuses() {
        return AidApplications.STATUSES;
    }

    public List<String> paidToOptions() {
        return AidApplications.PAID_TO;
    }

    public ReadOnlyStringProperty error(String field) {
        return errors.property(field);
    }

    public ObservableList<Item> items() {
        return items;
    }

    public ObservableList<CodeItem> kinds() {
        return kinds;
    }

    public ObservableList<AidService.ChecklistItem> checklist() {
        return checklist;
    }

    public ObjectProperty<String> kindProperty() {
        return kind;
    }

    public StringProperty departementProperty() {
        return departement;
    }

    public StringProperty instructingBodyProperty() {
        return instructingBody;
    }

    public StringProperty requestedProperty() {
        return requested;
    }

    public ObjectProperty<String> statusProperty() {
        return status;
    }

    public StringProperty submittedOnProperty() {
        return submittedOn;
    }

    public StringProperty missingDocumentsDueOnProperty() {
        return missingDocumentsDueOn;
    }

    public StringProperty decidedOnProperty() {
        return decidedOn;
    }

    public StringProperty grantedProperty() {
        return granted;
    }

    public ObjectProperty<String> paidToProperty() {
        return paidTo;
    }

    public StringProperty refusalReasonProperty() {
        return refusalReason;
    }

    public StringProperty noteProperty() {
        return note;
    }

    /** The département's FSL rules in plain French, or that the office has none for it. */
    public ReadOnlyStringProperty ruleTextProperty() {
        return ruleText.getReadOnlyProperty();
    }

    /** Set when the département's household may not file this kind of FSL alone. */
    public ReadOnlyStringProperty filingWarningProperty() {
        return filingWarning.getReadOnlyProperty();
    }

    /** « 3 pièces sur 8 fournies ». */
    public ReadOnlyStringProperty checklistSummaryProperty() {
        return checklistSummary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty formTitleProperty() {
        return formTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty formErrorProperty() {
        return formError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty editingProperty() {
        return editing.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
