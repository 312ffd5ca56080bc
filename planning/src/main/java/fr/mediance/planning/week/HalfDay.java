package fr.mediance.planning.week;

import java.time.DayOfWeek;
import java.time.LocalTime;

/**
 * A half-day of the week when a resident can receive a visit. The whole visit must fit in it: a morning visit
 * starts at 8:00 at the earliest and ends by 12:30; an afternoon visit starts at 13:30 at the earliest and ends by
 * 19:00 (both within the counsellor's working hours).
 */
public record HalfDay(DayOfWeek day, Part part) {

    /** Morning or afternoon, with the hours a visit must fit in. */
    public enum Part {
        MORNING(LocalTime.of(8, 0), LocalTime.of(12, 30), "matin"),
        AFTERNOON(LocalTime.of(13, 30), LocalTime.of(19, 0), "après-midi");

        private final LocalTime from;
        private final LocalTime to;
        private final String french;

        Part(LocalTime from, LocalTime to, String french) {
            this.from = from;
            this.to = to;
            this.french = french;
        }

        /** Earliest start of a visit in this half-day. */
        public LocalTime from() {
            return from;
        }

        /** Latest end of a visit in this half-day. */
        public LocalTime to() {
            return to;
        }

        /** "matin" or "après-midi". */
        public String french() {
            return french;
        }
    }

    public HalfDay {
        if (day == null || part == null) {
            throw new IllegalArgumentException("Une demi-journée a un jour et une partie (matin ou après-midi)");
        }
    }

    public static HalfDay morning(DayOfWeek day) {
        return new HalfDay(day, Part.MORNING);
    }

    public static HalfDay afternoon(DayOfWeek day) {
        return new HalfDay(day, Part.AFTERNOON);
    }
}
