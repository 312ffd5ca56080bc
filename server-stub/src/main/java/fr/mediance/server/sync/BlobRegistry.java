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
 * <p>A document claims its blob only if its author sent the bytes (or proved holding them by sending them again):
 * knowing a hash is not enough. Who sent which blob is kept in {@code blob_uploads} (migration V14); a document
 * whose author never sent its blob stays « awaiting upload » for everyone until they do ({@link #CLAIMED}).
 *
 * <p>Call {@link EntityWriter#beginWrite} first in the transaction.
 */
public final class BlobRegistry {
    /**
     * The SQL condition, on a row of {@code documents}, that its author sent the blob it names: the one rule of
     * « which documents give access to a blob », used by downloads, statuses and the pull.
     */
    public static final String CLAIMED = "EXISTS (SELECT 1 FROM blob_uploads p "
            + "WHERE p.sha256 = documents.sha256 AND p.user_id = documents.created_by)";

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
     * Whether this account sent these bytes (a completed upload, or a {@code PUT} whose bytes matched): the one
     * answer to « does this caller need to send the blob », used by {@code HEAD}, {@code POST /blobs/held} and the
     * tus creation's shortcut.
     */
    public boolean sentBy(Tx tx, String sha256, String userId) {
        return userId != null
                && tx.exists("SELECT 1 FROM blob_uploads WHERE sha256 = ? AND user_id = ?", sha256, userId);
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
        boolean newSender = uploadedBy != null
                && tx.update(
                                "INSERT INTO blob_uploads (sha256, user_id, sent_at) VALUES (?, ?, ?) "
                                        + "ON CONFLICT (sha256, user_id) DO NOTHING",
                                sha256,
                                uploadedBy,
                                now.toEpochMilli())
                        > 0;
        boolean announced = tx.queryLong("SELECT version FROM blobs WHERE sha256 = ?", sha256)
                .isPresent();
        if (inserted == 0 && announced && !newSender) {
            return false;
        }
        List<String> structures = tx.query(
                "SELECT DISTINCT structure_id FROM documents WHERE sha256 = ? " + "AND deleted = 0 AND " + CLAIMED
                        + " ORDER BY structure_id",
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
                "SELECT DISTINCT structure_id FROM documents WHERE sha256 = ? " + "AND deleted = 0 AND " + CLAIMED
                        + " ORDER BY structure_id",
                rs -> rs.getString(1),
                sha256);
        for (String structure : structures) {
            announce(tx, sha256, structure, null, now, null);
        }
    }

    /**
     * After a document is stored: if its blob is already here and its author sent it, its status goes to those who
     * see the document (otherwise it stays awaiting the author's upload).
     */
    public void documentStored(Tx tx, String sha256, String structureId, String userId, Instant now, String opId) {
        if (isRecorded(tx, sha256) && sentBy(tx, sha256, userId)) {
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
