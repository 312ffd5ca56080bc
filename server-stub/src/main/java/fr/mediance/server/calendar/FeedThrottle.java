package fr.mediance.server.calendar;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How often one feed may be fetched: {@link #MAX_PER_WINDOW} times per {@link #WINDOW} (a phone polls every 15
 * minutes to a few hours; a loop or a leaked address fetching it without end is answered 429). Kept in memory,
 * keyed by the secret's hash; the table is cleared when it grows past {@link #MAX_KEYS}.
 */
final class FeedThrottle {
    static final int MAX_PER_WINDOW = 30;
    static final Duration WINDOW = Duration.ofMinutes(10);
    private static final int MAX_KEYS = 10_000;

    private record Window(Instant start, int count) {}

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final Clock clock;

    FeedThrottle(Clock clock) {
        this.clock = clock;
    }

    /** Counts one fetch; answers whether it is allowed. */
    boolean allow(String key) {
        if (windows.size() > MAX_KEYS) {
            windows.clear();
        }
        Instant now = clock.instant();
        Window w = windows.compute(
                key,
                (k, old) -> old == null || !now.isBefore(old.start().plus(WINDOW))
                        ? new Window(now, 1)
                        : new Window(old.start(), old.count() + 1));
        return w.count() <= MAX_PER_WINDOW;
    }
}
