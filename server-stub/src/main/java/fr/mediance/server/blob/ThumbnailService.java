package fr.mediance.server.blob;

import fr.mediance.protocol.Limits;
import fr.mediance.server.db.Database;
import fr.mediance.server.sync.BlobRegistry;
import fr.mediance.server.sync.EntityWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the thumbnail of an image blob: in the background right after the blob arrives (so that an upload's
 * answer never waits for it), or on the first request if it is not there yet (after a restart, say). One
 * thumbnail is made at most once at a time per blob. An image that cannot be decoded gets no thumbnail, and
 * its status says so.
 *
 * <p>The background worker is one thread, and it gives way to requests: before each thumbnail it waits for a
 * moment when no request is being served ({@link Quiet}), {@link #MAX_DEFER_MILLIS} at most. Decoding a phone
 * photo costs tens of milliseconds of a processor: when a whole team syncs at once, the sync requests keep the
 * processors and the thumbnails are made after the rush (or on their first request, which does not wait).
 */
public final class ThumbnailService {
    private static final Logger LOG = LoggerFactory.getLogger(ThumbnailService.class);

    private final Database db;
    private final BlobStore store;
    private final BlobRegistry registry;
    private final EntityWriter writer;
    private final Executor background;
    private final Clock clock;
    private final ConcurrentHashMap<String, Object> locks = new ConcurrentHashMap<>();
    private final Quiet quiet;

    /** How long the background worker waits at most for a moment without requests, before each thumbnail. */
    public static final long MAX_DEFER_MILLIS = 10_000;

    /** Waits for a moment when the server serves no request (or gives up waiting): see {@link #MAX_DEFER_MILLIS}. */
    @FunctionalInterface
    public interface Quiet {
        void await() throws InterruptedException;

        /** Never waits. */
        Quiet NEVER_WAIT = () -> {};
    }

    public ThumbnailService(
            Database db,
            BlobStore store,
            BlobRegistry registry,
            EntityWriter writer,
            Executor background,
            Clock clock) {
        this(db, store, registry, writer, background, clock, Quiet.NEVER_WAIT);
    }

    /** {@code quiet}: what the background worker waits for before each thumbnail. */
    public ThumbnailService(
            Database db,
            BlobStore store,
            BlobRegistry registry,
            EntityWriter writer,
            Executor background,
            Clock clock,
            Quiet quiet) {
        this.quiet = quiet;
        this.db = db;
        this.store = store;
        this.registry = registry;
        this.writer = writer;
        this.background = background;
        this.clock = clock;
    }

    /** Whether a stored blob is a JPEG or PNG image (by its first bytes). */
    public boolean isImage(String sha256) {
        try (InputStream in = store.open(sha256)) {
            return Thumbnails.isImage(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes the thumbnail soon, off the request thread, if the blob is an image. */
    public void schedule(String sha256) {
        try {
            background.execute(() -> {
                try {
                    quiet.await();
                    ensure(sha256);
                } catch (InterruptedException stopping) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    LOG.warn("thumbnail failed for a blob", e);
                }
            });
        } catch (RejectedExecutionException stopping) {
            // the server is stopping: the thumbnail will be made on its first request
        }
    }

    /** Whether the blob has a thumbnail, made now if needed. */
    public boolean ensure(String sha256) {
        if (store.thumbnailSize(sha256).isPresent()) {
            return true;
        }
        synchronized (locks.computeIfAbsent(sha256, k -> new Object())) {
            try {
                if (store.thumbnailSize(sha256).isPresent()) {
                    return true;
                }
                if (store.size(sha256).isEmpty() || !isImage(sha256)) {
                    return false;
                }
                long started = System.nanoTime();
                Optional<byte[]> jpeg;
                try (InputStream in = store.open(sha256)) {
                    jpeg = Thumbnails.make(in, Limits.THUMBNAIL_EDGE);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                if (jpeg.isEmpty()) {
                    LOG.info("blob looks like an image but cannot be decoded: no thumbnail");
                    db.inSequencedTransaction(tx -> {
                        writer.beginWrite(tx);
                        registry.setThumbnail(tx, sha256, false, clock.instant());
                        return null;
                    });
                    return false;
                }
                store.putThumbnail(sha256, jpeg.get());
                LOG.debug("thumbnail made in {} ms", (System.nanoTime() - started) / 1_000_000);
                return true;
            } finally {
                locks.remove(sha256);
            }
        }
    }
}
