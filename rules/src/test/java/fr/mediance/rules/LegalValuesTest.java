package fr.mediance.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LegalValuesTest {

    @Test
    void theDefaultsReadBackAsTheStandardReference() {
        assertThat(LegalValues.apply(LegalReference.standard(), LegalValues.defaults()))
                .isEqualTo(LegalReference.standard());
        assertThat(LegalValues.defaults())
                .containsEntry("treve_start", "11-01")
                .containsEntry("treve_end", "03-31")
                .containsEntry("linky_days", "60")
                .containsEntry(
                        "cheque_energie_2023", "5700:194/240/277;6800:146/176/202;7850:98/113/126;11000:48/63/76")
                .containsEntry("rsa_2025", "646.52");
        assertThat(LegalValues.defaults().values())
                .allSatisfy(v -> assertThat(v.length()).isLessThanOrEqualTo(64));
    }

    @Test
    void editedValuesChangeTheRulesThatUseThem() {
        LegalReference edited = LegalValues.apply(
                LegalReference.standard(),
                Map.of(
                        "treve_end", "04-15",
                        "first_letter_days", "21",
                        "rsa_2026", "660.00",
                        "cheque_energie_2026", "6000:200/250/300;11500:50/65/80"));
        assertThat(edited.treveEnd()).isEqualTo(MonthDay.of(4, 15));
        assertThat(edited.inTreve(LocalDate.of(2027, 4, 10))).isTrue();
        assertThat(edited.firstLetterDelayDays()).isEqualTo(21);
        assertThat(edited.rsaOn(LocalDate.of(2026, 12, 7)))
                .contains(new LegalReference.RsaAmount(2026, new BigDecimal("660.00")));
        assertThat(new ChequeEnergie(edited)
                        .compute(new BigDecimal("11400"), 1, 2026)
                        .amount())
                .isEqualTo(50);
    }

    @Test
    void theRsaInForceIsTheLastAprilsOrTheLatestKnown() {
        LegalReference s = LegalReference.standard();
        assertThat(s.rsaOn(LocalDate.of(2026, 3, 31)))
                .contains(new LegalReference.RsaAmount(2025, new BigDecimal("646.52")));
        assertThat(s.rsaOn(LocalDate.of(2026, 12, 7)).map(LegalReference.RsaAmount::year))
                .contains(2025);
        assertThat(s.rsaOn(LocalDate.of(2025, 3, 31))).isEmpty();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "treve_start|11-31",
                "treve_start|1101",
                "linky_days|0",
                "linky_days|soixante",
                "rsa_2026|-3",
                "rsa_2026|646,52",
                "cheque_energie_2024|6800:146/176/202;5700:194/240/277",
                "cheque_energie_2024|5700:194/240",
                "inconnue|3",
            })
    void aBadValueIsRefusedWithAFrenchMessage(String key, String value) {
        assertThat(LegalValues.problem(key, value)).isPresent().get().asString().isNotBlank();
    }

    @ParameterizedTest(name = "{0} adult(s), {1} child(ren): {2}")
    @CsvSource({
        "1, 0, 1.0, 646.52",
        "2, 0, 1.5, 969.78",
        "1, 1, 1.5, 969.78",
        "1, 2, 1.8, 1163.74",
        "2, 1, 1.8, 1163.74",
        "2, 2, 2.1, 1357.69",
        "1, 3, 2.2, 1422.34",
        "2, 3, 2.5, 1616.30",
    })
    void theRsaFloorFollowsTheCafScale(int adults, int children, String coefficient, String floor) {
        assertThat(Rsa.coefficient(adults, children)).isEqualByComparingTo(coefficient);
        assertThat(Rsa.floor(new BigDecimal("646.52"), adults, children)).isEqualByComparingTo(floor);
    }
}
