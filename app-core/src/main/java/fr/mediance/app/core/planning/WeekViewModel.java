package fr.mediance.app.core.planning;

import fr.mediance.app.core.BackgroundWork;
import fr.mediance.app.core.Outcome;
import fr.mediance.app.core.Texts;
import fr.mediance.app.core.agenda.AgendaItem;
import fr.mediance.app.core.agenda.AgendaService;
import fr.mediance.app.core.agenda.ResidentPlace;
import fr.mediance.app.core.reference.ReferenceService;
import fr.mediance.app.core.reference.UserItem;
import fr.mediance.app.core.sync.SyncService;
import fr.mediance.app.core.task.TaskItem;
import fr.mediance.app.core.task.TaskService;
import fr.mediance.planning.GeoPoint;
import fr.mediance.planning.StraightLineTravel;
import fr.mediance.planning.TravelModel;
import fr.mediance.protocol.AppointmentDto;
import fr.mediance.protocol.AppointmentPlanning;
import fr.mediance.protocol.CounsellorScheduleDto;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.GeoPointDto;
import fr.mediance.protocol.PlanningSettingsDto;
import fr.mediance.protocol.Role;
import fr.mediance.protocol.Rounds;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The coordinator's week (« Planification »): for the selected day of a Monday-to-Saturday week, every counsellor's
 * appointments side by side with the travel between them (straight-line estimate, {@link StraightLineTravel} with
 * the structure's settings, {@link Rounds}' defaults until they are given), each counsellor's totals, the day tabs'
 * counts, and the team's open tasks. A drag moves an appointment to another counsellor or time, its length kept,
 * after the shared rules ({@link AppointmentPlanning}: a locked one must be unlocked first, an overlap is refused;
 * nothing changes then). Everything is read from and saved in the device's store; a move is queued for the office
 * as the other changes are.
 */
public final class WeekViewModel {
    /** The time axis of the board. */
    public static final LocalTime DAY_START = LocalTime.of(8, 0);

    public static final LocalTime DAY_END = LocalTime.of(19, 0);
    /** Drags and free-slot clicks snap to this many minutes. */
    public static final int SNAP_MINUTES = 15;
    /** Monday to Saturday. */
    public static final int DAYS = Rounds.DAYS.size();

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM");

    /** One appointment on the board. {@code active}: it holds time (not cancelled, not a no-show). */
    public record Stop(
            String appointmentId,
            String counsellorId,
            LocalTime start,
            LocalTime end,
            String residentName,
            String fileNumber,
            String address,
            String neighbourhood,
            String typeLabel,
            String status,
            String statusLabel,
            String statusReason,
            boolean locked,
            boolean pendingSync,
            boolean conflict,
            boolean active) {
        public int minutes() {
            return (int) Duration.between(start, end).toMinutes();
        }

        /** Minutes from {@link #DAY_START} (negative before it). */
        public int offset() {
            return (int) Duration.between(DAY_START, start).toMinutes();
        }
    }

    /**
     * Travel to a stop (from the previous one, or from the office when {@code fromOffice}), or back to the office
     * after the last ({@code toOffice}). {@code minutes} is null when a point is missing (« trajet inconnu »).
     * {@code tight}: the gap between the two appointments is shorter than the travel.
     */
    public record Travel(
            LocalTime after,
            LocalTime before,
            Integer minutes,
            boolean fromOffice,
            boolean toOffice,
            boolean tight,
            String label) {
        public boolean known() {
            return minutes != null;
        }
    }

    /** One counsellor's day: stops in time order, travel between them, cancelled ones apart, totals. */
    public record Column(
            String counsellorId,
            String counsellorName,
            List<Stop> stops,
            List<Travel> travel,
            List<Stop> cancelled,
            int visits,
            int visitMinutes,
            int travelMinutes,
            boolean travelComplete,
            String totals) {}

