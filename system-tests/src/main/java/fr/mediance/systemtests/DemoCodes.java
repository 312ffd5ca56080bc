package fr.mediance.systemtests;

import fr.mediance.protocol.Accounts;
import fr.mediance.protocol.Totp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Second-factor codes of the demo's office and admin accounts (their known secret {@link Accounts#DEMO_TOTP_SECRET}),
 * as their authenticator app would show them. A code is good once: each call gives a step not used yet by this
 * process, waiting for the next 30 s step when the three accepted ones are used.
 */
public final class DemoCodes {
    private static final Map<String, Long> LAST = new HashMap<>();

    private DemoCodes() {}

    /** A fresh code for {@code username}, or null if the account has no second factor. */
    public static synchronized String next(String username) {
        if (!username.equals("bureau") && !username.equals("admin")) {
            return null;
        }
        while (true) {
            long now = Totp.step(Instant.now());
            long last = LAST.getOrDefault(username, Long.MIN_VALUE);
            for (long step = now - 1; step <= now + 1; step++) {
                if (step > last) {
                    LAST.put(username, step);
                    return Totp.code(Accounts.DEMO_TOTP_SECRET, step);
                }
            }
            try {
                Thread.sleep(1_000); // waits for the next step of the real clock, as a person would
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
