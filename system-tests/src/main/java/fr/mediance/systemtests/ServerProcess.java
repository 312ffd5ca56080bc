package fr.mediance.systemtests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The office server running as its own operating-system process, started from its runnable jar, as it runs
 * in production. Its standard output is copied to {@code server-stdout.log} beside the data directory.
 */
public final class ServerProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("listening on port (\\d+)");

    private final Process process;
    private final int port;
    private final long readyNanos;

    private ServerProcess(Process process, int port, long readyNanos) {
        this.process = process;
        this.port = port;
        this.readyNanos = readyNanos;
    }

    private static Path snapshot;

    /**
     * The runnable jar, from the {@code mediance.server.jar} system property, copied once per JVM so that a
     * rebuild of the jar while tests run cannot change the classes of a server already started.
     */
    public static synchronized Path jar() {
        if (snapshot != null) {
            return snapshot;
        }
        String p = System.getProperty("mediance.server.jar");
        if (p == null) {
            throw new IllegalStateException("system property mediance.server.jar is not set");
        }
        Path jar = Path.of(p).toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    "server jar not found at " + jar + ": build it with ./mvnw -pl server-stub -am package");
        }
        try {
            Path copy = Files.createTempFile("mediance-server-", ".jar");
            Files.copy(jar, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            copy.toFile().deleteOnExit();
            snapshot = copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return snapshot;
    }

    /** A port that was free a moment ago, so that a restarted server can listen where its clients expect it. */
    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts the server and waits until it prints its {@code listening on port} line.
     *
     * @param port 0 lets the server choose
     */
    public static ServerProcess start(Path dataDir, int port, boolean demo, Map<String, String> env, Duration timeout) {
        return start(dataDir, port, demo, env, timeout, List.of());
    }

    /** The same with more options on the command line ({@code --tls-keystore FILE}…). */
    public static ServerProcess start(
            Path dataDir, int port, boolean demo, Map<String, String> env, Duration timeout, List<String> options) {
        List<String> serverOptions = new ArrayList<>();
        if (demo) {
            serverOptions.add("--demo");
        }
        serverOptions.addAll(options);
        return start(dataDir, port, List.of(), serverOptions, env, timeout);
    }

    /**
     * Starts the server with more options: {@code javaOptions} for the JVM (after the default heap of 512 MB, so
     * they may change it; e.g. a flight recording) and {@code serverOptions} after {@code --data-dir} and
     * {@code --port} (e.g. {@code --demo-counsellors 200}, {@code --database-url ...}).
     */
    public static ServerProcess start(
            Path dataDir,
            int port,
            List<String> javaOptions,
            List<String> serverOptions,
            Map<String, String> env,
            Duration timeout) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx512m");
        cmd.addAll(javaOptions);
        cmd.add("-jar");
        cmd.add(jar().toString());
        cmd.add("--data-dir");
        cmd.add(dataDir.toString());
        cmd.add("--port");
        cmd.add(Integer.toString(port));
        cmd.addAll(serverOptions);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        long startNanos = System.nanoTime();
        Process process;
        try {
            Files.createDirectories(dataDir);
            process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path log = dataDir.toAbsolutePath().getParent().resolve("server-stdout.log");
        CompletableFuture<Integer> ready = new CompletableFuture<>();
        Thread pump = new Thread(() -> pump(process, log, ready), "server-stdout");
        pump.setDaemon(true);
        pump.start();
        try {
            int actual = ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new ServerProcess(process, actual, System.nanoTime() - startNanos);
        } catch (TimeoutException | ExecutionException e) {
            process.destroyForcibly();
            throw new IllegalStateException("the server did not start; see " + log, e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the server started", e);
        }
    }

    private static void pump(Process process, Path log, CompletableFuture<Integer> ready) {
        try (BufferedReader in =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                Writer out = Files.newBufferedWriter(
                        log, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            String line;
            while ((line = in.readLine()) != null) {
                out.write(line);
                out.write('\n');
                out.flush();
                Matcher m = LISTENING.matcher(line);
                if (!ready.isDone() && m.find()) {
                    ready.complete(Integer.parseInt(m.group(1)));
                }
            }
        } catch (IOException e) {
            ready.completeExceptionally(e);
        }
        ready.completeExceptionally(new IllegalStateException("server exited with " + exitCode(process)));
    }

    private static String exitCode(Process p) {
        try {
            return Integer.toString(p.waitFor());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }

    public int port() {
        return port;
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Time from spawning the process to its "listening" line. */
    public Duration startupTime() {
        return Duration.ofNanos(readyNanos);
    }

    public long pid() {
        return process.pid();
    }

    /** {@code kill -9}: the process gets no chance to clean up. */
    public void kill() {
        process.destroyForcibly();
        awaitExit();
    }

    /** A normal stop (SIGTERM): shutdown hooks run. */
    public void stop() {
        process.destroy();
        awaitExit();
    }

    private void awaitExit() {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop();
        }
    }

    /** Deadline helper for callers polling the server. */
    public static Duration defaultStartTimeout() {
        return Duration.ofSeconds(60);
    }
}
