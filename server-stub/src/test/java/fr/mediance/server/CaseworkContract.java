package fr.mediance.server;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.protocol.AnonymousContactDto;
import fr.mediance.protocol.CaseDto;
import fr.mediance.protocol.CaseOutcomeDto;
import fr.mediance.protocol.Casework;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.HomeVisitDto;
import fr.mediance.protocol.HomeVisits;
import fr.mediance.protocol.OperationDto;
import fr.mediance.protocol.OperationResultDto;
import fr.mediance.protocol.PushResponse;
import fr.mediance.protocol.RequestDto;
import fr.mediance.protocol.ResidentDto;
import fr.mediance.server.demo.DemoSeeder;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The casework intake against the real server, on one database kind: a counsellor's new resident, cases (one open
 * at a time), requests and anonymous contacts, and who receives them.
 */
abstract class CaseworkContract extends SyncScenario {
    static final LocalDate DAY = LocalDate.of(2026, 11, 26);

    static CaseDto openCase(String id, String residentId, String referentId) {
        return new CaseDto(
                id,
                null,
                residentId,
                referentId,
                DAY,
                null,
                List.of("energie"),
                List.of("Rétablir l'électricité"),
                Casework.CASE_OPEN,
                null,
                null,
                List.of(),
                TestServer.START,
                null);
    }

    static CaseDto closed(CaseDto k, String reason, List<CaseOutcomeDto> outcomes) {
        return new CaseDto(
                k.id(),
                k.structureId(),
                k.residentId(),
                k.referentId(),
                k.openedOn(),
                k.originRequestId(),
                k.domains(),
                k.goals(),
                Casework.CASE_CLOSED,
                DAY,
                reason,
                outcomes,
                k.createdAt(),
                k.createdBy());
    }

    static RequestDto request(String id, String residentId, String caseId) {
        return new RequestDto(
                id,
                null,
                residentId,
                caseId,
                DAY,
                Casework.CHANNEL_PARTNER,
                "edf_solidarite",
                List.of("energie"),
                List.of(Casework.URGENCY_POWER_CUT),
                null,
                "Coupure depuis lundi.",
                Casework.REQUEST_NEW,
                null,
                TestServer.START,
                null);
    }

    static AnonymousContactDto anonymous(String id, String counsellorId, String channel) {
        return new AnonymousContactDto(
                id,
                null,
                counsellorId,
                TestServer.START,
                channel,
                List.of("energie"),
                List.of(),
                List.of("information_droits"),
                "65_plus",
                10);
    }

    // --- a counsellor's new resident

    @Test
    void aCounsellorCreatesAResidentAsItsReferentAndOnlySheReceivesIt() {
        String c2 = pullAll(conseil2, null).cursor();
        String id = newId();
        assertApplied(pushOne(conseil1, op(resident(id, "demo-conseil1"))));
        assertThat(pullAll(conseil1, null).ids(EntityType.RESIDENT)).contains(id);
        assertThat(pullAll(conseil2, c2).ids(EntityType.RESIDENT)).doesNotContain(id);
        assertThat(pullAll(coord, null).ids(EntityType.RESIDENT)).contains(id);
    }

    @Test
    void aCounsellorsNewResidentNamesHerAsReferent() {
        OperationResultDto other = pushOne(conseil1, op(resident(newId(), "demo-conseil2")));
        assertRejected(other, "forbidden_field");
        assertThat(other.message()).contains("référent");
        assertRejected(pushOne(conseil1, op(resident(newId(), null))), "forbidden_field");
        assertRejected(pushOne(server.token("bureau"), op(resident(newId(), null))), "forbidden");
    }

    // --- cases and requests

