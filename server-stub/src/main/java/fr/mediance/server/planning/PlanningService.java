package fr.mediance.server.planning;

import fr.mediance.planning.StraightLineTravel;
import fr.mediance.planning.TravelModel;
import fr.mediance.planning.week.WeekPlan;
import fr.mediance.planning.week.WeekPlanner;
import fr.mediance.protocol.Casework;
import fr.mediance.protocol.CounsellorScheduleDto;
import fr.mediance.protocol.FieldErrorDto;
import fr.mediance.protocol.GeoPointDto;
import fr.mediance.protocol.PlanningSettingsDto;
import fr.mediance.protocol.Role;
import fr.mediance.protocol.Rounds;
import fr.mediance.protocol.WeekProposalDto;
import fr.mediance.protocol.WeekProposalRequest;
import fr.mediance.server.DomainException;
import fr.mediance.server.auth.AuthUser;
import fr.mediance.server.db.Database;
import fr.mediance.server.geo.Geocoder;
import fr.mediance.server.geo.RoadTravel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rounds at the office: the structure's settings (the office every round starts from, the travel estimate), the
 * counsellors' working hours, and the week's proposal ({@link WeekPlanner}), computed from the database and never
 * saved. Who may do what: the coordination and the admin change the settings and the hours and ask for a proposal;
 * the office reads the settings; a counsellor reads their own hours. Everything stays within the caller's structure.
 *
 * <p>One proposal is computed at a time on the server: the search keeps a core busy for its whole time limit, and
 * the office server has few. A second request meanwhile is answered 503 with {@code Retry-After}.
 */
public final class PlanningService {
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** The search's random seed: the same data gives the same proposal. */
    private static final long SEED = 20261207L;

    static final String OFFICE_UNKNOWN =
            "Placez d'abord le local de la structure sur la carte (Réglages des tournées).";
    private static final Pattern POSTCODE = Pattern.compile("^(.*?)[,\\s]+(\\d{5})\\s+(.+)$");

    private final Database db;
    private final Clock clock;
    private final RoadTravel roads;
    private final List<Geocoder> geocoders;
    private final PlanningStore store = new PlanningStore();
    private final Semaphore computing = new Semaphore(1);
    /** When the proposal being computed should be done (its time limit from its start), in clock millis. */
    private volatile long busyUntil;

    private volatile Runnable beforeSearch = () -> {};

    /**
     * @param roads road travel times (an OpenStreetMap extract), or null: the straight-line estimate of the settings
     * @param geocoders tried in order to place the office from its address (may be empty)
     */
    public PlanningService(Database db, Clock clock, RoadTravel roads, List<Geocoder> geocoders) {
        this.db = db;
        this.clock = clock;
        this.roads = roads;
        this.geocoders = List.copyOf(geocoders);
    }

    /**
     * Runs {@code hook} on the computing thread once a proposal holds the server's one computing place, before the
     * search starts: lets a test hold a proposal in flight without timing.
     */
    public void beforeSearch(Runnable hook) {
        this.beforeSearch = hook == null ? () -> {} : hook;
    }

    // --- settings

    PlanningSettingsDto settings(AuthUser caller) {
        return db.read(tx -> toDto(store.settings(tx, caller.structureId())));
    }

    private PlanningSettingsDto toDto(Optional<PlanningStore.Settings> saved) {
        if (saved.isEmpty()) {
            return new PlanningSettingsDto(
                    null, null, Rounds.DEFAULT_DETOUR_FACTOR, Rounds.DEFAULT_SPEED_KMH, roads != null, null, null);
        }
        PlanningStore.Settings s = saved.get();
        return new PlanningSettingsDto(
                s.officeAddress(),
                s.office(),
                s.detourFactor(),
                s.speedKmh(),
                roads != null,
                s.updatedAt(),
                s.updatedBy());
    }

