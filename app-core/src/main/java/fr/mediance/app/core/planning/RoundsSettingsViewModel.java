package fr.mediance.app.core.planning;

import fr.mediance.app.core.BackgroundWork;
import fr.mediance.app.core.ServerRequests;
import fr.mediance.app.core.remote.RemoteClient;
import fr.mediance.app.core.remote.RemoteResult;
import fr.mediance.protocol.Casework;
import fr.mediance.protocol.CounsellorScheduleDto;
import fr.mediance.protocol.GeoPointDto;
import fr.mediance.protocol.PlanningSettingsDto;
import fr.mediance.protocol.Rounds;
import fr.mediance.protocol.WorkingDayDto;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
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
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * « Réglages des tournées », for the coordination, online only: where the office is (every round starts and ends
 * there) and how travel is estimated when no road network is configured, then each counsellor's working days and
 * hours, lunch break and days off — what « Proposer la semaine » plans into. Every field is checked with the rules
 * the office server applies ({@link Rounds}); a refused field shows its message beside it and nothing typed is lost.
 */
public final class RoundsSettingsViewModel {
    public static final String OFFICE_ADDRESS = "officeAddress";
    public static final String OFFICE_LATITUDE = "officeLatitude";
    public static final String OFFICE_LONGITUDE = "officeLongitude";
    public static final String DETOUR = "detourFactor";
    public static final String SPEED = "speedKmh";
    public static final String LUNCH_EARLIEST = "lunchEarliest";
    public static final String LUNCH_LATEST = "lunchLatest";
    public static final String LUNCH_MINUTES = "lunchMinutes";
    public static final String DAYS_OFF = "daysOff";

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);
    /** The longest leave added in one go. */
    static final int MAX_RANGE_DAYS = 92;

    /** One weekday of the hours form. */
    public static final class DayRow {
        private final String code;
        private final String label;
        private final BooleanProperty worked = new SimpleBooleanProperty(this, "worked");
        private final StringProperty start = new SimpleStringProperty(this, "start", "");
        private final StringProperty end = new SimpleStringProperty(this, "end", "");
        private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

        DayRow(String code, String label) {
            this.code = code;
            this.label = label;
        }

        public String code() {
            return code;
        }

        public String label() {
            return label;
        }

        public BooleanProperty workedProperty() {
            return worked;
        }

        public StringProperty startProperty() {
            return start;
        }

        public StringProperty endProperty() {
            return end;
        }

        public ReadOnlyStringProperty errorProperty() {
            return error.getReadOnlyProperty();
        }
    }

    private final ObservableBooleanValue online;
    private final ResourceBundle texts;
    private final ServerRequests requests;
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");

    private final Map<String, StringProperty> fields = new LinkedHashMap<>();
    private final Map<String, ReadOnlyStringWrapper> errors = new LinkedHashMap<>();
    private final ReadOnlyStringWrapper officePlace = new ReadOnlyStringWrapper(this, "officePlace", "");
    private final ReadOnlyStringWrapper travelNote = new ReadOnlyStringWrapper(this, "travelNote", "");
    private PlanningSettingsDto settings;
    /** The office point as loaded: kept as is (with its source) unless the coordinator types other coordinates. */
    private GeoPointDto loadedOffice;

    private final ObservableList<CounsellorScheduleDto> schedules = FXCollections.observableArrayList();
    private final ObjectProperty<CounsellorScheduleDto> selected = new SimpleObjectProperty<>(this, "selected");
    private final List<DayRow> days = new ArrayList<>();
    private final ObservableList<LocalDate> daysOff = FXCollections.observableArrayList();
    private final StringProperty dayOffFrom = new SimpleStringProperty(this, "dayOffFrom", "");
    private final StringProperty dayOffTo = new SimpleStringProperty(this, "dayOffTo", "");

    public RoundsSettingsViewModel(
            Supplier<Optional<RemoteClient>> remote,
            ObservableBooleanValue online,
            ResourceBundle texts,
            Executor background,
            Executor fx) {
        this.online = online;
        this.texts = texts;
        this.requests = new ServerRequests(
                remote,
                new BackgroundWork(background, fx),
                busy,
                error,
                texts.getString("roundsSettings.signIn"),
                texts.getString("roundsSettings.failed"));
        for (String f : List.of(
                OFFICE_ADDRESS,
                OFFICE_LATITUDE,
                OFFICE_LONGITUDE,
                DETOUR,
                SPEED,
                LUNCH_EARLIEST,
                LUNCH_LATEST,
                LUNCH_MINUTES,
                DAYS_OFF)) {
            fields.put(f, new SimpleStringProperty(this, f, ""));
            errors.put(f, new ReadOnlyStringWrapper(this, f + "Error", ""));
        }
        for (String code : Rounds.DAYS) {
            days.add(new DayRow(code, texts.getString("roundsSettings.day." + code)));
        }
        selected.addListener((o, was, now) -> show(now));
    }

    /** Loads the settings and every counsellor's hours. */
    public void refresh() {
        call("loading rounds settings", RemoteClient::planningSettings, s -> {
            showSettings(s);
            call("loading counsellors' hours", RemoteClient::counsellorSchedules, r -> {
                String keep = selected.get() == null ? null : selected.get().counsellorId();
                schedules.setAll(r.schedules());
                selected.set(schedules.stream()
                        .filter(x -> x.counsellorId().equals(keep))
                        .findFirst()
                        .orElse(schedules.isEmpty() ? null : schedules.get(0)));
                loaded.set(true);
            });
        });
    }

    // --- the office and travel

    /** Checks the office and travel fields and sends them; the server places the office from its address if asked. */
    public void saveSettings() {
        clearErrors(List.of(OFFICE_ADDRESS, OFFICE_LATITUDE, OFFICE_LONGITUDE, DETOUR, SPEED));
        message.set("");
        Double detour = decimal(DETOUR);
        Double speed = decimal(SPEED);
        GeoPointDto office = officePoint();
        if (detour == null || speed == null || hasErrors()) {
            error.set(texts.getString("roundsSettings.fix"));
            return;
        }
        String address = fields.get(OFFICE_ADDRESS).get().strip();
        PlanningSettingsDto out = new PlanningSettingsDto(
                address.isEmpty() ? null : address,
                office,
                detour,
                speed,
                settings != null && settings.roadNetwork(),
                null,
                null);
        Optional<Casework.Violation> broken = Rounds.check(out);
        if (broken.isPresent()) {
            showViolation(broken.get());
            return;
        }
        call("saving rounds settings", c -> c.savePlanningSettings(out), s -> {
            showSettings(s);
            message.set(
                    s.office() == null
                            ? texts.getString("roundsSettings.savedUnplaced")
                            : texts.getString("roundsSettings.saved"));
        });
    }

    /**
     * The office point from the form: the loaded one when the coordinates were left as shown, a pin placed by hand
     * when they were typed, none when both are empty (the server then places the office from its address).
     */
    private GeoPointDto officePoint() {
        String lat = fields.get(OFFICE_LATITUDE).get().strip();
        String lon = fields.get(OFFICE_LONGITUDE).get().strip();
        if (lat.isEmpty() && lon.isEmpty()) {
            return null;
        }
        Double latitude = decimal(OFFICE_LATITUDE);
        Double longitude = decimal(OFFICE_LONGITUDE);
        if (latitude == null || longitude == null) {
            return null;
        }
        if (loadedOffice != null
                && coordinate(loadedOffice.latitude()).equals(lat)
                && coordinate(loadedOffice.longitude()).equals(lon)) {
            return loadedOffice;
        }
        return GeoPointDto.manual(latitude, longitude);
    }

    private void showSettings(PlanningSettingsDto s) {
        settings = s;
        loadedOffice = s.office();
        fields.get(OFFICE_ADDRESS).set(s.officeAddress() == null ? "" : s.officeAddress());
        fields.get(OFFICE_LATITUDE)
                .set(s.office() == null ? "" : coordinate(s.office().latitude()));
        fields.get(OFFICE_LONGITUDE)
                .set(s.office() == null ? "" : coordinate(s.office().longitude()));
        fields.get(DETOUR).set(number(s.detourFactor()));
        fields.get(SPEED).set(number(s.speedKmh()));
        officePlace.set(describePlace(s.office()));
        travelNote.set(
                s.roadNetwork()
                        ? texts.getString("roundsSettings.travel.roads")
                        : texts.getString("roundsSettings.travel.straight"));
    }

    private String describePlace(GeoPointDto p) {
        if (p == null) {
            return texts.getString("roundsSettings.office.unplaced");
        }
        String source = texts.getString("roundsSettings.office.source." + p.source());
        return p.approximate()
                ? MessageFormat.format(texts.getString("roundsSettings.office.approximate"), source)
                : source;
    }

    // --- a counsellor's hours

    private void show(CounsellorScheduleDto s) {
        clearErrors(List.of(LUNCH_EARLIEST, LUNCH_LATEST, LUNCH_MINUTES, DAYS_OFF));
        days.forEach(d -> d.error.set(""));
        if (s == null) {
            return;
        }
        for (DayRow row : days) {
            Optional<WorkingDayDto> day =
                    s.days().stream().filter(d -> row.code.equals(d.day())).findFirst();
            row.worked.set(day.isPresent());
            row.start.set(day.map(WorkingDayDto::start).orElse(""));
            row.end.set(day.map(WorkingDayDto::end).orElse(""));
        }
        fields.get(LUNCH_EARLIEST).set(s.lunchEarliest() == null ? "" : s.lunchEarliest());
        fields.get(LUNCH_LATEST).set(s.lunchLatest() == null ? "" : s.lunchLatest());
        fields.get(LUNCH_MINUTES).set(Integer.toString(s.lunchMinutes()));
        daysOff.setAll(new TreeSet<>(s.daysOff()));
    }

    /** « Horaires par défaut (jamais enregistrés) » or « Enregistrés ». */
    public String describe(CounsellorScheduleDto s) {
        long worked = s.days().size();
        String state = s.standard()
                ? texts.getString("roundsSettings.schedule.standard")
                : texts.getString("roundsSettings.schedule.saved");
        return MessageFormat.format(
                texts.getString("roundsSettings.schedule.summary"),
                worked,
                s.daysOff().size(),
                state);
    }

    /** Adds the days from « du » to « au » (or the one day « du ») to the days off. */
    public void addDaysOff() {
        errors.get(DAYS_OFF).set("");
        Optional<LocalDate> from = date(dayOffFrom.get());
        String toText = dayOffTo.get() == null ? "" : dayOffTo.get().strip();
        Optional<LocalDate> to = toText.isEmpty() ? from : date(toText);
        if (from.isEmpty() || to.isEmpty()) {
            errors.get(DAYS_OFF).set(texts.getString("roundsSettings.dayOff.badDate"));
            return;
        }
        if (to.get().isBefore(from.get())) {
            errors.get(DAYS_OFF).set(texts.getString("roundsSettings.dayOff.order"));
            return;
        }
        if (from.get().plusDays(MAX_RANGE_DAYS).isBefore(to.get())) {
            errors.get(DAYS_OFF)
                    .set(MessageFormat.format(texts.getString("roundsSettings.dayOff.tooLong"), MAX_RANGE_DAYS));
            return;
        }
        TreeSet<LocalDate> all = new TreeSet<>(daysOff);
        from.get().datesUntil(to.get().plusDays(1)).forEach(all::add);
        daysOff.setAll(all);
        dayOffFrom.set("");
        dayOffTo.set("");
    }

    public void removeDayOff(LocalDate date) {
        daysOff.remove(date);
    }

    /** Checks the selected counsellor's hours and sends them. */
    public void saveSchedule() {
        CounsellorScheduleDto current = selected.get();
        if (current == null) {
            return;
        }
        clearErrors(List.of(LUNCH_EARLIEST, LUNCH_LATEST, LUNCH_MINUTES, DAYS_OFF));
        days.forEach(d -> d.error.set(""));
        message.set("");
        List<WorkingDayDto> worked = new ArrayList<>();
        for (DayRow row : days) {
            if (row.worked.get()) {
                worked.add(new WorkingDayDto(
                        row.code, row.start.get().strip(), row.end.get().strip()));
            }
        }
        Integer lunch = integer(LUNCH_MINUTES);
        if (lunch == null) {
            error.set(texts.getString("roundsSettings.fix"));
            return;
        }
        CounsellorScheduleDto out = new CounsellorScheduleDto(
                current.counsellorId(),
                current.displayName(),
                worked,
                blankToNull(fields.get(LUNCH_EARLIEST).get()),
                blankToNull(fields.get(LUNCH_LATEST).get()),
                lunch,
                List.copyOf(daysOff),
                false,
                null);
        Optional<Casework.Violation> broken = Rounds.check(out);
        if (broken.isPresent()) {
            showViolation(broken.get(), worked);
            return;
        }
        call("saving a counsellor's hours", c -> c.saveCounsellorSchedule(out), saved -> {
            int i = indexOf(saved.counsellorId());
            if (i >= 0) {
                schedules.set(i, saved);
            }
            selected.set(saved);
            message.set(MessageFormat.format(texts.getString("roundsSettings.schedule.done"), saved.displayName()));
        });
    }

    private int indexOf(String counsellorId) {
        for (int i = 0; i < schedules.size(); i++) {
            if (schedules.get(i).counsellorId().equals(counsellorId)) {
                return i;
            }
        }
        return -1;
    }

    private void showViolation(Casework.Violation v) {
        showViolation(v, List.of());
    }

    /** Shows a broken rule beside its field ({@code days[i].start} → the row of the i-th worked day). */
    private void showViolation(Casework.Violation v, List<WorkingDayDto> worked) {
        error.set(texts.getString("roundsSettings.fix"));
        String field = v.field();
        if (field.startsWith("days[")) {
            int i = Integer.parseInt(field.substring(5, field.indexOf(']')));
            String code = i < worked.size() ? worked.get(i).day() : null;
            days.stream()
                    .filter(d -> d.code.equals(code))
                    .findFirst()
                    .ifPresentOrElse(d -> d.error.set(v.message()), () -> error.set(v.message()));
            return;
        }
        if (field.equals("office")) {
            field = OFFICE_LATITUDE;
        }
        ReadOnlyStringWrapper target = errors.get(field);
        if (target != null) {
            target.set(v.message());
        } else {
            error.set(v.message());
        }
    }

    // --- parsing

    private Double decimal(String field) {
        String text = fields.get(field).get() == null
                ? ""
                : fields.get(field).get().strip().replace(',', '.');
        try {
            double v = Double.parseDouble(text);
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // shown below
        }
        errors.get(field).set(texts.getString("roundsSettings.number"));
        return null;
    }

    private Integer integer(String field) {
        String text =
                fields.get(field).get() == null ? "" : fields.get(field).get().strip();
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            errors.get(field).set(texts.getString("roundsSettings.wholeNumber"));
            return null;
        }
    }

    private static Optional<LocalDate> date(String text) {
        try {
            return Optional.of(LocalDate.parse(text == null ? "" : text.strip(), DATE));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** « 1,3 » as a French number. */
    static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v).replace('.', ',');
    }

    private static String coordinate(double v) {
        return String.format(Locale.ROOT, "%.6f", v).replace('.', ',');
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public String dateText(LocalDate d) {
        return DATE.format(d);
    }

    private void clearErrors(List<String> names) {
        error.set("");
        names.forEach(n -> errors.get(n).set(""));
    }

    private boolean hasErrors() {
        return errors.values().stream().anyMatch(e -> !e.get().isEmpty());
    }

    private <T> void call(String what, Function<RemoteClient, RemoteResult<T>> request, Consumer<T> onOk) {
        if (!online.get()) {
            error.set(texts.getString("roundsSettings.offline"));
            return;
        }
        requests.call(what, request, onOk);
    }

    // --- properties

    public StringProperty field(String name) {
        return fields.get(name);
    }

    public ReadOnlyStringProperty errorOf(String name) {
        return errors.get(name).getReadOnlyProperty();
    }

    public List<DayRow> days() {
        return days;
    }

    public ObservableList<CounsellorScheduleDto> schedules() {
        return schedules;
    }

    public ObjectProperty<CounsellorScheduleDto> selectedProperty() {
        return selected;
    }

    public ObservableList<LocalDate> daysOff() {
        return daysOff;
    }

    public StringProperty dayOffFromProperty() {
        return dayOffFrom;
    }

    public StringProperty dayOffToProperty() {
        return dayOffTo;
    }

    public ReadOnlyStringProperty officePlaceProperty() {
        return officePlace.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty travelNoteProperty() {
        return travelNote.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ObservableBooleanValue onlineProperty() {
        return online;
    }
}
