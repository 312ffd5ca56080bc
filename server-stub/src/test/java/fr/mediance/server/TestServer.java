package fr.mediance.server;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.protocol.ApiPaths;
import fr.mediance.protocol.LoginRequest;
import fr.mediance.protocol.LoginResponse;
import fr.mediance.protocol.ProblemDto;
import fr.mediance.protocol.json.MedianceJson;
import fr.mediance.server.blob.FileBlobStore;
import fr.mediance.testing.MutableClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The real server on a free port, with a plain HTTP client and a few helpers for tests. */
public final class TestServer implements AutoCloseable {
    public static final String PASSWORD = "Mot-de-passe-de-test-2026";
    public static final Instant START = Instant.parse("2026-11-26T07:00:00Z");

    public final MutableClock clock;
    public final TestDatabase db;
    public final Path dataDir;
    public final ServerApp app;
    private final HttpClient http = HttpClient.newHttpClient();
    /** Access tokens issued at {@link #START} in the template database, by username. */
    private final Map<String, String> startTokens = new ConcurrentHashMap<>();

    public TestServer(TestDatabase db, Path dataDir, MutableClock clock, ServerConfig config) {
        this.db = db;
        this.dataDir = dataDir;
        this.clock = clock;
        this.app = ServerApp.create(
                        config,
                        db.dataSource(),
                        new FileBlobStore(dataDir.resolve("blobs")),
                        dataDir.resolve("uploads"),
                        clock)
                .start();
    }

    /** The same with blobs and upload parts in the given stores (an object store shared by several servers). */
    public TestServer(
            TestDatabase db,
            Path dataDir,
            MutableClock clock,
            ServerConfig config,
            fr.mediance.server.blob.BlobStore blobs,
            fr.mediance.server.upload.PartStore parts) {
        this.db = db;
        this.dataDir = dataDir;
        this.clock = clock;
        this.app = ServerApp.create(
                        config,
                        db.dataSource(),
                        blobs,
                        parts,
                        dataDir,
                        clock,
                        fr.mediance.protocol.Audit.MAX_RETENTION_MONTHS)
                .start();
    }

    /** The demo structure with {@link #PASSWORD}, and an admin with the same password. */
    public static TestServer demo(TestDatabase db, Path dataDir) {
        return new TestServer(db, dataDir, new MutableClock(START), new ServerConfig(0, true, PASSWORD, PASSWORD));
    }

