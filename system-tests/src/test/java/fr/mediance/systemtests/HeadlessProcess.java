package fr.mediance.systemtests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The app's core as a process of its own ({@link HeadlessClient}, test code of this module), so that a test
 * can {@code kill -9} it in the middle of capture and sync. Its standard output lines (each printed only after
 * what it names committed) are collected; standard error goes to a log file.
 */
final class HeadlessProcess implements AutoCloseable {
    static final String MAIN = HeadlessClient.class.getName();

    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Thread pump;

    private HeadlessProcess(Process process) {
        this.process = process;
        this.pump = new Thread(this::pump, "headless-stdout-" + process.pid());
        pump.setDaemon(true);
        pump.start();
    }

    /**
     * Starts {@code HeadlessClient COMMAND args...} with {@code classpath} (the current JVM's when null);
     * standard error is appended to {@code errorLog}.
     */
    static HeadlessProcess start(String classpath, Path errorLog, String command, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-XX:TieredStopAtLevel=1"); // a short-lived process: start fast
        cmd.add("-Xmx256m");
        cmd.add("-Djava.awt.headless=true");
        cmd.add("-cp");
        cmd.add(classpath == null ? defaultClasspath() : classpath);
        cmd.add(MAIN);
        cmd.add(command);
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.appendTo(errorLog.toFile()));
        try {
            return new HeadlessProcess(pb.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String snapshotClasspath;

    /**
     * This JVM's class path (with this module's test classes, where {@link HeadlessClient} is), with copies of
     * the client's own jars (app-core, protocol) in front, taken once:
     * a rebuild of those jars while tests run cannot break a client process started later.
     */
    static synchronized String defaultClasspath() {
        if (snapshotClasspath != null) {
            return snapshotClasspath;
        }
        StringBuilder cp = new StringBuilder();
        try {
            Path dir = java.nio.file.Files.createTempDirectory("mediance-client-cp");
            dir.toFile().deleteOnExit();
            for (String name : List.of("fr.mediance.app.core.CoreContext", "fr.mediance.protocol.ApiPaths")) {
                Path source = Path.of(Class.forName(name)
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI());
                if (java.nio.file.Files.isRegularFile(source)) {
                    Path copy = dir.resolve(source.getFileName());
                    java.nio.file.Files.copy(source, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    copy.toFile().deleteOnExit();
                    cp.append(copy).append(java.io.File.pathSeparatorChar);
                }
            }
        } catch (IOException | ClassNotFoundException | java.net.URISyntaxException e) {
            throw new IllegalStateException("cannot prepare the client's class path", e);
        }
        snapshotClasspath = cp + System.getProperty("java.class.path");
        return snapshotClasspath;
    }

    private void pump() {
        try (BufferedReader in =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                lines.add(line);
            }
        } catch (IOException e) {
            // the process was killed
        }
    }

    /** Lines printed so far. After {@link #kill()} or {@link #waitFor}, every line the process printed. */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    /** Waits for a line matching {@code p}; false if the process ended or the time ran out first. */
    public boolean awaitLine(Predicate<String> p, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (lines.stream().anyMatch(p)) {
                return true;
            }
            if (!process.isAlive() && !pump.isAlive()) {
                return lines.stream().anyMatch(p);
            }
            Thread.sleep(5);
        }
        return false;
    }

    /** {@code kill -9}; waits until the process is gone and its output read. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        pump.join(10_000);
    }

    /** Waits for the process to end by itself; returns its exit code, or -1 if it is still running. */
    public int waitFor(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return -1;
        }
        pump.join(10_000);
        return process.exitValue();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
