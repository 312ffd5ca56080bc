package fr.mediance.app.core.sync;

import fr.mediance.app.core.CoreMessages;
import fr.mediance.app.core.platform.NetworkMonitor;
import fr.mediance.app.core.remote.RemoteClient;
import fr.mediance.app.core.remote.RemoteResult;
import fr.mediance.app.core.store.Crypto;
import fr.mediance.app.core.store.Database;
import fr.mediance.app.core.store.Records;
import fr.mediance.app.core.store.StoreException;
import fr.mediance.app.core.store.StoreHolder;
import fr.mediance.app.core.store.Tx;
import fr.mediance.protocol.Accounts;
import fr.mediance.protocol.AppointmentDto;
import fr.mediance.protocol.Audit;
import fr.mediance.protocol.BlobStatusDto;
import fr.mediance.protocol.ChangeDto;
import fr.mediance.protocol.ChangesResponse;
import fr.mediance.protocol.DocumentDto;
import fr.mediance.protocol.EntityDto;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.Limits;
import fr.mediance.protocol.OpStatus;
import fr.mediance.protocol.OperationDto;
import fr.mediance.protocol.OperationResultDto;
import fr.mediance.protocol.PushRequest;
import fr.mediance.protocol.PushResponse;
import fr.mediance.protocol.UserDto;
import fr.mediance.protocol.UsersResponse;
import fr.mediance.protocol.json.MedianceJson;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * One sync = push the outbox in order and in batches, send the photos of completed reports, then pull the
 * change feed page by page. One sync at a time: a request during a sync is served by one follow-up run.
 * Failures never lose data: operations stay queued, and the next attempt is planned with backoff.
 */
public final class SyncEngine implements SyncService {
    private static final System.Logger LOG = System.getLogger(SyncEngine.class.getName());
    /** The pull cursor's setting: absent until the device has received its first page of changes. */
    public static final String SETTING_CURSOR = "sync.cursor";

    static final String SETTING_LAST_SUCCESS = "sync.last_success";
    /** Stay well below the server's JSON body limit. */
    static final int MAX_PUSH_BYTES = Limits.MAX_JSON_BODY_BYTES * 8 / 10;

    private final StoreHolder store;
    private final Outbox outbox;
    private final Supplier<Optional<RemoteClient>> remote;
    private final NetworkMonitor network;
    private final Clock clock;
    private final Executor background;
    private final Executor ui;
    private final Backoff backoff;
    private final int pageSize;

    private final AtomicReference<SyncStatus> status = new AtomicReference<>(SyncStatus.initial());
    private final ReadOnlyObjectWrapper<SyncStatus> statusProperty =
            new ReadOnlyObjectWrapper<>(this, "status", SyncStatus.initial());
    private final List<Consumer<Set<EntityType>>> dataListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<PhotoTransfer>> transferListeners = new CopyOnWriteArrayList<>();
    /** Operations whose push is under way. */
    private final Set<String> sendingOps = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Per blob being sent: bytes the server has plus those of the chunk in flight (never goes down). */
    private final java.util.Map<String, Long> liveBytes = new java.util.concurrent.ConcurrentHashMap<>();

    /** The blobs being uploaded now (at most two: the next starts while the last bytes of one are answered). */
    private final java.util.Set<String> activeShas = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final java.util.Map<String, Long> lastPercent = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<String, PhotoTransfer> lastPublished = new java.util.concurrent.ConcurrentHashMap<>();
    private final PhotoUploader uploader;
    private final Object runLock = new Object();
    private CompletableFuture<SyncReport> running;
    private CompletableFuture<SyncReport> followUp;
    private int failuresInRow;

    public SyncEngine(
            StoreHolder store,
            Outbox outbox,
            Supplier<Optional<RemoteClient>> remote,
            NetworkMonitor network,
            Clock clock,
            Executor background,
            Executor ui,
            Backoff backoff) {
        this(store, outbox, remote, network, clock, background, ui, backoff, Limits.DEFAULT_CHANGES_PAGE);
    }

    public SyncEngine(
            StoreHolder store,
            Outbox outbox,
            Supplier<Optional<RemoteClient>> remote,
            NetworkMonitor network,
            Clock clock,
            Executor background,
            Executor ui,
            Backoff backoff,
            int pageSize) {
        this.store = store;
        this.outbox = outbox;
        this.remote = remote;
        this.network = network;
        this.clock = clock;
        this.background = background;
        this.ui = ui;
        this.backoff = backoff;
        this.pageSize = pageSize;
        this.uploader = new PhotoUploader(
                store,
                clock,
                new PhotoUploader.Listener() {
                    @Override
                    public void progress(String sha256, long bytes, long size) {
                        onUploadProgress(sha256, bytes, size);
                    }

                    @Override
                    public void changed(String sha256) {
                        onUploadChanged(sha256);
                    }
                },
                photoReader(),
                photoLanes(),
                System::nanoTime);
        outbox.addListener(this::refreshCounts);
        network.onlineProperty().addListener((obs, was, now) -> publish(s -> s.withOnline(now)));
    }

