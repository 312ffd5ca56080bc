package fr.mediance.app.core.agenda;

import fr.mediance.app.core.BackgroundWork;
import fr.mediance.app.core.Texts;
import fr.mediance.app.core.reference.CodeLists;
import fr.mediance.app.core.reference.ReferenceService;
import fr.mediance.app.core.sync.SyncService;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.ListNames;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.Set;
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
 * "Mes rendez-vous": the counsellor's appointments of one day or of one week (Monday to Sunday, Europe/Paris),
 * read locally, with what is needed to find the resident; previous / next / today; a count per day. Reloads
 * when a sync brings new appointments. One tap opens the visit; "Préparer" opens the appointment's panel.
 */
public final class AgendaViewModel {

    public enum Range {
        DAY,
        WEEK
    }

    /** How an appointment's status is shown (its badge). */
    public enum StatusKind {
        PROPOSED,
        CONFIRMED,
        DONE,
        ABSENT,
        CANCELLED
    }

    /** One appointment as the list shows it. {@code statusReason} is the reason's label (cancelled, absent). */
    public record Row(
            String appointmentId,
            LocalDate day,
            String timeRange,
            String residentName,
            String address,
            String accessNotes,
            String type,
            String typeLabel,
            boolean homeVisit,
            String statusLabel,
            StatusKind statusKind,
            String statusReason,
            String reportLabel,
            boolean pendingSync,
            String overlapLabel) {
        /** A row with no overlap to resolve. */
        public Row(
                String appointmentId,
                LocalDate day,
                String timeRange,
                String residentName,
                String address,
                String accessNotes,
                String type,
                String typeLabel,
                boolean homeVisit,
                String statusLabel,
                StatusKind statusKind,
                String statusReason,
                String reportLabel,
                boolean pendingSync) {
            this(
                    appointmentId,
                    day,
                    timeRange,
                    residentName,
                    address,
                    accessNotes,
                    type,
                    typeLabel,
                    homeVisit,
                    statusLabel,
                    statusKind,
                    statusReason,
                    reportLabel,
                    pendingSync,
                    "");
        }
    }

    /** One day of the list: "Lundi 30 novembre", "2 rendez-vous", its appointments by start time. */
    public record Day(LocalDate date, String title, String countText, boolean today, List<Row> rows) {}

    private final AgendaService agenda;
    private final ReferenceService reference;
    private final Clock clock;
    private final ZoneId zone;
    private final ResourceBundle texts;
    private final BackgroundWork work;
    private final Consumer<String> onOpen;
    private Consumer<String> onPrepare = id -> {};
    private final Runnable removeListener;

    private final ObjectProperty<Range> range = new SimpleObjectProperty<>(this, "range", Range.DAY);
    private final ReadOnlyObjectWrapper<LocalDate> anchor = new ReadOnlyObjectWrapper<>(this, "anchor");
    private final ObservableList<Row> items = FXCollections.observableArrayList();
    private final ObservableList<Day> days = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper(this, "heading", "");
    private final ReadOnlyStringWrapper emptyText = new ReadOnlyStringWrapper(this, "emptyText", "");
    private final ReadOnlyStringWrapper previousText = new ReadOnlyStringWrapper(this, "previousText", "");
    private final ReadOnlyStringWrapper nextText = new ReadOnlyStringWrapper(this, "nextText", "");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyBooleanWrapper empty = new ReadOnlyBooleanWrapper(this, "empty", true);
    private final ReadOnlyBooleanWrapper showingToday = new ReadOnlyBooleanWrapper(this, "showingToday", true);
    private int generation;
    /** Until the user moves away from today, the list follows the clock (an app left open overnight). */
    private boolean followToday = true;

    /**
     * @param onOpen called on the FX executor with the appointment id when the user opens an appointment
     */
    public AgendaViewModel(
            AgendaService agenda,
            ReferenceService reference,
            SyncService sync,
            Clock clock,
            ZoneId zone,
            ResourceBundle texts,
            Executor background,
            Executor fx,
            Consumer<String> onOpen) {
        this.agenda = Objects.requireNonNull(agenda);
        this.reference = Objects.requireNonNull(reference);
        this.clock = Objects.requireNonNull(clock);
        this.zone = Objects.requireNonNull(zone);
        this.texts = Objects.requireNonNull(texts);
        this.work = new BackgroundWork(background, fx);
        this.onOpen = Objects.requireNonNull(onOpen);
        anchor.set(currentDay());
        range.addListener((obs, old, r) -> refresh());
        removeListener = sync == null ? () -> {} : sync.addDataListener(this::onSynced);
    }

