package fr.mediance.app.core.sync;

/**
 * The size of the next chunk of a resumable upload, following the link: it starts at the size the server
 * announces ({@link fr.mediance.protocol.Limits#DEFAULT_CHUNK_BYTES}: what a weak link sends in about 8 s) and
 * grows with the measured throughput to about {@link #TARGET_NANOS} of data per request, at most fourfold per
 * chunk and never beyond the largest chunk the server accepts; a slow chunk (longer than the target) brings it
 * down to what the link carried in that time, and a cut back to the start. So on a fast link a downscaled photo
 * is one request, while a cut on a weak link still costs at most one small chunk.
 *
 * <p>Times are given by the caller (nanoseconds of a monotonic clock): this class measures nothing itself.
 */
final class ChunkSizer {
    /** Data per request aimed at: what the link carries in this time (the anchors' rule: 8–10 s). */
    static final long TARGET_NANOS = 8_000_000_000L;
    /** Most a chunk grows from one request to the next. */
    static final int MAX_GROWTH = 4;
    /**
     * A link is roomy when it carries at least this many start chunks in the target time (≈ 0.5 Mbit/s with the
     * 256 KiB announced).
     */
    static final int ROOMY_CHUNKS = 2;

    private final int start;
    private final int largest;
    private int next;
    /** Bytes the link carried in the target time at the last measure; 0 before any. */
    private long carried;

    /** @param start the chunk announced by the server; @param largest the largest chunk it accepts */
    ChunkSizer(int start, int largest) {
        this.start = Math.max(1, start);
        this.largest = Math.max(this.start, largest);
        this.next = this.start;
    }

    /**
     * A sizer for the next upload, starting where this one stands (the next photo starts with the chunk the link
     * reached); each then follows its own requests.
     */
    ChunkSizer copy() {
        ChunkSizer c = new ChunkSizer(start, largest);
        c.next = next;
        c.carried = carried;
        return c;
    }

    /**
     * Whether the last measure found a link that carries at least {@link #ROOMY_CHUNKS} start chunks in the target
     * time: there, a photo may start while the one before waits for its receipt (its last bytes, slowed by the next
     * one's, still arrive within seconds); below, the wait is small beside a photo's transfer and photos go one at a
     * time. False before any measure.
     */
    boolean roomy() {
        return carried >= (long) start * ROOMY_CHUNKS;
    }

    /** Bytes of the next chunk. */
    int next() {
        return next;
    }

    /** A chunk of {@code bytes} was sent and acknowledged in {@code nanos}. */
    void sent(long bytes, long nanos) {
        if (bytes <= 0 || nanos <= 0) {
            return;
        }
        long carried = rate(bytes, nanos);
        this.carried = carried;
        long size;
        if (nanos > TARGET_NANOS) {
            size = carried; // slow: what the link carried in the target time
        } else {
            // a short chunk (the end of a file) is mostly a round trip and measures the link too slow: no shrink
            size = Math.max(next, Math.min(carried, (long) next * MAX_GROWTH));
        }
        next = (int) Math.max(start, Math.min(largest, size));
    }

    /** The link was cut during a chunk: start small again. */
    void cut() {
        next = start;
    }

    /** Bytes carried in {@link #TARGET_NANOS} at the rate of {@code bytes} in {@code nanos}, without overflow. */
    private static long rate(long bytes, long nanos) {
        double r = (double) bytes * TARGET_NANOS / nanos;
        return r >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) r;
    }
}
