package fr.mediance.server;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.protocol.ApiPaths;
import fr.mediance.protocol.BlobReceiptDto;
import fr.mediance.protocol.DocumentDto;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.Limits;
import fr.mediance.protocol.OpStatus;
import fr.mediance.protocol.OperationDto;
import fr.mediance.protocol.PushRequest;
import fr.mediance.protocol.PushResponse;
import fr.mediance.server.TestServer.Response;
import fr.mediance.server.demo.DemoSeeder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlobTest {
    @TempDir
    Path dir;

    TestServer server;
    String conseil1;

    @BeforeEach
    void start() {
        server = TestServer.demoCopy(dir);
        conseil1 = server.token("conseil1");
    }

    @AfterEach
    void stop() {
        server.close();
        server.db.close();
    }

    static byte[] photo(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    Response upload(String token, String sha, String header, byte[] bytes) {
        HttpRequest.Builder b = server.request(ApiPaths.blob(sha), token)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .header("Content-Type", "application/octet-stream");
        if (header != null) {
            b.header(ApiPaths.HEADER_CONTENT_SHA256, header);
        }
        return server.send(b);
    }

    int head(String token, String sha) {
        return server.send(
                        server.request(ApiPaths.blob(sha), token).method("HEAD", HttpRequest.BodyPublishers.noBody()))
                .status();
    }

    List<Path> storedFiles() throws IOException {
        try (Stream<Path> files = Files.walk(dir.resolve("blobs"))) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    void pushDocument(String token, String sha, String mime, long size) {
        DocumentDto d = new DocumentDto(
                UUID.randomUUID().toString(),
                null,
                null,
                DemoSeeder.residentId(1),
                "facture",
                sha,
                mime,
                size,
                null,
                null);
        PushResponse r = server.post(
                        ApiPaths.SYNC_PUSH,
                        token,
                        new PushRequest(
                                "t",
                                List.of(new OperationDto(
                                        UUID.randomUUID().toString(), EntityType.DOCUMENT, d.id(), null, false, d))))
                .as(PushResponse.class);
        assertThat(r.results().get(0).status()).isEqualTo(OpStatus.APPLIED);
    }

    @Test
    void anUploadIsStoredOnceUnderItsHash() throws Exception {
        byte[] bytes = photo(300_000, 1);
        String sha = sha256(bytes);
        Response first = upload(conseil1, sha, sha, bytes);
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.as(BlobReceiptDto.class)).isEqualTo(new BlobReceiptDto(sha, bytes.length, true));
        Path file = dir.resolve("blobs")
                .resolve(sha.substring(0, 2))
                .resolve(sha.substring(2, 4))
                .resolve(sha);
        assertThat(file).hasBinaryContent(bytes);

        Response again = upload(conseil1, sha, sha, bytes);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.as(BlobReceiptDto.class)).isEqualTo(new BlobReceiptDto(sha, bytes.length, false));
        assertThat(storedFiles()).containsExactly(file);
        assertThat(server.count("SELECT COUNT(*) FROM blobs WHERE sha256 = ?", sha))
                .isEqualTo(1);
        assertThat(head(conseil1, sha)).isEqualTo(200);
        assertThat(head(conseil1, "00".repeat(32))).isEqualTo(404);
    }

    @Test
    void bytesThatDoNotMatchTheirHashAreRefusedAndNotKept() throws Exception {
        byte[] bytes = photo(10_000, 2);
        String other = sha256(photo(10_000, 3));
        Response r = upload(conseil1, other, other, bytes);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.problem().code()).isEqualTo("hash_mismatch");
        assertThat(storedFiles()).isEmpty();
        assertThat(head(conseil1, other)).isEqualTo(404);
        assertThat(server.count("SELECT COUNT(*) FROM blobs")).isZero();
    }

    @Test
    void theHashHeaderMustMatchThePath() throws Exception {
        byte[] bytes = photo(100, 4);
        String sha = sha256(bytes);
        assertThat(upload(conseil1, sha, null, bytes).problem().code()).isEqualTo("sha256_header_mismatch");
        assertThat(upload(conseil1, sha, "11".repeat(32), bytes).status()).isEqualTo(400);
        assertThat(upload(conseil1, "pas-un-hash", "pas-un-hash", bytes)
                        .problem()
                        .code())
                .isEqualTo("invalid_sha256");
    }

    @Test
    void anUploadWithAnExpiredTokenIsRefusedBeforeTheBodyWhenTheClientAsksToContinue() throws Exception {
        String sha = "12".repeat(32);
        server.clock.advance(java.time.Duration.ofMinutes(16));
        try (Socket s = new Socket("localhost", server.app.port())) {
            OutputStream out = s.getOutputStream();
            out.write(("PUT " + ApiPaths.blob(sha) + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + conseil1
                            + "\r\n" + ApiPaths.HEADER_CONTENT_SHA256 + ": " + sha + "\r\nContent-Length: 5000000\r\n"
                            + "Expect: 100-continue\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer)
                    .startsWith("HTTP/1.1 401")
                    .contains("token_expired")
                    .doesNotContain("100 Continue");
        }
        assertThat(storedFiles()).isEmpty();
    }

    @Test
    void theOfficeMayNotUpload() throws Exception {
        byte[] bytes = photo(100, 5);
        assertThat(upload(server.token("bureau"), sha256(bytes), sha256(bytes), bytes)
                        .status())
                .isEqualTo(403);
    }

    @Test
    void aStreamedBodyOverTheLimitIs413AndNothingIsKept() throws Exception {
        String sha = "cd".repeat(32);
        long size = Limits.MAX_BLOB_BYTES + 1;
        InputStream endless = new InputStream() {
            long left = size;

            @Override
            public int read() {
                return left-- > 0 ? 7 : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                left -= n;
                return n;
            }
        };
        Response r = server.send(server.request(ApiPaths.blob(sha), conseil1)
                .header(ApiPaths.HEADER_CONTENT_SHA256, sha)
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> endless)));
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.problem().code()).isEqualTo("blob_too_large");
        assertThat(storedFiles()).isEmpty();
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeTheBody() throws Exception {
        String sha = "ef".repeat(32);
        try (Socket s = new Socket("localhost", server.app.port())) {
            OutputStream out = s.getOutputStream();
            out.write(("PUT " + ApiPaths.blob(sha) + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + conseil1
                            + "\r\n" + ApiPaths.HEADER_CONTENT_SHA256 + ": " + sha + "\r\nContent-Length: "
                            + (Limits.MAX_BLOB_BYTES + 1) + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 413").contains("blob_too_large");
        }
    }

    @Test
    void aBlobIsDownloadedByThoseWhoMaySeeItsDocument() throws Exception {
        byte[] bytes = photo(123_456, 6);
        String sha = sha256(bytes);
        assertThat(upload(conseil1, sha, sha, bytes).status()).isEqualTo(201);
        assertThat(server.get(ApiPaths.blob(sha), server.token("coord")).status())
                .as("no document refers to it yet")
                .isEqualTo(404);

        pushDocument(conseil1, sha, "image/png", bytes.length);

        Response mine = server.get(ApiPaths.blob(sha), conseil1);
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.contentType()).isEqualTo("image/png");
        assertThat(mine.bytes()).isEqualTo(bytes);
        assertThat(server.get(ApiPaths.blob(sha), server.token("bureau")).bytes())
                .isEqualTo(bytes);
        assertThat(server.get(ApiPaths.blob(sha), server.token("coord")).status())
                .isEqualTo(200);

        Response other = server.get(ApiPaths.blob(sha), server.token("conseil2"));
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.problem().code()).isEqualTo("blob_not_found");
    }
}
