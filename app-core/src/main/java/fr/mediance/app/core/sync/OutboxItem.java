package fr.mediance.app.core.sync;

import fr.mediance.protocol.EntityType;
import java.time.Instant;

/**
 * One local change waiting for the server, as listed in the sync panel. {@code summary} is a short French
 * description ("Compte rendu – Fatima Benali"). A quarantined item carries the server's reason.
 */
public record OutboxItem(
        long seq,
        String opId,
        EntityType entity,
        String entityId,
        String summary,
        Instant createdAt,
        State state,
        int attempts,
        String reasonCode,
        String reasonMessage) {

    /** QUEUED while pending, NEEDS_ATTENTION once refused (see {@link #reasonMessage()}). */
    public Delivery delivery() {
        return state == State.QUARANTINED ? Delivery.NEEDS_ATTENTION : Delivery.QUEUED;
    }

    public enum State {
        /** Waiting to be sent (or being sent). */
        PENDING,
        /** Refused by the server; kept, never deleted unsent; does not block the others. */
        QUARANTINED
    }
}
