package fr.mediance.bench;

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
        if (args.length != 1 || !benches.containsKey(args[0])) {
            System.err.println("usage: bench/run <name>   names: " + String.join(", ", benches.keySet()));
            System.exit(2);
        }
        System.exit(benches.get(args[0]).call());
    }
}
