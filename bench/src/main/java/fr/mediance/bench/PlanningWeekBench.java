package fr.mediance.bench;

import fr.mediance.planning.StraightLineTravel;
import fr.mediance.planning.TravelModel;
import fr.mediance.planning.week.GreedyWeekPlanner;
import fr.mediance.planning.week.MarseilleWeek;
import fr.mediance.planning.week.PlanChecker;
import fr.mediance.planning.week.Stop;
import fr.mediance.planning.week.Unplanned;
import fr.mediance.planning.week.VisitRequest;
import fr.mediance.planning.week.WeekPlan;
import fr.mediance.planning.week.WeekPlanner;
import fr.mediance.planning.week.WeekProblem;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bench/run planning-week}: "Proposer la semaine" on a synthetic Marseille week (fixed seed: 8 counsellors,
 * 200 requests, existing appointments), against the nearest-next plan a coordinator would make by hand, computed in
 * the same run. Both plans are checked by the planning tests' independent checker.
 */
final class PlanningWeekBench {

    private static final long SEED = 20261207L;

    int run() {
        long limitMillis = Long.parseLong(System.getenv().getOrDefault("MEDIANCE_BENCH_PLANNING_MILLIS", "8000"));
        int requests = Integer.parseInt(System.getenv().getOrDefault("MEDIANCE_BENCH_PLANNING_REQUESTS", "200"));
        TravelModel travel = new StraightLineTravel();
        WeekProblem problem = MarseilleWeek.generate(SEED, requests);
        long urgent = problem.requests().stream().filter(VisitRequest::urgent).count();
        System.out.printf(
                "week of %s: %d counsellors, %d requests (%d urgent), %d existing appointments, limit %d ms%n",
                problem.monday(),
                problem.counsellors().size(),
                problem.requests().size(),
                urgent,
                problem.existing().size(),
                limitMillis);

        long g0 = System.nanoTime();
        WeekPlan greedy = new GreedyWeekPlanner(travel).propose(problem, Duration.ZERO);
        double greedySeconds = (System.nanoTime() - g0) / 1e9;

        long t0 = System.nanoTime();
        WeekPlan plan = new WeekPlanner(travel, WeekPlanner.DEFAULT_CONTINUITY_MINUTES, SEED)
                .propose(problem, Duration.ofMillis(limitMillis));
        double seconds = (System.nanoTime() - t0) / 1e9;

        int failures = 0;
        for (Map.Entry<String, WeekPlan> e :
                Map.of("optimiser", plan, "greedy", greedy).entrySet()) {
            List<String> violations = PlanChecker.violations(problem, e.getValue(), travel);
            System.out.printf(
                    "%s: checker %s%n", e.getKey(), violations.isEmpty() ? "ok" : violations.size() + " violations");
            violations.stream().limit(20).forEach(v -> System.out.println("  " + v));
            failures += violations.size();
        }
        int late = urgentLate(problem, plan);
        int greedyLate = urgentLate(problem, greedy);
        System.out.printf(
                "greedy: planned=%d urgent_late=%d travel_minutes=%d continuity_kept=%d/%d (%.2f s)%n",
                greedy.plannedVisits(),
                greedyLate,
                greedy.travelMinutes(),
                continuityKept(problem, greedy),
                continuityAsked(problem, greedy),
                greedySeconds);
        System.out.printf(
                "optimiser: planned=%d urgent_late=%d travel_minutes=%d continuity_kept=%d/%d%n",
                plan.plannedVisits(),
                late,
                plan.travelMinutes(),
                continuityKept(problem, plan),
                continuityAsked(problem, plan));
        Map<Unplanned.Reason, Integer> reasons = new HashMap<>();
        plan.unplanned().forEach(u -> reasons.merge(u.reason(), 1, Integer::sum));
        System.out.println("optimiser unplanned by reason: " + reasons);
        plan.unplanned().stream()
                .filter(u -> u.reason() == Unplanned.Reason.URGENT_DEADLINE_IMPOSSIBLE)
                .forEach(u -> System.out.println("  " + u.message()));
        System.out.println("sample explanations:");
        plan.rounds().stream()
                .skip(12)
                .limit(1)
                .forEach(r -> r.visits()
                        .forEach(v -> System.out.println("  " + r.counsellorId() + " " + v.start() + " " + v.label()
                                + ": " + String.join(" | ", v.explanations()))));
        if (plan.plannedVisits() < greedy.plannedVisits()) {
            System.out.println(
                    "WARNING: the optimiser planned fewer visits than the greedy plan: the ratio flatters it");
        }
        double perVisit = (double) plan.travelMinutes() / Math.max(1, plan.plannedVisits());
        double greedyPerVisit = (double) greedy.travelMinutes() / Math.max(1, greedy.plannedVisits());
        System.out.println(String.format(
                Locale.ROOT,
                "RESULT planning-week requests=%d planned=%d urgent_late=%d travel_minutes=%d greedy_travel_minutes=%d"
                        + " ratio=%.3f seconds=%.2f greedy_planned=%d travel_per_visit=%.2f greedy_travel_per_visit=%.2f"
                        + " per_visit_ratio=%.3f checker_violations=%d",
                requests,
                plan.plannedVisits(),
                late,
                plan.travelMinutes(),
                greedy.travelMinutes(),
                (double) plan.travelMinutes() / greedy.travelMinutes(),
                seconds,
                greedy.plannedVisits(),
                perVisit,
                greedyPerVisit,
                perVisit / greedyPerVisit,
                failures));
        return failures == 0 ? 0 : 1;
    }

    /** Urgent requests not visited on or before their deadline (left out, or planned too late). */
    private static int urgentLate(WeekProblem problem, WeekPlan plan) {
        Map<String, java.time.LocalDate> visited = new HashMap<>();
        plan.rounds()
                .forEach(r ->
                        r.visits().forEach(s -> visited.put(s.id(), s.start().toLocalDate())));
        int late = 0;
        for (VisitRequest r : problem.requests()) {
            if (r.urgent()) {
                java.time.LocalDate d = visited.get(r.id());
                if (d == null || d.isAfter(r.urgentDeadline())) {
                    late++;
                }
            }
        }
        return late;
    }

    private static long continuityAsked(WeekProblem problem, WeekPlan plan) {
        Map<String, String> usual = new HashMap<>();
        problem.requests().forEach(r -> usual.put(r.id(), r.usualCounsellorId()));
        return plan.rounds().stream()
                .flatMap(r -> r.visits().stream())
                .filter(s -> usual.get(s.id()) != null)
                .count();
    }

    private static long continuityKept(WeekProblem problem, WeekPlan plan) {
        Map<String, String> usual = new HashMap<>();
        problem.requests().forEach(r -> usual.put(r.id(), r.usualCounsellorId()));
        long kept = 0;
        for (var round : plan.rounds()) {
            for (Stop s : round.visits()) {
                if (round.counsellorId().equals(usual.get(s.id()))) {
                    kept++;
                }
            }
        }
        return kept;
    }
}
