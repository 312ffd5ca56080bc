package fr.mediance.server.geo;

import fr.mediance.planning.GeoPoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * {@code bench/run planning-roads [--size N] [--points P] [--seed S]}: road times on a synthetic town of N × N
 * two-way streets 100 m apart (300 by default: 90,000 crossings): the import (with the contraction), a second opening
 * from the prepared graph, the matrix of P points (250 by default) as the rounds ask for it, and, for comparison, what
 * one GraphHopper route per pair would cost (measured on a sample, scaled to every pair). The matrix is checked
 * against GraphHopper's own routes on the same sample. Prints {@code RESULT planning-roads ...}.
 */
public final class RoadsBench {
    private RoadsBench() {}

    public static void main(String[] args) throws IOException {
        int size = 300;
        int pointCount = 250;
        long seed = 20261208L;
        boolean arterials = true;
        int samples = 1_000;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--size" -> size = Integer.parseInt(args[++i]);
                case "--points" -> pointCount = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--uniform" -> arterials = false;
                case "--routes" -> samples = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println(
                            "usage: bench/run planning-roads [--size N] [--points P] [--seed S] [--uniform] [--routes K]");
                    System.exit(2);
                }
            }
        }
        Path dir = Files.createTempDirectory("mediance-roads-bench");
        try {
            run(dir, size, pointCount, seed, arterials, samples);
        } finally {
            try (var files = Files.walk(dir)) {
                for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(f);
                }
            }
        }
    }

    private static void run(Path dir, int size, int pointCount, long seed, boolean arterials, int samples)
            throws IOException {
        long t0 = System.nanoTime();
        Path extract = OsmExtracts.grid(dir.resolve("grille.osm"), size, arterials);
        System.out.printf(
                Locale.ROOT,
                "extract: %d x %d streets (%s), %.1f MB written in %d ms%n",
                size,
                size,
                arterials ? "every 10th secondary, every 50th trunk" : "all residential",
                Files.size(extract) / 1e6,
                (System.nanoTime() - t0) / 1_000_000);

        RoadTravel imported = RoadTravel.open(extract, dir.resolve("roads"));
        RoadTravel.Opening opening = imported.opening();
        System.out.printf("import: %d nodes, %d edges in %d ms%n", opening.nodes(), opening.edges(), opening.millis());
        RoadTravel roads = RoadTravel.open(extract, dir.resolve("roads"));
        System.out.printf(
                "second opening (prepared graph): %d ms%n", roads.opening().millis());

        Random random = new Random(seed);
        List<GeoPoint> points = new ArrayList<>();
        for (int i = 0; i < pointCount; i++) {
            points.add(OsmExtracts.gridPoint(random.nextDouble() * (size - 1), random.nextDouble() * (size - 1)));
        }

        long[] runs = new long[5];
        int[][] matrix = null;
        for (int r = 0; r < runs.length; r++) {
            long start = System.nanoTime();
            matrix = roads.minutesMatrix(points);
            runs[r] = (System.nanoTime() - start) / 1_000_000;
        }
        long[] sorted = runs.clone();
        Arrays.sort(sorted);
        long matrixMs = sorted[runs.length / 2];
        System.out.printf(
                "matrix of %d points: runs %s ms, median %d ms (%s)%n",
                pointCount, Arrays.toString(runs), matrixMs, roads.lastSearch);

        // one route per pair, on a sample, and the matrix checked against those routes
        double[][] seconds = roads.roadSeconds(points);
        double worst = 0;
        int minuteMismatches = 0;
        for (int w = 0; w < 200; w++) { // warm-up
            roads.routeSeconds(points.get(random.nextInt(pointCount)), points.get(random.nextInt(pointCount)));
        }
        long start = System.nanoTime();
        for (int k = 0; k < samples; k++) {
            int i = random.nextInt(pointCount);
            int j = random.nextInt(pointCount);
            if (i == j) {
                continue;
            }
            double route = roads.routeSeconds(points.get(i), points.get(j));
            worst = Math.max(worst, Math.abs(route - seconds[i][j]));
            if (RoadTravel.wholeMinutes(route) != matrix[i][j]) {
                minuteMismatches++;
            }
        }
        double perRoute = (System.nanoTime() - start) / 1e6 / samples;
        long pairwiseMs = Math.round(perRoute * pointCount * (pointCount - 1));
        System.out.printf(
                Locale.ROOT,
                "one route per pair: %.3f ms a route, so about %d ms for the %d pairs; matrix vs routes on %d pairs:"
                        + " worst %.3f s apart, %d different minutes%n",
                perRoute,
                pairwiseMs,
                pointCount * (pointCount - 1),
                samples,
                worst,
                minuteMismatches);
        System.out.printf(
                Locale.ROOT,
                "RESULT planning-roads network=%s nodes=%d edges=%d points=%d import_ms=%d load_ms=%d matrix_ms=%d"
                        + " pairwise_routes_ms=%d worst_diff_s=%.3f minute_mismatches=%d%n",
                arterials ? "grid-arterials" : "grid-uniform",
                opening.nodes(),
                opening.edges(),
                pointCount,
                opening.millis(),
                roads.opening().millis(),
                matrixMs,
                pairwiseMs,
                worst,
                minuteMismatches);
    }
}
