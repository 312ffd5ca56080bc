package fr.mediance.app.core.rounds;

import fr.mediance.app.core.BackgroundWork;
import fr.mediance.app.core.agenda.Acceptance;
import fr.mediance.app.core.agenda.AgendaService;
import fr.mediance.app.core.agenda.ProposedVisit;
import fr.mediance.app.core.reference.ReferenceService;
import fr.mediance.app.core.reference.UserItem;
import fr.mediance.app.core.remote.RemoteClient;
import fr.mediance.app.core.remote.RemoteResult;
import fr.mediance.protocol.Casework;
import fr.mediance.protocol.ProposedRoundDto;
import fr.mediance.protocol.ProposedStopDto;
import fr.mediance.protocol.ResidentDto;
import fr.mediance.protocol.Role;
import fr.mediance.protocol.Rounds;
import fr.mediance.protocol.UnplannedRequestDto;
import fr.mediance.protocol.WeekProposalDto;
import fr.mediance.protocol.WeekProposalRequest;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * « Proposer la semaine » (coordination, online only): the office server computes a week of rounds for the chosen
 * counsellors and returns it without saving anything; this screen shows it — totals, each counsellor's day in order
 * with the travel before each stop, why each visit is where it is, the appointments already there as fixed, the
 * requests left out and why, the problems in the data — and the coordinator accepts all of it, some or none. What is
 * accepted becomes appointments (status proposed) on this device, in one transaction, that reach the tablets by the
 * usual sync. While the server computes, the request may be cancelled: its answer is then ignored.
 */
public final class WeekProposalViewModel {
    /** Where the screen is. */
    public enum State {
        /** Choosing the week, the counsellors and the search time. */
        CHOOSING,
        /** The office server is computing. */
        COMPUTING,
        /** A proposal is shown. */
        SHOWN
    }

    /** The search times offered, in seconds (within the read timeout of the link). */
    public static final List<Integer> SEARCH_SECONDS = List.of(4, Rounds.DEFAULT_SEARCH_SECONDS, 15, 25);

    /** A counsellor to plan for, ticked or not. */
    public record CounsellorChoice(String id, String name, BooleanProperty selected) {}

    /** A stop of a proposed round: a proposed visit (selectable) or an appointment already there (fixed). */
    public static final class Stop {
        private final ProposedStopDto dto;
        private final String counsellorId;
        private final String time;
        private final String name;
        private final String details;
        private final BooleanProperty selected = new SimpleBooleanProperty(this, "selected", true);
        private final BooleanProperty explained = new SimpleBooleanProperty(this, "explained");
        private final ReadOnlyBooleanWrapper accepted = new ReadOnlyBooleanWrapper(this, "accepted");

        Stop(ProposedStopDto dto, String counsellorId, String time, String name, String details) {
            this.dto = dto;
            this.counsellorId = counsellorId;
            this.time = time;
            this.name = name;
            this.details = details;
            if (!isVisit()) {
                selected.set(false);
            }
        }

        public boolean isVisit() {
            return Rounds.STOP_VISIT.equals(dto.kind());
        }

        public ProposedStopDto dto() {
            return dto;
        }

        public String counsellorId() {
            return counsellorId;
        }

        /** « 09:10 – 10:40 ». */
        public String time() {
            return time;
        }

        /** The resident's name from this device (empty when the file is not here). */
        public String name() {
            return name;
        }

        /** « D-2026-014 · Première visite · 25 min de trajet ». */
        public String details() {
            return details;
        }

        public List<String> explanations() {
            return dto.explanations();
        }

        public boolean locked() {
            return dto.locked();
        }

        /** Whether this proposed visit is to be accepted (always false for an appointment already there). */
        public BooleanProperty selectedProperty() {
            return selected;
        }

        /** Whether the explanations are shown. */
        public BooleanProperty explainedProperty() {
            return explained;
        }

        /** Whether this visit has become an appointment on this device. */
        public ReadOnlyBooleanProperty acceptedProperty() {
            return accepted.getReadOnlyProperty();
        }
    }

    /** One counsellor's proposed day. */
    public record Round(
            ProposedRoundDto dto, String title, String departure, String back, String travel, List<Stop> stops) {
        /** Ticks or unticks every proposed visit of the day not yet accepted. */
        public void select(boolean on) {
            stops.stream().filter(s -> s.isVisit() && !s.accepted.get()).forEach(s -> s.selected.set(on));
        }
    }

    /** A request the proposal left out: who, and the server's French reason. */
    public record Unplanned(String name, String fileNumber, String message) {}

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final Supplier<Optional<RemoteClient>> remote;
    private final ObservableBooleanValue online;
    private final RequestQueue queue;
    private final AgendaService agenda;
    private final ReferenceService reference;
    private final Clock clock;
    private final ZoneId zone;
    private final ResourceBundle texts;
    private final BackgroundWork work;

