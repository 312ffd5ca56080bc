package fr.mediance.app.core.sync;

import fr.mediance.app.core.CoreMessages;
import fr.mediance.app.core.remote.RemoteClient;
import fr.mediance.app.core.remote.RemoteResult;
import fr.mediance.app.core.store.BlobFiles;
import fr.mediance.app.core.store.Records;
import fr.mediance.app.core.store.StoreException;
import fr.mediance.app.core.store.StoreHolder;
import fr.mediance.app.core.store.Tx;
import fr.mediance.protocol.BlobReceiptDto;
import fr.mediance.protocol.Tus;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Sends the photos of completed reports with resumable uploads (tus 1.0): asks the server once which of the
 * waiting blobs it holds (a blob the server has is not sent again) and, at the same time, OPTIONS for the limits
 * (once per sync), POST to create the upload, PATCH chunks with their SHA-256: the announced size at first, then a
 * size that follows the measured link up to the largest the server accepts ({@link ChunkSizer}). Blobs go one after
 * the other, but on a link that is not slow ({@link ChunkSizer#roomy()}) the next one starts as soon as the one
 * before has put its last byte on the link: its receipt (a round trip, and the server's check of the whole file) is
 * awaited while the next one travels, so the link does not stay idle between two photos; at most {@link #IN_FLIGHT}
 * uploads are open at once. The upload
 * address and the offset the server has committed are kept in the {@code uploads} table after each chunk but
 * the last (receiving the blob forgets its upload), so that after a cut, a kill of the app
 * or a restart of the server the upload resumes from the server's offset (HEAD), never from 0 unless the
 * server lost it. A blob that keeps failing is set aside with a French reason ("needs attention") and never
 * blocks the others; a network or server failure ends the sync, to be retried with backoff.
 */
final class PhotoUploader {
    private static final System.Logger LOG = System.getLogger(PhotoUploader.class.getName());
    static final String QUEUED = "queued";
    static final String ATTENTION = "attention";
    /** A chunk refused this many times in a row for its checksum: the photo needs attention. */
    static final int MAX_CHUNK_FAILURES = 3;
    /** Network failures in a row, without progress, tried again at once before the sync gives up for now. */
    static final int MAX_QUICK_RETRIES = 3;
    /** Requests without progress on one photo (409 answers, lost uploads) before the sync gives up for now. */
    static final int MAX_STALLS = 6;
    /** Uploads open at once: one sending its bytes, the one before waiting for its receipt. */
    static final int IN_FLIGHT = 2;
    /**
     * The smallest share of a chunk worth a request of its own when the uploads open at once share one chunk's
     * worth of bytes: with less free, the next photo waits for the receipt of the one before.
     */
    static final int SHARED_REQUEST_DIVISOR = 4;

    /**
     * The bytes on their way and not yet acknowledged by the server, across the uploads open at once: never more
     * than the chunk the link allows, so that a cut, or a kill of the server, costs at most one chunk sent again,
     * as with one upload at a time. A request takes its bytes before it is sent and gives them back once answered
     * (or failed); a photo that starts while the one before awaits its receipt gets what that one leaves free.
     */
    static final class Unacked {
        private long inFlight;

        /**
         * Waits until at least {@code min(want, limit / SHARED_REQUEST_DIVISOR)} bytes are free under {@code limit},
         * then takes as many as are free, up to {@code want}. With nothing in flight, {@code want} is granted whole.
         */
        synchronized int take(int want, long limit) {
            if (want <= 0) {
                return 0;
            }
            long least = Math.min(want, Math.max(1, limit / SHARED_REQUEST_DIVISOR));
            while (inFlight > 0 && limit - inFlight < least) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new StoreException(StoreException.Kind.IO, "interrupted while sending photos", e);
                }
            }
            int granted = inFlight == 0 ? want : (int) Math.min(want, limit - inFlight);
            inFlight += granted;
            return granted;
        }

        synchronized void give(int bytes) {
            inFlight -= bytes;
            notifyAll();
        }

        synchronized long inFlight() {
            return inFlight;
        }
    }

    /** What the engine is told while a blob travels. */
    interface Listener {
        /** {@code bytes} of the blob ({@code size} in all) are at the server or on their way. */
        void progress(String sha256, long bytes, long size);

        /** The state of the blob changed (received, needs attention, upload started or ended). */
        void changed(String sha256);
    }

    /** The end of a pass: how many blobs were confirmed, and the failure that stopped it (null if none). */
    record Result(int received, RemoteResult<?> stop) {}

    private record Waiting(String sha256, long size, String mimeType) {}

    private record Upload(String url, long offset, int chunkFailures) {}

    private final StoreHolder store;
    private final Clock clock;
    private final Listener listener;
    private final Executor prepare;
    private final Executor lanes;
    private final LongSupplier nanoTime;

    /**
     * @param prepare  where the next blob is read and decrypted while one travels, and OPTIONS asked while the
     *                 server says which blobs it holds (any executor will do)
     * @param lanes    where the uploads run, {@link #IN_FLIGHT} at once at most (an executor that runs tasks in
     *                 place, or refuses them, makes them one at a time)
     * @param nanoTime a monotonic clock in nanoseconds ({@code System::nanoTime}), to measure the link
     */
    PhotoUploader(
            StoreHolder store,
            Clock clock,
            Listener listener,
            Executor prepare,
            Executor lanes,
            LongSupplier nanoTime) {
        this.store = store;
        this.clock = clock;
        this.listener = listener;
        this.prepare = prepare;
        this.lanes = lanes;
        this.nanoTime = nanoTime;
    }

    /**
     * Sends every waiting blob that does not need attention. The server is asked once which of them it already
     * holds from this account (a server without that route: a HEAD per blob) and is the one source of truth: what it
     * holds from someone else only is sent all the same; while one blob travels, the next is read and
     * decrypted on the side, so that the link does not wait for the device between two photos.
     */
    Result sendAll(RemoteClient client) {
        List<Waiting> waiting = waiting();
        if (waiting.isEmpty()) {
            return new Result(0, null);
        }
        // the limits of uploads are asked while the server looks for the blobs it holds: one round trip for both
        FutureTask<RemoteResult<RemoteClient.TusOptions>> optionsAsked = new FutureTask<>(client::tusOptions);
        try {
            prepare.execute(optionsAsked);
        } catch (RejectedExecutionException e) {
            // asked when needed
        }
        int received = 0;
        Set<String> held = null; // null: the server cannot tell for a batch, ask for each blob
        RemoteResult<Set<String>> ask =
                client.blobsHeld(waiting.stream().map(Waiting::sha256).toList());
        if (ask instanceof RemoteResult.Ok<Set<String>> ok) {
            held = ok.value();
        } else if (!(ask instanceof RemoteResult.ClientError<Set<String>> c
                && (c.status() == 404 || c.status() == 405))) {
            optionsAsked.cancel(false);
            return new Result(0, ask);
        }
        List<Waiting> toSend = new ArrayList<>();
        for (Waiting w : waiting) {
            if (held != null && held.contains(w.sha256())) {
                markReceived(w.sha256());
                received++;
            } else {
                toSend.add(w);
            }
        }
        if (toSend.isEmpty()) {
            optionsAsked.cancel(false);
            return new Result(received, null);
        }
        RemoteClient.TusOptions options = null;
        RemoteResult<RemoteClient.TusOptions> o = result(optionsAsked);
        if (o instanceof RemoteResult.Ok<RemoteClient.TusOptions> ok) {
            options = ok.value();
        } else if (!(o instanceof RemoteResult.ClientError<RemoteClient.TusOptions> c
                && (c.status() == 404 || c.status() == 405))) {
            return new Result(received, o);
        } // else a server without resumable uploads: one PUT per blob

        Pass pass = new Pass(client, options, held == null);
        pass.received.addAndGet(received);
        ChunkSizer sizer = options == null ? null : new ChunkSizer(options.chunkSize(), options.maxChunkSize());
        CompletableFuture<ChunkSizer> before = CompletableFuture.completedFuture(sizer);
        Deque<FutureTask<Void>> open = new ArrayDeque<>();
        FutureTask<Loaded> next = readAhead(toSend.get(0));
        for (int i = 0; i < toSend.size(); i++) {
            // the blob before has put its last byte on the link (or is done): this one may start
            ChunkSizer reached = before.join();
            pass.collectDone(open);
            while (open.size() >= IN_FLIGHT) {
                pass.collect(open.removeFirst());
            }
            if (pass.stopped()) {
                break;
            }
            Waiting w = toSend.get(i);
            FutureTask<Loaded> current = next;
            next = i + 1 < toSend.size() ? readAhead(toSend.get(i + 1)) : null;
            CompletableFuture<ChunkSizer> lastByteOut = new CompletableFuture<>();
            ChunkSizer chunks = reached == null ? null : reached.copy();
            FutureTask<Void> upload = new FutureTask<>(
                    () -> {
                        try {
                            pass.send(w, current, chunks, lastByteOut);
                        } finally {
                            lastByteOut.complete(chunks);
                        }
                    },
                    null);
            open.addLast(upload);
            try {
                lanes.execute(upload);
            } catch (RejectedExecutionException e) {
                upload.run();
            }
            before = lastByteOut;
        }
        while (!open.isEmpty()) {
            pass.collect(open.removeFirst());
        }
        if (next != null) {
            next.cancel(false);
        }
        return pass.result();
    }

    /** One pass over the blobs to send: what its uploads, running side by side, have done. */
    private final class Pass {
        final RemoteClient client;
        final RemoteClient.TusOptions options;
        final boolean askEach;
        final AtomicInteger received = new AtomicInteger();
        final Unacked unacked = new Unacked();
        private volatile RemoteResult<?> stop;
        private RuntimeException failure;

        Pass(RemoteClient client, RemoteClient.TusOptions options, boolean askEach) {
            this.client = client;
            this.options = options;
            this.askEach = askEach;
        }

        boolean stopped() {
            return stop != null || failure != null;
        }

        /** One blob: asked for if the server could not tell for the batch, then sent. */
        void send(Waiting w, FutureTask<Loaded> read, ChunkSizer chunks, CompletableFuture<ChunkSizer> lastByteOut) {
            if (stop != null) {
                return;
            }
            if (askEach) {
                RemoteResult<Boolean> head = client.blobExists(w.sha256());
                if (!(head instanceof RemoteResult.Ok<Boolean> present)) {
                    stopWith(head);
                    return;
                }
                if (present.value()) {
                    markReceived(w.sha256());
                    received.incrementAndGet();
                    return;
                }
            }
            Loaded loaded = await(read);
            if (loaded.bytes() == null) {
                LOG.log(Level.ERROR, "a photo waiting for upload is {0} on this device", loaded.problem());
                attention(w.sha256(), w.size(), CoreMessages.get("upload." + loaded.problem()));
                return;
            }
            byte[] bytes = loaded.bytes();
            RemoteResult<?> stopped = options == null
                    ? put(client, w, bytes)
                    : tus(client, options, chunks, unacked, w, bytes, () -> {
                        if (chunks.roomy()) {
                            lastByteOut.complete(chunks.copy());
                        }
                    });
            if (stopped != null) {
                stopWith(stopped);
                return;
            }
            if (isReceived(w.sha256())) {
                received.incrementAndGet();
            }
        }

        private synchronized void stopWith(RemoteResult<?> r) {
            if (stop == null) {
                stop = r;
            }
        }

        /** Takes the outcome of the uploads already ended, oldest first, leaving the others open. */
        void collectDone(Deque<FutureTask<Void>> open) {
            while (!open.isEmpty() && open.peekFirst().isDone()) {
                collect(open.removeFirst());
            }
        }

        /** Waits for an upload to end; a failure of the store is kept, to be thrown once every upload ended. */
        void collect(FutureTask<Void> upload) {
            try {
                upload.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                keep(new StoreException(StoreException.Kind.IO, "interrupted while sending photos", e));
            } catch (ExecutionException e) {
                keep(e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause()));
            }
        }

        private void keep(RuntimeException e) {
            if (failure == null) {
                failure = e;
            } else {
                failure.addSuppressed(e);
            }
        }

        Result result() {
            if (failure != null) {
                throw failure;
            }
            return new Result(received.get(), stop);
        }
    }

    /**
     * A blob as read on the side: its bytes, or the problem that sets it aside ({@code missing} or
     * {@code damaged}), or a failure of the store to throw where it is needed.
     */
    private record Loaded(byte[] bytes, String problem, StoreException failure) {}

    /** Starts reading and decrypting a blob on the side; whoever needs it first runs it. */
    private FutureTask<Loaded> readAhead(Waiting w) {
        FutureTask<Loaded> task = new FutureTask<>(() -> load(w));
        try {
            prepare.execute(task);
        } catch (RejectedExecutionException e) {
            // read when needed
        }
        return task;
    }

    /** The blob read ahead, read here if it has not started yet; a store failure is thrown on this thread. */
    private Loaded await(FutureTask<Loaded> task) {
        Loaded loaded = result(task);
        if (loaded.failure() != null) {
            throw loaded.failure();
        }
        return loaded;
    }

    /** What a task on the side answered, run here if it has not started yet. */
    private static <T> T result(FutureTask<T> task) {
        task.run(); // no-op when it has started or finished elsewhere
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException(StoreException.Kind.IO, "interrupted while preparing photos", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The blobs to send, oldest first: waiting for upload and not set aside as needing attention. */
    private List<Waiting> waiting() {
        return store.db()
                .read(tx -> tx.query(
                        """
                SELECT d.sha256, max(d.size_bytes) AS size, min(d.mime_type) AS mime, min(d.captured_at) AS first
                FROM documents d LEFT JOIN uploads u ON u.sha256 = d.sha256
                WHERE d.blob_state = ? AND (u.state IS NULL OR u.state <> ?)
                GROUP BY d.sha256 ORDER BY first, d.sha256
                """,
                        r -> new Waiting(r.string("sha256"), r.longValue("size"), r.string("mime")),
                        Records.BLOB_WAITING_UPLOAD,
                        ATTENTION));
    }

    /** How many blobs {@link #sendAll} would send now. */
    int waitingCount() {
        return waiting().size();
    }

    private Loaded load(Waiting w) {
        try {
            return store.blobs()
                    .get(w.sha256())
                    .map(b -> new Loaded(b, null, null))
                    .orElseGet(() -> new Loaded(null, "missing", null));
        } catch (StoreException e) {
            return e.kind() == StoreException.Kind.CORRUPTED
                    ? new Loaded(null, "damaged", null)
                    : new Loaded(null, null, e);
        }
    }

    private boolean isReceived(String sha) {
        return store.db()
                .read(tx -> !tx.exists(
                        "SELECT 1 FROM documents WHERE sha256 = ? AND blob_state = ?",
                        sha,
                        Records.BLOB_WAITING_UPLOAD));
    }

    /** The whole blob in one request (servers without tus). Returns the failure that ends the sync, or null. */
    private RemoteResult<?> put(RemoteClient client, Waiting w, byte[] bytes) {
        RemoteResult<BlobReceiptDto> put = client.putBlob(w.sha256(), bytes);
        if (put.isOk()) {
            markReceived(w.sha256());
            return null;
        }
        if (put instanceof RemoteResult.ClientError<BlobReceiptDto> c && c.status() != 408 && c.status() != 429) {
            attention(
                    w.sha256(),
                    w.size(),
                    c.status() == 413
                            ? CoreMessages.get("upload.tooLarge")
                            : CoreMessages.get("upload.refused", put.userMessage()));
            return null;
        }
        return put;
    }

    /**
     * One blob through tus, its chunks sized by {@code chunks}; {@code lastByteOut} runs once the last byte of the
     * blob is on the link (the receipt may still come). Returns the failure that ends the sync, or null (received,
     * or set aside).
     */
    private RemoteResult<?> tus(
            RemoteClient client,
            RemoteClient.TusOptions options,
            ChunkSizer chunks,
            Unacked unacked,
            Waiting w,
            byte[] bytes,
            Runnable lastByteOut) {
        String sha = w.sha256();
        long size = bytes.length;
        if (size > options.maxSize()) {
            attention(sha, size, CoreMessages.get("upload.tooLarge"));
            return null;
        }
        Upload up = loadOrCreate(sha, size);
        String url = up.url();
        long offset = url == null ? 0 : -1; // -1: ask the server (HEAD)
        int chunkFailures = up.chunkFailures();
        int quickFailures = 0;
        int stalls = 0;
        listener.progress(sha, up.offset(), size);
        listener.changed(sha);
        while (true) {
            if (stalls > MAX_STALLS) {
                LOG.log(Level.WARNING, "upload makes no progress; retried at the next sync");
                return new RemoteResult.ServerError<>(0, null);
            }
            if (url == null) {
                int first = unacked.take(
                        options.creationWithUpload() ? (int) Math.min(chunks.next(), size) : 0, chunks.next());
                long began = nanoTime.getAsLong();
                RemoteResult<RemoteClient.TusCreated> created;
                try {
                    created = client.tusCreate(sha, size, w.mimeType(), null, bytes, first, n -> {
                        listener.progress(sha, n, size);
                        if (n >= size) {
                            lastByteOut.run();
                        }
                    });
                } finally {
                    unacked.give(first);
                }
                if (created instanceof RemoteResult.Ok<RemoteClient.TusCreated> ok) {
                    if (first > 0 && ok.value().offset() == first) {
                        chunks.sent(first, nanoTime.getAsLong() - began);
                    }
                    url = ok.value().uploadUrl();
                    offset = ok.value().offset();
                    quickFailures = 0;
                    if (offset >= size) {
                        markReceived(sha); // forgets the upload: nothing to remember before
                        return null;
                    }
                    save(sha, url, offset, chunkFailures);
                    continue;
                }
                if (created instanceof RemoteResult.NetworkError<?>) {
                    chunks.cut();
                    if (++quickFailures > MAX_QUICK_RETRIES) {
                        return created;
                    }
                    continue;
                }
                if (created instanceof RemoteResult.ClientError<?> c && c.status() == Tus.STATUS_CHECKSUM_MISMATCH) {
                    if (++chunkFailures >= MAX_CHUNK_FAILURES) {
                        attention(sha, size, CoreMessages.get("upload.checksum"));
                        return null;
                    }
                    stalls++;
                    continue;
                }
                RemoteResult<?> fatal = refusal(created, sha, size);
                return fatal; // null when set aside
            }
            if (offset < 0) {
                RemoteResult<Long> head = client.tusOffset(url);
                if (head instanceof RemoteResult.Ok<Long> ok) {
                    offset = Math.max(0, Math.min(ok.value(), size));
                    save(sha, url, offset, chunkFailures);
                    listener.progress(sha, offset, size);
                } else if (head instanceof RemoteResult.NetworkError<?>) {
                    if (++quickFailures > MAX_QUICK_RETRIES) {
                        return head;
                    }
                    continue;
                } else if (head instanceof RemoteResult.ClientError<?> c && c.status() != 401 && c.status() != 429) {
                    LOG.log(Level.INFO, "the server no longer knows the upload ({0}): a new one starts", c.status());
                    url = null;
                    offset = 0;
                    save(sha, null, 0, chunkFailures);
                    stalls++;
                    continue;
                } else {
                    return head;
                }
            }
            if (offset >= size) {
                // the server has every byte: the blob exists once verified
                RemoteResult<Boolean> exists = client.blobExists(sha);
                if (!(exists instanceof RemoteResult.Ok<Boolean> e)) {
                    return exists;
                }
                if (e.value()) {
                    markReceived(sha);
                    return null;
                }
                url = null;
                offset = 0;
                save(sha, null, 0, chunkFailures);
                stalls++;
                continue;
            }
            long from = offset;
            int len = unacked.take((int) Math.min(chunks.next(), size - from), chunks.next());
            long began = nanoTime.getAsLong();
            RemoteResult<Long> patch;
            try {
                patch = client.tusPatch(url, from, bytes, (int) from, len, n -> {
                    listener.progress(sha, from + n, size);
                    if (from + n >= size) {
                        lastByteOut.run();
                    }
                });
            } finally {
                unacked.give(len);
            }
            if (patch instanceof RemoteResult.Ok<Long> ok) {
                long next = Math.max(0, Math.min(ok.value(), size));
                if (next > from) {
                    chunks.sent(next - from, nanoTime.getAsLong() - began);
                    quickFailures = 0;
                    stalls = 0;
                    chunkFailures = 0;
                } else {
                    stalls++;
                }
                offset = next;
                listener.progress(sha, offset, size);
                if (offset >= size) {
                    // the last PATCH is answered once the whole file is verified; receiving it forgets the upload,
                    // so its offset is not written first (one write to the store less per photo)
                    markReceived(sha);
                    return null;
                }
                save(sha, url, offset, chunkFailures);
                continue;
            }
            if (patch instanceof RemoteResult.NetworkError<?>) {
                chunks.cut();
                offset = -1; // cut: ask the server what it kept
                if (++quickFailures > MAX_QUICK_RETRIES) {
                    return patch;
                }
                continue;
            }
            if (patch instanceof RemoteResult.ClientError<?> c) {
                if (c.status() == 409) {
                    offset = -1;
                    stalls++;
                    continue;
                }
                if (c.status() == Tus.STATUS_CHECKSUM_MISMATCH) {
                    chunkFailures++;
                    save(sha, url, from, chunkFailures);
                    if (chunkFailures >= MAX_CHUNK_FAILURES) {
                        attention(sha, size, CoreMessages.get("upload.checksum"));
                        return null;
                    }
                    offset = -1; // the server may also have started the file again
                    continue;
                }
                if (c.status() == 404 || c.status() == 410) {
                    LOG.log(Level.INFO, "the server no longer knows the upload ({0}): a new one starts", c.status());
                    url = null;
                    offset = 0;
                    save(sha, null, 0, chunkFailures);
                    stalls++;
                    continue;
                }
            }
            return refusal(patch, sha, size);
        }
    }

    /** A refusal that retrying will not cure sets the blob aside (returns null); anything else ends the sync. */
    private RemoteResult<?> refusal(RemoteResult<?> r, String sha, long size) {
        if (r instanceof RemoteResult.ClientError<?> c && c.status() != 408 && c.status() != 429) {
            attention(
                    sha,
                    size,
                    c.status() == 413
                            ? CoreMessages.get("upload.tooLarge")
                            : CoreMessages.get("upload.refused", r.userMessage()));
            return null;
        }
        return r;
    }

    private Upload loadOrCreate(String sha, long size) {
        return store.db().inTransaction(tx -> {
            Optional<Upload> u = tx.queryOne(
                    "SELECT upload_url, committed_offset, chunk_failures, size_bytes FROM uploads WHERE sha256 = ?",
                    r -> r.longValue("size_bytes") == size
                            ? new Upload(
                                    r.string("upload_url"),
                                    r.longValue("committed_offset"),
                                    r.intValue("chunk_failures"))
                            : new Upload(null, 0, 0),
                    sha);
            if (u.isPresent()) {
                return u.get();
            }
            tx.update(
                    "INSERT INTO uploads(sha256, size_bytes, state, updated_at) VALUES (?, ?, ?, ?)",
                    sha,
                    size,
                    QUEUED,
                    clock.instant());
            return new Upload(null, 0, 0);
        });
    }

    /** Remembers where the upload stands, committed before the next request. */
    private void save(String sha, String url, long offset, int chunkFailures) {
        store.db().inTransaction(tx -> {
            tx.update("""
                    UPDATE uploads SET upload_url = ?, committed_offset = ?, chunk_failures = ?, updated_at = ?
                    WHERE sha256 = ?
                    """, url, offset, chunkFailures, clock.instant(), sha);
        });
    }

    private void attention(String sha, long size, String reason) {
        store.db().inTransaction(tx -> {
            tx.update("""
                    INSERT INTO uploads(sha256, size_bytes, state, reason, updated_at) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT(sha256) DO UPDATE SET state = excluded.state, reason = excluded.reason,
                      updated_at = excluded.updated_at
                    """, sha, size, ATTENTION, reason, clock.instant());
        });
        LOG.log(Level.WARNING, "a photo needs attention: {0}", reason);
        listener.changed(sha);
    }

    private void markReceived(String sha) {
        store.db().inTransaction(tx -> {
            markReceived(tx, store.blobs(), sha);
        });
        listener.changed(sha);
    }

    /**
     * The server holds these bytes, verified (end of an upload, HEAD, or its blob status): the documents that
     * wait for them are received, the upload is forgotten, and the original captures of those documents are
     * deleted once this transaction commits (only the downscaled photo is kept).
     */
    static void markReceived(Tx tx, BlobFiles blobs, String sha) {
        List<String> originals = new ArrayList<>(tx.query(
                """
                SELECT DISTINCT original_sha256 FROM documents
                WHERE sha256 = ? AND blob_state IN (?, ?) AND original_sha256 IS NOT NULL
                """, r -> r.string("original_sha256"), sha, Records.BLOB_WAITING_UPLOAD, Records.BLOB_UPLOADED));
        tx.update(
                "UPDATE documents SET blob_state = ? WHERE sha256 = ? AND blob_state = ?",
                Records.BLOB_UPLOADED,
                sha,
                Records.BLOB_WAITING_UPLOAD);
        tx.update("""
                UPDATE documents SET original_sha256 = NULL, original_size_bytes = NULL
                WHERE sha256 = ? AND blob_state = ? AND original_sha256 IS NOT NULL
                """, sha, Records.BLOB_UPLOADED);
        tx.update("DELETE FROM uploads WHERE sha256 = ?", sha);
        List<String> unused = new ArrayList<>();
        for (String original : originals) {
            if (!tx.exists("SELECT 1 FROM documents WHERE sha256 = ? OR original_sha256 = ?", original, original)) {
                unused.add(original);
            }
        }
        if (!unused.isEmpty()) {
            tx.afterCommit(() -> unused.forEach(blobs::delete));
        }
    }
}
