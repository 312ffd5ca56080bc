package fr.mediance.planning.week;

import java.time.LocalTime;

/**
 * The lunch break: {@code minutes} taken in one piece, starting no earlier than {@code earliest} and ending no later
 * than {@code latest} (e.g. 45 minutes somewhere between 12:00 and 14:00). It is taken where the counsellor is (at a
 * resident's door, or at the office once back). A day that does not cover the whole window (e.g. a morning only) has
 * no break.
 */
public record LunchBreak(LocalTime earliest, LocalTime latest, int minutes) {

    /** 45 minutes between 12:00 and 14:00. */
    public static LunchBreak standard() {
        return new LunchBreak(LocalTime.of(12, 0), LocalTime.of(14, 0), 45);
    }

    /** No lunch break. */
    public static LunchBreak none() {
        return new LunchBreak(LocalTime.NOON, LocalTime.NOON, 0);
    }
}
