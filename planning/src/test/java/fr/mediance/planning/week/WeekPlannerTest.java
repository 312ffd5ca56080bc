package fr.mediance.planning.week;

import static fr.mediance.planning.week.Weeks.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import fr.mediance.planning.GeoPoint;
import fr.mediance.planning.StraightLineTravel;
import fr.mediance.planning.TravelModel;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The optimiser's own behaviour: continuity, explanations, bad input, and the checker's teeth. */
class WeekPlannerTest {

    private final WeekPlanner planner = new WeekPlanner();

    private WeekPlan plan(WeekProblem problem) {
        WeekPlan plan = planner.propose(problem, Duration.ofSeconds(1));
        assertThat(PlanChecker.violations(problem, plan, new StraightLineTravel()))
                .isEmpty();
        return plan;
    }

    private static DayRound roundOf(WeekPlan plan, String requestId) {
        return plan.rounds().stream()
                .filter(r -> r.visits().stream().anyMatch(s -> s.id().equals(requestId)))
                .findFirst()
                .orElseThrow(() -> new AssertionError(requestId + " n'est pas planifiée"));
    }

    private static Stop stopOf(WeekPlan plan, String id) {
        return roundOf(plan, id).visits().stream()
                .filter(s -> s.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void theUsualCounsellorIsKeptWhenItCostsLittle() {
        List<VisitRequest> requests = new ArrayList<>();
        for (VisitRequest r : ring("r", 6, 1.0)) {
            requests.add(usual(r, "c2"));
        }
        WeekProblem problem = week(
                List.of(counsellor("c1", DayOfWeek.MONDAY), counsellor("c2", DayOfWeek.MONDAY)), requests, List.of());

        WeekPlan plan = plan(problem);

        assertThat(plan.rounds()).extracting(DayRound::counsellorId).containsOnly("c2");
        assertThat(stopOf(plan, "r0").explanations())
                .contains("Suivi par Conseiller c2, déjà connu(e) de la personne.");
    }

    @Test
    void continuityGivesWayWhenTheUsualCounsellorIsOffAndSaysWhy() {
        VisitRequest r = usual(urgent(request("r1", near(1, 0)), day(0), 1), "c2");
        Counsellor c2 = withDaysOff(counsellor("c2", DayOfWeek.MONDAY), day(0));
        WeekProblem problem = week(List.of(counsellor("c1", DayOfWeek.MONDAY), c2), List.of(r), List.of());

        WeekPlan plan = plan(problem);

        assertThat(roundOf(plan, "r1").counsellorId()).isEqualTo("c1");
        assertThat(stopOf(plan, "r1").explanations())
                .contains("Confié à Conseiller c1 : Conseiller c2 (suivi habituel) ne travaille pas ce lundi.");
    }

    @Test
    void explanationsNameTheFileNeverTheResident() {
        WeekProblem problem = MarseilleWeek.generate(11, 60);

        WeekPlan plan = plan(problem);

        List<String> all = new ArrayList<>();
        plan.rounds().forEach(r -> r.visits().forEach(s -> all.addAll(s.explanations())));
        plan.unplanned().forEach(u -> all.add(u.message()));
        assertThat(all).isNotEmpty().noneMatch(t -> t.matches(".*\\bp\\d+\\b.*"));
        assertThat(plan.unplanned()).allMatch(u -> u.message().contains("dossier 2026-"));
    }

    @Test
    void badInputIsReportedInFrenchAndTheRestIsPlanned() {
        Counsellor broken =
                withHours(counsellor("c2", DayOfWeek.MONDAY), DayOfWeek.MONDAY, WorkingHours.of(17, 0, 9, 0));
        Counsellor noLunchRoom = new Counsellor(
                "c3",
                "C3",
                Map.of(DayOfWeek.MONDAY, WorkingHours.of(9, 0, 17, 0)),
                new LunchBreak(java.time.LocalTime.of(12, 0), java.time.LocalTime.of(12, 30), 45),
                Set.of());
        ExistingAppointment stranger =
                new ExistingAppointment("a1", "nobody", at(0, 10, 0), at(0, 11, 0), OFFICE, true, "x");
        ExistingAppointment backwards =
                new ExistingAppointment("a2", "c1", at(0, 11, 0), at(0, 10, 0), OFFICE, true, "y");
        List<VisitRequest> requests = new ArrayList<>(Arrays.asList(
                request("r1", near(1, 0)),
                request("r1", near(2, 0)),
                null,
                request("bad", new GeoPoint(Double.NaN, 5)),
                duration(request("zero", near(1, 1)), 0)));
        WeekProblem problem = new WeekProblem(
                MONDAY.plusDays(2),
                OFFICE,
                Arrays.asList(counsellor("c1", DayOfWeek.MONDAY), broken, noLunchRoom, null),
                requests,
                List.of(stranger, backwards));

        WeekPlan[] plan = new WeekPlan[1];
        assertThatCode(() -> plan[0] = planner.propose(problem, Duration.ofSeconds(1)))
                .doesNotThrowAnyException();

        assertThat(roundOf(plan[0], "r1").date()).isEqualTo(MONDAY);
        assertThat(plan[0].inputProblems())
                .extracting(InputProblem::message)
                .anyMatch(m -> m.contains("n'est pas un lundi"))
                .anyMatch(m -> m.contains("figure deux fois"))
                .anyMatch(m -> m.contains("horaires") && m.contains("impossibles"))
                .anyMatch(m -> m.contains("pause déjeuner") && m.contains("ne tient pas"))
                .anyMatch(m -> m.contains("conseiller absent de l'équipe"))
                .anyMatch(m -> m.contains("heures impossibles"))
                .anyMatch(m -> m.contains("adresse n'est pas localisée"))
                .anyMatch(m -> m.contains("durée de la visite (0 min) est impossible"));
        assertThat(plan[0].unplanned()).extracting(Unplanned::requestId).containsExactlyInAnyOrder("bad", "zero");
    }

    @Test
    void noWeekOrNoOfficeIsReportedNotThrown() {
        WeekProblem noOffice =
                new WeekProblem(MONDAY, null, List.of(counsellor("c1")), List.of(request("r1", near(1, 0))), null);

        WeekPlan plan = planner.propose(noOffice, Duration.ofSeconds(1));

        assertThat(plan.rounds()).isEmpty();
        assertThat(plan.unplanned()).extracting(Unplanned::requestId).containsExactly("r1");
        assertThat(plan.inputProblems()).extracting(InputProblem::message).anyMatch(m -> m.contains("bureau"));
        assertThat(planner.propose(null, Duration.ofSeconds(1)).inputProblems()).isNotEmpty();
    }

    @Test
    void theOptimiserTravelsLessThanTheBaselineForAsManyVisits() {
        WeekProblem problem = MarseilleWeek.generate(3, 120);

        WeekPlan optimised = planner.propose(problem, Duration.ofSeconds(3));
        WeekPlan baseline = new GreedyWeekPlanner().propose(problem, Duration.ZERO);

        assertThat(PlanChecker.violations(problem, optimised, new StraightLineTravel()))
                .isEmpty();
        assertThat(optimised.plannedVisits()).isGreaterThanOrEqualTo(baseline.plannedVisits());
        assertThat((double) optimised.travelMinutes() / optimised.plannedVisits())
                .isLessThan((double) baseline.travelMinutes() / baseline.plannedVisits());
    }

    @Test
    void theWeekAsksItsTravelModelForOneMatrix() {
        WeekProblem problem = MarseilleWeek.generate(5, 40);
        StraightLineTravel straight = new StraightLineTravel();
        int[] matrices = {0};
        // a road network's way: the whole matrix in one call, never pair by pair
        TravelModel matrixOnly = new TravelModel() {
            @Override
            public int minutes(GeoPoint from, GeoPoint to) {
                throw new AssertionError("travel asked pair by pair");
            }

            @Override
            public double metres(GeoPoint from, GeoPoint to) {
                throw new AssertionError("travel asked pair by pair");
            }

            @Override
            public int[][] minutesMatrix(List<GeoPoint> points) {
                matrices[0]++;
                return straight.minutesMatrix(points);
            }
        };

        WeekPlan plan = new WeekPlanner(matrixOnly, WeekPlanner.DEFAULT_CONTINUITY_MINUTES, 1)
                .propose(problem, Duration.ofSeconds(1));

        assertThat(matrices[0]).isEqualTo(1);
        assertThat(plan.plannedVisits()).isPositive();
        assertThat(PlanChecker.violations(problem, plan, straight)).isEmpty();
    }
}
