package fr.mediance.planning.week;

import static fr.mediance.planning.week.Weeks.*;
import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.planning.StraightLineTravel;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The planning rules, checked on both planners (the optimiser and the hand-made baseline) with small weeks whose right
 * answer is known, and every plan also passes the independent {@link PlanChecker}.
 */
class WeekRulesTest {

    static Stream<Arguments> planners() {
        return Stream.of(
                Arguments.of("optimiser", new WeekPlanner()), Arguments.of("baseline", new GreedyWeekPlanner()));
    }

    private static WeekPlan plan(WeekProposer planner, WeekProblem problem) {
        WeekPlan plan = planner.propose(problem, Duration.ofSeconds(1));
        assertThat(PlanChecker.violations(problem, plan, new StraightLineTravel()))
                .isEmpty();
        return plan;
    }

    private static List<Stop> visits(WeekPlan plan) {
        List<Stop> list = new ArrayList<>();
        plan.rounds().forEach(r -> list.addAll(r.visits()));
        return list;
    }

    private static DayRound roundOf(WeekPlan plan, String requestId) {
        return plan.rounds().stream()
                .filter(r -> r.visits().stream().anyMatch(s -> s.id().equals(requestId)))
                .findFirst()
                .orElseThrow(() -> new AssertionError(requestId + " n'est pas planifiée"));
    }

