package fr.mediance.server;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.protocol.DebtDto;
import fr.mediance.protocol.EnergyContractDto;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.InstalmentDto;
import fr.mediance.protocol.OperationResultDto;
import fr.mediance.protocol.PaymentPlanDto;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Payment plans against the real server, on one database kind: the shared check, the creditor from the partner
 * list, debts of the same resident, who writes and who receives them, never deleted.
 */
abstract class PaymentPlansContract extends SyncScenario {

    static PaymentPlanDto plan(String id, String residentId, List<String> debtIds, String status, LocalDate agreed) {
        return new PaymentPlanDto(
                id,
                null,
                residentId,
                "edf",
                debtIds,
                agreed,
                41_250,
                1,
                status,
                List.of(
                        new InstalmentDto(LocalDate.of(2027, 1, 5), 13_750, LocalDate.of(2027, 1, 5), 13_750),
                        new InstalmentDto(LocalDate.of(2027, 2, 5), 13_750, null, 0),
                        new InstalmentDto(LocalDate.of(2027, 3, 5), 13_750, null, 0)),
                null,
                "Accord téléphonique");
    }

    /** A contract and a debt of the resident, pushed by someone who may; answers the debt's id. */
    String debtOf(String token, String residentId) {
        EnergyContractDto c = EnergyRecordsContract.contract(newId(), residentId);
        DebtDto d = EnergyRecordsContract.debt(newId(), residentId, c.id());
        push(token, op(c), op(d)).results().forEach(SyncScenario::assertApplied);
        return d.id();
    }

    @Test
    void aCounsellorRecordsThePlanOfHerResidentsDebtsAndOnlyThoseWhoFollowThemReceiveIt() {
        String debt = debtOf(conseil1, R1);
        PaymentPlanDto p = plan(newId(), R1, List.of(debt), "proposed", null);
        assertApplied(pushOne(conseil1, op(p)));
        PaymentPlanDto accepted = with(with(p, "status", "active"), "agreedOn", LocalDate.of(2026, 12, 1));
        assertApplied(pushOne(conseil1, op(accepted)));

        PaymentPlanDto atOffice = (PaymentPlanDto) pullAll(server.token("bureau"), null)
                .find(EntityType.PAYMENT_PLAN, p.id())
                .data();
        assertThat(atOffice).isEqualTo(with(accepted, "structureId", "demo-structure"));
        assertThat(pullAll(conseil1, null).ids(EntityType.PAYMENT_PLAN)).contains(p.id());
        assertThat(pullAll(conseil2, null).ids(EntityType.PAYMENT_PLAN)).doesNotContain(p.id());
        assertThat(server.count("SELECT COUNT(*) FROM payment_plans WHERE id = ? AND status = 'active'", p.id()))
                .isEqualTo(1);
    }

    @Test
    void theSharedCheckRefusesInstalmentsThatDoNotMakeTheTotalAndAnAgreedPlanWithoutItsDay() {
        String debt = debtOf(conseil1, R1);
        OperationResultDto sum =
                pushOne(conseil1, op(with(plan(newId(), R1, List.of(debt), "proposed", null), "totalCents", 50_000L)));
        assertRejected(sum, "invalid_field");
        assertThat(sum.message()).isEqualTo("Les échéances font 412,50\u00a0€ au lieu du total de 500,00\u00a0€.");
        OperationResultDto day = pushOne(conseil1, op(plan(newId(), R1, List.of(debt), "accepted", null)));
        assertRejected(day, "invalid_field");
        assertThat(day.message()).isEqualTo("Indiquez le jour où le créancier a accepté l'échéancier.");
        assertRejected(
                pushOne(conseil1, op(with(plan(newId(), R1, List.of(debt), "proposed", null), "creditor", "inconnu"))),
                "unknown_code");
    }

    @Test
    void aPlanCoversLiveDebtsOfTheSameResidentAndHisOwnDocument() {
        String mine = debtOf(conseil1, R1);
        String theirs = debtOf(coord, R3);
        assertRejected(pushOne(coord, op(plan(newId(), R1, List.of(mine, theirs), "proposed", null))), "invalid_field");
        assertRejected(pushOne(conseil1, op(plan(newId(), R1, List.of(newId()), "proposed", null))), "not_found");
        assertRejected(
                pushOne(
                        conseil1,
                        op(with(
                                plan(newId(), R1, List.of(mine), "proposed", null),
                                "confirmationDocumentId",
                                newId()))),
                "invalid_field");
        String doc = newId();
        assertApplied(pushOne(conseil1, op(document(doc, R1, null))));
        assertApplied(pushOne(
                conseil1, op(with(plan(newId(), R1, List.of(mine), "proposed", null), "confirmationDocumentId", doc))));
    }

    @Test
    void aCounsellorCannotWriteThePlanOfAResidentSheDoesNotFollowAndAPlanIsNeverDeleted() {
        String theirs = debtOf(coord, R3);
        assertRejected(pushOne(conseil1, op(plan(newId(), R3, List.of(theirs), "proposed", null))), "not_found");
        PaymentPlanDto p = plan(newId(), R3, List.of(theirs), "proposed", null);
        assertApplied(pushOne(coord, op(p)));
        assertRejected(pushOne(coord, op(with(p, "residentId", R1))), "invalid_field");
        assertRejected(pushOne(coord, deleteOp(EntityType.PAYMENT_PLAN, p.id())), "forbidden");
        // nor the debts it is about: they stay in the file
        for (String debtId : p.debtIds()) {
            assertRejected(pushOne(coord, deleteOp(EntityType.DEBT, debtId)), "forbidden");
        }
    }
}