    /** A day tab: « Lun 07/12 » and the day's appointments (that hold time). */
    public record DayTab(LocalDate date, String label, int count, boolean today) {}

    /** An open task of the team. */
    public record TaskRow(
            String taskId, String title, String residentName, String assigneeName, String due, boolean overdue) {}

    /** A free slot where the coordinator asked for a new appointment. */
    public record Slot(LocalDate date, LocalTime start, String counsellorId) {}

    private final AgendaService agenda;
    private final ReferenceService reference;
    private final TaskService tasks;
    private final Clock clock;
    private final ZoneId zone;
    private final ResourceBundle texts;
    private final BackgroundWork work;
    private final Runnable removeListener;
    private Consumer<String> onMessage = m -> {};
    private Consumer<String> onEdit = id -> {};
    private Consumer<Slot> onCreate = s -> {};

    private TravelModel travel = new StraightLineTravel(Rounds.DEFAULT_DETOUR_FACTOR, Rounds.DEFAULT_SPEED_KMH);
    private GeoPoint office;

    private final ReadOnlyObjectWrapper<LocalDate> monday = new ReadOnlyObjectWrapper<>(this, "monday");
    private final ReadOnlyObjectWrapper<LocalDate> day = new ReadOnlyObjectWrapper<>(this, "day");
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper(this, "heading", "");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final ReadOnlyStringWrapper lunch = new ReadOnlyStringWrapper(this, "lunch", "");
    private final ObservableList<DayTab> days = FXCollections.observableArrayList();
    private final ObservableList<Column> columns = FXCollections.observableArrayList();
    private final ObservableList<TaskRow> teamTasks = FXCollections.observableArrayList();
    private final LocalTime lunchFrom;
    private final LocalTime lunchTo;
    private int generation;
    private boolean usersAsked;

    public WeekViewModel(
            AgendaService agenda,
            ReferenceService reference,
            TaskService tasks,
            SyncService sync,
            Clock clock,
            ZoneId zone,
            ResourceBundle texts,
            Executor background,
            Executor fx) {
        this.agenda = Objects.requireNonNull(agenda);
        this.reference = Objects.requireNonNull(reference);
        this.tasks = Objects.requireNonNull(tasks);
        this.clock = Objects.requireNonNull(clock);
        this.zone = Objects.requireNonNull(zone);
        this.texts = Objects.requireNonNull(texts);
        this.work = new BackgroundWork(background, fx);
        CounsellorScheduleDto standard = Rounds.standard("", "");
        lunchFrom = Rounds.time(standard.lunchEarliest()).orElse(LocalTime.NOON);
        lunchTo = Rounds.time(standard.lunchLatest()).orElse(LocalTime.of(14, 0));
        lunch.set(Texts.format(texts, "week.lunch", TIME.format(lunchFrom), TIME.format(lunchTo)));
        LocalDate today = currentDay();
        LocalDate first = today.getDayOfWeek() == DayOfWeek.SUNDAY ? today.plusDays(1) : today;
        monday.set(Rounds.monday(first));
        day.set(first);
        updateHeading();
        removeListener = sync == null ? () -> {} : sync.addDataListener(this::onSynced);
    }

    private void onSynced(Set<EntityType> changed) {
        if (changed.contains(EntityType.APPOINTMENT)
                || changed.contains(EntityType.RESIDENT)
                || changed.contains(EntityType.TASK)) {
            refresh();
        }
    }

    /**
     * The structure's travel settings (office point, detour factor, speed): the travel from and back to the office
     * is then shown too. Null keeps the defaults and shows the travel between stops only.
     */
    public void setTravelSettings(PlanningSettingsDto settings) {
        if (settings == null) {
            travel = new StraightLineTravel(Rounds.DEFAULT_DETOUR_FACTOR, Rounds.DEFAULT_SPEED_KMH);
            office = null;
            return;
        }
        travel = new StraightLineTravel(
                Math.max(Rounds.MIN_DETOUR_FACTOR, settings.detourFactor()),
                settings.speedKmh() > 0 ? settings.speedKmh() : Rounds.DEFAULT_SPEED_KMH);
        office = point(settings.office());
    }

