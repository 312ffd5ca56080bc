package fr.mediance.app.core.remote;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import fr.mediance.protocol.ApiPaths;
import fr.mediance.protocol.BlobReceiptDto;
import fr.mediance.protocol.BlobsHeldRequest;
import fr.mediance.protocol.BlobsHeldResponse;
import fr.mediance.protocol.ChangesResponse;
import fr.mediance.protocol.HealthDto;
import fr.mediance.protocol.Limits;
import fr.mediance.protocol.LoginRequest;
import fr.mediance.protocol.LoginResponse;
import fr.mediance.protocol.ProblemDto;
import fr.mediance.protocol.PushRequest;
import fr.mediance.protocol.PushResponse;
import fr.mediance.protocol.RefreshRequest;
import fr.mediance.protocol.Role;
import fr.mediance.protocol.Tus;
import fr.mediance.protocol.UserDto;
import fr.mediance.protocol.UsersResponse;
import fr.mediance.protocol.json.MedianceJson;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.Response;
import retrofit2.Retrofit;
import retrofit2.converter.gson.GsonConverterFactory;

/**
 * The client side of the office API. Every method blocks (call it on a background executor) and returns a
 * {@link RemoteResult}; none throws for a network or server failure. Authenticated calls carry the access
 * token of the {@link TokenStore}; on a 401 the client refreshes the token once and retries the call once.
 * Never logs tokens, passwords or bodies.
 */
public final class RemoteClient {
    private static final System.Logger LOG = System.getLogger(RemoteClient.class.getName());
    private static final MediaType OCTET_STREAM = MediaType.get("application/octet-stream");
    private static final int MAX_ERROR_BODY = 64 * 1024;

    private final HttpUrl baseUrl;
    private final String deviceId;
    private final TokenStore tokens;
    private final MedianceApi api;
    private final OkHttpClient http;
    private final Object refreshLock = new Object();
    private final ServerTrust trust;

