package fr.mediance.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import fr.mediance.protocol.json.MedianceJson;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaseworkTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
    private final Gson gson = MedianceJson.gson();

    static CaseDto openCase() {
        return new CaseDto(
                "k-1",
                "s1",
                "r-1",
                "u-conseil1",
                LocalDate.of(2026, 12, 1),
                "q-1",
                List.of("energie"),
                List.of("Rétablir l'électricité"),
                Casework.CASE_OPEN,
                null,
                null,
                List.of(),
                Instant.parse("2026-12-01T09:00:00Z"),
                "u-conseil1");
    }

    static RequestDto request() {
        return new RequestDto(
                "q-1",
                "s1",
                "r-1",
                "k-1",
                LocalDate.of(2026, 12, 1),
                Casework.CHANNEL_PARTNER,
                "edf_solidarite",
                List.of("energie"),
                List.of(Casework.URGENCY_POWER_CUT, Casework.URGENCY_COURT_DATE),
                LocalDate.of(2027, 1, 12),
                "Coupure depuis lundi.",
                Casework.REQUEST_NEW,
                null,
                Instant.parse("2026-12-01T09:00:00Z"),
                "u-conseil1");
    }

    static AnonymousContactDto anonymous() {
        return new AnonymousContactDto(
                "a-1",
                "s1",
                "u-conseil1",
                Instant.parse("2026-12-01T09:00:00Z"),
                Casework.CHANNEL_PHONE,
                List.of("energie"),
                List.of("cheque_energie"),
                List.of("information_droits"),
                "65_plus",
                15);
    }

    @Test
    void theThreeRecordsRoundTripInsideAChangeFeed() {
        CaseDto closed = new CaseDto(
                "k-2",
                "s1",
                "r-2",
                null,
                LocalDate.of(2026, 1, 5),
                null,
                List.of(),
                List.of(),
                Casework.CASE_CLOSED,
                LocalDate.of(2026, 6, 30),
                "autonomous",
                List.of(new CaseOutcomeDto("fsl_granted", 45_000L), new CaseOutcomeDto("cut_avoided", null)),
                null,
                null);
        ChangesResponse page = new ChangesResponse(
                List.of(
                        new ChangeDto(EntityType.CASE, "k-1", 1, false, openCase()),
                        new ChangeDto(EntityType.CASE, "k-2", 2, false, closed),
                        new ChangeDto(EntityType.REQUEST, "q-1", 3, false, request()),
                        new ChangeDto(EntityType.ANONYMOUS_CONTACT, "a-1", 4, false, anonymous()),
                        new ChangeDto(EntityType.REQUEST, "q-0", 5, true, null)),
                "5",
                false);
        assertThat(gson.fromJson(gson.toJson(page), ChangesResponse.class)).isEqualTo(page);
        assertThat(EntityType.fromCode("case")).isEqualTo(EntityType.CASE);
        assertThat(EntityType.of(anonymous())).isEqualTo(EntityType.ANONYMOUS_CONTACT);
    }

    @Test
    void theFiguresRoundTripWithTheirHiddenCells() {
        FiguresResponse f = new FiguresResponse(
                LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31),
                true,
                List.of(
                        new FigureDto(FiguresResponse.REQUESTS, "", 42L, null),
                        new FigureDto(FiguresResponse.REQUESTS_BY_CHANNEL, "phone", null, null),
                        new FigureDto(FiguresResponse.CASES_BY_OUTCOME, "fsl_granted", 7L, 315_000L)));
        assertThat(gson.fromJson(gson.toJson(f), FiguresResponse.class)).isEqualTo(f);
    }

    @Test
    void wellFormedRecordsBreakNoRule() {
        assertThat(Casework.check(openCase())).isEmpty();
        assertThat(Casework.check(request(), TODAY)).isEmpty();
        assertThat(Casework.check(anonymous())).isEmpty();
    }

    @Test
    void aClosedCaseNeedsItsDateAndReasonAndAnOpenOneHasNone() {
        CaseDto o = openCase();
        CaseDto closedWithoutReason = new CaseDto(
                o.id(),
                o.structureId(),
                o.residentId(),
                o.referentId(),
                o.openedOn(),
                null,
                o.domains(),
                o.goals(),
                Casework.CASE_CLOSED,
                TODAY,
                null,
                List.of(),
                null,
                null);
        assertThat(Casework.check(closedWithoutReason).orElseThrow().field()).isEqualTo("closingReason");
        CaseDto openWithOutcome = new CaseDto(
                o.id(),
                o.structureId(),
                o.residentId(),
                o.referentId(),
                o.openedOn(),
                null,
                o.domains(),
                o.goals(),
                Casework.CASE_OPEN,
                null,
                null,
                List.of(new CaseOutcomeDto("cut_avoided", null)),
                null,
                null);
        assertThat(Casework.check(openWithOutcome).orElseThrow().code()).isEqualTo("open_with_closing");
        CaseDto closedBefore = new CaseDto(
                o.id(),
                o.structureId(),
                o.residentId(),
                o.referentId(),
                o.openedOn(),
                null,
                o.domains(),
                o.goals(),
                Casework.CASE_CLOSED,
                o.openedOn().minusDays(1),
                "autonomous",
                List.of(),
                null,
                null);
        assertThat(Casework.check(closedBefore).orElseThrow().code()).isEqualTo("closed_before_opened");
    }

    @Test
    void anOutcomeAmountStaysWithinTheSharedLimit() {
        CaseDto o = openCase();
        CaseDto tooMuch = new CaseDto(
                o.id(),
                o.structureId(),
                o.residentId(),
                o.referentId(),
                o.openedOn(),
                null,
                o.domains(),
                o.goals(),
                Casework.CASE_CLOSED,
                TODAY,
                "autonomous",
                List.of(new CaseOutcomeDto("fsl_granted", Limits.MAX_AMOUNT_CENTS + 1)),
                null,
                null);
        assertThat(Casework.check(tooMuch).orElseThrow())
                .isEqualTo(new Casework.Violation(
                        "outcomes", "amount", "Le montant d'un résultat va de 0 à 1 000 000 €."));
    }

    @Test
    void aCourtDateGoesWithItsUrgencyFlag() {
        RequestDto r = request();
        RequestDto withoutDate = new RequestDto(
                r.id(),
                r.structureId(),
                r.residentId(),
                r.caseId(),
                r.receivedOn(),
                r.channel(),
                r.referrer(),
                r.domains(),
                r.urgencies(),
                null,
                r.description(),
                r.status(),
                null,
                null,
                null);
        assertThat(Casework.check(withoutDate, TODAY).orElseThrow().field()).isEqualTo("courtDate");
        RequestDto dateWithoutFlag = new RequestDto(
                r.id(),
                r.structureId(),
                r.residentId(),
                r.caseId(),
                r.receivedOn(),
                r.channel(),
                r.referrer(),
                r.domains(),
                List.of(),
                LocalDate.of(2027, 1, 12),
                r.description(),
                r.status(),
                null,
                null,
                null);
        assertThat(Casework.check(dateWithoutFlag, TODAY).orElseThrow().code()).isEqualTo("court_date_unflagged");
    }

    @Test
    void aRequestIsNotReceivedInTheFutureNorByAnUnknownChannel() {
        RequestDto r = request();
        RequestDto future = new RequestDto(
                r.id(),
                r.structureId(),
                r.residentId(),
                r.caseId(),
                TODAY.plusDays(1),
                r.channel(),
                r.referrer(),
                r.domains(),
                List.of(),
                null,
                null,
                r.status(),
                null,
                null,
                null);
        assertThat(Casework.check(future, TODAY).orElseThrow().code()).isEqualTo("future");
        RequestDto pigeon = new RequestDto(
                r.id(),
                r.structureId(),
                r.residentId(),
                r.caseId(),
                r.receivedOn(),
                "pigeon",
                r.referrer(),
                r.domains(),
                List.of(),
                null,
                null,
                r.status(),
                null,
                null,
                null);
        assertThat(Casework.check(pigeon, TODAY).orElseThrow().field()).isEqualTo("channel");
    }

    @Test
    void anAnonymousContactIsADeskOrPhoneContactWithADomainAndAKnownAgeBand() {
        AnonymousContactDto a = anonymous();
        assertThat(Casework.check(new AnonymousContactDto(
                                a.id(),
                                a.structureId(),
                                a.counsellorId(),
                                a.at(),
                                Casework.CHANNEL_HOME_VISIT,
                                a.domains(),
                                a.motifs(),
                                a.actionTypes(),
                                a.ageBand(),
                                a.durationMinutes()))
                        .orElseThrow()
                        .field())
                .isEqualTo("channel");
        assertThat(Casework.check(new AnonymousContactDto(
                                a.id(),
                                a.structureId(),
                                a.counsellorId(),
                                a.at(),
                                a.channel(),
                                List.of(),
                                List.of(),
                                a.actionTypes(),
                                a.ageBand(),
                                a.durationMinutes()))
                        .orElseThrow()
                        .code())
                .isEqualTo("domain_required");
        assertThat(Casework.check(new AnonymousContactDto(
                                a.id(),
                                a.structureId(),
                                a.counsellorId(),
                                a.at(),
                                a.channel(),
                                a.domains(),
                                a.motifs(),
                                a.actionTypes(),
                                "42",
                                a.durationMinutes()))
                        .orElseThrow()
                        .field())
                .isEqualTo("ageBand");
    }

    @Test
    void aCounsellorCreatesAResidentAndBecomesTheReferent() {
        assertThat(Permissions.mayCreateResident(Role.COUNSELLOR)).isTrue();
        assertThat(Permissions.mayCreateResident(Role.OFFICE)).isFalse();
        assertThat(Permissions.creatorBecomesReferent(Role.COUNSELLOR)).isTrue();
        assertThat(Permissions.creatorBecomesReferent(Role.COORDINATOR)).isFalse();
    }
}
