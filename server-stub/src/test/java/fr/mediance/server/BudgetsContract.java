package fr.mediance.server;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.protocol.AidApplicationDto;
import fr.mediance.protocol.BudgetDto;
import fr.mediance.protocol.BudgetLineDto;
import fr.mediance.protocol.CodeDto;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.OperationResultDto;
import fr.mediance.protocol.OverindebtednessFileDto;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Budget sheets and aid applications against the real server, on one database kind: who writes them, who receives
 * them, what is refused.
 */
abstract class BudgetsContract extends SyncScenario {

    static BudgetDto budget(String id, String residentId, String author, List<BudgetLineDto> lines) {
        return new BudgetDto(
                id,
                null,
                residentId,
                author,
                LocalDate.of(2026, 11, 26),
                2,
                lines,
                "Établi au domicile.",
                TestServer.START);
    }

    static final List<BudgetLineDto> LINES = List.of(
            new BudgetLineDto("income", "salaire", 165_000, "monthly", false, true, null),
            new BudgetLineDto("income", "apl", 18_000, "monthly", true, true, null),
            new BudgetLineDto("charge", "loyer", 70_000, "monthly", false, true, null),
            new BudgetLineDto("charge", "electricite", 15_000, "every_2_months", false, false, null),
            new BudgetLineDto("credit", "credit", 12_000, "monthly", false, false, "Cofidis"));

    @Test
    void aCounsellorsBudgetSheetReachesTheOfficeAndTheFollowersOnly() {
        String id = newId();
        assertApplied(pushOne(conseil1, op(budget(id, R1, "demo-conseil1", LINES))));

        BudgetDto atOffice = (BudgetDto) pullAll(server.token("bureau"), null)
                .find(EntityType.BUDGET, id)
                .data();
        assertThat(atOffice)
                .isEqualTo(new BudgetDto(
                        id,
                        "demo-structure",
                        R1,
                        "demo-conseil1",
                        LocalDate.of(2026, 11, 26),
                        2,
                        LINES,
                        "Établi au domicile.",
                        TestServer.START));
        assertThat(pullAll(coord, null).ids(EntityType.BUDGET)).contains(id);
        assertThat(pullAll(conseil1, null).ids(EntityType.BUDGET)).contains(id);
        assertThat(pullAll(conseil2, null).ids(EntityType.BUDGET)).doesNotContain(id);
    }

    @Test
    void aSheetIsWrittenInItsAuthorsNameAboutAResidentTheyMaySee() {
        assertRejected(pushOne(conseil1, op(budget(newId(), R1, "demo-conseil2", LINES))), "forbidden");
        assertRejected(pushOne(conseil2, op(budget(newId(), R1, "demo-conseil2", LINES))), "not_found");
        String id = newId();
        assertApplied(pushOne(conseil1, op(budget(id, R1, "demo-conseil1", LINES))));
        assertRejected(pushOne(coord, op(budget(id, R1, "demo-coord", LINES))), "forbidden");
        assertRejected(pushOne(conseil1, deleteOp(EntityType.BUDGET, id)), "forbidden");
    }

    @Test
    void itsAuthorKeepsEditingItAndARepeatIsHarmless() {
        String id = newId();
        assertApplied(pushOne(conseil1, op(budget(id, R1, "demo-conseil1", LINES))));
        List<BudgetLineDto> more = new java.util.ArrayList<>(LINES);
        more.add(new BudgetLineDto("charge", "eau", 3_000, "monthly", false, false, null));
        assertApplied(pushOne(conseil1, op(budget(id, R1, "demo-conseil1", more))));
        assertThat(((BudgetDto) pullAll(coord, null).find(EntityType.BUDGET, id).data()).lines())
                .hasSize(6);
    }

