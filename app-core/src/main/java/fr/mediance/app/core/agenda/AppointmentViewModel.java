package fr.mediance.app.core.agenda;

import fr.mediance.app.core.BackgroundWork;
import fr.mediance.app.core.Outcome;
import fr.mediance.app.core.Texts;
import fr.mediance.app.core.platform.ExternalApps;
import fr.mediance.app.core.reference.CodeItem;
import fr.mediance.app.core.reference.CodeLists;
import fr.mediance.app.core.reference.ReferenceService;
import fr.mediance.protocol.ActionDto;
import fr.mediance.protocol.DocumentDto;
import fr.mediance.protocol.ListNames;
import fr.mediance.protocol.TaskDto;
import fr.mediance.protocol.VisitReportDto;
import java.text.MessageFormat;
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
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One appointment before leaving: where (address, access and safety notes), "Appeler" and "Itinéraire"
 * through the device's apps, what to bring back or collect, the last completed contact, the open follow-ups and
 * the documents whose due or retention date is near; "Absent(e)" or "Annulé par la personne" with a reason
 * from "cancel_reason"; the visit and the resident's file one tap away.
 */
public final class AppointmentViewModel {

    /** An open follow-up: its title and "Pour le 12/12/2026" (or overdue). */
    public record TaskRow(String taskId, String title, String dueText, boolean overdue) {}

    /** A document to watch: "Facture – EDF" and "À régler avant le 12/12/2026 · 412,30 €". */
    public record DocumentRow(String documentId, String title, String detail) {}

    /** The status changes a counsellor may make. */
    public enum StatusChange {
        ABSENT(AppointmentStatus.NO_SHOW),
        CANCELLED_BY_RESIDENT(AppointmentStatus.CANCELLED_BY_RESIDENT);

        public final String code;

        StatusChange(String code) {
            this.code = code;
        }
    }

    /** How far ahead a document's due or retention date counts as near. */
    static final int HORIZON_DAYS = 30;

    private static final int SYNTHESIS_LINES = 3;
    private static final int SYNTHESIS_CHARS = 240;

    private final AgendaService agenda;
    private final ReferenceService reference;
    private final ExternalApps apps;
    private final Clock clock;
    private final ZoneId zone;
    private final ResourceBundle texts;
    private final BackgroundWork work;
    private Consumer<String> onMessage = m -> {};
    private Consumer<String> onOpenVisit = id -> {};
    private Consumer<String> onOpenResident = id -> {};

    private String appointmentId;
    private AgendaItem item;
    private final ReadOnlyStringWrapper residentName = new ReadOnlyStringWrapper(this, "residentName", "");
    private final ReadOnlyStringWrapper whenText = new ReadOnlyStringWrapper(this, "whenText", "");
    private final ReadOnlyStringWrapper typeLabel = new ReadOnlyStringWrapper(this, "typeLabel", "");
    private final ReadOnlyStringWrapper statusLabel = new ReadOnlyStringWrapper(this, "statusLabel", "");
    private final ReadOnlyObjectWrapper<AgendaViewModel.StatusKind> statusKind =
            new ReadOnlyObjectWrapper<>(this, "statusKind", AgendaViewModel.StatusKind.CONFIRMED);
    private final ReadOnlyStringWrapper address = new ReadOnlyStringWrapper(this, "address", "");
    private final ReadOnlyStringWrapper accessNotes = new ReadOnlyStringWrapper(this, "accessNotes", "");
    private final ReadOnlyStringWrapper safetyNotes = new ReadOnlyStringWrapper(this, "safetyNotes", "");
    private final ReadOnlyStringWrapper notes = new ReadOnlyStringWrapper(this, "notes", "");
    private final ReadOnlyStringWrapper phone = new ReadOnlyStringWrapper(this, "phone", "");
    private final ReadOnlyBooleanWrapper canCall = new ReadOnlyBooleanWrapper(this, "canCall");
    private final ReadOnlyBooleanWrapper canShowMap = new ReadOnlyBooleanWrapper(this, "canShowMap");
    private final ObservableList<String> checklist = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper lastContactTitle = new ReadOnlyStringWrapper(this, "lastContactTitle", "");
    private final ReadOnlyStringWrapper lastContactSynthesis =
            new ReadOnlyStringWrapper(this, "lastContactSynthesis", "");
    private final ObservableList<String> lastContactActions = FXCollections.observableArrayList();
    private final ObservableList<TaskRow> tasks = FXCollections.observableArrayList();
    private final ObservableList<DocumentRow> documents = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    private final ReadOnlyBooleanWrapper canChangeStatus = new ReadOnlyBooleanWrapper(this, "canChangeStatus");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper openVisitText = new ReadOnlyStringWrapper(this, "openVisitText", "");
    private final ObservableList<CodeItem> cancelReasons = FXCollections.observableArrayList();
    private final ObjectProperty<String> reason = new SimpleObjectProperty<>(this, "reason");
    private final ReadOnlyStringWrapper reasonError = new ReadOnlyStringWrapper(this, "reasonError", "");

