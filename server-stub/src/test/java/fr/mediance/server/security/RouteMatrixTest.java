package fr.mediance.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.protocol.ApiPaths;
import fr.mediance.protocol.ChangesResponse;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.OpStatus;
import fr.mediance.protocol.Role;
import fr.mediance.protocol.json.MedianceJson;
import fr.mediance.server.RouteTable;
import fr.mediance.server.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The role × route matrix, generated from {@link RouteTable}: every route, called by real HTTP with no account and
 * as each role, answers 401 without an account where one is needed, 403 to a role the table leaves out, and
 * otherwise neither (a 2xx, or the route's own 4xx about the request: never a 5xx). Then the scope rules: what a
 * counsellor reaches of a colleague's files through the routes that allow her. And the table is the routes that
 * Javalin registered, no more, no fewer.
 */
class RouteMatrixTest {
    /** A demo account per role; null: no account. */
    static final Map<Role, String> ACCOUNTS = new LinkedHashMap<>();

    static {
        ACCOUNTS.put(Role.COUNSELLOR, "conseil1");
        ACCOUNTS.put(Role.COORDINATOR, "coord");
        ACCOUNTS.put(Role.OFFICE, "bureau");
        ACCOUNTS.put(Role.ADMIN, "admin");
    }

    static final String ZERO_SHA = "0".repeat(64);
    static final String SOME_UPLOAD = "00000000-0000-0000-0000-000000000000";

    static Path dir;
    static TestServer server;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("mediance-matrix");
        server = TestServer.demoCopy(dir);
    }

    @AfterAll
    static void stop() {
        server.close();
        server.db.close();
    }

    static Stream<Arguments> routesAndCallers() {
        List<Arguments> all = new ArrayList<>();
        for (RouteTable.Route route : RouteTable.ALL) {
            all.add(Arguments.of(route.key(), route, null));
            for (Role role : Role.values()) {
                all.add(Arguments.of(route.key(), route, role));
            }
        }
        return all.stream();
    }

    @Test
    void theTableIsEveryRouteRegisteredAndNothingElse() {
        List<String> table =
                RouteTable.ALL.stream().map(RouteTable.Route::key).sorted().toList();
        assertThat(server.app.registeredRoutes()).containsExactlyElementsOf(table);
    }

    @ParameterizedTest(name = "{0} as {2}")
    @MethodSource("routesAndCallers")
    void eachRoleGetsTheAnswerClassTheTableSays(String key, RouteTable.Route route, Role role) throws Exception {
        // logging out revokes the device's tokens: that call gets a session of its own
        String token = role == null
                ? null
                : route.path().equals(ApiPaths.LOGOUT)
                        ? server.session(ACCOUNTS.get(role), "matrix-logout").accessToken()
                        : server.token(ACCOUNTS.get(role));
        int status = call(route, token).statusCode();
        assertThat(status).as("%s as %s", key, role).isLessThan(500);
        if (route.open()) {
            assertThat(status).as("%s as %s", key, role).isNotIn(401, 403);
        } else if (role == null) {
            assertThat(status).as("%s without an account", key).isEqualTo(401);
        } else if (!route.roles().contains(role)) {
            assertThat(status).as("%s as %s", key, role).isEqualTo(403);
        } else {
            assertThat(status).as("%s as %s", key, role).isNotIn(401, 403);
        }
    }

    static HttpResponse<String> call(RouteTable.Route route, String token) throws Exception {
        String path = route.path()
                .replace("{" + ApiPaths.PARAM_SHA256 + "}", ZERO_SHA)
                .replace("{" + ApiPaths.PARAM_UPLOAD_ID + "}", SOME_UPLOAD)
                // any other identifier (a resident, a request, an account…): one that names nothing
                .replaceAll("\\{[^}]+}", "inconnu");
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url(path)))
                .header("Tus-Resumable", "1.0.0")
                .header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        boolean withBody = route.method().equals("POST")
                || route.method().equals("PUT")
                || route.method().equals("PATCH");
        b.method(
                route.method(),
                withBody ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody());
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    // --- scope: a counsellor and a colleague's files

    @Test
    void aCounsellorDoesNotReachAColleaguesResidentsBlobUploadOrChanges() throws Exception {
        String conseil1 = server.token("conseil1");
        String conseil2 = server.token("conseil2");
        byte[] bytes = DefectsTest.randomBytes(20_000, 21);
        String sha = DefectsTest.sha256(bytes);
        HttpResponse<String> put = http.send(
                HttpRequest.newBuilder(URI.create(server.url(ApiPaths.blob(sha))))
                        .header("Authorization", "Bearer " + conseil1)
                        .header(ApiPaths.HEADER_CONTENT_SHA256, sha)
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).isEqualTo(201);
        var document = DefectsTest.document(DefectsTest.R1, sha, "image/jpeg", bytes.length);
        assertThat(server.post(
                                ApiPaths.SYNC_PUSH,
                                conseil1,
                                new fr.mediance.protocol.PushRequest("t", List.of(DefectsTest.op(document))))
                        .as(fr.mediance.protocol.PushResponse.class)
                        .results()
                        .get(0)
                        .status())
                .isEqualTo(OpStatus.APPLIED);

        // the blob and its thumbnail: the author and the staff, not a colleague who does not follow the resident
        assertThat(get(conseil1, ApiPaths.blob(sha))).isEqualTo(200);
        assertThat(get(server.token("coord"), ApiPaths.blob(sha))).isEqualTo(200);
        assertThat(get(conseil2, ApiPaths.blob(sha))).isEqualTo(404);
        assertThat(get(conseil2, ApiPaths.blob(sha) + "/thumbnail")).isEqualTo(404);

        // an upload: only its creator
        HttpResponse<String> created = http.send(
                HttpRequest.newBuilder(URI.create(server.url(ApiPaths.UPLOADS)))
                        .header("Authorization", "Bearer " + conseil1)
                        .header("Tus-Resumable", "1.0.0")
                        .header("Upload-Length", "1000")
                        .header("Upload-Metadata", "sha256 " + DefectsTest.b64(ZERO_SHA.replace('0', 'a')))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).isEqualTo(201);
        String upload = created.headers().firstValue("Location").orElseThrow();
        for (String method : List.of("HEAD", "DELETE")) {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(URI.create(server.url(upload)))
                            .header("Authorization", "Bearer " + conseil2)
                            .header("Tus-Resumable", "1.0.0")
                            .method(method, HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(method).isEqualTo(404);
        }
        HttpResponse<String> patch = http.send(
                HttpRequest.newBuilder(URI.create(server.url(upload)))
                        .header("Authorization", "Bearer " + conseil2)
                        .header("Tus-Resumable", "1.0.0")
                        .header("Upload-Offset", "0")
                        .header("Content-Type", "application/offset+octet-stream")
                        .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(new byte[10]))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(patch.statusCode()).isEqualTo(404);

        // the change feed: the colleague's resident and document never come
        ChangesResponse feed = MedianceJson.gson()
                .fromJson(
                        server.get(ApiPaths.SYNC_CHANGES + "?limit=1000", conseil2)
                                .body(),
                        ChangesResponse.class);
        assertThat(feed.changes())
                .noneMatch(
                        c -> c.entity() == EntityType.DOCUMENT && c.entityId().equals(document.id()))
                .noneMatch(
                        c -> c.entity() == EntityType.RESIDENT && c.entityId().equals(DefectsTest.R1))
                .noneMatch(c -> c.entity() == EntityType.BLOB && c.entityId().equals(sha));
        ChangesResponse own = MedianceJson.gson()
                .fromJson(
                        server.get(ApiPaths.SYNC_CHANGES + "?limit=1000", conseil1)
                                .body(),
                        ChangesResponse.class);
        assertThat(own.changes())
                .anyMatch(c -> c.entity() == EntityType.DOCUMENT && c.entityId().equals(document.id()));
    }

    static int get(String token, String path) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(URI.create(server.url(path)))
                                .header("Authorization", "Bearer " + token)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
