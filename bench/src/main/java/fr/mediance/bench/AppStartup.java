package fr.mediance.bench;

import fr.mediance.app.core.CoreContext;
import fr.mediance.systemtests.ServerProcess;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Cold start of the app on the JVM, from spawning its process to its first rendered agenda frame. The device
 * is prepared beforehand (account, PIN, first sync), as on a tablet the morning after; the app unlocks with
 * the PIN given by the startup probe and reports the frame (see the app's startup probe).
 */
final class AppStartup {
    static final String PROBE_LINE = "first agenda frame";
    static final String PIN = "604218";

    private AppStartup() {}

    static long[] measure(Path work, Map<String, String> serverEnv, String password, int runs) throws Exception {
        String classpath = appClasspath();
        long[] ms = new long[runs];
        try (ServerProcess server = ServerProcess.start(
                work.resolve("app-server"), 0, true, serverEnv, ServerProcess.defaultStartTimeout())) {
            Path device = work.resolve("tablet");
            try (CoreContext core = CoreContext.builder(device).build()) {
                core.login(server.baseUrl().toString(), "conseil1", password);
                core.choosePin(PIN);
                if (!core.sync().syncNow().join().ok()) {
                    throw new IllegalStateException("first sync failed");
                }
            }
            // the first start after a build writes the class-data archive (as with ./run): not counted
            launchOnce(classpath, device, server.baseUrl().toString());
            for (int i = 0; i < runs; i++) {
                ms[i] = launchOnce(classpath, device, server.baseUrl().toString());
                System.out.printf("app run %d: first agenda frame after %d ms%n", i + 1, ms[i]);
            }
        }
        return ms;
    }

    static String appClasspath() {
        String classpath = System.getProperty("mediance.app.classpath");
        if (classpath == null || classpath.isBlank()) {
            throw new IllegalStateException(
                    "system property mediance.app.classpath is not set (run through bench/run)");
        }
        return classpath;
    }

    /**
     * Starts the app on {@code device} as {@code ./run} does (through {@code app/launch}, with its class-data
     * archive), unlocking with {@link #PIN}; returns the ms to its first agenda frame.
     */
    static long launchOnce(String classpath, Path device, String serverUrl) throws IOException, InterruptedException {
        return launchOnce(classpath, device, serverUrl, true, false);
    }

    /**
     * As {@link #launchOnce(String, Path, String)}; {@code archive} false starts without the class-data archive
     * ({@code MEDIANCE_CDS=off}); {@code showPhases} prints the probe's start-up phases. The app quits by itself
     * on its first agenda frame (so that what the JVM writes at exit, a class-data archive, is written); it is
     * killed if it does not within 20 s, or if the frame does not come within 2 minutes.
     */
    static long launchOnce(String classpath, Path device, String serverUrl, boolean archive, boolean showPhases)
            throws IOException, InterruptedException {
        List<String> cmd = List.of(
                Path.of("app", "launch").toAbsolutePath().toString(),
                classpath,
                "--server",
                serverUrl,
                "--data-dir",
                device.toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("MEDIANCE_JAVA_OPTIONS", "-Dmediance.startupProbe=true");
        pb.environment().put("MEDIANCE_CDS", archive ? "on" : "off");
        pb.environment().put("MEDIANCE_STARTUP_PIN", PIN);
        long t0 = System.nanoTime();
        Process p = pb.start();
        Thread watchdog = new Thread(
                () -> {
                    try {
                        if (!p.waitFor(120, TimeUnit.SECONDS)) {
                            p.destroyForcibly();
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "startup-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        try (BufferedReader in =
                new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (showPhases && line.startsWith("startup probe:")) {
                    System.out.println("    " + line);
                }
                if (line.contains(PROBE_LINE)) {
                    long elapsed = (System.nanoTime() - t0) / 1_000_000;
                    if (!p.waitFor(20, TimeUnit.SECONDS)) {
                        p.destroy();
                    }
                    return elapsed;
                }
            }
        } finally {
            p.destroyForcibly();
        }
        throw new IllegalStateException(
                "the app exited without reporting its first agenda frame (exit " + p.waitFor() + ")");
    }
}
