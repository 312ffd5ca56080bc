package fr.mediance.planning.vrptw;

import java.util.List;

/**
 * Routes of a VRPTW solution: each route lists customer numbers in visiting order, the depot (0) implicit at both
 * ends.
 */
public record VrptwSolution(List<List<Integer>> routes) {

    public VrptwSolution {
        routes = routes.stream().filter(r -> !r.isEmpty()).map(List::copyOf).toList();
    }

    public int vehicles() {
        return routes.size();
    }

    /** Total Euclidean distance in double precision, depot to depot on every route. */
    public double distance(SolomonInstance instance) {
        double total = 0;
        for (List<Integer> route : routes) {
            int prev = 0;
            for (int c : route) {
                total += instance.distance(prev, c);
                prev = c;
            }
            total += instance.distance(prev, 0);
        }
        return total;
    }

    /** Fewest vehicles first, then least distance. */
    public boolean betterThan(VrptwSolution other, SolomonInstance instance) {
        if (other == null) {
            return true;
        }
        if (vehicles() != other.vehicles()) {
            return vehicles() < other.vehicles();
        }
        return distance(instance) < other.distance(instance);
    }
}
