package fr.mediance.protocol;

import fr.mediance.rules.BudgetSheet;
import fr.mediance.rules.LegalReference;
import fr.mediance.rules.Periodicity;
import fr.mediance.rules.Rsa;
import fr.mediance.rules.RuleException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one check of a budget sheet that the tablet makes before saving and the server makes at sync, and its
 * figures, computed by the rules ({@link BudgetSheet}) from the same lines on both sides.
 */
public final class Budgets {
    private Budgets() {}

    public static final String INCOME = "income";
    public static final String CHARGE = "charge";
    public static final String CREDIT = "credit";
    public static final List<String> KINDS = List.of(INCOME, CHARGE, CREDIT);

    /** Persons in a household, at most. */
    public static final int MAX_PERSONS = 20;
    /** Lines in one budget sheet, at most. */
    public static final int MAX_LINES = 80;

    /**
     * The first problem of a budget sheet's content, as a field and a French message; empty when it may be saved.
     * Field names: {@code householdPersons}, {@code snapshotDate}, {@code lines}, {@code lines[i].amountCents}…
     */
    public static Optional<FieldErrorDto> problem(BudgetDto budget) {
        if (budget.snapshotDate() == null) {
            return fail("snapshotDate", "La date de la fiche budgétaire est obligatoire.");
        }
        int year = budget.snapshotDate().getYear();
        if (year < Limits.MIN_DATE_YEAR || year > Limits.MAX_DATE_YEAR) {
            return fail(
                    "snapshotDate",
                    "La date de la fiche doit être entre " + Limits.MIN_DATE_YEAR + " et " + Limits.MAX_DATE_YEAR
                            + ".");
        }
        if (budget.householdPersons() < 1 || budget.householdPersons() > MAX_PERSONS) {
            return fail("householdPersons", "Le foyer compte de 1 à " + MAX_PERSONS + " personnes.");
        }
        if (budget.householdAdults() < 1
                || budget.householdAdults() > 2
                || budget.householdAdults() > budget.householdPersons()) {
            return fail("householdAdults", "Le foyer compte un ou deux adultes, pas plus que de personnes.");
        }
        if (budget.lines().size() > MAX_LINES) {
            return fail("lines", "Une fiche budgétaire compte au plus " + MAX_LINES + " lignes.");
        }
        if (budget.note() != null && budget.note().length() > Limits.MAX_LONG_TEXT) {
            return fail("note", "La note dépasse " + Limits.MAX_LONG_TEXT + " caractères.");
        }
        for (int i = 0; i < budget.lines().size(); i++) {
            BudgetLineDto line = budget.lines().get(i);
            String at = "lines[" + i + "].";
            if (line == null || !KINDS.contains(line.kind())) {
                return fail(at + "kind", "Une ligne est une ressource, une charge ou un crédit.");
            }
            if (line.amountCents() < 0 || line.amountCents() > Limits.MAX_AMOUNT_CENTS) {
                return fail(at + "amountCents", "Le montant doit être entre 0 et 1 000 000 €.");
            }
            if (line.label() != null && line.label().length() > Limits.MAX_SHORT_TEXT) {
                return fail(at + "label", "La précision dépasse " + Limits.MAX_SHORT_TEXT + " caractères.");
            }
            try {
                Periodicity.fromCode(line.periodicity());
            } catch (RuleException e) {
                return fail(at + "periodicity", e.getMessage());
            }
            if (!categories(line.kind()).contains(line.category())) {
                return fail(at + "category", "Catégorie inconnue pour cette ligne : « " + line.category() + " ».");
            }
        }
        return Optional.empty();
    }

    /** The categories of a kind of line. */
    public static List<String> categories(String kind) {
        return switch (kind) {
            case INCOME -> fr.mediance.rules.BudgetCategories.INCOMES;
            case CHARGE -> fr.mediance.rules.BudgetCategories.CHARGES;
            case CREDIT -> fr.mediance.rules.BudgetCategories.CREDITS;
            default -> List.of();
        };
    }

    /** The sheet's figures (a sheet that passes {@link #problem}). */
    public static BudgetSheet.Figures figures(BudgetDto budget) {
        List<BudgetSheet.Line> incomes = new ArrayList<>();
        List<BudgetSheet.Line> charges = new ArrayList<>();
        List<BudgetSheet.Line> credits = new ArrayList<>();
        for (BudgetLineDto line : budget.lines()) {
            BudgetSheet.Line l = new BudgetSheet.Line(
                    line.category(),
                    BigDecimal.valueOf(line.amountCents(), 2),
                    Periodicity.fromCode(line.periodicity()),
                    line.paidToLandlord());
            switch (line.kind()) {
                case INCOME -> incomes.add(l);
                case CHARGE -> charges.add(l);
                default -> credits.add(l);
            }
        }
        return BudgetSheet.compute(budget.householdPersons(), incomes, charges, credits);
    }

    /**
     * The RSA lump sum for the sheet's household on its day (adults and children), with the year of the amount it
     * comes from; empty when the reference has no RSA amount for that day.
     */
    public static Optional<RsaFloor> rsaFloor(BudgetDto budget, LegalReference reference) {
        return reference
                .rsaOn(budget.snapshotDate())
                .map(rsa -> new RsaFloor(
                        Rsa.floor(
                                rsa.onePerson(),
                                budget.householdAdults(),
                                budget.householdPersons() - budget.householdAdults()),
                        rsa.year()));
    }

    /** An RSA lump sum and the year (1 April) of the amount it is computed from. */
    public record RsaFloor(BigDecimal amount, int year) {}

    private static Optional<FieldErrorDto> fail(String field, String message) {
        return Optional.of(new FieldErrorDto(field, message));
    }
}
