package fr.mediance.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The RSA lump sum for a household's composition: the reference floor below which a household's resources for
 * current expenses are never set (Banque de France commissions, domain brief §4, §6). The amount for one person is
 * reference data revalued every 1 April; the composition scale is the CAF's: 1 for the first adult, 0.5 for the
 * second person (the partner, or a single parent's first child), 0.3 for each of the next two persons (a couple's
 * first two children, a single parent's second child), 0.4 for each further child.
 */
public final class Rsa {
    private Rsa() {}

    /** The household's coefficient: 1 adult alone 1, a couple 1.5, a couple with two children 2.1. */
    public static BigDecimal coefficient(int adults, int children) {
        if (adults < 1 || adults > 2 || children < 0) {
            throw new RuleException(RuleException.INVALID_INPUT, "rsa.composition");
        }
        BigDecimal c = BigDecimal.ONE;
        int persons = adults + children;
        if (persons >= 2) {
            c = c.add(new BigDecimal("0.5"));
        }
        // The children not yet counted: a single parent's first child took the 0.5 of the second person.
        int childrenLeft = adults == 2 ? children : Math.max(0, children - 1);
        int firstChildOfTheRest = adults == 2 ? 1 : 2;
        for (int i = 0; i < childrenLeft; i++) {
            int childRank = firstChildOfTheRest + i;
            c = c.add(childRank <= 2 ? new BigDecimal("0.3") : new BigDecimal("0.4"));
        }
        return c;
    }

    /** The monthly lump sum for the composition, from the amount for one person, to the cent. */
    public static BigDecimal floor(BigDecimal onePerson, int adults, int children) {
        return onePerson.multiply(coefficient(adults, children)).setScale(2, RoundingMode.HALF_UP);
    }
}