    @Test
    void aResidentARequestAndItsCaseMadeOfflineArriveTogetherAndReachOnlyThoseWhoFollow() {
        String c2 = pullAll(conseil2, null).cursor();
        String resident = newId();
        String kase = newId();
        String req = newId();
        PushResponse r = push(
                conseil1,
                op(resident(resident, "demo-conseil1")),
                op(openCase(kase, resident, "demo-conseil1")),
                op(request(req, resident, kase)));
        r.results().forEach(SyncScenario::assertApplied);
        Feed mine = pullAll(conseil1, null);
        assertThat(mine.ids(EntityType.CASE)).contains(kase);
        assertThat(mine.ids(EntityType.REQUEST)).contains(req);
        assertThat(((RequestDto) mine.find(EntityType.REQUEST, req).data()).description())
                .isEqualTo("Coupure depuis lundi.");
        Feed theirs = pullAll(conseil2, c2);
        assertThat(theirs.ids(EntityType.CASE)).doesNotContain(kase);
        assertThat(theirs.ids(EntityType.REQUEST)).doesNotContain(req);
        Feed office = pullAll(server.token("bureau"), null);
        assertThat(office.ids(EntityType.CASE)).contains(kase);
        assertThat(office.ids(EntityType.REQUEST)).contains(req);
    }

    @Test
    void aRepeatedPushStoresTheCaseOnce() {
        OperationDto o = op(openCase(newId(), R1, "demo-conseil1"));
        OperationResultDto first = pushOne(conseil1, o);
        OperationResultDto again = pushOne(conseil1, o);
        assertApplied(first);
        assertThat(again.version()).isEqualTo(first.version());
        assertThat(server.count("SELECT COUNT(*) FROM cases WHERE resident_id = ?", R1))
                .isEqualTo(1);
    }

    @Test
    void aResidentHasOneCaseOpenAtATime() {
        CaseDto first = openCase(newId(), R1, "demo-conseil1");
        assertApplied(pushOne(conseil1, op(first)));
        OperationResultDto second = pushOne(coord, op(openCase(newId(), R1, null)));
        assertRejected(second, "case_already_open");
        assertApplied(pushOne(conseil1, op(closed(first, "autonomous", List.of()))));
        CaseDto next = openCase(newId(), R1, "demo-conseil1");
        assertApplied(pushOne(coord, op(next)));
        assertRejected(pushOne(conseil1, op(first)), "case_already_open");
        CaseDto onHold = with(next, "status", Casework.CASE_ON_HOLD);
        assertApplied(pushOne(conseil1, op(onHold)));
        assertRejected(pushOne(conseil1, op(openCase(newId(), R1, null))), "case_already_open");
    }

    @Test
    void aClosedCaseCarriesAKnownReasonAndKnownOutcomesWithTheirAmounts() {
        CaseDto k = openCase(newId(), R1, "demo-conseil1");
        assertApplied(pushOne(conseil1, op(k)));
        assertRejected(pushOne(conseil1, op(closed(k, null, List.of()))), "invalid_field");
        assertRejected(pushOne(conseil1, op(closed(k, "lassitude", List.of()))), "unknown_code");
        assertRejected(
                pushOne(conseil1, op(closed(k, "goals_met", List.of(new CaseOutcomeDto("loterie", null))))),
                "unknown_code");
        assertRejected(
                pushOne(conseil1, op(closed(k, "goals_met", List.of(new CaseOutcomeDto("fsl_granted", -1L))))),
                "invalid_field");
        CaseDto done = closed(
                k,
                "goals_met",
                List.of(new CaseOutcomeDto("fsl_granted", 45_000L), new CaseOutcomeDto("cut_avoided", null)));
        assertApplied(pushOne(conseil1, op(done)));
        CaseDto stored = (CaseDto) current(EntityType.CASE, k.id()).data();
        assertThat(stored.outcomes()).isEqualTo(done.outcomes());
        assertThat(stored.closedOn()).isEqualTo(DAY);
        assertRejected(pushOne(conseil1, deleteOp(EntityType.CASE, k.id())), "forbidden");
    }

    @Test
    void aCounsellorKeepsCasesAndRequestsOfResidentsSheFollows() {
        assertRejected(pushOne(conseil1, op(openCase(newId(), R3, null))), "not_found");
        assertRejected(pushOne(conseil1, op(request(newId(), R3, null))), "not_found");
        CaseDto k = openCase(newId(), R1, "demo-conseil1");
        assertApplied(pushOne(conseil1, op(k)));
        assertRejected(pushOne(conseil1, op(with(k, "residentId", R3))), "invalid_field");
        assertRejected(pushOne(conseil1, op(request(newId(), DemoSeeder.residentId(2), k.id()))), "not_found");
    }

