package fr.mediance.bench.solomon;

import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.SolverConfig;
import fr.mediance.planning.vrptw.SolomonInstance;
import fr.mediance.planning.vrptw.VrptwSolution;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The same problem on Timefold (community edition), for the comparison with jsprit: a list variable per vehicle,
 * arrival times as cascading shadow variables, a hard/medium/soft score (feasibility, vehicles, distance) and the
 * default phases (construction, then late acceptance local search). The community edition has no multithreaded
 * moves, so {@code threads} independent solvers with different seeds run at once and the best is kept.
 */
public final class TimefoldVrptwSolver {
    private final int threads;
    private final long seed;

    public TimefoldVrptwSolver(int threads, long seed) {
        this.threads = Math.max(1, threads);
        this.seed = seed;
    }

    public VrptwSolution solve(SolomonInstance instance, Duration limit) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<VrptwSolution>> runs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long s = seed + t;
                runs.add(pool.submit(() -> solveOnce(instance, limit, s)));
            }
            VrptwSolution best = null;
            for (Future<VrptwSolution> run : runs) {
                VrptwSolution s = run.get();
                if (s != null && s.betterThan(best, instance)) {
                    best = s;
                }
            }
            if (best == null) {
                throw new IllegalStateException("Timefold found no feasible solution for " + instance.name());
            }
            return best;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static VrptwSolution solveOnce(SolomonInstance instance, Duration limit, long seed) {
        int n = instance.customers().size();
        long[][] travel = new long[n][n];
        long[][] distance = new long[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                travel[i][j] = (long) Math.ceil(instance.distance(i, j) * 1000);
                distance[i][j] = Math.round(instance.distance(i, j) * 1000);
            }
        }
        SolomonInstance.Customer depot = instance.depot();
        List<TfVehicle> vehicles = new ArrayList<>();
        for (int v = 0; v < instance.vehicleLimit(); v++) {
            vehicles.add(new TfVehicle(
                    v,
                    instance.capacity(),
                    Math.round(depot.ready() * 1000),
                    Math.round(depot.due() * 1000),
                    travel,
                    distance));
        }
        List<TfVisit> visits = new ArrayList<>();
        for (SolomonInstance.Customer c : instance.customers().subList(1, n)) {
            visits.add(new TfVisit(
                    c.id(),
                    c.demand(),
                    Math.round(c.ready() * 1000),
                    Math.round(c.due() * 1000),
                    Math.round(c.service() * 1000),
                    travel));
        }
        SolverConfig config = new SolverConfig()
                .withSolutionClass(TfPlan.class)
                .withEntityClasses(TfVehicle.class, TfVisit.class)
                .withConstraintProviderClass(TfConstraints.class)
                .withRandomSeed(seed)
                .withTerminationSpentLimit(limit);
        TfPlan solved = SolverFactory.<TfPlan>create(config).buildSolver().solve(new TfPlan(vehicles, visits));
        if (!solved.score.isFeasible()) {
            return null;
        }
        List<List<Integer>> routes = new ArrayList<>();
        for (TfVehicle v : solved.vehicles) {
            routes.add(v.visits.stream().map(visit -> visit.id).toList());
        }
        return new VrptwSolution(routes);
    }
}
