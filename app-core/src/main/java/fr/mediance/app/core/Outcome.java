package fr.mediance.app.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The result of a user action that can fail in an expected way: saved, invalid input (French messages per
 * field), or failed for another reason (a French sentence to show as is). Bugs are exceptions, not outcomes.
 *
 * @param <T> the value on success
 */
public sealed interface Outcome<T> {

    /** The action succeeded. */
    record Ok<T>(T value) implements Outcome<T> {}

    /** Some fields are invalid: field name → French message, in form order. Nothing was saved. */
    record Invalid<T>(Map<String, String> fieldErrors) implements Outcome<T> {
        public Invalid {
            fieldErrors = Collections.unmodifiableMap(new LinkedHashMap<>(fieldErrors));
        }
    }

    /** The action failed; {@code message} is a short French sentence saying what happened and what to do. */
    record Failed<T>(String message) implements Outcome<T> {}

    static <T> Outcome<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> Outcome<T> invalid(Map<String, String> fieldErrors) {
        return new Invalid<>(fieldErrors);
    }

    static <T> Outcome<T> failed(String message) {
        return new Failed<>(message);
    }

    default boolean isOk() {
        return this instanceof Ok;
    }

    /** The value; throws {@link IllegalStateException} if this is not {@link Ok}. */
    default T value() {
        if (this instanceof Ok<T> ok) {
            return ok.value();
        }
        throw new IllegalStateException("not ok: " + this);
    }

    default Optional<T> toOptional() {
        return this instanceof Ok<T> ok ? Optional.ofNullable(ok.value()) : Optional.empty();
    }

    /** Field errors of an {@link Invalid} outcome, empty otherwise. */
    default Map<String, String> fieldErrors() {
        return this instanceof Invalid<T> inv ? inv.fieldErrors() : Map.of();
    }

    /**
     * A French message for the user: the failure message, or a summary of the field errors; empty if ok.
     */
    default String message() {
        if (this instanceof Failed<T> f) {
            return f.message();
        }
        if (this instanceof Invalid<T> inv) {
            return String.join(" ", inv.fieldErrors().values());
        }
        return "";
    }

    /** Same failure with another value type (for a failure passed up unchanged). */
    @SuppressWarnings("unchecked")
    default <U> Outcome<U> castFailure() {
        if (this instanceof Ok) {
            throw new IllegalStateException("not a failure");
        }
        return (Outcome<U>) this;
    }
}
