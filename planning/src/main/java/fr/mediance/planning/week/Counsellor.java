package fr.mediance.planning.week;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * A counsellor who makes home visits.
 *
 * @param id stable identifier (the account id)
 * @param displayName name shown to the coordinator (e.g. "Karim B."), used in the explanations
 * @param hours working hours per weekday; a weekday without an entry is not worked
 * @param lunch the lunch break, every worked day
 * @param daysOff dates not worked (leave, training), whatever {@code hours} says
 */
public record Counsellor(
        String id, String displayName, Map<DayOfWeek, WorkingHours> hours, LunchBreak lunch, Set<LocalDate> daysOff) {

    public Counsellor {
        hours = hours == null ? Map.of() : Map.copyOf(hours);
        daysOff = daysOff == null ? Set.of() : Set.copyOf(daysOff);
        lunch = lunch == null ? LunchBreak.none() : lunch;
    }
}
