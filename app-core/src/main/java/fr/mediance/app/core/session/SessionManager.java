package fr.mediance.app.core.session;

import fr.mediance.app.core.CoreMessages;
import fr.mediance.app.core.Outcome;
import fr.mediance.app.core.remote.RemoteClient;
import fr.mediance.app.core.remote.RemoteResult;
import fr.mediance.app.core.remote.ServerTrust;
import fr.mediance.app.core.remote.TokenStore;
import fr.mediance.app.core.store.BlobFiles;
import fr.mediance.app.core.store.Crypto;
import fr.mediance.app.core.store.Database;
import fr.mediance.app.core.store.Records;
import fr.mediance.app.core.store.StoreException;
import fr.mediance.app.core.store.StoreHolder;
import fr.mediance.protocol.LoginResponse;
import fr.mediance.protocol.UserDto;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.stream.Stream;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import okhttp3.OkHttpClient;

/**
 * The session of one device data directory: online login, PIN → data key, unlock offline, lock, logout and
 * wipe. The refresh token is kept inside the encrypted database, the access token in memory only.
 */
public final class SessionManager implements SessionService {
    private static final System.Logger LOG = System.getLogger(SessionManager.class.getName());
    /** PBKDF2 iterations for a new PIN (OWASP 2023 figure for PBKDF2-HMAC-SHA256). */
    public static final int DEFAULT_PIN_ITERATIONS = 310_000;

    public static final String DATABASE_FILE = "mediance.db";
    public static final String BLOB_DIRECTORY = "blobs";
    static final String SETTING_REFRESH_TOKEN = "session.refresh_token";
    /** The server's public key remembered at enrolment ({@link ServerTrust}), in the encrypted store. */
    static final String SETTING_SERVER_PIN = "session.server_pin";

    static final int FREE_ATTEMPTS = 5;
    static final Duration FIRST_DELAY = Duration.ofSeconds(30);
    static final Duration MAX_DELAY = Duration.ofHours(1);

    private final Path dataDir;
    private final Clock clock;
    private final StoreHolder store;
    private final Executor ui;
    /** The base HTTP client given, or null until {@link #http()} makes the default one. */
    private OkHttpClient http; // guarded by httpLock

    private final Object httpLock = new Object();
    private final int pinIterations;
    private final AccountFile accountFile;
    private final ReadOnlyObjectWrapper<SessionState> stateProperty;
    private final List<Runnable> unlockListeners = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();

    private volatile SessionState state;
    private volatile AccountFile.Content account;
    private volatile RemoteClient remote;
    /**
     * The account of an unlocked session whose remote client is not made yet: it is made at its first use
     * ({@link #remoteClient()}), not during the unlock, as making one takes a while (its service is checked
     * method by method) and the offline unlock does not need it.
     */
    private volatile AccountFile.Content remoteAccount;

    private final Object remoteLock = new Object();
    private volatile PendingLogin pending;
    private final StoredTokens tokens = new StoredTokens();

    /** A successful online login waiting for its PIN. */
    private record PendingLogin(
            String serverUrl, String deviceId, UserDto user, RemoteClient client, TokenStore tokens, String pin) {}

    /**
     * @param http base OkHttp client, or null for {@link RemoteClient#defaultHttpClient()}, made at the first request
     *             (it loads the TLS trust store: not while the app starts)
     */
    public SessionManager(
            Path dataDir, Clock clock, StoreHolder store, Executor ui, OkHttpClient http, int pinIterations) {
        this.dataDir = dataDir;
        this.clock = clock;
        this.store = store;
        this.ui = ui;
        this.http = http;
        this.pinIterations = pinIterations;
        this.accountFile = new AccountFile(dataDir);
        Optional<AccountFile.Content> existing = readAccount(accountFile);
        this.account = existing.orElse(null);
        this.state = existing.isPresent() ? SessionState.LOCKED : SessionState.NO_ACCOUNT;
        this.stateProperty = new ReadOnlyObjectWrapper<>(this, "state", state);
    }

