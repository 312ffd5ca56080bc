package fr.mediance.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.mediance.rules.PaymentPlans.Debt;
import fr.mediance.rules.PaymentPlans.Instalment;
import fr.mediance.rules.PaymentPlans.Payment;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Payment plans: worked cases by hand, then properties over seeded inputs. */
class PaymentPlansTest {
    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void aHundredEurosInThreeMonthlyInstalmentsPutsTheExtraCentOnTheFirst() {
        assertThat(PaymentPlans.schedule(10_000, 3, d("2026-03-05"), 1))
                .containsExactly(
                        Instalment.due(d("2026-03-05"), 3_334),
                        Instalment.due(d("2026-04-05"), 3_333),
                        Instalment.due(d("2026-05-05"), 3_333));
    }

    @Test
    void theRemainderCentsGoOnTheFirstInstalmentsOneEach() {
        assertThat(PaymentPlans.schedule(1_002, 4, d("2026-01-10"), 1).stream()
                        .map(Instalment::amountCents)
                        .toList())
                .containsExactly(251L, 251L, 250L, 250L);
    }

    @Test
    void aPlanStartingOnTheThirtyFirstClampsToEachMonthsEndWithoutDrifting() {
        assertThat(PaymentPlans.schedule(600, 6, d("2028-01-31"), 1).stream()
                        .map(Instalment::dueDate)
                        .toList())
                .containsExactly(
                        d("2028-01-31"),
                        d("2028-02-29"),
                        d("2028-03-31"),
                        d("2028-04-30"),
                        d("2028-05-31"),
                        d("2028-06-30"));
    }

    @Test
    void everyThreeMonthsFromTheThirtiethOfNovember() {
        assertThat(PaymentPlans.schedule(300, 3, d("2026-11-30"), 3).stream()
                        .map(Instalment::dueDate)
                        .toList())
                .containsExactly(d("2026-11-30"), d("2027-02-28"), d("2027-05-30"));
    }

    @Test
    void anImpossiblePlanIsRefusedWithACodeAndAFrenchMessage() {
        assertThatThrownBy(() -> PaymentPlans.schedule(0, 3, d("2026-03-05"), 1))
                .isInstanceOf(RuleException.class)
                .hasMessage("Le montant total d'un échéancier doit être supérieur à 0.")
                .extracting(e -> ((RuleException) e).code())
                .isEqualTo(RuleException.INVALID_INPUT);
        assertThatThrownBy(() -> PaymentPlans.schedule(10_000, 0, d("2026-03-05"), 1))
                .hasMessage("Un échéancier compte de 1 à 120 échéances.");
        assertThatThrownBy(() -> PaymentPlans.schedule(10_000, 121, d("2026-03-05"), 1))
                .hasMessage("Un échéancier compte de 1 à 120 échéances.");
        assertThatThrownBy(() -> PaymentPlans.schedule(10_000, 3, d("2026-03-05"), 0))
                .hasMessage("L'intervalle entre deux échéances est d'au moins 1 mois.");
        assertThatThrownBy(() -> PaymentPlans.schedule(2, 3, d("2026-03-05"), 1))
                .hasMessage("Le montant total est trop faible pour 3 échéances (au moins 1 centime chacune).");
    }

    @Test
    void lateInstalmentsAreTheOnesDueBeforeTodayAndNotFullyPaid() {
        Instalment paid = new Instalment(d("2026-03-05"), 3_334, d("2026-03-04"), 3_334);
        Instalment partly = new Instalment(d("2026-04-05"), 3_333, d("2026-04-05"), 2_000);
        Instalment dueToday = Instalment.due(d("2026-05-05"), 3_333);
        assertThat(PaymentPlans.late(List.of(paid, partly, dueToday), d("2026-05-05")))
                .containsExactly(partly);
        assertThat(PaymentPlans.late(List.of(paid, partly, dueToday), d("2026-05-06")))
                .containsExactly(partly, dueToday);
    }

    @Test
    void aPlanIsCompletedWhenAllIsPaidAndBrokenAfterThirtyDaysOfAnUnpaidInstalment() {
        Instalment paid = new Instalment(d("2026-03-05"), 5_000, d("2026-03-05"), 5_000);
        Instalment unpaid = Instalment.due(d("2026-04-05"), 5_000);
        assertThat(PaymentPlans.suggestedStatus(
                        List.of(paid, new Instalment(d("2026-04-05"), 5_000, d("2026-04-01"), 5_000)),
                        d("2026-04-02"),
                        "active"))
                .isEqualTo("completed");
        assertThat(PaymentPlans.suggestedStatus(List.of(paid, unpaid), d("2026-05-05"), "active"))
                .isEqualTo("active");
        assertThat(PaymentPlans.suggestedStatus(List.of(paid, unpaid), d("2026-05-06"), "active"))
                .isEqualTo("broken");
        assertThat(PaymentPlans.suggestedStatus(List.of(paid, unpaid), d("2026-05-06"), "proposed"))
                .isEqualTo("proposed");
    }

