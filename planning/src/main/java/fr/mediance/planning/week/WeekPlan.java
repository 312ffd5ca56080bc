package fr.mediance.planning.week;

import java.util.List;

/**
 * A proposed week.
 *
 * @param rounds one round per counsellor and worked day that has at least one visit or appointment, by date then
 *     counsellor (in the problem's order)
 * @param unplanned the requests left out, each with its reason
 * @param inputProblems what was wrong in the input (the rest is planned all the same)
 * @param travelMinutes total travel of all rounds
 * @param plannedVisits number of requests planned
 */
public record WeekPlan(
        List<DayRound> rounds,
        List<Unplanned> unplanned,
        List<InputProblem> inputProblems,
        int travelMinutes,
        int plannedVisits) {

    public WeekPlan {
        rounds = List.copyOf(rounds);
        unplanned = List.copyOf(unplanned);
        inputProblems = List.copyOf(inputProblems);
    }
}
