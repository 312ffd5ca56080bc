package fr.mediance.app.core.sync;

import fr.mediance.protocol.EntityType;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;

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

    /**
     * Where a record stands (queued, sending, received by the office, needs attention with the reason). For a
     * visit report, its photos count too: it is RECEIVED only when the report and all its photos are, and its
     * percentage is over the bytes of its photos. A record never changed on this device is RECEIVED if the
     * server gave it, LOCAL otherwise.
     */
    DeliveryStatus deliveryOf(EntityType entity, String id);

    /**
     * The photos of completed reports that are not yet received by the office, plus those that need
     * attention, in capture order (the sync screen).
     */
    List<PhotoTransfer> photoTransfers();

    /** Every photo of one report made on this device, in capture order, with its delivery state. */
    List<PhotoTransfer> photoTransfers(String reportId);

    /**
     * Called (on the UI executor) each time a photo's state or progress changes while a sync sends it: queued,
     * sending n % (several times per chunk), received, needs attention. The percentage of one photo never goes
     * down. Returns a handle that removes the listener.
     */
    Runnable addTransferListener(Consumer<PhotoTransfer> listener);

    /** Queues again a photo whose upload needed attention (after the cause was fixed). */
    void retryPhoto(String documentId);
}
