package fr.mediance.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.SilentCloseable;
import com.code_intelligence.jazzer.junit.FuzzTest;
import fr.mediance.protocol.ApiPaths;
import fr.mediance.protocol.ChangesResponse;
import fr.mediance.protocol.OpStatus;
import fr.mediance.protocol.OperationResultDto;
import fr.mediance.protocol.ProblemDto;
import fr.mediance.protocol.PushRequest;
import fr.mediance.protocol.PushResponse;
import fr.mediance.protocol.Tus;
import fr.mediance.protocol.json.MedianceJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;

/**
 * The sync routes through real HTTP, whatever the request: never a 5xx, a problem document on every 4xx, and
 * nothing written by a refused request. One server for the class (SQLite, demo data). The inputs are text:
 * lines that fill headers or parameters, then a body. Seeds run in every build; {@code JAZZER_FUZZ=1} fuzzes
 * one method for real, in one invocation as long as its {@code maxDuration} (hence the long {@link Timeout}).
 */
class SyncRoutesFuzzTest {
    static Path dir;
    static TestServer server;
    static TusClient tus;
    static Map<String, String> tokens;

    @BeforeAll
    static void start() throws IOException {
        dir = Files.createTempDirectory("mediance-fuzz");
        server = TestServer.demoCopy(dir);
        tus = new TusClient(server);
        tokens = Map.of(
                "coord",
                server.token("coord"),
                "conseil1",
                server.token("conseil1"),
                "conseil2",
                server.token("conseil2"),
                "bureau",
                server.token("bureau"),
                "admin",
                server.token("admin"));
    }

    @AfterAll
    static void stop() {
        server.close();
        server.db.close();
    }

    /** The caller named on the first line (coord if none fits). */
    static String caller(String name) {
        return tokens.getOrDefault(name.strip(), tokens.get("coord"));
    }

    /** What an HTTP client may put in a header: printable ASCII, and short enough for the server's limit. */
    static String headerValue(String s) {
        StringBuilder b = new StringBuilder();
        s.chars().filter(c -> c >= 0x20 && c < 0x7f).limit(4000).forEach(c -> b.append((char) c));
        return b.toString().strip();
    }

    static void assertAnswered(int status, String contentType, String body) {
        assertThat(status).as(body).isLessThan(500);
        if (status >= 400) {
            assertThat(contentType).startsWith(ProblemDto.MEDIA_TYPE);
            ProblemDto p = MedianceJson.gson().fromJson(body, ProblemDto.class);
            assertThat(p.status()).isEqualTo(status);
            assertThat(p.code()).isNotBlank();
            assertThat(p.detail()).isNotBlank();
            assertThat(body).doesNotContain("Exception", "\tat ", "SQL");
        }
    }

    static SilentCloseable localOnly() {
        return BugDetectors.allowNetworkConnections(
                (host, port) -> host.equals("localhost") && port == server.app.port());
    }

    /** Line 1: who pushes; the rest: the body. */
    @FuzzTest(maxDuration = "60s")
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void pushAnswersAndWritesNothingWhenRefused(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        int nl = text.indexOf('\n');
        String token = caller(nl < 0 ? "" : text.substring(0, nl));
        String body = nl < 0 ? text : text.substring(nl + 1);
        long changes = server.count("SELECT COUNT(*) FROM change_log");
        long operations = server.count("SELECT COUNT(*) FROM applied_operations");
        TestServer.Response r;
        try (SilentCloseable allowed = localOnly()) {
            r = server.postJson(ApiPaths.SYNC_PUSH, token, body);
        }
        assertAnswered(r.status(), r.contentType(), r.body());
        if (r.status() >= 400) {
            assertThat(server.count("SELECT COUNT(*) FROM change_log")).isEqualTo(changes);
            assertThat(server.count("SELECT COUNT(*) FROM applied_operations")).isEqualTo(operations);
            return;
        }
        PushRequest sent = MedianceJson.gson().fromJson(body, PushRequest.class);
        PushResponse answer = r.as(PushResponse.class);
        assertThat(answer.results()).hasSameSizeAs(sent.operations());
        for (int i = 0; i < sent.operations().size(); i++) {
            OperationResultDto result = answer.results().get(i);
            assertThat(result.opId()).isEqualTo(sent.operations().get(i).opId());
            if (result.status() == OpStatus.REJECTED) {
                assertThat(result.code()).isNotBlank();
                assertThat(result.message()).isNotBlank();
                assertThat(result.version()).isNull();
            } else {
                assertThat(result.version()).isPositive();
            }
        }
    }

