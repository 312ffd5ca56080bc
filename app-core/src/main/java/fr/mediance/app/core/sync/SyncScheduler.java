package fr.mediance.app.core.sync;

import fr.mediance.app.core.platform.HealthProbeNetworkMonitor;
import fr.mediance.app.core.platform.NetworkMonitor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * When to sync by itself: right after an unlock, when the network comes back, periodically while the app
 * is in the foreground, and after a failure at the time the backoff planned. {@link #tick()} is called by a
 * timer (every few seconds); it decides from the injected clock, so tests drive it with a mutable clock.
 */
public final class SyncScheduler {
    /** How often to probe the server while offline. */
    static final Duration OFFLINE_PROBE = Duration.ofSeconds(30);
    /** Two "back online" signals this close start one sync. */
    static final Duration ONLINE_DEBOUNCE = Duration.ofSeconds(5);

    private final SyncService sync;
    private final NetworkMonitor network;
    private final Clock clock;
    private final Duration periodic;
    private Instant lastStart;
    private Instant lastProbe;
    private boolean paused;

    public SyncScheduler(SyncService sync, NetworkMonitor network, Clock clock, Duration periodic) {
        this.sync = sync;
        this.network = network;
        this.clock = clock;
        this.periodic = periodic;
    }

    /** After an unlock: sync now. */
    public synchronized void onUnlocked() {
        start();
    }

    /** The network is back: sync now (what was queued offline leaves at once). */
    public synchronized void onOnline() {
        if (paused || sync.status().syncing()) {
            return; // a running sync reports the network itself: no second sync for that
        }
        Instant now = clock.instant();
        if (lastStart != null && now.isBefore(lastStart.plus(ONLINE_DEBOUNCE))) {
            return;
        }
        start();
    }

    /**
     * The app came back to the foreground: periodic syncs start again and one sync starts now (unless one ran
     * a moment ago).
     */
    public synchronized void onResumed() {
        paused = false;
        if (sync.status().syncing()) {
            return;
        }
        Instant now = clock.instant();
        if (lastStart != null && now.isBefore(lastStart.plus(ONLINE_DEBOUNCE))) {
            return;
        }
        start();
    }

    /** The app went to the background: no periodic sync until {@link #onResumed()}. */
    public synchronized void onPaused() {
        paused = true;
    }

    /** The app went to the background (no periodic sync) or came back. */
    public synchronized void setPaused(boolean value) {
        paused = value;
    }

    /**
     * Called by the timer. Probes the server while offline (every 30 s), and starts a sync when one is due:
     * the backoff time after a failure, else {@code periodic} after the last start. Returns whether it started one.
     */
    public synchronized boolean tick() {
        if (paused) {
            return false;
        }
        Instant now = clock.instant();
        SyncStatus s = sync.status();
        if (!network.isOnline()) {
            if (network instanceof HealthProbeNetworkMonitor probe
                    && (lastProbe == null || !now.isBefore(lastProbe.plus(OFFLINE_PROBE)))) {
                lastProbe = now;
                if (probe.probe()) {
                    if (lastStart == null || lastStart.isBefore(now)) {
                        start(); // back online (unless the online listener just did)
                    }
                    return true;
                }
            }
            if (s.nextAttemptAt() == null || now.isBefore(s.nextAttemptAt())) {
                return false;
            }
        }
        if (s.syncing() || s.sessionExpired()) {
            return false;
        }
        Instant due =
                s.nextAttemptAt() != null ? s.nextAttemptAt() : lastStart == null ? now : lastStart.plus(periodic);
        if (now.isBefore(due)) {
            return false;
        }
        start();
        return true;
    }

    private void start() {
        lastStart = clock.instant();
        sync.syncNow();
    }
}
