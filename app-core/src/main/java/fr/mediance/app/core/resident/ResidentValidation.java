package fr.mediance.app.core.resident;

import fr.mediance.app.core.CoreMessages;
import fr.mediance.protocol.Limits;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;

/**
 * Checks of what is typed in a resident's file, shared by the screens (as the user types) and the service
 * (again before saving). Each check returns the French message to show beside the field, or null when the
 * value is acceptable.
 */
public final class ResidentValidation {
    /** The oldest plausible age, in years. */
    public static final int MAX_AGE = 120;

    private static final Pattern POSTCODE = Pattern.compile("\\d{5}");
    private static final Pattern PHONE = Pattern.compile("[+0-9 .()-]{6,25}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]{2,}");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    public static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);

    private ResidentValidation() {}

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    public static String required(String value) {
        return blank(value) ? CoreMessages.get("field.required") : null;
    }

    public static String maxLength(String value, int max) {
        return value != null && value.strip().length() > max ? CoreMessages.get("field.tooLong", max) : null;
    }

    public static String shortText(String value) {
        return maxLength(value, Limits.MAX_SHORT_TEXT);
    }

    public static String longText(String value) {
        return maxLength(value, Limits.MAX_LONG_TEXT);
    }

    public static String lastName(String value) {
        String r = required(value);
        return r != null ? r : shortText(value);
    }

    public static String postcode(String value) {
        if (blank(value)) {
            return null;
        }
        return POSTCODE.matcher(value.strip()).matches() ? null : CoreMessages.get("resident.postcode.invalid");
    }

    public static String phone(String value) {
        if (blank(value)) {
            return null;
        }
        String p = value.strip();
        long digits = p.chars().filter(Character::isDigit).count();
        return PHONE.matcher(p).matches() && digits >= 6 && digits <= 15
                ? null
                : CoreMessages.get("resident.phone.invalid");
    }

    public static String email(String value) {
        if (blank(value)) {
            return null;
        }
        String e = value.strip();
        if (e.length() > Limits.MAX_SHORT_TEXT) {
            return CoreMessages.get("field.tooLong", Limits.MAX_SHORT_TEXT);
        }
        return EMAIL.matcher(e).matches() ? null : CoreMessages.get("resident.email.invalid");
    }

    /**
     * A birth date typed "jj/mm/aaaa": a real day, not in the future, at most {@link #MAX_AGE} years ago and
     * not before {@link Limits#MIN_BIRTH_YEAR} (the server's limit).
     */
    public static String birthDate(String text, LocalDate today) {
        if (blank(text)) {
            return null;
        }
        LocalDate d;
        try {
            d = LocalDate.parse(text.strip(), DATE);
        } catch (DateTimeParseException e) {
            return CoreMessages.get("resident.birthDate.invalid");
        }
        return birthDate(d, today);
    }

    public static String birthDate(LocalDate d, LocalDate today) {
        if (d == null) {
            return null;
        }
        if (d.isAfter(today)) {
            return CoreMessages.get("resident.birthDate.future");
        }
        if (d.isBefore(today.minusYears(MAX_AGE)) || d.getYear() < Limits.MIN_BIRTH_YEAR) {
            return CoreMessages.get("resident.birthDate.implausible", minBirthYear(today));
        }
        return null;
    }

    /** The date typed "jj/mm/aaaa", or null when blank or invalid. */
    public static LocalDate parseDate(String text) {
        if (blank(text)) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip(), DATE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The earliest plausible birth year seen on {@code today}: {@link #MAX_AGE} years ago, never before the server's limit. */
    private static int minBirthYear(LocalDate today) {
        return Math.max(Limits.MIN_BIRTH_YEAR, today.getYear() - MAX_AGE);
    }

    /** A birth year of four digits, between {@code today - MAX_AGE} (never before {@link Limits#MIN_BIRTH_YEAR}) and this year. */
    public static String birthYear(String text, LocalDate today) {
        if (blank(text)) {
            return null;
        }
        String t = text.strip();
        int min = minBirthYear(today);
        if (!YEAR.matcher(t).matches() || Integer.parseInt(t) < min || Integer.parseInt(t) > today.getYear()) {
            return CoreMessages.get("resident.birthYear.invalid", min, today.getYear());
        }
        return null;
    }
}
