package fr.mediance.app.core;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.MessageFormat;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How the texts of the chosen language write dates, times, numbers and money. The patterns and the locale come
 * from the {@code format.*} keys of the texts bundle ({@code messages.properties}: French, « lundi 7 décembre »,
 * 07/12/2026, « 1 234,56 € »; {@code messages_en.properties}: English), so a screen in English shows English
 * day and month names and English numbers. A view model formats with its bundle: {@code Texts.date(texts)},
 * {@code Texts.day(texts)}, {@code Texts.money(texts, cents)}, {@code Texts.format(texts, key, args)}.
 */
public final class Texts {
    /**
     * French dates (dd/MM/yyyy), for text that is French whatever the screen's language (the summaries the core
     * stores, its own messages). Text shown on a screen uses {@link #date(ResourceBundle)}.
     */
    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.FRANCE);
    /** French times (HH:mm); on a screen, {@link #time(ResourceBundle)}. */
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.FRANCE);

    /** The French formats, used for any {@code format.*} key a bundle lacks. */
    private static final Map<String, String> FRENCH = Map.of(
            "format.locale", "fr-FR",
            "format.date", "dd/MM/yyyy",
            "format.time", "HH:mm",
            "format.dateTime", "dd/MM/yyyy · HH:mm",
            "format.day", "EEEE d MMMM",
            "format.dayWithYear", "EEEE d MMMM yyyy",
            "format.weekday", "EEEE",
            "format.money", "#,##0.00\u00a0€",
            "format.money.grouping", "\u00a0",
            "format.money.decimal", ",");

    private static final Map<String, DateTimeFormatter> FORMATTERS = new ConcurrentHashMap<>();

    private Texts() {}

    /** Trimmed text, or null when blank. */
    public static String clean(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    /** The language and country of {@code texts} ({@code format.locale}: fr-FR, en-GB). */
    public static Locale locale(ResourceBundle texts) {
        return Locale.forLanguageTag(key(texts, "format.locale"));
    }

    /** A date: 07/12/2026. */
    public static DateTimeFormatter date(ResourceBundle texts) {
        return formatter(texts, "format.date");
    }

    /** A time: 14:30. */
    public static DateTimeFormatter time(ResourceBundle texts) {
        return formatter(texts, "format.time");
    }

    /** A date and a time: 07/12/2026 · 14:30. */
    public static DateTimeFormatter dateTime(ResourceBundle texts) {
        return formatter(texts, "format.dateTime");
    }

    /** A day: « lundi 7 décembre », "Monday 7 December". */
    public static DateTimeFormatter day(ResourceBundle texts) {
        return formatter(texts, "format.day");
    }

    /** A day with its year: « lundi 7 décembre 2026 ». */
    public static DateTimeFormatter dayWithYear(ResourceBundle texts) {
        return formatter(texts, "format.dayWithYear");
    }

    /** A date in words: « 31 mars 2027 », "31 March 2027". */
    public static DateTimeFormatter longDate(ResourceBundle texts) {
        return formatter(texts, "format.longDate");
    }

    /** The day of the week: « lundi », "Monday". */
    public static DateTimeFormatter weekday(ResourceBundle texts) {
        return formatter(texts, "format.weekday");
    }

    /** Euro cents as money: « 1 234,56 € » (non-breaking spaces), "€1,234.56"; empty for null. */
    public static String money(ResourceBundle texts, Long cents) {
        if (cents == null) {
            return "";
        }
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(locale(texts));
        symbols.setGroupingSeparator(key(texts, "format.money.grouping").charAt(0));
        symbols.setDecimalSeparator(key(texts, "format.money.decimal").charAt(0));
        symbols.setMinusSign('-');
        DecimalFormat format = new DecimalFormat(key(texts, "format.money"), symbols);
        return format.format(java.math.BigDecimal.valueOf(cents, 2));
    }

    /** The text of {@code key}, or {@code fallback} when the bundle has none (a code the texts do not name). */
    public static String labelOr(ResourceBundle texts, String key, String fallback) {
        try {
            return texts.getString(key);
        } catch (java.util.MissingResourceException e) {
            return fallback;
        }
    }

    /** The text of {@code key} with its arguments, numbers and dates in {@code {0,number}} written the language's way. */
    public static String format(ResourceBundle texts, String key, Object... args) {
        String pattern = texts.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale(texts)).format(args);
    }

    private static DateTimeFormatter formatter(ResourceBundle texts, String key) {
        Locale locale = locale(texts);
        String pattern = key(texts, key);
        return FORMATTERS.computeIfAbsent(
                locale.toLanguageTag() + "|" + pattern, k -> DateTimeFormatter.ofPattern(pattern, locale));
    }

    private static String key(ResourceBundle texts, String key) {
        try {
            return texts.getString(key);
        } catch (MissingResourceException e) {
            return FRENCH.get(key);
        }
    }
}
