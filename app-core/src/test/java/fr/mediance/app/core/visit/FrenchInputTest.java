package fr.mediance.app.core.visit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

public class FrenchInputTest {

    @Test
    void amounts_typed_the_french_way_become_cents() {
        assertThat(FrenchInput.cents("412,50")).contains(41_250L);
        assertThat(FrenchInput.cents("1 234,56 €")).contains(123_456L);
        assertThat(FrenchInput.cents("1\u00a0234,56\u00a0€")).contains(123_456L);
        assertThat(FrenchInput.cents("12,5")).contains(1_250L);
        assertThat(FrenchInput.cents("12.05")).contains(1_205L);
        assertThat(FrenchInput.cents("80 EUR")).contains(8_000L);
        assertThat(FrenchInput.cents("0")).contains(0L);
        assertThat(FrenchInput.cents("abc")).isEmpty();
        assertThat(FrenchInput.cents("12,345")).isEmpty();
        assertThat(FrenchInput.cents("-5")).isEmpty();
        assertThat(FrenchInput.cents("12a")).isEmpty();
        assertThat(FrenchInput.cents("99999999999")).isEmpty();
        assertThat(FrenchInput.invalidAmount("")).isFalse();
        assertThat(FrenchInput.invalidAmount("abc")).isTrue();
    }

    @Test
    void amounts_above_the_limit_both_sides_check_are_refused_and_said_too_large() {
        assertThat(FrenchInput.cents("1 000 000,00 €")).contains(fr.mediance.protocol.Limits.MAX_AMOUNT_CENTS);
        assertThat(FrenchInput.cents("1 000 000,01")).isEmpty();
        assertThat(FrenchInput.cents("2 000 000,00")).isEmpty();
        assertThat(FrenchInput.amountTooLarge("2 000 000,00")).isTrue();
        assertThat(FrenchInput.amountTooLarge("1 000 000,00")).isFalse();
        assertThat(FrenchInput.amountTooLarge("abc")).isFalse();
    }

    @Test
    void amounts_are_written_back_with_non_breaking_spaces() {
        assertThat(FrenchInput.money(123_456L)).isEqualTo("1\u00a0234,56\u00a0€");
        assertThat(FrenchInput.money(41_250L)).isEqualTo("412,50\u00a0€");
        assertThat(FrenchInput.money(5L)).isEqualTo("0,05\u00a0€");
        assertThat(FrenchInput.money(123_456_789L)).isEqualTo("1\u00a0234\u00a0567,89\u00a0€");
        assertThat(FrenchInput.typedAmount(41_250L)).isEqualTo("412,50");
        assertThat(FrenchInput.money(null)).isEmpty();
    }

    @Test
    void dates_outside_the_years_both_sides_accept_are_refused_and_said_out_of_range() {
        assertThat(FrenchInput.date("04/12/2206")).isEmpty();
        assertThat(FrenchInput.date("04/12/1999")).isEmpty();
        assertThat(FrenchInput.date("01/01/2000")).contains(LocalDate.of(2000, 1, 1));
        assertThat(FrenchInput.date("31/12/2100")).contains(LocalDate.of(2100, 12, 31));
        assertThat(FrenchInput.dateOutOfRange("04/12/2206")).isTrue();
        assertThat(FrenchInput.dateOutOfRange("04/12/2026")).isFalse();
        assertThat(FrenchInput.dateOutOfRange("31/02/2206")).isFalse(); // not a date at all
    }

    @Test
    void impossible_dates_are_refused() {
        assertThat(FrenchInput.date("04/12/2026")).contains(LocalDate.of(2026, 12, 4));
        assertThat(FrenchInput.date("31/02/2026")).isEmpty();
        assertThat(FrenchInput.date("29/02/2027")).isEmpty();
        assertThat(FrenchInput.date("29/02/2028")).contains(LocalDate.of(2028, 2, 29));
        assertThat(FrenchInput.date("2026-12-04")).isEmpty();
        assertThat(FrenchInput.invalidDate("  ")).isFalse();
        assertThat(FrenchInput.invalidDate("demain")).isTrue();
    }
}
