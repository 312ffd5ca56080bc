package fr.mediance.app.core.planning;

import fr.mediance.app.core.BackgroundWork;
import fr.mediance.app.core.Outcome;
import fr.mediance.app.core.Texts;
import fr.mediance.app.core.agenda.AgendaItem;
import fr.mediance.app.core.agenda.AgendaService;
import fr.mediance.protocol.AppointmentPlanning;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The coordination's changes to one planned appointment: move it (day, time, length), cancel it with a reason,
 * lock or unlock it, and edit its checklist and safety notes. Each is saved on the device and queued with only the
 * fields it changes (merged at the office onto the current version); the shared rule
 * ({@link AppointmentPlanning}) decides who may change what, here and at the office. A move that makes two
 * appointments of the counsellor overlap is warned about before it is saved.
 */
public final class AppointmentEditViewModel {
    public static final String DATE = "date";
    public static final String START = "startTime";
    public static final String DURATION = "duration";
    public static final String REASON = "statusReason";
    public static final String CHECKLIST = "checklist";
    public static final String SAFETY = "safetyNotes";

    private static final DateTimeFormatter DATE_FORMAT =
            DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter TIME_FORMAT =
            DateTimeFormatter.ofPattern("HH:mm").withResolverStyle(ResolverStyle.STRICT);

    private final AgendaService agenda;
    private final ZoneId zone;
    private final ResourceBundle texts;
    private final BackgroundWork work;
    private Consumer<String> onMessage = m -> {};
    private Runnable onChanged = () -> {};

    private final Map<String, StringProperty> fields = new LinkedHashMap<>();
    private final Map<String, ReadOnlyStringWrapper> errors = new LinkedHashMap<>();
    private final ObjectProperty<String> cancelStatus =
            new SimpleObjectProperty<>(this, "cancelStatus", AppointmentPlanning.CANCELLED_BY_STRUCTURE);
    private final ReadOnlyBooleanWrapper locked = new ReadOnlyBooleanWrapper(this, "locked");
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper(this, "heading", "");
    private final ReadOnlyStringWrapper lockText = new ReadOnlyStringWrapper(this, "lockText", "");
    private final ReadOnlyStringWrapper overlapWarning = new ReadOnlyStringWrapper(this, "overlapWarning", "");
    private final ReadOnlyStringWrapper formError = new ReadOnlyStringWrapper(this, "formError", "");
    private AgendaItem item;

    public AppointmentEditViewModel(
            AgendaService agenda, ZoneId zone, ResourceBundle texts, Executor background, Executor fx) {
        this.agenda = Objects.requireNonNull(agenda);
        this.zone = Objects.requireNonNull(zone);
        this.texts = Objects.requireNonNull(texts);
        this.work = new BackgroundWork(background, fx);
        for (String f : List.of(DATE, START, DURATION, REASON, CHECKLIST, SAFETY)) {
            fields.put(f, new SimpleStringProperty(this, f, ""));
            errors.put(f, new ReadOnlyStringWrapper(this, f + "Error", ""));
        }
        locked.addListener((o, a, b) -> lockText.set(texts.getString(b ? "planning.unlock" : "planning.lock")));
        lockText.set(texts.getString("planning.lock"));
    }

    public void setOnMessage(Consumer<String> onMessage) {
        this.onMessage = Objects.requireNonNull(onMessage);
    }

    /** Called after each saved change (the planned list reloads). */
    public void setOnChanged(Runnable onChanged) {
        this.onChanged = Objects.requireNonNull(onChanged);
    }

    /** Loads an appointment into the form; answers whether it was found. */
    public CompletableFuture<Boolean> open(String appointmentId) {
        CompletableFuture<Boolean> found = new CompletableFuture<>();
        work.supply(
                "opening an appointment to change",
                () -> agenda.find(appointmentId).orElse(null),
                a -> {
                    if (a != null) {
                        show(a);
                    }
                    found.complete(a != null);
                },
                e -> {
                    formError.set(texts.getString("common.load.failed"));
                    found.complete(false);
                });
        return found;
    }

    private void show(AgendaItem a) {
        item = a;
        ZonedDateTime start = a.start().atZone(zone);
        heading.set((a.residentName() == null ? "" : a.residentName()) + " · "
                + (a.counsellorName() == null ? "" : a.counsellorName()));
        fields.get(DATE).set(DATE_FORMAT.format(start));
        fields.get(START).set(TIME_FORMAT.format(start));
        fields.get(DURATION)
                .set(String.valueOf(Duration.between(a.start(), a.end()).toMinutes()));
        fields.get(REASON).set(a.statusReason() == null ? "" : a.statusReason());
        fields.get(CHECKLIST).set(String.join("\n", a.checklist()));
        fields.get(SAFETY).set(a.safetyNotes() == null ? "" : a.safetyNotes());
        locked.set(a.locked());
    }

