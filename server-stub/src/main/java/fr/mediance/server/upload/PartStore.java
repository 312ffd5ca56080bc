package fr.mediance.server.upload;

import fr.mediance.server.blob.BlobStore;
import java.io.InputStream;
import java.util.Set;

/**
 * The received bytes of uploads in progress: local part files ({@link PartFiles}, one server) or objects in an
 * S3-compatible bucket ({@code S3PartStore}, shared by several servers).
 */
public interface PartStore {

    /** The result of writing one chunk: the new end of the part, and whether the request was cut. */
    record Written(long offset, boolean interrupted) {}

    /** Creates an empty part (or empties an existing one), durably. */
    void create(String id);

    /** The size of a part, or -1 if there is none. */
    long size(String id);

    /** Cuts a part back to {@code size} bytes, durably. */
    void truncate(String id, long size);

    void delete(String id);

    /** The ids of the parts present that no request may be writing (for the removal of orphans at start). */
    Set<String> ids();

    /** The SHA-256 of a whole part, lowercase hex. */
    String sha256(String id);

    /**
     * Appends a request body at {@code offset}, after cutting any unacknowledged tail, durably. A chunk with a
     * checksum is all or nothing; without one, a cut keeps what arrived when {@code keepPartial}. Throws the
     * upload's French domain errors (too large, length exceeded, interrupted, checksum mismatch).
     */
    Written write(
            String id, long offset, long length, TusHeaders.Checksum checksum, InputStream body, boolean keepPartial);

    /** Moves a complete, verified part into the blob store (answers whether the blob was new). */
    boolean adoptInto(String id, String sha256, long length, BlobStore blobs);

    /** Whether several servers share these parts (then uploads are locked in the database, not in memory). */
    boolean shared();
}