    /**
     * The same as {@link #demo} on SQLite, much faster: the database file is a copy of one seeded once per test
     * run, in which the demo accounts already hold access tokens issued at {@link #START} (used by {@link #token}
     * while the clock has not moved past their life).
     */
    public static TestServer demoCopy(Path dataDir) {
        Template t = Template.get();
        try {
            Files.createDirectories(dataDir);
            for (String name : List.of("mediance.db", "mediance.db-wal")) {
                if (Files.exists(t.dir.resolve(name))) {
                    Files.copy(t.dir.resolve(name), dataDir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TestServer server = demo(TestDatabase.sqlite(dataDir), dataDir);
        server.startTokens.putAll(t.tokens);
        return server;
    }

    private static Map<String, String> postgresTokens;

    /**
     * The same as {@link #demo} on the PostgreSQL of the environment, faster: the shared schema is filled from a
     * snapshot of the demo data taken once per run, with the demo accounts' tokens issued at {@link #START}.
     */
    public static TestServer demoPostgres(Path dataDir) {
        Map<String, String> tokens;
        synchronized (TestServer.class) {
            if (postgresTokens == null) {
                try {
                    Path dir = Files.createTempDirectory("mediance-test-pg");
                    Map<String, String> issued = new java.util.HashMap<>();
                    TestServer s = demo(TestDatabase.postgres(), dir);
                    try {
                        for (String u : List.of("coord", "conseil1", "conseil2", "bureau", "admin")) {
                            issued.put(u, s.token(u));
                        }
                    } finally {
                        s.close();
                        s.db.close();
                    }
                    TestDatabase.SharedPostgresSchema.snapshot(
                            System.getenv(TestDatabase.PG_URL),
                            System.getenv("MEDIANCE_TEST_PG_USER"),
                            System.getenv("MEDIANCE_TEST_PG_PASSWORD"));
                    Template.deleteTree(dir);
                    postgresTokens = Map.copyOf(issued);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            tokens = postgresTokens;
        }
        TestServer server = demo(TestDatabase.postgres(true), dataDir);
        server.startTokens.putAll(tokens);
        return server;
    }

    /** The seeded database every {@link #demoCopy} starts from. */
    private record Template(Path dir, Map<String, String> tokens) {
        private static Template instance;

        static synchronized Template get() {
            if (instance == null) {
                try {
                    Path dir = Files.createTempDirectory("mediance-test-template");
                    Map<String, String> tokens = new java.util.HashMap<>();
                    TestServer s = demo(TestDatabase.sqlite(dir), dir);
                    try {
                        for (String u : List.of("coord", "conseil1", "conseil2", "bureau", "admin")) {
                            tokens.put(u, s.token(u));
                        }
                    } finally {
                        s.close();
                        s.db.close();
                    }
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
                    instance = new Template(dir, Map.copyOf(tokens));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return instance;
        }

        static void deleteTree(Path dir) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temporary directory
            }
        }
    }

    public String url(String path) {
        return "http://localhost:" + app.port() + path;
    }

    /** An answer: status, content type and body. */
    public record Response(int status, String contentType, byte[] bytes) {
        public String body() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        public <T> T as(Class<T> type) {
            assertThat(status).as("status of %s", body()).isBetween(200, 299);
            return MedianceJson.gson().fromJson(body(), type);
        }

        public ProblemDto problem() {
            assertThat(contentType).startsWith(ProblemDto.MEDIA_TYPE);
            return MedianceJson.gson().fromJson(body(), ProblemDto.class);
        }
    }

    public Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> r = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(
                    r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path)));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    public Response get(String path, String token) {
        return send(request(path, token).GET());
    }

    public Response postJson(String path, String token, String json) {
        return send(request(path, token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response post(String path, String token, Object body) {
        return postJson(path, token, MedianceJson.gson().toJson(body));
    }

    /** A login; for an account with a second factor, with a valid code not used yet (the clock moves 30 s if needed). */
    public Response login(String username, String password, String deviceId) {
        return post(
                ApiPaths.LOGIN, null, new LoginRequest(username, password, deviceId, totpCode(username), null, null));
    }

    /** A valid second-factor code of this account not used yet, or null if it has none. */
    public String totpCode(String username) {
        String secret = sql(
                "SELECT totp_secret FROM users WHERE username = ? AND totp_enrolled = 1",
                username.trim().toLowerCase(java.util.Locale.ROOT));
        if (secret == null) {
            return null;
        }
        String last = sql(
                "SELECT totp_last_step FROM users WHERE username = ?",
                username.trim().toLowerCase(java.util.Locale.ROOT));
        long lastStep = last == null ? Long.MIN_VALUE : Long.parseLong(last);
        while (true) {
            long now = fr.mediance.protocol.Totp.step(clock.instant());
            for (long s = now - 1; s <= now + 1; s++) {
                if (s > lastStep) {
                    return fr.mediance.protocol.Totp.code(secret, s);
                }
            }
            clock.advance(Duration.ofSeconds(fr.mediance.protocol.Accounts.TOTP_PERIOD_SECONDS));
        }
    }

    /** Logs in with the test password (or reuses a token of the template, still valid); answers the access token. */
    public String token(String username) {
        String ready = startTokens.get(username);
        if (ready != null && clock.instant().isBefore(START.plus(Duration.ofMinutes(10)))) {
            return ready;
        }
        return session(username, username + "-tablette").accessToken();
    }

    /** A login with {@link #PASSWORD}; an account that must enrol a second factor first enrols one. */
    public LoginResponse session(String username, String deviceId) {
        Response r = login(username, PASSWORD, deviceId);
        if (r.status() == 403 && r.problem().code().equals(fr.mediance.protocol.Accounts.TOTP_ENROLMENT_REQUIRED)) {
            post(ApiPaths.TOTP_ENROL, null, new LoginRequest(username, PASSWORD, deviceId));
            r = post(
                    ApiPaths.LOGIN,
                    null,
                    new LoginRequest(username, PASSWORD, deviceId, totpCodeOfPending(username), null, null));
        }
        return r.as(LoginResponse.class);
    }

    private String totpCodeOfPending(String username) {
        String secret = sql("SELECT totp_secret FROM users WHERE username = ?", username);
        return fr.mediance.protocol.Totp.code(secret, clock.instant());
    }

    /** The first column of the first row of a query on the server's database, as text. */
    public String sql(String query, Object... args) {
        try (var c = db.dataSource().getConnection();
                var ps = c.prepareStatement(query)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (var rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public long count(String query, Object... args) {
        return Long.parseLong(sql(query, args));
    }

    @Override
    public void close() {
        app.stop();
    }
}
