package fr.mediance.planning.week;

import java.time.LocalTime;

/** A counsellor's working hours on one weekday: leaves the office at {@code start}, is back by {@code end}. */
public record WorkingHours(LocalTime start, LocalTime end) {

    public static WorkingHours of(int startHour, int startMinute, int endHour, int endMinute) {
        return new WorkingHours(LocalTime.of(startHour, startMinute), LocalTime.of(endHour, endMinute));
    }
}