    @Test
    void aSheetTheTabletWouldRefuseIsRefusedWithTheSameFieldAndMessage() {
        OperationResultDto wrongCategory = pushOne(
                conseil1,
                op(budget(
                        newId(),
                        R1,
                        "demo-conseil1",
                        List.of(new BudgetLineDto("charge", "salaire", 100, "monthly", false, false, null)))));
        assertRejected(wrongCategory, "invalid_field");
        assertThat(wrongCategory.message()).contains("salaire");
        OperationResultDto negative = pushOne(
                conseil1,
                op(budget(
                        newId(),
                        R1,
                        "demo-conseil1",
                        List.of(new BudgetLineDto("income", "salaire", -5, "monthly", false, false, null)))));
        assertRejected(negative, "invalid_field");
        assertThat(negative.message()).isEqualTo("Le montant doit être entre 0 et 1 000 000 €.");
    }

    static AidApplicationDto fsl(String id, String residentId, String status, Long granted, LocalDate decidedOn) {
        return new AidApplicationDto(
                id,
                null,
                residentId,
                "demo-conseil1",
                "fsl_energie",
                "13",
                "Maison départementale de la solidarité",
                List.of(),
                List.of("piece_identite", "justificatif_dette", "rib"),
                41_230L,
                granted,
                granted == null ? null : "supplier",
                status,
                LocalDate.of(2026, 11, 20),
                LocalDate.of(2026, 11, 24),
                null,
                decidedOn,
                null,
                null,
                TestServer.START);
    }

    @Test
    void anAidApplicationReachesTheOfficeAndItsDecisionFollows() {
        String id = newId();
        assertApplied(pushOne(conseil1, op(fsl(id, R1, "submitted", null, null))));
        assertApplied(pushOne(conseil1, op(fsl(id, R1, "granted", 30_000L, LocalDate.of(2026, 12, 4)))));
        AidApplicationDto atOffice = (AidApplicationDto) pullAll(server.token("bureau"), null)
                .find(EntityType.AID_APPLICATION, id)
                .data();
        assertThat(atOffice.status()).isEqualTo("granted");
        assertThat(atOffice.grantedCents()).isEqualTo(30_000L);
        assertThat(atOffice.checklist()).containsExactly("piece_identite", "justificatif_dette", "rib");
        assertThat(pullAll(conseil2, null).ids(EntityType.AID_APPLICATION)).doesNotContain(id);
        assertRejected(pushOne(conseil2, op(fsl(newId(), R1, "submitted", null, null))), "not_found");
        assertRejected(pushOne(conseil1, deleteOp(EntityType.AID_APPLICATION, id)), "forbidden");
    }

    @Test
    void anAidApplicationTheTabletWouldRefuseIsRefused() {
        assertRejected(
                pushOne(conseil1, op(fsl(newId(), R1, "granted", null, LocalDate.of(2026, 12, 4)))), "invalid_field");
        assertRejected(pushOne(conseil1, op(fsl(newId(), R1, "granted", 30_000L, null))), "invalid_field");
        AidApplicationDto unknownDocument =
                with(fsl(newId(), R1, "preparing", null, null), "checklist", List.of("selfie"));
        assertRejected(pushOne(conseil1, op(unknownDocument)), "unknown_code");
        AidApplicationDto unknownKind = with(fsl(newId(), R1, "preparing", null, null), "kind", "loterie");
        assertRejected(pushOne(conseil1, op(unknownKind)), "unknown_code");
    }

    @Test
    void theOfficesLegalValuesAreCheckedAndUsedByTheRulesAtSync() {
        String bureau = server.token("bureau");
        assertRejected(
                pushOne(bureau, op(new CodeDto("legal_value", "unpaid_days", "Jours", null, 30, true, "vingt"))),
                "invalid_field");
        assertRejected(
                pushOne(bureau, op(new CodeDto("fsl_rule", "13", "Bouches-du-Rhône", null, 10, true, "delai=quinze"))),
                "invalid_field");
        String contract = newId();
        assertApplied(pushOne(conseil1, op(EnergyRecordsContract.contract(contract, R1))));
        // First reminder 19 days after the invoice: after the 14 days of the décret, before 20.
        assertApplied(pushOne(conseil1, op(EnergyRecordsContract.debt(newId(), R1, contract))));
        assertApplied(pushOne(bureau, op(new CodeDto("legal_value", "unpaid_days", "Jours", null, 30, true, "20"))));
        OperationResultDto refused = pushOne(conseil1, op(EnergyRecordsContract.debt(newId(), R1, contract)));
        assertRejected(refused, "invalid_field");
        assertThat(refused.message())
                .isEqualTo("La première relance précède la date à laquelle la facture est impayée.");
    }

