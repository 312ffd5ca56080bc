package fr.mediance.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CodeValuesTest {

    @Test
    void each_list_says_what_its_values_are() {
        assertThat(CodeValues.kind(ListNames.TASK_RULE, "fsl_decision")).isEqualTo(CodeValues.Kind.DAYS);
        assertThat(CodeValues.kind(ListNames.MANDATE_DURATION, "p1y")).isEqualTo(CodeValues.Kind.PERIOD);
        assertThat(CodeValues.kind(ListNames.DOCUMENT_TYPE, "facture")).isEqualTo(CodeValues.Kind.OPTIONAL_PERIOD);
        assertThat(CodeValues.kind(ListNames.SETTING, CodeValues.SETTING_RETENTION_DEFAULT))
                .isEqualTo(CodeValues.Kind.PERIOD);
        assertThat(CodeValues.kind(ListNames.SETTING, "information_notice")).isEqualTo(CodeValues.Kind.TEXT);
        assertThat(CodeValues.kind(ListNames.DOMAIN, "energie")).isEqualTo(CodeValues.Kind.TEXT);
    }

    @Test
    void a_period_is_positive_iso_years_months_weeks_or_days() {
        assertThat(CodeValues.isPeriod("P6M")).isTrue();
        assertThat(CodeValues.isPeriod("P1Y6M")).isTrue();
        assertThat(CodeValues.isPeriod("P2W")).isTrue();
        assertThat(CodeValues.isPeriod("P0D")).isFalse();
        assertThat(CodeValues.isPeriod("P")).isFalse();
        assertThat(CodeValues.isPeriod("P-1D")).isFalse();
        assertThat(CodeValues.isPeriod("6 mois")).isFalse();
        assertThat(CodeValues.isPeriod(null)).isFalse();
    }

    @Test
    void a_delay_in_days_is_from_one_day_to_the_limit() {
        assertThat(CodeValues.isDays("1")).isTrue();
        assertThat(CodeValues.isDays(String.valueOf(Limits.MAX_RULE_DAYS))).isTrue();
        assertThat(CodeValues.isDays("0")).isFalse();
        assertThat(CodeValues.isDays(String.valueOf(Limits.MAX_RULE_DAYS + 1))).isFalse();
        assertThat(CodeValues.isDays("deux mois")).isFalse();
        assertThat(CodeValues.isDays(null)).isFalse();
    }

    @Test
    void every_list_name_is_listed_once() {
        assertThat(ListNames.ALL).doesNotHaveDuplicates().contains(ListNames.DOMAIN, ListNames.SETTING);
    }
}
