package fr.mediance.protocol;

import java.time.LocalDate;
import java.util.List;

/**
 * A request's wish for a home visit, what the rounds plan from: the kind of visit ({@link HomeVisits#KINDS}, which
 * gives its usual length), a length in minutes when this one differs, the half-days the person can receive ({@link
 * HomeVisits#HALF_DAYS}; empty means any time) and the days to avoid (a hospital day, a family visit). The person's
 * urgency comes from the request's own flags ({@link HomeVisits#deadline}).
 */
public record HomeVisitDto(String kind, Integer minutes, List<String> availability, List<LocalDate> avoidDates) {
    public HomeVisitDto {
        availability = availability == null ? List.of() : List.copyOf(availability);
        avoidDates = avoidDates == null ? List.of() : List.copyOf(avoidDates);
    }
}
