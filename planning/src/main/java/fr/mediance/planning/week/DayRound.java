package fr.mediance.planning.week;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * One counsellor's round on one day: leaves the office, makes the stops in order, comes back.
 *
 * @param counsellorId the counsellor
 * @param date the day
 * @param departure when the counsellor leaves the office
 * @param stops the planned visits and the existing appointments, in order
 * @param lunchStart when the lunch break starts ({@code null} when the day has none)
 * @param lunchEnd when it ends
 * @param travelBackMinutes travel from the last stop back to the office
 * @param returnToOffice arrival back at the office
 * @param travelMinutes the round's whole travel (every leg, and the way back)
 */
public record DayRound(
        String counsellorId,
        LocalDate date,
        LocalDateTime departure,
        List<Stop> stops,
        LocalDateTime lunchStart,
        LocalDateTime lunchEnd,
        int travelBackMinutes,
        LocalDateTime returnToOffice,
        int travelMinutes) {

    public DayRound {
        stops = List.copyOf(stops);
    }

    /** The requests planned in this round (existing appointments left out). */
    public List<Stop> visits() {
        return stops.stream().filter(s -> s.kind() == Stop.Kind.VISIT).toList();
    }
}
