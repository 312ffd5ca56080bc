package fr.mediance.app.core.remote;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import fr.mediance.protocol.ApiPaths;
import fr.mediance.protocol.BlobReceiptDto;
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
import fr.mediance.protocol.UserDto;
import fr.mediance.protocol.UsersResponse;
import fr.mediance.protocol.json.MedianceJson;
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

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

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
    private final Object refreshLock = new Object();

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
        this.baseUrl = normaliseServerUrl(serverUrl)
                .orElseThrow(() -> new IllegalArgumentException("invalid server address"));
        this.deviceId = Objects.requireNonNull(deviceId, "deviceId");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        OkHttpClient client = http.newBuilder()
                .addInterceptor(chain -> {
                    Request req = chain.request();
                    Optional<String> token = this.tokens.accessToken();
                    if (token.isPresent() && req.header("Authorization") == null && !isAuthPath(req.url())) {
                        req = req.newBuilder().header("Authorization", "Bearer " + token.get()).build();
                    }
                    return chain.proceed(req);
                })
                .build();
        Retrofit retrofit = new Retrofit.Builder()
                .baseUrl(baseUrl)
                .client(client)
                .addConverterFactory(GsonConverterFactory.create(MedianceJson.gson()))
                .validateEagerly(true)
                .build();
        this.api = retrofit.create(MedianceApi.class);
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
        RemoteResult<LoginResponse> r = execute(api.login(new LoginRequest(username, new String(password), deviceId)));
        if (r instanceof RemoteResult.Ok<LoginResponse> ok) {
            tokens.update(ok.value().accessToken(), ok.value().refreshToken());
        }
        return r;
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

    /** The structure's active accounts, optionally of one role. */
    public RemoteResult<UsersResponse> users(Role role) {
        return authorised(a -> a.users(role == null ? null : role.code()));
    }

    public RemoteResult<PushResponse> push(PushRequest request) {
        return authorised(a -> a.push(request));
    }

    public RemoteResult<ChangesResponse> changes(String since, int limit) {
        int l = Math.max(1, Math.min(limit, Limits.MAX_CHANGES_PAGE));
        return authorised(a -> a.changes(since, l));
    }

    /** Whether the server already holds the blob (HEAD): Ok(true) on 200, Ok(false) on 404. */
    public RemoteResult<Boolean> blobExists(String sha256) {
        RemoteResult<Void> r = authorised(a -> a.blobExists(sha256));
        if (r instanceof RemoteResult.ClientError<Void> c && c.status() == 404) {
            return new RemoteResult.Ok<>(false);
        }
        return r.map(v -> true);
    }

    /**
     * Uploads a blob with its hash in {@code X-Content-SHA256}; the receipt must name the same hash and
     * size, otherwise the upload counts as failed (a {@link RemoteResult.ServerError} with status 0).
     */
    public RemoteResult<BlobReceiptDto> putBlob(String sha256, byte[] bytes) {
        RemoteResult<BlobReceiptDto> r = authorised(a -> a.putBlob(sha256, sha256, RequestBody.create(bytes, OCTET_STREAM)));
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
            return new RemoteResult.NetworkError<>(e.getClass().getSimpleName());
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
            return refreshed instanceof RemoteResult.NetworkError<Void> || refreshed instanceof RemoteResult.ServerError<Void>
                    ? refreshed.castFailure() : first;
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
                    || (r instanceof RemoteResult.ClientError<LoginResponse> c && (c.status() == 400 || c.status() == 403))) {
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
            return new RemoteResult.NetworkError<>(e.getClass().getSimpleName());
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
