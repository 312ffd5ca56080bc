package fr.mediance.app.core.roundmap;

import fr.mediance.app.core.BackgroundWork;
import fr.mediance.app.core.Outcome;
import fr.mediance.app.core.Texts;
import fr.mediance.app.core.agenda.AgendaItem;
import fr.mediance.app.core.agenda.AgendaService;
import fr.mediance.app.core.agenda.AgendaViewModel;
import fr.mediance.app.core.resident.ResidentService;
import fr.mediance.app.core.sync.SyncService;
import fr.mediance.planning.GeoPoint;
import fr.mediance.planning.StraightLineTravel;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.GeoPointDto;
import fr.mediance.protocol.PlanningSettingsDto;
import fr.mediance.protocol.Rounds;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
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
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * « Carte des tournées » (coordination): the rounds of one day on a map. Each counsellor's route is her appointments
 * of the day held on this device, cancelled ones and those without travel (phone, video, at the office) left out, in
 * time order, from the office and back to it when the office's point is known. Beside the map: per counsellor the stops
 * with their time, resident and travel estimate (straight line × detour ÷ speed, the office's settings or the {@link
 * Rounds} defaults, rounded up to the minute as the planner does), and the residents without a point (« non
 * localisés »). A resident's pin can be moved by hand: « Déplacer le repère », a tap where they live, then save (or
 * undo before saving); it is saved on the resident as {@link GeoPointDto#manual} on this device and synchronised.
 */
public final class RoundMapViewModel {

    /** One stop of a route: its number in the day, time, resident, travel from the point before (may be empty). */
    public record Stop(
            int number,
            String appointmentId,
            String residentId,
            String residentName,
            String time,
            String travel,
            GeoPointDto point) {
        public boolean located() {
            return point != null;
        }
    }

    /** One counsellor's route: {@code colour} is her index among the day's counsellors (0, 1, 2…). */
    public record Route(String counsellorId, String counsellorName, int colour, List<Stop> stops, String summary) {}

    /** A resident of the day without a point on the map. */
    public record Unlocated(String residentId, String residentName, String counsellorName, String time) {}

    public enum MarkerKind {
        OFFICE,
        STOP,
        /** Where the resident being moved will be once saved. */
        PENDING
    }

    /** What the map draws: a marker (its label the stop's number), its colour the route's. */
    public record Marker(
            MarkerKind kind,
            String residentId,
            String appointmentId,
            double latitude,
            double longitude,
            String label,
            int colour,
            boolean selected,
            boolean approximate) {}

    /** A route line through {@code points} in order. */
    public record Line(int colour, String counsellorId, List<GeoPointDto> points) {}

    private static final Set<String> NO_TRAVEL = Set.of("phone", "video", "desk");

    private final AgendaService agenda;
    private final ResidentService residents;
    private final Supplier<Optional<PlanningSettingsDto>> settings;
    private final Clock clock;
    private final ZoneId zone;
    private final ResourceBundle texts;
    private final BackgroundWork work;
    private final Runnable removeListener;
    private Consumer<String> onMessage = m -> {};

    private final ReadOnlyObjectWrapper<LocalDate> day = new ReadOnlyObjectWrapper<>(this, "day");
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper(this, "heading", "");
    private final ObservableList<Route> routes = FXCollections.observableArrayList();
    private final ObservableList<Unlocated> unlocated = FXCollections.observableArrayList();
    private final ObservableList<Marker> markers = FXCollections.observableArrayList();
    private final ObservableList<Line> lines = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<GeoPointDto> office = new ReadOnlyObjectWrapper<>(this, "office");
    private final ReadOnlyStringWrapper selected = new ReadOnlyStringWrapper(this, "selected");
    private final ReadOnlyStringWrapper selectedText = new ReadOnlyStringWrapper(this, "selectedText", "");
    private final ReadOnlyBooleanWrapper moving = new ReadOnlyBooleanWrapper(this, "moving");
    private final ReadOnlyObjectWrapper<GeoPointDto> pending = new ReadOnlyObjectWrapper<>(this, "pending");
    private final ReadOnlyStringWrapper prompt = new ReadOnlyStringWrapper(this, "prompt", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyBooleanWrapper empty = new ReadOnlyBooleanWrapper(this, "empty", true);
    private final Map<String, String> names = new LinkedHashMap<>();
    private final Map<String, GeoPointDto> points = new LinkedHashMap<>();
    private PlanningSettingsDto knownSettings;
    private int generation;

    /**
     * @param settings the office's point and travel settings (asked of the office server; empty offline or unknown:
     *     no office marker, the {@link Rounds} defaults)
     */
    public RoundMapViewModel(
            AgendaService agenda,
            ResidentService residents,
            Supplier<Optional<PlanningSettingsDto>> settings,
            SyncService sync,
            Clock clock,
            ZoneId zone,
            ResourceBundle texts,
            Executor background,
            Executor fx) {
        this.agenda = Objects.requireNonNull(agenda);
        this.residents = Objects.requireNonNull(residents);
        this.settings = Objects.requireNonNull(settings);
        this.clock = Objects.requireNonNull(clock);
        this.zone = Objects.requireNonNull(zone);
        this.texts = Objects.requireNonNull(texts);
        this.work = new BackgroundWork(background, fx);
        day.set(LocalDate.now(clock.withZone(zone)));
        removeListener = sync == null ? () -> {} : sync.addDataListener(this::onSynced);
    }

    public void setOnMessage(Consumer<String> onMessage) {
        this.onMessage = Objects.requireNonNull(onMessage);
    }

    private void onSynced(Set<EntityType> changed) {
        if (!moving.get() && (changed.contains(EntityType.APPOINTMENT) || changed.contains(EntityType.RESIDENT))) {
            refresh();
        }
    }

    public void previous() {
        showDay(day.get().minusDays(1));
    }

    public void next() {
        showDay(day.get().plusDays(1));
    }

    public void today() {
        showDay(LocalDate.now(clock.withZone(zone)));
    }

    public void showDay(LocalDate d) {
        cancelMove();
        day.set(Objects.requireNonNull(d));
        refresh();
    }

    private record Loaded(List<AgendaItem> items, Map<String, GeoPointDto> points, PlanningSettingsDto settings) {}

    /** Reloads the day from the local store (background); the office's settings are asked once. */
    public CompletableFuture<Loaded> refresh() {
        LocalDate d = day.get();
        int gen = ++generation;
        loading.set(true);
        PlanningSettingsDto cached = knownSettings;
        return work.supply(
                "loading the rounds' map",
                () -> {
                    List<AgendaItem> items = agenda.planned(d, d).stream()
                            .filter(RoundMapViewModel::onTheRoad)
                            .toList();
                    Map<String, GeoPointDto> found = residents.locations(items.stream()
                            .map(AgendaItem::residentId)
                            .filter(Objects::nonNull)
                            .toList());
                    PlanningSettingsDto s =
                            cached != null ? cached : settings.get().orElse(null);
                    return new Loaded(items, found, s);
                },
                loaded -> {
                    if (gen != generation) {
                        return;
                    }
                    knownSettings = loaded.settings();
                    build(d, loaded);
                    loading.set(false);
                },
                e -> {
                    if (gen == generation) {
                        error.set(text("common.load.failed"));
                        loading.set(false);
                    }
                });
    }

    private static boolean onTheRoad(AgendaItem i) {
        return i.counsellorId() != null
                && AgendaViewModel.kind(i.status()) != AgendaViewModel.StatusKind.CANCELLED
                && (i.type() == null || !NO_TRAVEL.contains(i.type()));
    }

    private void build(LocalDate d, Loaded loaded) {
        heading.set(capitalise(Texts.weekday(texts).format(d)) + " "
                + Texts.date(texts).format(d));
        GeoPointDto officePoint =
                loaded.settings() == null ? null : loaded.settings().office();
        office.set(officePoint);
        double detour = loaded.settings() == null
                ? Rounds.DEFAULT_DETOUR_FACTOR
                : loaded.settings().detourFactor();
        double speed = loaded.settings() == null
                ? Rounds.DEFAULT_SPEED_KMH
                : loaded.settings().speedKmh();
        points.clear();
        points.putAll(loaded.points());
        names.clear();
        Map<String, List<AgendaItem>> byCounsellor = new LinkedHashMap<>();
        for (AgendaItem i : loaded.items()) {
            byCounsellor
                    .computeIfAbsent(i.counsellorId(), k -> new ArrayList<>())
                    .add(i);
            if (i.residentId() != null) {
                names.put(i.residentId(), i.residentName());
            }
        }
        List<Map.Entry<String, List<AgendaItem>>> ordered = new ArrayList<>(byCounsellor.entrySet());
        ordered.sort(Comparator.comparing(
                (Map.Entry<String, List<AgendaItem>> e) ->
                        counsellorName(e.getValue().get(0)),
                String.CASE_INSENSITIVE_ORDER));
        List<Route> built = new ArrayList<>();
        List<Unlocated> missing = new ArrayList<>();
        for (int c = 0; c < ordered.size(); c++) {
            List<AgendaItem> items = new ArrayList<>(ordered.get(c).getValue());
            items.sort(Comparator.comparing(AgendaItem::start).thenComparing(AgendaItem::appointmentId));
            String counsellor = counsellorName(items.get(0));
            List<Stop> stops = new ArrayList<>();
            GeoPointDto from = officePoint;
            int total = 0;
            for (int n = 0; n < items.size(); n++) {
                AgendaItem i = items.get(n);
                GeoPointDto p = i.residentId() == null ? null : points.get(i.residentId());
                String travel = "";
                if (p != null && from != null) {
                    int minutes = minutes(from, p, detour, speed);
                    total += minutes;
                    travel = text("map.travel", minutes);
                }
                if (p != null) {
                    from = p;
                } else if (i.residentId() != null) {
                    missing.add(new Unlocated(i.residentId(), i.residentName(), counsellor, time(i)));
                }
                stops.add(new Stop(n + 1, i.appointmentId(), i.residentId(), i.residentName(), time(i), travel, p));
            }
            if (officePoint != null && from != null && from != officePoint) {
                total += minutes(from, officePoint, detour, speed);
            }
            built.add(new Route(
                    ordered.get(c).getKey(),
                    counsellor,
                    c,
                    List.copyOf(stops),
                    text("map.route.summary", stops.size(), total)));
        }
        routes.setAll(built);
        unlocated.setAll(missing);
        empty.set(built.isEmpty());
        redraw();
    }

    /** The markers and lines from the routes, the selection and the pin being moved. */
    private void redraw() {
        List<Marker> ms = new ArrayList<>();
        List<Line> ls = new ArrayList<>();
        GeoPointDto officePoint = office.get();
        String sel = selected.get();
        GeoPointDto moved = pending.get();
        for (Route r : routes) {
            List<GeoPointDto> path = new ArrayList<>();
            if (officePoint != null) {
                path.add(officePoint);
            }
            for (Stop s : r.stops()) {
                GeoPointDto p =
                        s.residentId() != null && s.residentId().equals(sel) && moved != null ? moved : s.point();
                if (p == null) {
                    continue;
                }
                path.add(p);
                boolean isSelected = s.residentId() != null && s.residentId().equals(sel);
                ms.add(new Marker(
                        isSelected && moved != null ? MarkerKind.PENDING : MarkerKind.STOP,
                        s.residentId(),
                        s.appointmentId(),
                        p.latitude(),
                        p.longitude(),
                        Integer.toString(s.number()),
                        r.colour(),
                        isSelected,
                        p.approximate()));
            }
            if (officePoint != null && path.size() > 1) {
                path.add(officePoint);
            }
            if (path.size() > 1) {
                ls.add(new Line(r.colour(), r.counsellorId(), List.copyOf(path)));
            }
        }
        if (officePoint != null) {
            ms.add(
                    0,
                    new Marker(
                            MarkerKind.OFFICE,
                            null,
                            null,
                            officePoint.latitude(),
                            officePoint.longitude(),
                            text("map.office"),
                            -1,
                            false,
                            false));
        }
        markers.setAll(ms);
        lines.setAll(ls);
    }

    /** Minutes by the straight-line model the planning uses ({@link StraightLineTravel}: distance × detour ÷ speed). */
    public static int minutes(GeoPointDto a, GeoPointDto b, double detourFactor, double speedKmh) {
        return new StraightLineTravel(detourFactor, speedKmh)
                .minutes(new GeoPoint(a.latitude(), a.longitude()), new GeoPoint(b.latitude(), b.longitude()));
    }

    /** Selects a resident (a marker tapped, a line of the list chosen); {@code null} clears the selection. */
    public void select(String residentId) {
        if (moving.get()) {
            return;
        }
        selected.set(residentId);
        if (residentId == null) {
            selectedText.set("");
        } else {
            GeoPointDto p = points.get(residentId);
            String name = names.getOrDefault(residentId, "");
            selectedText.set(
                    p == null
                            ? text("map.selected.unlocated", name)
                            : text(
                                    p.approximate() ? "map.selected.approximate" : "map.selected",
                                    name,
                                    sourceLabel(p.source())));
        }
        redraw();
    }

    private String sourceLabel(String source) {
        return text("map.source." + (source == null ? GeoPointDto.SOURCE_GEOCODER : source));
    }

    /** « Déplacer le repère » of the selected resident: the next tap on the map places them. */
    public void startMove() {
        String id = selected.get();
        if (id == null) {
            return;
        }
        moving.set(true);
        pending.set(null);
        error.set("");
        prompt.set(text("map.move.prompt", names.getOrDefault(id, "")));
    }

    /** « Placer sur la carte » of an unlocated resident. */
    public void startMove(String residentId) {
        cancelMove();
        select(residentId);
        startMove();
    }

    /** Where the map was tapped while moving: the pin goes there, not saved yet. */
    public void placeAt(double latitude, double longitude) {
        if (!moving.get()) {
            return;
        }
        GeoPointDto p = GeoPointDto.manual(latitude, longitude);
        String problem = GeoPointDto.problem(p);
        if (problem != null) {
            error.set(problem);
            return;
        }
        error.set("");
        pending.set(p);
        prompt.set(text("map.move.placed", names.getOrDefault(selected.get(), "")));
        redraw();
    }

    /** « Annuler le déplacement »: the pin goes back where it was, still waiting for a tap. */
    public void undo() {
        if (pending.get() == null) {
            return;
        }
        pending.set(null);
        error.set("");
        prompt.set(text("map.move.prompt", names.getOrDefault(selected.get(), "")));
        redraw();
    }

    /** Leaves the move without saving. */
    public void cancelMove() {
        moving.set(false);
        pending.set(null);
        prompt.set("");
        error.set("");
        redraw();
    }

    /** Saves the moved pin on the resident (this device, then the office at the next sync). */
    public CompletableFuture<Boolean> save() {
        String id = selected.get();
        GeoPointDto p = pending.get();
        if (id == null || p == null) {
            error.set(text("map.move.tapFirst"));
            return CompletableFuture.completedFuture(false);
        }
        String name = names.getOrDefault(id, "");
        return work.supply(
                        "saving a resident's pin",
                        () -> residents.placeOnMap(id, p),
                        outcome -> {
                            if (outcome instanceof Outcome.Ok<GeoPointDto>) {
                                moving.set(false);
                                pending.set(null);
                                prompt.set("");
                                error.set("");
                                onMessage.accept(text("map.move.saved", name));
                                refresh().thenRun(() -> select(id));
                            } else {
                                error.set(
                                        outcome instanceof Outcome.Failed<GeoPointDto> f
                                                ? f.message()
                                                : text("common.load.failed"));
                            }
                        },
                        e -> error.set(text("common.load.failed")))
                .thenApply(o -> o instanceof Outcome.Ok<GeoPointDto>);
    }

    private String time(AgendaItem i) {
        return Texts.time(texts).format(i.start().atZone(zone));
    }

    private String counsellorName(AgendaItem i) {
        return i.counsellorName() == null ? i.counsellorId() : i.counsellorName();
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private String text(String key, Object... args) {
        String pattern = texts.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, Texts.locale(texts)).format(args);
    }

    public void dispose() {
        removeListener.run();
    }

    public ReadOnlyObjectProperty<LocalDate> dayProperty() {
        return day.getReadOnlyProperty();
    }

    /** « Jeudi 03/12/2026 ». */
    public ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    public ObservableList<Route> routes() {
        return routes;
    }

    public ObservableList<Unlocated> unlocated() {
        return unlocated;
    }

    public ObservableList<Marker> markers() {
        return markers;
    }

    public ObservableList<Line> lines() {
        return lines;
    }

    /** The office's point, null while unknown. */
    public ReadOnlyObjectProperty<GeoPointDto> officeProperty() {
        return office.getReadOnlyProperty();
    }

    /** The selected resident's id, or null. */
    public ReadOnlyStringProperty selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** « Fatima Benali — repère placé à la main », or empty. */
    public ReadOnlyStringProperty selectedTextProperty() {
        return selectedText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty movingProperty() {
        return moving.getReadOnlyProperty();
    }

    /** The point tapped and not saved yet, or null. */
    public ReadOnlyObjectProperty<GeoPointDto> pendingProperty() {
        return pending.getReadOnlyProperty();
    }

    /** What to do next while moving (« Touchez la carte là où habite Fatima Benali »). */
    public ReadOnlyStringProperty promptProperty() {
        return prompt.getReadOnlyProperty();
    }

    /** Why the pin could not be placed or saved, in French; empty otherwise. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** No appointment on the road that day. */
    public ReadOnlyBooleanProperty emptyProperty() {
        return empty.getReadOnlyProperty();
    }
}
