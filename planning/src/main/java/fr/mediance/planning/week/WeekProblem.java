package fr.mediance.planning.week;

import fr.mediance.planning.GeoPoint;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A week to plan: every date and time in it is a Europe/Paris wall-clock time (no daylight-saving change falls on a
 * working day: France changes on Sunday nights).
 *
 * @param monday the Monday of the week (another date is reported as an input problem and moved to its Monday)
 * @param office where every round starts and ends
 * @param counsellors the team
 * @param requests the home-visit requests to plan
 * @param existing appointments already in the agendas this week (they keep their time)
 */
public record WeekProblem(
        LocalDate monday,
        GeoPoint office,
        List<Counsellor> counsellors,
        List<VisitRequest> requests,
        List<ExistingAppointment> existing) {

    /** The planning's time zone. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    public WeekProblem {
        // copies that keep null elements: the planner reports them instead of failing here
        counsellors = counsellors == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(counsellors));
        requests = requests == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(requests));
        existing = existing == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(existing));
    }

    /** The dates of the week, Monday to Sunday (of the Monday of {@code monday}'s week). */
    public List<LocalDate> dates() {
        LocalDate start = monday.with(DayOfWeek.MONDAY);
        return start.datesUntil(start.plusDays(7)).toList();
    }
}
