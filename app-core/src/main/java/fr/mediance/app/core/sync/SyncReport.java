package fr.mediance.app.core.sync;

import java.time.Duration;

/**
 * What one sync did.
 *
 * @param result         how it ended
 * @param pushed         operations acknowledged by the server (applied, merged or conflict)
 * @param rejected       operations refused and quarantined
 * @param pulled         changes received and applied
 * @param photosSent     photos uploaded (or found already present) and confirmed
 * @param took           wall time
 * @param message        French message for the user when the result is not {@link Result#OK}, else null
 */
public record SyncReport(
        Result result, int pushed, int rejected, int pulled, int photosSent, Duration took, String message) {

    public enum Result {
        /** Everything that could be sent was sent, and the pull reached the end of the feed. */
        OK,
        /** The server could not be reached; nothing was lost, it will be retried. */
        OFFLINE,
        /** The server refused the session: sign in again. */
        SESSION_EXPIRED,
        /** The server answered with an error; retried later. */
        FAILED,
        /** The store is locked or there is no account. */
        NOT_READY
    }

    public boolean ok() {
        return result == Result.OK;
    }
}
