package fr.mediance.testing;

import com.google.gson.Gson;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import fr.mediance.protocol.Accounts;
import fr.mediance.protocol.ApiPaths;
import fr.mediance.protocol.AppointmentDto;
import fr.mediance.protocol.BlobReceiptDto;
import fr.mediance.protocol.ChangeDto;
import fr.mediance.protocol.ChangesResponse;
import fr.mediance.protocol.CodeDto;
import fr.mediance.protocol.EntityDto;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.HealthDto;
import fr.mediance.protocol.LoginRequest;
import fr.mediance.protocol.LoginResponse;
import fr.mediance.protocol.OpStatus;
import fr.mediance.protocol.OperationDto;
import fr.mediance.protocol.OperationResultDto;
import fr.mediance.protocol.ProblemDto;
import fr.mediance.protocol.Problems;
import fr.mediance.protocol.PushRequest;
import fr.mediance.protocol.PushResponse;
import fr.mediance.protocol.RefreshRequest;
import fr.mediance.protocol.Role;
import fr.mediance.protocol.Totp;
import fr.mediance.protocol.UserDto;
import fr.mediance.protocol.UsersResponse;
import fr.mediance.protocol.json.MedianceJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small, working office server in memory, speaking the real protocol over real HTTP (JDK HttpServer) with
 * the product's Gson. It applies pushed operations at most once per opId, keeps a change log for the pull,
 * stores blobs verified by hash, rotates refresh tokens, and can inject faults: drop a response after
 * applying, refuse operations, expire access tokens, answer 5xx, go away entirely.
 * <p>
 * What the client relies on is pinned by {@link OfficeContract}, run against this fake and against the real
 * server: change the fake where the contract says so, never the contract to suit the fake.
 */
public final class FakeOfficeServer implements AutoCloseable {
    private static final Gson GSON = MedianceJson.gson();

    /**
     * How the fake runs. {@code concurrentHandlers}: several requests at a time (a held upload must not stop a
     * colleague's device from syncing); otherwise one at a time, in arrival order. {@code photoThumbnails}: the
     * thumbnail of a blob is the blob itself (small test JPEGs, so that screens show them); otherwise a fixed
     * text and the hash (not an image: the client only caches it).
     */
    public record Options(boolean concurrentHandlers, boolean photoThumbnails) {
        /** One request at a time, text thumbnails: what the headless tests want. */
        public static Options defaults() {
            return new Options(false, false);
        }

        /** Several requests at a time and photo thumbnails: what the screen tests want. */
        public static Options forScreens() {
            return new Options(true, true);
        }
    }

    private final Options config;
    private final java.util.concurrent.ExecutorService handlers;
    private HttpServer server;
    private int port;
    private final Map<String, String> passwords = new ConcurrentHashMap<>();
    private final Map<String, UserDto> users = new LinkedHashMap<>();
    private final Map<String, String> accessTokens = new ConcurrentHashMap<>(); // token -> userId
    private final Map<String, Grant> grants = new ConcurrentHashMap<>(); // refresh token -> what it grants
    private final Map<String, OperationResultDto> appliedOps = new ConcurrentHashMap<>();
    private final Map<String, Integer> timesReceived = new ConcurrentHashMap<>();
    private final Map<String, Integer> timesApplied = new ConcurrentHashMap<>();
    private final Map<String, EntityDto> entities = new ConcurrentHashMap<>(); // type:id -> data
    private final Map<String, Long> versions = new ConcurrentHashMap<>();
    private final List<ChangeDto> changeLog = new ArrayList<>();
    private final Map<String, byte[]> blobs = new ConcurrentHashMap<>();
    /**
     * Who sent each blob (as the office server keeps it): {@code POST /blobs/held} answers « held » only to them, so
     * that a device sends what it never sent. {@link #EVERYONE}: put by the test as already sent by the caller.
     */
    private final Map<String, java.util.Set<String>> senders = new ConcurrentHashMap<>();

    private static final String EVERYONE = "*";
    private final Map<String, String> rejections = new ConcurrentHashMap<>(); // entityId -> message
    private final Map<String, Integer> failPaths = new ConcurrentHashMap<>(); // path prefix -> status
    private final java.util.Set<String> dropPaths = ConcurrentHashMap.newKeySet(); // path prefixes cut without answer
    private final Map<String, String> rawAnswers = new ConcurrentHashMap<>(); // path -> JSON body
    private final Map<String, List<Object[]>> history = new ConcurrentHashMap<>(); // type:id -> [version, data, author]
    private final Map<String, Upload> uploads = new ConcurrentHashMap<>();
    private long seq;
    private int tokenCounter;
    private int uploadCounter;
    private volatile int chunkSize = 64 * 1024;
    private volatile int maxChunkSize; // 0: the chunk size
    private volatile long maxSize = fr.mediance.protocol.Limits.MAX_BLOB_BYTES;
    private volatile boolean creationWithUpload;
    private volatile boolean tusEnabled = true;
    private volatile long cutNextPatchAfter = -1;
    private volatile int corruptChunks;
    private volatile int conflictPatches;
    private volatile int expireTokensAfterPatches = -1;
    private volatile java.util.function.IntConsumer onPatch;
    private volatile int dropPushResponses;
    private volatile int failChangesAfterPages = -1;

    public final AtomicInteger pushes = new AtomicInteger();
    public final AtomicInteger refreshes = new AtomicInteger();
    public final AtomicInteger logins = new AtomicInteger();
    public final AtomicInteger heads = new AtomicInteger();
    public final AtomicInteger puts = new AtomicInteger();
    public final AtomicInteger gets = new AtomicInteger();
    public final AtomicInteger changePages = new AtomicInteger();
    public final AtomicInteger options = new AtomicInteger();
    public final AtomicInteger creations = new AtomicInteger();
    public final AtomicInteger patches = new AtomicInteger();
    public final AtomicInteger uploadHeads = new AtomicInteger();
    public final AtomicInteger thumbnails = new AtomicInteger();
    /** Body size of every PATCH read whole, in order. */
    public final java.util.List<Integer> patchSizes = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Body bytes of every PATCH (and POST with data) read by the server, including those of cut requests. */
    public final java.util.concurrent.atomic.AtomicLong uploadBytesRead = new java.util.concurrent.atomic.AtomicLong();
    /** Every operation received, in arrival order (repeats included). */
    public final List<OperationDto> operations = java.util.Collections.synchronizedList(new ArrayList<>());
    /** The result given to each operation applied, by opId. */
    public OperationResultDto result(String opId) {
        return appliedOps.get(opId);
    }

    /** Every opId received, in arrival order (repeats included). */
    public final List<String> received = java.util.Collections.synchronizedList(new ArrayList<>());

    public final List<String> unauthorisedPaths = java.util.Collections.synchronizedList(new ArrayList<>());

    public FakeOfficeServer() {
        this(Options.defaults());
    }

    public FakeOfficeServer(Options options) {
        this.config = options;
        this.handlers = options.concurrentHandlers()
                ? java.util.concurrent.Executors.newCachedThreadPool(r -> {
                    Thread t = new Thread(r, "fake-office");
                    t.setDaemon(true);
                    return t;
                })
                : null;
        start(0);
    }

