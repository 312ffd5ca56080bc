package fr.mediance.server;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.protocol.ApiPaths;
import fr.mediance.protocol.Limits;
import fr.mediance.protocol.ProblemDto;
import fr.mediance.protocol.Tus;
import fr.mediance.server.TusClient.Answer;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * tus 1.0.0 against the real server: one server for the class (each test uploads its own random file), real
 * HTTP, real SQLite and files.
 */
class TusUploadTest {
    @TempDir
    static Path dir;

    static TestServer server;
    static TusClient tus;
    static String conseil1;
    static String conseil2;
    static String bureau;

    @BeforeAll
    static void start() {
        server = TestServer.demoCopy(dir);
        tus = new TusClient(server);
        conseil1 = server.token("conseil1");
        conseil2 = server.token("conseil2");
        bureau = server.token("bureau");
    }

    @AfterAll
    static void stop() {
        server.close();
        server.db.close();
    }

    static Path blobFile(String sha) {
        return dir.resolve("blobs")
                .resolve(sha.substring(0, 2))
                .resolve(sha.substring(2, 4))
                .resolve(sha);
    }

    static Path partFile(String location) {
        return dir.resolve("uploads").resolve(location.substring(location.lastIndexOf('/') + 1) + ".part");
    }

    static long partFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("uploads"))) {
            return files.count();
        }
    }

    static void assertProblem(Answer a, int status, String code) {
        assertThat(a.status()).as(a.text()).isEqualTo(status);
        assertThat(a.header(Tus.TUS_RESUMABLE)).contains(Tus.VERSION);
        ProblemDto p = a.problem();
        assertThat(p.code()).isEqualTo(code);
        assertThat(p.detail()).isNotBlank();
    }

    /** HEAD answers have no body: the status and the tus header say it all. */
    static void assertHeadStatus(Answer a, int status) {
        assertThat(a.status()).isEqualTo(status);
        assertThat(a.header(Tus.TUS_RESUMABLE)).contains(Tus.VERSION);
        assertThat(a.body()).isEmpty();
    }

    @Test
    void optionsAnnouncesTheProtocolAndTheLimitsWithoutAnAccount() {
        Answer a = tus.options();
        assertThat(a.status()).isEqualTo(204);
        assertThat(a.header(Tus.TUS_RESUMABLE)).contains("1.0.0");
        assertThat(a.header(Tus.TUS_VERSION)).contains("1.0.0");
        assertThat(a.header(Tus.TUS_EXTENSION))
                .contains("creation,creation-with-upload,checksum,expiration,termination");
        assertThat(a.header(Tus.TUS_MAX_SIZE)).contains(Long.toString(Limits.MAX_BLOB_BYTES));
        assertThat(a.header(Tus.TUS_CHECKSUM_ALGORITHM)).contains("sha256,sha1");
        assertThat(a.header(Tus.CHUNK_SIZE)).contains(Integer.toString(Limits.DEFAULT_CHUNK_BYTES));
    }

    @Test
    void aFileArrivesChunkByChunkAndBecomesAVerifiedBlob() throws IOException {
        byte[] file = TusClient.bytes(600_000, 1);
        String sha = TusClient.sha256Hex(file);
        Answer created = tus.create(conseil1, file.length, TusClient.metadata(sha));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.offset()).isZero();
        assertThat(created.location()).startsWith(ApiPaths.UPLOADS + "/");
        assertThat(created.header(Tus.UPLOAD_EXPIRES).orElseThrow()).endsWith(" GMT");
        assertThat(created.header(Tus.TUS_RESUMABLE)).contains("1.0.0");

        int chunk = Limits.DEFAULT_CHUNK_BYTES;
        Answer first = tus.patch(
                conseil1, created.location(), 0, TusClient.slice(file, 0, chunk), TusClient.checksum(file, 0, chunk));
        assertThat(first.status()).isEqualTo(204);
        assertThat(first.offset()).isEqualTo(chunk);
        assertThat(first.header(Tus.UPLOAD_EXPIRES)).isPresent();

        Answer head = tus.head(conseil1, created.location());
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.offset()).isEqualTo(chunk);
        assertThat(head.header(Tus.UPLOAD_LENGTH)).contains(Integer.toString(file.length));
        assertThat(head.header("Cache-Control")).contains("no-store");
        assertThat(head.header(Tus.UPLOAD_METADATA)).contains(TusClient.metadata(sha));
        assertThat(blobFile(sha)).doesNotExist();

        Answer second = tus.patch(
                conseil1,
                created.location(),
                chunk,
                TusClient.slice(file, chunk, 2 * chunk),
                TusClient.checksum(file, chunk, 2 * chunk));
        assertThat(second.offset()).isEqualTo(2 * chunk);
        // sha1 is accepted too
        byte[] last = TusClient.slice(file, 2 * chunk, file.length);
        Answer done = tus.patch(
                conseil1,
                created.location(),
                2 * chunk,
                last,
                "sha1 " + java.util.Base64.getEncoder().encodeToString(TusClient.digest("SHA-1", last)));
        assertThat(done.status()).isEqualTo(204);
        assertThat(done.offset()).isEqualTo(file.length);

        assertThat(blobFile(sha)).hasBinaryContent(file);
        assertThat(partFile(created.location())).doesNotExist();
        assertThat(server.count("SELECT COUNT(*) FROM blobs WHERE sha256 = ?", sha))
                .isEqualTo(1);
        assertThat(server.send(server.request(ApiPaths.blob(sha), conseil1)
                                .method("HEAD", HttpRequest.BodyPublishers.noBody()))
                        .status())
                .isEqualTo(200);
        Answer after = tus.head(conseil1, created.location());
        assertThat(after.offset()).isEqualTo(file.length);
    }

    @Test
    void theFirstChunkMayRideInTheCreation() {
        byte[] file = TusClient.bytes(70_000, 2);
        String sha = TusClient.sha256Hex(file);
        Answer created = tus.createWith(
                conseil1,
                file.length,
                TusClient.metadata(sha),
                TusClient.slice(file, 0, 50_000),
                TusClient.checksum(file, 0, 50_000));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.offset()).isEqualTo(50_000);
        Answer done = tus.patch(
                conseil1,
                created.location(),
                50_000,
                TusClient.slice(file, 50_000, file.length),
                TusClient.checksum(file, 50_000, file.length));
        assertThat(done.offset()).isEqualTo(file.length);
        assertThat(blobFile(sha)).hasBinaryContent(file);

        byte[] small = TusClient.bytes(10_000, 3);
        Answer whole =
                tus.createWith(conseil1, small.length, TusClient.metadata(TusClient.sha256Hex(small)), small, null);
        assertThat(whole.status()).isEqualTo(201);
        assertThat(whole.offset()).isEqualTo(small.length);
        assertThat(blobFile(TusClient.sha256Hex(small))).hasBinaryContent(small);
    }

    @Test
    void aChunkCutWithItsChecksumKeepsNothingAndTheUploadResumesAtTheAcknowledgedOffset() {
        byte[] file = TusClient.bytes(300_000, 4);
        String sha = TusClient.sha256Hex(file);
        Answer created = tus.create(conseil1, file.length, TusClient.metadata(sha));
        tus.patch(
                conseil1,
                created.location(),
                0,
                TusClient.slice(file, 0, 100_000),
                TusClient.checksum(file, 0, 100_000));

        String answer = tus.cutPatch(
                conseil1,
                created.location(),
                100_000,
                TusClient.slice(file, 100_000, 300_000),
                60_000,
                TusClient.checksum(file, 100_000, 300_000));
        assertThat(answer).startsWith("HTTP/1.1 400").contains("upload_interrupted");
        assertThat(tus.head(conseil1, created.location()).offset()).isEqualTo(100_000);
        assertThat(partFile(created.location())).hasSize(100_000);

        Answer done = tus.patch(
                conseil1,
                created.location(),
                100_000,
                TusClient.slice(file, 100_000, 300_000),
                TusClient.checksum(file, 100_000, 300_000));
        assertThat(done.offset()).isEqualTo(file.length);
        assertThat(blobFile(sha)).hasBinaryContent(file);
    }

    @Test
    void aChunkCutWithoutAChecksumKeepsTheBytesThatArrived() {
        byte[] file = TusClient.bytes(200_000, 5);
        String sha = TusClient.sha256Hex(file);
        Answer created = tus.create(conseil1, file.length, TusClient.metadata(sha));
        String answer = tus.cutPatch(conseil1, created.location(), 0, file, 80_000, null);
        assertThat(answer).startsWith("HTTP/1.1 400").contains("upload_interrupted");
        long kept = tus.head(conseil1, created.location()).offset();
        assertThat(kept).isEqualTo(80_000);
        Answer done =
                tus.patch(conseil1, created.location(), kept, TusClient.slice(file, (int) kept, file.length), null);
        assertThat(done.offset()).isEqualTo(file.length);
        assertThat(blobFile(sha)).hasBinaryContent(file);
    }

    @Test
    void aWrongOffsetIs409AndTellsTheOffsetTheServerHolds() {
        byte[] file = TusClient.bytes(100_000, 6);
        Answer created = tus.create(conseil1, file.length, TusClient.metadata(TusClient.sha256Hex(file)));
        tus.patch(
                conseil1, created.location(), 0, TusClient.slice(file, 0, 40_000), TusClient.checksum(file, 0, 40_000));

        Answer replayed = tus.patch(
                conseil1, created.location(), 0, TusClient.slice(file, 0, 40_000), TusClient.checksum(file, 0, 40_000));
        assertProblem(replayed, 409, "upload_offset_mismatch");
        assertThat(replayed.offset()).isEqualTo(40_000);
        Answer ahead = tus.patch(conseil1, created.location(), 60_000, TusClient.slice(file, 60_000, 100_000), null);
        assertProblem(ahead, 409, "upload_offset_mismatch");
        assertThat(tus.head(conseil1, created.location()).offset()).isEqualTo(40_000);
        assertThat(partFile(created.location())).hasSize(40_000);
    }

    @Test
    void aChunkWithABadChecksumIs460AndNothingOfItIsKept() {
        byte[] file = TusClient.bytes(100_000, 7);
        Answer created = tus.create(conseil1, file.length, TusClient.metadata(TusClient.sha256Hex(file)));
        byte[] damaged = TusClient.slice(file, 0, 50_000);
        damaged[1234] ^= 1;
        Answer a = tus.patch(conseil1, created.location(), 0, damaged, TusClient.checksum(file, 0, 50_000));
        assertProblem(a, 460, "checksum_mismatch");
        assertThat(tus.head(conseil1, created.location()).offset()).isZero();
        assertThat(partFile(created.location())).isEmptyFile();

        assertProblem(
                tus.patch(conseil1, created.location(), 0, damaged, "md5 " + TusClient.b64("x")),
                400,
                "unsupported_checksum_algorithm");
        assertProblem(
                tus.patch(conseil1, created.location(), 0, damaged, "sha256 pas-du-base64!"),
                400,
                "invalid_upload_checksum");
    }

    @Test
    void aWholeFileThatDoesNotMatchItsHashIs460AndStartsAgainFromZero() {
        byte[] file = TusClient.bytes(90_000, 8);
        String announced = TusClient.sha256Hex(TusClient.bytes(90_000, 9));
        Answer created = tus.create(conseil1, file.length, TusClient.metadata(announced));
        tus.patch(
                conseil1, created.location(), 0, TusClient.slice(file, 0, 45_000), TusClient.checksum(file, 0, 45_000));
        Answer last = tus.patch(
                conseil1,
                created.location(),
                45_000,
                TusClient.slice(file, 45_000, 90_000),
                TusClient.checksum(file, 45_000, 90_000));
        assertProblem(last, 460, "upload_sha256_mismatch");
        assertThat(last.offset()).isZero();
        assertThat(tus.head(conseil1, created.location()).offset()).isZero();
        assertThat(blobFile(announced)).doesNotExist();
        assertThat(blobFile(TusClient.sha256Hex(file))).doesNotExist();
        assertThat(server.count("SELECT COUNT(*) FROM blobs WHERE sha256 = ?", announced))
                .isZero();
    }

    @Test
    void anUploadBelongsToItsCreator() {
        byte[] file = TusClient.bytes(30_000, 10);
        Answer created = tus.create(conseil1, file.length, TusClient.metadata(TusClient.sha256Hex(file)));
        assertHeadStatus(tus.head(conseil2, created.location()), 404);
        assertProblem(tus.patch(conseil2, created.location(), 0, file, null), 404, "upload_not_found");
        assertProblem(tus.delete(conseil2, created.location()), 404, "upload_not_found");
        assertProblem(tus.create(bureau, file.length, TusClient.metadata(TusClient.sha256Hex(file))), 403, "forbidden");
        assertHeadStatus(tus.head(null, created.location()), 401);
        assertThat(tus.head(conseil1, created.location()).offset()).isZero();
        assertThat(partFile(created.location())).isEmptyFile();
    }

    @Test
    void terminationRemovesTheUploadAndItsBytes() {
        byte[] file = TusClient.bytes(60_000, 11);
        Answer created = tus.create(conseil1, file.length, TusClient.metadata(TusClient.sha256Hex(file)));
        tus.patch(conseil1, created.location(), 0, TusClient.slice(file, 0, 30_000), null);
        Answer deleted = tus.delete(conseil1, created.location());
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.header(Tus.TUS_RESUMABLE)).contains("1.0.0");
        assertThat(partFile(created.location())).doesNotExist();
        assertHeadStatus(tus.head(conseil1, created.location()), 404);
        assertProblem(
                tus.patch(conseil1, created.location(), 30_000, TusClient.slice(file, 30_000, 60_000), null),
                404,
                "upload_not_found");
    }

    @Test
    void aBlobTheServerAlreadyHasFromTheSameAccountIsNotSentAgain() throws IOException {
        byte[] file = TusClient.bytes(120_000, 12);
        String sha = TusClient.sha256Hex(file);
        tus.upload(conseil1, file, Limits.DEFAULT_CHUNK_BYTES);
        long parts = partFiles();

        Answer again = tus.create(conseil1, file.length, TusClient.metadata(sha));
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.offset()).isEqualTo(file.length);
        assertThat(tus.head(conseil1, again.location()).offset()).isEqualTo(file.length);
        assertThat(partFiles()).isEqualTo(parts);
        assertThat(server.count("SELECT COUNT(*) FROM blobs WHERE sha256 = ?", sha))
                .isEqualTo(1);
        assertProblem(tus.create(conseil1, file.length + 1, TusClient.metadata(sha)), 400, "upload_length_mismatch");

        // a colleague who never sent these bytes sends them: knowing the hash is not holding the file
        Answer colleague = tus.create(conseil2, file.length, TusClient.metadata(sha));
        assertThat(colleague.status()).isEqualTo(201);
        assertThat(colleague.offset()).isZero();
    }

    @Test
    void malformedCreationsAre4xxProblemsAndCreateNothing() throws IOException {
        long uploads = server.count("SELECT COUNT(*) FROM uploads");
        long parts = partFiles();
        String sha = TusClient.sha256Hex(TusClient.bytes(10, 13));

        Answer noVersion = tus.send(server.request(ApiPaths.UPLOADS, conseil1)
                .header(Tus.UPLOAD_LENGTH, "10")
                .header(Tus.UPLOAD_METADATA, TusClient.metadata(sha))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertProblem(noVersion, 412, "tus_version_unsupported");
        assertThat(noVersion.header(Tus.TUS_VERSION)).contains("1.0.0");

        assertProblem(
                tus.create(conseil1, Limits.MAX_BLOB_BYTES + 1, TusClient.metadata(sha)), 413, "upload_too_large");
        assertProblem(tus.create(conseil1, 0, TusClient.metadata(sha)), 400, "invalid_upload_length");
        assertProblem(
                tus.send(tus.request(ApiPaths.UPLOADS, conseil1)
                        .header(Tus.UPLOAD_METADATA, TusClient.metadata(sha))
                        .header("Upload-Defer-Length", "1")
                        .POST(HttpRequest.BodyPublishers.noBody())),
                400,
                "invalid_upload_length");
        assertProblem(
                tus.send(tus.request(ApiPaths.UPLOADS, conseil1)
                        .header(Tus.UPLOAD_LENGTH, "-5")
                        .header(Tus.UPLOAD_METADATA, TusClient.metadata(sha))
                        .POST(HttpRequest.BodyPublishers.noBody())),
                400,
                "invalid_upload_length");
        assertProblem(
                tus.create(conseil1, 10, "filetype " + TusClient.b64("image/jpeg")), 400, "invalid_upload_metadata");
        assertProblem(
                tus.create(conseil1, 10, "sha256 " + TusClient.b64(sha.toUpperCase())), 400, "invalid_upload_metadata");
        assertProblem(tus.create(conseil1, 10, "sha256 pas*base64"), 400, "invalid_upload_metadata");
        assertProblem(
                tus.create(conseil1, 10, TusClient.metadata(sha) + ",sha256 " + TusClient.b64(sha)),
                400,
                "invalid_upload_metadata");
        assertProblem(
                tus.createWith(conseil1, 10, TusClient.metadata(sha), TusClient.bytes(11, 1), null),
                413,
                "upload_length_exceeded");
        assertProblem(
                tus.send(tus.request(ApiPaths.UPLOADS, conseil1)
                        .header(Tus.UPLOAD_LENGTH, "10")
                        .header(Tus.UPLOAD_METADATA, TusClient.metadata(sha))
                        .header("Content-Type", "image/jpeg")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(TusClient.bytes(10, 1)))),
                415,
                "unsupported_media_type");
        byte[] wrong = TusClient.bytes(10, 2);
        assertProblem(
                tus.createWith(
                        conseil1,
                        10,
                        TusClient.metadata(sha),
                        wrong,
                        TusClient.checksum(TusClient.bytes(10, 3), 0, 10)),
                460,
                "checksum_mismatch");

        assertThat(server.count("SELECT COUNT(*) FROM uploads")).isEqualTo(uploads);
        assertThat(partFiles()).isEqualTo(parts);
    }

    @Test
    void malformedChunksAre4xxProblemsAndChangeNothing() {
        byte[] file = TusClient.bytes(50_000, 14);
        Answer created = tus.create(conseil1, file.length, TusClient.metadata(TusClient.sha256Hex(file)));
        String at = created.location();

        assertProblem(
                tus.send(tus.request(at, conseil1)
                        .header(Tus.UPLOAD_OFFSET, "0")
                        .header("Content-Type", "application/octet-stream")
                        .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(file))),
                415,
                "unsupported_media_type");
        assertProblem(
                tus.send(tus.request(at, conseil1)
                        .header("Content-Type", Tus.OFFSET_OCTET_STREAM)
                        .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(file))),
                400,
                "invalid_upload_offset");
        assertProblem(
                tus.send(tus.request(at, conseil1)
                        .header(Tus.UPLOAD_OFFSET, "99999999999999999999")
                        .header("Content-Type", Tus.OFFSET_OCTET_STREAM)
                        .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(file))),
                400,
                "invalid_upload_offset");
        assertProblem(tus.patch(conseil1, at, 0, TusClient.bytes(50_001, 1), null), 413, "upload_length_exceeded");
        assertProblem(tus.patch(conseil1, ApiPaths.UPLOADS + "/pas-un-envoi", 0, file, null), 404, "upload_not_found");
        assertProblem(
                tus.patch(conseil1, ApiPaths.UPLOADS + "/" + java.util.UUID.randomUUID(), 0, file, null),
                404,
                "upload_not_found");

        assertThat(tus.head(conseil1, at).offset()).isZero();
        assertThat(partFile(at)).isEmptyFile();
    }

    @Test
    void aChunkLargerThanTheServerAcceptsIsRefusedBeforeItsBytes() throws IOException {
        byte[] file = TusClient.bytes(5_000_000, 15);
        Answer created = tus.create(conseil1, file.length, TusClient.metadata(TusClient.sha256Hex(file)));
        try (java.net.Socket s = new java.net.Socket("localhost", server.app.port())) {
            s.getOutputStream()
                    .write(("PATCH " + created.location() + " HTTP/1.1\r\nHost: localhost\r\n"
                                    + "Authorization: Bearer " + conseil1
                                    + "\r\nTus-Resumable: 1.0.0\r\nUpload-Offset: 0\r\n"
                                    + "Content-Type: application/offset+octet-stream\r\nContent-Length: " + file.length
                                    + "\r\nConnection: close\r\n\r\n")
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            String answer = new String(s.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(answer)
                    .startsWith("HTTP/1.1 413")
                    .contains("chunk_too_large")
                    .contains("Tus-Resumable: 1.0.0");
        }
        assertThat(tus.head(conseil1, created.location()).offset()).isZero();
        assertThat(partFile(created.location())).isEmptyFile();
    }
}
