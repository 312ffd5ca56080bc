package fr.mediance.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Cases worked out by hand from the 2023 barème and the UC scale (domain brief §4, §6). */
class ChequeEnergieTest {
    private final ChequeEnergie rules = new ChequeEnergie(LegalReference.standard());

    @ParameterizedTest(name = "RFR {0} for {1} persons: UC {2}, eligible {3}, {4} €")
    @CsvSource({
        // One person: UC 1, first column.
        "0, 1, 1.00, true, 194",
        "5699.99, 1, 1.00, true, 194",
        "5700, 1, 1.00, true, 146",
        "6800, 1, 1.00, true, 98",
        "7850, 1, 1.00, true, 48",
        "10999, 1, 1.00, true, 48",
        "11000, 1, 1.00, false, 0",
        // Two persons: UC 1.5, middle column; 8,550 ÷ 1.5 = 5,700 exactly, the second bracket.
        "8549, 2, 1.50, true, 240",
        "8550, 2, 1.50, true, 176",
        "9000, 2, 1.50, true, 176",
        "16499, 2, 1.50, true, 63",
        "16500, 2, 1.50, false, 0",
        // Three persons: UC 1.8, still the middle column; 19,800 ÷ 1.8 = 11,000.
        "14129, 3, 1.80, true, 113",
        "19799, 3, 1.80, true, 63",
        "19800, 3, 1.80, false, 0",
        // Four persons: UC 2.1, last column; five: 2.4.
        "0, 4, 2.10, true, 277",
        "11970, 4, 2.10, true, 202",
        "16480, 5, 2.40, true, 126",
        "26399, 5, 2.40, true, 76",
        "26400, 5, 2.40, false, 0",
    })
    void theAmountComesFromTheBracketOfIncomePerUnitAndTheColumnOfTheUnits(
            String rfr, int persons, String units, boolean eligible, int amount) {
        assertThat(rules.compute(new BigDecimal(rfr), persons, 2023))
                .isEqualTo(new ChequeEnergie.Result(new BigDecimal(units), eligible, amount));
    }

    @Test
    void aNegativeIncomeAnEmptyHouseholdAndAnUnknownCampaignAreRefused() {
        assertThatThrownBy(() -> rules.compute(new BigDecimal("-1"), 1, 2023)).isInstanceOf(RuleException.class);
        assertThatThrownBy(() -> rules.compute(BigDecimal.ZERO, 0, 2023)).isInstanceOf(RuleException.class);
        assertThatThrownBy(() -> rules.compute(BigDecimal.ZERO, 1, 2019))
                .isInstanceOfSatisfying(
                        RuleException.class, e -> assertThat(e.code()).isEqualTo(RuleException.NO_REFERENCE))
                .hasMessage("Pas de barème du chèque énergie pour la campagne 2019.");
    }
}
