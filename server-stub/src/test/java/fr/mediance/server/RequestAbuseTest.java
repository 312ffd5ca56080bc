package fr.mediance.server;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.protocol.ApiPaths;
import fr.mediance.protocol.ProblemDto;
import fr.mediance.protocol.json.MedianceJson;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Truncated, malformed and out-of-range requests on every sync route: a 4xx problem document, and nothing
 * written (same change log, operations, blobs, uploads and files as before).
 */
class RequestAbuseTest {
    @TempDir
    static Path dir;

    static TestServer server;
    static String coord;
    static String conseil1;

    @BeforeAll
    static void start() {
        server = TestServer.demoCopy(dir);
        coord = server.token("coord");
        conseil1 = server.token("conseil1");
    }

    @AfterAll
    static void stop() {
        server.close();
        server.db.close();
    }

    /** Everything a request could have written. */
    record Footprint(long changes, long operations, long blobs, long uploads, long files) {}

    static Footprint footprint() {
        try (Stream<Path> files = Files.walk(dir)
                .filter(Files::isRegularFile)
                .filter(p -> !p.getFileName().toString().startsWith("mediance.db"))) {
            return new Footprint(
                    server.count("SELECT COUNT(*) FROM change_log"),
                    server.count("SELECT COUNT(*) FROM applied_operations"),
                    server.count("SELECT COUNT(*) FROM blobs"),
                    server.count("SELECT COUNT(*) FROM uploads"),
                    files.count());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends a request whose body stops after {@code sent} of its declared bytes, then reads the answer. */
    static String truncated(String method, String path, String headers, byte[] body, int sent) {
        try (Socket s = new Socket("localhost", server.app.port())) {
            OutputStream out = s.getOutputStream();
            out.write((method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n" + headers + "Content-Length: "
                            + body.length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, sent);
            out.flush();
            s.shutdownOutput();
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ProblemDto problemIn(String raw, int status) {
        assertThat(raw).startsWith("HTTP/1.1 " + status);
        assertThat(raw).containsIgnoringCase("Content-Type: application/problem+json");
        return MedianceJson.gson().fromJson(raw.substring(raw.indexOf("\r\n\r\n") + 4), ProblemDto.class);
    }

    static void assertProblem(TestServer.Response r, int status, String code) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.problem().code()).isEqualTo(code);
    }

    @Test
    void aPushCutInTheMiddleOfItsBodyWritesNothing() {
        Footprint before = footprint();
        byte[] body =
                ("{\"deviceId\":\"t\",\"operations\":[{\"opId\":\"o-cut\",\"entity\":\"resident\",\"entityId\":\"r-cut\","
                                + "\"data\":{\"id\":\"r-cut\",\"lastName\":\"Martin\"}}]}")
                        .getBytes(StandardCharsets.UTF_8);
        String raw = truncated(
                "POST",
                ApiPaths.SYNC_PUSH,
                "Authorization: Bearer " + coord + "\r\nContent-Type: application/json\r\n",
                body,
                body.length - 20);
        assertThat(problemIn(raw, 400).code()).isEqualTo("body_interrupted");
        assertThat(footprint()).isEqualTo(before);
    }

    @Test
    void aPushWhoseOperationsDoNotDecodeIsRefusedWhole() {
        Footprint before = footprint();
        String good =
                "{\"opId\":\"o-good\",\"entity\":\"resident\",\"entityId\":\"r-good\",\"data\":{\"id\":\"r-good\","
                        + "\"lastName\":\"Martin\"}}";
        assertProblem(
                server.postJson(
                        ApiPaths.SYNC_PUSH,
                        coord,
                        "{\"deviceId\":\"t\",\"operations\":[" + good
                                + ",{\"opId\":\"o2\",\"entity\":\"planete\",\"entityId\":\"x\",\"data\":{}}]}"),
                400,
                "invalid_request");
        assertProblem(
                server.postJson(
                        ApiPaths.SYNC_PUSH,
                        coord,
                        "{\"deviceId\":\"t\",\"operations\":[" + good
                                + ",{\"opId\":\"o3\",\"entity\":\"resident\",\"entityId\":\"autre\",\"data\":{\"id\":\"r3\","
                                + "\"lastName\":\"M\"}}]}"),
                400,
                "invalid_request");
        assertProblem(
                server.postJson(
                        ApiPaths.SYNC_PUSH,
                        coord,
                        "{\"deviceId\":\"t\",\"operations\":[" + good
                                + ",{\"opId\":\"o4\",\"entity\":\"resident\",\"entityId\":\"r4\",\"baseVersion\":\"deux\","
                                + "\"data\":{\"id\":\"r4\",\"lastName\":\"M\"}}]}"),
                400,
                "invalid_request");
        assertProblem(
                server.postJson(
                        ApiPaths.SYNC_PUSH,
                        coord,
                        "{\"deviceId\":\"t\",\"operations\":[" + good
                                + ",{\"opId\":\"o5\",\"entity\":\"resident\",\"entityId\":\"r5\",\"changedFields\":\"phone\","
                                + "\"data\":{\"id\":\"r5\",\"lastName\":\"M\"}}]}"),
                400,
                "invalid_request");
        assertProblem(
                server.postJson(ApiPaths.SYNC_PUSH, coord, "{\"deviceId\":\"t\",\"operations\":[" + good + ","),
                400,
                "malformed_json");
        assertProblem(server.postJson(ApiPaths.SYNC_PUSH, coord, "[" + good + "]"), 400, "invalid_request");
        assertThat(footprint()).isEqualTo(before);
    }

    @Test
    void aBadChangesQueryIs400() {
        for (String q : new String[] {
            "since=-1",
            "since=1e3",
            "since=99999999999999999999",
            "since=9999999999999999999",
            "since=999999",
            "limit=0",
            "limit=-5",
            "limit=2147483648",
            "limit=%00"
        }) {
            TestServer.Response r = server.get(ApiPaths.SYNC_CHANGES + "?" + q, conseil1);
            assertThat(r.status()).as(q).isEqualTo(400);
            assertThat(r.problem().code()).as(q).isIn("invalid_cursor", "invalid_limit");
        }
    }

    @Test
    void aBlobUploadCutInTheMiddleKeepsNothing() {
        Footprint before = footprint();
        byte[] bytes = TusClient.bytes(200_000, 31);
        String sha = TusClient.sha256Hex(bytes);
        String raw = truncated(
                "PUT",
                ApiPaths.blob(sha),
                "Authorization: Bearer " + conseil1 + "\r\n" + ApiPaths.HEADER_CONTENT_SHA256 + ": " + sha + "\r\n",
                bytes,
                120_000);
        assertThat(problemIn(raw, 400).code()).isEqualTo("upload_interrupted");
        assertThat(footprint()).isEqualTo(before);
    }

    @Test
    void aCreationCutInTheMiddleOfItsFirstChunkKeepsNothing() {
        Footprint before = footprint();
        byte[] bytes = TusClient.bytes(100_000, 32);
        String raw = truncated(
                "POST",
                ApiPaths.UPLOADS,
                "Authorization: Bearer " + conseil1
                        + "\r\nTus-Resumable: 1.0.0\r\nUpload-Length: 100000\r\nUpload-Metadata: "
                        + TusClient.metadata(TusClient.sha256Hex(bytes))
                        + "\r\nContent-Type: application/offset+octet-stream\r\n",
                bytes,
                30_000);
        ProblemDto p = problemIn(raw, 400);
        assertThat(p.code()).isEqualTo("upload_interrupted");
        assertThat(raw).contains("Tus-Resumable: 1.0.0");
        assertThat(footprint()).isEqualTo(before);
    }

    /** Sends raw bytes (a request the HTTP layer itself refuses) and answers the raw response. */
    static String raw(String request) {
        try (Socket s = new Socket("localhost", server.app.port())) {
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void requestsTheHttpLayerRefusesGetAProblemDocumentToo() {
        Footprint before = footprint();
        assertThat(problemIn(
                                raw("POST " + ApiPaths.UPLOADS + " HTTP/1.1\r\nHost: x\r\nTus-Resumable: 1.0.0\r\n"
                                        + "Upload-Metadata: " + "a".repeat(10_000) + "\r\nConnection: close\r\n\r\n"),
                                431)
                        .code())
                .isEqualTo("headers_too_large");
        assertThat(problemIn(
                                raw("GET " + ApiPaths.SYNC_CHANGES + "?since=" + "1".repeat(10_000)
                                        + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"),
                                414)
                        .code())
                .isEqualTo("uri_too_long");
        assertThat(problemIn(
                                raw("POST " + ApiPaths.SYNC_PUSH + " HTTP/1.1\r\nHost: x\r\nBad Header\r\n"
                                        + "Connection: close\r\n\r\n"),
                                400)
                        .code())
                .isEqualTo("bad_request");
        assertThat(problemIn(
                                raw("PATCH " + ApiPaths.UPLOADS + "/x HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n"
                                        + "Connection: close\r\n\r\n"),
                                400)
                        .code())
                .isEqualTo("bad_request");
        assertThat(footprint()).isEqualTo(before);
    }
}
