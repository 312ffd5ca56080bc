package fr.mediance.protocol;

import java.time.LocalDate;
import java.util.List;

/**
 * The activity figures of the caller's structure from {@code from} to {@code to} (inclusive), counted from the records
 * of the casework intake: requests by channel, referrer, domain and urgency; anonymous desk and phone contacts by
 * channel, age band and domain, with their minutes; cases opened and closed, and their outcomes with amounts.
 * Aggregated only: no record, no name. With small counts hidden, every cell below {@link #SMALL_COUNT} has no count.
 */
public record FiguresResponse(LocalDate from, LocalDate to, boolean smallCountsHidden, List<FigureDto> figures) {
    /** Cells counting fewer are hidden when the figures leave the structure (funders). */
    public static final int SMALL_COUNT = 5;

    public static final String REQUESTS = "requests";
    public static final String REQUESTS_BY_CHANNEL = "requests.channel";
    public static final String REQUESTS_BY_REFERRER = "requests.referrer";
    public static final String REQUESTS_BY_DOMAIN = "requests.domain";
    public static final String REQUESTS_BY_URGENCY = "requests.urgency";
    public static final String ANONYMOUS = "anonymous";
    public static final String ANONYMOUS_BY_CHANNEL = "anonymous.channel";
    public static final String ANONYMOUS_BY_AGE_BAND = "anonymous.age_band";
    public static final String ANONYMOUS_BY_DOMAIN = "anonymous.domain";
    /** The minutes of the anonymous contacts (in {@code amountCents}'s place: {@code count} is the minutes). */
    public static final String ANONYMOUS_MINUTES = "anonymous.minutes";

    public static final String CASES_OPENED = "cases.opened";
    public static final String CASES_CLOSED = "cases.closed";
    public static final String CASES_BY_CLOSING_REASON = "cases.closing_reason";
    /** Outcomes of the cases closed in the period, with the sum of their amounts. */
    public static final String CASES_BY_OUTCOME = "cases.outcome";
}
