package fr.mediance.rules;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

/**
 * The budget sheet's figures (domain brief §2.11, §6): monthly income, monthly charges (credits included), reste à
 * vivre in all and per person, and the energy effort rate with the ONPE precarity flag (above 8 %). Every line is
 * brought to the month exactly (weekly = × 52 ÷ 12) and money is rounded half-up to the cent once, at the end.
 */
public final class BudgetSheet {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal PRECARITY_THRESHOLD = BigDecimal.valueOf(8);

    private BudgetSheet() {}

    /** One line: a category of its list, an amount in euros (0 or more) paid or received at a periodicity. */
    public record Line(String category, BigDecimal amount, Periodicity periodicity, boolean paidToLandlord) {
        public Line(String category, BigDecimal amount, Periodicity periodicity) {
            this(category, amount, periodicity, false);
        }
    }

    /**
     * The sheet's figures. {@code energyEffortRate} is energy ÷ income in %, one decimal, empty when there is no
     * income; {@code energyPrecarity} is that rate above 8 (or, without income, any energy spending at all).
     */
    public record Figures(
            BigDecimal monthlyIncome,
            BigDecimal monthlyCharges,
            BigDecimal resteAVivre,
            BigDecimal resteAVivrePerPerson,
            Optional<BigDecimal> energyEffortRate,
            boolean energyPrecarity) {}

    public static Figures compute(int householdPersons, List<Line> incomes, List<Line> charges, List<Line> credits) {
        if (householdPersons < 1) {
            throw new RuleException(RuleException.INVALID_INPUT, "persons.invalid");
        }
        check(incomes, BudgetCategories.INCOMES);
        check(charges, BudgetCategories.CHARGES);
        check(credits, BudgetCategories.CREDITS);

        BigDecimal income = BigDecimal.ZERO;
        BigDecimal aidToLandlord = BigDecimal.ZERO;
        for (Line line : incomes) {
            BigDecimal monthly = line.periodicity().monthly(line.amount());
            if (line.category().equals(BudgetCategories.HOUSING_AID) && line.paidToLandlord()) {
                aidToLandlord = aidToLandlord.add(monthly);
            } else {
                income = income.add(monthly);
            }
        }
        BigDecimal energy = BigDecimal.ZERO;
        BigDecimal spending = aidToLandlord.negate();
        for (Line line : charges) {
            BigDecimal monthly = line.periodicity().monthly(line.amount());
            spending = spending.add(monthly);
            if (BudgetCategories.ENERGY.contains(line.category())) {
                energy = energy.add(monthly);
            }
        }
        for (Line line : credits) {
            spending = spending.add(line.periodicity().monthly(line.amount()));
        }
        BigDecimal rest = income.subtract(spending);
        Optional<BigDecimal> rate = income.signum() == 0
                ? Optional.empty()
                : Optional.of(energy.multiply(HUNDRED)
                        .divide(income, MathContext.DECIMAL128)
                        .setScale(1, RoundingMode.HALF_UP));
        boolean precarity = rate.map(r -> r.compareTo(PRECARITY_THRESHOLD) > 0).orElse(energy.signum() > 0);
        return new Figures(
                cents(income),
                cents(spending),
                cents(rest),
                cents(rest.divide(BigDecimal.valueOf(householdPersons), MathContext.DECIMAL128)),
                rate,
                precarity);
    }

    private static void check(List<Line> lines, List<String> categories) {
        for (Line line : lines) {
            if (!categories.contains(line.category())) {
                throw new RuleException(RuleException.UNKNOWN_CODE, "budget.category.unknown", line.category());
            }
            if (line.amount().signum() < 0) {
                throw new RuleException(RuleException.INVALID_INPUT, "budget.amount.negative", line.category());
            }
        }
    }

    private static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }
}
