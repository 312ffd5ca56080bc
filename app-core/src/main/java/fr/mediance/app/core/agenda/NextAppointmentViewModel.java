package fr.mediance.app.core.agenda;

import fr.mediance.app.core.BackgroundWork;
import fr.mediance.app.core.Outcome;
import fr.mediance.app.core.Texts;
import fr.mediance.app.core.reference.CodeItem;
import fr.mediance.app.core.reference.CodeLists;
import fr.mediance.app.core.reference.ReferenceService;
import fr.mediance.app.core.resident.Resident;
import fr.mediance.app.core.resident.ResidentService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
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
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * « Prochain rendez-vous »: a counsellor plans her own next appointment with a resident, from the resident's file
 * or at the end of a visit, offline. The form is prefilled (tomorrow 09:00, one hour, a home visit at the
 * resident's address) and shows, for the chosen day, her own appointments and the resident's known availability.
 * While the day, time or length change it checks the shared overlap rule
 * ({@link fr.mediance.protocol.AppointmentPlanning#overlap}) against her agenda on the device and warns; she may
 * still save (the office server then flags the overlap as a conflict both sides see). Saved to the device and its
 * outbox at once: the agenda shows it before any sync.
 */
public final class NextAppointmentViewModel {
    public static final String DATE = "date";
    public static final String START = "startTime";
    public static final String DURATION = "duration";
    public static final String TYPE = "type";
    public static final String ADDRESS = "address";
    public static final String CHECKLIST = "checklist";

    private static final DateTimeFormatter DATE_FORMAT =
            DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter TIME_FORMAT =
            DateTimeFormatter.ofPattern("HH:mm").withResolverStyle(ResolverStyle.STRICT);

    private final AgendaService agenda;
    private final ResidentService residents;
    private final ReferenceService reference;
    private final Supplier<String> me;
    private final Clock clock;
    private final ZoneId zone;
    private final ResourceBundle texts;
    private final BackgroundWork work;
    private Consumer<String> onSaved = id -> {};

    private final Map<String, StringProperty> fields = new LinkedHashMap<>();
    private final Map<String, ReadOnlyStringWrapper> errors = new LinkedHashMap<>();
    private final ObjectProperty<String> type =
            new SimpleObjectProperty<>(this, TYPE, CodeLists.APPOINTMENT_HOME_VISIT);
    private final ObservableList<CodeItem> types = FXCollections.observableArrayList();
    private final ObservableList<String> dayAppointments = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper residentName = new ReadOnlyStringWrapper(this, "residentName", "");
    private final ReadOnlyStringWrapper availability = new ReadOnlyStringWrapper(this, "availability", "");
    private final ReadOnlyStringWrapper dayHeading = new ReadOnlyStringWrapper(this, "dayHeading", "");
    private final ReadOnlyStringWrapper overlapWarning = new ReadOnlyStringWrapper(this, "overlapWarning", "");
    private final ReadOnlyStringWrapper formError = new ReadOnlyStringWrapper(this, "formError", "");
    private String residentId;
    private int generation;

    /**
     * @param me the signed-in counsellor's account id
     */
    public NextAppointmentViewModel(
            AgendaService agenda,
            ResidentService residents,
            ReferenceService reference,
            Supplier<String> me,
            Clock clock,
            ZoneId zone,
            ResourceBundle texts,
            Executor background,
            Executor fx) {
        this.agenda = Objects.requireNonNull(agenda);
        this.residents = Objects.requireNonNull(residents);
        this.reference = Objects.requireNonNull(reference);
        this.me = Objects.requireNonNull(me);
        this.clock = Objects.requireNonNull(clock);
        this.zone = Objects.requireNonNull(zone);
        this.texts = Objects.requireNonNull(texts);
        this.work = new BackgroundWork(background, fx);
        for (String f : List.of(DATE, START, DURATION, ADDRESS, CHECKLIST)) {
            fields.put(f, new SimpleStringProperty(this, f, ""));
        }
        for (String f : List.of(DATE, START, DURATION, TYPE, ADDRESS, CHECKLIST)) {
            errors.put(f, new ReadOnlyStringWrapper(this, f + "Error", ""));
        }
        for (String f : List.of(DATE, START, DURATION)) {
            fields.get(f).addListener((obs, old, v) -> refreshDay());
        }
    }

    /** Called with the new appointment's id once it is saved on the device. */
    public void setOnSaved(Consumer<String> onSaved) {
        this.onSaved = Objects.requireNonNull(onSaved);
    }

    /** Opens the form for a resident: prefilled, with the resident's availability and the day's appointments. */
    public CompletableFuture<Void> open(String residentId) {
        this.residentId = Objects.requireNonNull(residentId);
        record Loaded(Resident resident, String availability, List<CodeItem> types) {}
        CompletableFuture<Void> done = new CompletableFuture<>();
        work.supply(
                "opening the next appointment form",
                () -> new Loaded(
                        residents.find(residentId).orElse(null),
                        agenda.residentAvailability(residentId),
                        reference.codes(CodeLists.APPOINTMENT_TYPE)),
                loaded -> {
                    Resident r = loaded.resident();
                    residentName.set(r == null ? "" : r.displayName());
                    availability.set(
                            loaded.availability() == null
                                    ? texts.getString("nextAppointment.availability.unknown")
                                    : Texts.format(texts, "nextAppointment.availability", loaded.availability()));
                    types.setAll(loaded.types());
                    fields.get(ADDRESS)
                            .set(r == null ? "" : Resident.formatAddress(r.street(), r.postcode(), r.city()));
                    fields.get(DURATION).set("60");
                    fields.get(START).set("09:00");
                    fields.get(DATE)
                            .set(DATE_FORMAT.format(
                                    LocalDate.now(clock.withZone(zone)).plusDays(1)));
                    done.complete(null);
                },
                e -> {
                    formError.set(texts.getString("common.load.failed"));
                    done.complete(null);
                });
        return done;
    }

    private LocalDate date() {
        try {
            return LocalDate.parse(fields.get(DATE).get().strip(), DATE_FORMAT);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private LocalTime start() {
        try {
            return LocalTime.parse(fields.get(START).get().strip(), TIME_FORMAT);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private Duration duration() {
        try {
            return Duration.ofMinutes(
                    Integer.parseInt(fields.get(DURATION).get().strip()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Her appointments of the chosen day and the overlap warning, from the device. */
    private void refreshDay() {
        LocalDate day = date();
        LocalTime start = start();
        Duration length = duration();
        int gen = ++generation;
        if (day == null) {
            dayHeading.set("");
            dayAppointments.clear();
            overlapWarning.set("");
            return;
        }
        Instant from = start == null ? null : day.atTime(start).atZone(zone).toInstant();
        Instant to = from == null || length == null ? null : from.plus(length);
        record Day(List<AgendaItem> items, List<AgendaItem> overlapping) {}
        work.supply(
                "loading the day of the next appointment",
                () -> new Day(
                        agenda.myDay(day),
                        from == null || to == null ? List.of() : agenda.overlapping(me.get(), from, to, null)),
                loaded -> {
                    if (gen != generation) {
                        return;
                    }
                    dayHeading.set(Texts.format(
                            texts,
                            loaded.items().isEmpty() ? "nextAppointment.day.empty" : "nextAppointment.day",
                            Texts.date(texts).format(day)));
                    dayAppointments.setAll(
                            loaded.items().stream().map(this::line).toList());
                    overlapWarning.set(
                            loaded.overlapping().isEmpty()
                                    ? ""
                                    : Texts.format(
                                            texts,
                                            "nextAppointment.overlap",
                                            String.join(
                                                    ", ",
                                                    loaded.overlapping().stream()
                                                            .map(this::line)
                                                            .toList())));
                },
                e -> overlapWarning.set(""));
    }

    private String line(AgendaItem i) {
        DateTimeFormatter time = Texts.time(texts);
        return time.format(i.start().atZone(zone)) + "–" + time.format(i.end().atZone(zone)) + " · "
                + (i.residentName() == null ? "" : i.residentName());
    }

    /** Saves the appointment on the device (queued for the server); answers whether it was saved. */
    public CompletableFuture<Boolean> save() {
        errors.values().forEach(e -> e.set(""));
        formError.set("");
        CompletableFuture<Boolean> result = new CompletableFuture<>();
        LocalDate day = date();
        LocalTime start = start();
        Duration length = duration();
        boolean ok = true;
        if (day == null) {
            errors.get(DATE).set(texts.getString("nextAppointment.date.invalid"));
            ok = false;
        }
        if (start == null) {
            errors.get(START).set(texts.getString("nextAppointment.time.invalid"));
            ok = false;
        }
        if (length == null) {
            errors.get(DURATION).set(texts.getString("nextAppointment.duration.invalid"));
            ok = false;
        }
        if (!ok) {
            result.complete(false);
            return result;
        }
        List<String> checklist = Arrays.stream(fields.get(CHECKLIST).get().split("\\R"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
        AppointmentForm form = new AppointmentForm(
                residentId,
                me.get(),
                type.get(),
                day,
                start,
                length,
                fields.get(ADDRESS).get(),
                null,
                checklist);
        work.supply(
                "saving the next appointment",
                () -> agenda.plan(form),
                outcome -> {
                    if (outcome instanceof Outcome.Ok<AgendaItem> saved) {
                        onSaved.accept(saved.value().appointmentId());
                        result.complete(true);
                        return;
                    }
                    if (outcome instanceof Outcome.Invalid<AgendaItem> invalid) {
                        invalid.fieldErrors().forEach((field, message) -> {
                            ReadOnlyStringWrapper target = errors.get(field);
                            if (target != null) {
                                target.set(message);
                            } else {
                                formError.set(message);
                            }
                        });
                    } else {
                        formError.set(outcome.message());
                    }
                    result.complete(false);
                },
                e -> {
                    formError.set(texts.getString("app.error.unexpected"));
                    result.complete(false);
                });
        return result;
    }

    public StringProperty field(String name) {
        return Objects.requireNonNull(fields.get(name), name);
    }

    public ReadOnlyStringProperty errorProperty(String name) {
        return Objects.requireNonNull(errors.get(name), name).getReadOnlyProperty();
    }

    public ObjectProperty<String> typeProperty() {
        return type;
    }

    public ObservableList<CodeItem> types() {
        return types;
    }

    public ObservableList<String> dayAppointments() {
        return dayAppointments;
    }

    public ReadOnlyStringProperty residentNameProperty() {
        return residentName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty availabilityProperty() {
        return availability.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty dayHeadingProperty() {
        return dayHeading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty overlapWarningProperty() {
        return overlapWarning.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty formErrorProperty() {
        return formError.getReadOnlyProperty();
    }
}