    @Test
    void aRequestsUrgenciesAndReferrerAreChecked() {
        RequestDto r = request(newId(), R1, null);
        assertRejected(pushOne(conseil1, op(with(r, "referrer", "pigeon"))), "unknown_code");
        RequestDto court = with(r, "urgencies", List.of(Casework.URGENCY_COURT_DATE));
        OperationResultDto noDate = pushOne(conseil1, op(court));
        assertRejected(noDate, "invalid_field");
        assertThat(noDate.message()).contains("courtDate");
        assertApplied(pushOne(conseil1, op(with(court, "courtDate", DAY.plusDays(20)))));
        assertRejected(pushOne(conseil1, op(with(r, "receivedOn", DAY.plusYears(3)))), "invalid_field");
    }

    @Test
    void aRequestsWishForAHomeVisitTravelsWithItAndAWishThatCannotBePlannedIsRefused() {
        HomeVisitDto wish =
                new HomeVisitDto(HomeVisits.FIRST_VISIT, null, List.of("tue_pm", "thu_am"), List.of(DAY.plusDays(2)));
        RequestDto r = request(newId(), R1, null).withHomeVisit(wish);
        assertApplied(pushOne(conseil1, op(r)));
        RequestDto back = (RequestDto)
                pullAll(coord, null).find(EntityType.REQUEST, r.id()).data();
        assertThat(back.homeVisit()).isEqualTo(wish);

        OperationResultDto saturday = pushOne(
                conseil1,
                op(request(newId(), R1, null)
                        .withHomeVisit(new HomeVisitDto(HomeVisits.FOLLOW_UP, null, List.of("sat_am"), null))));
        assertRejected(saturday, "invalid_field");
        assertThat(saturday.message()).startsWith("Une demi-journée de disponibilité est inconnue");
        OperationResultDto tooLong = pushOne(
                conseil1,
                op(request(newId(), R1, null).withHomeVisit(new HomeVisitDto(HomeVisits.FOLLOW_UP, 600, null, null))));
        assertRejected(tooLong, "invalid_field");
        assertThat(tooLong.message()).isEqualTo("Une visite à domicile dure de 15 à 240 minutes.");
    }

    @Test
    void aNewReferentReceivesTheResidentsCasesAndRequests() {
        CaseDto k = openCase(newId(), R1, "demo-conseil1");
        String req = newId();
        assertApplied(pushOne(conseil1, op(k)));
        assertApplied(pushOne(conseil1, op(request(req, R1, k.id()))));
        String c2 = pullAll(conseil2, null).cursor();
        ResidentDto r1 = (ResidentDto) current(EntityType.RESIDENT, R1).data();
        long version = current(EntityType.RESIDENT, R1).version();
        assertApplied(pushOne(coord, update(with(r1, "referentId", "demo-conseil2"), version, "referentId")));
        Feed now = pullAll(conseil2, c2);
        assertThat(now.ids(EntityType.CASE)).contains(k.id());
        assertThat(now.ids(EntityType.REQUEST)).contains(req);
    }

    // --- anonymous contacts

    @Test
    void anAnonymousContactIsCountedAndSeenByTheStaffAndItsAuthorOnly() {
        String c2 = pullAll(conseil2, null).cursor();
        String id = newId();
        assertApplied(pushOne(conseil1, op(anonymous(id, "demo-conseil1", Casework.CHANNEL_PHONE))));
        assertThat(pullAll(conseil1, null).ids(EntityType.ANONYMOUS_CONTACT)).contains(id);
        assertThat(pullAll(conseil2, c2).ids(EntityType.ANONYMOUS_CONTACT)).doesNotContain(id);
        assertThat(pullAll(server.token("bureau"), null).ids(EntityType.ANONYMOUS_CONTACT))
                .contains(id);
        assertThat(server.count(
                        "SELECT COUNT(*) FROM anonymous_contacts WHERE channel = ? AND contact_day = ?",
                        "phone",
                        "2026-11-26"))
                .isEqualTo(1);
    }

