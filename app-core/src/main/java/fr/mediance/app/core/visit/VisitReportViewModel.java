package fr.mediance.app.core.visit;

import fr.mediance.app.core.BackgroundWork;
import fr.mediance.app.core.Outcome;
import fr.mediance.app.core.agenda.AgendaItem;
import fr.mediance.app.core.agenda.AgendaService;
import fr.mediance.app.core.document.DocumentService;
import fr.mediance.app.core.platform.DocumentCapture;
import fr.mediance.app.core.reference.CodeItem;
import fr.mediance.app.core.reference.CodeLists;
import fr.mediance.app.core.reference.ReferenceService;
import fr.mediance.app.core.resident.Resident;
import fr.mediance.app.core.resident.ResidentService;
import fr.mediance.app.core.signature.SignatureService;
import fr.mediance.app.core.sync.Delivery;
import fr.mediance.app.core.sync.SyncService;
import fr.mediance.protocol.ActionDto;
import fr.mediance.protocol.ListNames;
import fr.mediance.protocol.OrientationDto;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The visit report of one appointment (or of a contact without one): who and when, and the parts of the report,
 * each with its own view model ({@link #contact()}, {@link #energy()}, {@link #actions()}, {@link #orientations()},
 * {@link #followUps()}, {@link #signature()}, {@link #photos()}). Every change is saved on the device at once
 * (autosave, in order, in the background); "Terminer la visite" validates, freezes the report (read-only
 * afterwards) and queues it with its photos for the office; "Corriger" starts a new version of a terminated one.
 */
public final class VisitReportViewModel {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final VisitService visits;
    private final AgendaService agenda;
    private final ResidentService residents;
    private final ReferenceService reference;
    private final VisitSession session;
    private final BackgroundWork work;
    private final ContactViewModel contact;
    private final EnergyCheckViewModel energy;
    private final ActionsViewModel actions;
    private final OrientationsViewModel orientations;
    private final FollowUpsViewModel followUps;
    private final SignatureViewModel signature;
    private final PhotosViewModel photos;
    private final List<ReportPart> parts;
    private CompletableFuture<?> saves = CompletableFuture.completedFuture(null);

    // header
    private final ReadOnlyStringWrapper residentName = new ReadOnlyStringWrapper(this, "residentName", "");
    private final ReadOnlyStringWrapper address = new ReadOnlyStringWrapper(this, "address", "");
    private final ReadOnlyStringWrapper accessNotes = new ReadOnlyStringWrapper(this, "accessNotes", "");
    private final ReadOnlyStringWrapper phone = new ReadOnlyStringWrapper(this, "phone", "");
    private final ReadOnlyStringWrapper whenText = new ReadOnlyStringWrapper(this, "whenText", "");
    // state
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper saveStatus = new ReadOnlyStringWrapper(this, "saveStatus", "");
    private final ReadOnlyStringWrapper completedText = new ReadOnlyStringWrapper(this, "completedText", "");
    private final ReadOnlyStringWrapper codesHint = new ReadOnlyStringWrapper(this, "codesHint", "");
    private final ErrorLines errors = new ErrorLines("form");

    public VisitReportViewModel(
            VisitService visits,
            DocumentService documents,
            AgendaService agenda,
            ReferenceService reference,
            DocumentCapture capture,
            SyncService sync,
            Clock clock,
            ZoneId zone,
            ResourceBundle texts,
            Executor background,
            Executor fx) {
        this(
                visits,
                documents,
                agenda,
                null,
                reference,
                capture,
                sync,
                (r, d, day) -> List.of(),
                null,
                clock,
                zone,
                texts,
                background,
                fx);
    }

    /**
     * The full report: {@code residents} gives the header of a contact without appointment (may be null),
     * {@code mandates} the mandates an action on behalf may name, {@code signatures} keeps the resident's drawn
     * signature (null where no signature pad exists yet: the visit is then attested).
     */
    public VisitReportViewModel(
            VisitService visits,
            DocumentService documents,
            AgendaService agenda,
            ResidentService residents,
            ReferenceService reference,
            DocumentCapture capture,
            SyncService sync,
            MandateLookup mandates,
            SignatureService signatures,
            Clock clock,
            ZoneId zone,
            ResourceBundle texts,
            Executor background,
            Executor fx) {
        this.visits = Objects.requireNonNull(visits);
        this.agenda = Objects.requireNonNull(agenda);
        this.residents = residents;
        this.reference = Objects.requireNonNull(reference);
        this.work = new BackgroundWork(background, fx);
        this.session = new VisitSession(visits, clock, zone, texts, work);
        this.contact = new ContactViewModel(session);
        this.energy = new EnergyCheckViewModel(session, contact.mediumProperty());
        this.actions = new ActionsViewModel(session, mandates, reference);
        this.orientations = new OrientationsViewModel(session);
        this.followUps = new FollowUpsViewModel(session);
        this.signature = new SignatureViewModel(session, signatures, residentName::get);
        this.photos = new PhotosViewModel(session, documents, reference, capture, sync);
        this.parts = List.of(contact, energy, actions, orientations, followUps, signature, photos);
        session.setOnChange(this::changed);
    }

    public void setOnMessage(Consumer<String> onMessage) {
        session.setOnMessage(onMessage);
    }

    // ----- opening

    /** Opens (or starts) the report of an appointment. Completes on the FX executor; false if unknown. */
    public CompletableFuture<Boolean> load(String appointmentId) {
        return open(() ->
                agenda.find(appointmentId).isPresent() ? visits.openForAppointment(appointmentId) : Optional.empty());
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
    private record Loaded(
            VisitReport report,
            Header header,
            Map<String, List<CodeItem>> lists,
            List<PhotosViewModel.PhotoRow> rows,
            Map<String, String> mandateLabels) {}

    private record Header(String name, String address, String access, String phone, String when) {}

    private CompletableFuture<Boolean> open(Supplier<Optional<VisitReport>> opener) {
        CompletableFuture<Boolean> result = new CompletableFuture<>();
        work.supply(
                "opening a visit report",
                () -> opener.get().map(this::read),
                found -> {
                    if (found.isEmpty()) {
                        notFound(result);
                        return;
                    }
                    show(found.get());
                    photos.watchTransfers(true);
                    result.complete(true);
                },
                e -> notFound(result));
        return result;
    }

    private void notFound(CompletableFuture<Boolean> result) {
        errors.set("form", session.text("visit.error.not.found"));
        result.complete(false);
    }

    /** Background: the header, the code lists (with the inactive codes the report uses) and the photos. */
    private Loaded read(VisitReport r) {
        Header header;
        Optional<AgendaItem> item = r.appointmentId() == null ? Optional.empty() : agenda.find(r.appointmentId());
        if (item.isPresent()) {
            AgendaItem a = item.get();
            header = new Header(
                    VisitSession.nullToEmpty(a.residentName()),
                    VisitSession.nullToEmpty(a.address()),
                    VisitSession.nullToEmpty(a.accessNotes()),
                    VisitSession.nullToEmpty(a.residentPhone()),
                    FrenchInput.format(a.start().atZone(session.zone).toLocalDate()) + " · "
                            + TIME.format(a.start().atZone(session.zone))
                            + (a.end() == null
                                    ? ""
                                    : " – " + TIME.format(a.end().atZone(session.zone))));
        } else {
            Optional<Resident> res =
                    residents == null || r.residentId() == null ? Optional.empty() : residents.find(r.residentId());
            Instant started = r.startedAt() == null ? session.clock.instant() : r.startedAt();
            header = new Header(
                    res.map(Resident::displayName).orElse(""),
                    res.map(Resident::addressLine).orElse(""),
                    res.map(x -> VisitSession.nullToEmpty(x.accessNotes())).orElse(""),
                    res.map(x -> VisitSession.nullToEmpty(x.phone())).orElse(""),
                    FrenchInput.format(started.atZone(session.zone).toLocalDate()) + " · "
                            + TIME.format(started.atZone(session.zone)));
        }
        Map<String, List<String>> used = Map.of(
                CodeLists.MEDIUM,
                r.medium() == null ? List.of() : List.of(r.medium()),
                CodeLists.DOMAIN,
                r.domains(),
                ListNames.MOTIF,
                r.motifs(),
                ListNames.PERSON_PRESENT,
                r.personsPresent(),
                ListNames.ACTION_TYPE,
                r.actions().stream()
                        .map(ActionDto::type)
                        .filter(Objects::nonNull)
                        .toList(),
                ListNames.ORIENTATION_TARGET,
                r.orientations().stream()
                        .map(OrientationDto::target)
                        .filter(Objects::nonNull)
                        .toList());
        Map<String, List<CodeItem>> lists = new HashMap<>();
        for (String list : VisitSession.OPTION_LISTS) {
            lists.put(list, withInactive(reference.codes(list), list, used.getOrDefault(list, List.of())));
        }
        return new Loaded(r, header, lists, photos.rowsOf(r.id()), actions.readMandateLabels(r));
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
        session.loading = true;
        try {
            Header h = l.header();
            residentName.set(h.name());
            address.set(h.address());
            accessNotes.set(h.access());
            phone.set(h.phone());
            whenText.set(h.when());
            l.lists().forEach((list, items) -> session.options(list).setAll(items));
            contact.setAllMotifs(l.lists().get(ListNames.MOTIF));
            actions.knowMandates(l.mandateLabels());
            codesHint.set(
                    session.options(CodeLists.MEDIUM).isEmpty()
                                    || session.options(CodeLists.DOMAIN).isEmpty()
                            ? session.text("visit.codes.missing")
                            : "");
            photos.showRows(l.rows());
            applyReport(l.report());
            loaded.set(true);
        } finally {
            session.loading = false;
        }
        checkInput();
    }

    /** Puts a report's fields on the screen (opening, or the new draft of a correction). */
    private void applyReport(VisitReport r) {
        boolean was = session.loading;
        session.loading = true;
        try {
            session.report = r;
            parts.forEach(p -> p.show(r));
            session.frozen.set(r.completed());
            completedText.set(r.completed() ? completedSentence(r) : "");
            saveStatus.set(
                    r.updatedAt() == null || r.completed()
                            ? ""
                            : session.text(
                                    "visit.saved", TIME.format(r.updatedAt().atZone(session.zone))));
        } finally {
            session.loading = was;
        }
    }

    private String completedSentence(VisitReport r) {
        return session.text(
                "visit.completed",
                FrenchInput.format(r.completedAt().atZone(session.zone).toLocalDate()),
                TIME.format(r.completedAt().atZone(session.zone)));
    }

    // ----- autosave

    private void changed() {
        if (session.loading || session.report == null || session.frozen.get()) {
            return;
        }
        checkInput();
        if (session.completionTried) {
            showRequired(visits.validate(draft()));
        }
        save();
    }

    private VisitReport draft() {
        VisitReport d = session.report;
        for (ReportPart p : parts) {
            d = p.into(d);
        }
        return d;
    }

    private void checkInput() {
        parts.forEach(ReportPart::checkInput);
    }

    /** Whether some typed text cannot be read (its message is beside the field). */
    private boolean unreadable() {
        return parts.stream().anyMatch(ReportPart::unreadable);
    }

    private void showRequired(Map<String, String> found) {
        parts.forEach(p -> p.showRequired(found));
        if (found.isEmpty() && !unreadable()) {
            errors.set("form", "");
        }
    }

    /** Saves the draft as it is now; saves run one after the other, in the order of the changes. */
    private void save() {
        VisitReport toSave = draft();
        saveStatus.set(session.text("visit.saving"));
        saves = saves.handle((x, e) -> null)
                .thenCompose(x -> work.supply(
                        "saving a visit report draft",
                        () -> visits.saveDraft(toSave),
                        outcome -> {
                            if (outcome instanceof Outcome.Ok<VisitReport> ok) {
                                session.report = ok.value();
                                saveStatus.set(session.text(
                                        "visit.saved",
                                        TIME.format(session.clock.instant().atZone(session.zone))));
                            } else {
                                saveStatus.set(session.text("visit.save.failed"));
                            }
                        },
                        e -> saveStatus.set(session.text("visit.save.failed"))));
    }

    /** Waits for the saves queued so far (for the tests and before completing). */
    public CompletableFuture<Void> flush() {
        CompletableFuture<Void> result = new CompletableFuture<>();
        saves.whenComplete((x, e) -> work.onFx(() -> result.complete(null)));
        return result;
    }

    // ----- completion and correction

    /** "Terminer la visite": saves, validates, then freezes the report. Completes on the FX executor. */
    public CompletableFuture<Boolean> complete() {
        if (session.frozen.get() || session.report == null || busy.get()) {
            return CompletableFuture.completedFuture(session.frozen.get());
        }
        session.completionTried = true;
        errors.set("form", "");
        checkInput();
        Map<String, String> local = visits.validate(draft());
        if (!local.isEmpty() || unreadable()) {
            showRequired(local);
            errors.set("form", session.text("visit.complete.invalid"));
            return CompletableFuture.completedFuture(false);
        }
        busy.set(true);
        String reportId = session.report.id();
        CompletableFuture<Boolean> result = new CompletableFuture<>();
        save();
        saves = saves.handle((x, e) -> null)
                .thenCompose(x -> work.supply(
                        "terminating a visit",
                        () -> visits.complete(reportId),
                        outcome -> {
                            busy.set(false);
                            if (outcome instanceof Outcome.Ok<VisitReport> ok) {
                                session.report = ok.value();
                                session.frozen.set(true);
                                completedText.set(completedSentence(ok.value()));
                                saveStatus.set("");
                                photos.reloadStates(); // queued now: "En attente"
                                session.message(session.text("visit.completed.toast"));
                                result.complete(true);
                            } else {
                                showRequired(outcome.fieldErrors());
                                errors.set(
                                        "form",
                                        outcome.fieldErrors().isEmpty()
                                                ? orSaveFailed(outcome.message())
                                                : session.text("visit.complete.invalid"));
                                result.complete(false);
                            }
                        },
                        e -> {
                            busy.set(false);
                            errors.set("form", session.text("visit.save.failed"));
                            result.complete(false);
                        }));
        return result;
    }

    /**
     * "Corriger": a new version of the terminated report, editable, that will supersede it; the terminated one
     * stays as it was. Completes on the FX executor.
     */
    public CompletableFuture<Boolean> correct() {
        if (!session.frozen.get() || session.report == null || busy.get()) {
            return CompletableFuture.completedFuture(false);
        }
        String reportId = session.report.id();
        CompletableFuture<Boolean> result = new CompletableFuture<>();
        work.supply(
                "starting the correction of a visit report",
                () -> visits.correct(reportId),
                outcome -> {
                    if (outcome instanceof Outcome.Ok<VisitReport> ok) {
                        session.completionTried = false;
                        applyReport(ok.value());
                        checkInput();
                        session.message(session.text("visit.correction.started"));
                        result.complete(true);
                    } else {
                        session.message(orSaveFailed(outcome.message()));
                        result.complete(false);
                    }
                },
                e -> {
                    session.message(session.text("visit.save.failed"));
                    result.complete(false);
                });
        return result;
    }

    private String orSaveFailed(String message) {
        return VisitSession.blank(message) ? session.text("visit.save.failed") : message;
    }

    // ----- photos on their way

    /**
     * Follows (or stops following) the photos' progress while a sync sends them; the screen turns it on while
     * it is shown. Turning it on also reads the states again.
     */
    public void watchTransfers(boolean on) {
        photos.watchTransfers(on);
    }

    /** Stops following the photos (the screen is closed). */
    public void dispose() {
        photos.watchTransfers(false);
    }

    // ----- the parts

    public ContactViewModel contact() {
        return contact;
    }

    public EnergyCheckViewModel energy() {
        return energy;
    }

    public ActionsViewModel actions() {
        return actions;
    }

    public OrientationsViewModel orientations() {
        return orientations;
    }

    public FollowUpsViewModel followUps() {
        return followUps;
    }

    public SignatureViewModel signature() {
        return signature;
    }

    public PhotosViewModel photos() {
        return photos;
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

    /** Above "Terminer la visite": the report is incomplete, could not be saved, or was not found. */
    public ReadOnlyStringProperty formErrorProperty() {
        return errors.property("form");
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** True once the visit is terminated: every field is read-only. */
    public ReadOnlyBooleanProperty frozenProperty() {
        return session.frozen.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** "Enregistré sur l'appareil à 10:42", "Enregistrement…", or the failure. */
    public ReadOnlyStringProperty saveStatusProperty() {
        return saveStatus.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty completedTextProperty() {
        return completedText.getReadOnlyProperty();
    }

    /** Once terminated, where the report stands with its photos (see {@link PhotosViewModel#deliveryTextProperty}). */
    public ReadOnlyStringProperty deliveryTextProperty() {
        return photos.deliveryTextProperty();
    }

    public ReadOnlyObjectProperty<Delivery> deliveryProperty() {
        return photos.deliveryProperty();
    }

    /** Set when the code lists have not arrived yet (first start offline). */
    public ReadOnlyStringProperty codesHintProperty() {
        return codesHint.getReadOnlyProperty();
    }

    /** The resident of the report being edited, once loaded (« Prochain rendez-vous » at the end of a visit). */
    public String residentId() {
        return session.report == null ? null : session.report.residentId();
    }

    /** The id of the report being edited, once loaded. */
    public String reportId() {
        return session.report == null ? null : session.report.id();
    }
}