    /** The base HTTP client, the default one made at the first call. */
    private OkHttpClient http() {
        synchronized (httpLock) {
            if (http == null) {
                http = RemoteClient.defaultHttpClient();
            }
            return http;
        }
    }

    /**
     * Writes the account file of a device whose store was built elsewhere with {@code dataKey} (benchmarks:
     * a generated store of realistic size, then unlocked by the app with {@code pin} as every morning). The
     * key is wrapped exactly as {@link #choosePin} wraps it. The caller wipes {@code dataKey}.
     */
    public static void provisionDevice(Path dataDir, AccountInfo who, char[] pin, int iterations, byte[] dataKey) {
        if (!validPin(pin)) {
            throw new IllegalArgumentException("a PIN has 6 digits");
        }
        PinKeys.Wrapped w = PinKeys.wrap(dataKey, pin, iterations);
        new AccountFile(dataDir)
                .write(new AccountFile.Content(
                        who.serverUrl(),
                        who.userId(),
                        who.username(),
                        who.displayName(),
                        who.role(),
                        who.structureId(),
                        who.deviceId(),
                        PinKeys.KDF,
                        w.iterations(),
                        w.salt(),
                        w.wrappedKey(),
                        0,
                        null));
    }

    /**
     * The account file, or empty if there is none. An unreadable file is set aside (renamed, never deleted) so
     * that the app starts on the sign-in screen instead of failing at every start.
     */
    private static Optional<AccountFile.Content> readAccount(AccountFile file) {
        try {
            return file.read();
        } catch (StoreException e) {
            if (e.kind() != StoreException.Kind.CORRUPTED) {
                throw e;
            }
            LOG.log(Level.ERROR, "the account file is unreadable; it is set aside and a new sign-in is needed");
            try {
                Files.move(
                        file.path(),
                        file.path().resolveSibling(AccountFile.NAME + ".unreadable"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException io) {
                throw new StoreException(StoreException.Kind.IO, "cannot set the account file aside", io);
            }
            return Optional.empty();
        }
    }

    @Override
    public ReadOnlyObjectProperty<SessionState> stateProperty() {
        return stateProperty.getReadOnlyProperty();
    }

    @Override
    public SessionState state() {
        return state;
    }

    private void setState(SessionState s) {
        state = s;
        ui.execute(() -> stateProperty.set(s));
    }

    @Override
    public Optional<AccountInfo> account() {
        AccountFile.Content c = account;
        if (c != null) {
            return Optional.of(c.info());
        }
        PendingLogin p = pending;
        if (p != null) {
            return Optional.of(infoOf(p));
        }
        return Optional.empty();
    }

    private static AccountInfo infoOf(PendingLogin p) {
        UserDto u = p.user();
        return new AccountInfo(
                u.id(), u.username(), u.displayName(), u.role(), u.structureId(), p.serverUrl(), p.deviceId());
    }

    /** The signed-in account; fails with LOCKED unless the store is unlocked. */
    public AccountInfo currentAccount() {
        AccountFile.Content c = account;
        if (state != SessionState.UNLOCKED || c == null) {
            throw new StoreException(StoreException.Kind.LOCKED, "no unlocked session");
        }
        return c.info();
    }

    /** The remote client of the unlocked session (or of a login waiting for its PIN). */
    public Optional<RemoteClient> remote() {
        RemoteClient r = state == SessionState.UNLOCKED ? remoteClient() : null;
        if (r != null && state == SessionState.UNLOCKED) {
            return Optional.of(r);
        }
        PendingLogin p = pending;
        return p == null ? Optional.empty() : Optional.of(p.client());
    }

    /** The remote client of the unlocked account, made at the first call after an unlock; null when locked. */
    private RemoteClient remoteClient() {
        RemoteClient r = remote;
        if (r != null) {
            return r;
        }
        synchronized (remoteLock) {
            AccountFile.Content c = remoteAccount;
            if (remote == null && c != null) {
                remote = new RemoteClient(c.serverUrl(), c.deviceId(), tokens, http(), storedTrust());
            }
            return remote;
        }
    }

    /**
     * The certificate check of the unlocked account: the public key remembered at enrolment; an account enrolled
     * before keys were remembered (or over plain HTTP) remembers the one it meets next.
     */
    private ServerTrust storedTrust() {
        Optional<String> pin = store.current().flatMap(db -> db.read(tx -> tx.setting(SETTING_SERVER_PIN)));
        if (pin.isPresent()) {
            return ServerTrust.pinned(pin.get());
        }
        return ServerTrust.firstUse(seen -> store.current()
                .ifPresent(db -> db.inTransaction(tx -> {
                    tx.putSetting(SETTING_SERVER_PIN, seen);
                })));
    }

    /** Sets the remote client of the session, or the account whose client is made at its first use. */
    private void setRemote(RemoteClient client, AccountFile.Content lazily) {
        synchronized (remoteLock) {
            remote = client;
            remoteAccount = lazily;
        }
    }

    /** Runs after each unlock (and after the PIN is chosen), on the unlocking thread. */
    public void addUnlockListener(Runnable r) {
        unlockListeners.add(r);
    }

    @Override
    public Outcome<AccountInfo> login(String serverUrl, String username, char[] password) {
        return login(serverUrl, username, password, null, null);
    }

    @Override
    public Outcome<fr.mediance.protocol.TotpEnrolmentDto> enrolTotp(
            String serverUrl, String username, char[] password) {
        Optional<okhttp3.HttpUrl> url = RemoteClient.normaliseServerUrl(serverUrl);
        if (url.isEmpty() || username == null || username.isBlank() || password == null || password.length == 0) {
            return Outcome.failed(CoreMessages.get("login.badCredentials"));
        }
        // not enrolled yet: the certificate is met for the first time here, as at the login that follows
        RemoteClient client = new RemoteClient(
                url.get().toString(),
                UUID.randomUUID().toString(),
                TokenStore.inMemory(),
                http(),
                ServerTrust.firstUse(null));
        RemoteResult<fr.mediance.protocol.TotpEnrolmentDto> r = client.enrolTotp(username.trim(), password);
        if (r instanceof RemoteResult.Ok<fr.mediance.protocol.TotpEnrolmentDto> ok) {
            return Outcome.ok(ok.value());
        }
        return Outcome.failed(loginFailure(r));
    }

    @Override
    public Outcome<AccountInfo> login(
            String serverUrl, String username, char[] password, String totpCode, char[] newPassword) {
        try {
            Map<String, String> errors = new LinkedHashMap<>();
            Optional<okhttp3.HttpUrl> url = RemoteClient.normaliseServerUrl(serverUrl);
            if (url.isEmpty()) {
                errors.put("serverUrl", CoreMessages.get("login.serverUrl.invalid"));
            }
            if (username == null || username.isBlank()) {
                errors.put("username", CoreMessages.get("login.username.required"));
            }
            if (password == null || password.length == 0) {
                errors.put("password", CoreMessages.get("login.password.required"));
            }
            if (!errors.isEmpty()) {
                return Outcome.invalid(errors);
            }
            if (state == SessionState.LOCKED || state == SessionState.UNLOCKED) {
                return Outcome.failed(CoreMessages.get("login.accountExists"));
            }
            String base = url.get().toString();
            String deviceId = UUID.randomUUID().toString();
            TokenStore memory = TokenStore.inMemory();
            // enrolment: the server's certificate is remembered (trust on first use)
            RemoteClient client = new RemoteClient(base, deviceId, memory, http(), ServerTrust.firstUse(null));
            RemoteResult<LoginResponse> r = client.login(username.trim(), password, totpCode, newPassword);
            if (!(r instanceof RemoteResult.Ok<LoginResponse> ok)) {
                LOG.log(Level.INFO, "login failed: {0}", r.getClass().getSimpleName());
                Optional<Map<String, String>> step = missingStep(r);
                if (step.isPresent()) {
                    return Outcome.invalid(step.get());
                }
                return Outcome.failed(loginFailure(r));
            }
            notice = null;
            UserDto user = ok.value().user();
            if (user == null || user.id() == null) {
                return Outcome.failed(CoreMessages.get("remote.serverError", 0));
            }
            synchronized (lock) {
                pending = new PendingLogin(
                        base,
                        deviceId,
                        user,
                        client,
                        memory,
                        client.trust().flatMap(ServerTrust::seen).orElse(null));
                setState(SessionState.PIN_REQUIRED);
            }
            LOG.log(Level.INFO, "signed in, waiting for a PIN");
            return Outcome.ok(infoOf(pending));
        } finally {
            Crypto.wipe(password);
        }
    }

    /** The login step the server asks for (second factor, its enrolment, a new password), as a field error. */
    private static Optional<Map<String, String>> missingStep(RemoteResult<?> r) {
        fr.mediance.protocol.ProblemDto p = r instanceof RemoteResult.Unauthorised<?> u
                ? u.problem()
                : r instanceof RemoteResult.ClientError<?> c ? c.problem() : null;
        if (p == null || p.code() == null) {
            return Optional.empty();
        }
        String detail = p.detail() == null || p.detail().isBlank() ? r.userMessage() : p.detail();
        return switch (p.code()) {
            case fr.mediance.protocol.Accounts.TOTP_REQUIRED, fr.mediance.protocol.Accounts.INVALID_TOTP ->
                Optional.of(Map.of("totpCode", detail));
            case fr.mediance.protocol.Accounts.TOTP_ENROLMENT_REQUIRED -> Optional.of(Map.of("totpEnrolment", detail));
            case fr.mediance.protocol.Accounts.PASSWORD_CHANGE_REQUIRED, fr.mediance.protocol.Accounts.WEAK_PASSWORD ->
                Optional.of(Map.of("newPassword", detail));
            default -> Optional.empty();
        };
    }

    private static String loginFailure(RemoteResult<?> r) {
        if (r instanceof RemoteResult.Unauthorised<?> u
                && u.problem() != null
                && fr.mediance.protocol.Accounts.ACCOUNT_DISABLED.equals(
                        u.problem().code())
                && u.problem().detail() != null) {
            return u.problem().detail();
        }
        if (r instanceof RemoteResult.Unauthorised<?>) {
            return CoreMessages.get("login.badCredentials");
        }
        if (r instanceof RemoteResult.NetworkError<?>) {
            return CoreMessages.get("login.unreachable");
        }
        return r.userMessage();
    }

    /** Whether {@code pin} is exactly 6 digits. */
    static boolean validPin(char[] pin) {
        if (pin == null || pin.length != 6) {
            return false;
        }
        for (char c : pin) {
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    @Override
    public Outcome<AccountInfo> choosePin(char[] pin, char[] confirmation) {
        try {
            Map<String, String> errors = new LinkedHashMap<>();
            if (!validPin(pin)) {
                errors.put("pin", CoreMessages.get("pin.format"));
            } else if (confirmation == null || !java.util.Arrays.equals(pin, confirmation)) {
                errors.put("confirmation", CoreMessages.get("pin.mismatch"));
            }
            if (!errors.isEmpty()) {
                return Outcome.invalid(errors);
            }
            synchronized (lock) {
                PendingLogin p = pending;
                if (state != SessionState.PIN_REQUIRED || p == null) {
                    return Outcome.failed(CoreMessages.get("pin.noLogin"));
                }
                byte[] dataKey = Crypto.randomBytes(Database.KEY_BYTES);
                try {
                    deleteLocalFiles(); // an orphan store of an unfinished setup cannot be opened anyway
                    PinKeys.Wrapped w = PinKeys.wrap(dataKey, pin, pinIterations);
                    Database db = Database.open(dataDir.resolve(DATABASE_FILE), dataKey);
                    BlobFiles blobs = new BlobFiles(dataDir.resolve(BLOB_DIRECTORY), dataKey);
                    String refresh = p.tokens().refreshToken().orElse(null);
                    db.inTransaction(tx -> {
                        tx.putSetting(SETTING_REFRESH_TOKEN, refresh);
                        tx.putSetting(SETTING_SERVER_PIN, p.pin());
                    });
                    UserDto u = p.user();
                    AccountFile.Content c = new AccountFile.Content(
                            p.serverUrl(),
                            u.id(),
                            u.username(),
                            u.displayName(),
                            u.role(),
                            u.structureId(),
                            p.deviceId(),
                            PinKeys.KDF,
                            w.iterations(),
                            w.salt(),
                            w.wrappedKey(),
                            0,
                            null);
                    accountFile.write(c);
                    store.open(db, blobs);
                    account = c;
                    tokens.setAccess(p.tokens().accessToken().orElse(null));
                    setRemote(
                            new RemoteClient(
                                    p.serverUrl(),
                                    p.deviceId(),
                                    tokens,
                                    http(),
                                    p.pin() == null ? null : ServerTrust.pinned(p.pin())),
                            null);
                    pending = null;
                    setState(SessionState.UNLOCKED);
                } finally {
                    Crypto.wipe(dataKey);
                }
            }
            LOG.log(Level.INFO, "local store created");
            unlockListeners.forEach(Runnable::run);
            return Outcome.ok(account.info());
        } finally {
            Crypto.wipe(pin);
            Crypto.wipe(confirmation);
        }
    }

    @Override
    public Outcome<AccountInfo> unlock(char[] pin) {
        try {
            synchronized (lock) {
                if (state == SessionState.UNLOCKED) {
                    return Outcome.ok(account.info());
                }
                AccountFile.Content c = account;
                if (state != SessionState.LOCKED || c == null) {
                    return Outcome.failed(CoreMessages.get("unlock.noAccount"));
                }
                Instant now = clock.instant();
                if (c.blockedUntil() != null && now.isBefore(c.blockedUntil())) {
                    long seconds =
                            Math.max(1, Duration.between(now, c.blockedUntil()).toSeconds());
                    return Outcome.failed(CoreMessages.get("unlock.blocked", seconds));
                }
                if (!validPin(pin)) {
                    return Outcome.failed(CoreMessages.get("pin.format"));
                }
                byte[] dataKey;
                try {
                    dataKey = PinKeys.unwrap(pin, c.salt(), c.iterations(), c.wrappedKey());
                } catch (StoreException e) {
                    int failures = c.failedAttempts() + 1;
                    Instant until = failures >= FREE_ATTEMPTS ? now.plus(delayAfter(failures)) : null;
                    account = c.withFailures(failures, until);
                    accountFile.write(account);
                    LOG.log(Level.INFO, "wrong PIN ({0} in a row)", failures);
                    if (until != null) {
                        return Outcome.failed(CoreMessages.get(
                                "unlock.wrongPinBlocked", delayAfter(failures).toSeconds()));
                    }
                    int left = FREE_ATTEMPTS - failures;
                    return Outcome.failed(
                            left == 1
                                    ? CoreMessages.get("unlock.wrongPin.last")
                                    : CoreMessages.get("unlock.wrongPin", left));
                }
                try {
                    Database db = Database.open(dataDir.resolve(DATABASE_FILE), dataKey);
                    BlobFiles blobs = new BlobFiles(dataDir.resolve(BLOB_DIRECTORY), dataKey);
                    deleteOrphanFiles(db, blobs);
                    store.open(db, blobs);
                } catch (StoreException e) {
                    LOG.log(Level.ERROR, "the local store cannot be opened: {0}", e.kind());
                    return Outcome.failed(e.userMessage());
                } finally {
                    Crypto.wipe(dataKey);
                }
                if (c.failedAttempts() != 0 || c.blockedUntil() != null) {
                    account = c.withFailures(0, null);
                    accountFile.write(account);
                }
                tokens.setAccess(null);
                setRemote(null, c);
                setState(SessionState.UNLOCKED);
            }
            LOG.log(Level.INFO, "unlocked");
            unlockListeners.forEach(Runnable::run);
            return Outcome.ok(account.info());
        } finally {
            Crypto.wipe(pin);
        }
    }

    /**
     * Files written by a process killed before the database row naming them committed (a photo being attached,
     * a thumbnail being cached), or left after a row was deleted: removed before the store is used. Failing to
     * clean never blocks the unlock.
     */
    private static void deleteOrphanFiles(Database db, BlobFiles blobs) {
        try {
            // the photos this device holds first (its own captures, cached photos, originals, thumbnails); the
            // hashes of every document of the structure only when a file is left unexplained
            int n = blobs.deleteUnreferenced(() -> hashes(db, """
                    SELECT sha256 AS h FROM documents WHERE blob_state <> ? UNION SELECT original_sha256 FROM documents
                      WHERE original_sha256 IS NOT NULL UNION SELECT thumbnail_sha256 FROM thumbnails
                    """, Records.BLOB_NOT_DOWNLOADED), () -> hashes(db, """
                    SELECT sha256 AS h FROM documents UNION SELECT original_sha256 FROM documents
                      WHERE original_sha256 IS NOT NULL UNION SELECT thumbnail_sha256 FROM thumbnails
                    """));
            if (n > 0) {
                LOG.log(Level.INFO, "{0} unreferenced photo files removed", n);
            }
        } catch (StoreException e) {
            LOG.log(Level.WARNING, "photo files not cleaned: {0}", e.kind());
        }
    }

    private static java.util.Set<String> hashes(Database db, String sql, Object... params) {
        return new java.util.HashSet<>(db.read(tx -> tx.query(sql, r -> r.string("h"), params)));
    }

    /** The wait imposed after {@code failures} wrong PINs in a row (≥ 5): 30 s, doubling, at most 1 h. */
    static Duration delayAfter(int failures) {
        int doublings = Math.max(0, failures - FREE_ATTEMPTS);
        Duration d = FIRST_DELAY;
        for (int i = 0; i < doublings && d.compareTo(MAX_DELAY) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : d;
    }

    @Override
    public Optional<Instant> unlockBlockedUntil() {
        AccountFile.Content c = account;
        if (c == null || c.blockedUntil() == null || !clock.instant().isBefore(c.blockedUntil())) {
            return Optional.empty();
        }
        return Optional.of(c.blockedUntil());
    }

    @Override
    public Outcome<AccountInfo> reauthenticate(char[] password) {
        try {
            if (password == null || password.length == 0) {
                return Outcome.invalid(Map.of("password", CoreMessages.get("login.password.required")));
            }
            RemoteClient r = state == SessionState.UNLOCKED ? remoteClient() : null;
            AccountFile.Content c = account;
            if (state != SessionState.UNLOCKED || r == null || c == null) {
                return Outcome.failed(CoreMessages.get("store.locked"));
            }
            RemoteResult<LoginResponse> result = r.login(c.username(), password);
            if (!(result instanceof RemoteResult.Ok<LoginResponse> ok)) {
                return Outcome.failed(loginFailure(result));
            }
            UserDto u = ok.value().user();
            if (u != null && u.id() != null && !u.id().equals(c.userId())) {
                tokens.clear();
                return Outcome.failed(CoreMessages.get("login.otherUser"));
            }
            if (u != null) {
                account = c.withUser(u.displayName(), u.role(), u.structureId());
                accountFile.write(account);
            }
            return Outcome.ok(account.info());
        } finally {
            Crypto.wipe(password);
        }
    }

    @Override
    public void lock() {
        synchronized (lock) {
            store.close();
            tokens.setAccess(null);
            setRemote(null, null);
            if (state == SessionState.UNLOCKED) {
                setState(SessionState.LOCKED);
                LOG.log(Level.INFO, "locked");
            }
        }
    }

    @Override
    public int unsentChanges() {
        Optional<Database> db = store.current();
        if (db.isEmpty()) {
            return -1;
        }
        return db.get().read(tx -> (int) (tx.queryLong("SELECT count(*) FROM outbox")
                + tx.queryLong("SELECT count(*) FROM documents WHERE blob_state = ?", Records.BLOB_WAITING_UPLOAD)));
    }

    @Override
    public Outcome<Void> logout(boolean wipeLocalData, boolean force) {
        synchronized (lock) {
            if (state == SessionState.NO_ACCOUNT) {
                return Outcome.ok(null);
            }
            if (state == SessionState.PIN_REQUIRED) {
                pending = null;
                setState(SessionState.NO_ACCOUNT);
                return Outcome.ok(null);
            }
            if (wipeLocalData && !force) {
                int unsent = unsentChanges();
                if (unsent < 0) {
                    return Outcome.failed(CoreMessages.get("logout.unlockFirst"));
                }
                if (unsent > 0) {
                    return Outcome.failed(
                            unsent == 1
                                    ? CoreMessages.get("logout.unsent.one")
                                    : CoreMessages.get("logout.unsent", unsent));
                }
            }
            RemoteClient r = state == SessionState.UNLOCKED ? remoteClient() : null;
            if (r != null && state == SessionState.UNLOCKED) {
                RemoteResult<Void> out = r.logout();
                if (!out.isOk()) {
                    LOG.log(
                            Level.INFO,
                            "server logout not confirmed: {0}",
                            out.getClass().getSimpleName());
                }
                store.current()
                        .ifPresent(db -> db.inTransaction(tx -> {
                            tx.putSetting(SETTING_REFRESH_TOKEN, null);
                        }));
            }
            if (wipeLocalData) {
                wipe();
            } else {
                lock();
            }
            return Outcome.ok(null);
        }
    }

    /**
     * The structure revoked this device: tells the server the data are gone (logout, best effort), then wipes
     * the store and keys; the login screen shows {@link #notice()}.
     */
    public void wipeRevoked() {
        synchronized (lock) {
            RemoteClient r = remoteClient();
            if (r != null) {
                RemoteResult<Void> out = r.logout();
                LOG.log(Level.INFO, "revoked device logout: {0}", out.getClass().getSimpleName());
            }
            wipe();
            notice = CoreMessages.get("sync.deviceRevoked");
        }
    }

    private volatile String notice;

    /** A message for the login screen after a wipe the user did not ask for (a revoked device), else empty. */
    public Optional<String> notice() {
        return Optional.ofNullable(notice);
    }

    /**
     * Deletes everything of this device: the account file first (the wrapped key: without it the database
     * cannot be decrypted), then the database and the photos.
     */
    public void wipe() {
        synchronized (lock) {
            store.close();
            tokens.setAccess(null);
            setRemote(null, null);
            pending = null;
            accountFile.delete();
            account = null;
            deleteLocalFiles();
            setState(SessionState.NO_ACCOUNT);
            LOG.log(Level.INFO, "local data wiped");
        }
    }

    private void deleteLocalFiles() {
        try {
            for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
                Files.deleteIfExists(dataDir.resolve(DATABASE_FILE + suffix));
            }
            Path blobs = dataDir.resolve(BLOB_DIRECTORY);
            if (Files.exists(blobs)) {
                try (Stream<Path> walk = Files.walk(blobs)) {
                    for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        } catch (IOException e) {
            throw new StoreException(StoreException.Kind.IO, "cannot delete local data", e);
        }
    }

    /** Tokens of the unlocked session: access in memory, refresh inside the encrypted database. */
    private final class StoredTokens implements TokenStore {
        private volatile String access;

        void setAccess(String value) {
            access = value;
        }

        @Override
        public Optional<String> accessToken() {
            return Optional.ofNullable(access);
        }

        @Override
        public Optional<String> refreshToken() {
            return store.current().flatMap(db -> db.read(tx -> tx.setting(SETTING_REFRESH_TOKEN)));
        }

        @Override
        public void update(String accessToken, String refreshToken) {
            access = accessToken;
            if (refreshToken != null) {
                store.current()
                        .ifPresent(db -> db.inTransaction(tx -> {
                            tx.putSetting(SETTING_REFRESH_TOKEN, refreshToken);
                        }));
            }
        }

        @Override
        public void clear() {
            access = null;
            store.current()
                    .ifPresent(db -> db.inTransaction(tx -> {
                        tx.putSetting(SETTING_REFRESH_TOKEN, null);
                    }));
        }
    }
}
