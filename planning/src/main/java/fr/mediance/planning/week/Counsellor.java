package fr.mediance.planning.week;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

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
        Map<DayOfWeek, WorkingHours> copy = new EnumMap<>(DayOfWeek.class);
        if (hours != null) {
            hours.forEach((day, h) -> {
                if (day != null && h != null) {
                    copy.put(day, h);
                }
            });
        }
        hours = Collections.unmodifiableMap(copy);
        daysOff = daysOff == null
                ? Set.of()
                : daysOff.stream().filter(Objects::nonNull).collect(Collectors.toUnmodifiableSet());
        lunch = lunch == null ? LunchBreak.none() : lunch;
    }
}