    /** Line 1: {@code since}; line 2: {@code limit}; line 3: who pulls. */
    @FuzzTest(maxDuration = "60s")
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void changesAnswersAPageOrA400(byte[] input) {
        String[] lines = new String(input, StandardCharsets.UTF_8).split("\n", -1);
        StringBuilder query = new StringBuilder(ApiPaths.SYNC_CHANGES + "?");
        query.append(ApiPaths.PARAM_SINCE).append('=').append(URLEncoder.encode(lines[0], StandardCharsets.UTF_8));
        if (lines.length > 1) {
            query.append('&')
                    .append(ApiPaths.PARAM_LIMIT)
                    .append('=')
                    .append(URLEncoder.encode(lines[1], StandardCharsets.UTF_8));
        }
        TestServer.Response r;
        try (SilentCloseable allowed = localOnly()) {
            r = server.get(query.toString(), caller(lines.length > 2 ? lines[2] : ""));
        }
        assertAnswered(r.status(), r.contentType(), r.body());
        if (r.status() == 200) {
            ChangesResponse page = r.as(ChangesResponse.class);
            assertThat(Long.parseLong(page.cursor())).isNotNegative();
        } else {
            assertThat(r.status()).isEqualTo(400);
        }
    }

    /**
     * Lines: {@code Upload-Length}, {@code Upload-Metadata}, {@code Upload-Checksum} of the PATCH, its
     * {@code Upload-Offset}, {@code Tus-Resumable} ("-" for none); the rest is the PATCH body. A created upload
     * is terminated at the end.
     */
    @FuzzTest(maxDuration = "60s")
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void uploadsAnswerAndKeepNothingRefused(byte[] input) {
        String[] lines = new String(input, StandardCharsets.ISO_8859_1).split("\n", 6);
        String length = headerValue(lines[0]);
        String metadata = lines.length > 1 ? headerValue(lines[1]) : "";
        String checksum = lines.length > 2 ? headerValue(lines[2]) : "";
        String offset = lines.length > 3 ? headerValue(lines[3]) : "";
        String version = lines.length > 4 ? headerValue(lines[4]) : Tus.VERSION;
        byte[] body = lines.length > 5 ? lines[5].getBytes(StandardCharsets.ISO_8859_1) : new byte[0];
        String conseil1 = tokens.get("conseil1");
        long uploads = server.count("SELECT COUNT(*) FROM uploads");
        long parts = partFiles();

        try (SilentCloseable allowed = localOnly()) {
            HttpRequest.Builder create =
                    server.request(ApiPaths.UPLOADS, conseil1).POST(HttpRequest.BodyPublishers.noBody());
            set(create, Tus.TUS_RESUMABLE, version.equals("-") ? "" : version);
            set(create, Tus.UPLOAD_LENGTH, length);
            set(create, Tus.UPLOAD_METADATA, metadata);
            TusClient.Answer created = tus.send(create);
            assertAnswered(created.status(), created.header("Content-Type").orElse(""), created.text());
            assertThat(created.header(Tus.TUS_RESUMABLE)).contains(Tus.VERSION);
            if (created.status() != 201) {
                assertThat(server.count("SELECT COUNT(*) FROM uploads")).isEqualTo(uploads);
                assertThat(partFiles()).isEqualTo(parts);
                return;
            }
            String location = created.location();
            long before = tus.head(conseil1, location).offset();
            HttpRequest.Builder patch = server.request(location, conseil1)
                    .header("Content-Type", Tus.OFFSET_OCTET_STREAM)
                    .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(body));
            set(patch, Tus.TUS_RESUMABLE, version.equals("-") ? "" : version);
            set(patch, Tus.UPLOAD_OFFSET, offset);
            set(patch, Tus.UPLOAD_CHECKSUM, checksum);
            TusClient.Answer patched = tus.send(patch);
            assertAnswered(patched.status(), patched.header("Content-Type").orElse(""), patched.text());
            TusClient.Answer head = tus.head(conseil1, location);
            if (patched.status() >= 400 && !patched.problem().code().equals("upload_sha256_mismatch")) {
                assertThat(head.offset()).isEqualTo(before);
            }
            assertThat(tus.delete(conseil1, location).status()).isEqualTo(204);
        }
    }

    private static void set(HttpRequest.Builder b, String name, String value) {
        if (!value.isEmpty()) {
            b.setHeader(name, value);
        }
    }

    static long partFiles() {
        Path uploads = dir.resolve("uploads");
        try (Stream<Path> files = Files.list(uploads)) {
            return files.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