    public void setOnMessage(Consumer<String> onMessage) {
        this.onMessage = Objects.requireNonNull(onMessage);
    }

    /** Opens the change form of an appointment (reschedule, cancel, lock, checklist, safety notes). */
    public void setOnEdit(Consumer<String> onEdit) {
        this.onEdit = Objects.requireNonNull(onEdit);
    }

    /** Opens the planning form for a new appointment at a free slot. */
    public void setOnCreate(Consumer<Slot> onCreate) {
        this.onCreate = Objects.requireNonNull(onCreate);
    }

    private LocalDate currentDay() {
        return LocalDate.now(clock.withZone(zone));
    }

    // ----- navigation

    public void previousWeek() {
        showWeek(monday.get().minusWeeks(1));
    }

    public void nextWeek() {
        showWeek(monday.get().plusWeeks(1));
    }

    /** Back to this week and today (Monday on a Sunday). */
    public void today() {
        LocalDate t = currentDay();
        LocalDate first = t.getDayOfWeek() == DayOfWeek.SUNDAY ? t.plusDays(1) : t;
        monday.set(Rounds.monday(first));
        day.set(first);
        updateHeading();
        refresh();
    }

    private void showWeek(LocalDate newMonday) {
        int index =
                (int) Duration.between(monday.get().atStartOfDay(), day.get().atStartOfDay())
                        .toDays();
        monday.set(newMonday);
        day.set(newMonday.plusDays(Math.max(0, Math.min(DAYS - 1, index))));
        updateHeading();
        refresh();
    }

    /** Shows another day of the week. */
    public void selectDay(LocalDate date) {
        if (date == null || date.equals(day.get())) {
            return;
        }
        if (!Rounds.monday(date).equals(monday.get())) {
            monday.set(Rounds.monday(date));
        }
        day.set(date);
        updateHeading();
        refresh();
    }

    private void updateHeading() {
        heading.set(Texts.format(
                texts,
                "week.heading",
                DAY.format(monday.get()),
                DAY.format(monday.get().plusDays(DAYS - 1)),
                Texts.format(texts, "week.day.long", dayName(day.get()), Texts.DATE.format(day.get()))));
    }

    private String dayName(LocalDate d) {
        return texts.getString("week.day." + d.getDayOfWeek().getValue());
    }

    // ----- loading

    private record Loaded(List<DayTab> days, List<Column> columns, List<TaskRow> tasks) {}

    /**
     * Reloads the week from the device's store; the first time, also asks the office for the current list of
     * counsellors when it can (the board stays usable offline with the cached one).
     */
    public CompletableFuture<Void> refresh() {
        if (!usersAsked) {
            usersAsked = true;
            work.supply(
                    "refreshing the counsellors of the week",
                    () -> reference.refreshUsers().isOk(),
                    ok -> {
                        if (ok) {
                            refresh();
                        }
                    },
                    e -> {});
        }
        int g = ++generation;
        LocalDate from = monday.get();
        LocalDate selected = day.get();
        CompletableFuture<Void> done = new CompletableFuture<>();
        work.supply(
                "loading the week's board",
                () -> load(from, selected),
                l -> {
                    if (g == generation) {
                        days.setAll(l.days());
                        columns.setAll(l.columns());
                        teamTasks.setAll(l.tasks());
                    }
                    done.complete(null);
                },
                e -> {
                    notice.set(texts.getString("common.load.failed"));
                    done.complete(null);
                });
        return done;
    }

