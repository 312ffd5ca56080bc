package fr.mediance.server;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.protocol.ApiPaths;
import fr.mediance.protocol.ChequeEnergieDto;
import fr.mediance.protocol.DebtDto;
import fr.mediance.protocol.DebtStageDto;
import fr.mediance.protocol.EnergyContractDto;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.OperationDto;
import fr.mediance.protocol.OperationResultDto;
import fr.mediance.protocol.ProblemDto;
import fr.mediance.protocol.PushResponse;
import fr.mediance.protocol.SupplyStateDto;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Energy contracts and debts against the real server, on one database kind: who may write them, what the shared
 * checks refuse, the order of a debt's dates from the rules, and who receives them.
 */
abstract class EnergyRecordsContract extends SyncScenario {

    static EnergyContractDto contract(String id, String residentId) {
        return new EnergyContractDto(
                id,
                null,
                residentId,
                "electricite",
                "edf",
                "trv",
                "12345678901234",
                6L,
                true,
                "monthly",
                "CL-0042",
                LocalDate.of(2026, 10, 2),
                List.of(new ChequeEnergieDto(2026, 19_400L, null)),
                List.of(new SupplyStateDto(newId(), "normal", null, LocalDate.of(2024, 1, 1), "resident", null)));
    }

    static DebtDto debt(String id, String residentId, String contractId) {
        return new DebtDto(
                id,
                null,
                residentId,
                "energie",
                "edf",
                contractId,
                41_250L,
                LocalDate.of(2026, 9, 1),
                null,
                LocalDate.of(2026, 9, 20),
                LocalDate.of(2026, 10, 12),
                null,
                null,
                null,
                "acknowledged",
                List.of(new DebtStageDto("reminder_1", LocalDate.of(2026, 9, 20))));
    }

    @Test
    void aCounsellorRecordsTheContractAndTheBillOfAResidentSheFollowsAndOnlyThoseWhoFollowThemSeeThem() {
        EnergyContractDto c = contract(newId(), R1);
        DebtDto d = debt(newId(), R1, c.id());
        PushResponse r = push(conseil1, op(c), op(d));
        assertApplied(r.results().get(0));
        assertApplied(r.results().get(1));

        assertThat(pullAll(conseil1, null)
                        .find(EntityType.ENERGY_CONTRACT, c.id())
                        .data())
                .isEqualTo(with(c, "structureId", "demo-structure"));
        assertThat(pullAll(coord, null).ids(EntityType.DEBT)).contains(d.id());
        assertThat(pullAll(conseil2, null).ids(EntityType.ENERGY_CONTRACT)).doesNotContain(c.id());
        assertThat(pullAll(conseil2, null).ids(EntityType.DEBT)).doesNotContain(d.id());
    }

    @Test
    void theSameOperationSentTwiceIsAppliedOnce() {
        EnergyContractDto c = contract(newId(), R1);
        OperationDto once = op(c);
        OperationResultDto first = pushOne(conseil1, once);
        OperationResultDto again = pushOne(conseil1, once);
        assertThat(again).isEqualTo(first);
        assertThat(server.count("SELECT COUNT(*) FROM energy_contracts WHERE id = ?", c.id()))
                .isEqualTo(1);
        assertThat(pullAll(coord, null).changes().stream()
                        .filter(ch -> ch.entityId().equals(c.id()))
                        .count())
                .isEqualTo(1);
    }

    @Test
    void aNewSupplyStateAppendedLaterIsANewVersion() {
        EnergyContractDto c = contract(newId(), R1);
        long v1 = pushOne(conseil1, op(c)).version();
        EnergyContractDto reduced = c.withSupplyState(
                new SupplyStateDto(newId(), "limited", 3L, LocalDate.of(2026, 11, 20), "visit", null));
        OperationResultDto r =
                pushOne(conseil1, new OperationDto(newId(), EntityType.ENERGY_CONTRACT, c.id(), v1, false, reduced));
        assertApplied(r);
        EnergyContractDto stored =
                (EnergyContractDto) current(EntityType.ENERGY_CONTRACT, c.id()).data();
        assertThat(stored.currentSupplyState()).map(SupplyStateDto::kva).hasValue(3L);
    }

    @Test
    void theSharedChecksRefuseABadDeliveryPointAPowerAboveTheLimitsAndAnUnknownSupplier() {
        OperationResultDto pdl = pushOne(conseil1, op(with(contract(newId(), R1), "deliveryPoint", "1234")));
        assertRejected(pdl, "invalid_field");
        assertThat(pdl.message()).contains("14 chiffres");
        assertRejected(pushOne(conseil1, op(with(contract(newId(), R1), "subscribedKva", 37L))), "invalid_field");
        assertRejected(pushOne(conseil1, op(with(contract(newId(), R1), "supplier", "inconnu"))), "unknown_code");
        EnergyContractDto gas = with(with(contract(newId(), R1), "energy", "gaz"), "subscribedKva", null);
        assertApplied(pushOne(conseil1, op(with(gas, "deliveryPoint", "GI123456"))));
    }

    @Test
    void aCounsellorCannotWriteTheContractOfAResidentSheDoesNotFollow() {
        assertRejected(pushOne(conseil1, op(contract(newId(), R3))), "not_found");
        assertApplied(pushOne(coord, op(contract(newId(), R3))));
    }

