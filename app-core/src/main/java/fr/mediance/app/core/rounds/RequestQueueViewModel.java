package fr.mediance.app.core.rounds;

import fr.mediance.app.core.BackgroundWork;
import fr.mediance.app.core.Outcome;
import fr.mediance.app.core.casework.CaseService;
import fr.mediance.app.core.reference.ReferenceService;
import fr.mediance.app.core.reference.UserItem;
import fr.mediance.protocol.Casework;
import fr.mediance.protocol.HomeVisitDto;
import fr.mediance.protocol.HomeVisits;
import fr.mediance.protocol.ListNames;
import fr.mediance.protocol.RequestDto;
import fr.mediance.protocol.ResidentDto;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * « Demandes à visiter » (coordination): the requests waiting for a home visit — a wish, not closed, no live
 * appointment answering them — urgent first by the day their visit must have taken place ({@link
 * HomeVisits#deadline}), then by receipt; and, apart, the open requests without a wish so that one can be added.
 * Each row says who, where (the neighbourhood), what visit and how long, when the person can receive, the days to
 * avoid, the counsellor they know, a reduced mobility and a home missing from the map. The wish is edited here,
 * checked with the shared rule as it is typed, and saved to the request on this device (synced like any change).
 */
public final class RequestQueueViewModel {
    /** Which requests the list shows. */
    public enum Mode {
        WAITING,
        WITHOUT_WISH
    }

    /** One request of the list, ready to show. */
    public record Row(
            String requestId,
            String residentId,
            String name,
            String fileNumber,
            String neighbourhood,
            String visit,
            String availability,
            String avoid,
            String counsellor,
            String mobility,
            boolean located,
            LocalDate deadline,
            String deadlineText,
            boolean overdue,
            HomeVisitDto wish) {
        public boolean urgent() {
            return deadline != null;
        }
    }

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("dd/MM");

    private final RequestQueue queue;
    private final CaseService cases;
    private final ReferenceService reference;
    private final Clock clock;
    private final ZoneId zone;
    private final ResourceBundle texts;
    private final BackgroundWork work;

    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(this, "mode", Mode.WAITING);
    private final BooleanProperty urgentOnly = new SimpleBooleanProperty(this, "urgentOnly");
    private final BooleanProperty counsellorKnown = new SimpleBooleanProperty(this, "counsellorKnown");
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private List<Row> waiting = List.of();
    private List<Row> withoutWish = List.of();

    // the wish being edited
    private final ReadOnlyObjectWrapper<Row> editing = new ReadOnlyObjectWrapper<>(this, "editing");
    private final StringProperty kind = new SimpleStringProperty(this, "kind", HomeVisits.FOLLOW_UP);
    private final StringProperty minutes = new SimpleStringProperty(this, "minutes", "");
    private final Map<String, BooleanProperty> halfDays = new LinkedHashMap<>();
    private final ObservableList<LocalDate> avoidDates = FXCollections.observableArrayList();
    private final StringProperty avoidInput = new SimpleStringProperty(this, "avoidInput", "");
    private final ReadOnlyStringWrapper usual = new ReadOnlyStringWrapper(this, "usual", "");
    private final ReadOnlyStringWrapper wishError = new ReadOnlyStringWrapper(this, "wishError", "");
    private Consumer<String> onMessage = m -> {};

    public RequestQueueViewModel(
            RequestQueue queue,
            CaseService cases,
            ReferenceService reference,
            Clock clock,
            ZoneId zone,
            ResourceBundle texts,
            Executor background,
            Executor fx) {
        this.queue = queue;
        this.cases = cases;
        this.reference = reference;
        this.clock = clock;
        this.zone = zone;
        this.texts = texts;
        this.work = new BackgroundWork(background, fx);
        for (String h : HomeVisits.HALF_DAYS) {
            BooleanProperty p = new SimpleBooleanProperty(this, h);
            p.addListener((o, a, b) -> checkWish());
            halfDays.put(h, p);
        }
        mode.addListener((o, a, b) -> filter());
        urgentOnly.addListener((o, a, b) -> filter());
        counsellorKnown.addListener((o, a, b) -> filter());
        kind.addListener((o, a, b) -> {
            usual.set(MessageFormat.format(text("queue.wish.usual"), HomeVisits.usualMinutes(b)));
            checkWish();
        });
        usual.set(MessageFormat.format(text("queue.wish.usual"), HomeVisits.usualMinutes(kind.get())));
        minutes.addListener((o, a, b) -> checkWish());
        avoidDates.addListener((javafx.collections.ListChangeListener<LocalDate>) c -> checkWish());
        avoidInput.addListener((o, a, b) -> wishError.set(""));
    }

    public void setOnMessage(Consumer<String> onMessage) {
        this.onMessage = onMessage == null ? m -> {} : onMessage;
    }

    /** Reads the requests again (after a sync, an acceptance, a wish saved). */
    public CompletableFuture<Void> refresh() {
        record Loaded(List<QueueEntry> entries, Map<String, String> counsellors, Map<String, String> mobility) {}
        CompletableFuture<Void> done = new CompletableFuture<>();
        work.supply(
                "loading the requests queue",
                () -> new Loaded(
                        queue.open(),
                        reference.users(fr.mediance.protocol.Role.COUNSELLOR).stream()
                                .collect(Collectors.toMap(UserItem::id, UserItem::name, (a, b) -> a)),
                        reference.codes(ListNames.MOBILITY_REASON).stream()
                                .collect(Collectors.toMap(c -> c.code(), c -> c.label(), (a, b) -> a))),
                l -> {
                    LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
                    List<Row> w = new ArrayList<>();
                    List<Row> none = new ArrayList<>();
                    for (QueueEntry e : l.entries()) {
                        if (e.answered()) {
                            continue;
                        }
                        Row row = row(e, today, l.counsellors(), l.mobility());
                        (e.request().homeVisit() == null ? none : w).add(row);
                    }
                    w.sort(Comparator.comparing((Row r) -> r.deadline() == null ? LocalDate.MAX : r.deadline()));
                    waiting = w;
                    withoutWish = none;
                    filter();
                    done.complete(null);
                },
                e -> {
                    error.set(text("queue.loadFailed"));
                    done.complete(null);
                });
        return done;
    }

    private Row row(QueueEntry e, LocalDate today, Map<String, String> counsellors, Map<String, String> mobility) {
        RequestDto r = e.request();
        ResidentDto p = e.resident();
        HomeVisitDto wish = r.homeVisit();
        Optional<LocalDate> deadline = HomeVisits.deadline(r.urgencies(), r.courtDate(), r.receivedOn());
        boolean overdue = deadline.isPresent() && deadline.get().isBefore(today);
        String deadlineText = deadline.map(d -> MessageFormat.format(
                        text(overdue ? "queue.deadline.overdue" : "queue.deadline"), DATE.format(d)))
                .orElse("");
        String visit = wish == null
                ? text("queue.noWish")
                : MessageFormat.format(
                        text("queue.visit"), RoundsTexts.kind(wish.kind(), texts), HomeVisits.minutes(wish));
        String availability = wish == null ? "" : RoundsTexts.availability(wish.availability(), texts);
        String avoid = wish == null || wish.avoidDates().isEmpty()
                ? ""
                : MessageFormat.format(
                        text("queue.avoid"),
                        wish.avoidDates().stream().sorted().map(SHORT::format).collect(Collectors.joining(", ")));
        String counsellor = "";
        if (p != null && p.referentId() != null) {
            counsellor = MessageFormat.format(
                    text("queue.counsellor"),
                    counsellors.getOrDefault(p.referentId(), text("queue.counsellor.unknown")));
        }
        String mob = p == null || p.mobilityReason() == null
                ? ""
                : MessageFormat.format(
                        text("queue.mobility"), mobility.getOrDefault(p.mobilityReason(), p.mobilityReason()));
        String name = p == null ? text("queue.resident.absent") : displayName(p);
        return new Row(
                r.id(),
                r.residentId(),
                name,
                p == null || p.fileNumber() == null ? "" : p.fileNumber(),
                p == null ? "" : RoundsTexts.neighbourhood(p.postcode(), p.city()),
                visit,
                availability,
                avoid,
                counsellor,
                mob,
                p != null && p.location() != null,
                deadline.orElse(null),
                deadlineText,
                overdue,
                wish);
    }

    static String displayName(ResidentDto p) {
        String first = p.firstName() == null ? "" : p.firstName().strip();
        String last = p.lastName() == null ? "" : p.lastName().strip();
        return (first + " " + last).strip();
    }

    private void filter() {
        List<Row> source = mode.get() == Mode.WAITING ? waiting : withoutWish;
        rows.setAll(source.stream()
                .filter(r -> !urgentOnly.get() || r.urgent())
                .filter(r -> !counsellorKnown.get() || !r.counsellor().isEmpty())
                .toList());
        long urgent = waiting.stream().filter(Row::urgent).count();
        summary.set(MessageFormat.format(text("queue.summary"), waiting.size(), urgent, withoutWish.size()));
    }

    // --- the wish

    /** Opens the wish of a request for editing (a new wish, a follow-up visit at any time, when it has none). */
    public void edit(Row row) {
        HomeVisitDto w =
                row.wish() == null ? new HomeVisitDto(HomeVisits.FOLLOW_UP, null, List.of(), List.of()) : row.wish();
        editing.set(row);
        kind.set(w.kind());
        minutes.set(w.minutes() == null ? "" : Integer.toString(w.minutes()));
        halfDays.forEach((code, p) -> p.set(w.availability().contains(code)));
        avoidDates.setAll(w.avoidDates().stream().sorted().toList());
        avoidInput.set("");
        checkWish();
    }

    public void closeEditor() {
        editing.set(null);
        wishError.set("");
    }

    /** Adds the typed day to avoid ({@code dd/MM/yyyy}); a wrong date is said and kept for correction. */
    public boolean addAvoidDate() {
        String t = avoidInput.get() == null ? "" : avoidInput.get().strip();
        LocalDate d;
        try {
            d = LocalDate.parse(t, DATE);
        } catch (DateTimeParseException e) {
            wishError.set(text("queue.wish.avoid.invalid"));
            return false;
        }
        if (!avoidDates.contains(d)) {
            avoidDates.add(d);
            FXCollections.sort(avoidDates);
        }
        avoidInput.set("");
        return true;
    }

    public void removeAvoidDate(LocalDate d) {
        avoidDates.remove(d);
    }

    /** The wish as typed, or empty (with {@link #wishErrorProperty()} set) when its length is not a number. */
    private Optional<HomeVisitDto> typed() {
        String m = minutes.get() == null ? "" : minutes.get().strip();
        Integer own = null;
        if (!m.isEmpty()) {
            try {
                own = Integer.valueOf(m);
            } catch (NumberFormatException e) {
                wishError.set(text("queue.wish.minutes.invalid"));
                return Optional.empty();
            }
        }
        List<String> avail = halfDays.entrySet().stream()
                .filter(e -> e.getValue().get())
                .map(Map.Entry::getKey)
                .toList();
        return Optional.of(new HomeVisitDto(kind.get(), own, avail, List.copyOf(avoidDates)));
    }

    /** Checks the wish as typed with the shared rule; true when it may be saved. */
    private boolean checkWish() {
        Optional<HomeVisitDto> w = typed();
        if (w.isEmpty()) {
            return false;
        }
        Optional<Casework.Violation> v = HomeVisits.check(w.get());
        wishError.set(v.map(Casework.Violation::message).orElse(""));
        return v.isEmpty();
    }

    /** Saves the wish to the request on this device (queued for the office); false when it is refused. */
    public CompletableFuture<Boolean> saveWish() {
        Row row = editing.get();
        if (row == null || !checkWish()) {
            return CompletableFuture.completedFuture(false);
        }
        HomeVisitDto wish = typed().orElseThrow();
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        work.supply(
                "saving a home-visit wish",
                () -> cases.setHomeVisit(row.requestId(), wish),
                (Outcome<RequestDto> o) -> {
                    if (o.isOk()) {
                        editing.set(null);
                        onMessage.accept(text("queue.wish.saved"));
                        refresh().thenRun(() -> done.complete(true));
                    } else {
                        wishError.set(o.message());
                        done.complete(false);
                    }
                },
                e -> {
                    wishError.set(text("queue.wish.failed"));
                    done.complete(false);
                });
        return done;
    }

    private String text(String key) {
        return texts.getString(key);
    }

    // --- properties

    public ObservableList<Row> rows() {
        return rows;
    }

    public ObjectProperty<Mode> modeProperty() {
        return mode;
    }

    public BooleanProperty urgentOnlyProperty() {
        return urgentOnly;
    }

    public BooleanProperty counsellorKnownProperty() {
        return counsellorKnown;
    }

    /** « 5 demandes à visiter, dont 2 urgentes · 3 sans souhait de visite ». */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The request whose wish is being edited (null: none). */
    public ReadOnlyObjectProperty<Row> editingProperty() {
        return editing.getReadOnlyProperty();
    }

    /** The visit kind of the wish ({@link HomeVisits#KINDS}). */
    public StringProperty kindProperty() {
        return kind;
    }

    /** The visit's own length in minutes as typed; blank: the kind's usual length. */
    public StringProperty minutesProperty() {
        return minutes;
    }

    /** Whether the person can receive on a half-day ({@link HomeVisits#HALF_DAYS}); none ticked: any time. */
    public BooleanProperty halfDayProperty(String code) {
        return halfDays.get(code);
    }

    public ObservableList<LocalDate> avoidDates() {
        return avoidDates;
    }

    /** The day to avoid being typed ({@code dd/MM/yyyy}). */
    public StringProperty avoidInputProperty() {
        return avoidInput;
    }

    /** « Durée habituelle : 90 min » for the chosen kind. */
    public ReadOnlyStringProperty usualProperty() {
        return usual.getReadOnlyProperty();
    }

    /** Why the wish cannot be saved as typed (empty: it can). */
    public ReadOnlyStringProperty wishErrorProperty() {
        return wishError.getReadOnlyProperty();
    }

    /** The name of a visit kind. */
    public String kindLabel(String code) {
        return RoundsTexts.kind(code, texts);
    }

    /** « lundi matin » for {@code mon_am}. */
    public String halfDayLabel(String code) {
        return RoundsTexts.halfDay(code, texts);
    }

    public String dateText(LocalDate d) {
        return DATE.format(d);
    }
}