    private Loaded load(LocalDate from, LocalDate selected) {
        List<AgendaItem> week = agenda.planned(from, from.plusDays(DAYS - 1));
        LocalDate today = currentDay();
        List<DayTab> tabs = new ArrayList<>();
        for (int i = 0; i < DAYS; i++) {
            LocalDate d = from.plusDays(i);
            int count = (int) week.stream()
                    .filter(a -> a.start().atZone(zone).toLocalDate().equals(d))
                    .filter(a -> AppointmentPlanning.active(a.status()))
                    .count();
            tabs.add(new DayTab(
                    d,
                    Texts.format(texts, "week.tab", texts.getString("week.day.short." + (i + 1)), DAY.format(d)),
                    count,
                    d.equals(today)));
        }
        List<AgendaItem> ofDay = week.stream()
                .filter(a -> a.start().atZone(zone).toLocalDate().equals(selected))
                .toList();
        Map<String, ResidentPlace> places = agenda.places(ofDay.stream()
                .map(AgendaItem::residentId)
                .filter(Objects::nonNull)
                .toList());
        Set<String> reportedOverlaps = agenda.inOpenOverlap();

        Map<String, String> names = new LinkedHashMap<>();
        for (UserItem u : reference.users(Role.COUNSELLOR)) {
            names.put(u.id(), u.name());
        }
        for (AgendaItem a : ofDay) {
            if (a.counsellorId() != null && !names.containsKey(a.counsellorId())) {
                names.put(
                        a.counsellorId(),
                        a.counsellorName() == null || a.counsellorName().isBlank()
                                ? texts.getString("week.counsellor.unknown")
                                : a.counsellorName());
            }
        }
        List<Column> cols = new ArrayList<>();
        for (Map.Entry<String, String> c : names.entrySet()) {
            List<AgendaItem> mine = ofDay.stream()
                    .filter(a -> c.getKey().equals(a.counsellorId()))
                    .toList();
            cols.add(column(c.getKey(), c.getValue(), mine, places, reportedOverlaps));
        }
        Map<String, String> userNames = new HashMap<>();
        reference.users(null).forEach(u -> userNames.put(u.id(), u.name()));
        List<TaskRow> taskRows = new ArrayList<>();
        List<TaskItem> open = new ArrayList<>(tasks.teamOpen());
        // overdue first (by due date), then the rest as listed (due date, none last)
        open.sort((a, b) -> Boolean.compare(overdue(b, today), overdue(a, today)));
        for (TaskItem t : open) {
            taskRows.add(new TaskRow(
                    t.id(),
                    t.title(),
                    t.residentName() == null ? "" : t.residentName(),
                    t.assigneeId() == null ? "" : userNames.getOrDefault(t.assigneeId(), ""),
                    t.dueDate() == null
                            ? texts.getString("week.task.noDue")
                            : Texts.format(texts, "week.task.due", Texts.DATE.format(t.dueDate())),
                    overdue(t, today)));
        }
        return new Loaded(tabs, cols, taskRows);
    }

    private static boolean overdue(TaskItem t, LocalDate today) {
        return t.dueDate() != null && t.dueDate().isBefore(today);
    }