    /** Moves the appointment to the day, time and length typed. */
    public CompletableFuture<Boolean> reschedule() {
        clearErrors();
        LocalDate day = parse(() -> LocalDate.parse(fields.get(DATE).get().strip(), DATE_FORMAT));
        LocalTime start = parse(() -> LocalTime.parse(fields.get(START).get().strip(), TIME_FORMAT));
        Duration length;
        try {
            length = Duration.ofMinutes(
                    Integer.parseInt(fields.get(DURATION).get().strip()));
        } catch (NumberFormatException e) {
            length = null;
        }
        if (day == null) {
            errors.get(DATE).set(texts.getString("nextAppointment.date.invalid"));
        }
        if (start == null) {
            errors.get(START).set(texts.getString("nextAppointment.time.invalid"));
        }
        if (length == null) {
            errors.get(DURATION).set(texts.getString("nextAppointment.duration.invalid"));
        }
        if (day == null || start == null || length == null) {
            return CompletableFuture.completedFuture(false);
        }
        Duration d = length;
        return save("moving an appointment", () -> {
            List<AgendaItem> overlapping = agenda.overlapping(
                    item.counsellorId(),
                    day.atTime(start).atZone(zone).toInstant(),
                    day.atTime(start).atZone(zone).toInstant().plus(d),
                    item.appointmentId());
            Outcome<AgendaItem> saved = agenda.reschedule(item.appointmentId(), day, start, d);
            return new Saved(saved, overlapping);
        });
    }

    /** Cancels the appointment ({@link #cancelStatusProperty()}) with the reason typed (required). */
    public CompletableFuture<Boolean> cancel() {
        clearErrors();
        String status = cancelStatus.get();
        String reason = fields.get(REASON).get();
        if (AppointmentPlanning.missesReason(status, reason)) {
            errors.get(REASON).set(AppointmentPlanning.REASON_REQUIRED);
            return CompletableFuture.completedFuture(false);
        }
        return save(
                "cancelling an appointment",
                () -> new Saved(agenda.setStatus(item.appointmentId(), status, reason), List.of()));
    }

    /** Locks the appointment, or unlocks it when it is locked. */
    public CompletableFuture<Boolean> toggleLock() {
        clearErrors();
        boolean to = !locked.get();
        return save("locking an appointment", () -> new Saved(agenda.setLocked(item.appointmentId(), to), List.of()));
    }

    /** Saves the checklist (one item per line) and the safety notes. */
    public CompletableFuture<Boolean> saveDetails() {
        clearErrors();
        List<String> items = Arrays.stream(fields.get(CHECKLIST).get().split("\\R"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
        String safety = fields.get(SAFETY).get();
        return save(
                "editing an appointment's checklist",
                () -> new Saved(agenda.editDetails(item.appointmentId(), items, safety), List.of()));
    }

    private record Saved(Outcome<AgendaItem> outcome, List<AgendaItem> overlapping) {}

    private CompletableFuture<Boolean> save(String what, Supplier<Saved> change) {
        CompletableFuture<Boolean> result = new CompletableFuture<>();
        if (item == null) {
            result.complete(false);
            return result;
        }
        work.supply(
                what,
                change,
                saved -> {
                    Outcome<AgendaItem> o = saved.outcome();
                    if (o instanceof Outcome.Ok<AgendaItem> ok) {
                        show(ok.value());
                        overlapWarning.set(
                                saved.overlapping().isEmpty()
                                        ? ""
                                        : Texts.format(
                                                texts,
                                                "planning.overlap",
                                                String.join(
                                                        ", ",
                                                        saved.overlapping().stream()
                                                                .map(this::line)
                                                                .toList())));
                        onMessage.accept(texts.getString("planning.change.saved"));
                        onChanged.run();
                        result.complete(true);
                        return;
                    }
                    if (o instanceof Outcome.Invalid<AgendaItem> invalid) {
                        invalid.fieldErrors().forEach((f, m) -> {
                            ReadOnlyStringWrapper target = errors.get(f);
                            (target == null ? formError : target).set(m);
                        });
                    } else {
                        formError.set(o.message());
                    }
                    result.complete(false);
                },
                e -> {
                    formError.set(texts.getString("app.error.unexpected"));
                    result.complete(false);
                });
        return result;
    }

    private String line(AgendaItem i) {
        return TIME_FORMAT.format(i.start().atZone(zone)) + "–"
                + TIME_FORMAT.format(i.end().atZone(zone)) + " · " + (i.residentName() == null ? "" : i.residentName());
    }

    private static <T> T parse(Supplier<T> p) {
        try {
            return p.get();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private void clearErrors() {
        errors.values().forEach(e -> e.set(""));
        formError.set("");
    }

    public StringProperty field(String name) {
        return Objects.requireNonNull(fields.get(name), name);
    }

    public ReadOnlyStringProperty errorProperty(String name) {
        return Objects.requireNonNull(errors.get(name), name).getReadOnlyProperty();
    }

    public ObjectProperty<String> cancelStatusProperty() {
        return cancelStatus;
    }

    public ReadOnlyBooleanProperty lockedProperty() {
        return locked.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lockTextProperty() {
        return lockText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty overlapWarningProperty() {
        return overlapWarning.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty formErrorProperty() {
        return formError.getReadOnlyProperty();
    }
}