    @Test
    void aPaymentOverSeveralDebtsPaysTheOldestFirst() {
        List<Debt> debts = List.of(
                new Debt("gaz", d("2026-02-01"), 30_000),
                new Debt("elec", d("2025-11-15"), 20_000),
                new Debt("eau", d("2026-01-10"), 10_000));
        PaymentPlans.Balances b = PaymentPlans.balances(
                debts, List.of(new Payment(25_000, List.of("gaz", "elec", "eau")), new Payment(4_000, List.of("gaz"))));
        Map<String, Long> expected = new LinkedHashMap<>();
        expected.put("elec", 0L);
        expected.put("eau", 5_000L);
        expected.put("gaz", 26_000L);
        assertThat(b.balances()).containsExactlyEntriesOf(expected);
        assertThat(b.unimputedCents()).isZero();
    }

    @Test
    void debtsOfTheSameDayArePaidInTheOrderOfTheirIdAndAnOverpaymentIsLeftUnimputed() {
        List<Debt> debts = List.of(new Debt("b", d("2026-01-01"), 1_000), new Debt("a", d("2026-01-01"), 1_000));
        Map<String, Long> aFirst = new LinkedHashMap<>();
        aFirst.put("a", 0L);
        aFirst.put("b", 500L);
        assertThat(PaymentPlans.balances(debts, List.of(new Payment(1_500, List.of("b", "a")))))
                .isEqualTo(new PaymentPlans.Balances(aFirst, 0));
        PaymentPlans.Balances over = PaymentPlans.balances(
                debts, List.of(new Payment(1_500, List.of("a", "b")), new Payment(900, List.of("a", "b"))));
        assertThat(over.balances().values()).containsExactly(0L, 0L);
        assertThat(over.unimputedCents()).isEqualTo(400);
    }

    // Properties, over seeded inputs.
    private final Random random = new Random(20261207L);

    private LocalDate anyDay() {
        return LocalDate.of(2020, 1, 1).plusDays(random.nextInt(365 * 20));
    }

    @Test
    void theInstalmentsSumToTheTotalAndTheirDatesStrictlyIncrease() {
        for (int i = 0; i < 3_000; i++) {
            int count = 1 + random.nextInt(PaymentPlans.MAX_INSTALMENTS);
            long total = count + (long) random.nextInt(100_000_000 - count);
            LocalDate first = anyDay();
            int every = 1 + random.nextInt(12);
            List<Instalment> plan = PaymentPlans.schedule(total, count, first, every);
            String what = total + " in " + count + " from " + first + " every " + every;
            assertThat(plan).as(what).hasSize(count);
            assertThat(plan.stream().mapToLong(Instalment::amountCents).sum())
                    .as(what)
                    .isEqualTo(total);
            assertThat(plan.get(0).dueDate()).as(what).isEqualTo(first);
            for (int k = 1; k < count; k++) {
                assertThat(plan.get(k).dueDate())
                        .as(what)
                        .isAfter(plan.get(k - 1).dueDate());
                assertThat(plan.get(k).amountCents())
                        .as(what)
                        .isLessThanOrEqualTo(plan.get(k - 1).amountCents());
                assertThat(plan.get(0).amountCents() - plan.get(k).amountCents())
                        .as(what)
                        .isBetween(0L, 1L);
            }
        }
    }

    @Test
    void aLaterFirstDueNeverGivesAnEarlierInstalment() {
        for (int i = 0; i < 3_000; i++) {
            int count = 1 + random.nextInt(36);
            int every = 1 + random.nextInt(6);
            LocalDate a = anyDay();
            LocalDate b = a.plusDays(random.nextInt(60));
            List<Instalment> early = PaymentPlans.schedule(10_000, count, a, every);
            List<Instalment> late = PaymentPlans.schedule(10_000, count, b, every);
            for (int k = 0; k < count; k++) {
                assertThat(late.get(k).dueDate())
                        .as("%s then %s, #%s", a, b, k)
                        .isAfterOrEqualTo(early.get(k).dueDate());
            }
        }
    }

    @Test
    void balancesSumToTheAmountsLessWhatWasImputedAndNeverGoBelowZero() {
        for (int i = 0; i < 3_000; i++) {
            int n = 1 + random.nextInt(6);
            List<Debt> debts = new java.util.ArrayList<>();
            for (int k = 0; k < n; k++) {
                debts.add(new Debt("d" + k, anyDay(), random.nextInt(500_000)));
            }
            List<Payment> payments = new java.util.ArrayList<>();
            int m = random.nextInt(8);
            for (int k = 0; k < m; k++) {
                List<String> covered = debts.stream()
                        .map(Debt::id)
                        .filter(x -> random.nextBoolean())
                        .toList();
                payments.add(new Payment(random.nextInt(300_000), covered));
            }
            PaymentPlans.Balances b = PaymentPlans.balances(debts, payments);
            long amounts = debts.stream().mapToLong(Debt::amountCents).sum();
            long paid = payments.stream().mapToLong(Payment::amountCents).sum();
            long balances =
                    b.balances().values().stream().mapToLong(Long::longValue).sum();
            assertThat(balances).as("case %s", i).isEqualTo(amounts - (paid - b.unimputedCents()));
            assertThat(b.balances().values()).allMatch(x -> x >= 0);
            assertThat(b.unimputedCents()).isBetween(0L, paid);
        }
    }
}
