package fr.mediance.bench;

import fr.mediance.protocol.ApiPaths;
import fr.mediance.systemtests.ServerProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * {@code bench/run startup}: the office server's start to healthy (fresh data directory: migrations and
 * demo data included), and the app's cold start to its first agenda frame on the JVM.
 */
final class StartupBench {
    private static final int RUNS = 5;

    int run() throws Exception {
        Path work = Files.createTempDirectory("mediance-bench-startup");
        String password = "Bench-" + UUID.randomUUID();
        Map<String, String> env = Map.of("MEDIANCE_DEMO_PASSWORD", password);

        long[] serverMs = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            try (ServerProcess server = ServerProcess.start(
                    work.resolve("server-" + i), 0, true, env, ServerProcess.defaultStartTimeout())) {
                awaitHealthy(server.baseUrl());
                serverMs[i] = (System.nanoTime() - t0) / 1_000_000;
                System.out.printf("server run %d: healthy after %d ms%n", i + 1, serverMs[i]);
            }
        }

        long[] appMs = AppStartup.measure(work, env, password, 3);
        System.out.printf(
                "RESULT startup server_ready_ms=%d app_first_frame_ms=%d%n",
                Stats.median(serverMs), Stats.median(appMs));
        return 0;
    }

    static void awaitHealthy(URI base) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(base.resolve(ApiPaths.HEALTH))
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build();
        for (int attempt = 0; attempt < 500; attempt++) {
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not accepting yet
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("the server never became healthy");
    }
}
