package fr.mediance.server.blob;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.OptionalLong;

/** Content-addressed bytes (documents, photos), named by their SHA-256 in lowercase hex. */
public interface BlobStore {

    /** What an upload did: the size stored, and whether it was new. */
    record PutResult(long sizeBytes, boolean created) {}

    /** The size of a stored blob, or empty if it is not there. */
    OptionalLong size(String sha256);

    /**
     * Stores a stream whose SHA-256 must be {@code sha256}. Nothing is kept if the stream is longer than
     * {@code maxBytes} (a {@code TOO_LARGE} domain failure) or hashes to something else ({@code UNPROCESSABLE}).
     */
    PutResult put(String sha256, InputStream in, long maxBytes);

    /** Opens a stored blob; the caller closes the stream. */
    InputStream open(String sha256);

    /**
     * Moves a complete file, already verified to hash to {@code sha256} and flushed to disk, into the store in one
     * atomic step. Answers false (and removes the file) if the blob was already there.
     */
    boolean adopt(String sha256, Path verified);

    /** The size of a blob's thumbnail, or empty if none was made. */
    OptionalLong thumbnailSize(String sha256);

    /** Opens a blob's thumbnail (a JPEG); the caller closes the stream. */
    InputStream openThumbnail(String sha256);

    /** Stores a blob's thumbnail beside it, atomically. */
    void putThumbnail(String sha256, byte[] jpeg);

    /** Removes a blob and its thumbnail, if they are there. */
    void delete(String sha256);
}
