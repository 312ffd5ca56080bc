package fr.mediance.server.auth;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import java.util.concurrent.Semaphore;

/**
 * Argon2id password hashes (PHC string {@code $argon2id$v=19$m=19456,t=2,p=1$...}). Parameters follow the
 * OWASP minimum: 19 MiB, 2 passes, 1 lane; a check costs a few tens of milliseconds. Stored hashes carry
 * their own parameters, so raising them later keeps old hashes valid.
 *
 * <p>At most as many hashes run at once as there are processors; the others wait their turn. A hash is CPU work
 * that holds 19 MiB while it runs: more at once would not end sooner, and a burst of logins (a team's tablets at
 * the start of the day) would need that memory for each (50 at once ran a 512 MB server out of memory, every
 * login failing). Only the hashing waits, not the login's other work, and successful logins are not throttled.
 */
public final class PasswordHasher {
    static final int MEMORY_KIB = 19 * 1024;
    static final int ITERATIONS = 2;
    static final int PARALLELISM = 1;
    static final int HASH_BYTES = 32;
    static final int SALT_BYTES = 16;

    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger mostInFlight =
            new java.util.concurrent.atomic.AtomicInteger();
    /** Fair: the checks waiting for a turn get it in the order they came. */
    private final Semaphore turns;

    /** As many hashes at once as there are processors. */
    public PasswordHasher() {
        this(Runtime.getRuntime().availableProcessors());
    }

    PasswordHasher(int maxConcurrent) {
        this.turns = new Semaphore(Math.max(1, maxConcurrent), true);
        this.dummyHash = hash("mot de passe factice pour un compte inexistant");
    }

    private final Argon2Function function = Argon2Function.getInstance(
            MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES, Argon2.ID, Argon2Function.ARGON2_VERSION_13);
    /** Checked when the account does not exist, so that a failed login takes the same time either way. */
    private final String dummyHash;

    public String hash(String password) {
        enter();
        try {
            return Password.hash(password)
                    .addRandomSalt(SALT_BYTES)
                    .with(function)
                    .getResult();
        } finally {
            leave();
        }
    }

    public boolean verify(String password, String hash) {
        if (hash == null || !hash.startsWith("$argon2id$")) {
            return false;
        }
        enter();
        try {
            return Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
        } finally {
            leave();
        }
    }

    private void enter() {
        turns.acquireUninterruptibly();
        mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    }

    private void leave() {
        inFlight.decrementAndGet();
        turns.release();
    }

    /** The most hashes computed at the same moment since this hasher was made. */
    int mostInFlight() {
        return mostInFlight.get();
    }

    /** Spends the time of a real check, for an unknown or locked account. Always false. */
    public boolean verifyDummy(String password) {
        verify(password, dummyHash);
        return false;
    }
}