    public AppointmentViewModel(
            AgendaService agenda,
            ReferenceService reference,
            ExternalApps apps,
            Clock clock,
            ZoneId zone,
            ResourceBundle texts,
            Executor background,
            Executor fx) {
        this.agenda = Objects.requireNonNull(agenda);
        this.reference = Objects.requireNonNull(reference);
        this.apps = Objects.requireNonNull(apps);
        this.clock = Objects.requireNonNull(clock);
        this.zone = Objects.requireNonNull(zone);
        this.texts = Objects.requireNonNull(texts);
        this.work = new BackgroundWork(background, fx);
        reason.addListener((o, a, b) -> reasonError.set(""));
    }

    public void setOnMessage(Consumer<String> onMessage) {
        this.onMessage = Objects.requireNonNull(onMessage);
    }

    /** Opens the visit of an appointment (by its id). */
    public void setOnOpenVisit(Consumer<String> onOpenVisit) {
        this.onOpenVisit = Objects.requireNonNull(onOpenVisit);
    }

    /** Opens a resident's file (by the resident's id). */
    public void setOnOpenResident(Consumer<String> onOpenResident) {
        this.onOpenResident = Objects.requireNonNull(onOpenResident);
    }

    /** Loads the appointment and its preparation (background); completes with false if it is not here. */
    public CompletableFuture<Boolean> load(String id) {
        this.appointmentId = id;
        LocalDate today = LocalDate.now(clock.withZone(zone));
        record Loaded(Optional<Preparation> found, List<CodeItem> reasons) {}
        return work.supply(
                        "loading an appointment",
                        () -> new Loaded(
                                agenda.prepare(id, today, HORIZON_DAYS), reference.codes(ListNames.CANCEL_REASON)),
                        l -> {
                            l.found().ifPresent(x -> show(x, today));
                            cancelReasons.setAll(l.reasons());
                            loaded.set(l.found().isPresent());
                        },
                        e -> onMessage.accept(text("common.load.failed")))
                .thenApply(l -> l.found().isPresent())
                .exceptionally(e -> false);
    }

    private void show(Preparation p, LocalDate today) {
        AgendaItem a = p.appointment();
        item = a;
        residentName.set(nz(a.residentName()));
        var start = a.start().atZone(zone);
        whenText.set(text(
                "appointment.when",
                AgendaViewModel.capitalise(Texts.dayWithYear(texts).format(start)),
                text(
                        "agenda.time.range",
                        Texts.time(texts).format(start),
                        a.end() == null ? "" : Texts.time(texts).format(a.end().atZone(zone)))));
        typeLabel.set(
                AgendaViewModel.codeLabel(reference, texts, CodeLists.APPOINTMENT_TYPE, "appointment.type.", a.type()));
        String status = AgendaViewModel.codeLabel(
                reference, texts, CodeLists.APPOINTMENT_STATUS, "appointment.status.", a.status());
        if (a.statusReason() != null) {
            status = text(
                    "appointment.status.with.reason",
                    status,
                    reference.label(ListNames.CANCEL_REASON, a.statusReason()));
        }
        statusLabel.set(status);
        statusKind.set(AgendaViewModel.kind(a.status()));
        address.set(nz(a.address()));
        accessNotes.set(nz(a.accessNotes()));
        safetyNotes.set(nz(a.safetyNotes()));
        notes.set(nz(a.notes()));
        phone.set(nz(a.residentPhone()));
        canCall.set(apps.canCall() && !phone.get().isBlank());
        canShowMap.set(apps.canShowMap() && !address.get().isBlank());
        checklist.setAll(a.checklist());
        boolean open = !AppointmentStatus.DONE.equals(a.status()) && a.reportState() != ReportState.COMPLETED;
        canChangeStatus.set(open);
        openVisitText.set(
                text(a.reportState() == ReportState.NONE && open ? "appointment.start" : "appointment.open.report"));
        reason.set(null);
        reasonError.set("");

        Optional<VisitReportDto> last = p.lastContact();
        if (last.isPresent()) {
            VisitReportDto v = last.get();
            lastContactTitle.set(text(
                    "appointment.last.heading",
                    Texts.date(texts).format(v.completedAt().atZone(zone)),
                    reference.label(ListNames.MEDIUM, nz(v.medium()))));
            lastContactSynthesis.set(firstLines(v.synthesis()));
            List<String> actions = new ArrayList<>();
            for (ActionDto act : v.actions()) {
                actions.add(actionLine(act));
            }
            lastContactActions.setAll(actions);
        } else {
            lastContactTitle.set(text("appointment.last.none"));
            lastContactSynthesis.set("");
            lastContactActions.clear();
        }
        tasks.setAll(p.openTasks().stream().map(t -> taskRow(t, today)).toList());
        documents.setAll(
                p.documentsDue().stream().map(d -> documentRow(d, today)).toList());
    }

