package fr.mediance.planning.week;

import static fr.mediance.planning.week.Weeks.*;
import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.planning.StraightLineTravel;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checker catches broken plans (so that its silence on the planners' plans means something). */
class PlanCheckerTest {

    private final ExistingAppointment locked =
            new ExistingAppointment("a1", "c1", at(0, 14, 0), at(0, 15, 0), near(1, 1), true, "RDV");
    private final WeekProblem problem = week(
            List.of(counsellor("c1", DayOfWeek.MONDAY)),
            List.of(available(request("r1", near(1, 0)), HalfDay.morning(DayOfWeek.MONDAY)), request("r2", near(0, 1))),
            List.of(locked));
    private final WeekPlan good = new GreedyWeekPlanner().propose(problem, Duration.ZERO);

    private List<String> check(WeekPlan plan) {
        return PlanChecker.violations(problem, plan, new StraightLineTravel());
    }

    private WeekPlan withStops(List<Stop> stops) {
        DayRound r = good.rounds().get(0);
        DayRound changed = new DayRound(
                r.counsellorId(),
                r.date(),
                r.departure(),
                stops,
                r.lunchStart(),
                r.lunchEnd(),
                r.travelBackMinutes(),
                r.returnToOffice(),
                r.travelMinutes());
        return new WeekPlan(
                List.of(changed), good.unplanned(), good.inputProblems(), good.travelMinutes(), good.plannedVisits());
    }

    private static Stop moved(Stop s, int minutes) {
        return new Stop(
                s.kind(),
                s.id(),
                s.label(),
                s.start().plusMinutes(minutes),
                s.end().plusMinutes(minutes),
                s.travelMinutesBefore(),
                s.locked(),
                s.explanations());
    }

    @Test
    void aGoodPlanPasses() {
        assertThat(good.plannedVisits()).isEqualTo(2);
        assertThat(check(good)).isEmpty();
    }

    @Test
    void aMovedAppointmentAnOverlapAndAMissedHalfDayAreCaught() {
        List<Stop> stops = new ArrayList<>(good.rounds().get(0).stops());
        int a = indexOf(stops, "a1");
        stops.set(a, moved(stops.get(a), 30));
        assertThat(check(withStops(stops))).anyMatch(v -> v.contains("déplacé"));

        stops = new ArrayList<>(good.rounds().get(0).stops());
        int r1 = indexOf(stops, "r1");
        stops.set(r1, moved(stops.get(r1), 5 * 60));
        assertThat(check(withStops(stops))).anyMatch(v -> v.contains("hors des disponibilités"));

        stops = new ArrayList<>(good.rounds().get(0).stops());
        int r2 = indexOf(stops, "r2");
        Stop onTheAppointment = new Stop(
                Stop.Kind.VISIT,
                "r2",
                "F-r2",
                at(0, 14, 30),
                at(0, 15, 30),
                stops.get(r2).travelMinutesBefore(),
                false,
                List.of());
        stops.set(r2, onTheAppointment);
        stops.sort(java.util.Comparator.comparing(Stop::start));
        assertThat(check(withStops(stops))).isNotEmpty();
    }

    @Test
    void aLostRequestOrAppointmentIsCaught() {
        List<Stop> stops = new ArrayList<>(good.rounds().get(0).stops());
        stops.removeIf(s -> s.id().equals("a1"));
        assertThat(check(withStops(stops))).anyMatch(v -> v.contains("disparu"));

        stops = new ArrayList<>(good.rounds().get(0).stops());
        stops.removeIf(s -> s.id().equals("r2"));
        assertThat(check(withStops(stops))).anyMatch(v -> v.contains("ni planifiée ni signalée"));
    }

    private static int indexOf(List<Stop> stops, String id) {
        for (int i = 0; i < stops.size(); i++) {
            if (stops.get(i).id().equals(id)) {
                return i;
            }
        }
        throw new AssertionError(id);
    }
}
