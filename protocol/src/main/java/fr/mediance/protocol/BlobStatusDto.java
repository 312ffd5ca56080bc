package fr.mediance.protocol;

import java.time.Instant;

/**
 * Server-owned record: the bytes named {@code sha256} have arrived at the office, complete and verified.
 * Documents refer to blobs by hash; a document whose blob has no status yet is a photo still awaited.
 * {@code thumbnail} tells whether {@link ApiPaths#BLOB_THUMBNAIL} can serve a small preview.
 */
public record BlobStatusDto(String sha256, long sizeBytes, Instant receivedAt, boolean thumbnail) implements EntityDto {
    @Override
    public String id() {
        return sha256;
    }
}
