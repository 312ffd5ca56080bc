package fr.mediance.app.core;

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
        return this;
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
