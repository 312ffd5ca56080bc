package fr.mediance.app.core.session;

import fr.mediance.app.core.Outcome;
import java.time.Instant;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;

/**
 * Sign-in, PIN and local data of this device. Blocking methods (network, key derivation) must be called off
 * the FX thread. PINs and passwords are {@code char[]} and are wiped after use.
 *
 * <p>Flow: {@link SessionState#NO_ACCOUNT} → {@link #login} → {@link SessionState#PIN_REQUIRED} →
 * {@link #choosePin} → {@link SessionState#UNLOCKED}; next starts: {@link SessionState#LOCKED} →
 * {@link #unlock} (offline) → {@link SessionState#UNLOCKED}.
 */
public interface SessionService {
    /** The state, updated on the UI executor. */
    ReadOnlyObjectProperty<SessionState> stateProperty();

    /** The latest state, readable from any thread. */
    SessionState state();

    /** The account of this device, once signed in. */
    Optional<AccountInfo> account();

    /**
     * Signs in online (blocking). Field keys of {@link Outcome.Invalid}: serverUrl, username, password.
     * A failure message is French ("Identifiant ou mot de passe incorrect.", "Serveur injoignable…").
     */
    Outcome<AccountInfo> login(String serverUrl, String username, char[] password);

    /**
     * The same with the steps some accounts need: the second factor's code ({@code totpCode}) and a new password
     * when the current one is temporary. When a step is missing the answer is {@link Outcome.Invalid} with the key
     * {@code totpCode}, {@code totpEnrolment} (enrol first: {@link #enrolTotp}) or {@code newPassword}, and the
     * French reason.
     */
    default Outcome<AccountInfo> login(
            String serverUrl, String username, char[] password, String totpCode, char[] newPassword) {
        return login(serverUrl, username, password);
    }

    /** A new second-factor secret to enrol (shown once), for an account that needs one. */
    default Outcome<fr.mediance.protocol.TotpEnrolmentDto> enrolTotp(
            String serverUrl, String username, char[] password) {
        return Outcome.failed("Second facteur indisponible.");
    }

    /** A message for the login screen after a wipe the user did not ask for (a revoked device). */
    default java.util.Optional<String> notice() {
        return java.util.Optional.empty();
    }

    /**
     * Creates the encrypted store protected by a 6-digit PIN typed twice (blocking: key derivation). Field keys:
     * pin, confirmation.
     */
    Outcome<AccountInfo> choosePin(char[] pin, char[] confirmation);

    /**
     * Opens the store with the PIN, offline (blocking). A wrong PIN gives a French failure; after 5 wrong PINs
     * in a row, each new attempt must wait (see {@link #unlockBlockedUntil()}).
     */
    Outcome<AccountInfo> unlock(char[] pin);

    /** While wrong PINs impose a wait, when the next attempt is allowed. */
    Optional<Instant> unlockBlockedUntil();

    /**
     * Signs in again with the password when the server ended the session ({@code sessionExpired}), keeping the
     * local data. Store must be unlocked. Field keys: password.
     */
    Outcome<AccountInfo> reauthenticate(char[] password);

    /** Closes the store (the app goes to the background or the user locks it). */
    void lock();

    /** Local changes not yet acknowledged by the server (they would be lost by a wipe). */
    int unsentChanges();

    /**
     * "Se déconnecter": revokes the session on the server (best effort). With {@code wipeLocalData}, deletes the
     * account, the encrypted database and the photos; refused with a French message while changes are unsent,
     * unless {@code force}. Without it, the data stay and the next start asks for the PIN; sync needs
     * {@link #reauthenticate}.
     */
    Outcome<Void> logout(boolean wipeLocalData, boolean force);
}
