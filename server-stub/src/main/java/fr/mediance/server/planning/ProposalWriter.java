package fr.mediance.server.planning;

import fr.mediance.planning.week.DayRound;
import fr.mediance.planning.week.InputProblem;
import fr.mediance.planning.week.Stop;
import fr.mediance.planning.week.Unplanned;
import fr.mediance.planning.week.WeekPlan;
import fr.mediance.protocol.AppointmentDto;
import fr.mediance.protocol.ProposedRoundDto;
import fr.mediance.protocol.ProposedStopDto;
import fr.mediance.protocol.RequestDto;
import fr.mediance.protocol.ResidentDto;
import fr.mediance.protocol.Rounds;
import fr.mediance.protocol.UnplannedRequestDto;
import fr.mediance.protocol.WeekProposalDto;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The planner's week as the app receives it: Paris wall-clock times as instants, places, files and reasons. */
final class ProposalWriter {
    private ProposalWriter() {}

    static WeekProposalDto write(WeekInput input, WeekPlan plan, Instant computedAt, String travel) {
        List<ProposedRoundDto> rounds = new ArrayList<>();
        for (DayRound r : plan.rounds()) {
            List<ProposedStopDto> stops = new ArrayList<>();
            for (Stop s : r.stops()) {
                stops.add(stop(input, s));
            }
            rounds.add(new ProposedRoundDto(
                    r.counsellorId(),
                    r.date(),
                    instant(r.departure()),
                    instant(r.returnToOffice()),
                    r.travelMinutes(),
                    r.travelBackMinutes(),
                    instant(r.lunchStart()),
                    instant(r.lunchEnd()),
                    stops));
        }
        List<UnplannedRequestDto> unplanned = new ArrayList<>(input.leftOut());
        for (Unplanned u : plan.unplanned()) {
            RequestDto request = input.requests().get(u.requestId());
            unplanned.add(new UnplannedRequestDto(
                    u.requestId(),
                    request == null ? null : request.residentId(),
                    u.fileNumber(),
                    reason(u),
                    u.message()));
        }
        // what was wrong in the data, each sentence once: the server's first, then the planner's
        Set<String> problems = new LinkedHashSet<>(input.problems());
        for (InputProblem p : plan.inputProblems()) {
            problems.add(p.message());
        }
        return new WeekProposalDto(
                input.problem().monday(),
                computedAt,
                travel,
                plan.travelMinutes(),
                plan.plannedVisits(),
                rounds,
                unplanned,
                List.copyOf(problems));
    }

    private static ProposedStopDto stop(WeekInput input, Stop s) {
        if (s.kind() == Stop.Kind.VISIT) {
            RequestDto r = input.requests().get(s.id());
            ResidentDto resident = r == null ? null : input.residents().get(r.residentId());
            return new ProposedStopDto(
                    Rounds.STOP_VISIT,
                    s.id(),
                    null,
                    r == null ? null : r.residentId(),
                    resident == null ? s.label() : resident.fileNumber(),
                    r == null ? null : r.homeVisit().kind(),
                    instant(s.start()),
                    instant(s.end()),
                    s.travelMinutesBefore(),
                    false,
                    resident == null ? null : resident.location(),
                    s.explanations());
        }
        AppointmentDto a = input.appointments().get(s.id());
        ResidentDto resident = a == null ? null : input.residents().get(a.residentId());
        boolean atHome = a != null && "home_visit".equals(a.type());
        return new ProposedStopDto(
                Rounds.STOP_APPOINTMENT,
                a == null ? null : a.requestId(),
                s.id(),
                a == null ? null : a.residentId(),
                resident == null ? null : resident.fileNumber(),
                null,
                instant(s.start()),
                instant(s.end()),
                s.travelMinutesBefore(),
                s.locked(),
                atHome ? resident == null ? null : resident.location() : input.office(),
                s.explanations());
    }

    static String reason(Unplanned u) {
        return switch (u.reason()) {
            case INVALID_REQUEST -> Rounds.UNPLANNED_INVALID;
            case NO_AVAILABILITY -> Rounds.UNPLANNED_NO_AVAILABILITY;
            case WEEK_FULL -> Rounds.UNPLANNED_WEEK_FULL;
            case URGENT_DEADLINE_IMPOSSIBLE -> Rounds.UNPLANNED_DEADLINE;
        };
    }

    private static Instant instant(LocalDateTime t) {
        return t == null ? null : t.atZone(PlanningService.PARIS).toInstant();
    }
}
