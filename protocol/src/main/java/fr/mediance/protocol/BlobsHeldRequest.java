package fr.mediance.protocol;

import java.util.List;

/**
 * Body of {@link ApiPaths#BLOBS_HELD}: the SHA-256 (lowercase hex) of blobs the device is about to upload, at
 * most {@link Limits#MAX_BLOBS_HELD_QUERY}.
 */
public record BlobsHeldRequest(List<String> sha256s) {
    public BlobsHeldRequest {
        sha256s = sha256s == null ? List.of() : List.copyOf(sha256s);
    }
}
