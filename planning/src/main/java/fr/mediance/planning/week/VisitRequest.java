package fr.mediance.planning.week;

import fr.mediance.planning.GeoPoint;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A request for a home visit, waiting to be planned.
 *
 * @param id the request's id
 * @param residentId the resident's id (never shown: explanations use the file number)
 * @param fileNumber the file number shown to the coordinator (e.g. "2026-0417")
 * @param location where the visit takes place; {@code null} when the address could not be located
 * @param durationMinutes length of the visit (first diagnostic 90, follow-up 60, document collection 30–45)
 * @param availability half-days when the resident can receive; empty means any time
 * @param avoidDates dates the resident asked to avoid
 * @param urgentDeadline for an urgent request (power cut or reduced, eviction, court date, end of the winter
 *     truce…), the last date the visit may take place; {@code null} when not urgent
 * @param urgencyRank among urgent requests, 1 is the most urgent; 0 when not urgent
 * @param usualCounsellorId the counsellor the resident already knows (continuity: preferred, not required); may be
 *     {@code null}
 * @param reducedMobility the resident cannot come to the office (informative: every request here is a home visit)
 */
public record VisitRequest(
        String id,
        String residentId,
        String fileNumber,
        GeoPoint location,
        int durationMinutes,
        Set<HalfDay> availability,
        Set<LocalDate> avoidDates,
        LocalDate urgentDeadline,
        int urgencyRank,
        String usualCounsellorId,
        boolean reducedMobility) {

    public VisitRequest {
        availability = availability == null
                ? Set.of()
                : availability.stream().filter(Objects::nonNull).collect(Collectors.toUnmodifiableSet());
        avoidDates = avoidDates == null
                ? Set.of()
                : avoidDates.stream().filter(Objects::nonNull).collect(Collectors.toUnmodifiableSet());
    }

    /** Whether the request has an urgency deadline. */
    public boolean urgent() {
        return urgentDeadline != null;
    }
}