    private static Stop stopOf(WeekPlan plan, String requestId) {
        return roundOf(plan, requestId).visits().stream()
                .filter(s -> s.id().equals(requestId))
                .findFirst()
                .orElseThrow();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("planners")
    void aFullDayKeepsTheWorkingHoursAndTheLunchBreak(String name, WeekProposer planner) {
        WeekProblem problem = week(List.of(counsellor("c1", DayOfWeek.MONDAY)), ring("r", 10, 1.5), List.of());

        WeekPlan plan = plan(planner, problem);

        DayRound round = plan.rounds().get(0);
        assertThat(round.visits()).hasSizeBetween(5, 7);
        assertThat(round.departure().toLocalTime()).isAfterOrEqualTo(LocalTime.of(9, 0));
        assertThat(round.returnToOffice().toLocalTime()).isBeforeOrEqualTo(LocalTime.of(17, 30));
        assertThat(round.lunchStart().toLocalTime()).isAfterOrEqualTo(LocalTime.NOON);
        assertThat(round.lunchEnd().toLocalTime()).isBeforeOrEqualTo(LocalTime.of(14, 0));
        assertThat(Duration.between(round.lunchStart(), round.lunchEnd())).isEqualTo(Duration.ofMinutes(45));
        for (Stop s : round.visits()) {
            boolean beforeLunch = !s.end().isAfter(round.lunchStart());
            boolean afterLunch = !s.start().isBefore(round.lunchEnd());
            assertThat(beforeLunch || afterLunch)
                    .as("%s hors de la pause", s.id())
                    .isTrue();
        }
        assertThat(plan.unplanned()).extracting(Unplanned::reason).containsOnly(Unplanned.Reason.WEEK_FULL);
        assertThat(plan.plannedVisits() + plan.unplanned().size()).isEqualTo(10);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("planners")
    void noVisitOnADayOff(String name, WeekProposer planner) {
        Counsellor off = withDaysOff(counsellor("c2", DayOfWeek.MONDAY, DayOfWeek.TUESDAY), day(0));
        WeekProblem problem = week(List.of(counsellor("c1", DayOfWeek.TUESDAY), off), ring("r", 8, 1.0), List.of());

        WeekPlan plan = plan(planner, problem);

        assertThat(plan.rounds()).noneMatch(r -> r.date().equals(day(0)));
        assertThat(plan.plannedVisits()).isEqualTo(8);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("planners")
    void lockedAndExistingAppointmentsStayPutAndAreNeverOverlapped(String name, WeekProposer planner) {
        ExistingAppointment locked =
                new ExistingAppointment("a1", "c1", at(0, 10, 0), at(0, 11, 0), near(2.0, 0), true, "RDV verrouillé");
        ExistingAppointment kept =
                new ExistingAppointment("a2", "c1", at(0, 14, 30), at(0, 15, 30), near(-2.0, 0), false, "RDV proposé");
        WeekProblem problem =
                week(List.of(counsellor("c1", DayOfWeek.MONDAY)), ring("r", 8, 1.5), List.of(locked, kept));

        WeekPlan plan = plan(planner, problem);

        DayRound round = plan.rounds().get(0);
        assertThat(round.stops())
                .filteredOn(s -> s.kind() == Stop.Kind.APPOINTMENT)
                .extracting(Stop::id, Stop::start, Stop::end, Stop::locked)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("a1", at(0, 10, 0), at(0, 11, 0), true),
                        org.assertj.core.groups.Tuple.tuple("a2", at(0, 14, 30), at(0, 15, 30), false));
        List<Stop> stops = round.stops();
        for (int i = 1; i < stops.size(); i++) {
            assertThat(stops.get(i).start())
                    .as(
                            "%s après %s et le trajet",
                            stops.get(i).id(), stops.get(i - 1).id())
                    .isAfterOrEqualTo(
                            stops.get(i - 1).end().plusMinutes(stops.get(i).travelMinutesBefore()));
        }
        assertThat(round.visits()).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("planners")
    void urgentRequestsAreVisitedByTheirDeadlineWhenTheWeekIsFull(String name, WeekProposer planner) {
        List<VisitRequest> requests = new ArrayList<>(ring("r", 40, 2.0));
        requests.add(urgent(request("u1", near(3.5, 3.5)), day(1), 1));
        requests.add(urgent(
                available(request("u2", near(-3.5, 2.0)), HalfDay.afternoon(DayOfWeek.TUESDAY)), day(1), 2));
        WeekProblem problem = week(
                List.of(counsellor("c1", DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY)),
                requests,
                List.of());

        WeekPlan plan = plan(planner, problem);

        assertThat(roundOf(plan, "u1").date()).isBeforeOrEqualTo(day(1));
        assertThat(roundOf(plan, "u2").date()).isEqualTo(day(1));
        assertThat(stopOf(plan, "u1").explanations()).anyMatch(e -> e.startsWith("Urgent : visite le"));
        assertThat(plan.unplanned()).extracting(Unplanned::reason).containsOnly(Unplanned.Reason.WEEK_FULL);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("planners")
    void anUrgentDeadlineThatCannotBeKeptIsReportedWithItsReason(String name, WeekProposer planner) {
        VisitRequest onlyThursday =
                urgent(available(request("u1", near(1, 1)), HalfDay.morning(DayOfWeek.THURSDAY)), day(1), 1);
        VisitRequest passed = urgent(request("u2", near(1, -1)), day(-3), 1);
        // Monday is the only day before the deadline, and its only slot is taken
        VisitRequest full = urgent(request("u3", near(-1, 1)), day(0), 1);
        ExistingAppointment monday =
                new ExistingAppointment("a1", "c1", at(0, 9, 30), at(0, 17, 0), OFFICE, true, "Formation");
        WeekProblem problem = week(
                List.of(counsellor("c1")),
                List.of(onlyThursday, passed, full, request("r1", near(0.5, 0))),
                List.of(monday));

        WeekPlan plan = plan(planner, problem);

        assertThat(plan.unplanned())
                .extracting(Unplanned::requestId, Unplanned::reason)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("u1", Unplanned.Reason.URGENT_DEADLINE_IMPOSSIBLE),
                        org.assertj.core.groups.Tuple.tuple("u2", Unplanned.Reason.URGENT_DEADLINE_IMPOSSIBLE),
                        org.assertj.core.groups.Tuple.tuple("u3", Unplanned.Reason.URGENT_DEADLINE_IMPOSSIBLE));
        assertThat(plan.unplanned()).allMatch(u -> u.message().startsWith("Échéance urgente impossible à tenir : "));
        assertThat(plan.unplanned())
                .filteredOn(u -> u.requestId().equals("u1"))
                .singleElement()
                .extracting(Unplanned::message)
                .asString()
                .contains("qu'après le mardi 08/12");
        assertThat(plan.unplanned())
                .filteredOn(u -> u.requestId().equals("u2"))
                .singleElement()
                .extracting(Unplanned::message)
                .asString()
                .contains("déjà passée");
        assertThat(plan.plannedVisits()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("planners")
    void whenNotEveryUrgentRequestFitsTheMostUrgentDoes(String name, WeekProposer planner) {
        Counsellor twoHours =
                withHours(counsellor("c1", DayOfWeek.MONDAY), DayOfWeek.MONDAY, WorkingHours.of(9, 0, 11, 0));
        VisitRequest second = urgent(duration(request("u2", near(0.5, 0)), 90), day(0), 2);
        VisitRequest first = urgent(duration(request("u1", near(0, 0.5)), 90), day(0), 1);
        WeekProblem problem = week(List.of(twoHours), List.of(second, first), List.of());

        WeekPlan plan = plan(planner, problem);

        assertThat(roundOf(plan, "u1").date()).isEqualTo(day(0));
        assertThat(plan.unplanned())
                .extracting(Unplanned::requestId, Unplanned::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("u2", Unplanned.Reason.URGENT_DEADLINE_IMPOSSIBLE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("planners")
    void theResidentsHalfDaysAreRespected(String name, WeekProposer planner) {
        VisitRequest tuesdayAfternoon = available(request("r1", near(1, 0)), HalfDay.afternoon(DayOfWeek.TUESDAY));
        VisitRequest thursdayMorning =
                duration(available(request("r2", near(0, 1)), HalfDay.morning(DayOfWeek.THURSDAY)), 90);
        WeekProblem problem = week(List.of(counsellor("c1")), List.of(tuesdayAfternoon, thursdayMorning), List.of());

        WeekPlan plan = plan(planner, problem);

        Stop r1 = stopOf(plan, "r1");
        assertThat(r1.start().toLocalDate()).isEqualTo(day(1));
        assertThat(r1.start().toLocalTime()).isAfterOrEqualTo(LocalTime.of(13, 30));
        assertThat(r1.explanations())
                .contains("Mardi plutôt que lundi : la personne ne reçoit que le mardi après-midi.");
        Stop r2 = stopOf(plan, "r2");
        assertThat(r2.start().toLocalDate()).isEqualTo(day(3));
        assertThat(r2.end().toLocalTime()).isBeforeOrEqualTo(LocalTime.of(12, 30));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("planners")
    void datesToAvoidAreAvoided(String name, WeekProposer planner) {
        VisitRequest notMonday = avoiding(request("r1", near(1, 0)), day(0));
        WeekProblem problem =
                week(List.of(counsellor("c1", DayOfWeek.MONDAY, DayOfWeek.TUESDAY)), List.of(notMonday), List.of());

        WeekPlan plan = plan(planner, problem);

        assertThat(roundOf(plan, "r1").date()).isEqualTo(day(1));
        assertThat(stopOf(plan, "r1").explanations())
                .contains("Mardi plutôt que lundi : date à éviter pour la personne.");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("planners")
    void aSyntheticWeekKeepsEveryRule(String name, WeekProposer planner) {
        WeekProblem problem = MarseilleWeek.generate(7, 80);

        WeekPlan plan = plan(planner, problem);

        assertThat(plan.plannedVisits()).isGreaterThan(40);
        assertThat(visits(plan)).allMatch(s -> !s.explanations().isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("planners")
    void whatCannotFitIsReportedWithItsReasonAndTheRestIsPlanned(String name, WeekProposer planner) {
        Counsellor morningOnly =
                withHours(counsellor("c1", DayOfWeek.MONDAY), DayOfWeek.MONDAY, WorkingHours.of(9, 0, 11, 0));
        VisitRequest tooLong = duration(request("long", near(1, 0)), 150);
        VisitRequest nowhere = request("nowhere", null);
        VisitRequest saturday = available(request("sat", near(1, 1)), HalfDay.morning(DayOfWeek.SATURDAY));
        VisitRequest fits = request("fits", near(0.5, 0));
        VisitRequest second = request("second", near(0.6, 0));
        WeekProblem problem = week(List.of(morningOnly), List.of(tooLong, nowhere, saturday, fits, second), List.of());

        WeekPlan plan = plan(planner, problem);

        assertThat(plan.plannedVisits()).isEqualTo(1);
        assertThat(plan.unplanned())
                .extracting(Unplanned::requestId, Unplanned::reason)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("long", Unplanned.Reason.INVALID_REQUEST),
                        org.assertj.core.groups.Tuple.tuple("nowhere", Unplanned.Reason.INVALID_REQUEST),
                        org.assertj.core.groups.Tuple.tuple("sat", Unplanned.Reason.NO_AVAILABILITY));
        assertThat(plan.unplanned())
                .filteredOn(u -> u.reason() == Unplanned.Reason.WEEK_FULL)
                .singleElement()
                .extracting(Unplanned::message)
                .asString()
                .startsWith("Semaine complète pour l'équipe");
        assertThat(plan.unplanned())
                .filteredOn(u -> u.requestId().equals("sat"))
                .singleElement()
                .extracting(Unplanned::message)
                .asString()
                .startsWith("Aucune disponibilité de la personne cette semaine");
        assertThat(plan.inputProblems())
                .extracting(InputProblem::message)
                .anyMatch(m -> m.contains("l'adresse n'est pas localisée"))
                .anyMatch(m -> m.contains("plus longue que toute journée de travail"));
    }
}
