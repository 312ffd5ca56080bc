package fr.mediance.app.core.visit;

import java.text.MessageFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import fr.mediance.app.core.Outcome;
import fr.mediance.app.core.resident.Resident;
import fr.mediance.app.core.resident.ResidentService;
import fr.mediance.app.core.signature.Signature;
import fr.mediance.app.core.signature.SignatureService;
import fr.mediance.protocol.ActionDto;
import fr.mediance.protocol.EnergyCheckDto;
import fr.mediance.protocol.ListNames;
import fr.mediance.protocol.MandateDto;
import fr.mediance.protocol.OrientationDto;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import fr.mediance.app.core.agenda.AgendaItem;
import fr.mediance.app.core.agenda.AgendaService;
import fr.mediance.app.core.document.DocumentService;
import fr.mediance.app.core.document.PhotoItem;
import fr.mediance.app.core.platform.CapturedImage;
import fr.mediance.app.core.platform.DocumentCapture;
import fr.mediance.app.core.reference.CodeItem;
import fr.mediance.app.core.reference.CodeLists;
import fr.mediance.app.core.reference.ReferenceService;
import fr.mediance.app.core.sync.Delivery;
import fr.mediance.app.core.sync.DeliveryStatus;
import fr.mediance.app.core.sync.PhotoTransfer;
import fr.mediance.app.core.sync.SyncService;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.Limits;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The visit report of one appointment. Every change is saved on the device at once (autosave, in order, on
 * the background executor); "Terminer la visite" validates, freezes the report (read-only afterwards) and
 * queues it with its photos for the office. Photos of documents are taken through {@link DocumentCapture}
 * with a document type and kept encrypted.
 */
public final class VisitReportViewModel {

    /**
     * A photographed document as the screen shows it, with where it stands on its way to the office:
     * {@code stateText} is "Sur l'appareil" (draft), "En attente", "Envoi 42 %", "Reçue par le bureau" or
     * "À vérifier" (then {@code reason} says why).
     */
    public record PhotoRow(String documentId, String type, String typeLabel, String mimeType, long sizeBytes,
                           Delivery delivery, int percent, String stateText, String reason) {

        /** A progress bar is shown while the photo travels. */
        public boolean showsProgress() {
            return delivery == Delivery.SENDING || delivery == Delivery.QUEUED && percent > 0;
        }
    }

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final VisitService visits;
    private final DocumentService documents;
    private final AgendaService agenda;
    private final ReferenceService reference;
    private final DocumentCapture capture;
    private final SyncService sync;
    private final Clock clock;
    private final ZoneId zone;
    private final ResourceBundle texts;
    private final Executor background;
    private final Executor fx;
    private Consumer<String> onMessage = m -> { };

    private VisitReport report;
    private boolean loadingFields;
    private boolean completionTried;
    private CompletableFuture<?> saves = CompletableFuture.completedFuture(null);
    private Runnable stopWatching;

    // header
    private final ReadOnlyStringWrapper residentName = new ReadOnlyStringWrapper(this, "residentName", "");
    private final ReadOnlyStringWrapper address = new ReadOnlyStringWrapper(this, "address", "");
    private final ReadOnlyStringWrapper accessNotes = new ReadOnlyStringWrapper(this, "accessNotes", "");
    private final ReadOnlyStringWrapper phone = new ReadOnlyStringWrapper(this, "phone", "");
    private final ReadOnlyStringWrapper whenText = new ReadOnlyStringWrapper(this, "whenText", "");
    // choices
    private final ObservableList<CodeItem> mediumOptions = FXCollections.observableArrayList();
    private final ObservableList<CodeItem> domainOptions = FXCollections.observableArrayList();
    private final ObservableList<CodeItem> documentTypeOptions = FXCollections.observableArrayList();
    // fields
    private final ObjectProperty<String> medium = new SimpleObjectProperty<>(this, "medium");
    private final ObservableList<String> domains = FXCollections.observableArrayList();
    private final StringProperty synthesis = new SimpleStringProperty(this, "synthesis", "");
    private final StringProperty followUp = new SimpleStringProperty(this, "followUp", "");
    private final StringProperty followUpDue = new SimpleStringProperty(this, "followUpDue", "");
    private final ObjectProperty<String> newPhotoType = new SimpleObjectProperty<>(this, "newPhotoType");
    // errors
    private final ReadOnlyStringWrapper mediumError = new ReadOnlyStringWrapper(this, "mediumError", "");
    private final ReadOnlyStringWrapper domainsError = new ReadOnlyStringWrapper(this, "domainsError", "");
    private final ReadOnlyStringWrapper synthesisError = new ReadOnlyStringWrapper(this, "synthesisError", "");
    private final ReadOnlyStringWrapper followUpError = new ReadOnlyStringWrapper(this, "followUpError", "");
    private final ReadOnlyStringWrapper followUpDueError = new ReadOnlyStringWrapper(this, "followUpDueError", "");
    private final ReadOnlyStringWrapper photoTypeError = new ReadOnlyStringWrapper(this, "photoTypeError", "");
    private final ReadOnlyStringWrapper formError = new ReadOnlyStringWrapper(this, "formError", "");
    // state
    private final ObservableList<PhotoRow> photos = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    private final ReadOnlyBooleanWrapper frozen = new ReadOnlyBooleanWrapper(this, "frozen");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper capturing = new ReadOnlyBooleanWrapper(this, "capturing");
    private final ReadOnlyStringWrapper saveStatus = new ReadOnlyStringWrapper(this, "saveStatus", "");
    private final ReadOnlyStringWrapper completedText = new ReadOnlyStringWrapper(this, "completedText", "");
    private final ReadOnlyStringWrapper deliveryText = new ReadOnlyStringWrapper(this, "deliveryText", "");
    private final javafx.beans.property.ReadOnlyObjectWrapper<Delivery> delivery =
            new javafx.beans.property.ReadOnlyObjectWrapper<>(this, "delivery", Delivery.LOCAL);
    private final ReadOnlyStringWrapper codesHint = new ReadOnlyStringWrapper(this, "codesHint", "");

