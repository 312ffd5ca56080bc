package fr.mediance.protocol;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A proposed week, computed by the office server and not saved: the coordinator accepts all of it, some of it or
 * none, and what is accepted becomes appointments ({@code requestId} set) that travel by the usual sync.
 * {@code travel} says how travel was counted ({@link Rounds#TRAVEL_STRAIGHT_LINE} or {@link Rounds#TRAVEL_ROADS});
 * {@code travelMinutes} is every round's travel; {@code problems} what was wrong in the data (in French), the rest
 * being planned all the same.
 */
public record WeekProposalDto(
        LocalDate monday,
        Instant computedAt,
        String travel,
        int travelMinutes,
        int plannedVisits,
        List<ProposedRoundDto> rounds,
        List<UnplannedRequestDto> unplanned,
        List<String> problems) {
    public WeekProposalDto {
        rounds = rounds == null ? List.of() : List.copyOf(rounds);
        unplanned = unplanned == null ? List.of() : List.copyOf(unplanned);
        problems = problems == null ? List.of() : List.copyOf(problems);
    }
}
