package fr.mediance.rules;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One campaign's chèque énergie barème: the consumption units (UC) of a household, the brackets of reference
 * tax income per UC (RFR ÷ UC) and, for each bracket, the amount for one UC, between one and two, and two or more.
 *
 * @param firstPersonUnits the first person's units (1)
 * @param secondPersonUnits the second person's units (0.5)
 * @param furtherPersonUnits each further person's units (0.3)
 * @param bracketCeilings each bracket's upper bound, excluded, in euros per UC, increasing; the last one is the
 *     eligibility ceiling (RFR ÷ UC below it)
 * @param amounts for each bracket, the yearly amount in euros for UC = 1, 1 &lt; UC &lt; 2 and UC ≥ 2
 */
public record ChequeEnergieScale(
        BigDecimal firstPersonUnits,
        BigDecimal secondPersonUnits,
        BigDecimal furtherPersonUnits,
        List<BigDecimal> bracketCeilings,
        List<List<Integer>> amounts) {

    public ChequeEnergieScale {
        Objects.requireNonNull(firstPersonUnits);
        Objects.requireNonNull(secondPersonUnits);
        Objects.requireNonNull(furtherPersonUnits);
        bracketCeilings = List.copyOf(bracketCeilings);
        amounts = amounts.stream().map(List::copyOf).toList();
        if (bracketCeilings.isEmpty() || bracketCeilings.size() != amounts.size()) {
            throw new IllegalArgumentException("one amount row per bracket");
        }
        for (List<Integer> row : amounts) {
            if (row.size() != 3) {
                throw new IllegalArgumentException("three columns per bracket");
            }
        }
        for (int i = 1; i < bracketCeilings.size(); i++) {
            if (bracketCeilings.get(i).compareTo(bracketCeilings.get(i - 1)) <= 0) {
                throw new IllegalArgumentException("increasing bracket ceilings");
            }
        }
    }

    /** The 2023 campaign (domain brief §4: energie-info, service-public). */
    public static final ChequeEnergieScale CAMPAIGN_2023 = new ChequeEnergieScale(
            BigDecimal.ONE,
            new BigDecimal("0.5"),
            new BigDecimal("0.3"),
            List.of(new BigDecimal("5700"), new BigDecimal("6800"), new BigDecimal("7850"), new BigDecimal("11000")),
            List.of(List.of(194, 240, 277), List.of(146, 176, 202), List.of(98, 113, 126), List.of(48, 63, 76)));

    /** The household's consumption units: 1 for the first person, 0.5 for the second, 0.3 for each further one. */
    public BigDecimal units(int persons) {
        if (persons < 1) {
            throw new IllegalArgumentException("persons < 1");
        }
        BigDecimal units = firstPersonUnits;
        if (persons >= 2) {
            units = units.add(secondPersonUnits);
        }
        if (persons >= 3) {
            units = units.add(furtherPersonUnits.multiply(BigDecimal.valueOf(persons - 2L)));
        }
        return units;
    }

    /** The eligibility ceiling of RFR ÷ UC (excluded). */
    public BigDecimal ceiling() {
        return bracketCeilings.get(bracketCeilings.size() - 1);
    }
}
