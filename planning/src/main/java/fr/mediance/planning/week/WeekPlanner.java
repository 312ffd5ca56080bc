package fr.mediance.planning.week;

import com.graphhopper.jsprit.core.algorithm.VehicleRoutingAlgorithm;
import com.graphhopper.jsprit.core.algorithm.box.Jsprit;
import com.graphhopper.jsprit.core.algorithm.state.StateManager;
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
 * <p>The result ({@link WeekPlan}) gives each round's times and travel, the requests left out with their reasons,
 * the input problems, and for each visit short French explanations of its day and counsellor.
 */
public final class WeekPlanner implements WeekProposer {

    /** What giving a request to another counsellor than the usual one costs, in minutes of travel. */
    public static final int DEFAULT_CONTINUITY_MINUTES = 10;

    private static final double UNPLANNED_COST = 1_000;
    private static final double UNPLANNED_URGENT_COST = 100_000;

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
        Map<Slot, int[]> orders = solve(week, plannable, open, timeLimit);
        return new PlanBuilder(week, orders).build();
    }

    private Map<Slot, int[]> solve(PreparedWeek week, List<Req> plannable, List<Slot> open, Duration timeLimit) {
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
            if (!s.fixed.isEmpty()) {
                VehicleRoute.Builder route = VehicleRoute.Builder.newInstance(vehicle);
                for (Node n : s.fixed) {
                    route.addService(Service.Builder.newInstance("a" + n.id)
                            .setLocation(locations[n.id])
                            .setServiceTime(n.duration)
                            .addTimeWindow(TimeWindow.newInstance(n.windows[0][0], n.windows[0][1]))
                            .addRequiredSkill(s.id())
                            .setPriority(1)
                            .setUserData(n.id)
                            .build());
                }
                vrp.addInitialVehicleRoute(route.build());
            }
        }
        for (Req r : plannable) {
            Service.Builder<Service> b = Service.Builder.newInstance("r" + r.node.id)
                    .setLocation(locations[r.node.id])
                    .setServiceTime(r.node.duration)
                    .setPriority(r.request.urgent() ? 1 : 3)
                    .setUserData(r.node.id);
            for (int[] w : r.node.windows) {
                b.addTimeWindow(TimeWindow.newInstance(w[0], w[1]));
            }
            vrp.addJob(b.build());
        }
        VehicleRoutingProblem problem = vrp.build();

        StateManager states = new StateManager(problem);
        ConstraintManager constraints = new ConstraintManager(problem, states);
        constraints.addConstraint(new ScheduleConstraint(week), ConstraintManager.Priority.LOW);
        constraints.addConstraint(new ContinuityCost(week));

        VehicleRoutingAlgorithm algorithm = Jsprit.Builder.newInstance(problem)
                .setStateAndConstraintManager(states, constraints)
                .addCoreStateAndConstraintStuff(true)
                .setObjectiveFunction(new Objective(week))
                .setProperty(Jsprit.Parameter.VEHICLE_SWITCH, "false")
                .setProperty(
                        Jsprit.Parameter.THREADS,
                        String.valueOf(Math.min(2, Runtime.getRuntime().availableProcessors())))
                .setRandom(new Random(seed))
                .buildAlgorithm();
        long millis = Math.max(200, timeLimit.toMillis() - 300);
        TimeTermination termination = new TimeTermination(millis);
        algorithm.setPrematureAlgorithmTermination(termination);
        algorithm.addListener(termination);
        algorithm.setMaxIterations(1_000_000);
        Collection<VehicleRoutingProblemSolution> solutions = algorithm.searchSolutions();
        VehicleRoutingProblemSolution best = Solutions.bestOf(solutions);

        Map<Slot, int[]> orders = new HashMap<>();
        for (VehicleRoute route : best.getRoutes()) {
            Slot s = (Slot) route.getVehicle().getUserData();
            orders.put(s, nodesOf(route.getActivities(), -1, null));
        }
        return orders;
    }

    /** The node ids of a route's activities, with {@code extra} inserted at {@code position} when not null. */
    private static int[] nodesOf(List<TourActivity> acts, int position, TourActivity extra) {
        List<Integer> ids = new ArrayList<>(acts.size() + 1);
        for (TourActivity a : acts) {
            if (a instanceof TourActivity.JobActivity) {
                ids.add(a.getLocation().getIndex());
            }
        }
        if (extra != null) {
            ids.add(position, extra.getLocation().getIndex());
        }
        return ids.stream().mapToInt(Integer::intValue).toArray();
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
                cost += j.getPriority() == 1 ? UNPLANNED_URGENT_COST : UNPLANNED_COST;
            }
            return cost;
        }
    }
}
