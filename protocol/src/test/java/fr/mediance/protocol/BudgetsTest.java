package fr.mediance.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import fr.mediance.protocol.json.MedianceJson;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BudgetsTest {
    static final BudgetDto BUDGET = new BudgetDto(
            "b-1",
            "s1",
            "r-1",
            "u-conseil1",
            LocalDate.of(2026, 12, 7),
            2,
            List.of(
                    new BudgetLineDto("income", "salaire", 165_000, "monthly", false, true, "salaire de Mme"),
                    new BudgetLineDto("income", "apl", 18_000, "monthly", true, true, null),
                    new BudgetLineDto("charge", "loyer", 70_000, "monthly", false, true, null),
                    new BudgetLineDto("charge", "electricite", 15_000, "every_2_months", false, false, null),
                    new BudgetLineDto("charge", "eau", 3_000, "monthly", false, false, null),
                    new BudgetLineDto("charge", "mutuelle", 90_000, "annual", false, false, null),
                    new BudgetLineDto("credit", "credit", 12_000, "monthly", false, false, "Cofidis")),
            "Budget établi avec la facture EDF de novembre.",
            Instant.parse("2026-12-07T09:30:00Z"));

    private final Gson gson = MedianceJson.gson();

    @Test
    void aBudgetSheetTravelsWholeInAChangeFeed() {
        ChangesResponse page = new ChangesResponse(
                List.of(new ChangeDto(EntityType.BUDGET, BUDGET.id(), 1, false, BUDGET)), "1", false);
        assertThat(gson.fromJson(gson.toJson(page), ChangesResponse.class)).isEqualTo(page);
        assertThat(EntityType.of(BUDGET)).isEqualTo(EntityType.BUDGET);
    }

    @Test
    void itsFiguresComeFromTheRules() {
        // The published worked example: 1,650 income, APL to the landlord off the rent, 820 of charges.
        assertThat(Budgets.problem(BUDGET)).isEmpty();
        var figures = Budgets.figures(BUDGET);
        assertThat(figures.monthlyIncome()).isEqualByComparingTo("1650");
        assertThat(figures.monthlyCharges()).isEqualByComparingTo("820");
        assertThat(figures.resteAVivrePerPerson()).isEqualByComparingTo("415");
        assertThat(figures.energyEffortRate()).contains(new BigDecimal("4.5"));
    }

    private static BudgetDto withLine(BudgetLineDto line) {
        List<BudgetLineDto> lines = new ArrayList<>(BUDGET.lines());
        lines.add(line);
        return new BudgetDto(
                "b-2", "s1", "r-1", "u-conseil1", BUDGET.snapshotDate(), 2, lines, null, BUDGET.updatedAt());
    }

    @Test
    void theSharedCheckNamesTheFieldOfTheFirstProblem() {
        assertThat(Budgets.problem(
                        withLine(new BudgetLineDto("charge", "salaire", 100, "monthly", false, false, null))))
                .map(FieldErrorDto::field)
                .contains("lines[7].category");
        assertThat(Budgets.problem(withLine(new BudgetLineDto("income", "salaire", -1, "monthly", false, false, null))))
                .map(FieldErrorDto::field)
                .contains("lines[7].amountCents");
        assertThat(Budgets.problem(
                        withLine(new BudgetLineDto("income", "salaire", 100_000_001, "monthly", false, false, null))))
                .map(FieldErrorDto::field)
                .contains("lines[7].amountCents");
        assertThat(Budgets.problem(withLine(new BudgetLineDto("income", "salaire", 100, "daily", false, false, null))))
                .map(FieldErrorDto::message)
                .contains("Périodicité inconnue : « daily ».");
        assertThat(Budgets.problem(withLine(new BudgetLineDto("gift", "salaire", 100, "monthly", false, false, null))))
                .map(FieldErrorDto::field)
                .contains("lines[7].kind");
        BudgetDto nobody = new BudgetDto("b-3", "s1", "r-1", "u", LocalDate.of(2026, 1, 1), 0, List.of(), null, null);
        assertThat(Budgets.problem(nobody)).map(FieldErrorDto::field).contains("householdPersons");
        BudgetDto undated = new BudgetDto("b-4", "s1", "r-1", "u", null, 1, List.of(), null, null);
        assertThat(Budgets.problem(undated)).map(FieldErrorDto::field).contains("snapshotDate");
        BudgetDto tooLong = new BudgetDto(
                "b-5",
                "s1",
                "r-1",
                "u",
                LocalDate.of(2026, 1, 1),
                1,
                Collections.nCopies(
                        Budgets.MAX_LINES + 1, new BudgetLineDto("charge", "eau", 1, "monthly", false, false, null)),
                null,
                null);
        assertThat(Budgets.problem(tooLong)).map(FieldErrorDto::field).contains("lines");
        assertThat(Budgets.problem(BUDGET)).isEqualTo(Optional.empty());
    }
}
