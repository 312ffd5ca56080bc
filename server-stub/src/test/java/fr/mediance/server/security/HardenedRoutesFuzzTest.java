package fr.mediance.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.SilentCloseable;
import com.code_intelligence.jazzer.junit.FuzzTest;
import fr.mediance.protocol.ApiPaths;
import fr.mediance.protocol.Limits;
import fr.mediance.protocol.ProblemDto;
import fr.mediance.protocol.json.MedianceJson;
import fr.mediance.server.TestServer;
import fr.mediance.server.blob.SafeTypes;
import fr.mediance.server.demo.DemoSeeder;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;

/**
 * The routes hardened against the outside test, through real HTTP, whatever the request: never a 5xx, a problem
 * document on every 4xx, the security headers on every answer, a blob never served with a type that could run, and
 * nothing unbounded kept of a refused push. Seeds run in every build; {@code JAZZER_FUZZ=1} fuzzes for real.
 */
class HardenedRoutesFuzzTest {
    static final Set<String> SAFE =
            Set.of("image/jpeg", "image/png", "image/webp", "image/gif", "application/pdf", SafeTypes.OTHER);

    static Path dir;
    static TestServer server;
    static Map<String, String> tokens;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws IOException {
        dir = Files.createTempDirectory("mediance-fuzz-hardened");
        server = TestServer.demoCopy(dir);
        tokens = Map.of(
                "conseil1", server.token("conseil1"),
                "conseil2", server.token("conseil2"),
                "coord", server.token("coord"),
                "bureau", server.token("bureau"));
    }

    @AfterAll
    static void stop() {
        server.close();
        server.db.close();
    }

    static final Map<String, String> USER_IDS = Map.of(
            "conseil1", DemoSeeder.CONSEIL1,
            "conseil2", DemoSeeder.CONSEIL2,
            "coord", DemoSeeder.COORD,
            "bureau", DemoSeeder.BUREAU);

    /** The caller named on a line (conseil1 if none fits). */
    static String name(String line) {
        return tokens.containsKey(line.strip()) ? line.strip() : "conseil1";
    }

    static String caller(String line) {
        return tokens.get(name(line));
    }

    static String headerValue(String s) {
        StringBuilder b = new StringBuilder();
        s.chars().filter(c -> c >= 0x20 && c < 0x7f).limit(2000).forEach(c -> b.append((char) c));
        return b.toString().strip();
    }

    static SilentCloseable localOnly() {
        return BugDetectors.allowNetworkConnections(
                (host, port) -> host.equals("localhost") && port == server.app.port());
    }

    static void assertAnswered(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isLessThan(500);
        assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(r.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        if (r.statusCode() >= 400 && !r.request().method().equals("HEAD")) {
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith(ProblemDto.MEDIA_TYPE);
            ProblemDto p = MedianceJson.gson().fromJson(r.body(), ProblemDto.class);
            assertThat(p.code()).isNotBlank();
            assertThat(r.body()).doesNotContain("Exception", "\tat ", "SQL");
        }
    }

    static HttpResponse<String> send(HttpRequest.Builder b) {
        try (SilentCloseable allowed = localOnly()) {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Line 1: who sends; line 2: the hash in the address; line 3: {@code X-Content-SHA256}; line 4: the type a
     * document declares for it; the rest: the bytes. PUT, then a document naming the hash, then HEAD and GET.
     */
    @FuzzTest(maxDuration = "60s")
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void blobsAnswerSafelyAndGiveNothingForAName(byte[] input) {
        String[] lines = new String(input, StandardCharsets.ISO_8859_1).split("\n", 5);
        String token = caller(lines[0]);
        String sha = lines.length > 1 ? URLEncoder.encode(lines[1].strip(), StandardCharsets.UTF_8) : "";
        String declared = lines.length > 2 ? headerValue(lines[2]) : "";
        String mime = lines.length > 3 ? lines[3].strip() : "image/jpeg";
        byte[] body = lines.length > 4 ? lines[4].getBytes(StandardCharsets.ISO_8859_1) : new byte[0];
        long senders = server.count("SELECT COUNT(*) FROM blob_uploads");

        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(server.url(ApiPaths.PREFIX + "/blobs/" + sha)))
                .header("Authorization", "Bearer " + token)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body));
        if (!declared.isEmpty()) {
            put.header(ApiPaths.HEADER_CONTENT_SHA256, declared);
        }
        HttpResponse<String> stored = send(put);
        assertAnswered(stored);
        if (stored.statusCode() >= 400) {
            assertThat(server.count("SELECT COUNT(*) FROM blob_uploads")).isEqualTo(senders);
        }

        String id = "doc-" + java.util.UUID.randomUUID();
        fr.mediance.protocol.DocumentDto document = new fr.mediance.protocol.DocumentDto(
                id,
                null,
                null,
                DemoSeeder.residentId(1),
                "facture",
                lines.length > 1 ? lines[1].strip() : "",
                mime,
                Math.max(1, body.length),
                null,
                null);
        String doc = MedianceJson.gson()
                .toJson(new fr.mediance.protocol.PushRequest(
                        "fuzz",
                        List.of(new fr.mediance.protocol.OperationDto(
                                java.util.UUID.randomUUID().toString(),
                                fr.mediance.protocol.EntityType.DOCUMENT,
                                id,
                                null,
                                false,
                                document))));
        HttpResponse<String> pushed = send(HttpRequest.newBuilder(URI.create(server.url(ApiPaths.SYNC_PUSH)))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(doc)));
        assertAnswered(pushed);

