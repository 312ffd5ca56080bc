package fr.mediance.server.blob;

import fr.mediance.server.db.Tx;

/** SQL for the {@code blobs} table: which verified blobs the server holds, their size and first uploader. */
final class BlobMetadataStore {
    void recordIfAbsent(Tx tx, String sha256, long sizeBytes, String uploadedBy, long nowMillis) {
        tx.update("INSERT INTO blobs (sha256, size_bytes, uploaded_by, created_at) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT (sha256) DO NOTHING", sha256, sizeBytes, uploadedBy, nowMillis);
    }
}
