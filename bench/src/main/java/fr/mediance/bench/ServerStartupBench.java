package fr.mediance.bench;

import fr.mediance.systemtests.ServerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/**
 * {@code bench/run server-startup}: the office server's start to healthy on a fresh data directory
 * (migrations, code lists and demo data created), median of 3 starts. No display needed and well under a
 * minute: the benchmark the continuous integration runs to prove that {@code bench/run} works on a fresh
 * machine.
 */
final class ServerStartupBench {
    private static final int RUNS = 3;

    int run() throws Exception {
        Path work = Files.createTempDirectory("mediance-bench-server-startup");
        Map<String, String> env = Map.of("MEDIANCE_DEMO_PASSWORD", "Bench-" + UUID.randomUUID());
        long[] serverMs = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            try (ServerProcess server = ServerProcess.start(
                    work.resolve("server-" + i), 0, true, env, ServerProcess.defaultStartTimeout())) {
                StartupBench.awaitHealthy(server.baseUrl());
                serverMs[i] = (System.nanoTime() - t0) / 1_000_000;
                System.out.printf("server run %d: healthy after %d ms%n", i + 1, serverMs[i]);
            }
        }
        System.out.printf("RESULT server-startup server_ready_ms=%d%n", Stats.median(serverMs));
        return 0;
    }
}
