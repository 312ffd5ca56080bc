package fr.mediance.protocol;

import fr.mediance.rules.LegalValues;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the {@code value} of a code list entry must be, checked the same way by the device (the office edits the
 * lists there, offline) and by the server (at sync): a task rule's delay in days, a duration as an ISO 8601
 * period, or free text.
 */
public final class CodeValues {
    /** The setting whose value is the default retention of documents, an ISO period. */
    public static final String SETTING_RETENTION_DEFAULT = "retention_default";

    private static final Pattern PERIOD = Pattern.compile("P(\\d{1,3}Y)?(\\d{1,3}M)?(\\d{1,3}W)?(\\d{1,4}D)?");
    private static final Pattern DAYS = Pattern.compile("\\d{1,4}");

    /** The kinds of value. */
    public enum Kind {
        /** Free text (at most {@link Limits#MAX_CODE_VALUE} characters), or nothing. */
        TEXT,
        /** A positive ISO 8601 period (P1D, P6M, P1Y). */
        PERIOD,
        /** A positive ISO 8601 period, or nothing. */
        OPTIONAL_PERIOD,
        /** A whole number of days, from 1 to {@link Limits#MAX_RULE_DAYS}. */
        DAYS,
        /** A value the casework rules read (legal values, FSL rules), checked by {@link #legalProblem}. */
        LEGAL
    }

    private CodeValues() {}

    /** The kind of value of the entry {@code code} of the list {@code list}. */
    public static Kind kind(String list, String code) {
        if (list == null) {
            return Kind.TEXT;
        }
        return switch (list) {
            case ListNames.MANDATE_DURATION -> Kind.PERIOD;
            case ListNames.DOCUMENT_TYPE -> Kind.OPTIONAL_PERIOD;
            case ListNames.TASK_RULE -> Kind.DAYS;
            case ListNames.SETTING -> SETTING_RETENTION_DEFAULT.equals(code) ? Kind.PERIOD : Kind.TEXT;
            case ListNames.LEGAL_VALUE, ListNames.FSL_RULE -> Kind.LEGAL;
            default -> Kind.TEXT;
        };
    }

    /**
     * What is wrong with a value the rules compute with (a {@link ListNames#LEGAL_VALUE} for its code, a
     * département's {@link ListNames#FSL_RULE}), in French; empty when the rules can read it.
     */
    public static Optional<String> legalProblem(String list, String code, String value) {
        return ListNames.FSL_RULE.equals(list)
                ? AidApplications.fslRuleProblem(value)
                : LegalValues.problem(code, value);
    }

    /** Whether {@code value} is a positive ISO 8601 period of years, months, weeks and days ("P6M", "P1Y6M"). */
    public static boolean isPeriod(String value) {
        if (value == null || !PERIOD.matcher(value).matches() || value.equals("P")) {
            return false;
        }
        try {
            return !Period.parse(value).isZero();
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** Whether {@code value} is a number of days from 1 to {@link Limits#MAX_RULE_DAYS}. */
    public static boolean isDays(String value) {
        if (value == null || !DAYS.matcher(value).matches()) {
            return false;
        }
        int days = Integer.parseInt(value);
        return days >= 1 && days <= Limits.MAX_RULE_DAYS;
    }
}
