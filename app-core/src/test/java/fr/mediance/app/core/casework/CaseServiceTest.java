package fr.mediance.app.core.casework;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.Outcome;
import fr.mediance.app.core.resident.CounsellorStoreTest;
import fr.mediance.app.core.sync.OutboxItem;
import fr.mediance.protocol.AnonymousContactDto;
import fr.mediance.protocol.CaseDto;
import fr.mediance.protocol.CaseOutcomeDto;
import fr.mediance.protocol.Casework;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.HomeVisitDto;
import fr.mediance.protocol.HomeVisits;
import fr.mediance.protocol.RequestDto;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CaseServiceTest extends CounsellorStoreTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
    CaseService cases;

    @BeforeEach
    void seed() {
        CaseworkFixtures.codes(server);
        core.sync().syncNow().join();
        cases = core.cases();
    }

    static RequestForm powerCut(String residentId) {
        return new RequestForm(
                residentId,
                null,
                Casework.CHANNEL_PHONE,
                "edf_solidarite",
                List.of("energie"),
                List.of(Casework.URGENCY_POWER_CUT),
                null,
                "Coupure depuis lundi.");
    }

    @Test
    void aFirstRequestOpensTheCaseAndBothAreQueuedInOneGo() {
        RequestDto r = cases.recordRequest(powerCut("r1")).value();
        CaseDto k = cases.current("r1").orElseThrow();
        assertThat(r.caseId()).isEqualTo(k.id());
        assertThat(r.receivedOn()).isEqualTo(TODAY);
        assertThat(r.status()).isEqualTo(Casework.REQUEST_NEW);
        assertThat(r.createdBy()).isEqualTo("u-c1");
        assertThat(k)
                .isEqualTo(new CaseDto(
                        k.id(),
                        k.structureId(),
                        "r1",
                        "u-c1",
                        TODAY,
                        r.id(),
                        List.of("energie"),
                        List.of(),
                        Casework.CASE_OPEN,
                        null,
                        null,
                        List.of(),
                        k.createdAt(),
                        "u-c1"));
        assertThat(core.sync().pendingItems())
                .extracting(OutboxItem::entity)
                .containsExactly(EntityType.CASE, EntityType.REQUEST);
        RequestDto second = cases.recordRequest(powerCut("r1")).value();
        assertThat(second.caseId()).as("a second request joins the open case").isEqualTo(k.id());
        assertThat(cases.cases("r1")).hasSize(1);
        assertThat(cases.requests("r1")).extracting(RequestDto::id).contains(r.id(), second.id());
    }

    @Test
    void aRequestsWishForAHomeVisitIsKeptWhenTheCounsellorChangesItsStatus() {
        HomeVisitDto wish = new HomeVisitDto(HomeVisits.FIRST_VISIT, 75, List.of("mon_am"), List.of(TODAY.plusDays(4)));
        RequestDto triaged = new RequestDto(
                        "q-home",
                        "s1",
                        "r1",
                        null,
                        TODAY,
                        Casework.CHANNEL_PHONE,
                        null,
                        List.of("energie"),
                        List.of(),
                        null,
                        null,
                        Casework.REQUEST_NEW,
                        null,
                        null,
                        null)
                .withHomeVisit(wish);
        server.serverWrite(triaged);
        core.sync().syncNow().join();
        assertThat(cases.requests("r1")).containsExactly(triaged);

        RequestDto answered = cases.setRequestStatus("q-home", Casework.REQUEST_ANSWERED, null)
                .value();
        assertThat(answered.homeVisit()).isEqualTo(wish);
        assertThat(cases.requests("r1")).containsExactly(answered);
        core.sync().syncNow().join();
        assertThat(server.operations)
                .extracting(o -> o.data())
                .filteredOn(RequestDto.class::isInstance)
                .extracting(d -> ((RequestDto) d).homeVisit())
                .containsExactly(wish);
    }

    @Test
    void whatIsReturnedIsWhatTheDeviceReadsBackAndSends() {
        clock.set(clock.instant().plusNanos(123_456));
        RequestDto r = cases.recordRequest(powerCut("r1")).value();
        assertThat(cases.requests("r1")).containsExactly(r);
        assertThat(cases.cases("r1")).containsExactly(cases.current("r1").orElseThrow());
        AnonymousContactDto a = cases.recordAnonymous(new AnonymousContactForm(
                        Casework.CHANNEL_PHONE, List.of("energie"), List.of(), List.of(), null, null))
                .value();
        assertThat(cases.anonymousSince(TODAY)).containsExactly(a);
    }

    @Test
    void aRequestIsCheckedByTheSharedRulesWithMessagesBesideTheFields() {
        RequestForm court = new RequestForm(
                "r1",
                null,
                Casework.CHANNEL_DESK,
                "pigeon",
                List.of("energie"),
                List.of(Casework.URGENCY_COURT_DATE),
                null,
                null);
        Outcome<RequestDto> o = cases.recordRequest(court);
        assertThat(o.fieldErrors()).containsEntry("courtDate", "Indiquez la date d'audience.");
        RequestForm unknownReferrer =
                new RequestForm("r1", null, Casework.CHANNEL_DESK, "pigeon", List.of("energie"), List.of(), null, null);
        assertThat(cases.recordRequest(unknownReferrer).fieldErrors())
                .containsEntry("referrer", "Valeur inconnue : choisissez dans la liste.");
        RequestForm future =
                new RequestForm("r1", TODAY.plusDays(1), Casework.CHANNEL_DESK, null, List.of(), List.of(), null, null);
        assertThat(cases.recordRequest(future).fieldErrors())
                .containsEntry("receivedOn", "La date ne peut pas être dans le futur.");
        assertThat(cases.current("r1")).isEmpty();
        assertThat(core.sync().pendingItems()).isEmpty();
    }

    @Test
    void aCaseIsClosedWithAReasonAndOutcomesThenReopened() {
        CaseDto k = cases.ensureOpen("r1", List.of("energie")).value();
        assertThat(cases.close(k.id(), null, null, List.of()).fieldErrors())
                .containsEntry("closingReason", "Indiquez le motif de clôture.");
        assertThat(cases.close(k.id(), null, "goals_met", List.of(new CaseOutcomeDto("fsl_granted", -5L)))
                        .fieldErrors())
                .containsEntry("outcomes", "Le montant d'un résultat va de 0 à 1 000 000 €.");
        List<CaseOutcomeDto> outcomes =
                List.of(new CaseOutcomeDto("fsl_granted", 45_000L), new CaseOutcomeDto("cut_avoided", null));
        CaseDto closed = cases.close(k.id(), null, "goals_met", outcomes).value();
        assertThat(closed.status()).isEqualTo(Casework.CASE_CLOSED);
        assertThat(closed.closedOn()).isEqualTo(TODAY);
        assertThat(closed.outcomes()).isEqualTo(outcomes);
        assertThat(cases.current("r1")).isEmpty();
        CaseDto again = cases.reopen(k.id()).value();
        assertThat(again.status()).isEqualTo(Casework.CASE_OPEN);
        assertThat(again.closingReason()).isNull();
        assertThat(again.outcomes()).isEmpty();
    }

    @Test
    void aResidentHasOneCaseOpenAtATime() {
        CaseDto first = cases.ensureOpen("r1", List.of()).value();
        assertThat(cases.ensureOpen("r1", List.of("eau")).value().id()).isEqualTo(first.id());
        cases.close(first.id(), null, "goals_met", List.of()).value();
        CaseDto second = cases.ensureOpen("r1", List.of()).value();
        assertThat(second.id()).isNotEqualTo(first.id());
        Outcome<CaseDto> reopen = cases.reopen(first.id());
        assertThat(reopen.isOk()).isFalse();
        assertThat(reopen.message()).startsWith("Cette personne a déjà un accompagnement en cours");
        assertThat(cases.setOnHold(second.id(), true).value().status()).isEqualTo(Casework.CASE_ON_HOLD);
        assertThat(cases.current("r1")).map(CaseDto::id).contains(second.id());
    }

    @Test
    void goalsAreKeptLineByLineAndTheReferentCanBeSet() {
        CaseDto k = cases.ensureOpen("r1", List.of()).value();
        CaseDto edited = cases.edit(
                        k.id(),
                        List.of("energie", "logement"),
                        List.of(" Rétablir l'électricité ", "", "Dossier FSL"),
                        "u-c2")
                .value();
        assertThat(edited.goals()).containsExactly("Rétablir l'électricité", "Dossier FSL");
        assertThat(edited.domains()).containsExactly("energie", "logement");
        assertThat(edited.referentId()).isEqualTo("u-c2");
        assertThat(cases.edit(k.id(), List.of("astrologie"), List.of(), null).fieldErrors())
                .containsEntry("domains", "Valeur inconnue : choisissez dans la liste.");
    }

    @Test
    void aVisitOfTheDayBelongsToTheCaseOpenThatDay() {
        CaseDto k = cases.ensureOpen("r1", List.of()).value();
        assertThat(cases.caseOn("r1", TODAY)).map(CaseDto::id).contains(k.id());
        assertThat(cases.caseOn("r1", TODAY.minusDays(1))).isEmpty();
        cases.close(k.id(), TODAY, "goals_met", List.of()).value();
        assertThat(cases.caseOn("r1", TODAY)).map(CaseDto::id).contains(k.id());
        assertThat(cases.caseOn("r1", TODAY.plusDays(1))).isEmpty();
    }

    @Test
    void anAnonymousContactIsCountedWithoutAnythingThatNamesAPerson() {
        AnonymousContactDto a = cases.recordAnonymous(new AnonymousContactForm(
                        Casework.CHANNEL_DESK,
                        List.of("energie"),
                        List.of("cheque_energie"),
                        List.of("information_droits"),
                        "65_plus",
                        15))
                .value();
        assertThat(a.counsellorId()).isEqualTo("u-c1");
        assertThat(cases.anonymousSince(TODAY)).containsExactly(a);
        assertThat(core.sync().pendingItems()).singleElement().satisfies(i -> {
            assertThat(i.entity()).isEqualTo(EntityType.ANONYMOUS_CONTACT);
            assertThat(i.summary()).isEqualTo("Contact anonyme");
        });
        Outcome<AnonymousContactDto> nothing = cases.recordAnonymous(
                new AnonymousContactForm(Casework.CHANNEL_HOME_VISIT, List.of(), List.of(), List.of(), "42", 0));
        assertThat(nothing.fieldErrors()).containsKey("channel");
        core.sync().syncNow().join();
        assertThat(core.sync().pendingItems()).isEmpty();
        assertThat(server.entity(EntityType.ANONYMOUS_CONTACT, a.id())).isEqualTo(a);
    }
}
