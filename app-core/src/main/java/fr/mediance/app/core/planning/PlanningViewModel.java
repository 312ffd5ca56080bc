package fr.mediance.app.core.planning;

import fr.mediance.app.core.BackgroundWork;
import fr.mediance.app.core.FormErrors;
import fr.mediance.app.core.Outcome;
import fr.mediance.app.core.Texts;
import fr.mediance.app.core.agenda.AgendaItem;
import fr.mediance.app.core.agenda.AgendaService;
import fr.mediance.app.core.agenda.AppointmentForm;
import fr.mediance.app.core.reference.CodeItem;
import fr.mediance.app.core.reference.CodeLists;
import fr.mediance.app.core.reference.ReferenceService;
import fr.mediance.app.core.reference.UserItem;
import fr.mediance.app.core.resident.Resident;
import fr.mediance.app.core.resident.ResidentForm;
import fr.mediance.app.core.resident.ResidentService;
import fr.mediance.app.core.sync.SyncService;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.Limits;
import fr.mediance.protocol.Role;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
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
 * "Planification" for a coordinator: pick a resident or create one, then a home appointment for a
 * counsellor (date, start time, duration). Each field is checked as it is typed and again on submit; an
 * error shows beside its field and nothing typed is lost. Also lists the planned appointments.
 */
public final class PlanningViewModel {

    public enum ResidentMode {
        EXISTING,
        NEW
    }

    /** A planned appointment as the list shows it. */
    public record PlannedRow(
            String appointmentId,
            String when,
            String residentName,
            String counsellorName,
            String address,
            String statusLabel,
            boolean pendingSync) {}

    /** Field names, as used by the error map and the views' ids. */
    public static final String LAST_NAME = "lastName";

    public static final String FIRST_NAME = "firstName";
    public static final String PHONE = "phone";
    public static final String STREET = "street";
    public static final String POSTCODE = "postcode";
    public static final String CITY = "city";
    public static final String ACCESS_NOTES = "accessNotes";
    public static final String MOBILITY_REASON = "mobilityReason";
    public static final String RESIDENT = "residentId";
    public static final String COUNSELLOR = "counsellorId";
    public static final String DATE = "date";
    public static final String START = "startTime";
    public static final String DURATION = "duration";
    public static final String NOTES = "notes";

    static final int MIN_DURATION = Limits.MIN_APPOINTMENT_MINUTES;
    static final int MAX_DURATION = Limits.MAX_APPOINTMENT_MINUTES;
    private static final int PLANNED_DAYS = 60;
    private static final DateTimeFormatter DATE_FORMAT =
            DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter TIME_FORMAT =
            DateTimeFormatter.ofPattern("HH:mm").withResolverStyle(ResolverStyle.STRICT);

    private final ResidentService residents;
    private final AgendaService agenda;
    private final ReferenceService reference;
    private final Clock clock;
    private final ZoneId zone;
    private final ResourceBundle texts;
    private final BackgroundWork work;
    private final Runnable removeListener;
    private Consumer<String> onMessage = m -> {};

