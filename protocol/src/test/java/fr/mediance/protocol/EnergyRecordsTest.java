package fr.mediance.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import fr.mediance.protocol.json.MedianceJson;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnergyRecordsTest {
    private final Gson gson = MedianceJson.gson();

    static final EnergyContractDto CONTRACT = new EnergyContractDto(
            "ec-1",
            "s1",
            "res-1",
            "electricite",
            "edf",
            "trv",
            "12345678901234",
            6L,
            true,
            "monthly",
            "CL-0042",
            LocalDate.of(2026, 10, 2),
            List.of(new ChequeEnergieDto(2026, 19_400L, LocalDate.of(2026, 5, 4))),
            List.of(
                    new SupplyStateDto("ss-1", "normal", null, LocalDate.of(2024, 1, 1), "resident", null),
                    new SupplyStateDto("ss-2", "limited", 3L, LocalDate.of(2026, 11, 20), "visit", "r-1")));

    static final DebtDto DEBT = new DebtDto(
            "debt-1",
            "s1",
            "res-1",
            "energie",
            "edf",
            "ec-1",
            41_250L,
            LocalDate.of(2026, 9, 1),
            LocalDate.of(2026, 9, 20),
            LocalDate.of(2026, 10, 1),
            LocalDate.of(2026, 10, 20),
            LocalDate.of(2026, 11, 2),
            null,
            LocalDate.of(2026, 10, 5),
            "fsl_pending",
            List.of(
                    new DebtStageDto("invoice_unpaid", LocalDate.of(2026, 9, 20)),
                    new DebtStageDto("reminder_1", LocalDate.of(2026, 10, 1))));

    @Test
    void contractsAndDebtsRoundTripInsideAPushAndAChangeFeedWithEveryField() {
        PushRequest push = new PushRequest(
                "device-1",
                List.of(
                        new OperationDto("op-1", EntityType.ENERGY_CONTRACT, CONTRACT.id(), null, false, CONTRACT),
                        new OperationDto("op-2", EntityType.DEBT, DEBT.id(), 3L, false, DEBT)));
        assertThat(gson.fromJson(gson.toJson(push), PushRequest.class)).isEqualTo(push);
        ChangesResponse page = new ChangesResponse(
                List.of(
                        new ChangeDto(EntityType.ENERGY_CONTRACT, CONTRACT.id(), 1, false, CONTRACT),
                        new ChangeDto(EntityType.DEBT, DEBT.id(), 2, false, DEBT),
                        new ChangeDto(EntityType.DEBT, "debt-0", 3, true, null)),
                "3",
                false);
        assertThat(gson.fromJson(gson.toJson(page), ChangesResponse.class)).isEqualTo(page);
        assertThat(gson.toJson(CONTRACT)).contains("\"deliveryPoint\":\"12345678901234\"");
        assertThat(EntityType.fromCode("energy_contract")).isEqualTo(EntityType.ENERGY_CONTRACT);
        assertThat(EntityType.fromCode("debt")).isEqualTo(EntityType.DEBT);
    }

    @Test
    void aWellFormedContractAndDebtHaveNoProblem() {
        assertThat(EnergyRecords.contractProblems(CONTRACT)).isEmpty();
        assertThat(EnergyRecords.debtProblems(DEBT)).isEmpty();
    }

    @Test
    void theCurrentSupplyStateIsTheLatestByDate() {
        EnergyContractDto c = CONTRACT.withSupplyState(
                new SupplyStateDto("ss-0", "cut", null, LocalDate.of(2025, 6, 1), "supplier", null));
        assertThat(c.currentSupplyState()).map(SupplyStateDto::id).hasValue("ss-2");
        assertThat(c.supplyStatesByDate()).extracting(SupplyStateDto::id).containsExactly("ss-1", "ss-0", "ss-2");
    }

    @Test
    void aPdlHasFourteenDigitsAndAPceFourteenDigitsOrGiAndSix() {
        assertThat(EnergyRecords.deliveryPointValid("electricite", "12345678901234"))
                .isTrue();
        assertThat(EnergyRecords.deliveryPointValid("electricite", "1234567890123"))
                .isFalse();
        assertThat(EnergyRecords.deliveryPointValid("electricite", "GI123456")).isFalse();
        assertThat(EnergyRecords.deliveryPointValid("gaz", "GI123456")).isTrue();
        assertThat(EnergyRecords.deliveryPointValid("gaz", "98765432109876")).isTrue();
        assertThat(EnergyRecords.deliveryPointValid("gaz", "GI12345")).isFalse();
        assertThat(EnergyRecords.deliveryPointValid("fioul", "12345678901234")).isFalse();
        assertThat(EnergyRecords.deliveryPointValid("fioul", null)).isTrue();
    }

    @Test
    void eachBadFieldIsNamedWithAStableCode() {
        EnergyContractDto bad = new EnergyContractDto(
                "ec-2",
                "s1",
                "res-1",
                "gaz",
                "engie",
                "cheap",
                "123",
                6L,
                null,
                null,
                null,
                LocalDate.of(1999, 1, 1),
                List.of(new ChequeEnergieDto(2026, -1L, null), new ChequeEnergieDto(2026, null, null)),
                List.of(
                        new SupplyStateDto("ss-1", "limited", null, LocalDate.of(2026, 1, 1), null, null),
                        new SupplyStateDto("ss-2", "cut", 3L, null, "neighbour", null)));
        assertThat(EnergyRecords.contractProblems(bad))
                .extracting(EnergyRecords.Problem::field, EnergyRecords.Problem::code)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("offer", "unknown_value"),
                        org.assertj.core.groups.Tuple.tuple("deliveryPoint", "pce"),
                        org.assertj.core.groups.Tuple.tuple("subscribedKva", "kva_electricity_only"),
                        org.assertj.core.groups.Tuple.tuple("lastReadingDate", "date_range"),
                        org.assertj.core.groups.Tuple.tuple("chequesEnergie[0].amountCents", "amount_range"),
                        org.assertj.core.groups.Tuple.tuple("chequesEnergie[1].year", "duplicate"),
                        org.assertj.core.groups.Tuple.tuple("supplyStates[0].kva", "kva_required"),
                        org.assertj.core.groups.Tuple.tuple("supplyStates[1].kva", "kva_only_limited"),
                        org.assertj.core.groups.Tuple.tuple("supplyStates[1].date", "required"),
                        org.assertj.core.groups.Tuple.tuple("supplyStates[1].source", "unknown_value"));
    }

    @Test
    void anEnergyDebtNamesItsContractAndItsAmountStaysWithinTheLimits() {
        DebtDto bad = new DebtDto(
                "debt-2",
                "s1",
                "res-1",
                "energie",
                "edf",
                null,
                Limits.MAX_AMOUNT_CENTS + 1,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                "late",
                List.of(new DebtStageDto("letter", LocalDate.of(2026, 1, 1))));
        assertThat(EnergyRecords.debtProblems(bad))
                .extracting(EnergyRecords.Problem::field)
                .containsExactly("contractId", "amountCents", "issueDate", "status", "stages[0].stage");
        assertThat(EnergyRecords.debtProblems(bad).get(1).message()).contains("1 000 000,00 €");
    }

    static final DebtDto RENT = new DebtDto(
            "debt-3",
            "s1",
            "res-1",
            "loyer",
            "logirem",
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

    @Test
    void aDebtOfAnotherCategoryTravelsWithItsCustomerNumberInvoicesAndFees() {
        assertThat(EnergyRecords.debtProblems(RENT)).isEmpty();
        assertThat(gson.fromJson(gson.toJson(RENT), DebtDto.class)).isEqualTo(RENT);
        assertThat(gson.toJson(RENT)).contains("\"feesCents\":3500").contains("\"customerNumber\":\"LOC-4521\"");
        assertThat(RENT.totalCents()).isEqualTo(127_500L);
        assertThat(RENT.energy()).isFalse();
        DebtDto changed = RENT.withStatus("payment_plan");
        assertThat(changed.status()).isEqualTo("payment_plan");
        assertThat(changed.withStatus("acknowledged")).isEqualTo(RENT);
    }

    @Test
    void theEnergyProcedureIsTheEnergysOnlyAndFeesStayWithinTheLimits() {
        DebtDto bad = new DebtDto(
                "debt-4",
                "s1",
                "res-1",
                "loyer",
                null,
                "ec-1",
                Limits.MAX_AMOUNT_CENTS,
                LocalDate.of(2026, 9, 1),
                null,
                null,
                LocalDate.of(2026, 11, 1),
                null,
                null,
                null,
                "unknown",
                List.of(new DebtStageDto("cut", LocalDate.of(2026, 11, 30))),
                "x".repeat(Limits.MAX_SHORT_TEXT + 1),
                null,
                1L);
        assertThat(EnergyRecords.debtProblems(bad))
                .extracting(EnergyRecords.Problem::field, EnergyRecords.Problem::code)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("contractId", "energy_only"),
                        org.assertj.core.groups.Tuple.tuple("feesCents", "amount_range"),
                        org.assertj.core.groups.Tuple.tuple("customerNumber", "too_long"),
                        org.assertj.core.groups.Tuple.tuple("secondLetterOn", "energy_only"),
                        org.assertj.core.groups.Tuple.tuple("stages", "energy_only"));
        assertThat(EnergyRecords.debtProblems(
                        RENT.withFsl("unknown", null, null).saved("d", "s1", "loyer", null)))
                .isEmpty();
    }
}