    /** Timeouts suited to a weak mobile link: a slow connect fails fast, a slow upload is allowed to finish. */
    public static OkHttpClient defaultHttpClient() {
        return new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofSeconds(30))
                .writeTimeout(Duration.ofSeconds(60))
                .callTimeout(Duration.ofMinutes(5))
                .retryOnConnectionFailure(true)
                .build();
    }

    public RemoteClient(String serverUrl, String deviceId, TokenStore tokens) {
        this(serverUrl, deviceId, tokens, defaultHttpClient());
    }

    /**
     * @param serverUrl the server address as the user typed it ({@link #normaliseServerUrl})
     * @param http a base client whose timeouts and pool are reused; an auth interceptor is added to a copy
     */
    public RemoteClient(String serverUrl, String deviceId, TokenStore tokens, OkHttpClient http) {
        this(serverUrl, deviceId, tokens, http, null);
    }

    /**
     * @param trust how the server's certificate is checked over HTTPS ({@link ServerTrust}: remembered at
     *     enrolment, then required); null for the system's certificate authorities
     */
    public RemoteClient(String serverUrl, String deviceId, TokenStore tokens, OkHttpClient http, ServerTrust trust) {
        this.baseUrl =
                normaliseServerUrl(serverUrl).orElseThrow(() -> new IllegalArgumentException("invalid server address"));
        this.deviceId = Objects.requireNonNull(deviceId, "deviceId");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.trust = baseUrl.isHttps() ? trust : null;
        OkHttpClient client = (this.trust == null ? http : this.trust.apply(http))
                .newBuilder()
                .addInterceptor(chain -> {
                    Request req = chain.request();
                    Optional<String> token = this.tokens.accessToken();
                    if (token.isPresent() && req.header("Authorization") == null && !isAuthPath(req.url())) {
                        req = req.newBuilder()
                                .header("Authorization", "Bearer " + token.get())
                                .build();
                    }
                    return chain.proceed(req);
                })
                .build();
        this.http = client;
        Retrofit retrofit = new Retrofit.Builder()
                .baseUrl(baseUrl)
                .client(client)
                .addConverterFactory(GsonConverterFactory.create(MedianceJson.gson()))
                .validateEagerly(true)
                .build();
        this.api = retrofit.create(MedianceApi.class);
    }

    /** How the server's certificate is checked; empty over plain HTTP or with the system's authorities. */
    public Optional<ServerTrust> trust() {
        return Optional.ofNullable(trust);
    }

    /** No answer: a refused certificate change is told apart from a plain network failure. */
    static <T> RemoteResult<T> networkError(IOException e) {
        return new RemoteResult.NetworkError<>(
                ServerTrust.isCertificateChange(e)
                        ? RemoteResult.CERTIFICATE_CHANGED
                        : e.getClass().getSimpleName());
    }

    private static boolean isAuthPath(HttpUrl url) {
        String p = url.encodedPath();
        return p.endsWith(ApiPaths.LOGIN) || p.endsWith(ApiPaths.REFRESH);
    }

    /**
     * The server address as a base URL: adds {@code https://} when no scheme is given and a trailing slash;
     * empty if it is not an http(s) address.
     */
    public static Optional<HttpUrl> normaliseServerUrl(String typed) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        String s = typed.trim();
        if (!s.contains("://")) {
            s = "https://" + s;
        }
        if (!s.endsWith("/")) {
            s = s + "/";
        }
        HttpUrl url = HttpUrl.parse(s);
        if (url == null || url.host().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(url);
    }

    /** The Gson used for bodies: always {@link MedianceJson#gson()} (reflection blocked). */
    public static Gson gson() {
        return MedianceJson.gson();
    }

    public HttpUrl baseUrl() {
        return baseUrl;
    }

    public String deviceId() {
        return deviceId;
    }

    /** The Retrofit proxy (for the self-check and tests). */
    public MedianceApi api() {
        return api;
    }

    public RemoteResult<HealthDto> health() {
        return execute(api.health());
    }

    /** Logs in and stores the tokens on success. */
    public RemoteResult<LoginResponse> login(String username, char[] password) {
        return login(username, password, null, null);
    }

    /**
     * Logs in with the second factor's code and, for a temporary password, the new one (either may be null);
     * stores the tokens on success.
     */
    public RemoteResult<LoginResponse> login(String username, char[] password, String totpCode, char[] newPassword) {
        RemoteResult<LoginResponse> r = execute(api.login(new LoginRequest(
                username,
                new String(password),
                deviceId,
                totpCode == null || totpCode.isBlank() ? null : totpCode.strip(),
                newPassword == null || newPassword.length == 0 ? null : new String(newPassword),
                fr.mediance.app.core.SelfCheck.class.getPackage().getImplementationVersion())));
        if (r instanceof RemoteResult.Ok<LoginResponse> ok) {
            tokens.update(ok.value().accessToken(), ok.value().refreshToken());
        }
        return r;
    }

    /** A new second-factor secret for an account that must enrol one (same credentials as a login). */
    public RemoteResult<fr.mediance.protocol.TotpEnrolmentDto> enrolTotp(String username, char[] password) {
        return execute(api.enrolTotp(new LoginRequest(username, new String(password), deviceId)));
    }

    /** Revokes the refresh token on the server (best effort) and forgets the tokens locally. */
    public RemoteResult<Void> logout() {
        Optional<String> refresh = tokens.refreshToken();
        RemoteResult<Void> r = refresh.isPresent()
                ? authorised(a -> a.logout(new RefreshRequest(refresh.get(), deviceId)))
                : new RemoteResult.Ok<>(null);
        tokens.clear();
        return r;
    }

    public RemoteResult<UserDto> me() {
        return authorised(MedianceApi::me);
    }

    /** The accounts the caller manages (admin, office). */
    public RemoteResult<fr.mediance.protocol.AccountsResponse> accounts() {
        return authorised(MedianceApi::accounts);
    }

    public RemoteResult<fr.mediance.protocol.AccountPasswordDto> createAccount(fr.mediance.protocol.AccountRequest r) {
        return authorised(a -> a.createAccount(r));
    }

    public RemoteResult<fr.mediance.protocol.AccountDto> updateAccount(
            String id, fr.mediance.protocol.AccountRequest r) {
        return authorised(a -> a.updateAccount(id, r));
    }

    public RemoteResult<fr.mediance.protocol.AccountPasswordDto> resetAccount(String id) {
        return authorised(a -> a.resetAccount(id));
    }

    public RemoteResult<fr.mediance.protocol.DevicesResponse> devices(String accountId) {
        return authorised(a -> a.devices(accountId));
    }

    public RemoteResult<fr.mediance.protocol.DeviceDto> revokeDevice(String deviceRef) {
        return authorised(a -> a.revokeDevice(deviceRef));
    }

    /** The caller's phone-calendar feed links (online only). */
    public RemoteResult<fr.mediance.protocol.CalendarLinksResponse> calendarLinks() {
        return authorised(a -> a.calendarLinks(null));
    }

    /** A new phone-calendar feed link for the caller: its secret is shown once. */
    public RemoteResult<fr.mediance.protocol.CalendarLinkCreatedDto> createCalendarLink() {
        return authorised(a -> a.createCalendarLink(null));
    }

    public RemoteResult<fr.mediance.protocol.CalendarLinkDto> revokeCalendarLink(String linkId) {
        return authorised(a -> a.revokeCalendarLink(linkId));
    }

    /** Asks the office server to propose a week of rounds (coordination, online only; nothing is saved). */
    public RemoteResult<fr.mediance.protocol.WeekProposalDto> proposeWeek(fr.mediance.protocol.WeekProposalRequest r) {
        return authorised(a -> a.proposeWeek(r));
    }

    /** The structure's rounds settings: office point, detour factor, speed (online only). */
    public RemoteResult<fr.mediance.protocol.PlanningSettingsDto> planningSettings() {
        return authorised(MedianceApi::planningSettings);
    }

    public RemoteResult<fr.mediance.protocol.PlanningSettingsDto> savePlanningSettings(
            fr.mediance.protocol.PlanningSettingsDto settings) {
        return authorised(a -> a.savePlanningSettings(settings));
    }

    /** Every active counsellor's working hours, lunch break and days off (online only). */
    public RemoteResult<fr.mediance.protocol.CounsellorSchedulesResponse> counsellorSchedules() {
        return authorised(MedianceApi::counsellorSchedules);
    }

    public RemoteResult<fr.mediance.protocol.CounsellorScheduleDto> saveCounsellorSchedule(
            fr.mediance.protocol.CounsellorScheduleDto schedule) {
        return authorised(a -> a.saveCounsellorSchedule(schedule.counsellorId(), schedule));
    }

    /** The full address of a path on this server (a feed's, to give a calendar app). */
    public String absoluteUrl(String path) {
        String base = baseUrl.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }

    /** The structure's active accounts, optionally of one role. */
    public RemoteResult<UsersResponse> users(Role role) {
        return authorised(a -> a.users(role == null ? null : role.code()));
    }

    /** The office's register of rights requests (GDPR), online only. */
    public RemoteResult<fr.mediance.protocol.RightsRequestsResponse> rightsRequests() {
        return authorised(MedianceApi::rightsRequests);
    }

    /** Records a new rights request (id null: the server makes one) or updates one (extension, answer). */
    public RemoteResult<fr.mediance.protocol.RightsRequestDto> saveRightsRequest(
            fr.mediance.protocol.RightsRequestDto request, boolean isNew) {
        return isNew
                ? authorised(a -> a.recordRightsRequest(request))
                : authorised(a -> a.updateRightsRequest(request.id(), request));
    }

    public RemoteResult<PushResponse> push(PushRequest request) {
        return authorised(a -> a.push(request));
    }

    /** Sends a batch of the device's audit events; the server stamps account and device from the token. */
    public RemoteResult<fr.mediance.protocol.AuditEventsReceipt> auditEvents(
            java.util.List<fr.mediance.protocol.AuditEventDto> events) {
        return authorised(a -> a.auditEvents(new fr.mediance.protocol.AuditEventsRequest(events)));
    }

    /** A filter of the audit log; null fields do not filter ({@code from}, {@code to}: inclusive days). */
    public record AuditQuery(
            String resident, String account, String action, java.time.LocalDate from, java.time.LocalDate to) {}

    /** One page of the audit log (admin only), newest first; {@code before} null for the first page. */
    public RemoteResult<fr.mediance.protocol.AuditPage> audit(AuditQuery q, String before, int limit) {
        return authorised(a -> a.audit(
                blankToNull(q.resident()),
                blankToNull(q.account()),
                blankToNull(q.action()),
                q.from() == null ? null : q.from().toString(),
                q.to() == null ? null : q.to().toString(),
                before,
                limit));
    }

    /** What is held about a resident, as {@code format} (pdf, html, json, zip): the bytes to save. */
    public RemoteResult<byte[]> residentExport(String residentId, String format) {
        RemoteResult<ResponseBody> r = authorised(a -> a.residentExport(residentId, format));
        if (!(r instanceof RemoteResult.Ok<ResponseBody> ok)) {
            return r.castFailure();
        }
        try (ResponseBody body = ok.value()) {
            if (body == null) {
                return new RemoteResult.NetworkError<>("empty body");
            }
            return new RemoteResult.Ok<>(body.bytes());
        } catch (IOException e) {
            return new RemoteResult.NetworkError<>(e.getClass().getSimpleName());
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public RemoteResult<ChangesResponse> changes(String since, int limit) {
        int l = Math.max(1, Math.min(limit, Limits.MAX_CHANGES_PAGE));
        return authorised(a -> a.changes(since, l));
    }

    /**
     * Whether the server holds the blob and this account may have it (HEAD: it sent it, or may see a document whose
     * author sent it): Ok(true) on 200, Ok(false) on 404. Whether a photo must still be sent is {@link #blobsHeld}.
     */
    public RemoteResult<Boolean> blobExists(String sha256) {
        RemoteResult<Void> r = authorised(a -> a.blobExists(sha256));
        if (r instanceof RemoteResult.ClientError<Void> c && c.status() == 404) {
            return new RemoteResult.Ok<>(false);
        }
        return r.map(v -> true);
    }

    /**
     * Which of these blobs the server already holds, complete and verified, as sent by this account (one request per
     * {@link Limits#MAX_BLOBS_HELD_QUERY} hashes): the others are to be uploaded, even if someone else sent the same
     * bytes (sending them is what gives this account's documents their file). Only hashes that were
     * asked are kept from the answer. A server without this route answers 404 or 405 (a
     * {@link RemoteResult.ClientError}): then ask {@link #blobExists} for each blob.
     */
    public RemoteResult<Set<String>> blobsHeld(Collection<String> sha256s) {
        List<String> asked = List.copyOf(new LinkedHashSet<>(sha256s));
        Set<String> held = new LinkedHashSet<>();
        for (int from = 0; from < asked.size(); from += Limits.MAX_BLOBS_HELD_QUERY) {
            List<String> batch = asked.subList(from, Math.min(asked.size(), from + Limits.MAX_BLOBS_HELD_QUERY));
            RemoteResult<BlobsHeldResponse> r = authorised(a -> a.blobsHeld(new BlobsHeldRequest(batch)));
            if (!(r instanceof RemoteResult.Ok<BlobsHeldResponse> ok)) {
                return r.castFailure();
            }
            if (ok.value() != null) {
                Set<String> inBatch = new HashSet<>(batch);
                ok.value().held().stream().filter(inBatch::contains).forEach(held::add);
            }
        }
        return new RemoteResult.Ok<>(held);
    }

    /**
     * Uploads a blob with its hash in {@code X-Content-SHA256}; the receipt must name the same hash and
     * size, otherwise the upload counts as failed (a {@link RemoteResult.ServerError} with status 0).
     */
    public RemoteResult<BlobReceiptDto> putBlob(String sha256, byte[] bytes) {
        RemoteResult<BlobReceiptDto> r =
                authorised(a -> a.putBlob(sha256, sha256, RequestBody.create(bytes, OCTET_STREAM)));
        if (r instanceof RemoteResult.Ok<BlobReceiptDto> ok) {
            BlobReceiptDto receipt = ok.value();
            if (receipt == null || !sha256.equals(receipt.sha256()) || receipt.sizeBytes() != bytes.length) {
                LOG.log(Level.WARNING, "blob receipt does not match what was sent");
                return new RemoteResult.ServerError<>(0, null);
            }
        }
        return r;
    }

    /** Downloads a blob; the bytes are checked against the hash (a mismatch is a {@link RemoteResult.NetworkError}). */
    public RemoteResult<byte[]> getBlob(String sha256) {
        RemoteResult<ResponseBody> r = authorised(a -> a.getBlob(sha256));
        if (!(r instanceof RemoteResult.Ok<ResponseBody> ok)) {
            return r.castFailure();
        }
        try (ResponseBody body = ok.value()) {
            if (body == null) {
                return new RemoteResult.NetworkError<>("empty body");
            }
            if (body.contentLength() > Limits.MAX_BLOB_BYTES) {
                return new RemoteResult.ClientError<>(413, null);
            }
            byte[] bytes = body.bytes();
            if (!fr.mediance.app.core.store.Crypto.sha256Hex(bytes).equals(sha256)) {
                return new RemoteResult.NetworkError<>("downloaded blob does not match its hash");
            }
            return new RemoteResult.Ok<>(bytes);
        } catch (IOException e) {
            return networkError(e);
        }
    }

    // ---------------------------------------------------------------- resumable uploads (tus 1.0)

    /**
     * What the server announced in {@code OPTIONS /uploads}: the chunk to start with, and the largest one it
     * accepts ({@code maxChunkSize}, the chunk size when the server does not say).
     */
    public record TusOptions(long maxSize, int chunkSize, int maxChunkSize, boolean creationWithUpload) {}

    /** A created upload: where to send the bytes, and how many the server already has. */
    public record TusCreated(String uploadUrl, long offset) {}

    private static final MediaType OFFSET_STREAM = MediaType.get(Tus.OFFSET_OCTET_STREAM);
    private static final int MIN_CHUNK = 16 * 1024;
    private static final int MAX_CHUNK = 8 * 1024 * 1024;

    /**
     * {@code OPTIONS /uploads}: the server's limits. A server without resumable uploads answers 404 or 405 (a
     * {@link RemoteResult.ClientError}); then the client falls back to {@link #putBlob}.
     */
    public RemoteResult<TusOptions> tusOptions() {
        RemoteResult<okhttp3.Headers> r = authorisedRaw(() -> tusRequest(baseUrl.resolve(ApiPaths.UPLOADS))
                .method("OPTIONS", null)
                .build());
        return r.map(h -> {
            long max = parseLong(h.get(Tus.TUS_MAX_SIZE), Limits.MAX_BLOB_BYTES);
            long chunk = parseLong(h.get(Tus.CHUNK_SIZE), Limits.DEFAULT_CHUNK_BYTES);
            String ext = h.get(Tus.TUS_EXTENSION);
            boolean withUpload = ext != null
                    && java.util.Arrays.stream(ext.split(","))
                            .anyMatch(e -> e.trim().equals("creation-with-upload"));
            int start = (int) Math.max(MIN_CHUNK, Math.min(MAX_CHUNK, chunk));
            long largest = parseLong(h.get(Tus.MAX_CHUNK_SIZE), start);
            return new TusOptions(
                    max <= 0 ? Limits.MAX_BLOB_BYTES : max,
                    start,
                    (int) Math.max(start, Math.min(MAX_CHUNK, largest)),
                    withUpload);
        });
    }

    /**
     * {@code POST /uploads}: creates an upload of {@code length} bytes named by their SHA-256. With
     * {@code firstChunk} (creation-with-upload) the first {@code firstLen} bytes travel in the same request.
     * {@code written} is told how many bytes of the body have been written so far.
     */
    public RemoteResult<TusCreated> tusCreate(
            String sha256,
            long length,
            String fileType,
            String fileName,
            byte[] firstChunk,
            int firstLen,
            java.util.function.LongConsumer written) {
        String metadata = Tus.META_SHA256 + " " + b64(sha256.getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                + (fileType == null
                        ? ""
                        : "," + Tus.META_FILETYPE + " "
                                + b64(fileType.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                + (fileName == null
                        ? ""
                        : "," + Tus.META_FILENAME + " "
                                + b64(fileName.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        RemoteResult<okhttp3.Response> r = authorisedResponse(() -> {
            Request.Builder b = tusRequest(baseUrl.resolve(ApiPaths.UPLOADS))
                    .header(Tus.UPLOAD_LENGTH, Long.toString(length))
                    .header(Tus.UPLOAD_METADATA, metadata);
            if (firstChunk != null && firstLen > 0) {
                b.header(Tus.UPLOAD_CHECKSUM, checksum(firstChunk, 0, firstLen))
                        .post(new ChunkBody(firstChunk, 0, firstLen, written));
            } else {
                b.post(RequestBody.create(new byte[0], null));
            }
            return b.build();
        });
        if (!(r instanceof RemoteResult.Ok<okhttp3.Response> ok)) {
            return r.castFailure();
        }
        okhttp3.Response response = ok.value();
        String location = response.header("Location");
        HttpUrl url = location == null ? null : response.request().url().resolve(location);
        if (url == null) {
            LOG.log(Level.WARNING, "upload created without a usable Location");
            return new RemoteResult.ServerError<>(0, null);
        }
        long offset = parseLong(response.header(Tus.UPLOAD_OFFSET), 0);
        return new RemoteResult.Ok<>(new TusCreated(storable(url), Math.max(0, Math.min(offset, length))));
    }

    /** {@code HEAD} of an upload: the offset the server has committed. 404/410: the server lost it. */
    public RemoteResult<Long> tusOffset(String uploadUrl) {
        HttpUrl url = resolveUpload(uploadUrl);
        if (url == null) {
            return new RemoteResult.ClientError<>(404, null);
        }
        RemoteResult<okhttp3.Headers> r = authorisedRaw(
                () -> tusRequest(url).head().header("Cache-Control", "no-store").build());
        if (!(r instanceof RemoteResult.Ok<okhttp3.Headers> ok)) {
            return r.castFailure();
        }
        long offset = parseLong(ok.value().get(Tus.UPLOAD_OFFSET), -1);
        return offset < 0 ? new RemoteResult.ServerError<>(0, null) : new RemoteResult.Ok<>(offset);
    }

    /**
     * {@code PATCH} of one chunk: {@code len} bytes of {@code data} from {@code from}, to be written at
     * {@code offset}, with their SHA-256 in {@code Upload-Checksum}. Answers the new offset. 409: wrong
     * offset (ask {@link #tusOffset}); 460: the checksum failed (send the chunk again); 404/410: the upload
     * is gone (create another).
     */
    public RemoteResult<Long> tusPatch(
            String uploadUrl, long offset, byte[] data, int from, int len, java.util.function.LongConsumer written) {
        HttpUrl url = resolveUpload(uploadUrl);
        if (url == null) {
            return new RemoteResult.ClientError<>(404, null);
        }
        String sum = checksum(data, from, len);
        RemoteResult<okhttp3.Headers> r = authorisedRaw(() -> tusRequest(url)
                .header(Tus.UPLOAD_OFFSET, Long.toString(offset))
                .header(Tus.UPLOAD_CHECKSUM, sum)
                .patch(new ChunkBody(data, from, len, written))
                .build());
        if (!(r instanceof RemoteResult.Ok<okhttp3.Headers> ok)) {
            return r.castFailure();
        }
        long next = parseLong(ok.value().get(Tus.UPLOAD_OFFSET), -1);
        return next < 0 ? new RemoteResult.ServerError<>(0, null) : new RemoteResult.Ok<>(next);
    }

    /** An upload address as kept in the local store: the path when it is on this server (so it survives a change of port). */
    private String storable(HttpUrl url) {
        if (url.scheme().equals(baseUrl.scheme())
                && url.host().equals(baseUrl.host())
                && url.port() == baseUrl.port()) {
            String q = url.encodedQuery();
            return url.encodedPath() + (q == null ? "" : "?" + q);
        }
        return url.toString();
    }

    private HttpUrl resolveUpload(String stored) {
        return stored == null ? null : baseUrl.resolve(stored);
    }

    private static Request.Builder tusRequest(HttpUrl url) {
        return new Request.Builder().url(url).header(Tus.TUS_RESUMABLE, Tus.VERSION);
    }

    /** {@code sha256 <base64>} of a chunk. */
    static String checksum(byte[] data, int from, int len) {
        try {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            md.update(data, from, len);
            return "sha256 " + b64(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(byte[] b) {
        return java.util.Base64.getEncoder().encodeToString(b);
    }

    private static long parseLong(String s, long fallback) {
        if (s == null) {
            return fallback;
        }
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** A slice of a byte array as a request body, telling how much has been written. */
    private static final class ChunkBody extends RequestBody {
        private static final int SLICE = 16 * 1024;
        private final byte[] data;
        private final int from;
        private final int len;
        private final java.util.function.LongConsumer written;

        ChunkBody(byte[] data, int from, int len, java.util.function.LongConsumer written) {
            this.data = data;
            this.from = from;
            this.len = len;
            this.written = written;
        }

        @Override
        public MediaType contentType() {
            return OFFSET_STREAM;
        }

        @Override
        public long contentLength() {
            return len;
        }

        @Override
        public void writeTo(okio.BufferedSink sink) throws IOException {
            int done = 0;
            while (done < len) {
                int n = Math.min(SLICE, len - done);
                sink.write(data, from + done, n);
                sink.emit();
                done += n;
                if (written != null) {
                    written.accept(done);
                }
            }
        }
    }

    /** A raw authenticated request answering its headers; 401 refreshes the token once and retries. */
    private RemoteResult<okhttp3.Headers> authorisedRaw(java.util.function.Supplier<Request> request) {
        return authorisedResponse(request).map(okhttp3.Response::headers);
    }

    private RemoteResult<okhttp3.Response> authorisedResponse(java.util.function.Supplier<Request> request) {
        String tokenUsed = tokens.accessToken().orElse(null);
        RemoteResult<okhttp3.Response> first = executeRaw(request.get());
        if (!(first instanceof RemoteResult.Unauthorised<okhttp3.Response>)) {
            return first;
        }
        RemoteResult<Void> refreshed = refresh(tokenUsed);
        if (!refreshed.isOk()) {
            return refreshed instanceof RemoteResult.NetworkError<Void>
                            || refreshed instanceof RemoteResult.ServerError<Void>
                    ? refreshed.castFailure()
                    : first;
        }
        return executeRaw(request.get());
    }

    /** Runs one raw request; the body is read (and closed) here, the answer keeps status and headers. */
    private RemoteResult<okhttp3.Response> executeRaw(Request request) {
        try (okhttp3.Response response = http.newCall(request).execute()) {
            int status = response.code();
            if (response.isSuccessful()) {
                return new RemoteResult.Ok<>(response);
            }
            ProblemDto problem = readProblem(response.body());
            if (status == 401) {
                return new RemoteResult.Unauthorised<>(problem);
            }
            if (status >= 400 && status < 500) {
                return new RemoteResult.ClientError<>(status, problem);
            }
            return new RemoteResult.ServerError<>(status, problem);
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "network failure: {0}", e.getClass().getSimpleName());
            return networkError(e);
        }
    }

    /** Largest thumbnail accepted (they are about 20–40 KB). */
    static final long MAX_THUMBNAIL_BYTES = 2L * 1024 * 1024;

    /** Downloads the server's thumbnail of an image blob (a JPEG; not checked against a hash). */
    public RemoteResult<byte[]> getThumbnail(String sha256) {
        RemoteResult<ResponseBody> r = authorised(a -> a.getThumbnail(sha256));
        if (!(r instanceof RemoteResult.Ok<ResponseBody> ok)) {
            return r.castFailure();
        }
        try (ResponseBody body = ok.value()) {
            if (body == null) {
                return new RemoteResult.NetworkError<>("empty body");
            }
            if (body.contentLength() > MAX_THUMBNAIL_BYTES) {
                return new RemoteResult.ClientError<>(413, null);
            }
            byte[] bytes = body.source().readByteArray();
            if (bytes.length == 0 || bytes.length > MAX_THUMBNAIL_BYTES) {
                return new RemoteResult.NetworkError<>("unusable thumbnail");
            }
            return new RemoteResult.Ok<>(bytes);
        } catch (IOException e) {
            return networkError(e);
        }
    }

    /**
     * Runs an authenticated call; on 401, refreshes the access token once with the stored refresh token and
     * runs the call again. A refused refresh clears the tokens and gives {@link RemoteResult.Unauthorised}.
     */
    <T> RemoteResult<T> authorised(Function<MedianceApi, Call<T>> call) {
        String tokenUsed = tokens.accessToken().orElse(null);
        RemoteResult<T> first = execute(call.apply(api));
        if (!(first instanceof RemoteResult.Unauthorised<T>)) {
            return first;
        }
        RemoteResult<Void> refreshed = refresh(tokenUsed);
        if (!refreshed.isOk()) {
            return refreshed instanceof RemoteResult.NetworkError<Void>
                            || refreshed instanceof RemoteResult.ServerError<Void>
                    ? refreshed.castFailure()
                    : first;
        }
        return execute(call.apply(api));
    }

    /** Refreshes the tokens unless another thread already did since {@code tokenUsed} was read. */
    RemoteResult<Void> refresh(String tokenUsed) {
        synchronized (refreshLock) {
            String now = tokens.accessToken().orElse(null);
            if (now != null && !now.equals(tokenUsed)) {
                return new RemoteResult.Ok<>(null);
            }
            Optional<String> refresh = tokens.refreshToken();
            if (refresh.isEmpty()) {
                return new RemoteResult.Unauthorised<>(null);
            }
            RemoteResult<LoginResponse> r = execute(api.refresh(new RefreshRequest(refresh.get(), deviceId)));
            if (r instanceof RemoteResult.Ok<LoginResponse> ok) {
                tokens.update(ok.value().accessToken(), ok.value().refreshToken());
                LOG.log(Level.DEBUG, "access token refreshed");
                return new RemoteResult.Ok<>(null);
            }
            if (r instanceof RemoteResult.Unauthorised<LoginResponse>
                    || (r instanceof RemoteResult.ClientError<LoginResponse> c
                            && (c.status() == 400 || c.status() == 403))) {
                LOG.log(Level.INFO, "refresh token refused: the session has ended");
                tokens.clear();
                return new RemoteResult.Unauthorised<>(problemOf(r));
            }
            return r.castFailure();
        }
    }

    private static ProblemDto problemOf(RemoteResult<?> r) {
        if (r instanceof RemoteResult.Unauthorised<?> u) {
            return u.problem();
        }
        if (r instanceof RemoteResult.ClientError<?> c) {
            return c.problem();
        }
        return null;
    }

    /** Runs one call and turns every outcome into a value. */
    static <T> RemoteResult<T> execute(Call<T> call) {
        Response<T> response;
        try {
            response = call.execute();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "network failure: {0}", e.getClass().getSimpleName());
            return networkError(e);
        } catch (JsonParseException e) {
            LOG.log(Level.WARNING, "unreadable answer from the server: {0}", e.getMessage());
            return new RemoteResult.NetworkError<>("invalid response: " + e.getMessage());
        }
        if (response.isSuccessful()) {
            return new RemoteResult.Ok<>(response.body());
        }
        int status = response.code();
        ProblemDto problem = readProblem(response.errorBody());
        if (status == 401) {
            return new RemoteResult.Unauthorised<>(problem);
        }
        if (status >= 400 && status < 500) {
            return new RemoteResult.ClientError<>(status, problem);
        }
        return new RemoteResult.ServerError<>(status, problem);
    }

    private static ProblemDto readProblem(ResponseBody body) {
        if (body == null) {
            return null;
        }
        try (body) {
            if (body.contentLength() > MAX_ERROR_BODY) {
                return null;
            }
            String text = body.string();
            if (text.isBlank() || !text.trim().startsWith("{")) {
                return null;
            }
            return MedianceJson.gson().fromJson(text, ProblemDto.class);
        } catch (IOException | JsonParseException e) {
            return null;
        }
    }
}
