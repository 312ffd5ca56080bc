package fr.mediance.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import fr.mediance.protocol.json.MedianceJson;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaymentPlansTest {
    private final Gson gson = MedianceJson.gson();

    static final PaymentPlanDto PLAN = new PaymentPlanDto(
            "plan-1",
            "s1",
            "res-1",
            "edf",
            List.of("debt-1", "debt-2"),
            LocalDate.of(2026, 12, 1),
            30_000,
            1,
            "active",
            List.of(
                    new InstalmentDto(LocalDate.of(2027, 1, 5), 10_000, LocalDate.of(2027, 1, 4), 10_000),
                    new InstalmentDto(LocalDate.of(2027, 2, 5), 10_000, null, 0),
                    new InstalmentDto(LocalDate.of(2027, 3, 5), 10_000, null, 0)),
            "doc-1",
            "Accord par téléphone");

    private static PaymentPlanDto withInstalments(long total, List<InstalmentDto> instalments) {
        return new PaymentPlanDto(
                PLAN.id(),
                PLAN.structureId(),
                PLAN.residentId(),
                PLAN.creditor(),
                PLAN.debtIds(),
                PLAN.agreedOn(),
                total,
                PLAN.everyMonths(),
                PLAN.status(),
                instalments,
                null,
                null);
    }

    @Test
    void aPlanRoundTripsInsideAPushWithEveryFieldAndHasNoProblem() {
        PushRequest push = new PushRequest(
                "device-1", List.of(new OperationDto("op-1", EntityType.PAYMENT_PLAN, PLAN.id(), null, false, PLAN)));
        assertThat(gson.fromJson(gson.toJson(push), PushRequest.class)).isEqualTo(push);
        assertThat(gson.toJson(PLAN)).contains("\"debtIds\":[\"debt-1\",\"debt-2\"]");
        assertThat(EntityType.fromCode("payment_plan")).isEqualTo(EntityType.PAYMENT_PLAN);
        assertThat(PaymentPlans.problems(PLAN)).isEmpty();
    }

    @Test
    void instalmentsMustSumToTheTotalInIncreasingOrderWithTheirPaymentDay() {
        LocalDate jan = LocalDate.of(2027, 1, 5);
        LocalDate feb = LocalDate.of(2027, 2, 5);
        assertThat(PaymentPlans.problems(withInstalments(
                        30_000,
                        List.of(new InstalmentDto(jan, 10_000, null, 0), new InstalmentDto(feb, 10_000, null, 0)))))
                .containsExactly(new PaymentPlans.Problem(
                        "instalments", "sum", "Les échéances font 200,00\u00a0€ au lieu du total de 300,00\u00a0€."));
        assertThat(PaymentPlans.problems(withInstalments(
                        20_000,
                        List.of(new InstalmentDto(feb, 10_000, null, 0), new InstalmentDto(jan, 10_000, null, 0)))))
                .extracting(PaymentPlans.Problem::field, PaymentPlans.Problem::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("instalments[1].dueDate", "due_order"));
        assertThat(PaymentPlans.problems(withInstalments(
                        20_000,
                        List.of(new InstalmentDto(jan, 10_000, null, 5_000), new InstalmentDto(feb, 10_000, feb, 0)))))
                .extracting(PaymentPlans.Problem::field, PaymentPlans.Problem::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "instalments[0].paidOn", "Indiquez le jour du paiement de l'échéance n° 1."),
                        org.assertj.core.groups.Tuple.tuple(
                                "instalments[1].paidCents", "Indiquez le montant payé le 05/02/2027 (échéance n° 2)."));
    }

    @Test
    void anAgreedPlanHasItsDayAndAtLeastOneDebtAndAKnownStatus() {
        PaymentPlanDto bad = new PaymentPlanDto(
                "plan-2",
                null,
                "res-1",
                "",
                List.of(),
                null,
                10_000,
                0,
                "accepted",
                List.of(new InstalmentDto(LocalDate.of(2027, 1, 5), 10_000, null, 0)),
                null,
                "x".repeat(201));
        assertThat(PaymentPlans.problems(bad))
                .extracting(PaymentPlans.Problem::field)
                .containsExactly("creditor", "debtIds", "agreedOn", "everyMonths", "note");
    }
}
