package fr.mediance.app.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

/** Dates, times, numbers and money follow the language of the texts, whatever the device's locale. */
class TextsTest {
    static final ResourceBundle FRENCH = bundle(Locale.FRENCH);
    static final ResourceBundle ENGLISH = bundle(Locale.ENGLISH);
    static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);
    static final char NBSP = '\u00a0';

    /** As the app loads its texts: French unless English is chosen, never the device's locale. */
    static ResourceBundle bundle(Locale language) {
        return ResourceBundle.getBundle(
                "fr.mediance.app.core.messages",
                language,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    @Test
    void frenchWritesFrenchDaysAndMonths() {
        assertThat(Texts.locale(FRENCH)).isEqualTo(Locale.FRANCE);
        assertThat(Texts.date(FRENCH).format(MONDAY)).isEqualTo("07/12/2026");
        assertThat(Texts.day(FRENCH).format(MONDAY)).isEqualTo("lundi 7 décembre");
        assertThat(Texts.dayWithYear(FRENCH).format(MONDAY)).isEqualTo("lundi 7 décembre 2026");
        assertThat(Texts.weekday(FRENCH).format(MONDAY)).isEqualTo("lundi");
        assertThat(Texts.time(FRENCH).format(LocalDateTime.of(2026, 12, 7, 14, 5)))
                .isEqualTo("14:05");
        assertThat(Texts.dateTime(FRENCH).format(LocalDateTime.of(2026, 12, 7, 14, 5)))
                .isEqualTo("07/12/2026 · 14:05");
    }

    @Test
    void englishWritesEnglishDaysAndMonths() {
        assertThat(Texts.locale(ENGLISH)).isEqualTo(Locale.UK);
        assertThat(Texts.date(ENGLISH).format(MONDAY)).isEqualTo("07/12/2026");
        assertThat(Texts.day(ENGLISH).format(MONDAY)).isEqualTo("Monday 7 December");
        assertThat(Texts.dayWithYear(ENGLISH).format(MONDAY)).isEqualTo("Monday 7 December 2026");
        assertThat(Texts.weekday(ENGLISH).format(MONDAY)).isEqualTo("Monday");
    }

    @Test
    void moneyIsWrittenTheLanguagesWay() {
        assertThat(Texts.money(FRENCH, 123_456L)).isEqualTo("1" + NBSP + "234,56" + NBSP + "€");
        assertThat(Texts.money(FRENCH, 5L)).isEqualTo("0,05" + NBSP + "€");
        assertThat(Texts.money(FRENCH, -1_234_567_800L)).isEqualTo("-12" + NBSP + "345" + NBSP + "678,00" + NBSP + "€");
        assertThat(Texts.money(ENGLISH, 123_456L)).isEqualTo("€1,234.56");
        assertThat(Texts.money(ENGLISH, -5L)).isEqualTo("-€0.05");
        assertThat(Texts.money(ENGLISH, null)).isEmpty();
    }

    @Test
    void frenchMoneyIsTheSameAsWhatCounsellorsType() {
        for (long cents : new long[] {0, 7, 99, 100, 41_250, 123_456, 100_000_000, -2_500}) {
            assertThat(Texts.money(FRENCH, cents)).isEqualTo(fr.mediance.app.core.visit.FrenchInput.money(cents));
        }
    }

    @Test
    void numbersInMessagesFollowTheLanguage() {
        assertThat(Texts.format(ENGLISH, "agenda.count", 12345)).isEqualTo("12,345 appointments");
        assertThat(Texts.format(FRENCH, "agenda.count", 12345))
                .startsWith("12")
                .endsWith("345 rendez-vous")
                .doesNotContain(",");
    }

    @Test
    void theOldFrenchConstantsStillWork() {
        assertThat(Texts.DATE.format(MONDAY)).isEqualTo("07/12/2026");
        assertThat(Texts.TIME.format(LocalDateTime.of(2026, 12, 7, 9, 0))).isEqualTo("09:00");
    }

    @Test
    void bothBundlesDefineEveryFormat() {
        for (String key : new String[] {
            "format.locale",
            "format.date",
            "format.time",
            "format.dateTime",
            "format.day",
            "format.dayWithYear",
            "format.weekday",
            "format.money",
            "format.money.grouping",
            "format.money.decimal"
        }) {
            assertThat(FRENCH.getString(key)).as(key).isNotBlank();
            assertThat(ENGLISH.getString(key)).as(key).isNotBlank();
        }
    }
}