    // ----- the full report
    /** Supply state code whose power in kVA is asked. */
    public static final String SUPPLY_LIMITED = "limited";
    private final MandateLookup mandates;
    private final SignatureService signatures;
    private final ResidentService residents;
    private final Map<String, ObservableList<CodeItem>> options = new java.util.HashMap<>();
    private List<CodeItem> allMotifs = List.of();
    private final ObservableList<CodeItem> motifOptions = FXCollections.observableArrayList();
    private final StringProperty place = new SimpleStringProperty(this, "place", "");
    private final StringProperty duration = new SimpleStringProperty(this, "duration", "");
    private final ObservableList<String> personsPresent = FXCollections.observableArrayList();
    private final ObservableList<String> motifs = FXCollections.observableArrayList();
    private final BooleanProperty metersChecked = new SimpleBooleanProperty(this, "metersChecked");
    private final ObjectProperty<Boolean> linky = new SimpleObjectProperty<>(this, "linky");
    private final ObjectProperty<String> supplyState = new SimpleObjectProperty<>(this, "supplyState");
    private final StringProperty kva = new SimpleStringProperty(this, "kva", "");
    private final StringProperty supplySince = new SimpleStringProperty(this, "supplySince", "");
    private final ObjectProperty<String> heatingType = new SimpleObjectProperty<>(this, "heatingType");
    private final ObservableList<String> ecoGestures = FXCollections.observableArrayList();
    private final ObservableList<String> equipmentIssues = FXCollections.observableArrayList();
    private final ObjectProperty<String> renovation = new SimpleObjectProperty<>(this, "renovation");
    private final ObservableList<ActionDto> actions = FXCollections.observableArrayList();
    private final ObservableList<OrientationDto> orientations = FXCollections.observableArrayList();
    private final ObservableList<VisitReport.PlannedTask> plannedTasks = FXCollections.observableArrayList();
    private final StringProperty newTaskTitle = new SimpleStringProperty(this, "newTaskTitle", "");
    private final StringProperty newTaskDue = new SimpleStringProperty(this, "newTaskDue", "");
    private final BooleanProperty attested = new SimpleBooleanProperty(this, "attested");
    private final ReadOnlyStringWrapper signatureDocumentId = new ReadOnlyStringWrapper(this, "signatureDocumentId");
    private final ReadOnlyBooleanWrapper energyVisible = new ReadOnlyBooleanWrapper(this, "energyVisible");
    private final ReadOnlyBooleanWrapper kvaVisible = new ReadOnlyBooleanWrapper(this, "kvaVisible");
    // read-only views handed to the screen (kept: a view made per call would lose its listeners)
    private final ObservableList<String> personsPresentView = FXCollections.unmodifiableObservableList(personsPresent);
    private final ObservableList<String> motifsView = FXCollections.unmodifiableObservableList(motifs);
    private final ObservableList<String> ecoGesturesView = FXCollections.unmodifiableObservableList(ecoGestures);
    private final ObservableList<String> equipmentIssuesView = FXCollections.unmodifiableObservableList(equipmentIssues);
    private final ObservableList<ActionDto> actionsView = FXCollections.unmodifiableObservableList(actions);
    private final ObservableList<OrientationDto> orientationsView = FXCollections.unmodifiableObservableList(orientations);
    private final ObservableList<VisitReport.PlannedTask> plannedTasksView = FXCollections.unmodifiableObservableList(plannedTasks);
    private final ObservableList<String> domainsView = FXCollections.unmodifiableObservableList(domains);
    private final ActionEditor actionEditor = new ActionEditor();
    private final OrientationEditor orientationEditor = new OrientationEditor();
    private final Map<String, ReadOnlyStringWrapper> moreErrors = new java.util.HashMap<>();
    private final Map<String, String> mandateLabels = new java.util.HashMap<>();

    public VisitReportViewModel(VisitService visits, DocumentService documents, AgendaService agenda,
                                ReferenceService reference, DocumentCapture capture, SyncService sync, Clock clock,
                                ZoneId zone, ResourceBundle texts, Executor background, Executor fx) {
        this(visits, documents, agenda, null, reference, capture, sync, (r, d, day) -> List.of(), null, clock, zone,
                texts, background, fx);
    }

    /**
     * The full report: {@code residents} gives the header of a contact without appointment (may be null),
     * {@code mandates} the mandates an action on behalf may name, {@code signatures} keeps the resident's drawn
     * signature (null where no signature pad exists yet: the visit is then attested).
     */
    public VisitReportViewModel(VisitService visits, DocumentService documents, AgendaService agenda,
                                ResidentService residents, ReferenceService reference, DocumentCapture capture,
                                SyncService sync, MandateLookup mandates, SignatureService signatures, Clock clock,
                                ZoneId zone, ResourceBundle texts, Executor background, Executor fx) {
        this.visits = Objects.requireNonNull(visits);
        this.documents = Objects.requireNonNull(documents);
        this.agenda = Objects.requireNonNull(agenda);
        this.residents = residents;
        this.reference = Objects.requireNonNull(reference);
        this.capture = Objects.requireNonNull(capture);
        this.sync = Objects.requireNonNull(sync);
        this.mandates = Objects.requireNonNull(mandates);
        this.signatures = signatures;
        this.clock = Objects.requireNonNull(clock);
        this.zone = Objects.requireNonNull(zone);
        this.texts = Objects.requireNonNull(texts);
        this.background = Objects.requireNonNull(background);
        this.fx = Objects.requireNonNull(fx);
        for (String list : OPTION_LISTS) {
            options.put(list, FXCollections.observableArrayList());
        }
        for (String f : new String[] {"place", "duration", "personsPresent", "motifs", "energy.kva", "energy.since",
                "actions", "orientations", "tasks", "task.title", "task.due", "signature"}) {
            moreErrors.put(f, new ReadOnlyStringWrapper(this, f + "Error", ""));
        }
        wireFullReport();

        medium.addListener((o, a, b) -> changed());
        domains.addListener((ListChangeListener<String>) c -> changed());
        synthesis.addListener((o, a, b) -> changed());
        followUp.addListener((o, a, b) -> changed());
        followUpDue.addListener((o, a, b) -> changed());
        newPhotoType.addListener((o, a, b) -> photoTypeError.set(""));
    }

    public void setOnMessage(Consumer<String> onMessage) {
        this.onMessage = Objects.requireNonNull(onMessage);
    }

    /** Opens (or starts) the report of an appointment. Completes on the FX executor; false if unknown. */
    public CompletableFuture<Boolean> load(String appointmentId) {
        return open(() -> agenda.find(appointmentId).isPresent() ? visits.openForAppointment(appointmentId)
                : Optional.empty());
    }

    /** Opens a report by its id (a draft to resume, or a completed one to read). */
    public CompletableFuture<Boolean> loadReport(String reportId) {
        return open(() -> visits.find(reportId));
    }

    /**
     * Starts a contact that was not planned (desk, phone...) with a resident: the same screen as a visit.
     * Completes on the FX executor; false if the resident is unknown.
     */
    public CompletableFuture<Boolean> startContact(String residentId, String mediumCode) {
        return open(() -> visits.startContact(residentId, mediumCode));
    }

    /** What the screen shows, read on the background executor. */
    private record Loaded(VisitReport report, Header header, Map<String, List<CodeItem>> lists, List<PhotoRow> rows,
                          Map<String, String> mandateLabels) {
    }

    private record Header(String name, String address, String access, String phone, String when) {
    }

    private CompletableFuture<Boolean> open(java.util.function.Supplier<Optional<VisitReport>> opener) {
        CompletableFuture<Boolean> result = new CompletableFuture<>();
        background.execute(() -> {
            Optional<Loaded> loadedReport;
            try {
                loadedReport = opener.get().map(this::read);
            } catch (RuntimeException e) {
                loadedReport = Optional.empty();
            }
            Optional<Loaded> found = loadedReport;
            fx.execute(() -> {
                if (found.isEmpty()) {
                    formError.set(text("visit.error.not.found"));
                    result.complete(false);
                    return;
                }
                show(found.get());
                watchTransfers(true);
                result.complete(true);
            });
        });
        return result;
    }

    private static final List<String> OPTION_LISTS = List.of(CodeLists.MEDIUM, CodeLists.DOMAIN, CodeLists.DOCUMENT_TYPE,
            ListNames.PERSON_PRESENT, ListNames.MOTIF, ListNames.ACTION_TYPE, ListNames.ACTION_RESULT,
            ListNames.ORIENTATION_TARGET, ListNames.ORIENTATION_MODE, ListNames.ORIENTATION_FEEDBACK,
            ListNames.SUPPLY_STATE, ListNames.HEATING_TYPE, ListNames.ECO_GESTURE, ListNames.EQUIPMENT_ISSUE,
            ListNames.RENOVATION_ORIENTATION);

