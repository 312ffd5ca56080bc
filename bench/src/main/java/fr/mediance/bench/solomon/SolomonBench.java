package fr.mediance.bench.solomon;

import fr.mediance.planning.vrptw.JspritVrptwSolver;
import fr.mediance.planning.vrptw.SolomonInstance;
import fr.mediance.planning.vrptw.SolomonReader;
import fr.mediance.planning.vrptw.VrptwSolution;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code bench/run planning-solomon}: the optimiser on the Solomon VRPTW instances, each for a wall-clock limit;
 * every solution is checked by {@link SolomonChecker} and compared with the best known solution (hierarchical
 * objective: vehicles, then distance).
 */
public final class SolomonBench {
    private final SolomonBenchOptions options;

    public SolomonBench(SolomonBenchOptions options) {
        this.options = options;
    }

    /** Entry point from BenchMain: arguments after the benchmark's name. */
    public static int run(List<String> args) throws IOException {
        Path callerDir =
                Path.of(System.getProperty("mediance.bench.callerDir", "")).toAbsolutePath();
        SolomonBenchOptions options;
        try {
            options = SolomonBenchOptions.parse(args, callerDir, Path.of("").toAbsolutePath());
        } catch (SolomonBenchOptions.BadArguments e) {
            System.err.println(e.getMessage());
            return 2;
        }
        return new SolomonBench(options).run();
    }

    record Row(String instance, int vehicles, double distance, Integer bksVehicles, Double bksDistance) {
        /** C101 → C1, RC208 → RC2: letters and the first digit. */
        String family() {
            String letters = instance.replaceAll("\\d.*$", "");
            return instance.length() > letters.length() ? instance.substring(0, letters.length() + 1) : instance;
        }
    }

    public int run() throws IOException {
        if (!Files.isDirectory(options.instances())) {
            System.err.println("no Solomon instances folder at " + options.instances()
                    + " (give one with --instances DIR; see bench/README.md)");
            return 2;
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(options.instances())) {
            files = list.filter(p ->
                            p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".txt"))
                    .filter(p -> options.only().isEmpty()
                            || options.only()
                                    .contains(p.getFileName().toString().replaceFirst("\\.[^.]*$", "")))
                    .sorted()
                    .toList();
        }
        if (files.isEmpty()) {
            System.err.println("no instance file (*.txt) in " + options.instances());
            return 2;
        }
        Map<String, double[]> bks =
                readBks(options.instances().toAbsolutePath().getParent().resolve("bks.csv"));
        Files.createDirectories(options.out());
        System.out.printf(
                Locale.ROOT,
                "planning-solomon: %d instances, %s, %.0f s each, %d cores, load %s%n",
                files.size(),
                options.solver(),
                options.seconds(),
                Runtime.getRuntime().availableProcessors(),
                loadAverage());
        List<Row> rows = new ArrayList<>();
        int refused = 0;
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            SolomonInstance instance = SolomonReader.parse(text);
            Duration limit = Duration.ofMillis((long) (options.seconds() * 1000));
            VrptwSolution solution = options.solver().equals("timefold")
                    ? new TimefoldVrptwSolver(Runtime.getRuntime().availableProcessors(), 1).solve(instance, limit)
                    : new JspritVrptwSolver().solve(instance, limit);
            Files.writeString(options.out().resolve(instance.name() + ".json"), toJson(instance.name(), solution));
            SolomonChecker.Verdict verdict;
            try {
                verdict = new SolomonChecker(text).check(solution.routes());
            } catch (SolomonChecker.Refused e) {
                refused++;
                System.out.println("REFUSED planning-solomon instance=" + instance.name() + " " + e.getMessage());
                continue;
            }
            double[] best = bks.get(instance.name());
            Row row = new Row(
                    instance.name(),
                    verdict.vehicles(),
                    verdict.distance(),
                    best == null ? null : (int) best[0],
                    best == null ? null : best[1]);
            rows.add(row);
            System.out.println("RESULT planning-solomon instance=" + row.instance() + " vehicles=" + row.vehicles()
                    + " distance=" + fmt(row.distance()) + " bks_vehicles=" + (best == null ? "-" : row.bksVehicles())
                    + " bks_distance=" + (best == null ? "-" : fmt(row.bksDistance())) + " gap="
                    + (best == null ? "-" : fmt4(row.distance() / row.bksDistance() - 1)));
        }
        Map<String, List<Row>> families =
                rows.stream().collect(Collectors.groupingBy(Row::family, TreeMap::new, Collectors.toList()));
        for (Map.Entry<String, List<Row>> family : families.entrySet()) {
            System.out.println("RESULT planning-solomon family=" + family.getKey() + summary(family.getValue()));
        }
        System.out.println("RESULT planning-solomon" + summary(rows) + (refused > 0 ? " refused=" + refused : ""));
        if (refused > 0) {
            System.err.println(refused + " solution(s) refused by the checker");
            return 1;
        }
        return 0;
    }

    private static String summary(List<Row> rows) {
        List<Row> known = rows.stream().filter(r -> r.bksDistance() != null).toList();
        double meanGap = known.stream()
                .mapToDouble(r -> r.distance() / r.bksDistance() - 1)
                .average()
                .orElse(Double.NaN);
        int excess = known.stream()
                .mapToInt(r -> Math.max(0, r.vehicles() - r.bksVehicles()))
                .sum();
        return " instances=" + rows.size() + " mean_gap=" + fmt4(meanGap) + " vehicle_excess=" + excess;
    }

    /** bks.csv: instance,vehicles,distance,source; lines starting with # and the header skipped. */
    static Map<String, double[]> readBks(Path file) throws IOException {
        Map<String, double[]> bks = new HashMap<>();
        if (!Files.isRegularFile(file)) {
            return bks;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#") || line.startsWith("instance,")) {
                continue;
            }
            String[] f = line.split(",", 4);
            bks.put(f[0].trim(), new double[] {Integer.parseInt(f[1].trim()), Double.parseDouble(f[2].trim())});
        }
        return bks;
    }

    static String toJson(String name, VrptwSolution solution) {
        return "{\"instance\":\"" + name + "\",\"routes\":["
                + solution.routes().stream()
                        .map(r -> r.stream().map(String::valueOf).collect(Collectors.joining(",", "[", "]")))
                        .collect(Collectors.joining(","))
                + "]}\n";
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%.2f", d);
    }

    private static String fmt4(double d) {
        return String.format(Locale.ROOT, "%.4f", Math.abs(d) < 5e-5 ? 0.0 : d); // no "-0.0000"
    }
}
