package fr.mediance.app.core.document;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AmountsTest {
    @Test
    void cents_are_shown_the_french_way_with_no_break_spaces() {
        assertThat(Amounts.format(123456)).isEqualTo("1\u00A0234,56\u00A0€");
        assertThat(Amounts.format(5)).isEqualTo("0,05\u00A0€");
        assertThat(Amounts.format(100000000)).isEqualTo("1\u00A0000\u00A0000,00\u00A0€");
    }

    @Test
    void typed_amounts_become_cents() {
        assertThat(Amounts.parse("412,30")).contains(41230L);
        assertThat(Amounts.parse("1 234,5 €")).contains(123450L);
        assertThat(Amounts.parse("1234.56")).contains(123456L);
        assertThat(Amounts.parse("12")).contains(1200L);
        assertThat(Amounts.parse("1\u202F234,00")).contains(123400L);
    }

    @Test
    void anything_else_is_not_an_amount() {
        assertThat(Amounts.parse("douze")).isEmpty();
        assertThat(Amounts.parse("12,345")).isEmpty();
        assertThat(Amounts.parse("-5")).isEmpty();
        assertThat(Amounts.parse("1,2,3")).isEmpty();
        assertThat(Amounts.parse("")).isEmpty();
        assertThat(Amounts.parse("99999999999")).isEmpty();
        assertThat(Amounts.editable(123450L)).isEqualTo("1234,50");
    }
}
