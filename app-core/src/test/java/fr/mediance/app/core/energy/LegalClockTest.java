package fr.mediance.app.core.energy;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.energy.LegalClock.Protection;
import fr.mediance.app.core.energy.LegalClock.ProtectionKind;
import fr.mediance.app.core.energy.LegalClock.Step;
import fr.mediance.app.core.energy.LegalClock.StepKind;
import fr.mediance.protocol.ChequeEnergieDto;
import fr.mediance.protocol.DebtDto;
import fr.mediance.protocol.EnergyContractDto;
import fr.mediance.protocol.SupplyStateDto;
import fr.mediance.rules.LegalReference;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class LegalClockTest {
    static final LocalDate IN_TREVE = LocalDate.of(2026, 12, 7);
    static final LocalDate SUMMER = LocalDate.of(2027, 6, 15);

    final LegalClock clock = new LegalClock(LegalReference.standard());

    static EnergyContractDto contract(
            String energy, Long kva, Boolean linky, List<ChequeEnergieDto> cheques, List<SupplyStateDto> states) {
        return new EnergyContractDto(
                "c1", "s1", "r1", energy, "edf", "trv", null, kva, linky, null, null, null, cheques, states);
    }

    static DebtDto debt(LocalDate issue, LocalDate first, LocalDate second) {
        return new DebtDto(
                "d1",
                "s1",
                "r1",
                "energie",
                "edf",
                "c1",
                41_250L,
                issue,
                null,
                first,
                second,
                null,
                null,
                null,
                "acknowledged",
                List.of());
    }

    @Test
    void inTheTreveASixKvaContractWithoutAttestationMayBeReducedToThreeButNotCutUntilTheEndOfMarch() {
        LegalClock.ContractClock cc = clock.forContract(
                contract("electricite", 6L, true, List.of(), List.of()),
                List.of(debt(LocalDate.of(2026, 10, 1), null, null)),
                IN_TREVE);
        assertThat(cc.aided()).isFalse();
        assertThat(cc.protections())
                .containsExactly(
                        new Protection(ProtectionKind.TREVE_CUT_FORBIDDEN, LocalDate.of(2027, 3, 31), null),
                        new Protection(ProtectionKind.WINTER_REDUCTION_ALLOWED, null, 3));
        assertThat(cc.steps()).containsExactly(new Step(StepKind.UNPAID_ON, LocalDate.of(2026, 10, 15), "d1"));
    }

    @Test
    void belowSixKvaTheWinterReductionIsToTwo() {
        LegalClock.ContractClock cc = clock.forContract(
                contract("electricite", 3L, null, List.of(), List.of()),
                List.of(debt(LocalDate.of(2026, 10, 1), null, null)),
                IN_TREVE);
        assertThat(cc.protections()).contains(new Protection(ProtectionKind.WINTER_REDUCTION_ALLOWED, null, 2));
    }

    @Test
    void anAttestationSentForbidsTheReductionAndGivesThirtyDaysAfterTheFirstLetter() {
        LegalClock.ContractClock cc = clock.forContract(
                contract(
                        "electricite",
                        9L,
                        true,
                        List.of(new ChequeEnergieDto(2026, 19_400L, LocalDate.of(2026, 5, 4))),
                        List.of()),
                List.of(debt(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 20), LocalDate.of(2026, 11, 25))),
                IN_TREVE);
        assertThat(cc.aided()).isTrue();
        assertThat(cc.protections())
                .containsExactly(
                        new Protection(ProtectionKind.TREVE_CUT_FORBIDDEN, LocalDate.of(2027, 3, 31), null),
                        new Protection(ProtectionKind.WINTER_REDUCTION_FORBIDDEN, null, null),
                        new Protection(ProtectionKind.CHEQUE_ATTESTATION_SENT, LocalDate.of(2026, 5, 4), 2026));
        assertThat(cc.steps())
                .containsExactly(
                        new Step(StepKind.UNPAID_ON, LocalDate.of(2026, 10, 15), "d1"),
                        new Step(StepKind.PAYMENT_DEADLINE, LocalDate.of(2026, 11, 19), "d1"),
                        new Step(StepKind.EARLIEST_REDUCTION_OR_CUT, LocalDate.of(2026, 12, 15), "d1"),
                        new Step(StepKind.EARLIEST_CUT_AFTER_TREVE, LocalDate.of(2027, 4, 1), "d1"));
    }

    @Test
    void anAttestationOlderThanTwelveMonthsNoLongerCountsAndAChequeWithoutAttestationIsPointedOut() {
        LegalClock.ContractClock cc = clock.forContract(
                contract(
                        "electricite",
                        6L,
                        null,
                        List.of(
                                new ChequeEnergieDto(2025, 19_400L, LocalDate.of(2025, 5, 4)),
                                new ChequeEnergieDto(2026, 19_400L, null)),
                        List.of()),
                List.of(debt(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 20), null)),
                IN_TREVE);
        assertThat(cc.aided()).isFalse();
        assertThat(cc.protections()).contains(new Protection(ProtectionKind.CHEQUE_ATTESTATION_MISSING, null, 2026));
        assertThat(cc.steps()).contains(new Step(StepKind.PAYMENT_DEADLINE, LocalDate.of(2026, 11, 4), "d1"));
    }

    @Test
    void fuelOilIsNotProtectedByTheTreveAndHasNoWinterReduction() {
        LegalClock.ContractClock cc = clock.forContract(
                contract("fioul", null, null, List.of(), List.of()),
                List.of(debt(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 20), LocalDate.of(2026, 11, 25))),
                IN_TREVE);
        assertThat(cc.protections()).containsExactly(new Protection(ProtectionKind.TREVE_NOT_COVERED, null, null));
        assertThat(cc.steps()).extracting(Step::kind).doesNotContain(StepKind.EARLIEST_CUT_AFTER_TREVE);
    }

    @Test
    void outsideTheTreveAnAidedLinkyHouseholdAtOneKvaHasItsSixtyDaysAndTheNextTreve() {
        DebtDto aided = new DebtDto(
                "d1",
                "s1",
                "r1",
                "energie",
                "edf",
                "c1",
                41_250L,
                LocalDate.of(2027, 2, 1),
                null,
                null,
                null,
                LocalDate.of(2027, 5, 2),
                LocalDate.of(2027, 3, 10),
                LocalDate.of(2027, 4, 2),
                "fsl_pending",
                List.of());
        LegalClock.ContractClock cc = clock.forContract(
                contract(
                        "electricite",
                        6L,
                        true,
                        List.of(),
                        List.of(new SupplyStateDto("s1", "limited", 1L, LocalDate.of(2027, 6, 1), "supplier", null))),
                List.of(aided),
                SUMMER);
        assertThat(cc.aided()).isTrue();
        assertThat(cc.protections())
                .containsExactly(
                        new Protection(ProtectionKind.OUTSIDE_TREVE, LocalDate.of(2027, 11, 1), null),
                        new Protection(ProtectionKind.FSL_FILED, LocalDate.of(2027, 5, 2), null),
                        new Protection(ProtectionKind.FSL_AID, LocalDate.of(2027, 3, 10), null),
                        new Protection(ProtectionKind.LINKY_PERIOD, LocalDate.of(2027, 6, 1), null));
        assertThat(cc.steps())
                .containsExactly(
                        new Step(StepKind.UNPAID_ON, LocalDate.of(2027, 2, 15), "d1"),
                        new Step(StepKind.MNE_FROM, LocalDate.of(2027, 6, 2), "d1"),
                        new Step(StepKind.LINKY_SIXTIETH_DAY, LocalDate.of(2027, 7, 30), null),
                        new Step(StepKind.LINKY_EARLIEST_CUT, LocalDate.of(2027, 7, 31), null),
                        new Step(StepKind.MNE_UNTIL, LocalDate.of(2028, 2, 2), "d1"));
    }

    @Test
    void theLastReadingGivesTheOldestDayThatMayBeBilled() {
        EnergyContractDto c = new EnergyContractDto(
                "c1",
                "s1",
                "r1",
                "gaz",
                "engie",
                null,
                null,
                null,
                null,
                null,
                null,
                LocalDate.of(2026, 10, 31),
                List.of(),
                List.of());
        LegalClock.ContractClock cc =
                clock.forContract(c, List.of(debt(LocalDate.of(2026, 10, 1), null, null)), SUMMER);
        assertThat(cc.steps()).contains(new Step(StepKind.OLDEST_BILLABLE, LocalDate.of(2025, 8, 31), null));
    }

    @Test
    void onlyContractsWithAnUnpaidBillHaveAClock() {
        EnergyContractDto elec = contract("electricite", 6L, null, List.of(), List.of());
        EnergyContractDto gas = new EnergyContractDto(
                "c2", "s1", "r1", "gaz", "engie", null, null, null, null, null, null, null, List.of(), List.of());
        DebtDto paid = new DebtDto(
                "d2",
                "s1",
                "r1",
                "energie",
                "engie",
                "c2",
                10_000L,
                LocalDate.of(2026, 10, 1),
                null,
                null,
                null,
                null,
                null,
                null,
                "paid",
                List.of());
        assertThat(clock.compute(
                        List.of(elec, gas), List.of(debt(LocalDate.of(2026, 10, 1), null, null), paid), IN_TREVE))
                .extracting(cc -> cc.contract().id())
                .containsExactly("c1");
    }
}
