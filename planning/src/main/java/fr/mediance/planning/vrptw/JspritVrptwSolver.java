package fr.mediance.planning.vrptw;

import com.graphhopper.jsprit.core.algorithm.VehicleRoutingAlgorithm;
import com.graphhopper.jsprit.core.algorithm.acceptor.SolutionAcceptor;
import com.graphhopper.jsprit.core.algorithm.box.Jsprit;
import com.graphhopper.jsprit.core.algorithm.termination.PrematureAlgorithmTermination;
import com.graphhopper.jsprit.core.algorithm.termination.TimeTermination;
import com.graphhopper.jsprit.core.problem.Location;
import com.graphhopper.jsprit.core.problem.VehicleRoutingProblem;
import com.graphhopper.jsprit.core.problem.cost.AbstractForwardVehicleRoutingTransportCosts;
import com.graphhopper.jsprit.core.problem.driver.Driver;
import com.graphhopper.jsprit.core.problem.job.Service;
import com.graphhopper.jsprit.core.problem.solution.VehicleRoutingProblemSolution;
import com.graphhopper.jsprit.core.problem.solution.route.VehicleRoute;
import com.graphhopper.jsprit.core.problem.solution.route.activity.TourActivity;
import com.graphhopper.jsprit.core.problem.solution.route.activity.TourActivity.JobActivity;
import com.graphhopper.jsprit.core.problem.vehicle.Vehicle;
import com.graphhopper.jsprit.core.problem.vehicle.VehicleImpl;
import com.graphhopper.jsprit.core.problem.vehicle.VehicleType;
import com.graphhopper.jsprit.core.problem.vehicle.VehicleTypeImpl;
import com.graphhopper.jsprit.core.util.Coordinate;
import com.graphhopper.jsprit.core.util.Solutions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The VRPTW optimiser on jsprit (ruin and recreate with threshold acceptance), aiming at the hierarchical objective:
 * fewest vehicles first, then least distance. Each search runs three phases within its share of the wall clock:
 *
 * <ol>
 *   <li>construction and search on an unlimited fleet where every vehicle used costs a high fixed price;
 *   <li>route elimination: with one vehicle fewer than the best complete solution, start from that solution with its
 *       shortest route's customers unassigned and search until every customer is placed (then try one fewer
 *       again) or the phase's time is spent;
 *   <li>distance: search on the fleet found, fixed price off, from the best complete solution.
 * </ol>
 *
 * Nothing assumes short routes: a route holds as many customers as capacity, time windows and the depot's horizon
 * allow. With {@code threads > 1} independent searches with different seeds run at once and the best is kept.
 */
public final class JspritVrptwSolver {
    /** The price of a vehicle in phase 1, in distance units: far above any distance one vehicle fewer could save. */
    static final double FIXED_COST_PER_VEHICLE = 10_000;

    /**
     * The weight of distance while eliminating a route: low, so that the search moves freely among placements of
     * equal unassigned count instead of settling on short, tight routes.
     */
    static final double ELIMINATION_DISTANCE_WEIGHT = 0.1;

    private static final boolean TRACE = Boolean.getBoolean("mediance.vrptw.trace");

    private final int threads;
    private final long seed;
    private final long maxIterations;

    /**
     * @param threads independent searches run at once (one per core)
     * @param seed the first search's seed (the others use the following numbers)
     * @param maxIterations a cap on each phase's iterations, besides the time limit ({@code Long.MAX_VALUE}: none)
     */
    public JspritVrptwSolver(int threads, long seed, long maxIterations) {
        this.threads = Math.max(1, threads);
        this.seed = seed;
        this.maxIterations = maxIterations;
    }

    public JspritVrptwSolver() {
        this(Runtime.getRuntime().availableProcessors(), 1, Long.MAX_VALUE);
    }

