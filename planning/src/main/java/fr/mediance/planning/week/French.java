package fr.mediance.planning.week;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

/** The French words of the planner's messages. */
final class French {
    private French() {}

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H'h'mm");

    /** "lundi". */
    static String day(DayOfWeek d) {
        return d.getDisplayName(TextStyle.FULL, Locale.FRENCH);
    }

    /** "lundi". */
    static String day(LocalDate date) {
        return day(date.getDayOfWeek());
    }

    /** "Lundi". */
    static String Day(LocalDate date) {
        String d = day(date);
        return Character.toUpperCase(d.charAt(0)) + d.substring(1);
    }

    /** "07/12/2026". */
    static String date(LocalDate date) {
        return DATE.format(date);
    }

    /** "jeudi 10/12". */
    static String dayAndDate(LocalDate date) {
        return day(date) + " " + DateTimeFormatter.ofPattern("dd/MM").format(date);
    }

    /** "9h05". */
    static String time(LocalDateTime t) {
        return TIME.format(t);
    }
}