        for (String method : List.of("HEAD", "GET")) {
            HttpResponse<String> r =
                    send(HttpRequest.newBuilder(URI.create(server.url(ApiPaths.PREFIX + "/blobs/" + sha)))
                            .header("Authorization", "Bearer " + token)
                            .method(method, HttpRequest.BodyPublishers.noBody()));
            assertAnswered(r);
            if (r.statusCode() == 200) {
                // only for who sent these very bytes
                assertThat(server.count(
                                "SELECT COUNT(*) FROM blob_uploads WHERE sha256 = ? AND user_id = ?",
                                lines[1].strip(),
                                USER_IDS.get(name(lines[0]))))
                        .isPositive();
                if (method.equals("GET")) {
                    assertThat(r.headers().firstValue("Content-Type").orElse(""))
                            .isIn(SAFE);
                    assertThat(r.headers().firstValue("Content-Security-Policy").orElse(""))
                            .contains("sandbox");
                    assertThat(r.headers().firstValue("Content-Disposition").orElse(""))
                            .matches("(inline|attachment); filename=\"document-[0-9a-f]{64}\\.[a-z]+\"");
                }
            }
        }
    }

    /**
     * Line 1: {@code deviceId}; line 2: {@code opId}; line 3: {@code entityId}; the rest: a synthesis, put in the
     * JSON as it is (escapes such as a lone {@code \\ud800} included). Whatever comes, what is kept of it is bounded
     * and no stored text has lost a character.
     */
    @FuzzTest(maxDuration = "60s")
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void pushKeepsNothingUnbounded(byte[] input) {
        String[] lines = new String(input, StandardCharsets.UTF_8).split("\n", 4);
        String device = lines[0];
        String opId = lines.length > 1 ? lines[1] : "op";
        String entityId = lines.length > 2 ? lines[2] : "r";
        String synthesis = lines.length > 3 ? lines[3] : "";
        String body = "{\"deviceId\":" + MedianceJson.gson().toJson(device) + ",\"operations\":[{\"opId\":"
                + MedianceJson.gson().toJson(opId) + ",\"entity\":\"visit_report\",\"entityId\":"
                + MedianceJson.gson().toJson(entityId) + ",\"delete\":false,\"data\":{\"id\":"
                + MedianceJson.gson().toJson(entityId) + ",\"residentId\":\"" + DemoSeeder.residentId(1)
                + "\",\"counsellorId\":\"demo-conseil1\",\"medium\":\"home_visit\",\"domains\":[\"energie\"],"
                + "\"synthesis\":\"" + synthesis.replace("\"", "'").replace("\n", " ") + "\"}}]}";
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(server.url(ApiPaths.SYNC_PUSH)))
                .header("Authorization", "Bearer " + tokens.get("conseil1"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertAnswered(r);
        assertThat(server.count(
                        "SELECT COUNT(*) FROM applied_operations WHERE length(op_id) > ? "
                                + "OR length(entity_id) > ? OR length(device_id) > ? OR length(message) > ?",
                        Limits.MAX_ID,
                        Limits.MAX_ID,
                        Limits.MAX_ID,
                        Limits.MAX_REJECTION_MESSAGE))
                .isZero();
    }
}