    PlanningSettingsDto saveSettings(AuthUser caller, PlanningSettingsDto wanted) {
        requirePlanner(caller, "Seuls la coordination et l'administrateur changent les réglages des tournées.");
        reject(Rounds.check(wanted));
        String address =
                wanted.officeAddress() == null || wanted.officeAddress().isBlank()
                        ? null
                        : wanted.officeAddress().strip();
        GeoPointDto office = wanted.office();
        if (office == null && address != null) {
            office = place(address).orElse(null); // not found: the address is kept, the app asks for a pin
        }
        PlanningStore.Settings s = new PlanningStore.Settings(
                address,
                office,
                wanted.detourFactor(),
                wanted.speedKmh(),
                clock.instant().truncatedTo(ChronoUnit.MILLIS),
                caller.id());
        return db.inTransaction(tx -> {
            store.saveSettings(tx, caller.structureId(), s);
            return toDto(Optional.of(s));
        });
    }

    /** The office's point from its address ("12 rue Colbert, 13001 Marseille"), if a geocoder finds it. */
    private Optional<GeoPointDto> place(String address) {
        Matcher m = POSTCODE.matcher(address);
        if (!m.matches()) {
            return Optional.empty();
        }
        for (Geocoder g : geocoders) {
            Geocoder.Result r =
                    g.locate(m.group(1).strip(), m.group(2), m.group(3).strip());
            if (r instanceof Geocoder.Found f) {
                return Optional.of(f.point());
            }
        }
        return Optional.empty();
    }

    // --- schedules

    List<CounsellorScheduleDto> schedules(AuthUser caller) {
        requirePlanner(caller, "Seuls la coordination et l'administrateur voient les horaires de toute l'équipe.");
        return db.read(tx -> {
            Map<String, PlanningStore.SavedSchedule> saved = store.schedules(tx, caller.structureId());
            return store.activeCounsellors(tx, caller.structureId()).stream()
                    .map(a -> schedule(a, Optional.ofNullable(saved.get(a.id()))))
                    .toList();
        });
    }

    CounsellorScheduleDto schedule(AuthUser caller, String counsellorId) {
        return db.read(tx -> {
            PlanningStore.Account a = counsellorOfStructure(caller, store.account(tx, counsellorId));
            if (caller.is(Role.COUNSELLOR) && !a.id().equals(caller.id())) {
                throw DomainException.forbidden("Un conseiller ne voit que ses propres horaires.");
            }
            return schedule(a, store.schedule(tx, a.id()));
        });
    }

    CounsellorScheduleDto saveSchedule(AuthUser caller, String counsellorId, CounsellorScheduleDto wanted) {
        requirePlanner(caller, "Seuls la coordination et l'administrateur changent les horaires des conseillers.");
        reject(Rounds.check(wanted));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return db.inTransaction(tx -> {
            PlanningStore.Account a = counsellorOfStructure(caller, store.account(tx, counsellorId));
            CounsellorScheduleDto kept = new CounsellorScheduleDto(
                    a.id(),
                    null,
                    wanted.days(),
                    wanted.lunchMinutes() == 0 ? null : wanted.lunchEarliest(),
                    wanted.lunchMinutes() == 0 ? null : wanted.lunchLatest(),
                    wanted.lunchMinutes(),
                    wanted.daysOff().stream().sorted().toList(),
                    false,
                    null);
            store.saveSchedule(tx, caller.structureId(), kept, now, caller.id());
            return schedule(a, Optional.of(new PlanningStore.SavedSchedule(kept, now)));
        });
    }

    /** What the app shows: the saved hours with the account's name, or the standard ones. */
    static CounsellorScheduleDto schedule(PlanningStore.Account a, Optional<PlanningStore.SavedSchedule> saved) {
        if (saved.isEmpty()) {
            return Rounds.standard(a.id(), a.displayName());
        }
        CounsellorScheduleDto s = saved.get().schedule();
        return new CounsellorScheduleDto(
                a.id(),
                a.displayName(),
                s.days(),
                s.lunchEarliest(),
                s.lunchLatest(),
                s.lunchMinutes(),
                s.daysOff(),
                false,
                saved.get().updatedAt());
    }