    private void start(int wantedPort) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", wantedPort), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        if (handlers != null) {
            server.setExecutor(handlers);
        }
        server.start();
        port = server.getAddress().getPort();
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Stops answering: connections are refused. */
    public void goOffline() {
        server.stop(0);
    }

    /** Answers again on the same port. */
    public void comeBack() {
        start(port);
    }

    @Override
    public void close() {
        server.stop(0);
        if (handlers != null) {
            handlers.shutdownNow();
        }
    }

    // ------------------------------------------------------------ set-up and faults

    public synchronized UserDto addUser(String id, String username, String password, Role role) {
        return addUser(id, username, username + " (" + role.code() + ")", password, role);
    }

    /** An account shown by its display name (the screens show it). */
    public synchronized UserDto addUser(String id, String username, String displayName, String password, Role role) {
        UserDto u = new UserDto(id, username, displayName, role, "s1");
        users.put(id, u);
        passwords.put(username, password);
        return u;
    }

    /**
     * This account signs in with a second factor (TOTP of {@code secret}), as the office and admin accounts of the
     * real server do: a login without a code is refused ({@code totp_required}), a wrong or used one too.
     */
    public synchronized void requireTotp(String username, String secret) {
        totpSecrets.put(username, secret);
        totpEnrolling.remove(username);
    }

    /**
     * This account must enrol a second factor at its next login, as a new office account of the real server: a
     * login without a code is refused ({@code totp_enrolment_required}); {@code POST /auth/totp} with the
     * password gives a new secret, and the first login with a code of that secret completes the enrolment.
     */
    public synchronized void requireTotpEnrolment(String username) {
        totpEnrolling.add(username);
        totpSecrets.remove(username);
    }

    /** The secret last issued to this account by {@code POST /auth/totp} (null if none). */
    public synchronized String totpSecret(String username) {
        return totpSecrets.get(username);
    }

    /**
     * Revokes a device as the admin would: its pull and other requests answer 403 {@code device_revoked}; its push,
     * uploads and logout still work (so it can send what it holds before wiping).
     */
    public synchronized void revokeDeviceForWipe(String deviceId) {
        wipedDevices.add(deviceId);
    }

    /** Whether a revoked device has logged out (the app does so once it has pushed, just before wiping). */
    public synchronized boolean loggedOut(String deviceId) {
        return loggedOutDevices.contains(deviceId);
    }

    private final Map<String, String> totpSecrets = new java.util.HashMap<>();
    private final java.util.Set<String> totpEnrolling = new java.util.HashSet<>();
    private final Map<String, Long> totpLastSteps = new java.util.HashMap<>();
    private final java.util.Set<String> usedAccessTokens = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final Map<String, String> accessDevices = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Set<String> wipedDevices = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final java.util.Set<String> loggedOutDevices = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** The device of an access token, if it was revoked by {@link #revokeDeviceForWipe}. */
    boolean revokedDevice(HttpExchange ex) {
        String h = ex.getRequestHeaders().getFirst("Authorization");
        if (h == null || !h.startsWith("Bearer ")) {
            return false;
        }
        String device = accessDevices.get(h.substring("Bearer ".length()));
        return device != null && wipedDevices.contains(device);
    }

    /** What a revoked device may still send until its wipe deadline, as the office server: never a read. */
    private static boolean takenWhileRevoked(String method, String path) {
        return path.equals(ApiPaths.LOGOUT)
                || path.equals(ApiPaths.SYNC_PUSH)
                || path.startsWith(ApiPaths.UPLOADS)
                || path.equals(ApiPaths.BLOBS_HELD)
                || path.equals(ApiPaths.AUDIT_EVENTS)
                || (path.startsWith(ApiPaths.blob("")) && !method.equals("GET"));
    }

    void noteLogout(HttpExchange ex) {
        String h = ex.getRequestHeaders().getFirst("Authorization");
        if (h != null && h.startsWith("Bearer ")) {
            String device = accessDevices.get(h.substring("Bearer ".length()));
            if (device != null) {
                loggedOutDevices.add(device);
            }
        }
    }

    /** A change made by someone else on the server: a new version in the change log. */
    public synchronized long serverWrite(EntityDto data) {
        EntityType type = EntityType.of(data);
        long v = ++seq;
        entities.put(key(type, data.id()), data);
        versions.put(key(type, data.id()), v);
        history.computeIfAbsent(key(type, data.id()), k -> new ArrayList<>()).add(new Object[] {v, data, null});
        changeLog.add(new ChangeDto(type, data.id(), v, false, data));
        return v;
    }

    public synchronized long serverDelete(EntityType type, String id) {
        long v = ++seq;
        entities.remove(key(type, id));
        versions.put(key(type, id), v);
        changeLog.add(new ChangeDto(type, id, v, true, null));
        return v;
    }

    /** A partner of the directory with no service, creditor of these categories (as the office seeds them). */
    public void addPartner(String id, String type, String name, String... categories) {
        serverWrite(new fr.mediance.protocol.PartnerDto(
                id, type, name, java.util.List.of(categories), java.util.List.of(), null, true));
    }

    public void addCode(String list, String code, String label, int order) {
        serverWrite(new CodeDto(list, code, label, null, order, true));
    }

    /** The server holds these bytes as sent by the caller earlier (another of her devices, a former install). */
    public void putBlob(byte[] bytes) {
        storeBlob(sha256Hex(bytes), bytes.clone(), EVERYONE);
    }

    /**
     * The server holds these bytes, sent by another account: the caller must send them all the same (knowing a
     * file's hash gives no access to it).
     */
    public void putBlobSentByAnother(byte[] bytes) {
        storeBlob(sha256Hex(bytes), bytes.clone(), "another-account");
    }

    /** Whether the caller sent these bytes (or the test put them as sent by every caller). */
    private boolean sentBy(String sha, String userId) {
        java.util.Set<String> who = senders.get(sha);
        return blobs.containsKey(sha) && who != null && (who.contains(EVERYONE) || who.contains(userId));
    }

    /** The bytes are verified: kept, and a BLOB status change tells the clients. Returns whether they are new. */
    private synchronized boolean storeBlob(String sha, byte[] bytes, String sender) {
        senders.computeIfAbsent(sha, k -> ConcurrentHashMap.newKeySet()).add(sender);
        boolean created = blobs.putIfAbsent(sha, bytes) == null;
        if (created) {
            serverWrite(new fr.mediance.protocol.BlobStatusDto(sha, bytes.length, Instant.now(), true));
        }
        return created;
    }

    /** The fake's thumbnail of a blob by default: a fixed prefix and the hash (not an image; the client only caches it). */
    public static byte[] thumbnailOf(String sha) {
        return ("thumbnail:" + sha).getBytes(StandardCharsets.US_ASCII);
    }

    /** The thumbnail this fake answers (see {@link Options#photoThumbnails()}). */
    private byte[] thumbnail(String sha) {
        return config.photoThumbnails() ? blobs.get(sha) : thumbnailOf(sha);
    }

    /** The next {@code n} pushes are applied, then the connection is closed without an answer. */
    public void dropNextPushResponses(int n) {
        dropPushResponses = n;
    }

    /** Operations on this record are refused with {@code message}. */
    public void reject(String entityId, String message) {
        rejections.put(entityId, message);
    }

    /** Stops refusing operations on this record (operations already refused keep their stored answer). */
    public void accept(String entityId) {
        rejections.remove(entityId);
    }

    /** Requests whose path starts with {@code prefix} get {@code status} (0 to stop). */
    public void fail(String prefix, int status) {
        if (status == 0) {
            failPaths.remove(prefix);
        } else {
            failPaths.put(prefix, status);
        }
    }

    /** Requests whose path starts with {@code prefix} are cut without an answer (a link down), or no longer. */
    public void drop(String prefix, boolean on) {
        if (on) {
            dropPaths.add(prefix);
        } else {
            dropPaths.remove(prefix);
        }
    }

    /** Answers this raw JSON (status 200) to requests on {@code path}. */
    public void answerRaw(String path, String json) {
        rawAnswers.put(path, json);
    }

    /** After {@code pages} more pages, the change feed answers 503. -1 to stop. */
    public void failChangesAfter(int pages) {
        failChangesAfterPages = pages;
    }

    /** Every access token given so far stops working (as after their expiry). */
    public void expireAccessTokens() {
        accessTokens.clear();
    }

    /** Every refresh token stops working too: the session has ended. */
    public void endSessions() {
        accessTokens.clear();
        grants.clear();
    }

    /** The PATCH size announced by OPTIONS (default 64 KiB, so that tests need several chunks). */
    public void chunkSize(int bytes) {
        chunkSize = bytes;
    }

    /** The largest PATCH accepted and announced by OPTIONS (default: the chunk size; larger ones answer 413). */
    public void maxChunkSize(int bytes) {
        maxChunkSize = bytes;
    }

    private int maxChunk() {
        return Math.max(chunkSize, maxChunkSize);
    }

    public void maxSize(long bytes) {
        maxSize = bytes;
    }

    /** Whether OPTIONS announces creation-with-upload (the first chunk in the POST). Off by default. */
    public void creationWithUpload(boolean v) {
        creationWithUpload = v;
    }

    /** A server without resumable uploads: 404 on /uploads (the client falls back to PUT). */
    public void disableTus() {
        tusEnabled = false;
    }

    /** The next PATCH reads {@code bytes} of its body, keeps none of them, and the connection is cut. */
    public void cutNextPatchAfter(long bytes) {
        cutNextPatchAfter = bytes;
    }

    /** The next {@code n} chunks arrive damaged: 460, discarded. */
    public void corruptNextChunks(int n) {
        corruptChunks = n;
    }

    /** The next {@code n} PATCHes answer 409 (as if the offset had moved), after taking nothing. */
    public void conflictNextPatches(int n) {
        conflictPatches = n;
    }

    /** The access tokens expire after {@code n} more PATCHes (a long upload outlives its token). */
    public void expireTokensAfterPatches(int n) {
        expireTokensAfterPatches = n;
    }

    /** Called with the PATCH count before each PATCH is handled (to stop a client mid-upload). */
    public void onPatch(java.util.function.IntConsumer hook) {
        onPatch = hook;
    }

    /** Forgets every upload in progress (a server restarted without them): HEAD and PATCH answer 404. */
    public void loseUploads() {
        uploads.clear();
    }

    /** Bytes the server holds for the uploads in progress. */
    public synchronized long bytesInProgress() {
        return uploads.values().stream().mapToLong(u -> u.data.size()).sum();
    }

    /** The conflict records written so far. */
    public synchronized List<fr.mediance.protocol.ConflictDto> conflicts() {
        return entities.values().stream()
                .filter(e -> e instanceof fr.mediance.protocol.ConflictDto)
                .map(e -> (fr.mediance.protocol.ConflictDto) e)
                .toList();
    }

    /** A change made on the server by {@code authorId} (for conflicts: who wrote a value). */
    public synchronized long serverWriteBy(String authorId, EntityDto data) {
        long v = serverWrite(data);
        List<Object[]> h = history.get(key(EntityType.of(data), data.id()));
        h.get(h.size() - 1)[2] = authorId;
        return v;
    }

    // ------------------------------------------------------------ what happened

    public int timesReceived(String opId) {
        return timesReceived.getOrDefault(opId, 0);
    }

    public int timesApplied(String opId) {
        return timesApplied.getOrDefault(opId, 0);
    }

    public int appliedCount() {
        return timesApplied.values().stream().mapToInt(Integer::intValue).sum();
    }

    public EntityDto entity(EntityType type, String id) {
        return entities.get(key(type, id));
    }

    public Long version(EntityType type, String id) {
        return versions.get(key(type, id));
    }

    public boolean hasBlob(String sha256) {
        return blobs.containsKey(sha256);
    }

    public byte[] blob(String sha256) {
        return blobs.get(sha256);
    }

    private static String key(EntityType type, String id) {
        return type.code() + ":" + id;
    }

    // ------------------------------------------------------------ HTTP

    private void handle(HttpExchange ex) throws IOException {
        try {
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            for (String prefix : dropPaths) {
                if (path.startsWith(prefix)) {
                    ex.close(); // the link is down: the connection ends without an answer
                    return;
                }
            }
            for (Map.Entry<String, Integer> f : failPaths.entrySet()) {
                if (path.startsWith(f.getKey())) {
                    problem(ex, f.getValue(), "server_error", "Erreur simulée.");
                    return;
                }
            }
            String raw = rawAnswers.get(path);
            if (raw != null) {
                send(ex, 200, "application/json", raw.getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (path.equals(ApiPaths.HEALTH)) {
                json(ex, 200, new HealthDto("ok", "fake", Instant.now()), HealthDto.class);
            } else if (path.equals(ApiPaths.UPLOADS) && method.equals("OPTIONS") && tusEnabled) {
                tus(ex, path, method, null); // what the server speaks: no account needed
            } else if (path.equals(ApiPaths.LOGIN) && method.equals("POST")) {
                login(ex);
            } else if (path.equals(ApiPaths.TOTP_ENROL) && method.equals("POST")) {
                enrolTotp(ex);
            } else if (path.equals(ApiPaths.REFRESH) && method.equals("POST")) {
                refresh(ex);
            } else {
                String header = ex.getRequestHeaders().getFirst("Authorization");
                String userId = authenticate(ex);
                if (userId == null) {
                    unauthorisedPaths.add(path);
                    if (header == null || !header.startsWith("Bearer ")) {
                        problem(
                                ex,
                                401,
                                Problems.UNAUTHENTICATED,
                                "Authentification requise : envoyez l'en-tête "
                                        + "« Authorization: Bearer <jeton d'accès> ».");
                    } else {
                        problem(ex, 401, "invalid_token", "Jeton d'accès invalide ou révoqué : reconnectez-vous.");
                    }
                    return;
                }
                if (revokedDevice(ex) && !takenWhileRevoked(method, path)) {
                    problem(
                            ex,
                            403,
                            Accounts.DEVICE_REVOKED,
                            "Cet appareil a été retiré par l'administration : ses "
                                    + "données vont être effacées après l'envoi de ce qui n'a pas encore été transmis.");
                    return;
                }
                if (path.equals(ApiPaths.LOGOUT)) {
                    noteLogout(ex);
                    send(ex, 204, null, new byte[0]);
                } else if (path.equals(ApiPaths.ACCOUNTS) && method.equals("GET")) {
                    synchronized (this) {
                        Instant seen = Instant.parse("2026-11-27T07:40:00Z");
                        List<fr.mediance.protocol.AccountDto> list = users.values().stream()
                                .filter(u ->
                                        Accounts.mayManage(users.get(userId).role(), u.role()))
                                .map(u -> new fr.mediance.protocol.AccountDto(
                                        u.id(),
                                        u.username(),
                                        u.displayName(),
                                        u.role(),
                                        true,
                                        false,
                                        totpSecrets.get(u.username()) != null,
                                        0,
                                        seen,
                                        seen))
                                .toList();
                        json(
                                ex,
                                200,
                                new fr.mediance.protocol.AccountsResponse(list),
                                fr.mediance.protocol.AccountsResponse.class);
                    }
                } else if (path.startsWith(ApiPaths.ACCOUNTS + "/") && path.endsWith("/devices")) {
                    Instant seen = Instant.parse("2026-11-27T07:40:00Z");
                    json(
                            ex,
                            200,
                            new fr.mediance.protocol.DevicesResponse(List.of(new fr.mediance.protocol.DeviceDto(
                                    "ref-1",
                                    "tablette-7f3a9c21",
                                    seen.minusSeconds(86_400 * 30),
                                    seen,
                                    seen,
                                    "1.4.0",
                                    null,
                                    null,
                                    null))),
                            fr.mediance.protocol.DevicesResponse.class);
                } else if (path.equals(ApiPaths.PLANNING_SETTINGS)) {
                    planningSettings(ex, method, userId);
                } else if (path.startsWith(ApiPaths.PLANNING_SCHEDULES)) {
                    schedules(ex, method, path, userId);
                } else if (path.startsWith(ApiPaths.CALENDAR_LINKS)) {
                    calendarLinks(ex, method, path, userId);
                } else if (path.equals(ApiPaths.PLANNING_PROPOSALS)) {
                    weekProposal(ex, method, userId);
                } else if (path.equals(ApiPaths.USERS)) {
                    synchronized (this) {
                        json(ex, 200, new UsersResponse(new ArrayList<>(users.values())), UsersResponse.class);
                    }
                } else if (path.equals(ApiPaths.SYNC_PUSH)) {
                    push(ex, userId);
                } else if (path.equals(ApiPaths.SYNC_CHANGES)) {
                    changes(ex);
                } else if (path.equals(ApiPaths.AUDIT) && method.equals("GET")) {
                    auditJournal(ex, userId);
                } else if (path.equals(ApiPaths.AUDIT_EVENTS) && method.equals("POST")) {
                    auditEvents(ex, userId);
                } else if (path.equals(ApiPaths.BLOBS_HELD) && method.equals("POST")) {
                    blobsHeld(ex, userId);
                } else if (path.startsWith(ApiPaths.PREFIX + "/blobs/") && path.endsWith("/thumbnail")) {
                    String sha = path.substring(
                            (ApiPaths.PREFIX + "/blobs/").length(), path.length() - "/thumbnail".length());
                    thumbnails.incrementAndGet();
                    if (!blobs.containsKey(sha)) {
                        problem(ex, 404, "blob_not_found", "Fichier introuvable.");
                    } else {
                        send(ex, 200, "image/jpeg", thumbnail(sha));
                    }
                } else if (path.startsWith(ApiPaths.PREFIX + "/blobs/")) {
                    blob(ex, path.substring((ApiPaths.PREFIX + "/blobs/").length()), method, userId);
                } else if (path.equals(ApiPaths.UPLOADS) || path.startsWith(ApiPaths.UPLOADS + "/")) {
                    if (!tusEnabled) {
                        problem(ex, 404, Problems.NOT_FOUND, NOT_FOUND);
                    } else {
                        tus(ex, path, method, userId);
                    }
                } else {
                    problem(ex, 404, Problems.NOT_FOUND, NOT_FOUND);
                }
            }
        } catch (DroppedResponse e) {
            // no answer at all: the connection is already closed
        } catch (Refused e) {
            problem(ex, e.status, e.code, e.getMessage());
        } catch (RuntimeException e) {
            problem(
                    ex,
                    500,
                    Problems.INTERNAL_ERROR,
                    "Une erreur inattendue s'est produite sur le serveur. Réessayez plus "
                            + "tard ; si le problème persiste, prévenez l'administrateur.");
        } finally {
            ex.close();
        }
    }

    private static final String NOT_FOUND = "Aucune ressource à cette adresse.";

    /** Whether this account may send files and reports (the office only reads them). */
    private boolean sendsFiles(String userId) {
        UserDto user = users.get(userId);
        return user != null
                && (user.role() == Role.COUNSELLOR || user.role() == Role.COORDINATOR || user.role() == Role.ADMIN);
    }

    private String authenticate(HttpExchange ex) {
        String h = ex.getRequestHeaders().getFirst("Authorization");
        if (h == null || !h.startsWith("Bearer ")) {
            return null;
        }
        String token = h.substring("Bearer ".length());
        String user = accessTokens.get(token);
        if (user != null) {
            usedAccessTokens.add(token);
        }
        return user;
    }

    /** How long after its use a refresh token may be used again, if what it gave was never used (a lost answer). */
    private static final java.time.Duration REFRESH_RETRY_GRACE = java.time.Duration.ofMinutes(5);

    /** What a refresh token grants, bound to one device; rotated at its first use. */
    private static final class Grant {
        final String userId;
        final String deviceId;
        final String accessToken;
        Instant rotatedAt;
        String successor;
        boolean revoked;

        Grant(String userId, String deviceId, String accessToken) {
            this.userId = userId;
            this.deviceId = deviceId;
            this.accessToken = accessToken;
        }
    }

    private synchronized LoginResponse issue(String userId, String deviceId) {
        tokenCounter++;
        String access = "access-" + tokenCounter;
        String refresh = "refresh-" + tokenCounter;
        accessTokens.put(access, userId);
        accessDevices.put(access, deviceId);
        grants.put(refresh, new Grant(userId, deviceId, access));
        Instant now = Instant.now();
        return new LoginResponse(access, now.plusSeconds(900), refresh, now.plusSeconds(86400), users.get(userId));
    }

    /** Every token of a device stops working (a refresh token used twice). */
    private synchronized void revokeDevice(String deviceId) {
        for (Grant g : grants.values()) {
            if (java.util.Objects.equals(g.deviceId, deviceId)) {
                g.revoked = true;
                accessTokens.remove(g.accessToken);
            }
        }
    }

    private void login(HttpExchange ex) throws IOException {
        logins.incrementAndGet();
        LoginRequest req = read(ex, LoginRequest.class);
        String expected = passwords.get(req.username());
        UserDto user;
        synchronized (this) {
            user = users.values().stream()
                    .filter(u -> u.username().equals(req.username()))
                    .findFirst()
                    .orElse(null);
        }
        if (expected == null || user == null || !expected.equals(req.password())) {
            problem(ex, 401, "invalid_credentials", "Identifiant ou mot de passe incorrect.");
            return;
        }
        synchronized (this) {
            String secret = totpSecrets.get(req.username());
            if (totpEnrolling.contains(req.username()) && (secret == null || req.totpCode() == null)) {
                problem(
                        ex,
                        403,
                        Accounts.TOTP_ENROLMENT_REQUIRED,
                        "Ce compte demande un second facteur : enregistrez-le dans votre application "
                                + "d'authentification, puis saisissez le code qu'elle affiche.");
                return;
            }
            if (secret != null) {
                if (req.totpCode() == null || req.totpCode().isBlank()) {
                    problem(
                            ex,
                            401,
                            Accounts.TOTP_REQUIRED,
                            "Saisissez le code à 6 chiffres de votre application " + "d'authentification.");
                    return;
                }
                long step = Totp.matchingStep(secret, req.totpCode(), Instant.now());
                Long last = totpLastSteps.get(req.username());
                if (step < 0 || (last != null && step <= last)) {
                    problem(
                            ex,
                            401,
                            Accounts.INVALID_TOTP,
                            "Code de vérification incorrect ou déjà utilisé : "
                                    + "saisissez le code affiché maintenant.");
                    return;
                }
                totpLastSteps.put(req.username(), step);
                totpEnrolling.remove(req.username());
            }
            if (wipedDevices.contains(req.deviceId())) {
                problem(
                        ex,
                        403,
                        Accounts.DEVICE_REVOKED,
                        "Cet appareil a été retiré par l'administration : ses "
                                + "données vont être effacées après l'envoi de ce qui n'a pas encore été transmis.");
                return;
            }
        }
        json(ex, 200, issue(user.id(), req.deviceId()), LoginResponse.class);
    }

    private void enrolTotp(HttpExchange ex) throws IOException {
        LoginRequest req = read(ex, LoginRequest.class);
        String secret;
        synchronized (this) {
            String expected = passwords.get(req.username());
            if (expected == null || !expected.equals(req.password())) {
                problem(ex, 401, "invalid_credentials", "Identifiant ou mot de passe incorrect.");
                return;
            }
            if (!totpEnrolling.contains(req.username())) {
                problem(ex, 409, "totp_already_enrolled", "Ce compte a déjà son second facteur.");
                return;
            }
            secret = Totp.newSecret();
            totpSecrets.put(req.username(), secret);
        }
        json(
                ex,
                200,
                new fr.mediance.protocol.TotpEnrolmentDto(secret, Totp.uri(secret, req.username())),
                fr.mediance.protocol.TotpEnrolmentDto.class);
    }

    private void refresh(HttpExchange ex) throws IOException {
        refreshes.incrementAndGet();
        RefreshRequest req = read(ex, RefreshRequest.class);
        LoginResponse answer;
        synchronized (this) {
            Grant g = grants.get(req.refreshToken());
            if (g == null || g.revoked || !java.util.Objects.equals(g.deviceId, req.deviceId())) {
                problem(ex, 401, "invalid_refresh", "Jeton de renouvellement invalide : reconnectez-vous.");
                return;
            }
            Instant now = Instant.now();
            if (g.rotatedAt != null) {
                Grant next = grants.get(g.successor);
                boolean lostAnswer = next != null
                        && !next.revoked
                        && next.rotatedAt == null
                        && !usedAccessTokens.contains(next.accessToken)
                        && !now.isAfter(g.rotatedAt.plus(REFRESH_RETRY_GRACE));
                if (!lostAnswer) { // rotation: a refresh token serves once; a second use ends the device's session
                    revokeDevice(g.deviceId);
                    problem(
                            ex,
                            401,
                            "refresh_reused",
                            "Ce jeton de renouvellement a déjà servi : par sécurité, "
                                    + "l'appareil a été déconnecté. Reconnectez-vous.");
                    return;
                }
                next.revoked = true; // the answer to the first use never arrived: answer again, void that pair
                accessTokens.remove(next.accessToken);
            }
            answer = issue(g.userId, g.deviceId);
            g.rotatedAt = now;
            g.successor = answer.refreshToken();
        }
        json(ex, 200, answer, LoginResponse.class);
    }

    /** Like the office server: a counsellor may change only the status fields of an appointment. */
    private String forbiddenField(String userId, OperationDto op) {
        UserDto user = users.get(userId);
        if (user == null || user.role() != Role.COUNSELLOR || !(op.data() instanceof AppointmentDto mine)) {
            return null;
        }
        if (!(entities.get(key(EntityType.APPOINTMENT, op.entityId())) instanceof AppointmentDto before)) {
            return null;
        }
        if (!op.changedFields().isEmpty()) { // merged onto the current version: only the fields named count
            return java.util.Set.of("status", "statusReason").containsAll(op.changedFields())
                    ? null
                    : "Vous ne pouvez changer que le statut du rendez-vous et son motif.";
        }
        boolean same = java.util.Objects.equals(before.start(), mine.start())
                && java.util.Objects.equals(before.end(), mine.end())
                && java.util.Objects.equals(before.residentId(), mine.residentId())
                && java.util.Objects.equals(before.counsellorId(), mine.counsellorId())
                && java.util.Objects.equals(before.type(), mine.type())
                && java.util.Objects.equals(before.address(), mine.address())
                && java.util.Objects.equals(before.notes(), mine.notes());
        return same ? null : "Vous ne pouvez changer que le statut du rendez-vous et son motif.";
    }

    /**
     * Like the office server: the roles of {@link fr.mediance.protocol.Permissions#mayCreateResident} create a
     * resident's file, a counsellor as its referent.
     */
    private String[] forbiddenCreation(String userId, OperationDto op) {
        if (op.delete()
                || !(op.data() instanceof fr.mediance.protocol.ResidentDto created)
                || entities.containsKey(key(EntityType.RESIDENT, op.entityId()))) {
            return null;
        }
        UserDto user = users.get(userId);
        Role role = user == null ? null : user.role();
        if (!fr.mediance.protocol.Permissions.mayCreateResident(role)) {
            return new String[] {"forbidden", "Votre rôle ne permet pas de créer la fiche d'une personne."};
        }
        if (fr.mediance.protocol.Permissions.creatorBecomesReferent(role) && !userId.equals(created.referentId())) {
            return new String[] {
                "forbidden_field",
                "La fiche que vous créez vous a pour référent : « referentId » doit être votre identifiant."
            };
        }
        return null;
    }

    /** A device's audit events, by account and event id: stored once however often they are sent. */
    public final Map<String, fr.mediance.protocol.AuditEventDto> auditEvents =
            java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>());
    /** How many batches of audit events arrived (answered or not). */
    public final AtomicInteger auditPosts = new AtomicInteger();

    private volatile int dropAuditResponses;

    /** The next {@code n} batches of audit events are stored but their answer is lost. */
    public void dropNextAuditResponses(int n) {
        dropAuditResponses = n;
    }

    /** What {@code GET /audit} answers the admin (newest first), filtered by resident and action. */
    public final List<fr.mediance.protocol.AuditEventDto> auditJournal =
            java.util.Collections.synchronizedList(new ArrayList<>());

    private void auditJournal(HttpExchange ex, String userId) throws IOException {
        UserDto user = users.get(userId);
        if (user == null || user.role() != Role.ADMIN) {
            throw new Refused(403, "forbidden", "Votre rôle ne permet pas cette action.");
        }
        Map<String, String> q = query(ex);
        List<fr.mediance.protocol.AuditEventDto> page;
        synchronized (auditJournal) {
            page = auditJournal.stream()
                    .filter(e -> q.get(ApiPaths.PARAM_RESIDENT) == null
                            || q.get(ApiPaths.PARAM_RESIDENT).equals(e.residentId()))
                    .filter(e -> q.get(ApiPaths.PARAM_ACTION) == null
                            || q.get(ApiPaths.PARAM_ACTION).equals(e.action()))
                    .sorted(java.util.Comparator.comparing(fr.mediance.protocol.AuditEventDto::at)
                            .reversed())
                    .toList();
        }
        json(ex, 200, new fr.mediance.protocol.AuditPage(page, null), fr.mediance.protocol.AuditPage.class);
    }

    private void auditEvents(HttpExchange ex, String userId) throws IOException {
        auditPosts.incrementAndGet();
        fr.mediance.protocol.AuditEventsRequest req = read(ex, fr.mediance.protocol.AuditEventsRequest.class);
        int stored = 0;
        for (fr.mediance.protocol.AuditEventDto e : req.events()) {
            if (!fr.mediance.protocol.Audit.problems(e).isEmpty()) {
                throw new Refused(400, "invalid_request", "Événement du journal invalide.");
            }
        }
        synchronized (auditEvents) {
            for (fr.mediance.protocol.AuditEventDto e : req.events()) {
                if (auditEvents.putIfAbsent(userId + "/" + e.id(), e) == null) {
                    stored++;
                }
            }
        }
        if (dropAuditResponses > 0) {
            dropAuditResponses--;
            ex.close();
            throw new DroppedResponse();
        }
        json(
                ex,
                200,
                new fr.mediance.protocol.AuditEventsReceipt(stored, req.events().size() - stored),
                fr.mediance.protocol.AuditEventsReceipt.class);
    }

    private void push(HttpExchange ex, String userId) throws IOException {
        pushes.incrementAndGet();
        PushRequest req = read(ex, PushRequest.class);
        List<OperationResultDto> results = new ArrayList<>();
        synchronized (this) {
            for (OperationDto op : req.operations()) {
                timesReceived.merge(op.opId(), 1, Integer::sum);
                received.add(op.opId());
                operations.add(op);
                OperationResultDto stored = appliedOps.get(op.opId());
                if (stored == null) {
                    String why = rejections.get(op.entityId());
                    String field = forbiddenField(userId, op);
                    String[] creation = forbiddenCreation(userId, op);
                    if (creation != null) {
                        stored = new OperationResultDto(op.opId(), OpStatus.REJECTED, null, creation[0], creation[1]);
                    } else if (why != null) {
                        stored = new OperationResultDto(op.opId(), OpStatus.REJECTED, null, "forbidden", why);
                    } else if (field != null) {
                        stored = new OperationResultDto(op.opId(), OpStatus.REJECTED, null, "forbidden_field", field);
                    } else if (op.data() instanceof fr.mediance.protocol.ConflictDto c) {
                        stored = resolveConflict(userId, op, c);
                    } else if (!op.changedFields().isEmpty()
                            && !op.delete()
                            && entities.containsKey(key(op.entity(), op.entityId()))) {
                        stored = merge(userId, op);
                    } else {
                        long v = op.delete()
                                ? serverDelete(op.entity(), op.entityId())
                                : serverWriteBy(userId, op.data());
                        timesApplied.merge(op.opId(), 1, Integer::sum);
                        stored = new OperationResultDto(op.opId(), OpStatus.APPLIED, v, null, null);
                    }
                    appliedOps.put(op.opId(), stored);
                }
                results.add(stored);
            }
        }
        if (dropPushResponses > 0) {
            dropPushResponses--;
            // applied, but the answer is lost: close the connection without a response
            ex.close();
            throw new DroppedResponse();
        }
        json(ex, 200, new PushResponse(results), PushResponse.class);
    }

    /**
     * Field-by-field merge like the office server: a field is in conflict when the server's value differs from
     * the one at the base version AND from the pushed one; the pushed value is applied all the same.
     */
    private OperationResultDto merge(String userId, OperationDto op) {
        String k = key(op.entity(), op.entityId());
        EntityDto current = entities.get(k);
        long currentVersion = versions.get(k);
        Object[] base = null;
        for (Object[] h : history.getOrDefault(k, List.of())) {
            if (op.baseVersion() != null && (long) h[0] <= op.baseVersion()) {
                base = h;
            }
        }
        com.google.gson.JsonObject cur =
                GSON.toJsonTree(current, current.getClass()).getAsJsonObject();
        com.google.gson.JsonObject pushed =
                GSON.toJsonTree(op.data(), op.data().getClass()).getAsJsonObject();
        com.google.gson.JsonObject was = base == null
                ? null
                : GSON.toJsonTree(base[1], base[1].getClass()).getAsJsonObject();
        List<fr.mediance.protocol.ConflictDto> found = new ArrayList<>();
        for (String field : op.changedFields()) {
            String baseValue = was == null ? null : text(was, field);
            String serverValue = text(cur, field);
            String clientValue = text(pushed, field);
            if (was != null
                    && !java.util.Objects.equals(serverValue, baseValue)
                    && !java.util.Objects.equals(serverValue, clientValue)) {
                found.add(new fr.mediance.protocol.ConflictDto(
                        java.util.UUID.randomUUID().toString(),
                        "s1",
                        op.entity(),
                        op.entityId(),
                        field,
                        baseValue,
                        serverValue,
                        clientValue,
                        lastAuthor(k, field),
                        userId,
                        Instant.now(),
                        fr.mediance.protocol.ConflictDto.OPEN,
                        null,
                        null,
                        null));
            }
            if (pushed.has(field)) {
                cur.add(field, pushed.get(field));
            } else {
                cur.remove(field);
            }
        }
        EntityDto merged = GSON.fromJson(cur, current.getClass());
        long v = serverWriteBy(userId, merged);
        for (fr.mediance.protocol.ConflictDto c : found) {
            serverWrite(c);
        }
        timesApplied.merge(op.opId(), 1, Integer::sum);
        OpStatus status = !found.isEmpty()
                ? OpStatus.CONFLICT
                : op.baseVersion() != null && op.baseVersion() < currentVersion ? OpStatus.MERGED : OpStatus.APPLIED;
        return new OperationResultDto(op.opId(), status, v, null, null);
    }

    /** Who last changed {@code field} of a record, from its history. */
    private String lastAuthor(String k, String field) {
        List<Object[]> h = history.getOrDefault(k, List.of());
        String author = null;
        String previous = null;
        for (Object[] e : h) {
            String value = text(GSON.toJsonTree(e[1], e[1].getClass()).getAsJsonObject(), field);
            if (author == null || !java.util.Objects.equals(value, previous)) {
                author = (String) e[2];
            }
            previous = value;
        }
        return author;
    }

    private static String text(com.google.gson.JsonObject o, String field) {
        com.google.gson.JsonElement e = o.get(field);
        // lists (a checklist) compare as their JSON text, like the office server's wire fields
        return e == null || e.isJsonNull() ? null : e.isJsonPrimitive() ? e.getAsString() : e.toString();
    }

    /** A conflict pushed back resolved: the chosen value is written into the record as a new version. */
    private OperationResultDto resolveConflict(String userId, OperationDto op, fr.mediance.protocol.ConflictDto c) {
        UserDto user = users.get(userId);
        if (user == null || user.role() == Role.COUNSELLOR) {
            return new OperationResultDto(
                    op.opId(),
                    OpStatus.REJECTED,
                    null,
                    "forbidden",
                    "Seuls le bureau et la coordination tranchent les conflits.");
        }
        if (!(entities.get(key(EntityType.CONFLICT, c.id())) instanceof fr.mediance.protocol.ConflictDto stored)) {
            return new OperationResultDto(op.opId(), OpStatus.REJECTED, null, "not_found", "Conflit introuvable.");
        }
        if (c.resolved()) {
            EntityDto record = entities.get(key(stored.entity(), stored.entityId()));
            if (record != null) {
                com.google.gson.JsonObject o =
                        GSON.toJsonTree(record, record.getClass()).getAsJsonObject();
                if (c.resolvedValue() == null) {
                    o.remove(stored.field());
                } else {
                    o.addProperty(stored.field(), c.resolvedValue());
                }
                serverWriteBy(userId, GSON.fromJson(o, record.getClass()));
            }
        }
        long v = serverWriteBy(
                userId,
                new fr.mediance.protocol.ConflictDto(
                        stored.id(),
                        stored.structureId(),
                        stored.entity(),
                        stored.entityId(),
                        stored.field(),
                        stored.baseValue(),
                        stored.serverValue(),
                        stored.clientValue(),
                        stored.serverAuthorId(),
                        stored.clientAuthorId(),
                        stored.detectedAt(),
                        c.status(),
                        c.resolvedValue(),
                        userId,
                        Instant.now()));
        timesApplied.merge(op.opId(), 1, Integer::sum);
        return new OperationResultDto(op.opId(), OpStatus.APPLIED, v, null, null);
    }

    /** Ends a handler without an answer. */
    private static final class DroppedResponse extends RuntimeException {}

    /** Which of the asked blobs are held as sent by the caller. */
    private void blobsHeld(HttpExchange ex, String userId) throws IOException {
        fr.mediance.protocol.BlobsHeldRequest req = read(ex, fr.mediance.protocol.BlobsHeldRequest.class);
        if (req.sha256s().isEmpty() || req.sha256s().size() > fr.mediance.protocol.Limits.MAX_BLOBS_HELD_QUERY) {
            problem(ex, 400, "blobs_held_invalid", "Liste d'empreintes invalide.");
            return;
        }
        json(
                ex,
                200,
                new fr.mediance.protocol.BlobsHeldResponse(req.sha256s().stream()
                        .distinct()
                        .filter(sha -> sentBy(sha, userId))
                        .toList()),
                fr.mediance.protocol.BlobsHeldResponse.class);
    }

    private void changes(HttpExchange ex) throws IOException {
        Map<String, String> q = query(ex);
        String cursorText = q.get(ApiPaths.PARAM_SINCE);
        long since;
        synchronized (this) {
            since = cursorText == null || cursorText.isEmpty()
                    ? 0
                    : cursorText.length() <= 18 && cursorText.chars().allMatch(ch -> ch >= '0' && ch <= '9')
                            ? Long.parseLong(cursorText)
                            : -1;
            if (since < 0 || since > seq) {
                problem(
                        ex,
                        400,
                        "invalid_cursor",
                        "Curseur de synchronisation inconnu : recommencez la synchronisation depuis le début.");
                return;
            }
        }
        String limitText = q.get(ApiPaths.PARAM_LIMIT);
        int limit;
        try {
            limit = limitText == null || limitText.isEmpty()
                    ? fr.mediance.protocol.Limits.DEFAULT_CHANGES_PAGE
                    : Math.min(Integer.parseInt(limitText), fr.mediance.protocol.Limits.MAX_CHANGES_PAGE);
        } catch (NumberFormatException e) {
            limit = 0;
        }
        if (limit < 1) {
            problem(
                    ex,
                    400,
                    "invalid_limit",
                    "Le paramètre « limit » doit être un entier entre 1 et "
                            + fr.mediance.protocol.Limits.MAX_CHANGES_PAGE + ".");
            return;
        }
        if (failChangesAfterPages == 0) {
            problem(ex, 503, "unavailable", "Indisponible.");
            return;
        }
        if (failChangesAfterPages > 0) {
            failChangesAfterPages--;
        }
        changePages.incrementAndGet();
        List<ChangeDto> page = new ArrayList<>();
        boolean more;
        int pageSize = limit;
        synchronized (this) {
            List<ChangeDto> after =
                    changeLog.stream().filter(c -> c.version() > since).toList();
            page.addAll(after.subList(0, Math.min(pageSize, after.size())));
            more = after.size() > pageSize;
        }
        String cursor = page.isEmpty()
                ? Long.toString(since)
                : Long.toString(page.get(page.size() - 1).version());
        json(ex, 200, new ChangesResponse(page, cursor, more), ChangesResponse.class);
    }

    private void blob(HttpExchange ex, String sha, String method, String userId) throws IOException {
        switch (method) {
            case "HEAD" -> {
                heads.incrementAndGet();
                // « may the caller have these bytes »: here every caller may see every blob
                ex.sendResponseHeaders(blobs.containsKey(sha) ? 200 : 404, -1);
            }
            case "PUT" -> {
                puts.incrementAndGet();
                byte[] body = ex.getRequestBody().readAllBytes();
                String declared = ex.getRequestHeaders().getFirst(ApiPaths.HEADER_CONTENT_SHA256);
                if (!sendsFiles(userId)) {
                    problem(ex, 403, Problems.FORBIDDEN, "Votre rôle ne permet pas cette action.");
                    return;
                }
                if (declared == null || !declared.equals(sha)) {
                    problem(
                            ex,
                            400,
                            "sha256_header_mismatch",
                            "L'en-tête X-Content-SHA256 doit être présent et " + "égal à l'empreinte de l'adresse.");
                    return;
                }
                if (!sha256Hex(body).equals(sha)) {
                    problem(ex, 422, "hash_mismatch", "Le contenu reçu ne correspond pas à son empreinte.");
                    return;
                }
                boolean created = storeBlob(sha, body, userId);
                json(ex, created ? 201 : 200, new BlobReceiptDto(sha, body.length, created), BlobReceiptDto.class);
            }
            case "GET" -> {
                gets.incrementAndGet();
                byte[] b = blobs.get(sha);
                if (b == null) {
                    problem(ex, 404, "blob_not_found", "Fichier introuvable.");
                    return;
                }
                send(ex, 200, "image/jpeg", b);
            }
            default ->
                problem(ex, 405, Problems.METHOD_NOT_ALLOWED, "Cette méthode HTTP n'est pas acceptée à cette adresse.");
        }
    }

    /** One upload in progress. */
    private static final class Upload {
        final String sha256;
        final long length;
        final String userId;
        final java.io.ByteArrayOutputStream data = new java.io.ByteArrayOutputStream();

        Upload(String sha256, long length, String userId) {
            this.sha256 = sha256;
            this.length = length;
            this.userId = userId;
        }
    }

    private void tus(HttpExchange ex, String path, String method, String userId) throws IOException {
        ex.getResponseHeaders().set(fr.mediance.protocol.Tus.TUS_RESUMABLE, fr.mediance.protocol.Tus.VERSION);
        if (path.equals(ApiPaths.UPLOADS)) {
            if (method.equals("OPTIONS")) {
                options.incrementAndGet();
                var h = ex.getResponseHeaders();
                h.set(fr.mediance.protocol.Tus.TUS_VERSION, fr.mediance.protocol.Tus.VERSION);
                h.set(
                        fr.mediance.protocol.Tus.TUS_EXTENSION,
                        creationWithUpload ? fr.mediance.protocol.Tus.EXTENSIONS : "creation,checksum,termination");
                h.set(fr.mediance.protocol.Tus.TUS_MAX_SIZE, Long.toString(maxSize));
                h.set(fr.mediance.protocol.Tus.TUS_CHECKSUM_ALGORITHM, fr.mediance.protocol.Tus.CHECKSUM_ALGORITHMS);
                h.set(fr.mediance.protocol.Tus.CHUNK_SIZE, Integer.toString(chunkSize));
                h.set(fr.mediance.protocol.Tus.MAX_CHUNK_SIZE, Integer.toString(maxChunk()));
                ex.sendResponseHeaders(204, -1);
            } else if (method.equals("POST")) {
                if (!sendsFiles(userId)) {
                    problem(ex, 403, Problems.FORBIDDEN, "Votre rôle ne permet pas cette action.");
                    return;
                }
                create(ex, userId);
            } else {
                problem(ex, 405, Problems.METHOD_NOT_ALLOWED, "Cette méthode HTTP n'est pas acceptée à cette adresse.");
            }
            return;
        }
        String id = path.substring(ApiPaths.UPLOADS.length() + 1);
        Upload u = uploads.get(id);
        switch (method) {
            case "HEAD" -> {
                uploadHeads.incrementAndGet();
                if (u == null) {
                    ex.sendResponseHeaders(404, -1);
                    return;
                }
                synchronized (u) {
                    ex.getResponseHeaders().set(fr.mediance.protocol.Tus.UPLOAD_OFFSET, Long.toString(u.data.size()));
                    ex.getResponseHeaders().set(fr.mediance.protocol.Tus.UPLOAD_LENGTH, Long.toString(u.length));
                }
                ex.getResponseHeaders().set("Cache-Control", "no-store");
                ex.sendResponseHeaders(200, -1);
            }
            case "PATCH" -> patch(ex, id, u);
            default ->
                problem(ex, 405, Problems.METHOD_NOT_ALLOWED, "Cette méthode HTTP n'est pas acceptée à cette adresse.");
        }
    }

    private void create(HttpExchange ex, String userId) throws IOException {
        creations.incrementAndGet();
        long length = Long.parseLong(ex.getRequestHeaders().getFirst(fr.mediance.protocol.Tus.UPLOAD_LENGTH));
        if (length > maxSize) {
            problem(ex, 413, "upload_too_large", "Le fichier dépasse la taille maximale de " + maxSize + " octets.");
            return;
        }
        String sha = null;
        for (String pair : ex.getRequestHeaders()
                .getFirst(fr.mediance.protocol.Tus.UPLOAD_METADATA)
                .split(",")) {
            String[] kv = pair.trim().split(" ");
            if (kv[0].equals(fr.mediance.protocol.Tus.META_SHA256)) {
                sha = new String(java.util.Base64.getDecoder().decode(kv[1]), StandardCharsets.US_ASCII);
            }
        }
        if (sha == null || !isSha256Hex(sha)) {
            problem(
                    ex,
                    400,
                    "invalid_upload_metadata",
                    "En-tête « " + fr.mediance.protocol.Tus.UPLOAD_METADATA
                            + " » invalide : l'empreinte sha256 du fichier entier est obligatoire.");
            return;
        }
        String id;
        synchronized (this) {
            id = "u" + (++uploadCounter);
        }
        Upload u = new Upload(sha, length, userId);
        uploads.put(id, u);
        byte[] body = ex.getRequestBody().readAllBytes();
        uploadBytesRead.addAndGet(body.length);
        if (body.length > 0) {
            if (!checksumOk(ex, body)) {
                problem(
                        ex,
                        fr.mediance.protocol.Tus.STATUS_CHECKSUM_MISMATCH,
                        "checksum_mismatch",
                        "La somme de contrôle de ce morceau ne correspond pas : renvoyez-le.");
                return;
            }
            u.data.write(body);
            complete(id, u);
        }
        ex.getResponseHeaders().set("Location", ApiPaths.UPLOADS + "/" + id);
        ex.getResponseHeaders().set(fr.mediance.protocol.Tus.UPLOAD_OFFSET, Long.toString(u.data.size()));
        ex.sendResponseHeaders(201, -1);
    }

    private void patch(HttpExchange ex, String id, Upload u) throws IOException {
        int n = patches.incrementAndGet();
        java.util.function.IntConsumer hook = onPatch;
        if (hook != null) {
            hook.accept(n);
        }
        if (expireTokensAfterPatches == 0) {
            expireTokensAfterPatches = -1;
            accessTokens.clear();
            unauthorisedPaths.add(ex.getRequestURI().getPath());
            problem(ex, 401, "token_expired", "Jeton d'accès expiré : renouvelez-le avec le jeton de renouvellement.");
            return;
        }
        if (expireTokensAfterPatches > 0) {
            expireTokensAfterPatches--;
        }
        if (u == null) {
            problem(ex, 404, "upload_not_found", "Envoi introuvable.");
            return;
        }
        if (conflictPatches > 0) {
            conflictPatches--;
            problem(
                    ex,
                    409,
                    "upload_offset_mismatch",
                    "Le décalage « Upload-Offset » ne correspond pas à ce que "
                            + "le serveur a reçu : demandez où reprendre (HEAD).");
            return;
        }
        long offset = Long.parseLong(ex.getRequestHeaders().getFirst(fr.mediance.protocol.Tus.UPLOAD_OFFSET));
        String type = ex.getRequestHeaders().getFirst("Content-Type");
        if (!fr.mediance.protocol.Tus.OFFSET_OCTET_STREAM.equals(type)) {
            problem(
                    ex,
                    415,
                    "unsupported_media_type",
                    "Un morceau s'envoie en « " + fr.mediance.protocol.Tus.OFFSET_OCTET_STREAM + " ».");
            return;
        }
        if (cutNextPatchAfter >= 0) {
            long limit = cutNextPatchAfter;
            cutNextPatchAfter = -1;
            byte[] partial = ex.getRequestBody().readNBytes((int) limit);
            uploadBytesRead.addAndGet(partial.length);
            ex.close(); // the link is cut: no answer, the partial chunk is not kept
            throw new DroppedResponse();
        }
        synchronized (u) {
            if (offset != u.data.size()) {
                problem(
                        ex,
                        409,
                        "upload_offset_mismatch",
                        "Le décalage « Upload-Offset » ne correspond pas à ce que "
                                + "le serveur a reçu : demandez où reprendre (HEAD).");
                return;
            }
        }
        byte[] body = ex.getRequestBody().readAllBytes();
        uploadBytesRead.addAndGet(body.length);
        patchSizes.add(body.length);
        if (body.length > maxChunk()) {
            problem(
                    ex,
                    413,
                    "chunk_too_large",
                    "Ce morceau dépasse la taille maximale : envoyez des morceaux plus petits.");
            return;
        }
        if (corruptChunks > 0 || !checksumOk(ex, body)) {
            if (corruptChunks > 0) {
                corruptChunks--;
            }
            problem(
                    ex,
                    fr.mediance.protocol.Tus.STATUS_CHECKSUM_MISMATCH,
                    "checksum_mismatch",
                    "La somme de contrôle de ce morceau ne correspond pas : renvoyez-le.");
            return;
        }
        synchronized (u) {
            if (u.data.size() + body.length > u.length) {
                problem(ex, 413, "upload_length_exceeded", "Ce morceau dépasse la longueur annoncée du fichier.");
                return;
            }
            u.data.write(body);
        }
        if (!complete(id, u)) {
            problem(
                    ex,
                    fr.mediance.protocol.Tus.STATUS_CHECKSUM_MISMATCH,
                    "upload_sha256_mismatch",
                    "Le fichier reçu ne correspond pas à son empreinte : il faut le renvoyer depuis le début.");
            return;
        }
        ex.getResponseHeaders().set(fr.mediance.protocol.Tus.UPLOAD_OFFSET, Long.toString(u.data.size()));
        ex.sendResponseHeaders(204, -1);
    }

    /** At the last byte the whole file is verified; a mismatch starts the upload again from 0. */
    private boolean complete(String id, Upload u) {
        synchronized (u) {
            if (u.data.size() < u.length) {
                return true;
            }
            byte[] all = u.data.toByteArray();
            if (!sha256Hex(all).equals(u.sha256)) {
                u.data.reset();
                return false;
            }
            storeBlob(u.sha256, all, u.userId);
            uploads.remove(id);
            return true;
        }
    }

    private static boolean checksumOk(HttpExchange ex, byte[] body) {
        String h = ex.getRequestHeaders().getFirst(fr.mediance.protocol.Tus.UPLOAD_CHECKSUM);
        if (h == null || !h.startsWith("sha256 ")) {
            return false;
        }
        byte[] expected = java.util.Base64.getDecoder().decode(h.substring("sha256 ".length()));
        return java.util.Arrays.equals(expected, sha256(body));
    }

    // ------------------------------------------------------------ helpers

    private static byte[] sha256(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Lowercase hex SHA-256, as blobs are named. */
    public static String sha256Hex(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(sha256(bytes));
    }

    private static boolean isSha256Hex(String s) {
        return s.length() == 64 && s.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
    }

    private static Map<String, String> query(HttpExchange ex) {
        Map<String, String> out = new HashMap<>();
        String q = ex.getRequestURI().getRawQuery();
        if (q == null) {
            return out;
        }
        for (String part : q.split("&")) {
            int i = part.indexOf('=');
            if (i > 0) {
                out.put(part.substring(0, i), URLDecoder.decode(part.substring(i + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    /** A JSON body, or a 400 problem as the office server answers it. */
    private static <T> T read(HttpExchange ex, Class<T> type) throws IOException {
        String text;
        try (InputStream in = ex.getRequestBody()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (text.isBlank()) {
            throw new Refused(400, "empty_body", "Le corps de la requête est vide : un objet JSON est attendu.");
        }
        try {
            T value = GSON.fromJson(text, type);
            if (value == null) {
                throw new Refused(400, "malformed_json", "Un objet JSON est attendu.");
            }
            return value;
        } catch (fr.mediance.protocol.json.WireFormatException e) {
            throw new Refused(400, "invalid_request", e.getMessage());
        } catch (com.google.gson.JsonParseException | IllegalStateException | NumberFormatException e) {
            throw new Refused(400, "malformed_json", "Le JSON est mal formé.");
        }
    }

    /** Ends a handler with a problem answer. */
    private static final class Refused extends RuntimeException {
        final int status;
        final String code;

        Refused(int status, String code, String detail) {
            super(detail);
            this.status = status;
            this.code = code;
        }
    }

    /** The structure's rounds settings as the fake holds them (office unknown until saved). */
    public volatile fr.mediance.protocol.PlanningSettingsDto planningSettings =
            new fr.mediance.protocol.PlanningSettingsDto(
                    null,
                    null,
                    fr.mediance.protocol.Rounds.DEFAULT_DETOUR_FACTOR,
                    fr.mediance.protocol.Rounds.DEFAULT_SPEED_KMH,
                    false,
                    null,
                    null);

    /** Saved working hours by counsellor id; a counsellor never saved answers {@code Rounds.standard}. */
    public final Map<String, fr.mediance.protocol.CounsellorScheduleDto> schedules =
            java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>());

    private boolean plans(String userId) {
        UserDto caller;
        synchronized (this) {
            caller = users.get(userId);
        }
        return caller != null && (caller.role() == Role.COORDINATOR || caller.role() == Role.ADMIN);
    }

    private void planningSettings(HttpExchange ex, String method, String userId) throws IOException {
        UserDto caller;
        synchronized (this) {
            caller = users.get(userId);
        }
        if (caller == null || caller.role() == Role.COUNSELLOR) {
            problem(ex, 403, "forbidden", "Les réglages des tournées sont réservés à la coordination et au bureau.");
            return;
        }
        if (method.equals("PUT")) {
            if (!plans(userId)) {
                problem(ex, 403, "forbidden", "Seule la coordination règle les tournées.");
                return;
            }
            fr.mediance.protocol.PlanningSettingsDto in = read(ex, fr.mediance.protocol.PlanningSettingsDto.class);
            var broken = fr.mediance.protocol.Rounds.check(in);
            if (broken.isPresent()) {
                problem(ex, 400, broken.get().code(), broken.get().message());
                return;
            }
            planningSettings = new fr.mediance.protocol.PlanningSettingsDto(
                    in.officeAddress(),
                    in.office(),
                    in.detourFactor(),
                    in.speedKmh(),
                    false,
                    Instant.parse("2026-11-27T08:00:00Z"),
                    userId);
        }
        json(ex, 200, planningSettings, fr.mediance.protocol.PlanningSettingsDto.class);
    }

    private void schedules(HttpExchange ex, String method, String path, String userId) throws IOException {
        if (!plans(userId)) {
            problem(ex, 403, "forbidden", "Seule la coordination consulte et règle les horaires.");
            return;
        }
        if (path.equals(ApiPaths.PLANNING_SCHEDULES)) {
            List<UserDto> counsellors;
            synchronized (this) {
                counsellors = users.values().stream()
                        .filter(u -> u.role() == Role.COUNSELLOR)
                        .sorted(java.util.Comparator.comparing(UserDto::displayName))
                        .toList();
            }
            List<fr.mediance.protocol.CounsellorScheduleDto> list = counsellors.stream()
                    .map(u -> schedules.getOrDefault(
                            u.id(), fr.mediance.protocol.Rounds.standard(u.id(), u.displayName())))
                    .toList();
            json(
                    ex,
                    200,
                    new fr.mediance.protocol.CounsellorSchedulesResponse(list),
                    fr.mediance.protocol.CounsellorSchedulesResponse.class);
            return;
        }
        String id = path.substring(ApiPaths.PLANNING_SCHEDULES.length() + 1);
        UserDto counsellor;
        synchronized (this) {
            counsellor = users.get(id);
        }
        if (counsellor == null || counsellor.role() != Role.COUNSELLOR) {
            problem(ex, 404, "not_found", "Ce conseiller est introuvable.");
            return;
        }
        if (method.equals("PUT")) {
            fr.mediance.protocol.CounsellorScheduleDto in = read(ex, fr.mediance.protocol.CounsellorScheduleDto.class);
            var broken = fr.mediance.protocol.Rounds.check(in);
            if (broken.isPresent()) {
                problem(ex, 400, broken.get().code(), broken.get().message());
                return;
            }
            schedules.put(
                    id,
                    new fr.mediance.protocol.CounsellorScheduleDto(
                            id,
                            counsellor.displayName(),
                            in.days(),
                            in.lunchEarliest(),
                            in.lunchLatest(),
                            in.lunchMinutes(),
                            in.daysOff(),
                            false,
                            Instant.parse("2026-11-27T08:00:00Z")));
        }
        json(
                ex,
                200,
                schedules.getOrDefault(id, fr.mediance.protocol.Rounds.standard(id, counsellor.displayName())),
                fr.mediance.protocol.CounsellorScheduleDto.class);
    }

    /**
     * What the fake answers to a week's proposal ({@code POST /planning/proposals}): the test sets it; null answers an
     * empty week. The proposal is not computed here: the office server's optimiser is checked against the same DTOs.
     */
    public volatile fr.mediance.protocol.WeekProposalDto weekProposal;

    /** The proposal requests received, in order. */
    public final List<fr.mediance.protocol.WeekProposalRequest> proposalRequests =
            java.util.Collections.synchronizedList(new ArrayList<>());

    private void weekProposal(HttpExchange ex, String method, String userId) throws IOException {
        if (!method.equals("POST")) {
            problem(ex, 405, "method_not_allowed", "Méthode refusée.");
            return;
        }
        if (!plans(userId)) {
            problem(ex, 403, "forbidden", "Seule la coordination propose une semaine de tournées.");
            return;
        }
        fr.mediance.protocol.WeekProposalRequest req = read(ex, fr.mediance.protocol.WeekProposalRequest.class);
        // the shape only (the fake has no clock: a past week is not refused here)
        java.util.Optional<fr.mediance.protocol.Casework.Violation> bad = req == null
                ? java.util.Optional.of(new fr.mediance.protocol.Casework.Violation(
                        "monday", "missing", "Indiquez la semaine à proposer."))
                : fr.mediance.protocol.Rounds.check(
                        req, req.monday() == null ? java.time.LocalDate.now() : req.monday());
        if (bad.isPresent()) {
            problem(ex, 400, bad.get().code(), bad.get().message());
            return;
        }
        proposalRequests.add(req);
        fr.mediance.protocol.WeekProposalDto answer = weekProposal;
        if (answer == null) {
            answer = new fr.mediance.protocol.WeekProposalDto(
                    req.monday(),
                    Instant.parse("2026-11-27T08:00:00Z"),
                    fr.mediance.protocol.Rounds.TRAVEL_STRAIGHT_LINE,
                    0,
                    0,
                    List.of(),
                    List.of(),
                    List.of());
        }
        json(ex, 200, answer, fr.mediance.protocol.WeekProposalDto.class);
    }

    /** The phone-calendar links the fake holds, by id (the caller's own only, as the real server does). */
    public final Map<String, fr.mediance.protocol.CalendarLinkDto> calendarLinks =
            java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>());

    private void calendarLinks(HttpExchange ex, String method, String path, String userId) throws IOException {
        Instant now = Instant.parse("2026-11-27T08:00:00Z");
        if (path.equals(ApiPaths.CALENDAR_LINKS) && method.equals("POST")) {
            String id = "link-" + (calendarLinks.size() + 1);
            fr.mediance.protocol.CalendarLinkDto link =
                    new fr.mediance.protocol.CalendarLinkDto(id, userId, now, userId, null, null);
            calendarLinks.put(id, link);
            String token = "secret-" + id;
            json(
                    ex,
                    201,
                    new fr.mediance.protocol.CalendarLinkCreatedDto(link, token, ApiPaths.calendarFeed(token)),
                    fr.mediance.protocol.CalendarLinkCreatedDto.class);
        } else if (path.equals(ApiPaths.CALENDAR_LINKS)) {
            List<fr.mediance.protocol.CalendarLinkDto> mine;
            synchronized (calendarLinks) {
                mine = calendarLinks.values().stream()
                        .filter(l -> l.counsellorId().equals(userId))
                        .toList();
            }
            json(
                    ex,
                    200,
                    new fr.mediance.protocol.CalendarLinksResponse(mine),
                    fr.mediance.protocol.CalendarLinksResponse.class);
        } else if (method.equals("DELETE")) {
            String id = path.substring(ApiPaths.CALENDAR_LINKS.length() + 1);
            fr.mediance.protocol.CalendarLinkDto old = calendarLinks.get(id);
            if (old == null || !old.counsellorId().equals(userId)) {
                problem(ex, 404, "not_found", "Ce lien de calendrier est introuvable.");
                return;
            }
            fr.mediance.protocol.CalendarLinkDto revoked = new fr.mediance.protocol.CalendarLinkDto(
                    old.id(), old.counsellorId(), old.createdAt(), old.createdBy(), old.lastUsedAt(), now);
            calendarLinks.put(id, revoked);
            json(ex, 200, revoked, fr.mediance.protocol.CalendarLinkDto.class);
        } else {
            problem(ex, 405, "method_not_allowed", "Méthode refusée.");
        }
    }

    private static <T> void json(HttpExchange ex, int status, T value, Class<T> type) throws IOException {
        send(ex, status, "application/json", GSON.toJson(value, type).getBytes(StandardCharsets.UTF_8));
    }

    /** An error as the office server writes it: problem+json, a stable code, French title and detail. */
    private static void problem(HttpExchange ex, int status, String code, String detail) throws IOException {
        if (status == 401) {
            ex.getResponseHeaders().set("WWW-Authenticate", "Bearer");
        }
        ProblemDto p = new ProblemDto(
                Problems.type(code),
                Problems.title(status),
                status,
                detail,
                ex.getRequestURI().getPath(),
                code,
                List.of());
        send(ex, status, ProblemDto.MEDIA_TYPE, GSON.toJson(p, ProblemDto.class).getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) {
            ex.getResponseHeaders().set("Content-Type", contentType);
        }
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }
}
