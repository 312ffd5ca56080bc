package fr.mediance.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Cases worked out by hand from décret 2008-780, décret 2023-133 and the trêve's fiche (domain brief §3.3, §4). */
class EnergyProcedureTest {
    private final EnergyProcedure rules = new EnergyProcedure(LegalReference.standard());

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @ParameterizedTest(name = "{0} {1}: in trêve {2}, protected {3}")
    @CsvSource({
        "2026-10-31, electricite, false, false",
        "2026-11-01, gaz, true, true",
        "2026-12-25, chaleur, true, true",
        "2027-03-31, electricite, true, true",
        "2027-04-01, electricite, false, false",
        "2028-02-29, gaz, true, true",
        "2026-11-15, fioul, true, false",
        "2026-11-15, bois, true, false",
        "2027-01-10, gpl, true, false",
        "2026-07-14, fioul, false, false",
    })
    void treveRunsFromTheFirstOfNovemberToTheThirtyFirstOfMarchAndProtectsGridEnergiesOnly(
            String date, String energy, boolean inTreve, boolean cutProtected) {
        assertThat(rules.treve(d(date), Energy.fromCode(energy)))
                .isEqualTo(new EnergyProcedure.TreveStatus(inTreve, cutProtected));
    }

    @Test
    void anUnknownEnergyIsRefused() {
        assertThatThrownBy(() -> Energy.fromCode("essence"))
                .isInstanceOfSatisfying(
                        RuleException.class, e -> assertThat(e.code()).isEqualTo(RuleException.UNKNOWN_CODE))
                .hasMessageContaining("essence");
    }

    @ParameterizedTest(name = "{1} kVA on {0}, attestation {2} → {3}")
    @CsvSource({
        "2026-11-01, 6, false, 3",
        "2026-12-01, 9, false, 3",
        "2027-03-31, 36, false, 3",
        "2027-01-15, 3, false, 2",
        "2027-01-15, 5, false, 2",
    })
    void aWinterReductionGoesToThreeKvaFromSixKvaAndToTwoBelow(String date, int kva, boolean attestation, int reduced) {
        assertThat(rules.winterPowerReduction(d(date), kva, attestation)).contains(reduced);
    }

    @Test
    void aChequeEnergieAttestationForbidsTheWinterReduction() {
        assertThat(rules.winterPowerReduction(d("2026-12-01"), 6, true)).isEmpty();
    }

    @Test
    void theWinterReductionRuleRefusesADateOutsideTheTreve() {
        assertThatThrownBy(() -> rules.winterPowerReduction(d("2026-10-31"), 6, false))
                .isInstanceOfSatisfying(
                        RuleException.class, e -> assertThat(e.code()).isEqualTo(RuleException.OUT_OF_PERIOD));
        assertThatThrownBy(() -> rules.winterPowerReduction(d("2027-04-01"), 6, false))
                .isInstanceOf(RuleException.class);
    }

    @Test
    void withoutADueDateTheInvoiceIsUnpaidFourteenDaysAfterItsIssue() {
        EnergyProcedure.UnpaidTimeline t = rules.unpaidTimeline(
                d("2026-01-10"), Optional.empty(), false, Optional.of(d("2026-01-24")), Optional.of(d("2026-02-08")));
        assertThat(t)
                .isEqualTo(new EnergyProcedure.UnpaidTimeline(
                        d("2026-01-24"), Optional.of(d("2026-02-08")), Optional.of(d("2026-02-28"))));
    }

    @Test
    void aLaterDueDateMakesTheInvoiceUnpaidOnThatDayAndAnAidedHouseholdGetsThirtyDays() {
        EnergyProcedure.UnpaidTimeline t = rules.unpaidTimeline(
                d("2026-03-01"),
                Optional.of(d("2026-03-31")),
                true,
                Optional.of(d("2026-03-31")),
                Optional.of(d("2026-04-30")));
        assertThat(t)
                .isEqualTo(new EnergyProcedure.UnpaidTimeline(
                        d("2026-03-31"), Optional.of(d("2026-04-30")), Optional.of(d("2026-05-20"))));
    }

    @Test
    void anEarlierDueDateDoesNotShortenTheFourteenDays() {
        assertThat(rules.unpaidTimeline(
                                d("2028-02-15"),
                                Optional.of(d("2028-02-20")),
                                false,
                                Optional.empty(),
                                Optional.empty())
                        .unpaidOn())
                .isEqualTo(d("2028-02-29"));
    }

    @Test
    void theLettersThatAreNotSentYetGiveNoDate() {
        assertThat(rules.unpaidTimeline(d("2026-10-01"), Optional.empty(), false, Optional.empty(), Optional.empty()))
                .isEqualTo(new EnergyProcedure.UnpaidTimeline(d("2026-10-15"), Optional.empty(), Optional.empty()));
    }

    @Test
    void lettersInAnImpossibleOrderAreRefused() {
        assertThatThrownBy(() -> rules.unpaidTimeline(
                        d("2026-10-01"), Optional.empty(), false, Optional.of(d("2026-10-14")), Optional.empty()))
                .isInstanceOfSatisfying(
                        RuleException.class, e -> assertThat(e.code()).isEqualTo(RuleException.INCONSISTENT_DATES));
        assertThatThrownBy(() -> rules.unpaidTimeline(
                        d("2026-10-01"),
                        Optional.empty(),
                        false,
                        Optional.of(d("2026-10-20")),
                        Optional.of(d("2026-10-19"))))
                .isInstanceOf(RuleException.class);
        assertThatThrownBy(() -> rules.unpaidTimeline(
                        d("2026-10-01"), Optional.empty(), false, Optional.empty(), Optional.of(d("2026-11-19"))))
                .isInstanceOf(RuleException.class);
        assertThatThrownBy(() -> rules.unpaidTimeline(
                        d("2026-10-01"), Optional.of(d("2026-09-30")), false, Optional.empty(), Optional.empty()))
                .isInstanceOf(RuleException.class);
    }

    @ParameterizedTest(name = "1 kVA from {0}: 60th day {1}, earliest cut {2}")
    @CsvSource({
        // 30 days of September and 30 of October.
        "2026-09-01, 2026-10-30, 2026-10-31",
        // 31 + 29 days: the 60th day is 31 October, the day after is in the trêve: no cut before 1 April.
        "2026-08-01, 2026-09-29, 2026-09-30",
        "2026-09-02, 2026-10-31, 2027-04-01",
        // 31 days of October, the trêve not counted, then 29 from 1 April.
        "2026-10-01, 2027-04-29, 2027-04-30",
        "2026-10-31, 2027-05-29, 2027-05-30",
        "2027-04-01, 2027-05-30, 2027-05-31",
        // 29 days of October, the trêve (with its 29 February) not counted, then 31 from 1 April 2028.
        "2027-10-03, 2028-05-01, 2028-05-02",
    })
    void theSixtyDaysAtOneKvaAreCountedOutsideTheTreve(String start, String sixtieth, String cut) {
        assertThat(rules.linkyReductionEnd(d(start))).isEqualTo(new EnergyProcedure.ReductionEnd(d(sixtieth), d(cut)));
    }

    @Test
    void aOneKvaPeriodCannotStartInTheTreve() {
        for (String start : new String[] {"2026-11-01", "2027-03-31", "2027-01-01"}) {
            assertThatThrownBy(() -> rules.linkyReductionEnd(d(start)))
                    .as(start)
                    .isInstanceOfSatisfying(
                            RuleException.class, e -> assertThat(e.code()).isEqualTo(RuleException.OUT_OF_PERIOD));
        }
    }
}