    private static PlanningStore.Account counsellorOfStructure(AuthUser caller, Optional<PlanningStore.Account> found) {
        PlanningStore.Account a = found.filter(x -> x.structureId().equals(caller.structureId()))
                .orElseThrow(() -> DomainException.notFound(
                        "counsellor_not_found", "Ce conseiller est introuvable dans votre structure."));
        if (a.role() != Role.COUNSELLOR) {
            throw new DomainException(
                    DomainException.Kind.UNPROCESSABLE,
                    "not_a_counsellor",
                    "Ce compte n'est pas celui d'un conseiller : il n'a pas d'horaires de tournées.");
        }
        return a;
    }

    // --- the week's proposal

    WeekProposalDto propose(AuthUser caller, WeekProposalRequest request) {
        requirePlanner(caller, "Seuls la coordination et l'administrateur demandent une proposition de semaine.");
        LocalDate today = LocalDate.ofInstant(clock.instant(), PARIS);
        reject(Rounds.check(request, today));
        int seconds = request.seconds() == null ? Rounds.DEFAULT_SEARCH_SECONDS : request.seconds();
        if (!computing.tryAcquire()) {
            long left = (busyUntil - clock.millis() + 999) / 1000;
            throw new DomainException(
                            DomainException.Kind.UNAVAILABLE,
                            "planner_busy",
                            "Une autre proposition de semaine est en cours de calcul sur le serveur : réessayez dans "
                                    + "quelques secondes.")
                    .withHeader("Retry-After", String.valueOf(Math.max(1, Math.min(Rounds.MAX_SEARCH_SECONDS, left))));
        }
        try {
            busyUntil = clock.millis() + seconds * 1000L;
            WeekInput input = db.read(tx -> {
                PlanningStore.Settings s = store.settings(tx, caller.structureId())
                        .filter(x -> x.office() != null)
                        .orElseThrow(() ->
                                new DomainException(DomainException.Kind.CONFLICT, "office_unknown", OFFICE_UNKNOWN));
                return WeekInput.load(tx, store, caller.structureId(), request, s, today);
            });
            StraightLineTravel estimate = new StraightLineTravel(input.detourFactor(), input.speedKmh());
            // a point the roads cannot place gets the office's own estimate
            RoadTravel byRoad = roads != null ? roads.withFallback(estimate) : null;
            TravelModel travel = byRoad != null ? byRoad : estimate;
            beforeSearch.run();
            WeekPlan plan = new WeekPlanner(travel, WeekPlanner.DEFAULT_CONTINUITY_MINUTES, SEED)
                    .propose(input.problem(), Duration.ofSeconds(seconds));
            WeekProposalDto written = ProposalWriter.write(
                    input,
                    plan,
                    clock.instant().truncatedTo(ChronoUnit.MILLIS),
                    byRoad != null ? Rounds.TRAVEL_ROADS : Rounds.TRAVEL_STRAIGHT_LINE);
            return byRoad == null || byRoad.fallbacks() == 0 ? written : withOffRoadNote(written, byRoad.fallbacks());
        } finally {
            computing.release();
        }
    }

    // --- helpers

    private static void requirePlanner(AuthUser caller, String message) {
        if (!caller.is(Role.COORDINATOR) && !caller.is(Role.ADMIN)) {
            throw DomainException.forbidden(message);
        }
    }

    static void reject(Optional<Casework.Violation> violation) {
        if (violation.isPresent()) {
            Casework.Violation v = violation.get();
            throw new DomainException(
                    DomainException.Kind.INVALID,
                    v.code(),
                    v.message(),
                    List.of(new FieldErrorDto(v.field(), v.message())));
        }
    }

    /** The proposal with a note that some trips could not be measured on the roads (an address off the extract). */
    private static WeekProposalDto withOffRoadNote(WeekProposalDto w, long estimatedTrips) {
        java.util.List<String> problems = new java.util.ArrayList<>(w.problems());
        problems.add(
                estimatedTrips + " trajets touchent une adresse hors du réseau routier configuré : ils sont estimés"
                        + " à vol d'oiseau (facteur de détour et vitesse des réglages des tournées).");
        return new WeekProposalDto(
                w.monday(),
                w.computedAt(),
                w.travel(),
                w.travelMinutes(),
                w.plannedVisits(),
                w.rounds(),
                w.unplanned(),
                problems);
    }
}
