package fr.mediance.bench.solomon;

import java.nio.file.Path;
import java.util.List;

/**
 * The options of {@code bench/run planning-solomon [--instances DIR] [--seconds S] [--out DIR] [--solver jsprit|timefold]
 * [--only NAME,...]}. Relative paths are resolved against the caller's directory; the defaults against the
 * repository root.
 */
public record SolomonBenchOptions(Path instances, double seconds, Path out, String solver, List<String> only) {
    public static final String USAGE = "usage: bench/run planning-solomon [--instances DIR] [--seconds S] [--out DIR]"
            + " [--solver jsprit|timefold] [--only NAME,...]";

    /** Bad arguments: the message says which. */
    public static final class BadArguments extends RuntimeException {
        BadArguments(String message) {
            super(message + "\n" + USAGE);
        }
    }

    public static SolomonBenchOptions parse(List<String> args, Path callerDir, Path repoRoot) {
        Path instances = repoRoot.resolve("../shared/data/solomon/instances").normalize();
        double seconds = 30;
        Path out = repoRoot.resolve("bench/target/planning-solomon");
        String solver = "jsprit";
        List<String> only = List.of();
        for (int i = 0; i < args.size(); i++) {
            String name = args.get(i);
            if (!name.startsWith("--")) {
                throw new BadArguments("unexpected argument: " + name);
            }
            if (i + 1 >= args.size()) {
                throw new BadArguments(name + " needs a value");
            }
            String value = args.get(++i);
            switch (name) {
                case "--instances" -> instances = callerDir.resolve(value).normalize();
                case "--out" -> out = callerDir.resolve(value).normalize();
                case "--seconds" -> {
                    try {
                        seconds = Double.parseDouble(value);
                    } catch (NumberFormatException e) {
                        throw new BadArguments("--seconds needs a number, got: " + value);
                    }
                    if (!(seconds > 0)) {
                        throw new BadArguments("--seconds must be positive, got: " + value);
                    }
                }
                case "--solver" -> {
                    if (!value.equals("jsprit") && !value.equals("timefold")) {
                        throw new BadArguments("--solver is jsprit or timefold, got: " + value);
                    }
                    solver = value;
                }
                case "--only" -> only = List.of(value.split(","));
                default -> throw new BadArguments("unknown option: " + name);
            }
        }
        return new SolomonBenchOptions(instances, seconds, out, solver, only);
    }
}
