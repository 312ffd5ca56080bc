package fr.mediance.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Cases worked out by hand from the budget sheet's definition (domain brief §2.11, §5.6, §6). */
class BudgetSheetTest {
    private static BudgetSheet.Line line(String category, String amount, Periodicity periodicity) {
        return new BudgetSheet.Line(category, new BigDecimal(amount), periodicity);
    }

    private static BigDecimal money(String amount) {
        return new BigDecimal(amount);
    }

    @Test
    void everyPeriodicityIsBroughtToTheMonth() {
        // 300 a week = 300 × 52 ÷ 12 = 1,300; 120 a quarter = 40; 600 a year = 50; 100 every 2 months = 50.
        BudgetSheet.Figures f = BudgetSheet.compute(
                1,
                List.of(line("salaire", "300", Periodicity.WEEKLY)),
                List.of(
                        line("loyer", "500", Periodicity.MONTHLY),
                        line("gaz", "120", Periodicity.QUARTERLY),
                        line("fioul_bois", "600", Periodicity.ANNUAL),
                        line("eau", "100", Periodicity.EVERY_2_MONTHS)),
                List.of());
        // Energy = 40 + 50 = 90 (water is not energy); 90 ÷ 1,300 = 6.92 %.
        assertThat(f)
                .isEqualTo(new BudgetSheet.Figures(
                        money("1300.00"),
                        money("640.00"),
                        money("660.00"),
                        money("660.00"),
                        Optional.of(new BigDecimal("6.9")),
                        false));
    }

    @Test
    void housingAidPaidToTheLandlordIsNotIncomeAndComesOffTheRent() {
        BudgetSheet.Figures f = BudgetSheet.compute(
                3,
                List.of(
                        line("aah", "1016.05", Periodicity.MONTHLY),
                        new BudgetSheet.Line("apl", new BigDecimal("250"), Periodicity.MONTHLY, true)),
                List.of(line("loyer", "600", Periodicity.MONTHLY), line("electricite", "95", Periodicity.MONTHLY)),
                List.of(line("credit", "80", Periodicity.MONTHLY)));
        // Income 1,016.05; charges 600 − 250 + 95 + 80 = 525; rest 491.05, 163.683… each; 95 ÷ 1,016.05 = 9.3499… %.
        assertThat(f)
                .isEqualTo(new BudgetSheet.Figures(
                        money("1016.05"),
                        money("525.00"),
                        money("491.05"),
                        money("163.68"),
                        Optional.of(new BigDecimal("9.3")),
                        true));
    }

    @Test
    void housingAidPaidToTheHouseholdIsIncome() {
        BudgetSheet.Figures f = BudgetSheet.compute(
                1,
                List.of(new BudgetSheet.Line("apl", new BigDecimal("250"), Periodicity.MONTHLY, false)),
                List.of(line("loyer", "400", Periodicity.MONTHLY)),
                List.of());
        assertThat(f.monthlyIncome()).isEqualTo(money("250.00"));
        assertThat(f.monthlyCharges()).isEqualTo(money("400.00"));
        assertThat(f.resteAVivre()).isEqualTo(money("-150.00"));
    }

    @Test
    void anEffortRateOfExactlyEightPercentIsNotPrecarity() {
        BudgetSheet.Figures f = BudgetSheet.compute(
                1,
                List.of(line("pension_retraite", "1000", Periodicity.MONTHLY)),
                List.of(line("electricite", "80", Periodicity.MONTHLY)),
                List.of());
        assertThat(f.energyEffortRate()).contains(new BigDecimal("8.0"));
        assertThat(f.energyPrecarity()).isFalse();
    }

    @Test
    void moneyIsRoundedHalfUpOnceAtTheEnd() {
        // 0.06 a year = 0.005 a month: half-up gives 0.01 (half-even would give 0.00).
        BudgetSheet.Figures f =
                BudgetSheet.compute(1, List.of(line("autre_revenu", "0.06", Periodicity.ANNUAL)), List.of(), List.of());
        assertThat(f.monthlyIncome()).isEqualTo(money("0.01"));
        // Three lines of 0.004 a month: 0.012 in all, not three roundings to 0.00.
        BudgetSheet.Figures g = BudgetSheet.compute(
                1,
                List.of(
                        line("autre_revenu", "0.048", Periodicity.ANNUAL),
                        line("autre_revenu", "0.048", Periodicity.ANNUAL),
                        line("autre_revenu", "0.048", Periodicity.ANNUAL)),
                List.of(),
                List.of());
        assertThat(g.monthlyIncome()).isEqualTo(money("0.01"));
    }

    @Test
    void withoutIncomeThereIsNoRateAndAnyEnergySpendingIsPrecarity() {
        BudgetSheet.Figures f =
                BudgetSheet.compute(2, List.of(), List.of(line("gaz", "50", Periodicity.MONTHLY)), List.of());
        assertThat(f.energyEffortRate()).isEmpty();
        assertThat(f.energyPrecarity()).isTrue();
        assertThat(f.resteAVivrePerPerson()).isEqualTo(money("-25.00"));
    }

    @Test
    void badLinesAreRefused() {
        assertThatThrownBy(() -> BudgetSheet.compute(0, List.of(), List.of(), List.of()))
                .isInstanceOf(RuleException.class);
        assertThatThrownBy(() -> BudgetSheet.compute(
                        1, List.of(line("salaire", "-1", Periodicity.MONTHLY)), List.of(), List.of()))
                .isInstanceOfSatisfying(
                        RuleException.class, e -> assertThat(e.code()).isEqualTo(RuleException.INVALID_INPUT));
        assertThatThrownBy(() -> BudgetSheet.compute(
                        1, List.of(line("loyer", "500", Periodicity.MONTHLY)), List.of(), List.of()))
                .isInstanceOfSatisfying(
                        RuleException.class, e -> assertThat(e.code()).isEqualTo(RuleException.UNKNOWN_CODE));
        assertThatThrownBy(() -> BudgetSheet.compute(
                        1, List.of(), List.of(), List.of(line("loyer", "500", Periodicity.MONTHLY))))
                .isInstanceOf(RuleException.class);
        assertThatThrownBy(() -> Periodicity.fromCode("daily")).isInstanceOf(RuleException.class);
    }
}
