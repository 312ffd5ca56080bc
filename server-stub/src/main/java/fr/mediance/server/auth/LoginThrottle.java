package fr.mediance.server.auth;

import fr.mediance.server.db.Tx;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Slows down password guessing without letting anyone lock a colleague out. Failures are counted atomically per
 * (account, source) and per source; after {@link #FREE_PER_ACCOUNT} failures on one account from one source (or
 * {@link #FREE_PER_SOURCE} on any accounts from one source), each further failure closes that source for a delay
 * that doubles, up to {@link #MAX_DELAY}. The source is the account's own device when it is known (it has signed
 * in to this account before and is not revoked), else the client's address: a tablet of the account is never
 * held back by guesses made elsewhere. Accounts that exist and accounts that do not are counted alike, so the
 * answers tell nothing about which exist. Successful logins are never counted.
 */
final class LoginThrottle {
    static final int FREE_PER_ACCOUNT = 5;
    static final int FREE_PER_SOURCE = 30;
    static final Duration FIRST_DELAY = Duration.ofSeconds(30);
    static final Duration MAX_DELAY = Duration.ofMinutes(15);
    /** A count whose last failure is older than this starts again from zero. */
    static final Duration WINDOW = Duration.ofHours(1);

    /** The keys one attempt is counted under: per account and source, and per address (for unknown devices). */
    record Keys(String account, String source) {
        static Keys of(String username, String address, String knownDevice) {
            if (knownDevice != null) {
                return new Keys("a:" + username + "|d:" + knownDevice, null);
            }
            return new Keys("a:" + username + "|ip:" + address, "ip:" + address);
        }
    }

    /** Until when this attempt must wait, if it must. */
    Optional<Instant> blockedUntil(Tx tx, Keys keys, Instant now) {
        long t = now.toEpochMilli();
        Optional<Long> until = blocked(tx, keys.account(), t);
        if (until.isEmpty() && keys.source() != null) {
            until = blocked(tx, keys.source(), t);
        }
        return until.map(Instant::ofEpochMilli);
    }

    /** Counts one failure under each key, atomically. */
    void recordFailure(Tx tx, Keys keys, Instant now) {
        count(tx, keys.account(), FREE_PER_ACCOUNT, now);
        if (keys.source() != null) {
            count(tx, keys.source(), FREE_PER_SOURCE, now);
        }
    }

    /** A successful login forgets the failures of this account from this source. */
    void recordSuccess(Tx tx, Keys keys) {
        tx.update("DELETE FROM login_throttle WHERE throttle_key = ?", keys.account());
    }

    private static Optional<Long> blocked(Tx tx, String key, long now) {
        return tx.queryOne(
                        "SELECT blocked_until FROM login_throttle WHERE throttle_key = ?",
                        rs -> Tx.nullableLong(rs, "blocked_until"),
                        key)
                .filter(until -> until != null && until > now);
    }

    private static void count(Tx tx, String key, int free, Instant now) {
        long t = now.toEpochMilli();
        tx.update(
                "INSERT INTO login_throttle (throttle_key, failures, last_failure_at) VALUES (?, 1, ?) "
                        + "ON CONFLICT (throttle_key) DO UPDATE SET failures = CASE WHEN "
                        + "login_throttle.last_failure_at < ? THEN 1 ELSE login_throttle.failures + 1 END, "
                        + "last_failure_at = ?",
                key,
                t,
                t - WINDOW.toMillis(),
                t);
        int failures = tx.queryOne(
                        "SELECT failures FROM login_throttle WHERE throttle_key = ?", rs -> rs.getInt(1), key)
                .orElse(0);
        if (failures >= free) {
            tx.update(
                    "UPDATE login_throttle SET blocked_until = ? WHERE throttle_key = ?",
                    t + delay(failures - free).toMillis(),
                    key);
        }
    }

    /** 30 s, 1 min, 2 min… up to 15 min. */
    static Duration delay(int beyond) {
        if (beyond >= 5) {
            return MAX_DELAY;
        }
        Duration d = FIRST_DELAY.multipliedBy(1L << beyond);
        return d.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : d;
    }
}
