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

    /** The day the record must be deleted or anonymised (29 February + 2 years = 28 February). */
    public LocalDate deleteOn(RetentionKind kind, LocalDate referenceDate) {
        return switch (kind) {
            case CASE_FILE -> referenceDate.plusYears(reference.caseFileRetentionYears());
            case MANDATE -> referenceDate.plusYears(reference.mandateRetentionYears());
        };
    }
}