    /** Background: the header, the code lists (with the inactive codes the report uses) and the photos. */
    private Loaded read(VisitReport r) {
        Header header;
        Optional<AgendaItem> item = r.appointmentId() == null ? Optional.empty() : agenda.find(r.appointmentId());
        if (item.isPresent()) {
            AgendaItem a = item.get();
            header = new Header(nullToEmpty(a.residentName()), nullToEmpty(a.address()), nullToEmpty(a.accessNotes()),
                    nullToEmpty(a.residentPhone()), DATE.format(a.start().atZone(zone)) + " · "
                    + TIME.format(a.start().atZone(zone)) + (a.end() == null ? "" : " – " + TIME.format(a.end().atZone(zone))));
        } else {
            Optional<Resident> res = residents == null || r.residentId() == null ? Optional.empty()
                    : residents.find(r.residentId());
            Instant started = r.startedAt() == null ? clock.instant() : r.startedAt();
            header = new Header(res.map(Resident::displayName).orElse(""), res.map(Resident::addressLine).orElse(""),
                    res.map(x -> nullToEmpty(x.accessNotes())).orElse(""), res.map(x -> nullToEmpty(x.phone())).orElse(""),
                    DATE.format(started.atZone(zone)) + " · " + TIME.format(started.atZone(zone)));
        }
        Map<String, List<String>> used = Map.of(CodeLists.MEDIUM, r.medium() == null ? List.of() : List.of(r.medium()),
                CodeLists.DOMAIN, r.domains(), ListNames.MOTIF, r.motifs(), ListNames.PERSON_PRESENT, r.personsPresent(),
                ListNames.ACTION_TYPE, r.actions().stream().map(ActionDto::type).filter(Objects::nonNull).toList(),
                ListNames.ORIENTATION_TARGET, r.orientations().stream().map(OrientationDto::target)
                        .filter(Objects::nonNull).toList());
        Map<String, List<CodeItem>> lists = new java.util.HashMap<>();
        for (String list : OPTION_LISTS) {
            lists.put(list, withInactive(reference.codes(list), list, used.getOrDefault(list, List.of())));
        }
        Map<String, String> mandateText = new java.util.HashMap<>();
        for (ActionDto a : r.actions()) {
            if (a.mandateId() != null && a.domain() != null) {
                LocalDate day = a.date() != null ? a.date() : visitDay(r);
                for (MandateDto m : mandates.activeCovering(r.residentId(), a.domain(), day)) {
                    mandateText.put(m.id(), mandateLabel(m));
                }
            }
        }
        return new Loaded(r, header, lists, photoRows(r.id()), mandateText);
    }

    private List<CodeItem> withInactive(List<CodeItem> active, String list, List<String> used) {
        List<CodeItem> all = new ArrayList<>(active);
        for (String code : used) {
            if (code != null && all.stream().noneMatch(c -> c.code().equals(code))) {
                all.add(reference.code(list, code).orElse(new CodeItem(list, code, code, null, 9999, false)));
            }
        }
        return all;
    }

    private void show(Loaded l) {
        loadingFields = true;
        try {
            Header h = l.header();
            residentName.set(h.name());
            address.set(h.address());
            accessNotes.set(h.access());
            phone.set(h.phone());
            whenText.set(h.when());
            l.lists().forEach((list, items) -> options.get(list).setAll(items));
            mediumOptions.setAll(l.lists().get(CodeLists.MEDIUM));
            domainOptions.setAll(l.lists().get(CodeLists.DOMAIN));
            documentTypeOptions.setAll(l.lists().get(CodeLists.DOCUMENT_TYPE));
            allMotifs = l.lists().get(ListNames.MOTIF);
            mandateLabels.putAll(l.mandateLabels());
            codesHint.set(mediumOptions.isEmpty() || domainOptions.isEmpty() ? text("visit.codes.missing") : "");
            photos.setAll(l.rows());
            applyReport(l.report());
            loaded.set(true);
        } finally {
            loadingFields = false;
        }
        checkLengths();
    }

    /** Puts a report's fields on the screen (opening, or the new draft of a correction). */
    private void applyReport(VisitReport r) {
        boolean was = loadingFields;
        loadingFields = true;
        try {
            report = r;
            medium.set(r.medium());
            domains.setAll(r.domains());
            synthesis.set(nullToEmpty(r.synthesis()));
            followUp.set(nullToEmpty(r.followUp()));
            followUpDue.set(r.followUpDue() == null ? "" : DATE.format(r.followUpDue()));
            place.set(nullToEmpty(r.place()));
            duration.set(r.durationMinutes() == null ? "" : r.durationMinutes().toString());
            personsPresent.setAll(r.personsPresent());
            motifs.setAll(r.motifs());
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
            actions.setAll(r.actions());
            orientations.setAll(r.orientations());
            plannedTasks.setAll(r.plannedTasks());
            attested.set(r.visitAttested());
            signatureDocumentId.set(r.residentSignatureDocumentId());
            actionEditor.close();
            orientationEditor.close();
            filterMotifs();
            frozen.set(r.completed());
            completedText.set(r.completed() ? completedSentence(r) : "");
            saveStatus.set(r.updatedAt() == null || r.completed() ? ""
                    : text("visit.saved", TIME.format(r.updatedAt().atZone(zone))));
            energyVisible.set(CodeLists.MEDIUM_HOME_VISIT.equals(r.medium()));
            kvaVisible.set(SUPPLY_LIMITED.equals(supplyState.get()));
        } finally {
            loadingFields = was;
        }
    }

    private String completedSentence(VisitReport r) {
        return text("visit.completed", DATE.format(r.completedAt().atZone(zone)), TIME.format(r.completedAt().atZone(zone)));
    }

    // ----- autosave

    private void changed() {
        if (loadingFields || report == null || frozen.get()) {
            return;
        }
        checkLengths();
        if (completionTried) {
            showRequired(visits.validate(draft()));
        }
        save();
    }

    private VisitReport draft() {
        LocalDate due = parseDue().orElse(report.followUpDue());
        Integer minutes = blank(duration.get()) ? null
                : FrenchInput.wholeNumber(duration.get(), Limits.MIN_CONTACT_MINUTES, Limits.MAX_CONTACT_MINUTES)
                .orElse(report.durationMinutes());
        return report.withMedium(medium.get())
                .withDomains(List.copyOf(domains))
                .withSynthesis(synthesis.get())
                .withFollowUp(followUp.get())
                .withFollowUpDue(blank(followUpDue.get()) ? null : due)
                .withPlace(blank(place.get()) ? null : place.get())
                .withDurationMinutes(minutes)
                .withPersonsPresent(List.copyOf(personsPresent))
                .withMotifs(List.copyOf(motifs))
                .withEnergy(energy())
                .withActions(List.copyOf(actions))
                .withOrientations(List.copyOf(orientations))
                .withPlannedTasks(List.copyOf(plannedTasks))
                .withVisitAttested(attested.get())
                .withResidentSignature(signatureDocumentId.get());
    }

    /** The energy block of a home visit as typed (what cannot be read keeps its saved value); null otherwise. */
    private EnergyCheckDto energy() {
        if (!CodeLists.MEDIUM_HOME_VISIT.equals(medium.get())) {
            return null;
        }
        EnergyCheckDto saved = report.energy();
        Long power = null;
        if (SUPPLY_LIMITED.equals(supplyState.get()) && !blank(kva.get())) {
            power = FrenchInput.wholeNumber(kva.get(), Limits.MIN_KVA, Limits.MAX_KVA).map(Integer::longValue)
                    .orElse(saved == null ? null : saved.limitedKva());
        }
        LocalDate since = blank(supplySince.get()) ? null
                : FrenchInput.date(supplySince.get()).orElse(saved == null ? null : saved.supplyStateSince());
        return new EnergyCheckDto(metersChecked.get(), linky.get(), supplyState.get(), power, since, heatingType.get(),
                List.copyOf(ecoGestures), List.copyOf(equipmentIssues), renovation.get());
    }