    @Test
    void anAnonymousContactIsTheAuthorsOwnAtTheDeskOrOnThePhone() {
        assertRejected(pushOne(conseil1, op(anonymous(newId(), "demo-conseil2", Casework.CHANNEL_DESK))), "forbidden");
        assertRejected(
                pushOne(conseil1, op(anonymous(newId(), "demo-conseil1", Casework.CHANNEL_HOME_VISIT))),
                "invalid_field");
        assertRejected(
                pushOne(server.token("bureau"), op(anonymous(newId(), "demo-bureau", Casework.CHANNEL_DESK))),
                "forbidden");
        AnonymousContactDto a = anonymous(newId(), "demo-conseil1", Casework.CHANNEL_DESK);
        assertRejected(pushOne(conseil1, op(with(a, "ageBand", "42"))), "invalid_field");
        assertRejected(pushOne(conseil1, op(with(a, "motifs", List.of("astrologie")))), "unknown_code");
        assertApplied(pushOne(conseil1, op(a)));
        assertRejected(pushOne(conseil2, deleteOp(EntityType.ANONYMOUS_CONTACT, a.id())), "forbidden");
        assertApplied(pushOne(conseil1, deleteOp(EntityType.ANONYMOUS_CONTACT, a.id())));
    }

    // --- figures

    @Test
    void theFiguresCountWhatIsRecordedAndHideSmallCellsWhenAsked() {
        for (int i = 0; i < 5; i++) {
            assertApplied(pushOne(conseil1, op(anonymous(newId(), "demo-conseil1", Casework.CHANNEL_PHONE))));
        }
        assertApplied(pushOne(conseil1, op(anonymous(newId(), "demo-conseil1", Casework.CHANNEL_DESK))));
        CaseDto k = openCase(newId(), R1, "demo-conseil1");
        assertApplied(pushOne(conseil1, op(k)));
        assertApplied(pushOne(conseil1, op(request(newId(), R1, k.id()))));
        assertApplied(pushOne(
                conseil1,
                op(closed(k, "goals_met", List.of(new fr.mediance.protocol.CaseOutcomeDto("fsl_granted", 45_000L))))));
        String day = "?from=2026-11-26&to=2026-11-26";

        fr.mediance.protocol.FiguresResponse all = server.get(fr.mediance.protocol.ApiPaths.FIGURES + day, coord)
                .as(fr.mediance.protocol.FiguresResponse.class);
        assertThat(all.figures())
                .contains(
                        new fr.mediance.protocol.FigureDto("anonymous", "", 6L, null),
                        new fr.mediance.protocol.FigureDto("anonymous.channel", "phone", 5L, null),
                        new fr.mediance.protocol.FigureDto("anonymous.channel", "desk", 1L, null),
                        new fr.mediance.protocol.FigureDto("anonymous.minutes", "", 60L, null),
                        new fr.mediance.protocol.FigureDto("requests.referrer", "edf_solidarite", 1L, null),
                        new fr.mediance.protocol.FigureDto("requests.urgency", "power_cut", 1L, null),
                        new fr.mediance.protocol.FigureDto("cases.opened", "", 1L, null),
                        new fr.mediance.protocol.FigureDto("cases.outcome", "fsl_granted", 1L, 45_000L));
        assertThat(all.toString()).doesNotContain("Coupure depuis lundi.").doesNotContain(R1);

        fr.mediance.protocol.FiguresResponse shared = server.get(
                        fr.mediance.protocol.ApiPaths.FIGURES + day + "&hideSmallCounts=true", server.token("bureau"))
                .as(fr.mediance.protocol.FiguresResponse.class);
        assertThat(shared.figures())
                .contains(
                        new fr.mediance.protocol.FigureDto("anonymous.channel", "phone", 5L, null),
                        new fr.mediance.protocol.FigureDto("anonymous.channel", "desk", null, null),
                        new fr.mediance.protocol.FigureDto("cases.outcome", "fsl_granted", null, null));

        assertThat(server.get(fr.mediance.protocol.ApiPaths.FIGURES + day, conseil1)
                        .status())
                .isEqualTo(403);
        TestServer.Response bad = server.get(fr.mediance.protocol.ApiPaths.FIGURES + "?from=2026-11-26", coord);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
    }
}
