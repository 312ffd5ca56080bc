package fr.mediance.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.protocol.ApiPaths;
import fr.mediance.protocol.DocumentDto;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.OpStatus;
import fr.mediance.protocol.OperationDto;
import fr.mediance.protocol.OperationResultDto;
import fr.mediance.protocol.PushRequest;
import fr.mediance.protocol.PushResponse;
import fr.mediance.protocol.VisitReportDto;
import fr.mediance.protocol.json.MedianceJson;
import fr.mediance.server.TestServer;
import fr.mediance.server.demo.DemoSeeder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Regression tests of the weaknesses an outside test found (issue « Trust »), each through real HTTP. */
class DefectsTest {
    static final String R1 = DemoSeeder.residentId(1);
    /** A resident followed by conseil2, not by conseil1. */
    static final String R4 = DemoSeeder.residentId(4);

    @TempDir
    Path dir;

    TestServer server;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        server = TestServer.demoCopy(dir);
    }

    @AfterEach
    void stop() {
        server.close();
        server.db.close();
    }

    // --- 3: identifiers and what is kept of a rejected operation are bounded

    @Test
    void aHugeDeviceIdIsRefusedWholeAndNothingIsStored() {
        String token = server.token("conseil1");
        String push = MedianceJson.gson().toJson(new PushRequest("d".repeat(200_000), List.of(op(report("ok")))));
        TestServer.Response r = server.postJson(ApiPaths.SYNC_PUSH, token, push);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.problem().code()).isEqualTo("invalid_device_id");
        assertThat(server.count("SELECT count(*) FROM applied_operations")).isZero();
    }

    @Test
    void aHugeEntityIdIsRejectedWithoutBeingKept() {
        String token = server.token("conseil1");
        VisitReportDto huge = withId(report("ok"), "x".repeat(200_000));
        OperationDto op =
                new OperationDto(UUID.randomUUID().toString(), EntityType.VISIT_REPORT, huge.id(), null, false, huge);
        PushResponse r = server.post(ApiPaths.SYNC_PUSH, token, new PushRequest("tablette", List.of(op)))
                .as(PushResponse.class);
        assertThat(r.results().get(0).status()).isEqualTo(OpStatus.REJECTED);
        assertThat(r.results().get(0).code()).isEqualTo("invalid_field");
        assertThat(server.count("SELECT count(*) FROM applied_operations WHERE length(entity_id) > 64"))
                .isZero();
        assertThat(
                        server.count(
                                "SELECT coalesce(max(length(entity_id) + length(coalesce(message, ''))), 0) FROM applied_operations"))
                .isLessThan(1_000);
    }

    // --- 15: a lone surrogate is refused, and the device's resend gets the same answer

    @Test
    void aLoneSurrogateIsRefusedAndTheResendIsNotCalledImmutable() {
        String token = server.token("conseil1");
        VisitReportDto r = report("PLACEHOLDER");
        String first = pushJsonWithLoneSurrogate(r);
        String second = pushJsonWithLoneSurrogate(r);
        String t1 = server.postJson(ApiPaths.SYNC_PUSH, token, first).body();
        String t2 = server.postJson(ApiPaths.SYNC_PUSH, token, second).body();
        OperationResultDto a =
                MedianceJson.gson().fromJson(t1, PushResponse.class).results().get(0);
        OperationResultDto b =
                MedianceJson.gson().fromJson(t2, PushResponse.class).results().get(0);
        assertThat(a.status()).isEqualTo(OpStatus.REJECTED);
        assertThat(a.code()).isEqualTo("invalid_field");
        assertThat(b.code()).isEqualTo("invalid_field");
        assertThat(server.count("SELECT count(*) FROM visit_reports WHERE id = ?", r.id()))
                .isZero();
    }

    @Test
    void aWellFormedEmojiIsKeptByteExactSoTheResendMatches() {
        String token = server.token("conseil1");
        VisitReportDto r = report("Rendez-vous pris \uD83D\uDE42 avec la CAF.");
        OperationResultDto a = pushOne(token, op(r));
        OperationResultDto b = pushOne(token, op(r));
        assertThat(a.status()).isEqualTo(OpStatus.APPLIED);
        assertThat(b.status()).isEqualTo(OpStatus.APPLIED);
        assertThat(b.version()).isEqualTo(a.version());
    }

    private String pushJsonWithLoneSurrogate(VisitReportDto r) {
        String json = MedianceJson.gson().toJson(new PushRequest("tablette", List.of(op(r))));
        return json.replace("PLACEHOLDER", "Synth\\ud800se");
    }

    // --- 8: naming a blob's hash is not enough to get it

    @Test
    void aCounsellorWhoOnlyNamesAnotherOnesBlobDoesNotGetIt() throws Exception {
        String conseil1 = server.token("conseil1");
        String conseil2 = server.token("conseil2");
        byte[] bytes = randomBytes(50_000, 8);
        String sha = sha256(bytes);
        assertThat(put(conseil1, sha, bytes)).isEqualTo(201);
        assertThat(pushOne(conseil1, op(document(R1, sha, "image/jpeg", bytes.length)))
                        .status())
                .isEqualTo(OpStatus.APPLIED);
        assertThat(get(conseil1, ApiPaths.blob(sha)).statusCode()).isEqualTo(200);

        // conseil2 knows the hash, names it in a document of her own resident
        assertThat(pushOne(conseil2, op(document(R4, sha, "image/jpeg", bytes.length)))
                        .status())
                .isNotEqualTo(OpStatus.REJECTED);
        assertThat(get(conseil2, ApiPaths.blob(sha)).statusCode()).isEqualTo(404);
        assertThat(get(conseil2, ApiPaths.blob(sha) + "/thumbnail").statusCode())
                .isEqualTo(404);
        // the server does not tell her it holds the blob: she must send it
        assertThat(head(conseil2, sha)).isEqualTo(404);
        assertThat(server.postJson(ApiPaths.BLOBS_HELD, conseil2, "{\"sha256s\":[\"" + sha + "\"]}")
                        .body())
                .doesNotContain(sha);

        // wrong bytes under the hash prove nothing
        byte[] other = randomBytes(50_000, 9);
        assertThat(putRaw(conseil2, sha, other)).isNotEqualTo(200);
        assertThat(get(conseil2, ApiPaths.blob(sha)).statusCode()).isEqualTo(404);

        // once she sends the bytes herself, her document has its file
        assertThat(put(conseil2, sha, bytes)).isEqualTo(200);
        assertThat(get(conseil2, ApiPaths.blob(sha)).statusCode()).isEqualTo(200);
    }

    @Test
    void aTusCreationForAHeldBlobStillNeedsTheBytesFromWhoNeverSentThem() throws Exception {
        String conseil1 = server.token("conseil1");
        String conseil2 = server.token("conseil2");
        byte[] bytes = randomBytes(40_000, 10);
        String sha = sha256(bytes);
        assertThat(put(conseil1, sha, bytes)).isEqualTo(201);
        HttpResponse<String> created = http.send(
                HttpRequest.newBuilder(URI.create(server.url(ApiPaths.UPLOADS)))
                        .header("Authorization", "Bearer " + conseil2)
                        .header("Tus-Resumable", "1.0.0")
                        .header("Upload-Length", Integer.toString(bytes.length))
                        .header("Upload-Metadata", "sha256 " + b64(sha) + ",filetype " + b64("image/jpeg"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Upload-Offset")).contains("0");
        // the same account that sent them skips the upload
        HttpResponse<String> again = http.send(
                HttpRequest.newBuilder(URI.create(server.url(ApiPaths.UPLOADS)))
                        .header("Authorization", "Bearer " + conseil1)
                        .header("Tus-Resumable", "1.0.0")
                        .header("Upload-Length", Integer.toString(bytes.length))
                        .header("Upload-Metadata", "sha256 " + b64(sha) + ",filetype " + b64("image/jpeg"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(again.headers().firstValue("Upload-Offset")).contains(Integer.toString(bytes.length));
    }

    // --- 12: headers on every answer, blobs served with a safe type

    @Test
    void everyAnswerSaysNosniffAndNoStore() throws Exception {
        HttpResponse<String> me = get(server.token("conseil1"), ApiPaths.ME);
        assertThat(me.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(me.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        HttpResponse<String> login = http.send(
                HttpRequest.newBuilder(URI.create(server.url(ApiPaths.LOGIN)))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"conseil1\",\"password\":\""
                                + TestServer.PASSWORD + "\",\"deviceId\":\"t\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        assertThat(login.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        HttpResponse<String> missing = get(null, "/api/v1/nothing-here");
        assertThat(missing.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        HttpResponse<String> refused = get(null, ApiPaths.ME);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
    }

    @Test
    void aBlobDeclaredHtmlIsServedAsAnAttachmentThatCannotRun() throws Exception {
        String conseil1 = server.token("conseil1");
        byte[] html = "<html><script>alert(document.cookie)</script></html>".getBytes(StandardCharsets.UTF_8);
        String sha = sha256(html);
        assertThat(put(conseil1, sha, html)).isEqualTo(201);
        assertThat(pushOne(conseil1, op(document(R1, sha, "text/html", html.length)))
                        .status())
                .isEqualTo(OpStatus.APPLIED);
        HttpResponse<String> r = get(conseil1, ApiPaths.blob(sha));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).contains("application/octet-stream");
        assertThat(r.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
        assertThat(r.headers().firstValue("Content-Security-Policy").orElse("")).contains("sandbox");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }

    @Test
    void aJpegIsServedInlineAsAJpeg() throws Exception {
        String conseil1 = server.token("conseil1");
        byte[] bytes = randomBytes(1000, 11);
        String sha = sha256(bytes);
        put(conseil1, sha, bytes);
        pushOne(conseil1, op(document(R1, sha, "image/jpeg", bytes.length)));
        HttpResponse<String> r = get(conseil1, ApiPaths.blob(sha));
        assertThat(r.headers().firstValue("Content-Type")).contains("image/jpeg");
        assertThat(r.headers().firstValue("Content-Disposition").orElse("")).startsWith("inline; filename=");
    }

    // --- 16: Expect: 100-continue with a body too large is refused before the client sends it

    @Test
    void anOversizedBodyAnnouncedWithExpectContinueGets413NotContinue() throws Exception {
        String status =
                firstStatusLine("POST " + ApiPaths.SYNC_PUSH + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                        + server.token("conseil1")
                        + "\r\nContent-Type: application/json\r\nContent-Length: 2000000\r\n"
                        + "Expect: 100-continue\r\nConnection: close\r\n\r\n");
        assertThat(status).startsWith("HTTP/1.1 413");
        String login = firstStatusLine("POST " + ApiPaths.LOGIN + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nContent-Length: 1500000\r\n"
                + "Expect: 100-continue\r\nConnection: close\r\n\r\n");
        assertThat(login).startsWith("HTTP/1.1 413");
    }

    private String firstStatusLine(String head) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.app.port())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            return readLine(s.getInputStream());
        }
    }

    // --- 6: a body trickled byte by byte is cut off by a deadline

    @Test
    void aLoginTrickledByteByByteIsAnswered408() throws Exception {
        byte[] body = ("{\"username\":\"conseil1\",\"password\":\"" + TestServer.PASSWORD + "\",\"deviceId\":\"t\"}")
                .getBytes(StandardCharsets.UTF_8);
        String head = "POST " + ApiPaths.LOGIN + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
        long started = System.nanoTime();
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.app.port())) {
            s.setSoTimeout(45_000);
            OutputStream out = s.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            Thread trickle = new Thread(() -> {
                try {
                    for (byte b : body) {
                        out.write(b);
                        out.flush();
                        Thread.sleep(2_000);
                    }
                } catch (IOException | InterruptedException closed) {
                    // the server answered and closed, or the test ended
                }
            });
            trickle.setDaemon(true);
            trickle.start();
            String status;
            try {
                status = readLine(in);
            } catch (SocketTimeoutException e) {
                status = "no answer after 45 s";
            } finally {
                trickle.interrupt();
            }
            assertThat(status).startsWith("HTTP/1.1 408");
            String rest = readAll(in);
            assertThat(rest).contains("application/problem+json").contains("request_timeout");
        }
        // the body would take more than 2 minutes to arrive; the server cuts it well before
        assertThat((System.nanoTime() - started) / 1_000_000_000L).isLessThan(45);
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (c != '\r') {
                line.write(c);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    private static String readAll(InputStream in) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        try {
            int n;
            while ((n = in.read(buf)) != -1) {
                all.write(buf, 0, n);
            }
        } catch (IOException ended) {
            // what came is enough
        }
        return all.toString(StandardCharsets.UTF_8);
    }

    // --- helpers

    static VisitReportDto report(String synthesis) {
        return new VisitReportDto(
                UUID.randomUUID().toString(),
                null,
                null,
                R1,
                "demo-conseil1",
                "home_visit",
                List.of("energie"),
                synthesis,
                null,
                null,
                null,
                null,
                null);
    }

    static VisitReportDto withId(VisitReportDto r, String id) {
        return new VisitReportDto(
                id,
                r.structureId(),
                r.appointmentId(),
                r.residentId(),
                r.counsellorId(),
                r.medium(),
                r.domains(),
                r.synthesis(),
                r.followUp(),
                r.followUpDue(),
                r.startedAt(),
                r.completedAt(),
                r.supersedes());
    }

    static DocumentDto document(String residentId, String sha, String mime, long size) {
        return new DocumentDto(
                UUID.randomUUID().toString(), null, null, residentId, "facture", sha, mime, size, null, null);
    }

    static OperationDto op(fr.mediance.protocol.EntityDto data) {
        return new OperationDto(UUID.randomUUID().toString(), EntityType.of(data), data.id(), null, false, data);
    }

    OperationResultDto pushOne(String token, OperationDto op) {
        return server.post(ApiPaths.SYNC_PUSH, token, new PushRequest("tablette", List.of(op)))
                .as(PushResponse.class)
                .results()
                .get(0);
    }

    HttpResponse<String> get(String token, String path) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url(path)));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    int head(String token, String sha) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(URI.create(server.url(ApiPaths.blob(sha))))
                                .header("Authorization", "Bearer " + token)
                                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    int put(String token, String sha, byte[] bytes) throws Exception {
        return putRaw(token, sha, bytes);
    }

    int putRaw(String token, String sha, byte[] bytes) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(URI.create(server.url(ApiPaths.blob(sha))))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/octet-stream")
                                .header(ApiPaths.HEADER_CONTENT_SHA256, sha)
                                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    static byte[] randomBytes(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    static String b64(String s) {
        return java.util.Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