    /** The due date typed, if it is a real date; sets the field's error otherwise. */
    private Optional<LocalDate> parseDue() {
        String typed = followUpDue.get() == null ? "" : followUpDue.get().trim();
        if (typed.isEmpty()) {
            followUpDueError.set("");
            return Optional.empty();
        }
        try {
            LocalDate d = LocalDate.parse(typed, DATE);
            followUpDueError.set("");
            return Optional.of(d);
        } catch (DateTimeParseException e) {
            followUpDueError.set(text("visit.error.followup.due.invalid"));
            return Optional.empty();
        }
    }

    private void checkLengths() {
        synthesisError.set(tooLong(synthesis.get(), Limits.MAX_LONG_TEXT).orElse(requiredIfTried("synthesis")));
        followUpError.set(tooLong(followUp.get(), Limits.MAX_LONG_TEXT).orElse(""));
        domainsError.set(domains.size() > Limits.MAX_LIST_ITEMS ? text("visit.error.domains.too.many", Limits.MAX_LIST_ITEMS)
                : requiredIfTried("domains"));
        parseDue();
        err("place", tooLong(place.get(), Limits.MAX_SHORT_TEXT).orElse(""));
        err("duration", !blank(duration.get()) && FrenchInput.wholeNumber(duration.get(), Limits.MIN_CONTACT_MINUTES,
                Limits.MAX_CONTACT_MINUTES).isEmpty()
                ? text("visit.error.duration.invalid", Limits.MIN_CONTACT_MINUTES, Limits.MAX_CONTACT_MINUTES) : "");
        err("energy.kva", kvaVisible.get() && !blank(kva.get())
                && FrenchInput.wholeNumber(kva.get(), Limits.MIN_KVA, Limits.MAX_KVA).isEmpty()
                ? text("visit.error.kva.invalid", Limits.MIN_KVA, Limits.MAX_KVA) : "");
        err("energy.since", FrenchInput.invalidDate(supplySince.get()) ? text("visit.error.date.invalid") : "");
    }

    private void err(String field, String message) {
        moreErrors.get(field).set(message);
    }

    /** Whether some typed text cannot be read (its message is beside the field). */
    private boolean unreadableInput() {
        return !followUpDueError.get().isEmpty() || !followUpError.get().isEmpty()
                || !synthesisError.get().isEmpty() && !blank(synthesis.get())
                || !moreErrors.get("place").get().isEmpty() || !moreErrors.get("duration").get().isEmpty()
                || !moreErrors.get("energy.kva").get().isEmpty() || !moreErrors.get("energy.since").get().isEmpty();
    }

    private String requiredIfTried(String field) {
        if (!completionTried || report == null) {
            return "";
        }
        return switch (field) {
            case "synthesis" -> blank(synthesis.get()) ? text("visit.error.synthesis.required") : "";
            case "domains" -> domains.isEmpty() ? text("visit.error.domains.required") : "";
            default -> "";
        };
    }

    private Optional<String> tooLong(String value, int max) {
        int n = value == null ? 0 : value.length();
        return n > max ? Optional.of(text("visit.error.text.too.long", max, n)) : Optional.empty();
    }

    /** Saves the draft as it is now; saves run one after the other, in the order of the changes. */
    private CompletableFuture<?> save() {
        VisitReport toSave = draft();
        saveStatus.set(text("visit.saving"));
        CompletableFuture<Outcome<VisitReport>> done = new CompletableFuture<>();
        saves = saves.handle((x, e) -> null).thenRunAsync(() -> {
            Outcome<VisitReport> o;
            try {
                o = visits.saveDraft(toSave);
            } catch (RuntimeException e) {
                o = Outcome.failed(text("visit.save.failed"));
            }
            Outcome<VisitReport> outcome = o;
            fx.execute(() -> {
                if (outcome instanceof Outcome.Ok<VisitReport> ok) {
                    report = ok.value();
                    saveStatus.set(text("visit.saved", TIME.format(clock.instant().atZone(zone))));
                } else {
                    saveStatus.set(text("visit.save.failed"));
                }
                done.complete(outcome);
            });
        }, background);
        return done;
    }

    /** Waits for the saves queued so far (for the tests and before completing). */
    public CompletableFuture<Void> flush() {
        CompletableFuture<Void> result = new CompletableFuture<>();
        saves.whenComplete((x, e) -> fx.execute(() -> result.complete(null)));
        return result;
    }

    // ----- the full report: wiring

    private void wireFullReport() {
        for (javafx.beans.Observable o : new javafx.beans.Observable[] {place, duration, personsPresent, motifs,
                metersChecked, linky, kva, supplySince, heatingType, ecoGestures, equipmentIssues, renovation, actions,
                orientations, plannedTasks, attested, signatureDocumentId}) {
            o.addListener(x -> changed());
        }
        supplyState.addListener((o, a, b) -> {
            kvaVisible.set(SUPPLY_LIMITED.equals(b));
            changed();
        });
        medium.addListener((o, a, b) -> energyVisible.set(CodeLists.MEDIUM_HOME_VISIT.equals(b)));
        domains.addListener((ListChangeListener<String>) c -> filterMotifs());
        attested.addListener((o, a, b) -> err("signature", ""));
        signatureDocumentId.addListener((o, a, b) -> err("signature", ""));
        newTaskTitle.addListener((o, a, b) -> err("task.title", ""));
        newTaskDue.addListener((o, a, b) -> err("task.due", ""));
        javafx.beans.InvalidationListener mandateInputs = x -> refreshMandates();
        actionEditor.domain.addListener(mandateInputs);
        actionEditor.date.addListener(mandateInputs);
        actionEditor.onBehalf.addListener(mandateInputs);
    }

    /** Motifs offered are those of the chosen domains; a motif of a domain no longer chosen is dropped. */
    private void filterMotifs() {
        motifOptions.setAll(allMotifs.stream().filter(m -> m.parent() != null && domains.contains(m.parent())).toList());
        if (frozen.get() || loadingFields) {
            return;
        }
        motifs.removeIf(code -> allMotifs.stream().anyMatch(m -> m.code().equals(code)
                && (m.parent() == null || !domains.contains(m.parent()))));
    }

    private LocalDate visitDay(VisitReport r) {
        return (r.startedAt() == null ? clock.instant() : r.startedAt()).atZone(zone).toLocalDate();
    }

    private String mandateLabel(MandateDto m) {
        return new ReportLines(reference::label, this::text, id -> null).mandate(m);
    }

    private String codeLabel(String list, String code) {
        if (code == null) {
            return "";
        }
        return options.get(list).stream().filter(c -> c.code().equals(code)).findFirst().map(CodeItem::labelOrCode)
                .orElse(code);
    }

    private static void toggle(ObservableList<String> list, String code, boolean selected) {
        if (code == null) {
            return;
        }
        if (selected && !list.contains(code)) {
            list.add(code);
        } else if (!selected) {
            list.remove(code);
        }
    }

    public void setPersonPresent(String code, boolean selected) {
        if (!frozen.get()) {
            toggle(personsPresent, code, selected);
        }
    }

    public void setMotifSelected(String code, boolean selected) {
        if (!frozen.get()) {
            toggle(motifs, code, selected);
        }
    }

