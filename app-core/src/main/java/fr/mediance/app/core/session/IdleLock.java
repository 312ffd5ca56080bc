package fr.mediance.app.core.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Locks the store (back to the PIN) after {@link #TIMEOUT} without user input, and when the app comes back from the
 * background. The app reports every input ({@link #userActivity}); the core's timer calls {@link #check} (every
 * tick), and the platform's lifecycle {@link #resumed}. Time is the core's clock, so tests move it instead of waiting.
 * Locking keeps everything saved: the visit's fields are autosaved as they are typed, and the PIN's protection
 * against guessing (a wait after 5 wrong PINs) applies to the unlock as before.
 */
public final class IdleLock {
    /** Domain brief §8: automatic session lock on the mobile device. */
    public static final Duration TIMEOUT = Duration.ofMinutes(5);

    private final SessionService session;
    private final Clock clock;
    private final Duration timeout;
    private volatile Instant lastInput;

    public IdleLock(SessionService session, Clock clock, Duration timeout) {
        this.session = Objects.requireNonNull(session);
        this.clock = Objects.requireNonNull(clock);
        this.timeout = Objects.requireNonNull(timeout);
        this.lastInput = clock.instant();
    }

    /** The user touched, clicked, typed or scrolled (or just unlocked). */
    public void userActivity() {
        lastInput = clock.instant();
    }

    /** Locks if the store is open and nothing was input for {@link #TIMEOUT}; answers whether it locked now. */
    public boolean check() {
        if (session.state() != SessionState.UNLOCKED) {
            return false;
        }
        if (Duration.between(lastInput, clock.instant()).compareTo(timeout) >= 0) {
            session.lock();
            return true;
        }
        return false;
    }

    /** The app came back from the background: the PIN is asked again. */
    public void resumed() {
        if (session.state() == SessionState.UNLOCKED) {
            session.lock();
        }
    }
}
