package fr.mediance.app.core;

import fr.mediance.protocol.Limits;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** Collects French field errors while validating a form; the first error of a field wins. */
public final class FormErrors {
    private final Map<String, String> errors = new LinkedHashMap<>();

    public static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    public FormErrors add(String field, String message) {
        errors.putIfAbsent(field, message);
        return this;
    }

    public FormErrors required(String field, String value) {
        if (blank(value)) {
            add(field, CoreMessages.get("field.required"));
        }
        return this;
    }

    public FormErrors maxLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            add(field, CoreMessages.get("field.tooLong", max));
        }
        return wellFormed(field, value);
    }

    /**
     * A text the server can store as it is: no half of a UTF-16 surrogate pair ({@link Limits#isWellFormed}, the
     * check the server makes at sync), so that nothing saved here is refused there.
     */
    public FormErrors wellFormed(String field, String value) {
        if (!Limits.isWellFormed(value)) {
            add(field, CoreMessages.get("field.malformed"));
        }
        return this;
    }

    /**
     * A date the server accepts: its year from {@link Limits#MIN_DATE_YEAR} to {@link Limits#MAX_DATE_YEAR}
     * (a typo such as 2206 is refused offline instead of being quarantined at sync). Null is left alone.
     */
    public FormErrors plausibleDate(String field, LocalDate value) {
        if (value != null && !plausibleYear(value)) {
            add(field, CoreMessages.get("field.date.implausible", Limits.MIN_DATE_YEAR, Limits.MAX_DATE_YEAR));
        }
        return this;
    }

    /** Whether the server accepts this date's year ({@link Limits#MIN_DATE_YEAR} to {@link Limits#MAX_DATE_YEAR}). */
    public static boolean plausibleYear(LocalDate value) {
        return value.getYear() >= Limits.MIN_DATE_YEAR && value.getYear() <= Limits.MAX_DATE_YEAR;
    }

    /** An amount in euro cents the server accepts: from 0 to {@link Limits#MAX_AMOUNT_CENTS}. Null is left alone. */
    public FormErrors amount(String field, Long cents) {
        if (cents != null && !acceptableAmount(cents)) {
            add(field, CoreMessages.get("field.amount.invalid", Limits.MAX_AMOUNT_CENTS / 100.0));
        }
        return this;
    }

    /** Whether the server accepts this amount in euro cents (0 to {@link Limits#MAX_AMOUNT_CENTS}). */
    public static boolean acceptableAmount(long cents) {
        return cents >= 0 && cents <= Limits.MAX_AMOUNT_CENTS;
    }

    public boolean has(String field) {
        return errors.containsKey(field);
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    /** The errors in the order they were found (form order). */
    public Map<String, String> toMap() {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(errors));
    }

    /** An {@link Outcome.Invalid} with these errors. */
    public <T> Outcome<T> toOutcome() {
        return Outcome.invalid(new LinkedHashMap<>(errors));
    }
}
