package fr.mediance.rules;

import java.time.LocalDate;

/**
 * The dates of an overindebtedness file at the Banque de France (domain brief §2.13, §3.5): an inadmissibility
 * (irrecevabilité) may be appealed within 15 days of its notification; an online draft stays editable for 6 months.
 */
public final class Overindebtedness {
    /** Days to appeal an inadmissibility decision. */
    public static final int APPEAL_DAYS = 15;
    /** Months an online draft is kept before it is lost. */
    public static final int DRAFT_MONTHS = 6;

    private Overindebtedness() {}

    /** The last day to appeal an inadmissibility notified on {@code notifiedOn}. */
    public static LocalDate appealUntil(LocalDate notifiedOn) {
        return notifiedOn.plusDays(APPEAL_DAYS);
    }

    /** The last day an online draft started on {@code startedOn} may still be completed. */
    public static LocalDate draftEditableUntil(LocalDate startedOn) {
        return startedOn.plusMonths(DRAFT_MONTHS);
    }
}