    private final ObservableList<LocalDate> weeks = FXCollections.observableArrayList();
    private final ObjectProperty<LocalDate> week = new SimpleObjectProperty<>(this, "week");
    private final ObservableList<CounsellorChoice> counsellors = FXCollections.observableArrayList();
    private final IntegerProperty seconds = new SimpleIntegerProperty(this, "seconds", Rounds.DEFAULT_SEARCH_SECONDS);
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.CHOOSING);
    private final ReadOnlyObjectWrapper<WeekProposalDto> proposal = new ReadOnlyObjectWrapper<>(this, "proposal");
    private final ObservableList<Round> rounds = FXCollections.observableArrayList();
    private final ObservableList<Unplanned> unplanned = FXCollections.observableArrayList();
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper totals = new ReadOnlyStringWrapper(this, "totals", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper(this, "result", "");
    private final ReadOnlyBooleanWrapper accepting = new ReadOnlyBooleanWrapper(this, "accepting");
    /** Bumped by each request and each cancellation: an answer of an older one is ignored. */
    private long generation;

    private Consumer<Acceptance> onAccepted = a -> {};

    public WeekProposalViewModel(
            Supplier<Optional<RemoteClient>> remote,
            ObservableBooleanValue online,
            RequestQueue queue,
            AgendaService agenda,
            ReferenceService reference,
            Clock clock,
            ZoneId zone,
            ResourceBundle texts,
            Executor background,
            Executor fx) {
        this.remote = remote;
        this.online = online;
        this.queue = queue;
        this.agenda = agenda;
        this.reference = reference;
        this.clock = clock;
        this.zone = zone;
        this.texts = texts;
        this.work = new BackgroundWork(background, fx);
        LocalDate thisMonday = Rounds.monday(today());
        for (int i = 0; i <= 4; i++) {
            weeks.add(thisMonday.plusWeeks(i));
        }
        week.set(thisMonday.plusWeeks(1));
    }

    /** Called with what an acceptance did (to list the persons to inform). */
    public void setOnAccepted(Consumer<Acceptance> onAccepted) {
        this.onAccepted = onAccepted == null ? a -> {} : onAccepted;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    /** Loads the counsellors (asking the office for the current list when online), all ticked. */
    public CompletableFuture<Void> load() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        boolean ask = online.get();
        work.supply(
                "loading the counsellors",
                () -> {
                    if (ask) {
                        reference.refreshUsers(); // offline or refused: the list held here is used
                    }
                    return reference.users(Role.COUNSELLOR);
                },
                (List<UserItem> users) -> {
                    counsellors.setAll(users.stream()
                            .map(u -> new CounsellorChoice(u.id(), u.name(), new SimpleBooleanProperty(true)))
                            .toList());
                    done.complete(null);
                },
                e -> done.complete(null));
        return done;
    }

    /** « Semaine du 30/11/2026 (la prochaine) ». */
    public String weekLabel(LocalDate monday) {
        LocalDate thisMonday = Rounds.monday(today());
        String key = monday.equals(thisMonday)
                ? "proposal.week.current"
                : monday.equals(thisMonday.plusWeeks(1)) ? "proposal.week.next" : "proposal.week";
        return MessageFormat.format(text(key), DAY.format(monday));
    }

    public void selectAllCounsellors(boolean on) {
        counsellors.forEach(c -> c.selected().set(on));
    }

    /** Asks the office server for a proposal; offline or signed out, says so and asks nothing. */
    public void propose() {
        error.set("");
        result.set("");
        if (!online.get()) {
            error.set(text("proposal.offline"));
            return;
        }
        Optional<RemoteClient> client = remote.get();
        if (client.isEmpty()) {
            error.set(text("proposal.signIn"));
            return;
        }
        List<String> chosen = counsellors.stream()
                .filter(c -> c.selected().get())
                .map(CounsellorChoice::id)
                .toList();
        if (!counsellors.isEmpty() && chosen.isEmpty()) {
            error.set(text("proposal.counsellors.none"));
            return;
        }
        WeekProposalRequest request = new WeekProposalRequest(
                week.get(), chosen.size() == counsellors.size() ? List.of() : chosen, seconds.get());
        Optional<Casework.Violation> bad = Rounds.check(request, today());
        if (bad.isPresent()) {
            error.set(bad.get().message());
            return;
        }
        long mine = ++generation;
        state.set(State.COMPUTING);
        record Answer(
                RemoteResult<WeekProposalDto> result, Map<String, ResidentDto> residents, Map<String, String> names) {}
        work.supply(
                "proposing a week of rounds",
                () -> {
                    RemoteResult<WeekProposalDto> r = client.get().proposeWeek(request);
                    Map<String, ResidentDto> residents = Map.of();
                    if (r instanceof RemoteResult.Ok<WeekProposalDto> ok) {
                        Set<String> ids = new HashSet<>();
                        ok.value().rounds().forEach(d -> d.stops().forEach(s -> ids.add(s.residentId())));
                        ok.value().unplanned().forEach(u -> ids.add(u.residentId()));
                        residents = queue.residents(ids);
                    }
                    Map<String, String> names = reference.users(Role.COUNSELLOR).stream()
                            .collect(Collectors.toMap(UserItem::id, UserItem::name, (a, b) -> a));
                    return new Answer(r, residents, names);
                },
                a -> {
                    if (mine != generation) {
                        return; // cancelled meanwhile
                    }
                    if (a.result() instanceof RemoteResult.Ok<WeekProposalDto> ok) {
                        show(ok.value(), a.residents(), a.names());
                    } else {
                        state.set(proposal.get() == null ? State.CHOOSING : State.SHOWN);
                        error.set(a.result().userMessage());
                    }
                },
                e -> {
                    if (mine == generation) {
                        state.set(proposal.get() == null ? State.CHOOSING : State.SHOWN);
                        error.set(text("proposal.failed"));
                    }
                });
    }

    /** Stops waiting for the office server: its answer, when it comes, is ignored. */
    public void cancel() {
        if (state.get() != State.COMPUTING) {
            return;
        }
        generation++;
        state.set(proposal.get() == null ? State.CHOOSING : State.SHOWN);
        result.set(text("proposal.cancelled"));
    }

    /** Back to the choices (the proposal shown is dropped). */
    public void again() {
        generation++;
        proposal.set(null);
        rounds.clear();
        unplanned.clear();
        problems.clear();
        totals.set("");
        result.set("");
        state.set(State.CHOOSING);
    }

    private void show(WeekProposalDto p, Map<String, ResidentDto> residents, Map<String, String> names) {
        List<Round> out = new ArrayList<>();
        for (ProposedRoundDto r : p.rounds()) {
            List<Stop> stops = new ArrayList<>();
            for (ProposedStopDto s : r.stops()) {
                ResidentDto who = residents.get(s.residentId());
                String name = who == null ? "" : RequestQueueViewModel.displayName(who);
                String file = s.fileNumber() != null ? s.fileNumber() : who == null ? "" : who.fileNumber();
                List<String> parts = new ArrayList<>();
                if (file != null && !file.isBlank()) {
                    parts.add(file);
                }
                parts.add(
                        Rounds.STOP_VISIT.equals(s.kind())
                                ? (s.visitKind() == null
                                        ? text("proposal.stop.visit")
                                        : RoundsTexts.kind(s.visitKind(), texts))
                                : text("proposal.stop.fixed"));
                parts.add(MessageFormat.format(text("proposal.travelBefore"), s.travelMinutesBefore()));
                stops.add(new Stop(
                        s, r.counsellorId(), time(s.start()) + " – " + time(s.end()), name, String.join(" · ", parts)));
            }
            String day =
                    r.date().getDayOfWeek().getDisplayName(TextStyle.FULL, fr.mediance.app.core.Texts.locale(texts));
            String title = MessageFormat.format(
                    text("proposal.round.title"),
                    day,
                    DateTimeFormatter.ofPattern("dd/MM").format(r.date()),
                    names.getOrDefault(r.counsellorId(), r.counsellorId()));
            out.add(new Round(
                    r,
                    title,
                    MessageFormat.format(text("proposal.departure"), time(r.departure())),
                    MessageFormat.format(text("proposal.back"), time(r.back()), r.travelBackMinutes()),
                    MessageFormat.format(text("proposal.round.travel"), r.travelMinutes()),
                    List.copyOf(stops)));
        }
        rounds.setAll(out);
        unplanned.setAll(p.unplanned().stream()
                .map((UnplannedRequestDto u) -> {
                    ResidentDto who = residents.get(u.residentId());
                    return new Unplanned(
                            who == null ? "" : RequestQueueViewModel.displayName(who),
                            u.fileNumber() == null ? "" : u.fileNumber(),
                            u.message());
                })
                .toList());
        problems.setAll(p.problems());
        totals.set(MessageFormat.format(
                text("proposal.totals"),
                p.plannedVisits(),
                p.travelMinutes(),
                p.unplanned().size(),
                text(Rounds.TRAVEL_ROADS.equals(p.travel()) ? "proposal.travel.roads" : "proposal.travel.straight")));
        proposal.set(p);
        state.set(State.SHOWN);
    }

    private String time(Instant t) {
        return t == null ? "" : HH_MM.format(t.atZone(zone));
    }

    /** Ticks or unticks every proposed visit not yet accepted. */
    public void selectAll(boolean on) {
        rounds.forEach(r -> r.select(on));
    }

    /** The proposed visits ticked and not yet accepted. */
    public List<Stop> selected() {
        return rounds.stream()
                .flatMap(r -> r.stops().stream())
                .filter(s -> s.isVisit() && s.selected.get() && !s.accepted.get())
                .toList();
    }

    /**
     * Creates the ticked visits as appointments (status proposed) on this device in one transaction; those that now
     * overlap an appointment here, or whose request is already answered, are left aside and named.
     */
    public CompletableFuture<Acceptance> accept() {
        List<Stop> chosen = selected();
        if (chosen.isEmpty()) {
            result.set(text("proposal.accept.none"));
            return CompletableFuture.completedFuture(new Acceptance(List.of(), List.of(), List.of(), List.of()));
        }
        List<ProposedVisit> visits = chosen.stream()
                .map(s -> new ProposedVisit(
                        s.dto.requestId(), s.dto.residentId(), s.counsellorId, s.dto.start(), s.dto.end()))
                .toList();
        accepting.set(true);
        CompletableFuture<Acceptance> done = new CompletableFuture<>();
        work.supply(
                "accepting proposed visits",
                () -> agenda.acceptProposed(visits),
                (Acceptance a) -> {
                    accepting.set(false);
                    Set<String> created = a.created().stream()
                            .map(i -> i.residentId() + "|" + i.start())
                            .collect(Collectors.toSet());
                    for (Stop s : chosen) {
                        if (created.contains(s.dto.residentId() + "|" + s.dto.start())) {
                            s.accepted.set(true);
                            s.selected.set(false);
                        }
                    }
                    result.set(describe(a, chosen));
                    onAccepted.accept(a);
                    done.complete(a);
                },
                e -> {
                    accepting.set(false);
                    error.set(text("proposal.accept.failed"));
                    done.completeExceptionally(e);
                });
        return done;
    }

    /** « 3 visites acceptées … · 2 visites non retenues : D-2 (chevauche un rendez-vous), D-5 (déjà planifiée) ». */
    private String describe(Acceptance a, List<Stop> chosen) {
        List<String> parts = new ArrayList<>();
        if (!a.created().isEmpty()) {
            parts.add(
                    MessageFormat.format(text("proposal.accepted"), a.created().size()));
        }
        List<String> left = new ArrayList<>();
        for (ProposedVisit v : a.overlapping()) {
            left.add(MessageFormat.format(text("proposal.skipped.overlap"), label(v, chosen)));
        }
        for (ProposedVisit v : a.alreadyAnswered()) {
            left.add(MessageFormat.format(text("proposal.skipped.answered"), label(v, chosen)));
        }
        for (ProposedVisit v : a.notHere()) {
            left.add(MessageFormat.format(text("proposal.skipped.notHere"), label(v, chosen)));
        }
        if (!left.isEmpty()) {
            parts.add(MessageFormat.format(text("proposal.skipped"), left.size(), String.join(", ", left)));
        }
        return String.join(" ", parts);
    }

    private String label(ProposedVisit v, List<Stop> chosen) {
        return chosen.stream()
                .filter(s -> java.util.Objects.equals(s.dto.requestId(), v.requestId()))
                .findFirst()
                .map(s -> {
                    String f = s.dto.fileNumber();
                    return (f == null || f.isBlank() ? s.name : f) + " " + time(v.start());
                })
                .orElse(time(v.start()));
    }

    private String text(String key) {
        return texts.getString(key);
    }

    // --- properties

    /** The weeks that may be proposed: this one and the four next. */
    public ObservableList<LocalDate> weeks() {
        return weeks;
    }

    /** The Monday of the week to propose (the next one by default). */
    public ObjectProperty<LocalDate> weekProperty() {
        return week;
    }

    public ObservableList<CounsellorChoice> counsellors() {
        return counsellors;
    }

    /** How long the server may search, in seconds. */
    public IntegerProperty secondsProperty() {
        return seconds;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<WeekProposalDto> proposalProperty() {
        return proposal.getReadOnlyProperty();
    }

    public ObservableList<Round> rounds() {
        return rounds;
    }

    public ObservableList<Unplanned> unplanned() {
        return unplanned;
    }

    public ObservableList<String> problems() {
        return problems;
    }

    /** « 6 visites proposées · 95 min de trajet · 1 demande laissée de côté ». */
    public ReadOnlyStringProperty totalsProperty() {
        return totals.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** What the last acceptance (or cancellation) did. */
    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty acceptingProperty() {
        return accepting.getReadOnlyProperty();
    }

    public ObservableBooleanValue onlineProperty() {
        return online;
    }
}
