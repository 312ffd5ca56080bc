package fr.mediance.bench;

import fr.mediance.bench.solomon.SolomonBench;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/** Entry point of {@code bench/run NAME}: runs one benchmark, which prints its {@code RESULT} lines. */
public final class BenchMain {
    private BenchMain() {}

    public static void main(String[] args) throws Exception {
        Map<String, Callable<Integer>> benches = new TreeMap<>();
        benches.put("startup", () -> new StartupBench().run());
        benches.put("server-startup", () -> new ServerStartupBench().run());
        benches.put("server-load", () -> new ServerLoadBench().run());
        benches.put("sync-day", () -> new SyncDayBench().run());
        benches.put("sync-resume", () -> new SyncResumeBench().run());
        benches.put("chaos", () -> new ChaosBench().run());
        benches.put("client-store", () -> new ClientStoreBench().run());
        benches.put("client-store-plans", () -> new ClientStorePlans().run());
        benches.put("planning-week", () -> new PlanningWeekBench().run());
        benches.put(
                "planning-solomon", () -> SolomonBench.run(Arrays.asList(args).subList(1, args.length)));
        boolean options = args.length > 1 && args[0].equals("planning-solomon");
        if (args.length < 1 || (args.length != 1 && !options) || !benches.containsKey(args[0])) {
            System.err.println("usage: bench/run <name>   names: " + String.join(", ", benches.keySet()));
            System.exit(2);
        }
        System.exit(benches.get(args[0]).call());
    }
}
