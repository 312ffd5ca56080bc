package fr.mediance.protocol;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One counsellor's proposed day: leaves the office at {@code departure}, makes the stops in order (proposed visits
 * and the appointments already there), is back at {@code back}; {@code travelMinutes} is the whole day's travel
 * including {@code travelBackMinutes}; the lunch break, when the day has one, from {@code lunchStart} to
 * {@code lunchEnd}.
 */
public record ProposedRoundDto(
        String counsellorId,
        LocalDate date,
        Instant departure,
        Instant back,
        int travelMinutes,
        int travelBackMinutes,
        Instant lunchStart,
        Instant lunchEnd,
        List<ProposedStopDto> stops) {
    public ProposedRoundDto {
        stops = stops == null ? List.of() : List.copyOf(stops);
    }
}
