package fr.mediance.protocol;

import java.util.List;

/**
 * Answer of {@link ApiPaths#BLOBS_HELD}: those of the asked blobs that the server holds, complete and verified,
 * and that the caller may see (through a document it may see). Any other is to be uploaded.
 */
public record BlobsHeldResponse(List<String> held) {
    public BlobsHeldResponse {
        held = held == null ? List.of() : List.copyOf(held);
    }
}
