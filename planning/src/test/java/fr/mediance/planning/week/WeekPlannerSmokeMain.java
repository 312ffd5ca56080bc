package fr.mediance.planning.week;

import fr.mediance.planning.StraightLineTravel;
import java.time.Duration;

/** Quick run of both planners on the synthetic week (a development aid; the benchmark is bench/run planning-week). */
final class WeekPlannerSmokeMain {
    public static void main(String[] args) {
        WeekProblem p = MarseilleWeek.generate(42, 200);
        long t0 = System.nanoTime();
        WeekPlan g = new GreedyWeekPlanner().propose(p, Duration.ofSeconds(1));
        long t1 = System.nanoTime();
        WeekPlan o = new WeekPlanner(new StraightLineTravel(), Integer.parseInt(args.length > 1 ? args[1] : "15"), 1L)
                .propose(p, Duration.ofSeconds(Long.parseLong(args.length > 0 ? args[0] : "8")));
        long t2 = System.nanoTime();
        System.out.printf(
                "greedy planned=%d travel=%d (%.1fs)%n", g.plannedVisits(), g.travelMinutes(), (t1 - t0) / 1e9);
        System.out.printf(
                "optim planned=%d travel=%d (%.1fs)%n", o.plannedVisits(), o.travelMinutes(), (t2 - t1) / 1e9);
        System.out.println("greedy violations " + PlanChecker.violations(p, g, new StraightLineTravel()));
        System.out.println("optim violations " + PlanChecker.violations(p, o, new StraightLineTravel()));
        o.rounds().stream().limit(3).forEach(r -> {
            System.out.println(
                    r.counsellorId() + " " + r.date() + " travel " + r.travelMinutes() + " lunch " + r.lunchStart());
            r.stops()
                    .forEach(s -> System.out.println(
                            "  " + s.start().toLocalTime() + "-" + s.end().toLocalTime() + " " + s.kind() + " "
                                    + s.label() + " +" + s.travelMinutesBefore() + " " + s.explanations()));
        });
        o.unplanned().stream().limit(5).forEach(System.out::println);
        o.inputProblems().forEach(System.out::println);
    }
}
