package fr.mediance.app.core.testing;

import fr.mediance.protocol.AppointmentDto;
import fr.mediance.protocol.Casework;
import fr.mediance.protocol.GeoPointDto;
import fr.mediance.protocol.HomeVisitDto;
import fr.mediance.protocol.HomeVisits;
import fr.mediance.protocol.ProposedRoundDto;
import fr.mediance.protocol.ProposedStopDto;
import fr.mediance.protocol.RequestDto;
import fr.mediance.protocol.ResidentDto;
import fr.mediance.protocol.Role;
import fr.mediance.protocol.UnplannedRequestDto;
import fr.mediance.protocol.WeekProposalDto;
import fr.mediance.testing.FakeOfficeServer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/**
 * A structure with requests waiting for a home visit (today is Friday 27/11/2026), and a proposal of the next week as
 * the office server would answer it: Awa Diallo's Tuesday with two proposed visits around an appointment already
 * there (locked), Julien Martin's Monday with one visit, one request left out.
 */
public final class RoundsFixture {
    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    public static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
    public static final LocalDate MONDAY = nextMonday(TODAY);
    public static final LocalDate TUESDAY = MONDAY.plusDays(1);
    public static final GeoPointDto POINT = new GeoPointDto(43.35, 5.36, GeoPointDto.SOURCE_BAN, "housenumber");

    private RoundsFixture() {}

    /** The Monday after {@code today}'s week. */
    public static LocalDate nextMonday(LocalDate today) {
        return fr.mediance.protocol.Rounds.monday(today).plusWeeks(1);
    }

    /** The accounts: a coordinator « coord » and two counsellors, Awa Diallo (u-c1) and Julien Martin (u-c2). */
    public static void seedUsers(FakeOfficeServer server) {
        server.addUser("u-k1", "coord", "Nadia Coordination", TestCores.PASSWORD, Role.COORDINATOR);
        server.addUser("u-c1", "awa", "Awa Diallo", TestCores.PASSWORD, Role.COUNSELLOR);
        server.addUser("u-c2", "julien", "Julien Martin", TestCores.PASSWORD, Role.COUNSELLOR);
    }

    /** {@link #seedUsers} and {@link #seed(FakeOfficeServer, LocalDate)} on {@link #TODAY}. */
    public static void seed(FakeOfficeServer server) {
        seedUsers(server);
        server.addCode("domain", "energie", "Énergie", 1);
        server.addCode("mobility_reason", "mobilite_reduite", "Fauteuil roulant", 1);
        server.addCode("cancel_reason", "resident_unavailable", "Personne indisponible", 1);
        seed(server, TODAY);
    }

    /**
     * Four residents and their requests as of {@code today} (one overdue, one urgent, one plain, one without a wish),
     * and the locked appointment of next Tuesday afternoon.
     */
    public static void seed(FakeOfficeServer server, LocalDate today) {
        LocalDate monday = nextMonday(today);
        LocalDate tuesday = monday.plusDays(1);
        server.serverWrite(resident(
                        "rr1",
                        "D-2026-014",
                        "Benali",
                        "Fatima",
                        "06 12 34 56 78",
                        "12 rue des Lilas",
                        "13015",
                        null,
                        "u-c1")
                .withLocation(POINT));
        server.serverWrite(resident(
                "rr2",
                "D-2026-021",
                "Belkacem",
                "Samir",
                "07 45 12 33 09",
                "3 bd National",
                "13003",
                "mobilite_reduite",
                null));
        server.serverWrite(resident(
                        "rr3",
                        "D-2026-030",
                        "Roux",
                        "Josiane",
                        "04 91 22 33 44",
                        "8 av. de la Rose",
                        "13013",
                        null,
                        "u-c2")
                .withLocation(POINT));
        server.serverWrite(resident("rr4", "D-2026-033", "Mercier", "Paul", null, "5 rue Longue", "13001", null, "u-c1")
                .withLocation(POINT));
        server.serverWrite(request(
                "q1",
                "rr1",
                today.minusDays(3),
                List.of(Casework.URGENCY_POWER_CUT),
                new HomeVisitDto(
                        HomeVisits.FIRST_VISIT, null, List.of("tue_pm", "thu_am"), List.of(monday.plusDays(3)))));
        server.serverWrite(request(
                "q2",
                "rr2",
                today.minusDays(7),
                List.of(Casework.URGENCY_EVICTION),
                new HomeVisitDto(HomeVisits.FOLLOW_UP, 45, List.of(), List.of())));
        server.serverWrite(request(
                "q3",
                "rr3",
                today.minusDays(17),
                List.of(),
                new HomeVisitDto(HomeVisits.DOCUMENTS, null, List.of("mon_am", "mon_pm"), List.of())));
        server.serverWrite(request("q4", "rr4", today.minusDays(1), List.of(), null));
        server.serverWrite(new AppointmentDto(
                "a-fixed",
                "s1",
                "rr4",
                "u-c1",
                "home_visit",
                at(tuesday, 14, 0),
                at(tuesday, 15, 0),
                "confirmed",
                "5 rue Longue, 13001 Marseille",
                null,
                null,
                List.of(),
                null,
                true,
                null,
                "u-k1"));
    }

