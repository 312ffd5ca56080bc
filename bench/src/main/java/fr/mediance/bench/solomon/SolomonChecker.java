package fr.mediance.bench.solomon;

import java.util.ArrayList;
import java.util.List;

/**
 * The independent check of a VRPTW solution against a Solomon instance file. It parses the file itself and shares
 * no code with the optimiser: every customer exactly once, load at most the capacity, service starting within the
 * customer's [ready, due] (waiting allowed), back at the depot by its due date; the distance is recomputed in double
 * precision (Euclidean, travel time equal to distance).
 */
public final class SolomonChecker {
    /** Tolerance on times, for sums of doubles done in another order than the optimiser's. */
    static final double EPSILON = 1e-6;

    private final int capacity;
    private final List<double[]> rows = new ArrayList<>(); // id, x, y, demand, ready, due, service

    /** @param instanceText the instance file's text, as published */
    public SolomonChecker(String instanceText) {
        int cap = -1;
        boolean vehicleSection = false;
        for (String line : instanceText.split("\\R")) {
            String t = line.trim();
            if (t.equals("VEHICLE")) {
                vehicleSection = true;
                continue;
            }
            if (t.equals("CUSTOMER")) {
                vehicleSection = false;
                continue;
            }
            if (t.isEmpty() || !t.matches("[0-9.\\s-]+")) {
                continue;
            }
            String[] f = t.split("\\s+");
            if (vehicleSection && f.length == 2) {
                cap = Integer.parseInt(f[1]);
            } else if (f.length == 7) {
                double[] row = new double[7];
                for (int i = 0; i < 7; i++) {
                    row[i] = Double.parseDouble(f[i]);
                }
                if ((int) row[0] != rows.size()) {
                    throw new IllegalArgumentException("customer rows out of order at " + t);
                }
                rows.add(row);
            }
        }
        if (cap < 0 || rows.size() < 2) {
            throw new IllegalArgumentException("no capacity or no customers in the instance file");
        }
        this.capacity = cap;
    }

    /** What the checker measured on a feasible solution. */
    public record Verdict(int vehicles, double distance) {}

    /** Thrown with every violation found. */
    public static final class Refused extends RuntimeException {
        private final List<String> violations;

        Refused(List<String> violations) {
            super(violations.size() + " violation(s): " + String.join("; ", violations));
            this.violations = List.copyOf(violations);
        }

        public List<String> violations() {
            return violations;
        }
    }

    /** Checks the routes (customer numbers in visiting order, depot implicit); throws {@link Refused} if any rule fails. */
    public Verdict check(List<List<Integer>> routes) {
        List<String> violations = new ArrayList<>();
        int[] seen = new int[rows.size()];
        double total = 0;
        double[] depot = rows.get(0);
        int used = 0;
        for (int r = 0; r < routes.size(); r++) {
            List<Integer> route = routes.get(r);
            if (route.isEmpty()) {
                continue;
            }
            used++;
            double[] prev = depot;
            double time = depot[4];
            int load = 0;
            for (int id : route) {
                if (id <= 0 || id >= rows.size()) {
                    violations.add("route " + r + ": unknown customer " + id);
                    continue;
                }
                seen[id]++;
                double[] c = rows.get(id);
                double d = dist(prev, c);
                total += d;
                double start = Math.max(time + d, c[4]);
                if (start > c[5] + EPSILON) {
                    violations.add("route " + r + ": customer " + id + " served at " + start + " after its due date "
                            + (long) c[5]);
                }
                time = start + c[6];
                load += (int) c[3];
                prev = c;
            }
            double back = dist(prev, depot);
            total += back;
            if (time + back > depot[5] + EPSILON) {
                violations.add("route " + r + ": back at the depot at " + (time + back) + " after its due date "
                        + (long) depot[5]);
            }
            if (load > capacity) {
                violations.add("route " + r + ": load " + load + " over the capacity " + capacity);
            }
        }
        for (int id = 1; id < rows.size(); id++) {
            if (seen[id] == 0) {
                violations.add("customer " + id + " not visited");
            } else if (seen[id] > 1) {
                violations.add("customer " + id + " visited " + seen[id] + " times");
            }
        }
        if (!violations.isEmpty()) {
            throw new Refused(violations);
        }
        return new Verdict(used, total);
    }

    private static double dist(double[] a, double[] b) {
        double dx = a[1] - b[1];
        double dy = a[2] - b[2];
        return Math.sqrt(dx * dx + dy * dy);
    }
}
