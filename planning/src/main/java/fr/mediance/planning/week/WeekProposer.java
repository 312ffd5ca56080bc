package fr.mediance.planning.week;

import java.time.Duration;

/** Something that proposes a week: the optimiser ({@link WeekPlanner}) or the hand-made baseline. */
public interface WeekProposer {

    /**
     * Proposes a week. Never throws on bad input: what is wrong is reported in {@link WeekPlan#inputProblems()} and
     * the rest is planned.
     *
     * @param problem the week to plan
     * @param timeLimit how long the search may take (the optimiser stops at this limit; a quick planner ignores it)
     */
    WeekPlan propose(WeekProblem problem, Duration timeLimit);
}