    public void setEcoGesture(String code, boolean selected) {
        if (!frozen.get()) {
            toggle(ecoGestures, code, selected);
        }
    }

    public void setEquipmentIssue(String code, boolean selected) {
        if (!frozen.get()) {
            toggle(equipmentIssues, code, selected);
        }
    }

    // ----- actions

    /** Opens the action form empty, dated the day of the visit. */
    public void newAction() {
        if (!frozen.get() && report != null) {
            actionEditor.startNew(visitDay(report));
            refreshMandates();
        }
    }

    public void editAction(String actionId) {
        if (frozen.get()) {
            return;
        }
        actions.stream().filter(a -> a.id().equals(actionId)).findFirst().ifPresent(a -> {
            actionEditor.startEdit(a);
            refreshMandates();
        });
    }

    public void cancelAction() {
        actionEditor.close();
    }

    public void removeAction(String actionId) {
        if (!frozen.get()) {
            actions.removeIf(a -> a.id().equals(actionId));
        }
    }

    /** The mandates that may cover the action being typed (its domain, on its date). */
    private void refreshMandates() {
        if (report == null || !actionEditor.openProperty().get()) {
            return;
        }
        String domain = actionEditor.domain.get();
        LocalDate day = actionEditor.typedDate().orElse(visitDay(report));
        if (!actionEditor.onBehalf.get() || domain == null) {
            actionEditor.mandateOptions.clear();
            return;
        }
        String residentId = report.residentId();
        background.execute(() -> {
            List<ActionEditor.MandateChoice> choices;
            try {
                choices = mandates.activeCovering(residentId, domain, day).stream()
                        .map(m -> new ActionEditor.MandateChoice(m.id(), mandateLabel(m))).toList();
            } catch (RuntimeException e) {
                choices = List.of();
            }
            List<ActionEditor.MandateChoice> found = choices;
            fx.execute(() -> {
                if (!Objects.equals(domain, actionEditor.domain.get()) || !actionEditor.onBehalf.get()) {
                    return; // changed meanwhile: a newer lookup follows
                }
                found.forEach(c -> mandateLabels.put(c.id(), c.label()));
                actionEditor.mandateOptions.setAll(found);
                String chosen = actionEditor.mandateId.get();
                if (found.size() == 1 && chosen == null) {
                    actionEditor.mandateId.set(found.get(0).id());
                } else if (chosen != null && found.stream().noneMatch(c -> c.id().equals(chosen))) {
                    actionEditor.mandateId.set(null);
                }
                actionEditor.error("mandate", found.isEmpty() ? text("visit.error.mandate.none") : "");
            });
        });
    }

    /**
     * Adds (or replaces) the action typed: refused with messages beside the fields when a text cannot be read,
     * its type or domain is missing, or it is done on behalf of the resident without an active mandate covering
     * its domain on its date. The typed text stays in the form; the rest of the report is saved as usual.
     */
    public CompletableFuture<Boolean> saveAction() {
        if (frozen.get() || report == null || !actionEditor.openProperty().get()) {
            return CompletableFuture.completedFuture(false);
        }
        Optional<ActionDto> typed = actionEditor.read(this::text);
        if (typed.isEmpty()) {
            return CompletableFuture.completedFuture(false);
        }
        ActionDto a = typed.get();
        String residentId = report.residentId();
        LocalDate day = visitDay(report);
        return check(() -> visits.validateAction(residentId, a, day), errors -> {
            if (!errors.isEmpty()) {
                actionEditor.showErrors(errors);
                return false;
            }
            replaceOrAdd(actions, a, ActionDto::id);
            actionEditor.close();
            return true;
        });
    }

    private <T> CompletableFuture<Boolean> check(java.util.function.Supplier<Map<String, String>> validation,
                                                  java.util.function.Function<Map<String, String>, Boolean> then) {
        CompletableFuture<Boolean> result = new CompletableFuture<>();
        background.execute(() -> {
            Map<String, String> errors;
            try {
                errors = validation.get();
            } catch (RuntimeException e) {
                errors = null;
            }
            Map<String, String> found = errors;
            fx.execute(() -> {
                if (found == null) {
                    onMessage.accept(text("visit.save.failed"));
                    result.complete(false);
                } else {
                    result.complete(then.apply(found));
                }
            });
        });
        return result;
    }

    private static <T> void replaceOrAdd(ObservableList<T> list, T item, java.util.function.Function<T, String> id) {
        for (int i = 0; i < list.size(); i++) {
            if (id.apply(list.get(i)).equals(id.apply(item))) {
                list.set(i, item);
                return;
            }
        }
        list.add(item);
    }

    private final ReportLines lines = new ReportLines(this::codeLabel, this::text, mandateLabels::get);

    /** "Appel au créancier · Énergie". */
    public String actionTitle(ActionDto a) {
        return lines.actionTitle(a);
    }

    /**
     * What else the action says, line by line: target and date, result, amounts, reference, "Pour le compte de
     * la personne (mandat du …)", note.
     */
    public List<String> actionDetails(ActionDto a) {
        return lines.actionDetails(a);
    }

    // ----- orientations

    public void newOrientation() {
        if (!frozen.get() && report != null) {
            orientationEditor.startNew(visitDay(report));
        }
    }

    public void editOrientation(String orientationId) {
        if (!frozen.get()) {
            orientations.stream().filter(o -> o.id().equals(orientationId)).findFirst()
                    .ifPresent(orientationEditor::startEdit);
        }
    }

    public void cancelOrientation() {
        orientationEditor.close();
    }

    public void removeOrientation(String orientationId) {
        if (!frozen.get()) {
            orientations.removeIf(o -> o.id().equals(orientationId));
        }
    }

    /** Adds (or replaces) the orientation typed; its target is required. */
    public CompletableFuture<Boolean> saveOrientation() {
        if (frozen.get() || report == null || !orientationEditor.openProperty().get()) {
            return CompletableFuture.completedFuture(false);
        }
        Optional<OrientationDto> typed = orientationEditor.read(this::text);
        if (typed.isEmpty()) {
            return CompletableFuture.completedFuture(false);
        }
        OrientationDto o = typed.get();
        return check(() -> visits.validateOrientation(o), errors -> {
            if (!errors.isEmpty()) {
                orientationEditor.showErrors(errors);
                return false;
            }
            replaceOrAdd(orientations, o, OrientationDto::id);
            orientationEditor.close();
            return true;
        });
    }

    public String orientationTitle(OrientationDto o) {
        return lines.orientationTitle(o);
    }

    /** Date and mode, reason, consent to transmit, feedback. */
    public List<String> orientationDetails(OrientationDto o) {
        return lines.orientationDetails(o);
    }

    // ----- follow-up tasks typed by hand

    /** Adds the task typed (title and due date, not before the visit); the fields are emptied. */
    public boolean addTask() {
        if (frozen.get() || report == null) {
            return false;
        }
        String title = newTaskTitle.get() == null ? "" : newTaskTitle.get().strip();
        boolean ok = true;
        if (title.isEmpty()) {
            err("task.title", text("visit.error.task.title.required"));
            ok = false;
        } else if (title.length() > Limits.MAX_SHORT_TEXT) {
            err("task.title", text("visit.error.text.too.long", Limits.MAX_SHORT_TEXT, title.length()));
            ok = false;
        }
        Optional<LocalDate> due = FrenchInput.date(newTaskDue.get());
        if (blank(newTaskDue.get())) {
            err("task.due", text("visit.error.task.due.required"));
            ok = false;
        } else if (due.isEmpty()) {
            err("task.due", text("visit.error.date.invalid"));
            ok = false;
        } else if (due.get().isBefore(visitDay(report))) {
            err("task.due", text("visit.error.task.due.past"));
            ok = false;
        }
        if (!ok) {
            return false;
        }
        plannedTasks.add(new VisitReport.PlannedTask(title, due.get()));
        newTaskTitle.set("");
        newTaskDue.set("");
        err("tasks", "");
        return true;
    }

