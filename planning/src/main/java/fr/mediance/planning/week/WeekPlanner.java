package fr.mediance.planning.week;

import com.graphhopper.jsprit.core.algorithm.VehicleRoutingAlgorithm;
import com.graphhopper.jsprit.core.algorithm.box.Jsprit;
import com.graphhopper.jsprit.core.algorithm.state.StateManager;
import com.graphhopper.jsprit.core.algorithm.state.UpdateActivityTimes;
import com.graphhopper.jsprit.core.algorithm.state.UpdateVariableCosts;
import com.graphhopper.jsprit.core.algorithm.termination.TimeTermination;
import com.graphhopper.jsprit.core.problem.Location;
import com.graphhopper.jsprit.core.problem.VehicleRoutingProblem;
import com.graphhopper.jsprit.core.problem.constraint.ConstraintManager;
import com.graphhopper.jsprit.core.problem.constraint.HardActivityConstraint;
import com.graphhopper.jsprit.core.problem.constraint.SoftRouteConstraint;
import com.graphhopper.jsprit.core.problem.cost.AbstractForwardVehicleRoutingTransportCosts;
import com.graphhopper.jsprit.core.problem.driver.Driver;
import com.graphhopper.jsprit.core.problem.job.Job;
import com.graphhopper.jsprit.core.problem.job.Service;
import com.graphhopper.jsprit.core.problem.misc.JobInsertionContext;
import com.graphhopper.jsprit.core.problem.solution.SolutionCostCalculator;
import com.graphhopper.jsprit.core.problem.solution.VehicleRoutingProblemSolution;
import com.graphhopper.jsprit.core.problem.solution.route.VehicleRoute;
import com.graphhopper.jsprit.core.problem.solution.route.activity.Start;
import com.graphhopper.jsprit.core.problem.solution.route.activity.TimeWindow;
import com.graphhopper.jsprit.core.problem.solution.route.activity.TourActivity;
import com.graphhopper.jsprit.core.problem.vehicle.Vehicle;
import com.graphhopper.jsprit.core.problem.vehicle.VehicleImpl;
import com.graphhopper.jsprit.core.problem.vehicle.VehicleType;
import com.graphhopper.jsprit.core.problem.vehicle.VehicleTypeImpl;
import com.graphhopper.jsprit.core.util.ActivityTimeTracker;
import com.graphhopper.jsprit.core.util.Solutions;
import fr.mediance.planning.StraightLineTravel;
import fr.mediance.planning.TravelModel;
import fr.mediance.planning.week.PreparedWeek.Node;
import fr.mediance.planning.week.PreparedWeek.Req;
import fr.mediance.planning.week.PreparedWeek.Slot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * "Proposer la semaine": plans the home-visit requests into the counsellors' week with jsprit.
 *
 * <p>Each worked counsellor-day is a vehicle leaving the office at the start of the working day and back by its end;
 * each request is a service with its time windows over the week (the resident's half-days, minus the dates to avoid
 * and, for an urgent request, every day after its deadline; only days some counsellor works); existing appointments
 * are fixed in their counsellor-day's initial route at their own time (the solver inserts around them and never
 * moves them). The lunch break and every stop's time follow one rule ({@link DaySchedule}), checked by a hard
 * constraint on every insertion. The objective is the week's travel minutes, plus a cost for each request given to
 * another counsellor than the one the resident knows ({@link #DEFAULT_CONTINUITY_MINUTES}), plus a large cost for
 * each request left out (much larger for an urgent one): the week plans as many visits as it can, urgent ones
 * first, then travels as little as it can.
 *
 * <p>The search starts from a regret construction ({@link RegretConstruction}, urgent requests first) and improves
 * it by jsprit's ruin and recreate (small ruins, a threshold of a few minutes of travel cooling down) until the time
 * limit, less what writing the plan out takes. jsprit's own time-window states are not used: the schedule rule is
 * the one time constraint (with 40 counsellor-days jsprit would keep those states for each of them).
 *
 * <p>The result ({@link WeekPlan}) gives each round's times and travel, the requests left out with their reasons,
 * the input problems, and for each visit short French explanations of its day and counsellor.
 */
public final class WeekPlanner implements WeekProposer {

    /** What giving a request to another counsellor than the usual one costs, in minutes of travel. */
    public static final int DEFAULT_CONTINUITY_MINUTES = 10;

    private static final double UNPLANNED_COST = 1_000;
    private static final double UNPLANNED_URGENT_COST = 100_000;
    /** Kept from the time limit for the plan's times, reasons and explanations after the search. */
    private static final long OUTPUT_MILLIS = 700;

    private static final long MIN_SEARCH_MILLIS = 200;
    /** Kept from the time limit for the last pass of moves and exchanges ({@link LocalImprovement}). */
    private static final long POLISH_MILLIS = 400;
    /**
     * The acceptance threshold cools down as if the search ran this many iterations (about what a few seconds on
     * two shared cores allow); the time limit stops it.
     */
    private static final int ITERATIONS_FOR_COOLING = 3000;

    private final TravelModel travel;
    private final int continuityMinutes;
    private final long seed;

    /** The Marseille straight-line travel model and the default continuity cost. */
    public WeekPlanner() {
        this(new StraightLineTravel(), DEFAULT_CONTINUITY_MINUTES, 20261207L);
    }

    /**
     * @param travel the travel model
     * @param continuityMinutes cost, in travel minutes, of giving a request to another counsellor than the usual one
     * @param seed the search's random seed
     */
    public WeekPlanner(TravelModel travel, int continuityMinutes, long seed) {
        this.travel = travel;
        this.continuityMinutes = continuityMinutes;
        this.seed = seed;
    }

    @Override
    public WeekPlan propose(WeekProblem problem, Duration timeLimit) {
        long startedAt = System.nanoTime();
        PreparedWeek week = new PreparedWeek(problem, travel);
        if (!week.plannable) {
            return new PlanBuilder(week, Map.of()).build();
        }
        List<Req> plannable =
                week.requests.stream().filter(r -> r.node.windows.length > 0).toList();
        List<Slot> open = week.slots.stream().filter(s -> s.open).toList();
        if (plannable.isEmpty() || open.isEmpty()) {
            return new PlanBuilder(week, Map.of()).build();
        }
        // the search gets what is left of the limit once the week is prepared, less the time to write the plan out
        long left = timeLimit.toMillis() - (System.nanoTime() - startedAt) / 1_000_000 - OUTPUT_MILLIS;
        Map<Slot, int[]> start = RegretConstruction.rounds(week, continuityMinutes);
        Map<Slot, int[]> orders =
                solve(week, plannable, open, start, Math.max(MIN_SEARCH_MILLIS, left - POLISH_MILLIS));
        long polishEnd = System.nanoTime() + POLISH_MILLIS * 1_000_000;
        LocalImprovement.improve(week, orders, continuityMinutes, polishEnd);
        LocalImprovement.exchange(week, orders, continuityMinutes, polishEnd);
        LocalImprovement.improve(week, orders, continuityMinutes, polishEnd);
        return new PlanBuilder(week, orders).build();
    }

    private Map<Slot, int[]> solve(
            PreparedWeek week, List<Req> plannable, List<Slot> open, Map<Slot, int[]> start, long searchMillis) {
        Map<Integer, Service> services = new HashMap<>();
        Map<Slot, VehicleImpl> vehicles = new HashMap<>();
        Location[] locations = new Location[week.nodes.size()];
        for (Node n : week.nodes) {
            locations[n.id] = Location.Builder.newInstance()
                    .setIndex(n.id)
                    .setId("n" + n.id)
                    .build();
        }
        VehicleType type = VehicleTypeImpl.Builder.newInstance("conseil")
                .setCostPerDistance(0)
                .setCostPerTransportTime(1)
                .setCostPerWaitingTime(0)
                .setCostPerServiceTime(0)
                .build();
        VehicleRoutingProblem.Builder vrp = VehicleRoutingProblem.Builder.newInstance()
                .setFleetSize(VehicleRoutingProblem.FleetSize.FINITE)
                .setRoutingCost(new Matrix(week.travel));
        for (Slot s : open) {
            VehicleImpl vehicle = VehicleImpl.Builder.newInstance(s.id())
                    .setType(type)
                    .setStartLocation(locations[PreparedWeek.OFFICE])
                    .setEndLocation(locations[PreparedWeek.OFFICE])
                    .setReturnToDepot(true)
                    .setEarliestStart(s.start)
                    .setLatestArrival(s.end)
                    .addSkill(s.id())
                    .setUserData(s)
                    .build();
            vrp.addVehicle(vehicle);
            vehicles.put(s, vehicle);
            if (!s.fixed.isEmpty()) {
                VehicleRoute.Builder route = VehicleRoute.Builder.newInstance(vehicle);
                for (Node n : s.fixed) {
                    Service fixed = Service.Builder.newInstance("a" + n.id)
                            .setLocation(locations[n.id])
                            .setServiceTime(n.duration)
                            .addTimeWindow(TimeWindow.newInstance(n.windows[0][0], n.windows[0][1]))
                            .addRequiredSkill(s.id())
                            .setPriority(1)
                            .build();
                    services.put(n.id, fixed);
                    route.addService(fixed);
                }
                vrp.addInitialVehicleRoute(route.build());
            }
        }
        for (Req r : plannable) {
            Service.Builder<Service> b = Service.Builder.newInstance("r" + r.node.id)
                    .setLocation(locations[r.node.id])
                    .setServiceTime(r.node.duration)
                    .setPriority(r.request.urgent() ? 1 : 3);
            for (int[] w : r.node.windows) {
                b.addTimeWindow(TimeWindow.newInstance(w[0], w[1]));
            }
            Service service = b.build();
            services.put(r.node.id, service);
            vrp.addJob(service);
        }
        VehicleRoutingProblem problem = vrp.build();

        StateManager states = new StateManager(problem);
        ConstraintManager constraints = new ConstraintManager(problem, states);
        constraints.addConstraint(new ScheduleConstraint(week), ConstraintManager.Priority.LOW);
        constraints.addConstraint(new ContinuityCost(week));
        states.addStateUpdater(new UpdateActivityTimes(
                problem.getTransportCosts(),
                ActivityTimeTracker.ActivityPolicy.AS_SOON_AS_TIME_WINDOW_OPENS,
                problem.getActivityCosts()));
        states.addStateUpdater(
                new UpdateVariableCosts(problem.getActivityCosts(), problem.getTransportCosts(), states));

        VehicleRoutingAlgorithm algorithm = Jsprit.Builder.newInstance(problem)
                .setStateAndConstraintManager(states, constraints)
                // the schedule constraint checks every window, the lunch and the end of the day itself: jsprit's own
                // time-window states, kept for each of the week's counsellor-days, would cost more than they help
                .addCoreStateAndConstraintStuff(false)
                .setObjectiveFunction(new Objective(week))
                .setProperty(Jsprit.Parameter.VEHICLE_SWITCH, "false")
                .setProperty(Jsprit.Parameter.FAST_REGRET, "true")
                // accept a worse week by at most a few minutes of travel (never by a visit), cooling down over the
                // iterations the time limit allows
                .setProperty(Jsprit.Parameter.THRESHOLD_INI_ABS, "20")
                // small ruins: more, quicker iterations in the few seconds given
                .setProperty(Jsprit.Parameter.RANDOM_REGRET_MIN_SHARE, "5")
                .setProperty(Jsprit.Parameter.RANDOM_REGRET_MAX_SHARE, "25")
                .setProperty(Jsprit.Parameter.RANDOM_BEST_MIN_SHARE, "5")
                .setProperty(Jsprit.Parameter.RANDOM_BEST_MAX_SHARE, "25")
                .setProperty(Jsprit.Parameter.RADIAL_MIN_SHARE, "5")
                .setProperty(Jsprit.Parameter.RADIAL_MAX_SHARE, "25")
                .setProperty(Jsprit.Parameter.WORST_MIN_SHARE, "5")
                .setProperty(Jsprit.Parameter.WORST_MAX_SHARE, "25")
                .setProperty(Jsprit.Parameter.CLUSTER_MIN_SHARE, "5")
                .setProperty(Jsprit.Parameter.CLUSTER_MAX_SHARE, "25")
                .setProperty(
                        Jsprit.Parameter.THREADS,
                        String.valueOf(Math.min(2, Runtime.getRuntime().availableProcessors())))
                .setRandom(new Random(seed))
                .buildAlgorithm();
        TimeTermination termination = new TimeTermination(searchMillis);
        algorithm.setPrematureAlgorithmTermination(termination);
        algorithm.addListener(termination);
        algorithm.setMaxIterations(ITERATIONS_FOR_COOLING);
        algorithm.addInitialSolution(initialSolution(problem, start, vehicles, services));
        Collection<VehicleRoutingProblemSolution> solutions = algorithm.searchSolutions();
        VehicleRoutingProblemSolution best = Solutions.bestOf(solutions);

        Map<Slot, int[]> orders = new HashMap<>();
        for (VehicleRoute route : best.getRoutes()) {
            Slot s = (Slot) route.getVehicle().getUserData();
            orders.put(s, nodesOf(route.getActivities(), -1, null));
        }
        return orders;
    }

    /** The hand-made plan as the search's starting point (it keeps every rule, so the search starts feasible). */
    private static VehicleRoutingProblemSolution initialSolution(
            VehicleRoutingProblem problem,
            Map<Slot, int[]> start,
            Map<Slot, VehicleImpl> vehicles,
            Map<Integer, Service> services) {
        List<VehicleRoute> routes = new ArrayList<>();
        java.util.Set<Job> assigned = new java.util.HashSet<>();
        for (Map.Entry<Slot, int[]> e : start.entrySet()) {
            VehicleImpl vehicle = vehicles.get(e.getKey());
            if (vehicle == null || e.getValue().length == 0) {
                continue;
            }
            VehicleRoute.Builder route =
                    VehicleRoute.Builder.newInstance(vehicle).setJobActivityFactory(problem.getJobActivityFactory());
            for (int id : e.getValue()) {
                Service s = services.get(id);
                route.addService(s);
                assigned.add(s);
            }
            routes.add(route.build());
        }
        List<Job> unassigned = new ArrayList<>();
        for (Job j : problem.getJobs().values()) {
            if (!assigned.contains(j)) {
                unassigned.add(j);
            }
        }
        return new VehicleRoutingProblemSolution(routes, unassigned, Double.MAX_VALUE);
    }

    /** The node ids of a route's activities, with {@code extra} inserted at {@code position} when not null. */
    private static int[] nodesOf(List<TourActivity> acts, int position, TourActivity extra) {
        int[] ids = new int[acts.size() + (extra == null ? 0 : 1)];
        int k = 0;
        for (int i = 0; i < acts.size(); i++) {
            if (extra != null && i == position) {
                ids[k++] = extra.getLocation().getIndex();
            }
            ids[k++] = acts.get(i).getLocation().getIndex();
        }
        if (extra != null && position == acts.size()) {
            ids[k++] = extra.getLocation().getIndex();
        }
        return ids;
    }

    /** Travel times (minutes) as the solver's costs: the same whole minutes the rounds are timed with. */
    private static final class Matrix extends AbstractForwardVehicleRoutingTransportCosts {
        private final int[][] travel;

        Matrix(int[][] travel) {
            this.travel = travel;
        }

        @Override
        public double getDistance(Location from, Location to, double departureTime, Vehicle vehicle) {
            return travel[from.getIndex()][to.getIndex()];
        }

        @Override
        public double getTransportTime(
                Location from, Location to, double departureTime, Driver driver, Vehicle vehicle) {
            return travel[from.getIndex()][to.getIndex()];
        }

        @Override
        public double getTransportCost(
                Location from, Location to, double departureTime, Driver driver, Vehicle vehicle) {
            return travel[from.getIndex()][to.getIndex()];
        }
    }

    /** Every insertion keeps the round feasible by the shared rule: windows, lunch break, back in time. */
    private static final class ScheduleConstraint implements HardActivityConstraint {
        private final PreparedWeek week;

        ScheduleConstraint(PreparedWeek week) {
            this.week = week;
        }

        @Override
        public ConstraintsStatus fulfilled(
                JobInsertionContext context,
                TourActivity prev,
                TourActivity added,
                TourActivity next,
                double prevDeparture) {
            Slot slot = (Slot) context.getNewVehicle().getUserData();
            if (slot == null) {
                return ConstraintsStatus.NOT_FULFILLED;
            }
            // jsprit tries each of the request's windows: those outside this counsellor-day are out at once
            if (added.getTheoreticalLatestOperationStartTime() < slot.start
                    || added.getTheoreticalEarliestOperationStartTime() > slot.end) {
                return ConstraintsStatus.NOT_FULFILLED;
            }
            List<TourActivity> acts = context.getRoute().getActivities();
            int position;
            if (prev instanceof Start) {
                position = 0;
            } else {
                position = -1;
                for (int i = 0; i < acts.size(); i++) {
                    if (acts.get(i) == prev) {
                        position = i + 1;
                        break;
                    }
                }
                if (position < 0) {
                    return ConstraintsStatus.NOT_FULFILLED;
                }
            }
            int[] order = nodesOf(acts, position, added);
            return DaySchedule.of(week, slot, order) != null
                    ? ConstraintsStatus.FULFILLED
                    : ConstraintsStatus.NOT_FULFILLED;
        }
    }

    /** Continuity: a request given to another counsellor than the usual one costs a few minutes of travel. */
    private final class ContinuityCost implements SoftRouteConstraint {
        private final PreparedWeek week;

        ContinuityCost(PreparedWeek week) {
            this.week = week;
        }

        @Override
        public double getCosts(JobInsertionContext context) {
            Job job = context.getJob();
            if (!(job instanceof Service service)) {
                return 0;
            }
            return continuityCost(week, service.getLocation().getIndex(), (Slot)
                    context.getNewVehicle().getUserData());
        }
    }

    private double continuityCost(PreparedWeek week, int id, Slot slot) {
        if (slot == null) {
            return 0;
        }
        Node n = week.nodes.get(id);
        if (n.request == null) {
            return 0;
        }
        String usual = n.request.request.usualCounsellorId();
        return usual == null || usual.equals(slot.counsellor.id()) ? 0 : continuityMinutes;
    }

    /**
     * What leaving a request out costs: far more than any detour, and far more again for an urgent one, the more so
     * the more urgent (rank 1 first), so that when not every urgent request fits, the most urgent ones do.
     */
    private double unplannedCost(PreparedWeek week, Job job) {
        if (!(job instanceof Service service)) {
            return UNPLANNED_COST;
        }
        Node n = week.nodes.get(service.getLocation().getIndex());
        if (n.request == null || !n.request.request.urgent()) {
            return UNPLANNED_COST;
        }
        int rank = n.request.request.urgencyRank() <= 0 ? 9 : Math.min(9, n.request.request.urgencyRank());
        return UNPLANNED_URGENT_COST + (10 - rank) * UNPLANNED_URGENT_COST / 20;
    }

    /** Travel, continuity, and the requests left out (urgent ones weigh far more). */
    private final class Objective implements SolutionCostCalculator {
        private final PreparedWeek week;

        Objective(PreparedWeek week) {
            this.week = week;
        }

        @Override
        public double getCosts(VehicleRoutingProblemSolution solution) {
            double cost = 0;
            for (VehicleRoute route : solution.getRoutes()) {
                Slot slot = (Slot) route.getVehicle().getUserData();
                int at = PreparedWeek.OFFICE;
                for (TourActivity a : route.getActivities()) {
                    int id = a.getLocation().getIndex();
                    cost += week.travel[at][id];
                    at = id;
                    if (a instanceof TourActivity.JobActivity) {
                        cost += continuityCost(week, id, slot);
                    }
                }
                cost += week.travel[at][PreparedWeek.OFFICE];
            }
            for (Job j : solution.getUnassignedJobs()) {
                cost += unplannedCost(week, j);
            }
            return cost;
        }
    }
}
