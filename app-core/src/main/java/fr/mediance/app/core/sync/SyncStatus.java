package fr.mediance.app.core.sync;

import java.time.Instant;

/**
 * What the sync indicator shows, as one immutable snapshot.
 *
 * @param online            the server answered recently
 * @param syncing           a sync is running now
 * @param lastSuccessAt     end of the last complete sync, null if never
 * @param pendingOperations local changes waiting to be sent (quarantined ones excluded)
 * @param pendingPhotos     photos of completed reports not yet confirmed by the server
 * @param needsAttention    changes the server refused (quarantined): a person must look at them
 * @param lastError         French message of the last failure, null after a success
 * @param nextAttemptAt     when the next automatic attempt is planned after a failure, null if none
 * @param sessionExpired    the server refused the session: the user must sign in again with the password
 */
public record SyncStatus(
        boolean online,
        boolean syncing,
        Instant lastSuccessAt,
        int pendingOperations,
        int pendingPhotos,
        int needsAttention,
        String lastError,
        Instant nextAttemptAt,
        boolean sessionExpired) {

    public static SyncStatus initial() {
        return new SyncStatus(false, false, null, 0, 0, 0, null, null, false);
    }

    /** Nothing waits to be sent and nothing needs attention. */
    public boolean upToDate() {
        return pendingOperations == 0 && pendingPhotos == 0 && needsAttention == 0;
    }

    SyncStatus withOnline(boolean v) {
        return new SyncStatus(
                v,
                syncing,
                lastSuccessAt,
                pendingOperations,
                pendingPhotos,
                needsAttention,
                lastError,
                nextAttemptAt,
                sessionExpired);
    }

    SyncStatus withSyncing(boolean v) {
        return new SyncStatus(
                online,
                v,
                lastSuccessAt,
                pendingOperations,
                pendingPhotos,
                needsAttention,
                lastError,
                nextAttemptAt,
                sessionExpired);
    }

    SyncStatus withCounts(int ops, int photos, int attention) {
        return new SyncStatus(
                online, syncing, lastSuccessAt, ops, photos, attention, lastError, nextAttemptAt, sessionExpired);
    }

    SyncStatus withResult(Instant success, String error, Instant next, boolean expired) {
        return new SyncStatus(
                online, syncing, success, pendingOperations, pendingPhotos, needsAttention, error, next, expired);
    }
}
