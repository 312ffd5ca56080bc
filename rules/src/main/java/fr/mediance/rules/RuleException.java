package fr.mediance.rules;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * An input a rule refuses: an impossible date, a negative amount, an unknown category, dates in the wrong order.
 * It carries a stable {@link #code()} (for programs) and a message in the user's language (French by default,
 * from the bundle {@code fr.mediance.rules.messages}), never a stack trace's worth of internals.
 */
public final class RuleException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The input is not of the expected shape: a field missing, of the wrong type, or out of its range. */
    public static final String INVALID_INPUT = "invalid_input";
    /** A date that is not a real ISO {@code YYYY-MM-DD} date (2026-02-30, 2026-13-01, 26-1-1). */
    public static final String INVALID_DATE = "invalid_date";
    /** Dates that the procedure cannot have in that order (a second letter before the first). */
    public static final String INCONSISTENT_DATES = "inconsistent_dates";
    /** A date the rule does not apply to (a winter reduction outside the trêve, a 1 kVA period starting in it). */
    public static final String OUT_OF_PERIOD = "out_of_period";
    /** A code that is not in the rule's list (energy, budget category, periodicity, retention kind). */
    public static final String UNKNOWN_CODE = "unknown_code";
    /** A year for which the reference data holds no value (a chèque énergie campaign without its barème). */
    public static final String NO_REFERENCE = "no_reference";
    /** A rule name that does not exist. */
    public static final String UNKNOWN_RULE = "unknown_rule";

    private final String code;
    private final String key;
    private final Object[] args;

    public RuleException(String code, String key, Object... args) {
        super(key);
        this.code = Objects.requireNonNull(code);
        this.key = Objects.requireNonNull(key);
        this.args = args.clone();
    }

    public String code() {
        return code;
    }

    /** The message key in {@code fr.mediance.rules.messages}. */
    public String key() {
        return key;
    }

    /** The message in French, the users' language. */
    @Override
    public String getMessage() {
        return message(Locale.ROOT);
    }

    /** The message in the given language (the French bundle is the default). */
    public String message(Locale locale) {
        // No fallback to the machine's locale: French (the base bundle) unless the asked language has its own.
        ResourceBundle bundle = ResourceBundle.getBundle(
                "fr.mediance.rules.messages",
                locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        try {
            return new MessageFormat(bundle.getString(key), Locale.FRANCE).format(args);
        } catch (MissingResourceException e) {
            return key;
        }
    }
}
