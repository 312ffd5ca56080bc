package fr.mediance.app.core.sync;

import fr.mediance.protocol.EntityType;
import javafx.beans.property.ReadOnlyObjectProperty;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Synchronisation with the office server: push the outbox, send photos, pull changes. One sync at a time.
 * The status property and the data listeners are notified on the UI executor given to the core.
 */
public interface SyncService {
    /** The current state for the indicator, updated on the UI executor. */
    ReadOnlyObjectProperty<SyncStatus> statusProperty();

    /** The latest status, readable from any thread. */
    SyncStatus status();

    /**
     * Starts a sync on the background executor ("Synchroniser"); if one is already running, returns it.
     * The future never completes exceptionally for an expected failure: see {@link SyncReport#result()}.
     */
    CompletableFuture<SyncReport> syncNow();

    /** Local changes waiting to be sent, in order. */
    List<OutboxItem> pendingItems();

    /** Changes the server refused, with the reason. */
    List<OutboxItem> quarantinedItems();

    /**
     * Sends a quarantined change again, as a new operation with the record as it is now (after the cause was
     * fixed, e.g. on the server side). It keeps its place in the queue.
     */
    void retry(String opId);

    /**
     * Gives up a quarantined change at the user's explicit request ("Abandonner cette modification"): the
     * refused operation is removed and the record goes back to the last state received from the server, if
     * any. Does nothing for a change that is not quarantined (a change is never dropped unsent).
     */
    void discard(String opId);

    /**
     * Called (on the UI executor) after a sync changed local data, with the entities that changed, so lists
     * can reload. Returns a handle that removes the listener.
     */
    Runnable addDataListener(Consumer<Set<EntityType>> listener);
}
