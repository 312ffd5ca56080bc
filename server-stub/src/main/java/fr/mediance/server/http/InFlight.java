package fr.mediance.server.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the requests being served, so that background work (thumbnails) can wait for a moment when none is:
 * the requests of a team syncing at once keep the processors, and the background catches up after.
 */
public final class InFlight implements Filter {
    /** How often a waiting worker looks again. */
    private static final long POLL_MILLIS = 20;

    private final AtomicInteger serving = new AtomicInteger();

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        serving.incrementAndGet();
        try {
            chain.doFilter(request, response);
        } finally {
            serving.decrementAndGet();
        }
    }

    /** How many requests are being served now. */
    public int serving() {
        return serving.get();
    }

    /**
     * Returns once no request is being served, or after {@code maxMillis} at most (so that background work is
     * late under a constant load, never starved).
     */
    public void awaitQuiet(long maxMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxMillis);
        while (serving.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(POLL_MILLIS);
        }
    }
}