    private final ObjectProperty<ResidentMode> residentMode =
            new SimpleObjectProperty<>(this, "residentMode", ResidentMode.EXISTING);
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ObservableList<Resident> searchResults = FXCollections.observableArrayList();
    private final ObjectProperty<Resident> selectedResident = new SimpleObjectProperty<>(this, "selectedResident");
    private final ObservableList<UserItem> counsellors = FXCollections.observableArrayList();
    private final ObservableList<CodeItem> mobilityReasons = FXCollections.observableArrayList();
    private final ObservableList<PlannedRow> planned = FXCollections.observableArrayList();
    private final Map<String, StringProperty> fields = new LinkedHashMap<>();
    private final Map<String, ReadOnlyStringWrapper> errors = new LinkedHashMap<>();
    private final ObjectProperty<String> mobilityReason = new SimpleObjectProperty<>(this, MOBILITY_REASON);
    private final ObjectProperty<UserItem> counsellor = new SimpleObjectProperty<>(this, COUNSELLOR);
    private final ReadOnlyStringWrapper formError = new ReadOnlyStringWrapper(this, "formError", "");
    private final ReadOnlyStringWrapper counsellorsHint = new ReadOnlyStringWrapper(this, "counsellorsHint", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper residentCreationOffered =
            new ReadOnlyBooleanWrapper(this, "residentCreationOffered");
    private int searchGeneration;

    public PlanningViewModel(
            ResidentService residents,
            AgendaService agenda,
            ReferenceService reference,
            SyncService sync,
            Clock clock,
            ZoneId zone,
            ResourceBundle texts,
            Executor background,
            Executor fx) {
        this.residents = Objects.requireNonNull(residents);
        this.agenda = Objects.requireNonNull(agenda);
        this.reference = Objects.requireNonNull(reference);
        this.clock = Objects.requireNonNull(clock);
        this.zone = Objects.requireNonNull(zone);
        this.texts = Objects.requireNonNull(texts);
        this.work = new BackgroundWork(background, fx);
        residentCreationOffered.set(residents.mayCreate());
        for (String f : List.of(
                LAST_NAME, FIRST_NAME, PHONE, STREET, POSTCODE, CITY, ACCESS_NOTES, DATE, START, DURATION, NOTES)) {
            StringProperty p = new SimpleStringProperty(this, f, "");
            fields.put(f, p);
            p.addListener((o, a, b) -> checkField(f));
        }
        for (String f : List.of(
                LAST_NAME,
                FIRST_NAME,
                PHONE,
                STREET,
                POSTCODE,
                CITY,
                ACCESS_NOTES,
                MOBILITY_REASON,
                RESIDENT,
                COUNSELLOR,
                DATE,
                START,
                DURATION,
                NOTES)) {
            errors.put(f, new ReadOnlyStringWrapper(this, f + "Error", ""));
        }
        fields.get(DURATION).set("60");
        search.addListener((o, a, b) -> searchResidents());
        selectedResident.addListener((o, a, b) -> error(RESIDENT).set(""));
        counsellor.addListener((o, a, b) -> error(COUNSELLOR).set(""));
        mobilityReason.addListener((o, a, b) -> error(MOBILITY_REASON).set(""));
        residentMode.addListener((o, a, b) -> error(RESIDENT).set(""));
        removeListener = sync == null ? () -> {} : sync.addDataListener(this::onSynced);
    }

    /** Whether a new resident may be typed in ({@link ResidentMode#NEW}): only for an account that may create one. */
    public ReadOnlyBooleanProperty residentCreationOfferedProperty() {
        return residentCreationOffered.getReadOnlyProperty();
    }

    public void setOnMessage(Consumer<String> onMessage) {
        this.onMessage = Objects.requireNonNull(onMessage);
    }

    private void onSynced(Set<EntityType> changed) {
        if (changed.contains(EntityType.APPOINTMENT)
                || changed.contains(EntityType.RESIDENT)
                || changed.contains(EntityType.CODE)) {
            refresh();
        }
    }

    /**
     * Loads the local lists (residents, counsellors, motifs, planned appointments), then asks the server for
     * the current list of counsellors when it can (it stays usable offline with the cached one).
     */
    public void refresh() {
        loadLocal();
        searchResidents();
        // Offline or refused: an outcome, the cached list stays; a failure is logged and the cached list stays too.
        work.supply(
                "refreshing the counsellors",
                () -> reference.refreshUsers().isOk()
                        ? Optional.of(reference.users(Role.COUNSELLOR))
                        : Optional.<List<UserItem>>empty(),
                users -> users.ifPresent(this::setCounsellors),
                e -> {});
    }

    private void loadLocal() {
        record Loaded(List<UserItem> users, List<CodeItem> reasons, List<PlannedRow> rows) {}
        work.supply(
                "loading the planning lists",
                () -> new Loaded(
                        reference.users(Role.COUNSELLOR), reference.codes(CodeLists.MOBILITY_REASON), plannedRows()),
                l -> {
                    setCounsellors(l.users());
                    mobilityReasons.setAll(l.reasons());
                    planned.setAll(l.rows());
                },
                e -> formError.set(text("common.load.failed")));
    }

    /**
     * Starts the form at a free slot of the week's board: the day, the time and the counsellor chosen there (the
     * counsellor is picked once the list is loaded).
     */
    public void prefill(LocalDate date, LocalTime start, String counsellorId) {
        if (date != null) {
            fields.get(DATE).set(DATE_FORMAT.format(date));
        }
        if (start != null) {
            fields.get(START).set(TIME_FORMAT.format(start));
        }
        wantedCounsellor = counsellorId;
        counsellors.stream()
                .filter(u -> u.id().equals(counsellorId))
                .findFirst()
                .ifPresent(counsellor::set);
    }

    private String wantedCounsellor;

    private void setCounsellors(List<UserItem> users) {
        UserItem current = counsellor.get();
        UserItem chosen = current != null || wantedCounsellor == null
                ? current
                : users.stream()
                        .filter(u -> u.id().equals(wantedCounsellor))
                        .findFirst()
                        .orElse(null);
        counsellors.setAll(users);
        if (chosen != null) {
            counsellor.set(users.stream()
                    .filter(u -> u.id().equals(chosen.id()))
                    .findFirst()
                    .orElse(chosen));
        }
        counsellorsHint.set(users.isEmpty() ? text("planning.counsellors.empty") : "");
    }

    private List<PlannedRow> plannedRows() {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        List<PlannedRow> rows = new ArrayList<>();
        for (AgendaItem i : agenda.planned(today, today.plusDays(PLANNED_DAYS))) {
            String when = DATE_FORMAT.format(i.start().atZone(zone)) + " · "
                    + TIME_FORMAT.format(i.start().atZone(zone))
                    + (i.end() == null ? "" : " – " + TIME_FORMAT.format(i.end().atZone(zone)));
            String counsellorName = i.counsellorName() == null
                            || i.counsellorName().isBlank()
                    ? reference.user(i.counsellorId()).map(UserItem::name).orElse("")
                    : i.counsellorName();
            rows.add(new PlannedRow(
                    i.appointmentId(),
                    when,
                    nullToEmpty(i.residentName()),
                    counsellorName,
                    nullToEmpty(i.address()),
                    statusLabel(i.status()),
                    i.pendingSync()));
        }
        return rows;
    }

    private String statusLabel(String status) {
        if (status == null) {
            return "";
        }
        String label = reference.label(CodeLists.APPOINTMENT_STATUS, status);
        if (label != null && !label.equals(status)) {
            return label;
        }
        try {
            return texts.getString("appointment.status." + status);
        } catch (java.util.MissingResourceException e) {
            return status;
        }
    }

    private void searchResidents() {
        String text = search.get() == null ? "" : search.get().trim();
        int gen = ++searchGeneration;
        work.supply(
                "searching residents to plan a visit",
                () -> residents.search(text, 20),
                found -> {
                    if (gen == searchGeneration) {
                        searchResults.setAll(found);
                    }
                },
                e -> {}); // the results shown stay
    }

    // ----- validation

    private void checkField(String f) {
        error(f).set(validate(f).orElse(""));
        if (f.equals(DATE) || f.equals(START) || f.equals(DURATION)) {
            // the end depends on all three
            if (error(DURATION).get().equals(text("planning.error.end.before.start"))) {
                error(DURATION).set(validate(DURATION).orElse(""));
            }
        }
    }

    private java.util.Optional<String> validate(String f) {
        String v = value(f);
        switch (f) {
            case LAST_NAME, FIRST_NAME, STREET, CITY:
                return tooLong(v, Limits.MAX_SHORT_TEXT);
            case PHONE:
                if (!v.isBlank() && !v.matches("[+0-9 .()-]{6,20}")) {
                    return java.util.Optional.of(text("planning.error.phone.invalid"));
                }
                return tooLong(v, Limits.MAX_SHORT_TEXT);
            case POSTCODE:
                if (!v.isBlank() && !v.trim().matches("\\d{5}")) {
                    return java.util.Optional.of(text("planning.error.postcode.invalid"));
                }
                return java.util.Optional.empty();
            case ACCESS_NOTES, NOTES:
                return tooLong(v, Limits.MAX_LONG_TEXT);
            case DATE:
                if (v.isBlank()) {
                    return java.util.Optional.empty();
                }
                try {
                    LocalDate d = LocalDate.parse(v.trim(), DATE_FORMAT);
                    if (d.isBefore(LocalDate.now(clock.withZone(zone)))) {
                        return java.util.Optional.of(text("planning.error.date.past"));
                    }
                    if (!FormErrors.plausibleYear(d)) {
                        return java.util.Optional.of(
                                text("planning.error.date.implausible", Limits.MIN_DATE_YEAR, Limits.MAX_DATE_YEAR));
                    }
                    return java.util.Optional.empty();
                } catch (DateTimeParseException e) {
                    return java.util.Optional.of(text("planning.error.date.invalid"));
                }
            case START:
                if (v.isBlank()) {
                    return java.util.Optional.empty();
                }
                return parseTime(v).isPresent()
                        ? java.util.Optional.empty()
                        : java.util.Optional.of(text("planning.error.time.invalid"));
            case DURATION:
                if (v.isBlank()) {
                    return java.util.Optional.empty();
                }
                Integer minutes = parseInt(v.trim());
                if (minutes == null) {
                    return java.util.Optional.of(text("planning.error.duration.invalid", MIN_DURATION, MAX_DURATION));
                }
                if (minutes <= 0) {
                    return java.util.Optional.of(text("planning.error.end.before.start"));
                }
                if (minutes < MIN_DURATION || minutes > MAX_DURATION) {
                    return java.util.Optional.of(text("planning.error.duration.invalid", MIN_DURATION, MAX_DURATION));
                }
                java.util.Optional<LocalTime> start = parseTime(value(START));
                if (start.isPresent() && start.get().plusMinutes(minutes).isBefore(start.get())) {
                    // would end after midnight, i.e. "before" it starts on the clock
                    return java.util.Optional.of(text("planning.error.end.before.start"));
                }
                return java.util.Optional.empty();
            default:
                return java.util.Optional.empty();
        }
    }

    private static java.util.Optional<LocalTime> parseTime(String v) {
        String t = v == null ? "" : v.trim().replace('h', ':').replace('H', ':');
        if (t.matches("\\d:\\d\\d")) {
            t = "0" + t;
        }
        try {
            return java.util.Optional.of(LocalTime.parse(t, TIME_FORMAT));
        } catch (DateTimeParseException e) {
            return java.util.Optional.empty();
        }
    }

    private static Integer parseInt(String v) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private java.util.Optional<String> tooLong(String v, int max) {
        return v.length() > max
                ? java.util.Optional.of(text("planning.error.too.long", max, v.length()))
                : java.util.Optional.empty();
    }

    /** Checks every field, required ones included; true if the form can be sent. */
    boolean validateAll() {
        boolean ok = true;
        List<String> checked = new ArrayList<>(List.of(DATE, START, DURATION, NOTES));
        if (residentMode.get() == ResidentMode.NEW) {
            checked.addAll(List.of(LAST_NAME, FIRST_NAME, PHONE, STREET, POSTCODE, CITY, ACCESS_NOTES));
        }
        for (String f : checked) {
            String e = validate(f).orElse("");
            if (e.isEmpty() && required(f) && value(f).isBlank()) {
                e = text("planning.error.required");
            }
            error(f).set(e);
            ok &= e.isEmpty();
        }
        if (residentMode.get() == ResidentMode.EXISTING && selectedResident.get() == null) {
            error(RESIDENT).set(text("planning.error.resident.required"));
            ok = false;
        }
        if (counsellor.get() == null) {
            error(COUNSELLOR).set(text("planning.error.counsellor.required"));
            ok = false;
        }
        return ok;
    }

    private boolean required(String f) {
        return switch (f) {
            case DATE, START, DURATION -> true;
            case LAST_NAME, FIRST_NAME, STREET, POSTCODE, CITY -> residentMode.get() == ResidentMode.NEW;
            default -> false;
        };
    }

    // ----- submit

    /**
     * "Planifier le rendez-vous": validates, creates the resident if new, then the appointment; both are saved
     * on the device and queued for the server. On any error the form keeps what was typed.
     */
    public CompletableFuture<Boolean> submit() {
        if (busy.get()) {
            return CompletableFuture.completedFuture(false);
        }
        formError.set("");
        if (!validateAll()) {
            formError.set(text("planning.error.invalid"));
            return CompletableFuture.completedFuture(false);
        }
        busy.set(true);
        ResidentMode mode = residentMode.get();
        Resident existing = selectedResident.get();
        ResidentForm residentForm = mode == ResidentMode.NEW ? residentForm() : null;
        LocalDate date = LocalDate.parse(value(DATE).trim(), DATE_FORMAT);
        LocalTime start = parseTime(value(START)).orElseThrow();
        Duration duration = Duration.ofMinutes(Integer.parseInt(value(DURATION).trim()));
        UserItem who = counsellor.get();
        String notes = blankToNull(value(NOTES));
        CompletableFuture<Boolean> result = new CompletableFuture<>();
        AppointmentForm appointment = new AppointmentForm(
                null, who.id(), CodeLists.APPOINTMENT_HOME_VISIT, date, start, duration, null, notes);
        work.supply(
                "creating the resident of a planned visit",
                () -> mode == ResidentMode.NEW ? residents.create(residentForm) : Outcome.ok(existing),
                resident -> {
                    if (!resident.isOk()) {
                        failed(resident, result);
                        return;
                    }
                    Resident r = resident.value();
                    if (mode == ResidentMode.NEW) {
                        // the resident exists now: a second try must not create it twice
                        residentMode.set(ResidentMode.EXISTING);
                        selectedResident.set(r);
                        clearResidentFields();
                    }
                    plan(r, appointment, who, result);
                },
                e -> failed(Outcome.failed(texts.getString("app.error.unexpected")), result));
        return result;
    }

    private void plan(Resident r, AppointmentForm form, UserItem who, CompletableFuture<Boolean> result) {
        record Planned(Outcome<AgendaItem> outcome, List<PlannedRow> rows) {}
        work.supply(
                "planning a visit",
                () -> new Planned(
                        agenda.plan(new AppointmentForm(
                                r.id(),
                                form.counsellorId(),
                                form.type(),
                                form.date(),
                                form.startTime(),
                                form.duration(),
                                form.address(),
                                form.notes())),
                        plannedRows()),
                p -> {
                    if (!p.outcome().isOk()) {
                        failed(p.outcome(), result);
                        return;
                    }
                    busy.set(false);
                    this.planned.setAll(p.rows());
                    onMessage.accept(text(
                            "planning.saved",
                            DATE_FORMAT.format(form.date()),
                            TIME_FORMAT.format(form.startTime()),
                            who.name()));
                    clearAppointmentFields();
                    searchResidents();
                    result.complete(true);
                },
                e -> failed(Outcome.failed(texts.getString("app.error.unexpected")), result));
    }

    private void failed(Outcome<?> outcome, CompletableFuture<Boolean> result) {
        busy.set(false);
        Map<String, String> fieldErrors = outcome.fieldErrors();
        fieldErrors.forEach((f, msg) -> {
            String key = f.equals("type") || f.equals("address") ? NOTES : f;
            if (errors.containsKey(key)) {
                error(key).set(msg);
            }
        });
        formError.set(fieldErrors.isEmpty() ? outcome.message() : text("planning.error.invalid"));
        result.complete(false);
    }

    private ResidentForm residentForm() {
        return new ResidentForm(
                null,
                value(LAST_NAME).trim(),
                value(FIRST_NAME).trim(),
                null,
                blankToNull(value(PHONE)),
                value(STREET).trim(),
                value(POSTCODE).trim(),
                value(CITY).trim(),
                blankToNull(value(ACCESS_NOTES)),
                mobilityReason.get(),
                counsellor.get() == null ? null : counsellor.get().id());
    }

    private void clearResidentFields() {
        for (String f : List.of(LAST_NAME, FIRST_NAME, PHONE, STREET, POSTCODE, CITY, ACCESS_NOTES)) {
            fields.get(f).set("");
            error(f).set("");
        }
        mobilityReason.set(null);
    }

    private void clearAppointmentFields() {
        fields.get(START).set("");
        fields.get(NOTES).set("");
        fields.get(DURATION).set("60");
        for (String f : List.of(DATE, START, DURATION, NOTES, RESIDENT, COUNSELLOR)) {
            error(f).set("");
        }
    }

    // ----- helpers

    private String value(String f) {
        String v = fields.get(f).get();
        return v == null ? "" : v;
    }

    private ReadOnlyStringWrapper error(String f) {
        return errors.get(f);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private String text(String key, Object... args) {
        String pattern = texts.getString(key);
        return args.length == 0
                ? pattern
                : new MessageFormat(pattern, Texts.locale(texts))
                        .format(args); // keys with arguments use '' for an apostrophe
    }

    /** Stops following sync changes. */
    public void dispose() {
        removeListener.run();
    }

    // ----- properties

    /** A text field of the form, by name ({@link #LAST_NAME}, {@link #DATE}...). */
    public StringProperty field(String name) {
        StringProperty p = fields.get(name);
        if (p == null) {
            throw new IllegalArgumentException("no text field " + name);
        }
        return p;
    }

    /** The error shown beside a field (empty when fine). */
    public ReadOnlyStringProperty errorProperty(String name) {
        ReadOnlyStringWrapper w = errors.get(name);
        if (w == null) {
            throw new IllegalArgumentException("no field " + name);
        }
        return w.getReadOnlyProperty();
    }

    public ObjectProperty<ResidentMode> residentModeProperty() {
        return residentMode;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObservableList<Resident> searchResults() {
        return searchResults;
    }

    public ObjectProperty<Resident> selectedResidentProperty() {
        return selectedResident;
    }

    public ObservableList<UserItem> counsellors() {
        return counsellors;
    }

    public ObjectProperty<UserItem> counsellorProperty() {
        return counsellor;
    }

    public ObservableList<CodeItem> mobilityReasons() {
        return mobilityReasons;
    }

    /** Code of the "mobility_reason" list for a new resident. */
    public ObjectProperty<String> mobilityReasonProperty() {
        return mobilityReason;
    }

    public ObservableList<PlannedRow> planned() {
        return planned;
    }

    public ReadOnlyStringProperty formErrorProperty() {
        return formError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty counsellorsHintProperty() {
        return counsellorsHint.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