    public void removeTask(int index) {
        if (!frozen.get() && index >= 0 && index < plannedTasks.size()) {
            plannedTasks.remove(index);
        }
    }

    /** "Rappeler EDF — 04/12/2026". */
    public String taskText(VisitReport.PlannedTask t) {
        return text("visit.task.line", t.title(), FrenchInput.format(t.due()));
    }

    // ----- signature or attestation

    /** Whether the resident can sign on this device (a signature pad exists). */
    public boolean signatureAvailable() {
        return signatures != null;
    }

    /** Keeps the resident's drawn signature as a signed document of this report. */
    public CompletableFuture<Boolean> sign(Signature signature) {
        if (frozen.get() || report == null || signatures == null) {
            return CompletableFuture.completedFuture(false);
        }
        if (signature == null || signature.isEmpty()) {
            err("signature", text("visit.error.signature.empty"));
            return CompletableFuture.completedFuture(false);
        }
        String residentId = report.residentId();
        String reportId = report.id();
        String title = text("visit.signature.title", residentName.get());
        CompletableFuture<Boolean> result = new CompletableFuture<>();
        background.execute(() -> {
            String id;
            try {
                id = signatures.save(residentId, reportId, title, signature);
            } catch (RuntimeException e) {
                id = null;
            }
            String documentId = id;
            fx.execute(() -> {
                if (documentId == null) {
                    err("signature", text("visit.error.signature.failed"));
                    result.complete(false);
                } else {
                    signatureDocumentId.set(documentId);
                    result.complete(true);
                }
            });
        });
        return result;
    }

    /** Signs again (the earlier drawing stays kept with the report until it is replaced). */
    public void clearSignature() {
        if (!frozen.get()) {
            signatureDocumentId.set(null);
        }
    }

    // ----- correction

    /**
     * "Corriger": a new version of the terminated report, editable, that will supersede it; the terminated one
     * stays as it was. Completes on the FX executor.
     */
    public CompletableFuture<Boolean> correct() {
        if (!frozen.get() || report == null || busy.get()) {
            return CompletableFuture.completedFuture(false);
        }
        String reportId = report.id();
        CompletableFuture<Boolean> result = new CompletableFuture<>();
        background.execute(() -> {
            Outcome<VisitReport> o;
            try {
                o = visits.correct(reportId);
            } catch (RuntimeException e) {
                o = Outcome.failed(text("visit.save.failed"));
            }
            Outcome<VisitReport> outcome = o;
            fx.execute(() -> {
                if (outcome instanceof Outcome.Ok<VisitReport> ok) {
                    completionTried = false;
                    applyReport(ok.value());
                    checkLengths();
                    onMessage.accept(text("visit.correction.started"));
                    result.complete(true);
                } else {
                    onMessage.accept(nonBlank(outcome.message(), text("visit.save.failed")));
                    result.complete(false);
                }
            });
        });
        return result;
    }

    // ----- properties of the full report

    /** Active entries of a code list used by the report (person_present, action_type, supply_state...). */
    public ObservableList<CodeItem> options(String list) {
        return options.get(list);
    }

    /** Motifs of the chosen domains. */
    public ObservableList<CodeItem> motifOptions() {
        return motifOptions;
    }

    public StringProperty placeProperty() {
        return place;
    }

    /** Minutes, as typed. */
    public StringProperty durationProperty() {
        return duration;
    }

    public ObservableList<String> personsPresent() {
        return personsPresentView;
    }

