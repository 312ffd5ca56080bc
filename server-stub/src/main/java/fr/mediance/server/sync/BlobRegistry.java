package fr.mediance.server.sync;

import fr.mediance.protocol.EntityType;
import fr.mediance.server.db.Tx;
import java.time.Instant;
import java.util.List;

/**
 * Which verified blobs the server holds (the {@code blobs} table), and their status as a synced record
 * ({@link fr.mediance.protocol.BlobStatusDto}, entity {@code blob}, id = SHA-256). The status is server-owned:
 * a change row is appended when a blob becomes present, for each structure whose documents refer to it, and
 * when a document arrives whose blob is already present, for that document's structure. The pull shows a
 * blob's status to whoever may see a document that refers to it.
 *
 * <p>Call {@link EntityWriter#beginWrite} first in the transaction.
 */
public final class BlobRegistry {
    private final ChangeLogStore changes;
    private final Sequence sequence;

    public BlobRegistry() {
        this(new ChangeLogStore(), new Sequence());
    }

    BlobRegistry(ChangeLogStore changes, Sequence sequence) {
        this.changes = changes;
        this.sequence = sequence;
    }

    /** Whether the server has recorded these bytes as received and verified. */
    public boolean isRecorded(Tx tx, String sha256) {
        return tx.exists("SELECT 1 FROM blobs WHERE sha256 = ?", sha256);
    }

    /**
     * Records verified bytes (once) and announces their status to the structures whose documents refer to them.
     * Answers true if the blob was not recorded before.
     */
    public boolean markPresent(
            Tx tx, String sha256, long sizeBytes, boolean thumbnail, String uploadedBy, Instant now) {
        int inserted = tx.update(
                "INSERT INTO blobs (sha256, size_bytes, uploaded_by, created_at, thumbnail) "
                        + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING",
                sha256,
                sizeBytes,
                uploadedBy,
                now.toEpochMilli(),
                thumbnail);
        boolean announced = tx.queryLong("SELECT version FROM blobs WHERE sha256 = ?", sha256)
                .isPresent();
        if (inserted == 0 && announced) {
            return false;
        }
        List<String> structures = tx.query(
                "SELECT DISTINCT structure_id FROM documents WHERE sha256 = ? "
                        + "AND deleted = 0 ORDER BY structure_id",
                rs -> rs.getString(1),
                sha256);
        for (String structure : structures) {
            announce(tx, sha256, structure, uploadedBy, now, null);
        }
        return inserted > 0;
    }

    /**
     * Corrects the thumbnail flag of a recorded blob (an image that could not be decoded has none after all);
     * devices learn it through a new status change.
     */
    public void setThumbnail(Tx tx, String sha256, boolean thumbnail, Instant now) {
        int changed = tx.update(
                "UPDATE blobs SET thumbnail = ? WHERE sha256 = ? AND thumbnail <> ?", thumbnail, sha256, thumbnail);
        if (changed == 0) {
            return;
        }
        List<String> structures = tx.query(
                "SELECT DISTINCT structure_id FROM documents WHERE sha256 = ? "
                        + "AND deleted = 0 ORDER BY structure_id",
                rs -> rs.getString(1),
                sha256);
        for (String structure : structures) {
            announce(tx, sha256, structure, null, now, null);
        }
    }

    /** After a document is stored: if its blob is already here, its status goes to those who see the document. */
    public void documentStored(Tx tx, String sha256, String structureId, String userId, Instant now, String opId) {
        if (isRecorded(tx, sha256)) {
            announce(tx, sha256, structureId, userId, now, opId);
        }
    }

    private void announce(Tx tx, String sha256, String structureId, String userId, Instant now, String opId) {
        long seq = sequence.next(tx);
        changes.append(
                tx,
                seq,
                EntityType.BLOB,
                sha256,
                structureId,
                null,
                ChangeLogStore.KIND_CHANGE,
                false,
                null,
                opId,
                userId,
                now);
        tx.update("UPDATE blobs SET version = ? WHERE sha256 = ?", seq, sha256);
    }
}