    private Column column(
            String counsellorId,
            String name,
            List<AgendaItem> items,
            Map<String, ResidentPlace> places,
            Set<String> reportedOverlaps) {
        List<AgendaItem> active = items.stream()
                .filter(a -> AppointmentPlanning.active(a.status()))
                .sorted((a, b) -> a.start().compareTo(b.start()))
                .toList();
        List<AppointmentDto> probes = active.stream().map(WeekViewModel::probe).toList();
        List<Stop> stops = new ArrayList<>();
        List<Stop> cancelled = new ArrayList<>();
        Map<String, String> residentOf = new HashMap<>();
        for (AgendaItem a : items) {
            residentOf.put(a.appointmentId(), a.residentId());
            boolean holds = AppointmentPlanning.active(a.status());
            boolean conflict = reportedOverlaps.contains(a.appointmentId())
                    || (holds
                            && !AppointmentPlanning.overlapping(probe(a), probes)
                                    .isEmpty());
            Stop s = stop(a, places.get(a.residentId()), conflict, holds);
            (holds ? stops : cancelled).add(s);
        }
        stops.sort((a, b) -> a.start().compareTo(b.start()));

        List<Travel> legs = new ArrayList<>();
        int travelMinutes = 0;
        boolean complete = true;
        GeoPoint previous = office;
        for (int i = 0; i < stops.size(); i++) {
            Stop s = stops.get(i);
            GeoPoint here = point(places.get(residentOf.get(s.appointmentId())));
            boolean fromOffice = i == 0;
            if (fromOffice && office == null) {
                previous = here;
                continue;
            }
            Integer minutes = previous == null || here == null ? null : travel.minutes(previous, here);
            LocalTime after = fromOffice ? null : stops.get(i - 1).end();
            boolean tight = minutes != null
                    && after != null
                    && after.plusMinutes(minutes).isAfter(s.start());
            legs.add(new Travel(after, s.start(), minutes, fromOffice, false, tight, travelLabel(minutes)));
            if (minutes == null) {
                complete = false;
            } else {
                travelMinutes += minutes;
            }
            previous = here;
        }
        if (office != null && !stops.isEmpty()) {
            Integer minutes = previous == null ? null : travel.minutes(previous, office);
            legs.add(new Travel(
                    stops.get(stops.size() - 1).end(), null, minutes, false, true, false, travelLabel(minutes)));
            if (minutes == null) {
                complete = false;
            } else {
                travelMinutes += minutes;
            }
        }
        int visitMinutes = stops.stream().mapToInt(Stop::minutes).sum();
        String totals = stops.isEmpty()
                ? texts.getString("week.totals.none")
                : Texts.format(
                        texts,
                        complete ? "week.totals" : "week.totals.partial",
                        stops.size(),
                        duration(visitMinutes),
                        duration(travelMinutes));
        return new Column(
                counsellorId,
                name,
                List.copyOf(stops),
                List.copyOf(legs),
                List.copyOf(cancelled),
                stops.size(),
                visitMinutes,
                travelMinutes,
                complete,
                totals);
    }

    private String travelLabel(Integer minutes) {
        return minutes == null
                ? texts.getString("week.travel.unknown")
                : Texts.format(texts, "week.travel.minutes", minutes);
    }

    /** « 2 h 15 », « 45 min ». */
    String duration(int minutes) {
        if (minutes < 60) {
            return Texts.format(texts, "week.duration.minutes", minutes);
        }
        return Texts.format(texts, "week.duration.hours", minutes / 60, String.format("%02d", minutes % 60));
    }

    private Stop stop(AgendaItem a, ResidentPlace place, boolean conflict, boolean holds) {
        LocalTime start = a.start().atZone(zone).toLocalTime();
        LocalTime end = a.end() == null
                ? start.plusHours(1)
                : a.end()
                                .atZone(zone)
                                .toLocalDate()
                                .isAfter(a.start().atZone(zone).toLocalDate())
                        ? LocalTime.MAX.withNano(0).withSecond(0)
                        : a.end().atZone(zone).toLocalTime();
        return new Stop(
                a.appointmentId(),
                a.counsellorId(),
                start,
                end,
                a.residentName() == null ? "" : a.residentName(),
                place == null || place.fileNumber() == null ? "" : place.fileNumber(),
                a.address() == null ? "" : a.address(),
                place == null ? "" : place.neighbourhood(),
                label("appointment.type." + a.type(), a.type()),
                a.status(),
                label("appointment.status." + a.status(), a.status()),
                a.statusReason() == null ? "" : a.statusReason(),
                a.locked(),
                a.pendingSync(),
                conflict,
                holds);
    }

    private String label(String key, String fallback) {
        try {
            return texts.getString(key);
        } catch (MissingResourceException e) {
            return fallback == null ? "" : fallback;
        }
    }