    /** Called with the appointment id when the user asks for its preparation panel. */
    public void setOnPrepare(Consumer<String> onPrepare) {
        this.onPrepare = Objects.requireNonNull(onPrepare);
    }

    private void onSynced(Set<EntityType> changed) {
        if (changed.contains(EntityType.APPOINTMENT)
                || changed.contains(EntityType.RESIDENT)
                || changed.contains(EntityType.VISIT_REPORT)
                || changed.contains(EntityType.CONFLICT)
                || changed.contains(EntityType.CODE)) {
            refresh();
        }
    }

    private LocalDate currentDay() {
        return LocalDate.now(clock.withZone(zone));
    }

    /** The Monday of the week containing {@code day}. */
    public static LocalDate mondayOf(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** The day before (day view) or the week before (week view). */
    public void previous() {
        move(-1);
    }

    /** The day after (day view) or the week after (week view). */
    public void next() {
        move(1);
    }

    private void move(int direction) {
        followToday = false;
        anchor.set(anchor.get().plusDays((long) direction * (range.get() == Range.WEEK ? 7 : 1)));
        refresh();
    }

    /** Back to today (or this week). */
    public void goToToday() {
        followToday = true;
        anchor.set(currentDay());
        refresh();
    }

    /** Shows one day (e.g. a day of the week view tapped). */
    public void showDay(LocalDate day) {
        followToday = day.equals(currentDay());
        anchor.set(Objects.requireNonNull(day));
        if (range.get() == Range.DAY) {
            refresh();
        } else {
            range.set(Range.DAY);
        }
    }

    /** Reloads the list from the local store (background). */
    public void refresh() {
        Range r = range.get();
        LocalDate today = currentDay();
        if (followToday) {
            anchor.set(today);
        }
        LocalDate day = anchor.get();
        int gen = ++generation;
        loading.set(true);
        record Loaded(List<Row> rows, List<Day> grouped) {}
        work.supply(
                "loading the agenda",
                () -> {
                    List<AgendaItem> found = r == Range.DAY ? agenda.myDay(day) : agenda.myWeek(day);
                    Set<String> overlaps = agenda.inOpenOverlap();
                    List<Row> rows = found.stream()
                            .map(this::row)
                            .map(row -> overlaps.contains(row.appointmentId()) ? flagged(row) : row)
                            .toList();
                    return new Loaded(rows, group(rows, r, day, today));
                },
                loaded -> {
                    if (gen != generation) {
                        return;
                    }
                    List<Row> rows = loaded.rows();
                    List<Day> grouped = loaded.grouped();
                    LocalDate monday = mondayOf(day);
                    if (r == Range.DAY) {
                        heading.set(
                                day.equals(today)
                                        ? text(
                                                "agenda.today.heading",
                                                Texts.date(texts).format(day))
                                        : capitalise(Texts.weekday(texts).format(day)) + " "
                                                + Texts.date(texts).format(day));
                        emptyText.set(text(day.equals(today) ? "agenda.empty.today" : "agenda.empty.day"));
                        previousText.set(text("agenda.previous.day"));
                        nextText.set(text("agenda.next.day"));
                        showingToday.set(day.equals(today));
                    } else {
                        heading.set(text(
                                "agenda.week.heading",
                                Texts.date(texts).format(monday),
                                Texts.date(texts).format(monday.plusDays(6))));
                        emptyText.set(text("agenda.empty.week"));
                        previousText.set(text("agenda.previous.week"));
                        nextText.set(text("agenda.next.week"));
                        showingToday.set(monday.equals(mondayOf(today)));
                    }
                    items.setAll(rows);
                    days.setAll(grouped);
                    empty.set(rows.isEmpty());
                    loading.set(false);
                },
                e -> {
                    if (gen == generation) {
                        emptyText.set(text("common.load.failed"));
                        loading.set(false);
                    }
                });
    }

    /** The day view: one group. The week: Monday to Sunday, days without appointments included. */
    private List<Day> group(List<Row> rows, Range r, LocalDate day, LocalDate today) {
        List<Day> out = new ArrayList<>();
        LocalDate first = r == Range.DAY ? day : mondayOf(day);
        int count = r == Range.DAY ? 1 : 7;
        for (int i = 0; i < count; i++) {
            LocalDate d = first.plusDays(i);
            List<Row> ofDay = rows.stream().filter(x -> x.day().equals(d)).toList();
            out.add(new Day(
                    d,
                    capitalise(Texts.day(texts).format(d)),
                    text("agenda.count", ofDay.size()),
                    d.equals(today),
                    ofDay));
        }
        return out;
    }

    private Row row(AgendaItem i) {
        LocalDate day = i.start().atZone(zone).toLocalDate();
        String time = text(
                "agenda.time.range",
                Texts.time(texts).format(i.start().atZone(zone)),
                i.end() == null ? "" : Texts.time(texts).format(i.end().atZone(zone)));
        String report = switch (i.reportState() == null ? ReportState.NONE : i.reportState()) {
            case NONE -> "";
            case DRAFT -> text("agenda.report.draft");
            case COMPLETED -> text("agenda.report.done");
        };
        String reason = i.statusReason() == null ? "" : reference.label(ListNames.CANCEL_REASON, i.statusReason());
        return new Row(
                i.appointmentId(),
                day,
                time,
                nullToEmpty(i.residentName()),
                nullToEmpty(i.address()),
                nullToEmpty(i.accessNotes()),
                nullToEmpty(i.type()),
                codeLabel(CodeLists.APPOINTMENT_TYPE, "appointment.type.", i.type()),
                CodeLists.APPOINTMENT_HOME_VISIT.equals(i.type()),
                codeLabel(CodeLists.APPOINTMENT_STATUS, "appointment.status.", i.status()),
                kind(i.status()),
                reason,
                report,
                i.pendingSync());
    }

    /** The row with the badge of an overlap the server reported (resolved by moving or cancelling one). */
    private Row flagged(Row row) {
        return new Row(
                row.appointmentId(),
                row.day(),
                row.timeRange(),
                row.residentName(),
                row.address(),
                row.accessNotes(),
                row.type(),
                row.typeLabel(),
                row.homeVisit(),
                row.statusLabel(),
                row.statusKind(),
                row.statusReason(),
                row.reportLabel(),
                row.pendingSync(),
                text("agenda.overlap.badge"));
    }

    /** The badge of a status code. */
    public static StatusKind kind(String status) {
        if (status == null) {
            return StatusKind.CONFIRMED;
        }
        return switch (status) {
            case AppointmentStatus.PROPOSED -> StatusKind.PROPOSED;
            case AppointmentStatus.DONE -> StatusKind.DONE;
            case AppointmentStatus.NO_SHOW -> StatusKind.ABSENT;
            case AppointmentStatus.CANCELLED_BY_RESIDENT, AppointmentStatus.CANCELLED_BY_STRUCTURE ->
                StatusKind.CANCELLED;
            default -> StatusKind.CONFIRMED;
        };
    }

    /** The label from the synchronised code list; the bundle's when the list does not have the code yet. */
    private String codeLabel(String list, String bundlePrefix, String code) {
        return codeLabel(reference, texts, list, bundlePrefix, code);
    }

    static String codeLabel(
            ReferenceService reference, ResourceBundle texts, String list, String bundlePrefix, String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String label = reference.label(list, code);
        if (label != null && !label.equals(code)) {
            return label;
        }
        try {
            return texts.getString(bundlePrefix + code);
        } catch (MissingResourceException e) {
            return code;
        }
    }

    /** Opens an appointment (its visit report). */
    public void open(String appointmentId) {
        onOpen.accept(appointmentId);
    }

    /** Opens the preparation panel of an appointment. */
    public void prepare(String appointmentId) {
        onPrepare.accept(appointmentId);
    }

    /** Stops following sync changes. */
    public void dispose() {
        removeListener.run();
    }

    static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
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

    public ObjectProperty<Range> rangeProperty() {
        return range;
    }

    /** The day shown (day view), or a day of the week shown. */
    public ReadOnlyObjectProperty<LocalDate> anchorProperty() {
        return anchor.getReadOnlyProperty();
    }

    /** Every appointment shown, by start time. */
    public ObservableList<Row> items() {
        return items;
    }

    /** The appointments grouped by day (one group in the day view, Monday to Sunday in the week view). */
    public ObservableList<Day> days() {
        return days;
    }

    /** "Aujourd'hui, 05/03/2026", "Vendredi 06/03/2026" or "Semaine du 02/03/2026 au 08/03/2026". */
    public ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty emptyTextProperty() {
        return emptyText.getReadOnlyProperty();
    }

    /** Accessible text of the "previous" button ("Jour précédent", "Semaine précédente"). */
    public ReadOnlyStringProperty previousTextProperty() {
        return previousText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty nextTextProperty() {
        return nextText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty emptyProperty() {
        return empty.getReadOnlyProperty();
    }

    /** Whether today (or this week) is shown: the "Aujourd'hui" button is then useless. */
    public ReadOnlyBooleanProperty showingTodayProperty() {
        return showingToday.getReadOnlyProperty();
    }
}
