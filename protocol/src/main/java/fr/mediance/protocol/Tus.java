package fr.mediance.protocol;

/**
 * The resumable upload protocol of photos and documents: tus 1.0.0 (core, creation, creation-with-upload,
 * checksum, expiration, termination), on {@link ApiPaths#UPLOADS}. How we use it:
 * <ul>
 *   <li>{@code OPTIONS /uploads} announces {@code Tus-Version}, {@code Tus-Extension}, {@code Tus-Max-Size},
 *       {@code Tus-Checksum-Algorithm} and, our addition, {@link #CHUNK_SIZE}: the PATCH size the server
 *       wants to start with, so that a cut costs at most one chunk, and {@link #MAX_CHUNK_SIZE}: the largest
 *       it accepts (a client on a fast link grows its chunks up to it).</li>
 *   <li>{@code POST /uploads} with {@code Upload-Length} and {@code Upload-Metadata} carrying
 *       {@link #META_SHA256} (lowercase hex of the whole file, required), {@link #META_FILETYPE} and
 *       {@link #META_FILENAME}; answers 201 with {@code Location}. Before creating, a client asks
 *       {@code HEAD} {@link ApiPaths#BLOB}: a blob the server already has is not sent again.</li>
 *   <li>{@code PATCH} with {@code Content-Type: application/offset+octet-stream}, {@code Upload-Offset} and
 *       {@code Upload-Checksum: sha256 <base64>} (sha1 also accepted) of that chunk; a chunk whose checksum
 *       fails answers {@link #STATUS_CHECKSUM_MISMATCH} and is discarded; a wrong offset answers 409.</li>
 *   <li>When the offset reaches the length, the server verifies the whole file against {@link #META_SHA256}
 *       before the blob exists; a mismatch answers {@link #STATUS_CHECKSUM_MISMATCH} and the upload starts
 *       again from 0.</li>
 * </ul>
 */
public final class Tus {
    public static final String VERSION = "1.0.0";

    public static final String TUS_RESUMABLE = "Tus-Resumable";
    public static final String TUS_VERSION = "Tus-Version";
    public static final String TUS_EXTENSION = "Tus-Extension";
    public static final String TUS_MAX_SIZE = "Tus-Max-Size";
    public static final String TUS_CHECKSUM_ALGORITHM = "Tus-Checksum-Algorithm";
    public static final String UPLOAD_LENGTH = "Upload-Length";
    public static final String UPLOAD_OFFSET = "Upload-Offset";
    public static final String UPLOAD_METADATA = "Upload-Metadata";
    public static final String UPLOAD_CHECKSUM = "Upload-Checksum";
    public static final String UPLOAD_EXPIRES = "Upload-Expires";
    /** Our addition to OPTIONS: the chunk size in bytes the client should PATCH. */
    public static final String CHUNK_SIZE = "Mediance-Chunk-Size";
    /**
     * Our addition to OPTIONS: the largest chunk in bytes the server accepts ({@link Limits#MAX_CHUNK_BYTES}); a
     * client may grow its chunks from {@link #CHUNK_SIZE} up to it when the link is fast. Absent: no growth.
     */
    public static final String MAX_CHUNK_SIZE = "Mediance-Max-Chunk-Size";

    public static final String OFFSET_OCTET_STREAM = "application/offset+octet-stream";
    public static final String EXTENSIONS = "creation,creation-with-upload,checksum,expiration,termination";
    public static final String CHECKSUM_ALGORITHMS = "sha256,sha1";
    public static final int STATUS_CHECKSUM_MISMATCH = 460;

    public static final String META_SHA256 = "sha256";
    public static final String META_FILETYPE = "filetype";
    public static final String META_FILENAME = "filename";

    private Tus() {}
}