    private static AppointmentDto probe(AgendaItem a) {
        return new AppointmentDto(
                a.appointmentId(),
                null,
                a.residentId(),
                a.counsellorId(),
                a.type(),
                a.start(),
                a.end(),
                a.status(),
                null,
                null,
                null);
    }

    private static GeoPoint point(ResidentPlace place) {
        return place == null ? null : point(place.location());
    }

    private static GeoPoint point(GeoPointDto dto) {
        if (dto == null) {
            return null;
        }
        GeoPoint p = new GeoPoint(dto.latitude(), dto.longitude());
        return p.isValid() ? p : null;
    }

    // ----- actions

    /** The time of a point {@code minutes} after {@link #DAY_START}, snapped to {@link #SNAP_MINUTES}, on the axis. */
    public static LocalTime snap(double minutes) {
        long snapped = Math.round(minutes / SNAP_MINUTES) * SNAP_MINUTES;
        long last = Duration.between(DAY_START, DAY_END).toMinutes() - SNAP_MINUTES;
        return DAY_START.plusMinutes(Math.max(0, Math.min(last, snapped)));
    }

    /**
     * Moves an appointment of the selected day to {@code counsellorId} at {@code start}, its length kept. Refused
     * (the reason in {@link #noticeProperty()}, nothing changed) when it is locked, or the new place overlaps
     * another appointment of that counsellor.
     */
    public CompletableFuture<Boolean> move(String appointmentId, String counsellorId, LocalTime start) {
        notice.set("");
        Instant at = day.get().atTime(start).atZone(zone).toInstant();
        String to = columns.stream()
                .filter(c -> c.counsellorId().equals(counsellorId))
                .map(Column::counsellorName)
                .findFirst()
                .orElse("");
        CompletableFuture<Boolean> result = new CompletableFuture<>();
        work.supply(
                "moving an appointment on the week's board",
                () -> agenda.move(appointmentId, counsellorId, at),
                outcome -> {
                    if (outcome instanceof Outcome.Ok<AgendaItem>) {
                        onMessage.accept(Texts.format(texts, "week.moved", TIME.format(start), to));
                        refresh().thenRun(() -> result.complete(true));
                    } else {
                        notice.set(outcome.message());
                        result.complete(false);
                    }
                },
                e -> {
                    notice.set(texts.getString("app.error.unexpected"));
                    result.complete(false);
                });
        return result;
    }

    /** Opens the change form of the appointment. */
    public void edit(String appointmentId) {
        notice.set("");
        onEdit.accept(appointmentId);
    }

    /** Opens the planning form for a new appointment of {@code counsellorId} at {@code start} on the selected day. */
    public void create(String counsellorId, LocalTime start) {
        notice.set("");
        onCreate.accept(new Slot(day.get(), start, counsellorId));
    }

    /** Hides the last refusal. */
    public void dismissNotice() {
        notice.set("");
    }

    /** Stops following sync changes. */
    public void dispose() {
        removeListener.run();
    }

    // ----- properties

    public ReadOnlyObjectProperty<LocalDate> mondayProperty() {
        return monday.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LocalDate> dayProperty() {
        return day.getReadOnlyProperty();
    }

    /** « Semaine du 07/12 au 12/12 · mardi 08/12/2026 ». */
    public ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    /** The last refusal of a move (empty when none). */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** « Pause déjeuner 12:00–14:00 ». */
    public ReadOnlyStringProperty lunchProperty() {
        return lunch.getReadOnlyProperty();
    }

    public LocalTime lunchFrom() {
        return lunchFrom;
    }

    public LocalTime lunchTo() {
        return lunchTo;
    }

    public ObservableList<DayTab> days() {
        return days;
    }

    public ObservableList<Column> columns() {
        return columns;
    }

    public ObservableList<TaskRow> teamTasks() {
        return teamTasks;
    }
}