    static OverindebtednessFileDto bdf(String id, String status, LocalDate filed, LocalDate decided) {
        return new OverindebtednessFileDto(
                id,
                null,
                R1,
                "paper",
                false,
                LocalDate.of(2026, 9, 1),
                filed,
                status,
                decided,
                null,
                null,
                null,
                null,
                false,
                null,
                TestServer.START);
    }

    @Test
    void anOverindebtednessFileFollowsItsStagesAndReachesTheOffice() {
        String id = newId();
        assertApplied(pushOne(conseil1, op(bdf(id, "preparing", null, null))));
        assertApplied(pushOne(conseil1, op(bdf(id, "filed", LocalDate.of(2026, 9, 15), null))));
        assertRejected(
                pushOne(conseil1, op(bdf(id, "inadmissible", LocalDate.of(2026, 9, 15), null))), "invalid_field");
        assertRejected(
                pushOne(conseil1, op(bdf(id, "inadmissible", LocalDate.of(2026, 9, 15), LocalDate.of(2026, 9, 1)))),
                "invalid_field");
        assertApplied(
                pushOne(conseil1, op(bdf(id, "inadmissible", LocalDate.of(2026, 9, 15), LocalDate.of(2026, 11, 2)))));
        OverindebtednessFileDto atOffice = (OverindebtednessFileDto) pullAll(server.token("bureau"), null)
                .find(EntityType.OVERINDEBTEDNESS_FILE, id)
                .data();
        assertThat(atOffice.status()).isEqualTo("inadmissible");
        assertThat(pullAll(conseil2, null).ids(EntityType.OVERINDEBTEDNESS_FILE))
                .doesNotContain(id);
        assertRejected(pushOne(conseil1, deleteOp(EntityType.OVERINDEBTEDNESS_FILE, id)), "forbidden");
    }

    @Test
    void aCounsellorWhoStartsFollowingAHouseholdReceivesItsMoneyRecordsAndLosesThemAfter() {
        String budget = newId();
        String aid = newId();
        String file = newId();
        assertApplied(pushOne(conseil1, op(budget(budget, R1, "demo-conseil1", LINES))));
        assertApplied(pushOne(conseil1, op(fsl(aid, R1, "submitted", null, null))));
        assertApplied(pushOne(conseil1, op(bdf(file, "preparing", null, null))));
        Feed before = pullAll(conseil2, null);
        assertThat(before.ids(EntityType.BUDGET)).doesNotContain(budget);

        String appointment = newId();
        assertApplied(pushOne(coord, op(appointment(appointment, R1, "demo-conseil2", "proposed"))));
        Feed gained = pullAll(conseil2, before.cursor());
        assertThat(gained.ids(EntityType.BUDGET)).containsExactly(budget);
        assertThat(gained.ids(EntityType.AID_APPLICATION)).containsExactly(aid);
        assertThat(gained.ids(EntityType.OVERINDEBTEDNESS_FILE)).containsExactly(file);

        assertApplied(pushOne(coord, deleteOp(EntityType.APPOINTMENT, appointment)));
        Feed lost = pullAll(conseil2, gained.cursor());
        assertThat(lost.find(EntityType.BUDGET, budget).deleted()).isTrue();
        assertThat(lost.find(EntityType.AID_APPLICATION, aid).deleted()).isTrue();
        assertThat(lost.find(EntityType.OVERINDEBTEDNESS_FILE, file).deleted()).isTrue();
    }
}