    private String actionLine(ActionDto a) {
        String type = a.type() == null ? "" : reference.label(ListNames.ACTION_TYPE, a.type());
        String what =
                a.target() == null || a.target().isBlank() ? type : text("appointment.action.target", type, a.target());
        if (a.result() == null || a.result().isBlank()) {
            return text("appointment.action.pending", what);
        }
        String result = reference.label(ListNames.ACTION_RESULT, a.result());
        if (a.amountObtainedCents() != null) {
            result = text("appointment.action.amount", result, Texts.money(texts, a.amountObtainedCents()));
        }
        return text("appointment.action.result", what, result);
    }

    private TaskRow taskRow(TaskDto t, LocalDate today) {
        if (t.dueDate() == null) {
            return new TaskRow(t.id(), nz(t.title()), text("appointment.task.nodue"), false);
        }
        boolean overdue = t.dueDate().isBefore(today);
        return new TaskRow(
                t.id(),
                nz(t.title()),
                text(
                        overdue ? "appointment.task.overdue" : "appointment.task.due",
                        Texts.date(texts).format(t.dueDate())),
                overdue);
    }

    private DocumentRow documentRow(DocumentDto d, LocalDate today) {
        String type = d.type() == null ? "" : reference.label(ListNames.DOCUMENT_TYPE, d.type());
        String title =
                d.title() == null || d.title().isBlank() ? type : text("appointment.document.title", type, d.title());
        if (d.issuer() != null && !d.issuer().isBlank()) {
            title = text("appointment.document.title", title, d.issuer());
        }
        List<String> parts = new ArrayList<>();
        if (d.dueDate() != null) {
            parts.add(text(
                    d.dueDate().isBefore(today) ? "appointment.document.overdue" : "appointment.document.due",
                    Texts.date(texts).format(d.dueDate())));
        }
        if (d.amountCents() != null) {
            parts.add(Texts.money(texts, d.amountCents()));
        }
        if (d.retentionUntil() != null && !d.retentionUntil().isAfter(today.plusDays(HORIZON_DAYS))) {
            parts.add(text("appointment.document.retention", Texts.date(texts).format(d.retentionUntil())));
        }
        return new DocumentRow(d.id(), title, String.join(" · ", parts));
    }

