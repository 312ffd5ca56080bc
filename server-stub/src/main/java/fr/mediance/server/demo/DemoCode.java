package fr.mediance.server.demo;

import fr.mediance.protocol.Accounts;
import fr.mediance.protocol.Totp;
import java.time.Instant;

/**
 * Prints the current second-factor code of the demo's office and admin accounts (their known secret), for a
 * newcomer without an authenticator app: {@code java -cp mediance-server.jar fr.mediance.server.demo.DemoCode}.
 */
public final class DemoCode {
    private DemoCode() {}

    public static void main(String[] args) {
        Instant now = Instant.now();
        long left = Accounts.TOTP_PERIOD_SECONDS - Math.floorMod(now.getEpochSecond(), Accounts.TOTP_PERIOD_SECONDS);
        System.out.println("Code de vérification de démonstration (bureau, admin) : "
                + Totp.code(Accounts.DEMO_TOTP_SECRET, now) + " (encore " + left + " s)");
    }
}