    public VrptwSolution solve(SolomonInstance instance, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        if (threads == 1) {
            return new Search(instance, seed, deadline).run();
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<VrptwSolution>> runs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long s = seed + t;
                runs.add(pool.submit(() -> new Search(instance, s, deadline).run()));
            }
            VrptwSolution best = null;
            for (Future<VrptwSolution> run : runs) {
                VrptwSolution s = run.get();
                if (s.betterThan(best, instance)) {
                    best = s;
                }
            }
            return best;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("optimisation interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("optimisation failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** One search, phases 1 to 3, single-threaded. */
    private final class Search {
        private final SolomonInstance instance;
        private final Random random;
        private final long deadline;
        private final long start = System.nanoTime();

        Search(SolomonInstance instance, long seed, long deadline) {
            this.instance = instance;
            this.random = new Random(seed);
            this.deadline = deadline;
        }

        VrptwSolution run() {
            long total = deadline - start;
            // phase 1: unlimited fleet, a fixed price per vehicle
            Problem first = new Problem(instance, -1, FIXED_COST_PER_VEHICLE, 1);
            VrptwSolution best = first.search(null, until(start + (long) (total * 0.2)), false);
            // phase 2: one route fewer, as long as every customer finds a place
            long eliminationEnd = start + (long) (total * 0.75);
            while (best.vehicles() > 1 && System.nanoTime() < eliminationEnd) {
                List<List<Integer>> kept = new ArrayList<>(best.routes());
                kept.remove(
                        kept.stream().min(Comparator.comparingInt(List::size)).orElseThrow());
                Problem fewer = new Problem(instance, best.vehicles() - 1, 0, ELIMINATION_DISTANCE_WEIGHT);
                VrptwSolution found = fewer.search(new VrptwSolution(kept), until(eliminationEnd), true);
                if (found == null) {
                    break;
                }
                best = found;
            }
            // phase 3: least distance on the fleet found
            Problem last = new Problem(instance, best.vehicles(), 0, 1);
            VrptwSolution shorter = last.search(best, until(deadline), false);
            return shorter != null && shorter.betterThan(best, instance) ? shorter : best;
        }

        private long until(long nanoTime) {
            return Math.max(0, (Math.min(nanoTime, deadline) - System.nanoTime()) / 1_000_000);
        }

        /**
         * Threshold acceptance whose threshold halves every {@code alpha} of the phase's time (jsprit's own
         * schedule counts iterations, which a wall-clock limit does not know in advance). The first threshold is 3 %
         * of the first solution's distance, fixed prices and unassigned penalties left out.
         */
        private final class TimedThreshold implements SolutionAcceptor {
            private static final double ALPHA = 0.15;
            private final long begin = System.nanoTime();
            private final double length;
            private double initial = -1;

            private final double distanceWeight;

            TimedThreshold(long millis, double distanceWeight) {
                this.length = Math.max(1, millis) * 1e6;
                this.distanceWeight = distanceWeight;
            }

            @Override
            public boolean acceptSolution(
                    Collection<VehicleRoutingProblemSolution> solutions, VehicleRoutingProblemSolution candidate) {
                if (solutions.isEmpty()) {
                    solutions.add(candidate);
                    return true;
                }
                VehicleRoutingProblemSolution current = solutions.iterator().next();
                if (initial < 0) {
                    initial = 0.03 * distanceWeight * fromJsprit(current).distance(instance);
                }
                double progress = (System.nanoTime() - begin) / length;
                double threshold = initial * Math.exp(-Math.log(2) * progress / ALPHA);
                if (candidate.getCost() < current.getCost() + threshold) {
                    solutions.clear();
                    solutions.add(candidate);
                    return true;
                }
                return false;
            }
        }

        /** A jsprit problem on the instance: {@code vehicles < 0} for an unlimited fleet. */
        private final class Problem {
            final VehicleRoutingProblem vrp;
            final List<Vehicle> fleet = new ArrayList<>();
            final Service[] services;

            final double distanceWeight;

            Problem(SolomonInstance instance, int vehicles, double fixedCost, double distanceWeight) {
                this.distanceWeight = distanceWeight;
                SolomonInstance.Customer depot = instance.depot();
                VehicleType type = VehicleTypeImpl.Builder.newInstance("vehicle")
                        .addCapacityDimension(0, instance.capacity())
                        .setFixedCost(fixedCost)
                        .setCostPerDistance(distanceWeight)
                        .setCostPerTransportTime(0)
                        .setCostPerWaitingTime(0)
                        .build();
                VehicleRoutingProblem.Builder builder = VehicleRoutingProblem.Builder.newInstance()
                        .setRoutingCost(new Euclidean(instance, distanceWeight))
                        .setFleetSize(
                                vehicles < 0
                                        ? VehicleRoutingProblem.FleetSize.INFINITE
                                        : VehicleRoutingProblem.FleetSize.FINITE);
                for (int v = 0; v < Math.max(1, vehicles); v++) {
                    Vehicle vehicle = VehicleImpl.Builder.newInstance("v" + v)
                            .setStartLocation(location(depot))
                            .setEarliestStart(depot.ready())
                            .setLatestArrival(depot.due())
                            .setReturnToDepot(true)
                            .setType(type)
                            .build();
                    fleet.add(vehicle);
                    builder.addVehicle(vehicle);
                }
                services = new Service[instance.customers().size()];
                for (SolomonInstance.Customer c :
                        instance.customers().subList(1, instance.customers().size())) {
                    services[c.id()] = Service.Builder.newInstance(Integer.toString(c.id()))
                            .addSizeDimension(0, c.demand())
                            .setLocation(location(c))
                            .setServiceTime(c.service())
                            .addTimeWindow(c.ready(), c.due())
                            .build();
                    builder.addJob(services[c.id()]);
                }
                vrp = builder.build();
            }

            /**
             * Searches from {@code initial} (or from jsprit's construction when null) for {@code millis}; returns
             * the best complete solution, or null when none was found. With {@code stopWhenComplete} the search
             * ends at the first complete solution (route elimination).
             */
            VrptwSolution search(VrptwSolution initial, long millis, boolean stopWhenComplete) {
                Jsprit.Builder jsprit = Jsprit.Builder.newInstance(vrp)
                        .setRandom(new Random(random.nextLong()))
                        .setProperty(Jsprit.Parameter.THREADS, "1")
                        .setProperty(Jsprit.Parameter.FAST_REGRET, "true")
                        .setProperty(Jsprit.Strategy.STRING_REGRET, "0.5")
                        .setProperty(Jsprit.Strategy.STRING_BEST, "0.5");
                if (initial != null) {
                    jsprit.setProperty(Jsprit.Parameter.CONSTRUCTION, "best_insertion");
                }
                TimedThreshold acceptance = new TimedThreshold(millis, distanceWeight);
                jsprit.setCustomAcceptor(acceptance);
                VehicleRoutingAlgorithm algorithm = jsprit.buildAlgorithm();
                algorithm.setMaxIterations((int) Math.min(Integer.MAX_VALUE, maxIterations));
                TimeTermination time = new TimeTermination(millis);
                algorithm.setPrematureAlgorithmTermination(time);
                algorithm.addListener(time);
                if (stopWhenComplete) {
                    PrematureAlgorithmTermination complete =
                            found -> found.getSolution().getUnassignedJobs().isEmpty();
                    algorithm.addTerminationCriterion(complete);
                }
                if (initial != null) {
                    algorithm.addInitialSolution(toJsprit(initial));
                }
                VehicleRoutingProblemSolution best = Solutions.bestOf(algorithm.searchSolutions());
                VrptwSolution found = best.getUnassignedJobs().isEmpty() ? fromJsprit(best) : null;
                if (TRACE) {
                    System.err.printf(
                            java.util.Locale.ROOT,
                            "  %s seed-run: fleet %s, %d ms: %s%n",
                            instance.name(),
                            fleet.size() == 1 && vrp.getFleetSize() == VehicleRoutingProblem.FleetSize.INFINITE
                                    ? "unlimited"
                                    : Integer.toString(fleet.size()),
                            millis,
                            found == null
                                    ? best.getUnassignedJobs().size() + " unassigned"
                                    : found.vehicles() + " vehicles, " + found.distance(instance));
                }
                return found;
            }

            VehicleRoutingProblemSolution toJsprit(VrptwSolution solution) {
                List<VehicleRoute> routes = new ArrayList<>();
                for (int r = 0; r < solution.routes().size(); r++) {
                    VehicleRoute.Builder route = VehicleRoute.Builder.newInstance(fleet.get(r))
                            .setJobActivityFactory(vrp.getJobActivityFactory());
                    for (int c : solution.routes().get(r)) {
                        route.addService(services[c]);
                    }
                    routes.add(route.build());
                }
                return new VehicleRoutingProblemSolution(routes, new ArrayList<>(), Double.MAX_VALUE);
            }
        }
    }

    private static VrptwSolution fromJsprit(VehicleRoutingProblemSolution solution) {
        List<List<Integer>> routes = new ArrayList<>();
        for (VehicleRoute route : solution.getRoutes()) {
            List<Integer> customers = new ArrayList<>();
            for (TourActivity act : route.getActivities()) {
                if (act instanceof JobActivity job) {
                    customers.add(Integer.parseInt(job.getJob().getId()));
                }
            }
            routes.add(customers);
        }
        return new VrptwSolution(routes);
    }

    private static Location location(SolomonInstance.Customer c) {
        return Location.Builder.newInstance()
                .setId(Integer.toString(c.id()))
                .setIndex(c.id())
                .setCoordinate(Coordinate.newInstance(c.x(), c.y()))
                .build();
    }

    /** Euclidean distance in double precision between location indices; travel time equals distance; cost weighted. */
    private static final class Euclidean extends AbstractForwardVehicleRoutingTransportCosts {
        private final double[][] d;
        private final double weight;

        /** @param weight the cost of a distance unit */
        Euclidean(SolomonInstance instance, double weight) {
            this.weight = weight;
            int n = instance.customers().size();
            d = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    d[i][j] = instance.distance(i, j);
                }
            }
        }

        @Override
        public double getDistance(Location from, Location to, double departureTime, Vehicle vehicle) {
            return d[from.getIndex()][to.getIndex()];
        }

        @Override
        public double getTransportTime(
                Location from, Location to, double departureTime, Driver driver, Vehicle vehicle) {
            return d[from.getIndex()][to.getIndex()];
        }

        @Override
        public double getTransportCost(
                Location from, Location to, double departureTime, Driver driver, Vehicle vehicle) {
            return weight * d[from.getIndex()][to.getIndex()];
        }
    }
}
