package fr.mediance.protocol;

/** Sizes both sides agree on. The server enforces them; the client stays below them. */
public final class Limits {
    /** Largest JSON body the server reads (login, push). Larger bodies are refused with 413. */
    public static final int MAX_JSON_BODY_BYTES = 1_000_000;
    /** Largest blob (a document photo or a PDF). */
    public static final long MAX_BLOB_BYTES = 20L * 1024 * 1024;
    /**
     * Default chunk of a resumable upload: what a weak link (250 kbit/s) sends in about 8 s, so that a cut
     * costs little, while a downscaled document photo (≈ 250–400 KB) needs one or two requests.
     */
    public static final int DEFAULT_CHUNK_BYTES = 256 * 1024;
    /** Long edge of a document photo after downscaling on the device, and its JPEG quality (0–100). */
    public static final int PHOTO_MAX_EDGE = 2000;
    public static final int PHOTO_JPEG_QUALITY = 80;
    /** Long edge of the server's thumbnails. */
    public static final int THUMBNAIL_EDGE = 320;
    /** Most operations in one push. */
    public static final int MAX_PUSH_OPERATIONS = 200;
    /** Default and largest page of the change feed. */
    public static final int DEFAULT_CHANGES_PAGE = 200;
    public static final int MAX_CHANGES_PAGE = 1000;
    /** Short text (a name, a city) and long text (a synthesis). */
    public static final int MAX_SHORT_TEXT = 200;
    public static final int MAX_LONG_TEXT = 20_000;
    /** Most domains on one report. */
    public static final int MAX_LIST_ITEMS = 50;

    private Limits() {
    }
}
