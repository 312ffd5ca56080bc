package fr.mediance.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The chèque énergie a household may expect (domain brief §4): eligible when its reference tax income per
 * consumption unit is below the ceiling; the amount from the campaign's barème by bracket and by the column of
 * its units (one, between one and two, two or more).
 */
public final class ChequeEnergie {
    private final LegalReference reference;

    public ChequeEnergie(LegalReference reference) {
        this.reference = reference;
    }

    /** What the household gets: {@code units} to two decimals, eligibility, yearly amount in euros (0 when not). */
    public record Result(BigDecimal units, boolean eligible, int amount) {}

    /**
     * @param rfr the household's revenu fiscal de référence, in euros, 0 or more
     * @param persons the household's size, 1 or more
     * @param campaign the campaign year whose barème applies
     */
    public Result compute(BigDecimal rfr, int persons, int campaign) {
        if (rfr.signum() < 0) {
            throw new RuleException(RuleException.INVALID_INPUT, "rfr.negative");
        }
        if (persons < 1) {
            throw new RuleException(RuleException.INVALID_INPUT, "persons.invalid");
        }
        ChequeEnergieScale scale = reference.chequeEnergieScales().get(campaign);
        if (scale == null) {
            throw new RuleException(RuleException.NO_REFERENCE, "cheque.campaign.unknown", String.valueOf(campaign));
        }
        BigDecimal units = scale.units(persons);
        int column = units.compareTo(BigDecimal.ONE) == 0 ? 0 : units.compareTo(BigDecimal.valueOf(2)) < 0 ? 1 : 2;
        int amount = 0;
        boolean eligible = false;
        // RFR ÷ UC < ceiling, compared as RFR < ceiling × UC: exact, no division to round.
        for (int bracket = 0; bracket < scale.bracketCeilings().size(); bracket++) {
            if (rfr.compareTo(scale.bracketCeilings().get(bracket).multiply(units)) < 0) {
                eligible = true;
                amount = scale.amounts().get(bracket).get(column);
                break;
            }
        }
        return new Result(units.setScale(2, RoundingMode.HALF_UP), eligible, amount);
    }
}
