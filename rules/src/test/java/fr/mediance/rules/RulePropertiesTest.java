package fr.mediance.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Properties that hold for every input, checked over many generated ones (seeded: a failure names its inputs and
 * comes back on every run).
 */
class RulePropertiesTest {
    private static final int CASES = 3_000;
    private static final LocalDate FIRST = LocalDate.of(2020, 1, 1);

    private final LegalReference reference = LegalReference.standard();
    private final EnergyProcedure energy = new EnergyProcedure(reference);
    private final Random random = new Random(20261207L);

    private LocalDate anyDay() {
        return FIRST.plusDays(random.nextInt(365 * 10));
    }

    private LocalDate anyDayOutsideTreve() {
        LocalDate day = anyDay();
        while (reference.inTreve(day)) {
            day = anyDay();
        }
        return day;
    }

    @Test
    void aLaterOneKvaStartNeverGivesAnEarlierEnd() {
        for (int i = 0; i < CASES; i++) {
            LocalDate a = anyDayOutsideTreve();
            LocalDate b = anyDayOutsideTreve();
            LocalDate early = a.isBefore(b) ? a : b;
            LocalDate late = a.isBefore(b) ? b : a;
            EnergyProcedure.ReductionEnd first = energy.linkyReductionEnd(early);
            EnergyProcedure.ReductionEnd second = energy.linkyReductionEnd(late);
            assertThat(second.sixtiethDay()).as("%s then %s", early, late).isAfterOrEqualTo(first.sixtiethDay());
            assertThat(second.earliestCut()).as("%s then %s", early, late).isAfterOrEqualTo(first.earliestCut());
        }
    }

    @Test
    void aOneKvaPeriodCountsExactlySixtyDaysOutsideTheTreveAndNeverEndsOrCutsInIt() {
        for (int i = 0; i < CASES; i++) {
            LocalDate start = anyDayOutsideTreve();
            EnergyProcedure.ReductionEnd end = energy.linkyReductionEnd(start);
            long counted = start.datesUntil(end.sixtiethDay().plusDays(1))
                    .filter(day -> !reference.inTreve(day))
                    .count();
            assertThat(counted).as("from %s", start).isEqualTo(60);
            assertThat(reference.inTreve(end.sixtiethDay())).isFalse();
            assertThat(reference.inTreve(end.earliestCut())).isFalse();
            assertThat(end.earliestCut()).isAfter(end.sixtiethDay());
        }
    }

    @Test
    void laterLettersNeverGiveEarlierDeadlines() {
        for (int i = 0; i < CASES; i++) {
            LocalDate issue = anyDay();
            boolean aided = random.nextBoolean();
            LocalDate unpaid = energy.unpaidTimeline(issue, Optional.empty(), aided, Optional.empty(), Optional.empty())
                    .unpaidOn();
            LocalDate first = unpaid.plusDays(random.nextInt(60));
            LocalDate later = first.plusDays(random.nextInt(60));
            LocalDate second = later.plusDays(random.nextInt(60));
            EnergyProcedure.UnpaidTimeline a =
                    energy.unpaidTimeline(issue, Optional.empty(), aided, Optional.of(first), Optional.of(second));
            EnergyProcedure.UnpaidTimeline b =
                    energy.unpaidTimeline(issue, Optional.empty(), aided, Optional.of(later), Optional.of(second));
            assertThat(b.paymentDeadline().orElseThrow())
                    .isAfterOrEqualTo(a.paymentDeadline().orElseThrow());
            assertThat(a.paymentDeadline().orElseThrow()).isAfter(a.unpaidOn());
        }
    }

    @Test
    void aHigherIncomeNeverGivesAHigherChequeEnergie() {
        ChequeEnergie cheque = new ChequeEnergie(reference);
        for (int i = 0; i < CASES; i++) {
            int persons = 1 + random.nextInt(8);
            BigDecimal low = BigDecimal.valueOf(random.nextInt(40_000));
            BigDecimal high = low.add(BigDecimal.valueOf(random.nextInt(5_000)));
            ChequeEnergie.Result poorer = cheque.compute(low, persons, 2023);
            ChequeEnergie.Result richer = cheque.compute(high, persons, 2023);
            assertThat(richer.amount())
                    .as("%s vs %s, %d persons", low, high, persons)
                    .isLessThanOrEqualTo(poorer.amount());
            assertThat(poorer.eligible()).isEqualTo(poorer.amount() > 0);
        }
    }

    @Test
    void theRestPerPersonTimesThePersonsIsTheRestWithinRounding() {
        for (int i = 0; i < CASES; i++) {
            int persons = 1 + random.nextInt(9);
            BudgetSheet.Figures f = BudgetSheet.compute(
                    persons,
                    lines(BudgetCategories.INCOMES),
                    lines(BudgetCategories.CHARGES),
                    lines(BudgetCategories.CREDITS));
            BigDecimal product = f.resteAVivrePerPerson().multiply(BigDecimal.valueOf(persons));
            assertThat(product.subtract(f.resteAVivre()).abs())
                    .as("%s × %d vs %s", f.resteAVivrePerPerson(), persons, f.resteAVivre())
                    .isLessThanOrEqualTo(new BigDecimal("0.005").multiply(BigDecimal.valueOf(persons + 1L)));
            assertThat(f.resteAVivre()
                            .subtract(f.monthlyIncome().subtract(f.monthlyCharges()))
                            .abs())
                    .isLessThanOrEqualTo(new BigDecimal("0.01"));
        }
    }

    @Test
    void anotherChargeNeverRaisesTheRest() {
        for (int i = 0; i < CASES; i++) {
            List<BudgetSheet.Line> incomes = lines(BudgetCategories.INCOMES);
            List<BudgetSheet.Line> charges = lines(BudgetCategories.CHARGES);
            BudgetSheet.Figures before = BudgetSheet.compute(2, incomes, charges, List.of());
            List<BudgetSheet.Line> more = new ArrayList<>(charges);
            more.addAll(lines(BudgetCategories.CHARGES));
            BudgetSheet.Figures after = BudgetSheet.compute(2, incomes, more, List.of());
            assertThat(after.resteAVivre()).isLessThanOrEqualTo(before.resteAVivre());
        }
    }

    private List<BudgetSheet.Line> lines(List<String> categories) {
        List<BudgetSheet.Line> lines = new ArrayList<>();
        Periodicity[] periodicities = Periodicity.values();
        for (int n = random.nextInt(4); n > 0; n--) {
            String category = categories.get(random.nextInt(categories.size()));
            lines.add(new BudgetSheet.Line(
                    category,
                    BigDecimal.valueOf(random.nextInt(300_000), 2),
                    periodicities[random.nextInt(periodicities.length)],
                    random.nextBoolean()));
        }
        return lines;
    }
}
