package fr.mediance.app.core.visit;

import fr.mediance.app.core.FormErrors;
import fr.mediance.protocol.Limits;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;

/**
 * What counsellors type, read the French way: dates dd/MM/yyyy (impossible dates such as 31/02 refused),
 * amounts in euros ("412,50", "1 234,56 €", "12,5") kept as cents up to {@link Limits#MAX_AMOUNT_CENTS} (the
 * server refuses more), whole numbers; and amounts written back as "1 234,56 €" (non-breaking spaces, so that an
 * amount never wraps).
 */
public final class FrenchInput {
    public static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final char NBSP = '\u00a0';

    private FrenchInput() {}

    /** Whether nothing was typed. */
    public static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /**
     * A real date typed as dd/MM/yyyy, in the years both sides accept ({@link Limits#MIN_DATE_YEAR} to
     * {@link Limits#MAX_DATE_YEAR}); empty if blank, not a date, or out of those years (a typo such as 2206).
     */
    public static Optional<LocalDate> date(String typed) {
        return anyDate(typed).filter(FrenchInput::inYears);
    }

    /** Whether a real date was typed whose year both sides refuse (before 2000, after 2100). */
    public static boolean dateOutOfRange(String typed) {
        return anyDate(typed).filter(d -> !inYears(d)).isPresent();
    }

    private static boolean inYears(LocalDate d) {
        return FormErrors.plausibleYear(d);
    }

    private static Optional<LocalDate> anyDate(String typed) {
        if (blank(typed)) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(typed.strip(), DATE));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Whether something was typed that is not a real date. */
    public static boolean invalidDate(String typed) {
        return !blank(typed) && date(typed).isEmpty();
    }

    public static String format(LocalDate d) {
        return d == null ? "" : DATE.format(d);
    }

    /**
     * An amount in euros as cents: spaces (also non-breaking) between thousands, a comma (or a point) before at
     * most two decimals, an optional "€" or "EUR". Empty if blank, not an amount, or above
     * {@link Limits#MAX_AMOUNT_CENTS}.
     */
    public static Optional<Long> cents(String typed) {
        return anyCents(typed).filter(FormErrors::acceptableAmount);
    }

    /** Whether an amount was typed that is above {@link Limits#MAX_AMOUNT_CENTS} (1 000 000,00 €). */
    public static boolean amountTooLarge(String typed) {
        return anyCents(typed).filter(c -> !FormErrors.acceptableAmount(c)).isPresent();
    }

    private static Optional<Long> anyCents(String typed) {
        if (blank(typed)) {
            return Optional.empty();
        }
        String s = typed.strip();
        if (s.endsWith("€")) {
            s = s.substring(0, s.length() - 1);
        } else if (s.regionMatches(true, Math.max(0, s.length() - 3), "EUR", 0, 3)) {
            s = s.substring(0, s.length() - 3);
        }
        s = s.replace(" ", "").replace(String.valueOf(NBSP), "").replace("\u202f", "");
        if (!s.matches("\\d{1,10}([,.]\\d{1,2})?")) {
            return Optional.empty();
        }
        String[] parts = s.split("[,.]");
        long euros = Long.parseLong(parts[0]);
        long cents = 0;
        if (parts.length == 2) {
            cents = Long.parseLong(parts[1].length() == 1 ? parts[1] + "0" : parts[1]);
        }
        return Optional.of(euros * 100 + cents);
    }

    /** Whether something was typed that is not an amount. */
    public static boolean invalidAmount(String typed) {
        return !blank(typed) && cents(typed).isEmpty();
    }

    /** "1 234,56 €" (non-breaking spaces); empty for null. */
    public static String money(Long cents) {
        if (cents == null) {
            return "";
        }
        long abs = Math.abs(cents);
        String euros = Long.toString(abs / 100);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < euros.length(); i++) {
            if (i > 0 && (euros.length() - i) % 3 == 0) {
                b.append(NBSP);
            }
            b.append(euros.charAt(i));
        }
        return (cents < 0 ? "-" : "") + b + "," + String.format("%02d", abs % 100) + NBSP + "€";
    }

    /** An amount as it is typed back into a field: "1234,56". */
    public static String typedAmount(Long cents) {
        return cents == null ? "" : cents / 100 + "," + String.format("%02d", Math.abs(cents % 100));
    }

    /** A whole number between {@code min} and {@code max}; empty if blank or not one. */
    public static Optional<Integer> wholeNumber(String typed, int min, int max) {
        if (blank(typed) || !typed.strip().matches("\\d{1,9}")) {
            return Optional.empty();
        }
        int n = Integer.parseInt(typed.strip());
        return n < min || n > max ? Optional.empty() : Optional.of(n);
    }
}
