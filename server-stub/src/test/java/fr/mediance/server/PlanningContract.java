package fr.mediance.server;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.protocol.ApiPaths;
import fr.mediance.protocol.AppointmentDto;
import fr.mediance.protocol.Casework;
import fr.mediance.protocol.CounsellorScheduleDto;
import fr.mediance.protocol.CounsellorSchedulesResponse;
import fr.mediance.protocol.GeoPointDto;
import fr.mediance.protocol.HomeVisitDto;
import fr.mediance.protocol.HomeVisits;
import fr.mediance.protocol.PlanningSettingsDto;
import fr.mediance.protocol.ProblemDto;
import fr.mediance.protocol.ProposedRoundDto;
import fr.mediance.protocol.ProposedStopDto;
import fr.mediance.protocol.RequestDto;
import fr.mediance.protocol.ResidentDto;
import fr.mediance.protocol.Role;
import fr.mediance.protocol.Rounds;
import fr.mediance.protocol.UnplannedRequestDto;
import fr.mediance.protocol.WeekProposalDto;
import fr.mediance.protocol.WeekProposalRequest;
import fr.mediance.protocol.WorkingDayDto;
import fr.mediance.protocol.json.MedianceJson;
import fr.mediance.server.demo.DemoSeeder;
import fr.mediance.server.geo.AddressKey;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The rounds against the real server on one database kind: the structure's settings, the counsellors' hours, and
 * the week's proposal computed from the demo's waiting requests. The clock is Thursday 26/11/2026; the week
 * proposed is the next one, from Monday 30/11.
 */