    /**
     * One daemon thread, started on demand and ended when idle, that reads and decrypts the next photo while one
     * is uploaded (kept off the engine's executor, which may have a single thread, or run tasks in place).
     */
    private static Executor photoReader() {
        ThreadPoolExecutor reader =
                new ThreadPoolExecutor(1, 1, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "mediance-photo-reader");
                    t.setDaemon(true);
                    return t;
                });
        reader.allowCoreThreadTimeOut(true);
        return reader;
    }

    /**
     * Up to {@link PhotoUploader#IN_FLIGHT} daemon threads, started on demand and ended when idle, on which photos
     * are uploaded: the next one starts while the receipt of the one before is awaited.
     */
    private static Executor photoLanes() {
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor lanes = new ThreadPoolExecutor(
                PhotoUploader.IN_FLIGHT,
                PhotoUploader.IN_FLIGHT,
                10,
                TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(),
                r -> {
                    Thread t = new Thread(r, "mediance-photo-upload-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        lanes.allowCoreThreadTimeOut(true);
        return lanes;
    }

    @Override
    public ReadOnlyObjectProperty<SyncStatus> statusProperty() {
        return statusProperty.getReadOnlyProperty();
    }

    @Override
    public SyncStatus status() {
        return status.get();
    }

    private void publish(UnaryOperator<SyncStatus> change) {
        status.updateAndGet(change);
        ui.execute(() -> statusProperty.set(status.get()));
    }

    /** Re-reads the pending counts and the last success from the store (after a local change or an unlock). */
    public void refreshCounts() {
        Optional<Database> db = store.current();
        if (db.isEmpty()) {
            return;
        }
        int[] counts = new int[3];
        Instant[] last = new Instant[1];
        try {
            db.get().read(tx -> {
                counts[0] = outbox.countPending(tx);
                counts[1] = (int) tx.queryLong(
                        "SELECT count(*) FROM documents WHERE blob_state = ?", Records.BLOB_WAITING_UPLOAD);
                counts[2] = outbox.countQuarantined(tx)
                        + (int) tx.queryLong("""
                        SELECT count(DISTINCT d.id) FROM documents d JOIN uploads u ON u.sha256 = d.sha256
                        WHERE d.blob_state = ? AND u.state = ?
                        """, Records.BLOB_WAITING_UPLOAD, PhotoUploader.ATTENTION);
                last[0] = tx.setting(SETTING_LAST_SUCCESS).map(Instant::parse).orElse(null);
                return null;
            });
        } catch (StoreException e) {
            return; // locked meanwhile
        }
        publish(s -> {
            SyncStatus c = s.withCounts(counts[0], counts[1], counts[2]).withOnline(network.isOnline());
            return s.lastSuccessAt() == null && last[0] != null
                    ? c.withResult(last[0], c.lastError(), c.nextAttemptAt(), c.sessionExpired())
                    : c;
        });
    }

    @Override
    public CompletableFuture<SyncReport> syncNow() {
        CompletableFuture<SyncReport> start = null;
        CompletableFuture<SyncReport> result;
        synchronized (runLock) {
            if (running == null) {
                running = new CompletableFuture<>();
                start = running;
                result = running;
            } else {
                if (followUp == null) {
                    followUp = new CompletableFuture<>();
                }
                result = followUp;
            }
        }
        if (start != null) {
            CompletableFuture<SyncReport> first = start;
            try {
                background.execute(() -> loop(first));
            } catch (RejectedExecutionException e) {
                synchronized (runLock) {
                    running = null;
                }
                first.complete(notReady(Duration.ZERO));
            }
        }
        return result;
    }

    private void loop(CompletableFuture<SyncReport> first) {
        CompletableFuture<SyncReport> current = first;
        while (current != null) {
            SyncReport report;
            try {
                report = runOnce();
            } catch (RuntimeException e) { // boundary of the sync loop: never let a bug kill the executor silently
                LOG.log(Level.ERROR, "sync failed unexpectedly", e);
                report = unexpected(e);
            }
            current.complete(report);
            synchronized (runLock) {
                current = followUp;
                followUp = null;
                running = current;
            }
        }
    }

    /** Counters of one run. */
    private static final class Run {
        int pushed;
        int rejected;
        int pulled;
        int photos;
        int conflicts;
        boolean revoked;
        final Set<EntityType> changed = EnumSet.noneOf(EntityType.class);
    }

    /** A failure that ends a run early. */
    private static final class Stop extends Exception {
        final RemoteResult<?> cause;

        Stop(RemoteResult<?> cause) {
            super(null, null, false, false);
            this.cause = cause;
        }
    }

    /** Runs one sync on the calling thread (blocking). Prefer {@link #syncNow()}, which also serialises runs. */
    public SyncReport runOnce() {
        long t0 = System.nanoTime();
        Optional<RemoteClient> client = remote.get();
        if (!store.isOpen() || client.isEmpty()) {
            return notReady(Duration.ZERO);
        }
        publish(s -> s.withSyncing(true));
        Run run = new Run();
        SyncReport report;
        try {
            push(client.get(), run);
            sendAuditEvents(client.get());
            sendPhotos(client.get(), run);
            pull(client.get(), run);
            if (rebaseRefusedStatusChanges(run) > 0) {
                push(client.get(), run);
            }
            if (usersDue()) {
                refreshUsers(client.get());
            }
            network.report(true);
            failuresInRow = 0;
            Instant done = clock.instant();
            store.db().inTransaction(tx -> {
                tx.putSetting(SETTING_LAST_SUCCESS, done.toString());
            });
            report = new SyncReport(
                    SyncReport.Result.OK, run.pushed, run.rejected, run.pulled, run.photos, took(t0), null);
            publish(s -> s.withResult(done, null, null, false));
        } catch (Stop stop) {
            if (revoked(stop.cause)) {
                report = revokedDevice(client.get(), run, t0);
            } else {
                report = failure(stop.cause, run, t0, null);
            }
        } catch (StoreException e) {
            if (e.kind() == StoreException.Kind.LOCKED) {
                LOG.log(Level.INFO, "sync interrupted: the store was locked");
                report = notReady(took(t0));
            } else {
                // what was applied before stays (each page commits with its cursor); the rest is retried later
                LOG.log(Level.ERROR, "sync stopped by a local store failure", e);
                report = failure(new RemoteResult.ServerError<>(0, null), run, t0, e.userMessage());
            }
        } finally {
            publish(s -> s.withSyncing(false));
            refreshCounts();
        }
        if (!run.changed.isEmpty()) {
            Set<EntityType> changed = EnumSet.copyOf(run.changed);
            ui.execute(() -> dataListeners.forEach(l -> l.accept(changed)));
        }
        LOG.log(
                Level.INFO,
                "sync {0} pushed={1} rejected={2} pulled={3} photos={4} took={5}ms",
                report.result(),
                report.pushed(),
                report.rejected(),
                report.pulled(),
                report.photosSent(),
                report.took().toMillis());
        Runnable handler = onRevoked;
        if (run.revoked && handler != null) {
            handler.run(); // after the run let go of the store
        }
        return report;
    }

    /** Whether the server answered that this device was revoked ({@link Accounts#DEVICE_REVOKED}). */
    static boolean revoked(RemoteResult<?> r) {
        return r instanceof RemoteResult.ClientError<?> c
                && c.status() == 403
                && c.problem() != null
                && Accounts.DEVICE_REVOKED.equals(c.problem().code());
    }

    /**
     * The device was revoked by the structure: what it still holds unsent is sent (the server takes its pushes,
     * access events and photos until the wipe deadline), then the revocation handler wipes the store and keys and
     * returns to the login screen. If something could not be sent for another reason (the network dropped), the
     * wipe waits for the next sync, so that no visit or photo is lost; once the deadline has passed the server
     * refuses everything and the device wipes whatever it still holds.
     */
    private SyncReport revokedDevice(RemoteClient client, Run run, long t0) {
        RemoteResult<?> refused = null;
        try {
            push(client, run);
            sendAuditEvents(client);
            sendPhotos(client, run);
        } catch (Stop stop) {
            refused = stop.cause;
        } catch (RuntimeException e) {
            LOG.log(Level.INFO, "revoked device: sending what was unsent failed", e);
        }
        boolean deadlinePassed = refused != null && revoked(refused);
        if (!deadlinePassed && holdsUnsent()) {
            LOG.log(Level.WARNING, "device revoked by the structure: wipe deferred until what is unsent is sent");
            return failure(
                    refused != null ? refused : new RemoteResult.ServerError<>(0, null),
                    run,
                    t0,
                    CoreMessages.get("sync.deviceRevokedSending"));
        }
        String message = CoreMessages.get("sync.deviceRevoked");
        LOG.log(Level.WARNING, "device revoked by the structure: local data wiped (pushed={0})", run.pushed);
        run.revoked = true;
        return new SyncReport(
                SyncReport.Result.SESSION_EXPIRED, run.pushed, run.rejected, run.pulled, run.photos, took(t0), message);
    }

    /** Whether a change or a photo the office may still take waits on this device (not one refused for good). */
    private boolean holdsUnsent() {
        return !pendingItems().isEmpty() || uploader.waitingCount() > 0;
    }

    private volatile Runnable onRevoked;

    /** What to do once a revoked device has pushed what it could: wipe (set by the core). */
    public void onDeviceRevoked(Runnable handler) {
        this.onRevoked = handler;
    }

    /** A bug ended the run: reported as a failure, retried with backoff like any other. */
    private SyncReport unexpected(RuntimeException e) {
        failuresInRow++;
        Instant next = clock.instant().plus(backoff.delay(failuresInRow));
        String message = CoreMessages.get("sync.failed", e.getClass().getSimpleName());
        publish(s -> s.withSyncing(false).withResult(s.lastSuccessAt(), message, next, false));
        return new SyncReport(SyncReport.Result.FAILED, 0, 0, 0, 0, Duration.ZERO, message);
    }

    private Duration took(long t0) {
        return Duration.ofNanos(System.nanoTime() - t0);
    }

    private SyncReport notReady(Duration took) {
        return new SyncReport(SyncReport.Result.NOT_READY, 0, 0, 0, 0, took, CoreMessages.get("sync.notReady"));
    }

    private SyncReport failure(RemoteResult<?> cause, Run run, long t0, String localProblem) {
        SyncReport.Result result;
        String message;
        boolean expired = false;
        if (cause.certificateChanged()) {
            // not a network failure: the server is not the one enrolled; nothing was sent, say why
            result = SyncReport.Result.FAILED;
            message = cause.userMessage();
        } else if (cause instanceof RemoteResult.NetworkError<?>) {
            result = SyncReport.Result.OFFLINE;
            message = CoreMessages.get("sync.offline");
            network.report(false);
        } else if (cause instanceof RemoteResult.Unauthorised<?>) {
            result = SyncReport.Result.SESSION_EXPIRED;
            message = CoreMessages.get("sync.sessionExpired");
            expired = true;
            network.report(true);
        } else {
            result = SyncReport.Result.FAILED;
            message = CoreMessages.get("sync.failed", localProblem != null ? localProblem : cause.userMessage());
            if (localProblem == null) {
                network.report(true);
            }
        }
        failuresInRow++;
        Instant next = expired ? null : clock.instant().plus(backoff.delay(failuresInRow));
        boolean sessionExpired = expired;
        publish(s -> s.withResult(s.lastSuccessAt(), message, next, sessionExpired));
        return new SyncReport(result, run.pushed, run.rejected, run.pulled, run.photos, took(t0), message);
    }

    // ---------------------------------------------------------------- push

    private void push(RemoteClient client, Run run) throws Stop {
        int maxOps = Limits.MAX_PUSH_OPERATIONS;
        while (true) {
            List<Outbox.Pending> batch = store.db().read(tx -> outbox.nextBatch(tx, Limits.MAX_PUSH_OPERATIONS));
            if (batch.isEmpty()) {
                return;
            }
            batch = fit(batch, maxOps);
            List<OperationDto> ops = batch.stream().map(Outbox.Pending::op).toList();
            List<Long> batchSeqs = batch.stream().map(Outbox.Pending::seq).toList();
            Instant sentAt = clock.instant();
            store.db().inTransaction(tx -> {
                outbox.sending(tx, batchSeqs, sentAt);
            });
            ops.forEach(o -> sendingOps.add(o.opId()));
            RemoteResult<PushResponse> r;
            try {
                r = client.push(new PushRequest(client.deviceId(), ops));
            } finally {
                ops.forEach(o -> sendingOps.remove(o.opId()));
            }
            if (revoked(r)) {
                throw new Stop(r);
            }
            if (r instanceof RemoteResult.ClientError<PushResponse> c && c.status() != 429) {
                if (batch.size() > 1) {
                    // one operation spoils the batch: send one by one to find and quarantine it
                    maxOps = 1;
                    continue;
                }
                String code =
                        c.problem() == null ? "http_" + c.status() : c.problem().code();
                store.db().inTransaction(tx -> {
                    outbox.quarantine(tx, ops.get(0).opId(), code, r.userMessage());
                });
                run.rejected++;
                continue;
            }
            if (!(r instanceof RemoteResult.Ok<PushResponse> ok)) {
                List<Long> seqs = batch.stream().map(Outbox.Pending::seq).toList();
                store.db().inTransaction(tx -> {
                    outbox.attempted(tx, seqs, r.getClass().getSimpleName());
                });
                throw new Stop(r);
            }
            int handled = applyResults(ok.value(), run);
            if (handled == 0) {
                // the server answered for none of the operations: do not loop forever
                throw new Stop(new RemoteResult.ServerError<>(0, null));
            }
        }
    }

    /**
     * Sends the queued audit events in batches and forgets each batch once the server has it (a batch sent again
     * after a lost answer is stored once: the server keys events by their id). A network failure stops the sync
     * like a push; a refusal leaves the events queued without holding the rest of the sync up.
     */
    private void sendAuditEvents(RemoteClient client) throws Stop {
        while (true) {
            List<fr.mediance.protocol.AuditEventDto> batch =
                    store.db().read(tx -> fr.mediance.app.core.audit.AccessLog.next(tx, Audit.MAX_EVENTS_PER_BATCH));
            if (batch.isEmpty()) {
                return;
            }
            RemoteResult<fr.mediance.protocol.AuditEventsReceipt> r = client.auditEvents(batch);
            if (r instanceof RemoteResult.Ok<fr.mediance.protocol.AuditEventsReceipt>) {
                store.db().inTransaction(tx -> {
                    fr.mediance.app.core.audit.AccessLog.remove(tx, batch);
                });
                continue;
            }
            if (r instanceof RemoteResult.ClientError<?> c && c.status() != 429) {
                LOG.log(Level.WARNING, "audit events refused by the server ({0}): kept for later", c.status());
                return;
            }
            throw new Stop(r);
        }
    }

    /** The longest prefix of {@code batch} with at most {@code maxOps} operations and under the byte limit. */
    private static List<Outbox.Pending> fit(List<Outbox.Pending> batch, int maxOps) {
        List<Outbox.Pending> out = new ArrayList<>();
        Set<String> records = new java.util.HashSet<>();
        long bytes = 200;
        for (Outbox.Pending p : batch) {
            long size = MedianceJson.gson().toJson(p.op(), OperationDto.class).length() + 1L;
            if (!out.isEmpty() && (out.size() >= maxOps || bytes + size > MAX_PUSH_BYTES)) {
                break;
            }
            String record = p.op().entity().code() + "\u0000" + p.op().entityId();
            if (!records.add(record) && !p.op().changedFields().isEmpty()) {
                break; // a field update waits for the answer to the earlier change of its record (see rebase)
            }
            out.add(p);
            bytes += size;
        }
        return out;
    }

    private int applyResults(PushResponse response, Run run) {
        return store.db().inTransaction(tx -> {
            int handled = 0;
            Set<String> touched = new LinkedHashSet<>();
            for (OperationResultDto res : response.results()) {
                if (res == null || res.opId() == null || res.status() == null) {
                    continue;
                }
                if (res.status() == OpStatus.REJECTED) {
                    String message = res.message() == null || res.message().isBlank()
                            ? CoreMessages.get("remote.clientError", 422)
                            : res.message();
                    outbox.quarantine(tx, res.opId(), res.code(), message);
                    run.rejected++;
                    handled++;
                    continue;
                }
                Outbox.Pending acked = outbox.acknowledge(tx, res.opId());
                if (acked == null) {
                    continue; // already acknowledged by an earlier answer
                }
                OperationDto op = acked.op();
                handled++;
                run.pushed++;
                if (res.status() == OpStatus.CONFLICT) {
                    run.conflicts++;
                }
                if (res.version() != null && !op.delete()) {
                    if (op.changedFields().isEmpty() && res.status() == OpStatus.APPLIED) {
                        Records.setVersion(tx, op.entity(), op.entityId(), res.version());
                    }
                    // a field update or a merge keeps its base version: the server's record (with the fields
                    // others changed) comes by the pull, which must not take it for our own change coming back
                    outbox.rebaseLaterUpdates(tx, acked.seq(), op.entity(), op.entityId(), res.version());
                }
                touched.add(op.entity().code() + "\u0000" + op.entityId());
            }
            for (String key : touched) {
                String[] parts = key.split("\u0000", 2);
                applyDeferred(tx, EntityType.fromCode(parts[0]), parts[1], run);
            }
            return handled;
        });
    }

    // ---------------------------------------------------------------- photos

    private void sendPhotos(RemoteClient client, Run run) throws Stop {
        PhotoUploader.Result r;
        try {
            r = uploader.sendAll(client);
        } finally {
            activeShas.clear();
        }
        run.photos += r.received();
        if (r.received() > 0) {
            run.changed.add(EntityType.DOCUMENT);
        }
        if (r.stop() != null) {
            throw new Stop(r.stop());
        }
    }

    /** Progress of a blob: kept monotonic, published when its percentage changes (on the UI executor). */
    private void onUploadProgress(String sha, long bytes, long size) {
        activeShas.add(sha);
        Long before = liveBytes.get(sha);
        if (before != null && bytes <= before) {
            return;
        }
        liveBytes.merge(sha, bytes, Math::max);
        long percent = Deliveries.percent(bytes, size);
        Long last = lastPercent.get(sha);
        if (last != null && percent <= last) {
            return; // at most one event per percent: enough for a progress bar
        }
        lastPercent.put(sha, percent);
        publishTransfers(sha);
    }

    private void onUploadChanged(String sha) {
        Optional<Database> db = store.current();
        if (db.isPresent()
                && db.get()
                        .read(tx -> !tx.exists(
                                        "SELECT 1 FROM documents WHERE sha256 = ? AND blob_state = ?",
                                        sha,
                                        Records.BLOB_WAITING_UPLOAD)
                                || tx.exists(
                                        "SELECT 1 FROM uploads WHERE sha256 = ? AND state = ?",
                                        sha,
                                        PhotoUploader.ATTENTION))) {
            forgetProgress(sha); // received, or set aside: what was in flight no longer counts
        }
        publishTransfers(sha);
    }

    private void forgetProgress(String sha) {
        liveBytes.remove(sha);
        lastPercent.remove(sha);
    }

    private void publishTransfers(String sha) {
        if (transferListeners.isEmpty()) {
            return;
        }
        List<PhotoTransfer> transfers;
        try {
            transfers = store.db()
                    .read(tx -> tx.query(
                            Deliveries.TRANSFERS + " AND d.sha256 = ? ORDER BY d.captured_at, d.id",
                            r -> Deliveries.transfer(r, liveBytes::get, activeShas::contains),
                            sha));
        } catch (StoreException e) {
            return;
        }
        List<PhotoTransfer> fresh = new ArrayList<>();
        for (PhotoTransfer t : transfers) {
            if (!t.equals(lastPublished.put(t.documentId(), t))) {
                fresh.add(t); // the same state told twice (the upload's end, then the server's blob status) once
            }
        }
        if (!fresh.isEmpty()) {
            ui.execute(() -> fresh.forEach(t -> transferListeners.forEach(l -> l.accept(t))));
        }
    }

    // ---------------------------------------------------------------- pull

    private void pull(RemoteClient client, Run run) throws Stop {
        String cursor = store.db().read(tx -> tx.setting(SETTING_CURSOR).orElse(null));
        while (true) {
            RemoteResult<ChangesResponse> r = client.changes(cursor, pageSize);
            if (!(r instanceof RemoteResult.Ok<ChangesResponse> ok)) {
                throw new Stop(r);
            }
            ChangesResponse page = ok.value();
            String previous = cursor;
            store.db().inTransaction(tx -> {
                for (ChangeDto change : page.changes()) {
                    applyChange(tx, change, run);
                }
                if (page.cursor() != null) {
                    tx.putSetting(SETTING_CURSOR, page.cursor()); // last: the page and its cursor commit together
                }
            });
            run.pulled += page.changes().size();
            cursor = page.cursor() == null ? previous : page.cursor();
            if (!page.hasMore() || page.changes().isEmpty() || (cursor != null && cursor.equals(previous))) {
                return;
            }
        }
    }

    /** Applies one change of the feed unless a local change of the same record waits (then it is deferred). */
    void applyChange(Tx tx, ChangeDto change, Run run) {
        if (change.entity() == null || change.entityId() == null) {
            return;
        }
        if (outbox.hasLocalChange(tx, change.entity(), change.entityId()) || isLocalOnly(tx, change)) {
            tx.update(
                    """
                    INSERT INTO deferred_changes(entity, entity_id, version, deleted, payload) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT(entity, entity_id) DO UPDATE SET version = excluded.version, deleted = excluded.deleted,
                      payload = excluded.payload WHERE excluded.version > deferred_changes.version
                    """,
                    change.entity().code(),
                    change.entityId(),
                    change.version(),
                    change.deleted(),
                    MedianceJson.gson().toJson(change, ChangeDto.class));
            return;
        }
        Optional<Long> local = Records.version(tx, change.entity(), change.entityId());
        if (local.isPresent() && local.get() >= change.version()) {
            return; // already as new (e.g. our own change coming back)
        }
        if (change.deleted() || change.data() == null) {
            Records.delete(tx, change.entity(), change.entityId());
        } else {
            String blobState = null;
            if (change.data() instanceof DocumentDto d) {
                blobState = d.sha256() != null
                                && Crypto.isSha256Hex(d.sha256())
                                && store.blobs().contains(d.sha256())
                        ? Records.BLOB_CACHED
                        : Records.BLOB_NOT_DOWNLOADED;
            }
            Records.upsert(tx, change.data(), change.version(), clock.instant(), blobState);
            if (change.data() instanceof BlobStatusDto b && Crypto.isSha256Hex(b.sha256())) {
                // the server holds these bytes, verified: our photos are received, the office's are available
                PhotoUploader.markReceived(tx, store.blobs(), b.sha256());
                tx.update(
                        "UPDATE documents SET blob_state = ? WHERE sha256 = ? AND blob_state = ?",
                        Records.BLOB_NOT_DOWNLOADED,
                        b.sha256(),
                        Records.BLOB_AWAITED);
                run.changed.add(EntityType.DOCUMENT);
                tx.afterCommit(() -> onUploadChanged(b.sha256()));
            }
        }
        run.changed.add(change.entity());
    }

    /** A draft report (or a photo of one) exists only on this device: never overwritten by the server. */
    private static boolean isLocalOnly(Tx tx, ChangeDto change) {
        if (change.entity() == EntityType.VISIT_REPORT) {
            return tx.exists("SELECT 1 FROM visit_reports WHERE id = ? AND completed_at IS NULL", change.entityId());
        }
        if (change.entity() == EntityType.DOCUMENT) {
            return tx.exists(
                    "SELECT 1 FROM documents WHERE id = ? AND blob_state = ?", change.entityId(), Records.BLOB_LOCAL);
        }
        return false;
    }

    /** Once no local change of a record waits any more, applies the newest change the pull had set aside. */
    private void applyDeferred(Tx tx, EntityType type, String id, Run run) {
        if (outbox.hasLocalChange(tx, type, id)) {
            return;
        }
        Optional<String> payload = tx.queryOne(
                "SELECT payload FROM deferred_changes WHERE entity = ? AND entity_id = ?",
                r -> r.string("payload"),
                type.code(),
                id);
        if (payload.isEmpty()) {
            return;
        }
        tx.update("DELETE FROM deferred_changes WHERE entity = ? AND entity_id = ?", type.code(), id);
        applyChange(tx, MedianceJson.gson().fromJson(payload.get(), ChangeDto.class), run);
    }

    // ---------------------------------------------------------------- status changes made on an old copy

    /** The server's code for a change of a field the user may not change (e.g. a counsellor moving a visit). */
    static final String FORBIDDEN_FIELD = "forbidden_field";

    /**
     * A counsellor may only change the status of an appointment, but the whole record travels: if the
     * coordinator changed the appointment meanwhile, the server refuses the old copy. Once the pull has set
     * the server's newer appointment aside, the refused change is rebased on it (server fields + our status
     * and reason) and queued again as a new operation. Returns how many were rebased.
     */
    private int rebaseRefusedStatusChanges(Run run) {
        return store.db().inTransaction(tx -> {
            List<String[]> refused = tx.query(
                    """
                    SELECT op_id, entity_id FROM outbox WHERE state = ? AND entity = ? AND reason_code = ?
                    ORDER BY seq
                    """,
                    r -> new String[] {r.string("op_id"), r.string("entity_id")},
                    Outbox.QUARANTINED,
                    EntityType.APPOINTMENT.code(),
                    FORBIDDEN_FIELD);
            int rebased = 0;
            for (String[] op : refused) {
                Optional<ChangeDto> newer = tx.queryOne(
                        "SELECT payload FROM deferred_changes WHERE entity = ? AND entity_id = ? AND deleted = 0",
                        r -> MedianceJson.gson().fromJson(r.string("payload"), ChangeDto.class),
                        EntityType.APPOINTMENT.code(),
                        op[1]);
                Optional<EntityDto> local = Records.load(tx, EntityType.APPOINTMENT, op[1]);
                if (newer.isEmpty()
                        || !(newer.get().data() instanceof AppointmentDto server)
                        || local.isEmpty()
                        || !(local.get() instanceof AppointmentDto mine)) {
                    continue;
                }
                AppointmentDto merged = new AppointmentDto(
                        server.id(),
                        server.structureId(),
                        server.residentId(),
                        server.counsellorId(),
                        server.type(),
                        server.start(),
                        server.end(),
                        mine.status(),
                        server.address(),
                        server.notes(),
                        mine.statusReason());
                Records.upsert(tx, merged, newer.get().version(), clock.instant(), null);
                tx.update(
                        "DELETE FROM deferred_changes WHERE entity = ? AND entity_id = ?",
                        EntityType.APPOINTMENT.code(),
                        op[1]);
                outbox.retry(tx, op[0]);
                run.rejected--;
                run.changed.add(EntityType.APPOINTMENT);
                rebased++;
            }
            return rebased;
        });
    }

    // ---------------------------------------------------------------- users

    /**
     * The structure's accounts are asked again when the device has none yet or those it has are older than
     * {@link #USERS_MAX_AGE}: once at the start of a working day rather than one more round trip at every sync
     * (the planning screen asks for them itself when it opens).
     */
    static final Duration USERS_MAX_AGE = Duration.ofHours(12);

    private boolean usersDue() {
        long oldest = store.db().read(tx -> tx.queryLong("SELECT coalesce(min(fetched_at), 0) FROM users"));
        return oldest <= clock.instant().minus(USERS_MAX_AGE).toEpochMilli();
    }

    private void refreshUsers(RemoteClient client) {
        RemoteResult<UsersResponse> r = client.users(null);
        if (!(r instanceof RemoteResult.Ok<UsersResponse> ok) || ok.value() == null) {
            LOG.log(Level.DEBUG, "users not refreshed: {0}", r.getClass().getSimpleName());
            return;
        }
        replaceUsers(store.db(), ok.value().users(), clock.instant());
    }

    /** Replaces the cached accounts of the structure. */
    public static void replaceUsers(Database db, List<UserDto> users, Instant now) {
        db.inTransaction(tx -> {
            tx.update("DELETE FROM users");
            for (UserDto u : users) {
                tx.update(
                        "INSERT OR REPLACE INTO users(id, username, display_name, role, structure_id, fetched_at) VALUES (?, ?, ?, ?, ?, ?)",
                        u.id(),
                        u.username(),
                        u.displayName(),
                        u.role() == null ? null : u.role().code(),
                        u.structureId(),
                        now);
            }
        });
    }

    // ---------------------------------------------------------------- panel

    @Override
    public List<OutboxItem> pendingItems() {
        return store.db().read(tx -> outbox.items(tx, OutboxItem.State.PENDING));
    }

    @Override
    public List<OutboxItem> quarantinedItems() {
        return store.db().read(tx -> outbox.items(tx, OutboxItem.State.QUARANTINED));
    }

    @Override
    public void retry(String opId) {
        store.db().inTransaction(tx -> {
            outbox.retry(tx, opId);
        });
    }

    @Override
    public void discard(String opId) {
        Run run = new Run();
        store.db().inTransaction(tx -> {
            outbox.discard(tx, opId).ifPresent(op -> applyDeferred(tx, op.entity(), op.entityId(), run));
        });
        LOG.log(Level.INFO, "a refused change was discarded by the user");
        if (!run.changed.isEmpty()) {
            Set<EntityType> changed = EnumSet.copyOf(run.changed);
            ui.execute(() -> dataListeners.forEach(l -> l.accept(changed)));
        }
    }

    @Override
    public Runnable addDataListener(Consumer<Set<EntityType>> listener) {
        dataListeners.add(listener);
        return () -> dataListeners.remove(listener);
    }

    @Override
    public DeliveryStatus deliveryOf(EntityType entity, String id) {
        return store.db().read(tx -> Deliveries.of(tx, entity, id, sendingOps, liveBytes::get));
    }

    @Override
    public List<PhotoTransfer> photoTransfers() {
        return store.db().read(tx -> Deliveries.transfers(tx, null, liveBytes::get, activeShas::contains));
    }

    @Override
    public List<PhotoTransfer> photoTransfers(String reportId) {
        return store.db().read(tx -> Deliveries.transfers(tx, reportId, liveBytes::get, activeShas::contains));
    }

    @Override
    public Runnable addTransferListener(Consumer<PhotoTransfer> listener) {
        transferListeners.add(listener);
        return () -> transferListeners.remove(listener);
    }

    @Override
    public void retryPhoto(String documentId) {
        store.db().inTransaction(tx -> {
            tx.update("""
                    UPDATE uploads SET state = ?, reason = NULL, chunk_failures = 0, updated_at = ?
                    WHERE sha256 = (SELECT sha256 FROM documents WHERE id = ?)
                    """, PhotoUploader.QUEUED, clock.instant(), documentId);
        });
        store.db()
                .read(tx ->
                        tx.queryOne("SELECT sha256 FROM documents WHERE id = ?", r -> r.string("sha256"), documentId))
                .ifPresent(sha -> {
                    forgetProgress(sha);
                    publishTransfers(sha);
                });
        refreshCounts();
    }

    /** Consecutive failed runs (drives the backoff). */
    public int failuresInRow() {
        return failuresInRow;
    }
}