    /** The first lines of a synthesis, cut with "…" when longer. */
    static String firstLines(String synthesis) {
        if (synthesis == null) {
            return "";
        }
        String[] lines = synthesis.strip().split("\\R");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < Math.min(lines.length, SYNTHESIS_LINES); i++) {
            if (i > 0) {
                b.append('\n');
            }
            b.append(lines[i].strip());
        }
        boolean cut = lines.length > SYNTHESIS_LINES;
        String s = b.toString();
        if (s.length() > SYNTHESIS_CHARS) {
            int space = s.lastIndexOf(' ', SYNTHESIS_CHARS);
            s = s.substring(0, space > SYNTHESIS_CHARS / 2 ? space : SYNTHESIS_CHARS);
            cut = true;
        }
        return cut ? s.replaceAll("[\\s.,;:]+$", "") + "…" : s;
    }

    /** "Appeler": the dialer with the resident's number (a desktop copies the number and says so). */
    public void call() {
        if (!canCall.get()) {
            return;
        }
        ExternalApps.Result r = apps.call(phone.get());
        switch (r) {
            case COPIED -> onMessage.accept(text("appointment.call.copied", phone.get()));
            case FAILED, UNAVAILABLE -> onMessage.accept(text("appointment.call.failed"));
            case OPENED -> {}
        }
    }

    /** "Itinéraire": the address in the maps app. */
    public void showMap() {
        if (!canShowMap.get()) {
            return;
        }
        ExternalApps.Result r = apps.showMap(address.get());
        if (r == ExternalApps.Result.FAILED || r == ExternalApps.Result.UNAVAILABLE) {
            onMessage.accept(text("appointment.map.failed"));
        }
    }

    /** Opens (or starts) the visit report of this appointment. */
    public void openVisit() {
        if (appointmentId != null) {
            onOpenVisit.accept(appointmentId);
        }
    }

    /** Opens the resident's file. */
    public void openResidentFile() {
        if (item != null && item.residentId() != null) {
            onOpenResident.accept(item.residentId());
        }
    }

    /**
     * Marks the appointment absent or cancelled by the person, with the chosen reason (required: the message is
     * shown beside the field otherwise). Only the status and its reason travel, merged onto the coordinator's
     * version. Completes with whether it was saved.
     */
    public CompletableFuture<Boolean> changeStatus(StatusChange change) {
        String code = reason.get();
        if (code == null || code.isBlank()) {
            reasonError.set(text("appointment.status.reason.required"));
            return CompletableFuture.completedFuture(false);
        }
        if (!canChangeStatus.get() || busy.get()) {
            return CompletableFuture.completedFuture(false);
        }
        busy.set(true);
        String id = appointmentId;
        LocalDate today = LocalDate.now(clock.withZone(zone));
        record Changed(Outcome<AgendaItem> outcome, Optional<Preparation> reloaded) {}
        return work.supply(
                        "changing an appointment's status",
                        () -> {
                            Outcome<AgendaItem> o = agenda.setStatus(id, change.code, code);
                            return new Changed(
                                    o, o.isOk() ? agenda.prepare(id, today, HORIZON_DAYS) : Optional.empty());
                        },
                        c -> {
                            busy.set(false);
                            if (c.outcome().isOk()) {
                                c.reloaded().ifPresent(x -> show(x, today));
                                onMessage.accept(text("appointment.status.saved", statusLabel.get()));
                            } else {
                                String field = c.outcome().fieldErrors().getOrDefault("statusReason", "");
                                reasonError.set(field);
                                if (field.isEmpty()) {
                                    onMessage.accept(c.outcome().message());
                                }
                            }
                        },
                        e -> {
                            busy.set(false);
                            onMessage.accept(text("appointment.status.failed"));
                        })
                .thenApply(c -> c.outcome().isOk())
                .exceptionally(e -> false);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private String text(String key, Object... args) {
        String pattern = texts.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, Texts.locale(texts)).format(args);
    }

    public String appointmentId() {
        return appointmentId;
    }

    /** The resident of the loaded appointment (null before loading). */
    public String residentId() {
        return item == null ? null : item.residentId();
    }

    public ReadOnlyStringProperty residentNameProperty() {
        return residentName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty whenTextProperty() {
        return whenText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty typeLabelProperty() {
        return typeLabel.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusLabelProperty() {
        return statusLabel.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<AgendaViewModel.StatusKind> statusKindProperty() {
        return statusKind.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty addressProperty() {
        return address.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty accessNotesProperty() {
        return accessNotes.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty safetyNotesProperty() {
        return safetyNotes.getReadOnlyProperty();
    }

    /** The coordinator's notes on the appointment. */
    public ReadOnlyStringProperty notesProperty() {
        return notes.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty phoneProperty() {
        return phone.getReadOnlyProperty();
    }

    /** Whether "Appeler" is shown: the platform can call and the resident has a number. */
    public ReadOnlyBooleanProperty canCallProperty() {
        return canCall.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canShowMapProperty() {
        return canShowMap.getReadOnlyProperty();
    }

    public ObservableList<String> checklist() {
        return checklist;
    }

    /** "Dernier contact : 12/10/2026 · Visite à domicile", or that there is none. */
    public ReadOnlyStringProperty lastContactTitleProperty() {
        return lastContactTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lastContactSynthesisProperty() {
        return lastContactSynthesis.getReadOnlyProperty();
    }

    public ObservableList<String> lastContactActions() {
        return lastContactActions;
    }

    public ObservableList<TaskRow> tasks() {
        return tasks;
    }

    public ObservableList<DocumentRow> documents() {
        return documents;
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** Whether "Absent(e)" / "Annulé par la personne" may be chosen (not once the visit is done). */
    public ReadOnlyBooleanProperty canChangeStatusProperty() {
        return canChangeStatus.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** "Commencer la visite" or "Ouvrir le compte rendu". */
    public ReadOnlyStringProperty openVisitTextProperty() {
        return openVisitText.getReadOnlyProperty();
    }

    public ObservableList<CodeItem> cancelReasons() {
        return cancelReasons;
    }

    /** The chosen code of "cancel_reason". */
    public ObjectProperty<String> reasonProperty() {
        return reason;
    }

    public ReadOnlyStringProperty reasonErrorProperty() {
        return reasonError.getReadOnlyProperty();
    }
}
