package fr.mediance.app.core.testing;

import fr.mediance.app.core.CoreContext;
import fr.mediance.testing.FakeOfficeServer;
import fr.mediance.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import okhttp3.OkHttpClient;

/** Builds headless cores for tests: fast PIN derivation, no automatic sync, no HTTP-level retries. */
public final class TestCores {
    public static final String PIN = "123456";
    public static final String PASSWORD = "mot-de-passe";
    public static final Instant T0 = Instant.parse("2026-11-27T08:00:00Z");

    private TestCores() {}

    /** An OkHttp client that never retries by itself, so that a dropped answer reaches the sync engine. */
    public static OkHttpClient http() {
        return new OkHttpClient.Builder()
                .retryOnConnectionFailure(false)
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(10))
                .build();
    }

    public static CoreContext.Builder builder(Path dir, MutableClock clock) {
        return CoreContext.builder(dir)
                .clock(clock)
                .pinIterations(1_000)
                .httpClient(http())
                .random(new Random(42));
    }

    public static CoreContext open(Path dir, MutableClock clock) {
        return builder(dir, clock).build();
    }

    /** A core signed in as {@code username} with {@link #PIN}, store unlocked. */
    public static CoreContext signedIn(Path dir, MutableClock clock, FakeOfficeServer server, String username) {
        CoreContext core = open(dir, clock);
        core.login(server.url(), username, PASSWORD);
        core.choosePin(PIN);
        return core;
    }
}
