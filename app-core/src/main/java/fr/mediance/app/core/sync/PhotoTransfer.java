package fr.mediance.app.core.sync;

import java.time.Instant;

/**
 * One photo of a report on its way to the office, for the report screen and the sync screen (with a
 * progress bar). Published again by {@link SyncService#addTransferListener} while its bytes are sent.
 *
 * @param documentId  the document
 * @param reportId    its visit report
 * @param summary     short French description ("Photo de document – Fatima Benali")
 * @param type        document type code
 * @param sha256      hash of the bytes that travel (the downscaled photo)
 * @param sizeBytes   size of those bytes
 * @param sentBytes   bytes the server has acknowledged, plus those of the chunk being sent now
 * @param capturedAt  when it was taken
 * @param status      delivery state, percentage and reason
 */
public record PhotoTransfer(
        String documentId,
        String reportId,
        String summary,
        String type,
        String sha256,
        long sizeBytes,
        long sentBytes,
        Instant capturedAt,
        DeliveryStatus status) {

    public Delivery delivery() {
        return status.delivery();
    }

    /** 0–100. */
    public int percent() {
        return status.percent();
    }
}