abstract class PlanningContract extends SyncScenario {
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);

    // --- helpers

    TestServer.Response put(String path, String token, Object body) {
        return server.send(server.request(path, token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(MedianceJson.gson().toJson(body))));
    }

    TestServer.Response propose(String token, WeekProposalRequest r) {
        return server.post(ApiPaths.PLANNING_PROPOSALS, token, r);
    }

    WeekProposalDto nextWeek() {
        return propose(coord, new WeekProposalRequest(MONDAY, List.of(), 1)).as(WeekProposalDto.class);
    }

    static ProblemDto problem(TestServer.Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        return r.problem();
    }

    void exec(String sql, Object... args) {
        try (var c = server.db.dataSource().getConnection();
                var ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An account of the demo's kind (the test password), in {@code structure}. */
    String newAccount(String id, String structure, String username, Role role, String displayName) {
        exec(
                "INSERT INTO users (id, structure_id, username, display_name, role, password_hash, created_at) "
                        + "SELECT ?, ?, ?, ?, ?, password_hash, created_at FROM users WHERE id = ?",
                id,
                structure,
                username,
                displayName,
                role.code(),
                DemoSeeder.COORD);
        return server.token(username);
    }

    String otherStructureCoordinator() {
        exec("INSERT INTO structures (id, name, created_at) VALUES ('autre-structure', 'Autre structure', 0)");
        return newAccount(
                "autre-coord", "autre-structure", "coord-ailleurs", Role.COORDINATOR, "Coordination ailleurs");
    }

    static List<ProposedStopDto> visits(WeekProposalDto w) {
        return w.rounds().stream()
                .flatMap(r -> r.stops().stream())
                .filter(s -> s.kind().equals(Rounds.STOP_VISIT))
                .toList();
    }

    static ProposedRoundDto roundOf(WeekProposalDto w, ProposedStopDto stop) {
        return w.rounds().stream()
                .filter(r -> r.stops().contains(stop))
                .findFirst()
                .orElseThrow();
    }

    static LocalDateTime paris(Instant t) {
        return LocalDateTime.ofInstant(t, PARIS);
    }

    static String request(int n) {
        return DemoSeeder.id("request-" + n);
    }

    CounsellorScheduleDto schedule(String token, String counsellorId) {
        return server.get(ApiPaths.planningSchedule(counsellorId), token).as(CounsellorScheduleDto.class);
    }

    // --- settings

    @Test
    void aComputedProposalIsJournaledWithItsWeekAndWhoAskedForIt() {
        WeekProposalDto week = nextWeek();
        List<fr.mediance.protocol.AuditEventDto> events = server
                .get(ApiPaths.AUDIT + "?limit=100", server.token("admin"))
                .as(fr.mediance.protocol.AuditPage.class)
                .events()
                .stream()
                .filter(e -> fr.mediance.protocol.Audit.ENTITY_WEEK_PROPOSAL.equals(e.entityType()))
                .toList();
        assertThat(events).hasSize(1);
        fr.mediance.protocol.AuditEventDto e = events.get(0);
        assertThat(e.action()).isEqualTo(fr.mediance.protocol.Audit.READ);
        assertThat(e.entityId()).isEqualTo(MONDAY.toString());
        assertThat(e.summary()).contains(week.plannedVisits() + " visites proposées");
    }

    @Test
    void theDemoOfficeIsPlacedAndTheOfficeReadsTheSettings() {
        PlanningSettingsDto s =
                server.get(ApiPaths.PLANNING_SETTINGS, server.token("bureau")).as(PlanningSettingsDto.class);
        assertThat(s.office()).isEqualTo(DemoSeeder.OFFICE);
        assertThat(s.officeAddress()).isEqualTo(DemoSeeder.OFFICE_ADDRESS);
        assertThat(s.detourFactor()).isEqualTo(Rounds.DEFAULT_DETOUR_FACTOR);
        assertThat(s.speedKmh()).isEqualTo(Rounds.DEFAULT_SPEED_KMH);
        assertThat(s.roadNetwork()).isFalse();
    }

    @Test
    void aStructureThatNeverSavedItsSettingsHasNoOfficeAndTheDefaults() {
        PlanningSettingsDto s = server.get(ApiPaths.PLANNING_SETTINGS, otherStructureCoordinator())
                .as(PlanningSettingsDto.class);
        assertThat(s)
                .isEqualTo(new PlanningSettingsDto(
                        null, null, Rounds.DEFAULT_DETOUR_FACTOR, Rounds.DEFAULT_SPEED_KMH, false, null, null));
    }

    @Test
    void theCoordinationSavesTheSettingsAndAnAddressIsPlacedFromTheAddressBase() {
        exec(
                "INSERT INTO ban_addresses (department, postcode, street_key, number, suffix, latitude, longitude) "
                        + "VALUES ('13', '13001', ?, 12, '', 43.2981, 5.3779)",
                AddressKey.street("rue Colbert"));
        PlanningSettingsDto saved = put(
                        ApiPaths.PLANNING_SETTINGS,
                        coord,
                        new PlanningSettingsDto("12 rue Colbert, 13001 Marseille", null, 1.4, 18, false, null, null))
                .as(PlanningSettingsDto.class);
        assertThat(saved.office())
                .isEqualTo(new GeoPointDto(43.2981, 5.3779, GeoPointDto.SOURCE_BAN, GeoPointDto.PRECISION_HOUSE));
        assertThat(saved.updatedBy()).isEqualTo(DemoSeeder.COORD);
        assertThat(saved.updatedAt()).isEqualTo(server.clock.instant());
        assertThat(server.get(ApiPaths.PLANNING_SETTINGS, coord).as(PlanningSettingsDto.class))
                .isEqualTo(saved);
    }

    @Test
    void anAddressNoGeocoderFindsIsKeptWithoutAPointAndThenNoWeekCanBeProposed() {
        PlanningSettingsDto saved = put(
                        ApiPaths.PLANNING_SETTINGS,
                        coord,
                        new PlanningSettingsDto("5 impasse Inconnue, 13001 Marseille", null, 1.3, 20, true, null, null))
                .as(PlanningSettingsDto.class);
        assertThat(saved.officeAddress()).isEqualTo("5 impasse Inconnue, 13001 Marseille");
        assertThat(saved.office()).isNull();
        assertThat(saved.roadNetwork()).isFalse(); // the server's to say

        ProblemDto p = problem(propose(coord, new WeekProposalRequest(MONDAY, List.of(), 1)), 409);
        assertThat(p.detail())
                .isEqualTo("Placez d'abord le local de la structure sur la carte (Réglages des tournées).");
    }

    @Test
    void aDetourFactorBelowOneIsRefusedInFrenchAndNothingIsSaved() {
        PlanningSettingsDto before =
                server.get(ApiPaths.PLANNING_SETTINGS, coord).as(PlanningSettingsDto.class);
        ProblemDto p = problem(
                put(
                        ApiPaths.PLANNING_SETTINGS,
                        coord,
                        new PlanningSettingsDto("ailleurs", DemoSeeder.OFFICE, 0.5, 20, false, null, null)),
                400);
        assertThat(p.detail()).isEqualTo("Le facteur de détour est compris entre 1 et 3.");
        assertThat(p.errors()).extracting(e -> e.field()).containsExactly("detourFactor");
        assertThat(server.get(ApiPaths.PLANNING_SETTINGS, coord).as(PlanningSettingsDto.class))
                .isEqualTo(before);
    }

    @Test
    void aCounsellorAndTheOfficeCannotChangeTheSettings() {
        PlanningSettingsDto s = new PlanningSettingsDto(null, null, 1.3, 20, false, null, null);
        assertThat(put(ApiPaths.PLANNING_SETTINGS, conseil1, s).status()).isEqualTo(403);
        assertThat(put(ApiPaths.PLANNING_SETTINGS, server.token("bureau"), s).status())
                .isEqualTo(403);
        assertThat(server.get(ApiPaths.PLANNING_SETTINGS, conseil1).status()).isEqualTo(403);
        assertThat(server.get(ApiPaths.PLANNING_SETTINGS, coord)
                        .as(PlanningSettingsDto.class)
                        .office())
                .isEqualTo(DemoSeeder.OFFICE);
    }

    // --- schedules

    @Test
    void theTeamsHoursAreListedByNameAndACounsellorNeverSavedWorksTheStandardHours() {
        newAccount("demo-conseil9", DemoSeeder.STRUCTURE_ID, "conseil9", Role.COUNSELLOR, "Amélie Bonnet");
        List<CounsellorScheduleDto> all = server.get(ApiPaths.PLANNING_SCHEDULES, coord)
                .as(CounsellorSchedulesResponse.class)
                .schedules();
        assertThat(all)
                .extracting(CounsellorScheduleDto::displayName)
                .containsExactly("Amélie Bonnet", "Julien Roux", "Nadia Haddad");
        assertThat(all.get(0)).isEqualTo(Rounds.standard("demo-conseil9", "Amélie Bonnet"));
        CounsellorScheduleDto roux = all.get(1);
        assertThat(roux.standard()).isFalse();
        // the demo's appointments of conseil2 are on Thursday, Friday and Tuesday: Wednesday off
        assertThat(roux.days()).extracting(WorkingDayDto::day).containsExactly("mon", "tue", "thu", "fri");
        assertThat(all.get(2).daysOff()).containsExactly(MONDAY.plusDays(4));
    }

    @Test
    void aCounsellorReadsTheirOwnHoursOnly() {
        assertThat(schedule(conseil1, DemoSeeder.CONSEIL1).counsellorId()).isEqualTo(DemoSeeder.CONSEIL1);
        assertThat(server.get(ApiPaths.planningSchedule(DemoSeeder.CONSEIL2), conseil1)
                        .status())
                .isEqualTo(403);
        assertThat(server.get(ApiPaths.PLANNING_SCHEDULES, conseil1).status()).isEqualTo(403);
        assertThat(server.get(ApiPaths.PLANNING_SCHEDULES, server.token("bureau"))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void theCoordinationSavesACounsellorsHours() {
        CounsellorScheduleDto wanted = new CounsellorScheduleDto(
                DemoSeeder.CONSEIL2,
                null,
                List.of(new WorkingDayDto("mon", "08:00", "12:00"), new WorkingDayDto("sat", "09:00", "12:00")),
                null,
                null,
                0,
                List.of(MONDAY.plusDays(7), MONDAY),
                true,
                null);
        CounsellorScheduleDto saved = put(ApiPaths.planningSchedule(DemoSeeder.CONSEIL2), coord, wanted)
                .as(CounsellorScheduleDto.class);
        assertThat(saved)
                .isEqualTo(new CounsellorScheduleDto(
                        DemoSeeder.CONSEIL2,
                        "Julien Roux",
                        wanted.days(),
                        null,
                        null,
                        0,
                        List.of(MONDAY, MONDAY.plusDays(7)),
                        false,
                        server.clock.instant()));
        assertThat(schedule(conseil2, DemoSeeder.CONSEIL2)).isEqualTo(saved);
    }

    @Test
    void badHoursAreRefusedInFrenchAndNothingIsSaved() {
        CounsellorScheduleDto before = schedule(coord, DemoSeeder.CONSEIL1);
        CounsellorScheduleDto backwards = new CounsellorScheduleDto(
                DemoSeeder.CONSEIL1,
                null,
                List.of(new WorkingDayDto("mon", "17:00", "08:30")),
                "12:00",
                "14:00",
                45,
                List.of(),
                false,
                null);
        ProblemDto p = problem(put(ApiPaths.planningSchedule(DemoSeeder.CONSEIL1), coord, backwards), 400);
        assertThat(p.detail()).isEqualTo("La fin de journée doit venir au moins 60 minutes après son début.");
        CounsellorScheduleDto badTime = new CounsellorScheduleDto(
                DemoSeeder.CONSEIL1,
                null,
                List.of(new WorkingDayDto("mon", "8h30", "17:00")),
                "12:00",
                "14:00",
                45,
                List.of(),
                false,
                null);
        assertThat(problem(put(ApiPaths.planningSchedule(DemoSeeder.CONSEIL1), coord, badTime), 400)
                        .detail())
                .isEqualTo("L'heure de début doit s'écrire HH:MM (par exemple 08:30).");
        assertThat(schedule(coord, DemoSeeder.CONSEIL1)).isEqualTo(before);
    }

    @Test
    void unknownOtherStructureAndNonCounsellorAccountsAreClearProblems() {
        CounsellorScheduleDto any = Rounds.standard(DemoSeeder.CONSEIL1, null);
        assertThat(problem(server.get(ApiPaths.planningSchedule("personne"), coord), 404)
                        .detail())
                .isEqualTo("Ce conseiller est introuvable dans votre structure.");
        String elsewhere = otherStructureCoordinator();
        assertThat(server.get(ApiPaths.planningSchedule(DemoSeeder.CONSEIL1), elsewhere)
                        .status())
                .isEqualTo(404);
        assertThat(put(ApiPaths.planningSchedule(DemoSeeder.CONSEIL1), elsewhere, any)
                        .status())
                .isEqualTo(404);
        assertThat(problem(put(ApiPaths.planningSchedule(DemoSeeder.COORD), coord, any), 422)
                        .detail())
                .isEqualTo("Ce compte n'est pas celui d'un conseiller : il n'a pas d'horaires de tournées.");
        assertThat(put(ApiPaths.planningSchedule(DemoSeeder.CONSEIL1), conseil1, any)
                        .status())
                .isEqualTo(403);
        assertThat(server.count("SELECT COUNT(*) FROM counsellor_schedules WHERE counsellor_id = ?", DemoSeeder.COORD))
                .isZero();
    }

    // --- the week's proposal: refusals

    @Test
    void badProposalRequestsAreRefusedInFrench() {
        assertThat(problem(propose(coord, new WeekProposalRequest(MONDAY.plusDays(1), List.of(), 1)), 400)
                        .detail())
                .isEqualTo("Une semaine se propose à partir de son lundi.");
        assertThat(problem(propose(coord, new WeekProposalRequest(MONDAY.minusWeeks(2), List.of(), 1)), 400)
                        .detail())
                .isEqualTo("Cette semaine est passée : proposez la semaine en cours ou une suivante.");
        assertThat(problem(propose(coord, new WeekProposalRequest(MONDAY, List.of(), 31)), 400)
                        .detail())
                .isEqualTo("La recherche dure de 1 à 30 secondes.");
        ProblemDto unknown = problem(
                propose(coord, new WeekProposalRequest(MONDAY, List.of(DemoSeeder.CONSEIL1, "personne"), 1)), 400);
        assertThat(unknown.code()).isEqualTo("unknown_counsellor");
        assertThat(unknown.detail())
                .isEqualTo(
                        "« personne » n'est pas un conseiller actif de votre structure : retirez-le de la proposition.");
        // the coordinator is not a counsellor either
        assertThat(propose(coord, new WeekProposalRequest(MONDAY, List.of(DemoSeeder.COORD), 1))
                        .status())
                .isEqualTo(400);
    }

    @Test
    void onlyTheCoordinationAndTheAdminAskForAProposal() {
        WeekProposalRequest r = new WeekProposalRequest(MONDAY, List.of(), 1);
        assertThat(propose(conseil1, r).status()).isEqualTo(403);
        assertThat(propose(server.token("bureau"), r).status()).isEqualTo(403);
        assertThat(propose(otherStructureCoordinator(), r).status()).isEqualTo(409); // no office of its own
    }

    // --- the week's proposal on the demo

    @Test
    void theWaitingRequestsArePlannedWithinTheHoursAndAroundTheDaysOffAndNothingIsSaved() {
        long appointments = server.count("SELECT COUNT(*) FROM appointments");
        long changes = server.count("SELECT COUNT(*) FROM change_log");
        WeekProposalDto w = nextWeek();

        assertThat(w.monday()).isEqualTo(MONDAY);
        assertThat(w.travel()).isEqualTo(Rounds.TRAVEL_STRAIGHT_LINE);
        assertThat(w.plannedVisits()).isEqualTo(visits(w).size()).isGreaterThanOrEqualTo(10);
        List<String> seen = new ArrayList<>(
                visits(w).stream().map(ProposedStopDto::requestId).toList());
        w.unplanned().forEach(u -> seen.add(u.requestId()));
        List<String> all = new ArrayList<>();
        for (int n = 1; n <= DemoSeeder.WAITING_REQUESTS; n++) {
            all.add(request(n));
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(all);
        assertThat(w.travelMinutes())
                .isEqualTo(w.rounds().stream()
                        .mapToInt(ProposedRoundDto::travelMinutes)
                        .sum());

        for (ProposedStopDto v : visits(w)) {
            ProposedRoundDto round = roundOf(w, v);
            LocalDateTime start = paris(v.start());
            LocalDateTime end = paris(v.end());
            assertThat(start.toLocalDate()).isEqualTo(round.date()).isBetween(MONDAY, MONDAY.plusDays(5));
            if (round.counsellorId().equals(DemoSeeder.CONSEIL1)) {
                // full time 08:30–17:00, a day off on Friday
                assertThat(round.date()).isNotEqualTo(MONDAY.plusDays(4));
                assertThat(start.toLocalTime()).isAfterOrEqualTo(LocalTime.of(8, 30));
                assertThat(end.toLocalTime()).isBeforeOrEqualTo(LocalTime.of(17, 0));
            } else {
                // part time: 09:00–16:30, never on Wednesdays
                assertThat(round.counsellorId()).isEqualTo(DemoSeeder.CONSEIL2);
                assertThat(round.date()).isNotEqualTo(MONDAY.plusDays(2));
                assertThat(start.toLocalTime()).isAfterOrEqualTo(LocalTime.of(9, 0));
                assertThat(end.toLocalTime()).isBeforeOrEqualTo(LocalTime.of(16, 30));
            }
            assertThat(v.residentId()).isNotNull();
            assertThat(v.fileNumber()).startsWith("D-2026-");
            assertThat(v.location()).isNotNull();
            assertThat(HomeVisits.KINDS).contains(v.visitKind());
            assertThat(v.explanations()).isNotEmpty();
        }
        // the resident's half-days: request 3 on Tuesday or Thursday afternoon
        ProposedStopDto third = visits(w).stream()
                .filter(v -> v.requestId().equals(request(3)))
                .findFirst()
                .orElseThrow();
        assertThat(paris(third.start()).getDayOfWeek().getValue()).isIn(2, 4);
        assertThat(paris(third.start()).toLocalTime()).isAfterOrEqualTo(LocalTime.of(13, 30));

        assertThat(server.count("SELECT COUNT(*) FROM appointments")).isEqualTo(appointments);
        assertThat(server.count("SELECT COUNT(*) FROM change_log")).isEqualTo(changes);
    }

    @Test
    void theExplanationsNameTheFileNeverThePerson() {
        WeekProposalDto w = nextWeek();
        String text = MedianceJson.gson().toJson(w);
        for (String name :
                List.of("Benyahia", "Lopez", "Diallo", "Castellano", "Mercier", "Karim", "Rossi", "Nguyen")) {
            assertThat(text).doesNotContain(name);
        }
    }

    @Test
    void aRequestAnsweredByAnAppointmentIsLeftOutAndALockedAppointmentKeepsItsTime() {
        Instant start = MONDAY.plusDays(1).atTime(10, 0).atZone(PARIS).toInstant();
        AppointmentDto answer = new AppointmentDto(
                newId(),
                DemoSeeder.STRUCTURE_ID,
                DemoSeeder.residentId(5),
                DemoSeeder.CONSEIL1,
                "home_visit",
                start,
                start.plusSeconds(3600),
                "confirmed",
                "3 impasse des Oliviers, 13016 Marseille",
                null,
                null,
                List.of(),
                null,
                true,
                request(5),
                null);
        assertSaved(pushOne(coord, op(answer)));
        // a cancelled answer does not count: request 6 still waits
        AppointmentDto cancelled = new AppointmentDto(
                newId(),
                DemoSeeder.STRUCTURE_ID,
                DemoSeeder.residentId(6),
                DemoSeeder.CONSEIL2,
                "home_visit",
                start,
                start.plusSeconds(1800),
                "cancelled_by_resident",
                null,
                null,
                "Absente cette semaine",
                List.of(),
                null,
                false,
                request(6),
                null);
        assertSaved(pushOne(coord, op(cancelled)));

        WeekProposalDto w = nextWeek();
        List<String> mentioned = new ArrayList<>(
                visits(w).stream().map(ProposedStopDto::requestId).toList());
        w.unplanned().forEach(u -> mentioned.add(u.requestId()));
        assertThat(mentioned).doesNotContain(request(5)).contains(request(6));

        ProposedStopDto kept = w.rounds().stream()
                .flatMap(r -> r.stops().stream())
                .filter(s -> answer.id().equals(s.appointmentId()))
                .findFirst()
                .orElseThrow();
        assertThat(kept.kind()).isEqualTo(Rounds.STOP_APPOINTMENT);
        assertThat(kept.start()).isEqualTo(answer.start());
        assertThat(kept.end()).isEqualTo(answer.end());
        assertThat(kept.locked()).isTrue();
        assertThat(kept.requestId()).isEqualTo(request(5));
        assertThat(kept.location()).isNotNull();
        assertThat(w.rounds().stream().flatMap(r -> r.stops().stream()))
                .noneMatch(s -> cancelled.id().equals(s.appointmentId()));
        // every other stop of that day stays clear of it
        ProposedRoundDto day = w.rounds().stream()
                .filter(r -> r.stops().contains(kept))
                .findFirst()
                .orElseThrow();
        for (ProposedStopDto s : day.stops()) {
            if (s != kept) {
                assertThat(!s.end().isAfter(kept.start()) || !s.start().isBefore(kept.end()))
                        .as(s.toString())
                        .isTrue();
            }
        }
    }

    @Test
    void anUrgentRequestIsVisitedByItsDeadlineAndTheVisitSaysWhy() {
        // a hearing on Thursday 03/12: the visit three days before, on Monday 30/11
        RequestDto hearing = new RequestDto(
                newId(),
                DemoSeeder.STRUCTURE_ID,
                DemoSeeder.residentId(4),
                null,
                LocalDate.of(2026, 11, 25),
                Casework.CHANNEL_PHONE,
                "resident",
                List.of("logement"),
                List.of(Casework.URGENCY_COURT_DATE),
                LocalDate.of(2026, 12, 3),
                "Audience d'expulsion jeudi.",
                Casework.REQUEST_NEW,
                null,
                Instant.parse("2026-11-25T09:00:00Z"),
                DemoSeeder.COORD,
                new HomeVisitDto(HomeVisits.FIRST_VISIT, null, List.of(), List.of()));
        assertApplied(pushOne(coord, op(hearing)));

        WeekProposalDto w = nextWeek();
        ProposedStopDto visit = visits(w).stream()
                .filter(v -> v.requestId().equals(hearing.id()))
                .findFirst()
                .orElseThrow();
        assertThat(paris(visit.start()).toLocalDate()).isEqualTo(MONDAY);
        assertThat(String.join(" ", visit.explanations())).containsIgnoringCase("urgent");
        // the power cut received yesterday was due on Friday: said, and visited first thing on Monday
        assertThat(w.problems()).anyMatch(p -> p.contains("l'échéance urgente du 27/11/2026 est passée"));
        ProposedStopDto cut = visits(w).stream()
                .filter(v -> v.requestId().equals(request(1)))
                .findFirst()
                .orElseThrow();
        assertThat(paris(cut.start()).toLocalDate()).isEqualTo(MONDAY);
    }

    @Test
    void aResidentWithNoPointOnTheMapIsReportedWithTheFileNumberAndWhatToDo() {
        String residentId = newId();
        assertApplied(pushOne(
                coord, op(with(livingAt(residentId, "9 chemin Introuvable", "13009"), "fileNumber", "D-2026-0099"))));
        RequestDto wish = new RequestDto(
                newId(),
                DemoSeeder.STRUCTURE_ID,
                residentId,
                null,
                LocalDate.of(2026, 11, 24),
                Casework.CHANNEL_PHONE,
                "resident",
                List.of("budget"),
                List.of(),
                null,
                "Budget à revoir.",
                Casework.REQUEST_NEW,
                null,
                Instant.parse("2026-11-24T09:00:00Z"),
                DemoSeeder.COORD,
                new HomeVisitDto(HomeVisits.FOLLOW_UP, null, List.of(), List.of()));
        assertApplied(pushOne(coord, op(wish)));
        String fileNumber = MedianceJson.gson()
                .fromJson(server.sql("SELECT data FROM residents WHERE id = ?", residentId), ResidentDto.class)
                .fileNumber();
        assertThat(fileNumber).isEqualTo("D-2026-0099");

        WeekProposalDto w = nextWeek();
        UnplannedRequestDto left = w.unplanned().stream()
                .filter(u -> u.requestId().equals(wish.id()))
                .findFirst()
                .orElseThrow();
        assertThat(left.reason()).isEqualTo(Rounds.UNPLANNED_INVALID);
        assertThat(left.fileNumber()).isEqualTo(fileNumber);
        assertThat(left.residentId()).isEqualTo(residentId);
        assertThat(w.problems())
                .contains("Dossier " + fileNumber + " : le domicile n'est pas placé sur la carte. Corrigez l'adresse "
                        + "ou posez le repère à la main sur la fiche de la personne, puis relancez la proposition.");
        assertThat(w.plannedVisits()).isGreaterThanOrEqualTo(10);
    }

    @Test
    void inTheCurrentWeekOnlyTheDaysToComeAreProposed() {
        // Thursday 26/11: Friday 27/11 is the only working day left
        WeekProposalDto w = propose(coord, new WeekProposalRequest(MONDAY.minusWeeks(1), List.of(), 1))
                .as(WeekProposalDto.class);
        assertThat(visits(w))
                .isNotEmpty()
                .allSatisfy(v -> assertThat(paris(v.start()).toLocalDate()).isEqualTo(LocalDate.of(2026, 11, 27)));
        assertThat(w.rounds()).allSatisfy(r -> assertThat(r.date()).isAfter(LocalDate.of(2026, 11, 26)));
        assertThat(String.join(
                        " ",
                        visits(w).stream()
                                .flatMap(v -> v.explanations().stream())
                                .toList()))
                .doesNotContain("date à éviter");
    }

    @Test
    void aProposalForSomeCounsellorsPlansOnlyTheirRounds() {
        WeekProposalDto w = propose(coord, new WeekProposalRequest(MONDAY, List.of(DemoSeeder.CONSEIL2), 1))
                .as(WeekProposalDto.class);
        assertThat(w.rounds()).isNotEmpty().allMatch(r -> r.counsellorId().equals(DemoSeeder.CONSEIL2));
    }

    @Test
    void aSecondProposalWhileOneIsComputedIsAskedToComeBackLater() throws Exception {
        CountDownLatch inFlight = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        server.app.planning().beforeSearch(() -> {
            inFlight.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        CompletableFuture<TestServer.Response> first =
                CompletableFuture.supplyAsync(() -> propose(coord, new WeekProposalRequest(MONDAY, List.of(), 1)));
        try {
            assertThat(inFlight.await(30, TimeUnit.SECONDS)).isTrue();
            TestServer.Response second = propose(server.token("admin"), new WeekProposalRequest(MONDAY, List.of(), 1));
            ProblemDto p = problem(second, 503);
            assertThat(p.code()).isEqualTo("planner_busy");
            assertThat(p.detail()).startsWith("Une autre proposition de semaine est en cours de calcul");
            java.net.http.HttpResponse<String> third = java.net.http.HttpClient.newHttpClient()
                    .send(
                            server.request(ApiPaths.PLANNING_PROPOSALS, coord)
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(
                                            MedianceJson.gson().toJson(new WeekProposalRequest(MONDAY, List.of(), 1))))
                                    .build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(third.statusCode()).isEqualTo(503);
            assertThat(third.headers().firstValue("Retry-After"))
                    .hasValueSatisfying(v -> assertThat(Integer.parseInt(v)).isBetween(1, Rounds.MAX_SEARCH_SECONDS));
        } finally {
            release.countDown();
        }
        assertThat(first.get(60, TimeUnit.SECONDS).status()).isEqualTo(200);
        server.app.planning().beforeSearch(null);
        assertThat(propose(coord, new WeekProposalRequest(MONDAY, List.of(), 1)).status())
                .isEqualTo(200);
    }
}
