package fr.mediance.rules;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;

/**
 * Windows and limits counted from one date. "+N months" is calendar arithmetic that keeps the day of the month, or
 * the month's last day when it has fewer days (31 January + 1 month = 28 or 29 February), as {@link
 * LocalDate#plusMonths} does.
 */
public final class Deadlines {
    private final LegalReference reference;

    public Deadlines(LegalReference reference) {
        this.reference = Objects.requireNonNull(reference);
    }

    /** When the Médiateur national de l'énergie may be seized after a written complaint left unanswered. */
    public record MneWindow(LocalDate saisineFrom, LocalDate saisineUntil) {}

    /** The MNE may be seized 2 months after the written complaint, and within 10 months of it (§3.6). */
    public MneWindow mneWindow(LocalDate complaintDate) {
        return new MneWindow(
                complaintDate.plusMonths(reference.mneWaitMonths()),
                complaintDate.plusMonths(reference.mneWindowMonths()));
    }

    /** The windows to answer a CAF overpayment (indu) notification. */
    public record CafIndu(LocalDate rectificationUntil, LocalDate craUntil) {}

    /** 20 days to ask for a rectification (CSS R133-9-2), 2 months to seize the commission de recours amiable. */
    public CafIndu cafIndu(LocalDate notificationDate) {
        return new CafIndu(
                notificationDate.plusDays(reference.cafRectificationDays()),
                notificationDate.plusMonths(reference.cafCraMonths()));
    }

    /**
     * The oldest consumption a supplier may still bill: 14 months before the last reading or self-reading (Code de
     * la consommation L224-11).
     */
    public LocalDate oldestBillable(LocalDate lastReadingDate) {
        return lastReadingDate.minusMonths(reference.billingCatchUpMonths());
    }

    /** What a retention period runs from (domain brief §8). */
    public enum RetentionKind {
        /** A resident's file: 2 years after the last contact. */
        CASE_FILE("case_file"),
        /** A mandate: 6 years after its end. */
        MANDATE("mandate");

        private final String code;

        RetentionKind(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public static RetentionKind fromCode(String code) {
            return Arrays.stream(values())
                    .filter(k -> k.code.equals(code))
                    .findFirst()
                    .orElseThrow(() -> new RuleException(RuleException.UNKNOWN_CODE, "retention.kind.unknown", code));
        }
    }

    /**
     * The day a mandate's retention runs from: its end, or the day it was revoked when that is earlier (a revoked
     * mandate ends then).
     */
    public static LocalDate mandateEnd(LocalDate endDate, LocalDate revokedOn) {
        return revokedOn != null && revokedOn.isBefore(endDate) ? revokedOn : endDate;
    }

    /** One month to answer a request about a resident's data (GDPR art. 12(3)). */
    public static final int RIGHTS_ANSWER_MONTHS = 1;
    /** The further months an answer may be extended by, with a reason given to the person (art. 12(3)). */
    public static final int RIGHTS_EXTENSION_MONTHS = 2;

    /**
     * The day a request to exercise a right (access, rectification, erasure, restriction, objection) received on
     * {@code receivedOn} must be answered by: one month later (31 January + 1 month = 28 or 29 February), or three
     * months later once extended (31 January + 3 months = 30 April). The day itself is still in time.
     */
    public static LocalDate rightsAnswerDue(LocalDate receivedOn, boolean extended) {
        return receivedOn.plusMonths(RIGHTS_ANSWER_MONTHS + (extended ? RIGHTS_EXTENSION_MONTHS : 0));
    }

    /** Whether a request not answered yet is overdue on {@code today} (its due day has passed). */
    public static boolean rightsAnswerOverdue(LocalDate receivedOn, boolean extended, LocalDate today) {
        return today.isAfter(rightsAnswerDue(receivedOn, extended));
    }

    /**
     * The day the record must be deleted or anonymised (29 February + 2 years = 28 February); it is kept until the
     * day before.
     */
    public LocalDate deleteOn(RetentionKind kind, LocalDate referenceDate) {
        return switch (kind) {
            case CASE_FILE -> referenceDate.plusYears(reference.caseFileRetentionYears());
            case MANDATE -> referenceDate.plusYears(reference.mandateRetentionYears());
        };
    }
}