    @Test
    void aContractKeepsItsEnergyAndItsResident() {
        EnergyContractDto c = contract(newId(), R1);
        assertApplied(pushOne(conseil1, op(c)));
        EnergyContractDto gas = with(with(with(c, "energy", "gaz"), "subscribedKva", null), "deliveryPoint", null);
        assertRejected(pushOne(conseil1, op(gas)), "invalid_field");
        assertRejected(pushOne(coord, op(with(c, "residentId", R3))), "invalid_field");
    }

    @Test
    void aDebtsDatesMustBeInAnOrderTheProcedureCanHave() {
        EnergyContractDto c = contract(newId(), R1);
        assertApplied(pushOne(conseil1, op(c)));
        // issued 1 September: unpaid on 15 September; a first reminder on the 10th cannot be
        OperationResultDto early =
                pushOne(conseil1, op(with(debt(newId(), R1, c.id()), "firstReminderOn", LocalDate.of(2026, 9, 10))));
        assertRejected(early, "invalid_field");
        assertThat(early.message()).contains("première relance");
        OperationResultDto second =
                pushOne(conseil1, op(with(debt(newId(), R1, c.id()), "secondLetterOn", LocalDate.of(2026, 9, 19))));
        assertRejected(second, "invalid_field");
        assertRejected(
                pushOne(conseil1, op(with(debt(newId(), R1, c.id()), "amountCents", 100_000_001L))), "invalid_field");
        assertRejected(pushOne(conseil1, op(with(debt(newId(), R1, c.id()), "status", "late"))), "invalid_field");
    }

    @Test
    void anEnergyDebtNamesALiveContractOfTheSameResident() {
        EnergyContractDto other = contract(newId(), R3);
        assertApplied(pushOne(coord, op(other)));
        assertRejected(pushOne(coord, op(debt(newId(), R1, other.id()))), "not_found");
        assertRejected(pushOne(coord, op(debt(newId(), R1, null))), "invalid_field");
        assertRejected(pushOne(coord, op(debt(newId(), R1, "absent"))), "not_found");
    }

    @Test
    void aRentArrearTravelsWithItsFeesAndCustomerNumberButNeverWithAnEnergyContract() {
        DebtDto rent = new DebtDto(
                newId(),
                null,
                R1,
                "loyer",
                null,
                null,
                124_000L,
                LocalDate.of(2026, 9, 1),
                null,
                LocalDate.of(2026, 10, 15),
                null,
                null,
                null,
                null,
                "acknowledged",
                List.of(),
                "LOC-4521",
                "Avis d'échéance 09/2026, 10/2026",
                3_500L);
        assertApplied(pushOne(conseil1, op(rent)));
        DebtDto pulled = (DebtDto)
                pullAll(conseil1, null).find(EntityType.DEBT, rent.id()).data();
        assertThat(pulled.feesCents()).isEqualTo(3_500L);
        assertThat(pulled.customerNumber()).isEqualTo("LOC-4521");
        assertThat(pulled.invoices()).isEqualTo("Avis d'échéance 09/2026, 10/2026");

        EnergyContractDto c = contract(newId(), R1);
        assertApplied(pushOne(conseil1, op(c)));
        OperationResultDto refused =
                pushOne(conseil1, op(with(debt(newId(), R1, c.id()), "creditorCategory", "loyer")));
        assertRejected(refused, "invalid_field");
        assertThat(refused.message()).contains("Seul un impayé d'énergie");
    }

    @Test
    void aContractWithALiveDebtIsNotDeletedButTheDebtIs() {
        EnergyContractDto c = contract(newId(), R1);
        DebtDto d = debt(newId(), R1, c.id());
        push(conseil1, op(c), op(d));
        assertRejected(pushOne(conseil1, deleteOp(EntityType.ENERGY_CONTRACT, c.id())), "forbidden");
        assertApplied(pushOne(conseil1, deleteOp(EntityType.DEBT, d.id())));
        assertApplied(pushOne(conseil1, deleteOp(EntityType.ENERGY_CONTRACT, c.id())));
        assertThat(pullAll(conseil1, null)
                        .find(EntityType.ENERGY_CONTRACT, c.id())
                        .deleted())
                .isTrue();
    }

    @Test
    void theOfficeOnlyReads() {
        String bureau = server.token("bureau");
        assertRejected(pushOne(bureau, op(contract(newId(), R1))), "forbidden");
    }

    @Test
    void aContractWithoutItsEnergyIsAProblemNamingTheField() {
        TestServer.Response r = server.postJson(
                ApiPaths.SYNC_PUSH,
                coord,
                "{\"deviceId\":\"d\",\"operations\":[{\"opId\":\"o1\",\"entity\":\"energy_contract\","
                        + "\"entityId\":\"c1\",\"data\":{\"id\":\"c1\",\"residentId\":\"" + R1 + "\"}}]}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        ProblemDto p = r.problem();
        assertThat(p.code()).isEqualTo("invalid_request");
        assertThat(p.errors().get(0).field()).isEqualTo("operations[0].data.energy");
    }

    @Test
    void theSeededDirectoryHoldsTheSuppliersUnderTheEnergyCategory() {
        assertThat(server.count("SELECT COUNT(*) FROM partners WHERE type = 'fournisseur_energie' AND id IN "
                        + "('edf', 'engie', 'totalenergies', 'ekwateur', 'mint', 'vattenfall', 'octopus', 'es')"))
                .isEqualTo(8);
        assertThat(server.count(
                        "SELECT COUNT(*) FROM codes WHERE list_name = 'creditor_category' AND code = 'energie'"))
                .isEqualTo(1);
        assertThat(server.count("SELECT COUNT(*) FROM codes WHERE list_name = 'supply_state' AND code = 'resiliated'"))
                .isEqualTo(1);
    }
}