    public static ResidentDto resident(
            String id,
            String file,
            String last,
            String first,
            String phone,
            String street,
            String postcode,
            String mobility,
            String referent) {
        return new ResidentDto(
                id,
                "s1",
                file,
                null,
                last,
                first,
                null,
                phone,
                street,
                postcode,
                "Marseille",
                null,
                mobility,
                referent);
    }

    public static RequestDto request(
            String id, String residentId, LocalDate received, List<String> urgencies, HomeVisitDto wish) {
        return new RequestDto(
                        id,
                        "s1",
                        residentId,
                        null,
                        received,
                        Casework.CHANNEL_PHONE,
                        null,
                        List.of("energie"),
                        urgencies,
                        null,
                        null,
                        Casework.REQUEST_NEW,
                        null,
                        null,
                        null)
                .withHomeVisit(wish);
    }

    public static Instant at(LocalDate day, int h, int m) {
        return day.atTime(LocalTime.of(h, m)).atZone(PARIS).toInstant();
    }

    /** The proposal of the week after {@link #TODAY}. */
    public static WeekProposalDto proposal() {
        return proposal(MONDAY);
    }

    /** The proposal of the week of {@code MONDAY}, as the office server would answer it. */
    public static WeekProposalDto proposal(LocalDate MONDAY) {
        LocalDate TUESDAY = MONDAY.plusDays(1);
        ProposedStopDto q1 = new ProposedStopDto(
                "visit",
                "q1",
                null,
                "rr1",
                "D-2026-014",
                HomeVisits.FIRST_VISIT,
                at(TUESDAY, 15, 20),
                at(TUESDAY, 16, 50),
                20,
                false,
                POINT,
                List.of(
                        "D-2026-014 : coupure d'électricité, visite déjà en retard : la plus urgente de la semaine, placée au plus tôt.",
                        "Mardi après-midi est la première demi-journée où la personne peut recevoir (elle a dit mardi après-midi et jeudi matin ; lundi n'est pas possible).",
                        "Awa Diallo suit déjà ce dossier."));
        ProposedStopDto fixed = new ProposedStopDto(
                "appointment",
                null,
                "a-fixed",
                "rr4",
                "D-2026-033",
                null,
                at(TUESDAY, 14, 0),
                at(TUESDAY, 15, 0),
                15,
                true,
                POINT,
                List.of());
        ProposedStopDto q2 = new ProposedStopDto(
                "visit",
                "q2",
                null,
                "rr2",
                "D-2026-021",
                HomeVisits.FOLLOW_UP,
                at(TUESDAY, 9, 0),
                at(TUESDAY, 9, 45),
                25,
                false,
                null,
                List.of(
                        "D-2026-021 : procédure d'expulsion, visite à faire en début de semaine.",
                        "Adresse non localisée : trajet estimé."));
        ProposedStopDto q3 = new ProposedStopDto(
                "visit",
                "q3",
                null,
                "rr3",
                "D-2026-030",
                HomeVisits.DOCUMENTS,
                at(MONDAY, 9, 30),
                at(MONDAY, 10, 15),
                30,
                false,
                POINT,
                List.of("D-2026-030 : la personne reçoit le lundi seulement.", "Julien Martin suit déjà ce dossier."));
        ProposedRoundDto tuesday = new ProposedRoundDto(
                "u-c1",
                TUESDAY,
                at(TUESDAY, 8, 35),
                at(TUESDAY, 17, 10),
                80,
                20,
                at(TUESDAY, 12, 0),
                at(TUESDAY, 12, 45),
                List.of(q2, fixed, q1));
        ProposedRoundDto monday = new ProposedRoundDto(
                "u-c2", MONDAY, at(MONDAY, 9, 0), at(MONDAY, 10, 45), 60, 30, null, null, List.of(q3));
        return new WeekProposalDto(
                MONDAY,
                Instant.parse("2026-11-27T08:00:05Z"),
                "straight_line",
                140,
                3,
                List.of(monday, tuesday),
                List.of(new UnplannedRequestDto(
                        "q9",
                        "rr4",
                        "D-2026-033",
                        "no_availability",
                        "D-2026-033 : aucune demi-journée possible cette semaine (jours à éviter).")),
                List.of("D-2026-021 : adresse non localisée, le trajet est estimé depuis le centre du code postal."));
    }
}
