package fr.mediance.app.core.sync;

import java.time.Duration;
import java.util.Random;

/**
 * Capped exponential backoff with "equal jitter": after the n-th failure in a row, wait between half and
 * all of {@code min(cap, base * 2^(n-1))}. Deterministic with a seeded {@link Random}.
 */
public final class Backoff {
    private final Random random;
    private final Duration base;
    private final Duration cap;

    public Backoff(Random random, Duration base, Duration cap) {
        this.random = random;
        this.base = base;
        this.cap = cap;
    }

    /** The delay before the next attempt after {@code failures} failures in a row (≥ 1). */
    public synchronized Duration delay(int failures) {
        long capMs = cap.toMillis();
        long ms = base.toMillis();
        for (int i = 1; i < failures && ms < capMs; i++) {
            ms *= 2;
        }
        ms = Math.min(ms, capMs);
        long half = ms / 2;
        return Duration.ofMillis(half + (half == 0 ? 0 : (long) (random.nextDouble() * (ms - half))));
    }

    public Duration cap() {
        return cap;
    }
}