    public ObservableList<String> motifs() {
        return motifsView;
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

    public ObservableList<ActionDto> actions() {
        return actionsView;
    }

    public ObservableList<OrientationDto> orientations() {
        return orientationsView;
    }

    public ObservableList<VisitReport.PlannedTask> plannedTasks() {
        return plannedTasksView;
    }

    public StringProperty newTaskTitleProperty() {
        return newTaskTitle;
    }

    /** dd/MM/yyyy. */
    public StringProperty newTaskDueProperty() {
        return newTaskDue;
    }

    /** "Visite attestée sans signature". */
    public BooleanProperty attestedProperty() {
        return attested;
    }

    /** The document of the resident's signature, or null. */
    public ReadOnlyStringProperty signatureDocumentIdProperty() {
        return signatureDocumentId.getReadOnlyProperty();
    }

    /** The energy block is shown for a home visit. */
    public ReadOnlyBooleanProperty energyVisibleProperty() {
        return energyVisible.getReadOnlyProperty();
    }

    /** The power in kVA is asked when the supply is limited. */
    public ReadOnlyBooleanProperty kvaVisibleProperty() {
        return kvaVisible.getReadOnlyProperty();
    }

    public ActionEditor actionEditor() {
        return actionEditor;
    }

    public OrientationEditor orientationEditor() {
        return orientationEditor;
    }

    /**
     * The error beside a part of the full report: place, duration, personsPresent, motifs, energy.kva,
     * energy.since, actions, orientations, tasks, task.title, task.due, signature.
     */
    public ReadOnlyStringProperty errorProperty(String field) {
        return moreErrors.get(field).getReadOnlyProperty();
    }

    // ----- domains

    public boolean isDomainSelected(String code) {
        return domains.contains(code);
    }

    public void setDomainSelected(String code, boolean selected) {
        if (frozen.get() || code == null) {
            return;
        }
        if (selected && !domains.contains(code)) {
            domains.add(code);
        } else if (!selected) {
            domains.remove(code);
        }
    }

    // ----- photos

    /** Takes a photo of a document of the chosen type, encrypts it and attaches it to the draft. */
    public CompletableFuture<Boolean> addPhoto() {
        if (frozen.get() || report == null || capturing.get()) {
            return CompletableFuture.completedFuture(false);
        }
        String type = newPhotoType.get();
        if (blank(type)) {
            photoTypeError.set(text("visit.error.photo.type.required"));
            return CompletableFuture.completedFuture(false);
        }
        photoTypeError.set("");
        capturing.set(true);
        String reportId = report.id();
        CompletableFuture<Boolean> result = new CompletableFuture<>();
        CompletableFuture<Optional<CapturedImage>> captured;
        try {
            captured = capture.capture();
        } catch (RuntimeException e) {
            captured = CompletableFuture.failedFuture(e);
        }
        captured.whenComplete((image, failure) -> {
            if (failure != null || image == null || image.isEmpty()) {
                fx.execute(() -> {
                    capturing.set(false);
                    if (failure != null) {
                        onMessage.accept(text("visit.photo.failed"));
                    }
                    result.complete(false);
                });
                return;
            }
            background.execute(() -> {
                Outcome<PhotoItem> o;
                try {
                    o = documents.attach(reportId, image.get(), type);
                } catch (RuntimeException e) {
                    o = Outcome.failed(text("visit.photo.failed"));
                }
                Outcome<PhotoItem> outcome = o;
                fx.execute(() -> {
                    capturing.set(false);
                    if (outcome instanceof Outcome.Ok<PhotoItem> ok) {
                        photos.add(photoRow(ok.value(), null));
                        onMessage.accept(text("visit.photo.added"));
                        result.complete(true);
                    } else {
                        String msg = outcome.fieldErrors().getOrDefault("type", "");
                        photoTypeError.set(msg);
                        onMessage.accept(msg.isEmpty() ? nonBlank(outcome.message(), text("visit.photo.failed")) : msg);
                        result.complete(false);
                    }
                });
            });
        });
        return result;
    }

    /** Changes the document type of a photo of the draft. */
    public CompletableFuture<Boolean> changePhotoType(String documentId, String type) {
        if (frozen.get() || blank(type)) {
            return CompletableFuture.completedFuture(false);
        }
        return call(() -> documents.changeType(documentId, type), photo -> replaceRow(photoRow(photo, null)));
    }

    /** Removes a photo from the draft (and its encrypted bytes). */
    public CompletableFuture<Boolean> removePhoto(String documentId) {
        if (frozen.get()) {
            return CompletableFuture.completedFuture(false);
        }
        return call(() -> documents.remove(documentId), v -> {
            photos.removeIf(p -> p.documentId().equals(documentId));
            onMessage.accept(text("visit.photo.removed"));
        });
    }

    /** The decrypted bytes of a photo for its thumbnail (background); empty if not on this device. */
    public CompletableFuture<Optional<byte[]>> photoBytes(String documentId) {
        CompletableFuture<Optional<byte[]>> result = new CompletableFuture<>();
        background.execute(() -> {
            Optional<byte[]> bytes;
            try {
                bytes = documents.readBytes(documentId);
            } catch (RuntimeException e) {
                bytes = Optional.empty();
            }
            Optional<byte[]> done = bytes;
            fx.execute(() -> result.complete(done));
        });
        return result;
    }

    private <T> CompletableFuture<Boolean> call(java.util.function.Supplier<Outcome<T>> action, Consumer<T> onOk) {
        CompletableFuture<Boolean> result = new CompletableFuture<>();
        background.execute(() -> {
            Outcome<T> o;
            try {
                o = action.get();
            } catch (RuntimeException e) {
                o = Outcome.failed(text("visit.save.failed"));
            }
            Outcome<T> outcome = o;
            fx.execute(() -> {
                if (outcome instanceof Outcome.Ok<T> ok) {
                    onOk.accept(ok.value());
                    result.complete(true);
                } else {
                    onMessage.accept(nonBlank(outcome.message(), text("visit.save.failed")));
                    result.complete(false);
                }
            });
        });
        return result;
    }

    private void replaceRow(PhotoRow row) {
        for (int i = 0; i < photos.size(); i++) {
            if (photos.get(i).documentId().equals(row.documentId()) && !photos.get(i).equals(row)) {
                photos.set(i, row);
            }
        }
    }

    /** The photos of a report with their delivery states (background). */
    private List<PhotoRow> photoRows(String reportId) {
        Map<String, PhotoTransfer> transfers = new java.util.HashMap<>();
        for (PhotoTransfer t : sync.photoTransfers(reportId)) {
            transfers.put(t.documentId(), t);
        }
        return documents.photos(reportId).stream().map(p -> photoRow(p, transfers.get(p.id()))).toList();
    }

    private PhotoRow photoRow(PhotoItem p, PhotoTransfer transfer) {
        String label = p.type() == null ? "" : reference.label(CodeLists.DOCUMENT_TYPE, p.type());
        DeliveryStatus st = transfer != null ? transfer.status() : switch (p.state()) {
            case LOCAL -> DeliveryStatus.LOCAL;
            case UPLOADED -> DeliveryStatus.RECEIVED;
            default -> DeliveryStatus.QUEUED;
        };
        return new PhotoRow(p.id(), p.type(), label, p.mimeType(), p.sizeBytes(), st.delivery(),
                st.received() ? 100 : st.percent(), photoStateText(st),
                st.needsAttention() && st.reason() != null ? st.reason() : "");
    }

    /** "Sur l'appareil", "En attente", "Envoi 42 %", "Reçue par le bureau", "À vérifier". */
    private String photoStateText(DeliveryStatus st) {
        return switch (st.delivery()) {
            case LOCAL -> text("sync.state.local");
            case QUEUED -> text("sync.state.queued");
            case SENDING -> text("sync.state.sending", st.percent());
            case RECEIVED -> text("sync.state.received.photo");
            case NEEDS_ATTENTION -> text("sync.state.attention");
        };
    }

    /**
     * Follows (or stops following) the photos' progress while a sync sends them; the screen turns it on while
     * it is shown. Turning it on also reads the states again.
     */
    public void watchTransfers(boolean on) {
        if (stopWatching != null) {
            stopWatching.run();
            stopWatching = null;
        }
        if (!on || report == null) {
            return;
        }
        stopWatching = sync.addTransferListener(this::onTransfer);
        reloadPhotoStates();
    }

    /** Stops following the photos (the screen is closed). */
    public void dispose() {
        watchTransfers(false);
    }

    private void onTransfer(PhotoTransfer t) {
        if (report == null || !report.id().equals(t.reportId())) {
            return;
        }
        onTransferRow(t);
        if (t.status().delivery() == Delivery.SENDING) {
            showSendingFromRows();
        } else {
            reloadPhotoStates(); // received or refused: the report's own state may have changed
        }
    }

    private void onTransferRow(PhotoTransfer t) {
        for (int i = 0; i < photos.size(); i++) {
            PhotoRow old = photos.get(i);
            if (old.documentId().equals(t.documentId())) {
                DeliveryStatus st = t.status();
                replaceRow(new PhotoRow(old.documentId(), old.type(), old.typeLabel(), old.mimeType(), old.sizeBytes(),
                        st.delivery(), st.received() ? 100 : st.percent(), photoStateText(st),
                        st.needsAttention() && st.reason() != null ? st.reason() : ""));
            }
        }
    }

    /** Reads the photos' rows again (after one was described elsewhere: its type may have changed). */
    public void refreshPhotos() {
        if (report != null) {
            reloadPhotoStates();
        }
    }

    private void reloadPhotoStates() {
        String reportId = report.id();
        background.execute(() -> {
            List<PhotoRow> rows;
            DeliveryStatus own;
            try {
                rows = photoRows(reportId);
                own = sync.deliveryOf(EntityType.VISIT_REPORT, reportId);
            } catch (RuntimeException e) {
                return; // locked meanwhile
            }
            fx.execute(() -> {
                if (report != null && report.id().equals(reportId)) {
                    for (PhotoRow r : rows) {
                        replaceRow(r);
                    }
                    showDelivery(own);
                }
            });
        });
    }

    /** The report's way to the office (with its photos), said under "Visite terminée". */
    private void showDelivery(DeliveryStatus st) {
        delivery.set(st.delivery());
        if (!frozen.get()) {
            deliveryText.set("");
            return;
        }
        deliveryText.set(switch (st.delivery()) {
            case LOCAL, QUEUED -> text("visit.delivery.queued");
            case SENDING -> st.percent() > 0 ? text("visit.delivery.sending", st.percent()) : text("visit.delivery.sending.any");
            case RECEIVED -> text(photos.isEmpty() ? "visit.delivery.received" : "visit.delivery.received.photos");
            case NEEDS_ATTENTION -> st.reason() == null || st.reason().isBlank() ? text("sync.state.attention")
                    : text("visit.delivery.attention", st.reason());
        });
    }

    /** While photos travel, the report's percentage over their bytes, from the rows shown. */
    private void showSendingFromRows() {
        long size = 0;
        long sent = 0;
        for (PhotoRow r : photos) {
            size += r.sizeBytes();
            sent += r.sizeBytes() * r.percent() / 100;
        }
        int percent = size == 0 ? 0 : (int) Math.min(99, sent * 100 / size);
        showDelivery(new DeliveryStatus(Delivery.SENDING, percent, null));
    }

    // ----- completion

    /** "Terminer la visite": saves, validates, then freezes the report. Completes on the FX executor. */
    public CompletableFuture<Boolean> complete() {
        if (frozen.get() || report == null || busy.get()) {
            return CompletableFuture.completedFuture(frozen.get());
        }
        completionTried = true;
        formError.set("");
        checkLengths();
        Map<String, String> local = visits.validate(draft());
        if (!local.isEmpty() || unreadableInput()) {
            showRequired(local);
            formError.set(text("visit.complete.invalid"));
            return CompletableFuture.completedFuture(false);
        }
        busy.set(true);
        String reportId = report.id();
        CompletableFuture<Boolean> result = new CompletableFuture<>();
        save();
        saves = saves.handle((x, e) -> null).thenRunAsync(() -> {
            Outcome<VisitReport> o;
            try {
                o = visits.complete(reportId);
            } catch (RuntimeException e) {
                o = Outcome.failed(text("visit.save.failed"));
            }
            Outcome<VisitReport> outcome = o;
            fx.execute(() -> {
                busy.set(false);
                if (outcome instanceof Outcome.Ok<VisitReport> ok) {
                    report = ok.value();
                    frozen.set(true);
                    completedText.set(completedSentence(ok.value()));
                    saveStatus.set("");
                    reloadPhotoStates(); // queued now: "En attente"
                    onMessage.accept(text("visit.completed.toast"));
                    result.complete(true);
                } else {
                    showRequired(outcome.fieldErrors());
                    formError.set(outcome.fieldErrors().isEmpty()
                            ? nonBlank(outcome.message(), text("visit.save.failed")) : text("visit.complete.invalid"));
                    result.complete(false);
                }
            });
        }, background);
        return result;
    }

    private void showRequired(Map<String, String> errors) {
        mediumError.set(errors.getOrDefault("medium", ""));
        if (errors.containsKey("domains")) {
            domainsError.set(errors.get("domains"));
        } else if (domains.size() <= Limits.MAX_LIST_ITEMS) {
            domainsError.set("");
        }
        if (errors.containsKey("synthesis")) {
            synthesisError.set(errors.get("synthesis"));
        } else if (tooLong(synthesis.get(), Limits.MAX_LONG_TEXT).isEmpty()) {
            synthesisError.set("");
        }
        if (errors.containsKey("followUp")) {
            followUpError.set(errors.get("followUp"));
        }
        if (errors.containsKey("followUpDue")) {
            followUpDueError.set(errors.get("followUpDue"));
        }
        showMore(errors);
        if (errors.isEmpty() && !unreadableInput()) {
            formError.set("");
        }
    }

    /** The service's messages for the parts of the full report (a list's first problem beside the list). */
    private void showMore(Map<String, String> errors) {
        for (String f : new String[] {"personsPresent", "motifs", "signature"}) {
            err(f, errors.getOrDefault(f, ""));
        }
        for (String f : new String[] {"place", "duration", "energy.kva", "energy.since"}) {
            if (errors.containsKey(f)) {
                err(f, errors.get(f));
            }
        }
        err("actions", firstOf(errors, "action.", "visit.error.action.item"));
        err("orientations", firstOf(errors, "orientation.", "visit.error.orientation.item"));
        err("tasks", firstOf(errors, "task.", "visit.error.task.item"));
    }

    /** "Action 2 : Choisissez le domaine de l'action." for the first error of a list's items. */
    private String firstOf(Map<String, String> errors, String prefix, String key) {
        for (Map.Entry<String, String> e : errors.entrySet()) {
            if (e.getKey().startsWith(prefix)) {
                String index = e.getKey().substring(prefix.length(), e.getKey().indexOf('.', prefix.length()));
                return text(key, Integer.parseInt(index) + 1, e.getValue());
            }
        }
        return "";
    }

    // ----- helpers

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String nonBlank(String s, String otherwise) {
        return blank(s) ? otherwise : s;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private String text(String key, Object... args) {
        String pattern = texts.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.FRANCE).format(args); // keys with arguments use '' for an apostrophe
    }

    /** The label of a code of a list (for chips and combo boxes). */
    public static String label(CodeItem item) {
        return item == null ? "" : item.labelOrCode();
    }

    // ----- properties

    public ReadOnlyStringProperty residentNameProperty() {
        return residentName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty addressProperty() {
        return address.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty accessNotesProperty() {
        return accessNotes.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty phoneProperty() {
        return phone.getReadOnlyProperty();
    }

    /** "05/03/2026 · 09:30 – 10:30". */
    public ReadOnlyStringProperty whenTextProperty() {
        return whenText.getReadOnlyProperty();
    }

    public ObservableList<CodeItem> mediumOptions() {
        return mediumOptions;
    }

    public ObservableList<CodeItem> domainOptions() {
        return domainOptions;
    }

    public ObservableList<CodeItem> documentTypeOptions() {
        return documentTypeOptions;
    }

    /** The medium code ("home_visit"...). */
    public ObjectProperty<String> mediumProperty() {
        return medium;
    }

    /** Codes of the domains addressed; change with {@link #setDomainSelected}. */
    public ObservableList<String> domains() {
        return domainsView;
    }

    public StringProperty synthesisProperty() {
        return synthesis;
    }

    public StringProperty followUpProperty() {
        return followUp;
    }

    /** The due date as typed, dd/MM/yyyy (blank for none). */
    public StringProperty followUpDueProperty() {
        return followUpDue;
    }

    /** The document type for the next photo. */
    public ObjectProperty<String> newPhotoTypeProperty() {
        return newPhotoType;
    }

    public ReadOnlyStringProperty mediumErrorProperty() {
        return mediumError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty domainsErrorProperty() {
        return domainsError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty synthesisErrorProperty() {
        return synthesisError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty followUpErrorProperty() {
        return followUpError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty followUpDueErrorProperty() {
        return followUpDueError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty photoTypeErrorProperty() {
        return photoTypeError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty formErrorProperty() {
        return formError.getReadOnlyProperty();
    }

    public ObservableList<PhotoRow> photos() {
        return photos;
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** True once the visit is terminated: every field is read-only. */
    public ReadOnlyBooleanProperty frozenProperty() {
        return frozen.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty capturingProperty() {
        return capturing.getReadOnlyProperty();
    }

    /** "Enregistré sur l'appareil à 10:42", "Enregistrement…", or the failure. */
    public ReadOnlyStringProperty saveStatusProperty() {
        return saveStatus.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty completedTextProperty() {
        return completedText.getReadOnlyProperty();
    }

    /**
     * Once terminated, where the report stands with its photos: "En attente d'envoi…", "Envoi au bureau en
     * cours : 40 %", "Compte rendu et photos reçus par le bureau", "À vérifier : …". Empty for a draft.
     */
    public ReadOnlyStringProperty deliveryTextProperty() {
        return deliveryText.getReadOnlyProperty();
    }

    public javafx.beans.property.ReadOnlyObjectProperty<Delivery> deliveryProperty() {
        return delivery.getReadOnlyProperty();
    }

    /** Set when the code lists have not arrived yet (first start offline). */
    public ReadOnlyStringProperty codesHintProperty() {
        return codesHint.getReadOnlyProperty();
    }

    /** The id of the report being edited, once loaded. */
    public String reportId() {
        return report == null ? null : report.id();
    }
}
