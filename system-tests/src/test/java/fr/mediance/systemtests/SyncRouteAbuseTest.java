package fr.mediance.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import fr.mediance.protocol.ApiPaths;
import fr.mediance.protocol.DocumentDto;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.Limits;
import fr.mediance.protocol.LoginResponse;
import fr.mediance.protocol.OpStatus;
import fr.mediance.protocol.OperationDto;
import fr.mediance.protocol.ProblemDto;
import fr.mediance.protocol.PushRequest;
import fr.mediance.protocol.PushResponse;
import fr.mediance.protocol.ResidentDto;
import fr.mediance.protocol.json.MedianceJson;
import fr.mediance.testing.TestImages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * What a broken, hostile or confused client sends to the sync routes (push, changes, blobs, resumable
 * uploads), on the wire, against the real server process. Each request that is malformed, truncated,
 * oversized or out of order as a whole gets a 4xx {@code application/problem+json} with a stable code, and
 * writes nothing: the office's change feed and the sender's feed end where they were, no blob appears, and an
 * upload's offset stays where it was (a chunk out of order or replayed: 409; a bad checksum: 460). A
 * replayed push is answered with the stored receipts and writes nothing; an operation out of order inside a
 * valid push (a document whose report never arrived) is refused on its own (per-operation result) and writes
 * nothing. A PATCH larger than the announced chunk size is accepted (tus allows it; the size is advice).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class SyncRouteAbuseTest {
    private static final Gson GSON = MedianceJson.gson();
    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

    private SyncWorld world;
    private RawApi office;
    private RawApi coord;
    private RawApi counsellor;
    private String structureId;
    private String officeEnd;
    private String coordEnd;
    private String counsellorEnd;

    @BeforeAll
    void startServer() throws IOException {
        world = SyncWorld.start(Files.createTempDirectory("mediance-abuse"));
        office = world.api("bureau");
        coord = new RawApi(world.serverUrl());
        LoginResponse login = coord.login("coord", world.password(), "abuse-coord");
        structureId = login.user().structureId();
        counsellor = world.api("conseil1");
    }

    @AfterAll
    void stopServer() {
        world.close();
    }

    @BeforeEach
    void rememberFeeds() {
        officeEnd = office.cursorAtEnd();
        coordEnd = coord.cursorAtEnd();
        counsellorEnd = counsellor.cursorAtEnd();
    }

    /** Nothing was written: no account's feed moved. */
    private void assertNothingWritten() {
        assertThat(office.rowsSince(officeEnd)).as("office feed").isEmpty();
        assertThat(coord.rowsSince(coordEnd)).as("coordinator feed").isEmpty();
        assertThat(counsellor.rowsSince(counsellorEnd)).as("counsellor feed").isEmpty();
    }

    private static void assertProblem(RawApi.Exchange r, int status, String code) {
        assertThat(r.status()).as(r.text()).isEqualTo(status);
        ProblemDto p = r.problem();
        assertThat(p)
                .as("problem+json: " + r.header("Content-Type") + " " + r.text())
                .isNotNull();
        assertThat(p.status()).isEqualTo(status);
        assertThat(p.title()).isNotBlank();
        if (code != null) {
            assertThat(p.code()).isEqualTo(code);
        } else {
            assertThat(p.code()).isNotBlank();
        }
    }

    // ------------------------------------------------------------------------------------------------ push

    private ResidentDto resident(String id) {
        return new ResidentDto(
                id,
                structureId,
                null,
                "Mme",
                "Abus",
                "Alice",
                LocalDate.of(1950, 3, 4),
                "04 91 00 00 00",
                "1 rue du Test",
                "13001",
                "Marseille",
                null,
                null,
                null);
    }

    private String pushBody(int operations) {
        List<OperationDto> ops = new ArrayList<>();
        for (int i = 0; i < operations; i++) {
            String id = UUID.randomUUID().toString();
            ops.add(new OperationDto(UUID.randomUUID().toString(), EntityType.RESIDENT, id, null, false, resident(id)));
        }
        return GSON.toJson(new PushRequest("abuse-coord", ops));
    }

    private RawApi.Exchange push(RawApi as, byte[] body, Map<String, String> headers) {
        return as.exchange("POST", ApiPaths.SYNC_PUSH, headers, body);
    }

    @Test
    void pushMalformedJsonIsRefusedWhole() {
        String valid = pushBody(3);
        for (String body : List.of(
                "{\"deviceId\":\"d\",\"operations\":[{\"opId\":",
                "not json at all",
                "[]",
                "{\"deviceId\":\"d\",\"operations\":{\"a\":1}}",
                valid.replace("\"resident\"", "\"spaceship\""),
                valid.replace("\"entityId\"", "\"entityId\":42,\"x\""),
                "null")) {
            RawApi.Exchange r = push(coord, body.getBytes(StandardCharsets.UTF_8), JSON);
            assertThat(r.status()).as(body).isEqualTo(400);
            assertProblem(r, 400, null);
            assertNothingWritten();
        }
        byte[] noise = new byte[4096];
        new Random(5).nextBytes(noise);
        assertProblem(push(coord, noise, JSON), 400, null);
        assertProblem(push(coord, new byte[0], JSON), 400, "empty_body");
        assertNothingWritten();
    }

    @Test
    void pushTruncatedJsonIsRefusedWholeWhereverItIsCut() {
        byte[] valid = pushBody(5).getBytes(StandardCharsets.UTF_8);
        Random random = new Random(17);
        for (int i = 0; i < 10; i++) {
            int cut = 1 + random.nextInt(valid.length - 2);
            assertProblem(push(coord, Arrays.copyOf(valid, cut), JSON), 400, null);
        }
        assertNothingWritten();
    }

    @Test
    void pushBodyCutOnTheWireIsRefusedWhole() throws IOException {
        byte[] valid = pushBody(5).getBytes(StandardCharsets.UTF_8);
        RawApi.Exchange r = RawSocketHttp.send(
                world.serverPort(),
                "POST",
                ApiPaths.SYNC_PUSH,
                Map.of(
                        "Authorization",
                        "Bearer " + coord.accessToken(),
                        "Content-Type",
                        "application/json",
                        "Content-Length",
                        Integer.toString(valid.length)),
                Arrays.copyOf(valid, valid.length / 2),
                true);
        assertProblem(r, 400, "body_interrupted");
        assertNothingWritten();
    }

    @Test
    void pushOversizedIsRefusedWhole() {
        byte[] big = pushBody(3)
                .replace("\"1 rue du Test\"", "\"" + "x".repeat(1_100_000) + "\"")
                .getBytes(StandardCharsets.UTF_8);
        assertProblem(push(coord, big, JSON), 413, "body_too_large");
        assertProblem(push(coord, pushBody(201).getBytes(StandardCharsets.UTF_8), JSON), 413, "too_many_operations");
        assertNothingWritten();
    }

    @Test
    void pushWithoutJsonContentTypeOrTokenIsRefused() {
        byte[] valid = pushBody(1).getBytes(StandardCharsets.UTF_8);
        assertProblem(push(coord, valid, Map.of("Content-Type", "text/plain")), 415, "unsupported_media_type");
        assertProblem(
                push(coord, valid, Map.of("Content-Type", "application/json", "Authorization", "Bearer nope")),
                401,
                null);
        assertNothingWritten();
        // The office may push (to resolve conflicts) but not write a resident: refused per operation.
        RawApi.Exchange byOffice = push(office, valid, JSON);
        assertThat(byOffice.status()).isEqualTo(200);
        assertThat(GSON.fromJson(byOffice.text(), PushResponse.class).results())
                .singleElement()
                .satisfies(op -> assertThat(op.code()).isEqualTo("forbidden"));
        assertNothingWritten();
    }

    @Test
    void aReplayedPushGetsTheStoredReceiptsAndWritesNothing() {
        byte[] valid = pushBody(4).getBytes(StandardCharsets.UTF_8);
        RawApi.Exchange first = push(coord, valid, JSON);
        assertThat(first.status()).isEqualTo(200);
        PushResponse stored = GSON.fromJson(first.text(), PushResponse.class);
        assertThat(stored.results())
                .hasSize(4)
                .allSatisfy(res -> assertThat(res.status()).isEqualTo(OpStatus.APPLIED));
        rememberFeeds();
        for (int i = 0; i < 3; i++) {
            RawApi.Exchange again = push(coord, valid, JSON);
            assertThat(again.status()).isEqualTo(200);
            assertThat(GSON.fromJson(again.text(), PushResponse.class)).isEqualTo(stored);
        }
        assertNothingWritten();
    }

    @Test
    void anOperationOutOfOrderIsRefusedAloneAndWritesNothing() {
        // A document whose report has not arrived (the device sent them in the wrong order).
        String id = UUID.randomUUID().toString();
        DocumentDto doc = new DocumentDto(
                id,
                structureId,
                UUID.randomUUID().toString(),
                UUID.randomUUID().toString(),
                "facture",
                "a".repeat(64),
                "image/jpeg",
                1234,
                Instant.parse("2026-11-20T10:00:00Z"),
                null);
        String body = GSON.toJson(new PushRequest(
                "abuse-c1",
                List.of(new OperationDto(UUID.randomUUID().toString(), EntityType.DOCUMENT, id, null, false, doc))));
        RawApi.Exchange r = push(counsellor, body.getBytes(StandardCharsets.UTF_8), JSON);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        PushResponse res = GSON.fromJson(r.text(), PushResponse.class);
        assertThat(res.results()).singleElement().satisfies(op -> {
            assertThat(op.status()).isEqualTo(OpStatus.REJECTED);
            assertThat(op.code()).isNotBlank();
            assertThat(op.version()).isNull();
        });
        assertNothingWritten();
    }

    // ------------------------------------------------------------------------------------------------ changes

    @Test
    void changesWithABadCursorOrLimitAreRefused() {
        String end = coord.cursorAtEnd();
        for (String query : List.of(
                "since=banana",
                "since=-5",
                "since=99999999999",
                "since=" + end + "0",
                "since=%00",
                "limit=0",
                "limit=-1",
                "limit=abc",
                "limit=99999999999999")) {
            RawApi.Exchange r = coord.exchange("GET", ApiPaths.SYNC_CHANGES + "?" + query, Map.of(), null);
            assertThat(r.status()).as(query).isBetween(400, 499);
            assertProblem(r, r.status(), null);
        }
        assertProblem(
                coord.exchange("GET", ApiPaths.SYNC_CHANGES, Map.of("Authorization", "Bearer x"), null), 401, null);
        assertNothingWritten();
    }

    // ------------------------------------------------------------------------------------------------ blobs

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void assertNoBlob(String sha) {
        assertThat(counsellor
                        .exchange("HEAD", ApiPaths.blob(sha), Map.of(), null)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void blobUploadsThatDoNotMatchTheirHashOrEndEarlyOrAreTooLargeStoreNothing() throws IOException {
        byte[] photo = TestImages.bill(400, 300, 0.8f, 3);
        String sha = sha256(photo);
        Map<String, String> octets = Map.of("Content-Type", "image/jpeg", ApiPaths.HEADER_CONTENT_SHA256, sha);

        byte[] other = photo.clone();
        other[other.length / 2] ^= 1;
        assertProblem(counsellor.exchange("PUT", ApiPaths.blob(sha), octets, other), 422, "hash_mismatch");
        assertProblem(counsellor.exchange("PUT", ApiPaths.blob("not-a-hash"), octets, photo), 400, "invalid_sha256");
        assertProblem(
                counsellor.exchange(
                        "PUT",
                        ApiPaths.blob(sha),
                        Map.of("Content-Type", "image/jpeg", ApiPaths.HEADER_CONTENT_SHA256, sha256(other)),
                        photo),
                400,
                "sha256_header_mismatch");
        RawApi.Exchange cut = RawSocketHttp.send(
                world.serverPort(),
                "PUT",
                ApiPaths.blob(sha),
                Map.of(
                        "Authorization",
                        "Bearer " + counsellor.accessToken(),
                        "Content-Type",
                        "image/jpeg",
                        "Content-Length",
                        Integer.toString(photo.length),
                        ApiPaths.HEADER_CONTENT_SHA256,
                        sha),
                Arrays.copyOf(photo, photo.length / 3),
                true);
        assertProblem(cut, 400, null);
        RawApi.Exchange huge = RawSocketHttp.send(
                world.serverPort(),
                "PUT",
                ApiPaths.blob(sha),
                Map.of(
                        "Authorization",
                        "Bearer " + counsellor.accessToken(),
                        "Content-Type",
                        "image/jpeg",
                        "Content-Length",
                        Long.toString(25L * 1024 * 1024),
                        "Expect",
                        "100-continue",
                        ApiPaths.HEADER_CONTENT_SHA256,
                        sha),
                null,
                false);
        assertProblem(huge, 413, null);
        assertProblem(office.exchange("PUT", ApiPaths.blob(sha), octets, photo), 403, "forbidden");
        assertNoBlob(sha);
        assertProblem(counsellor.exchange("GET", ApiPaths.blob(sha), Map.of(), null), 404, null);
        assertNothingWritten();
    }

    // ------------------------------------------------------------------------------------------------ uploads

    private static final String TUS = "1.0.0";

    private static String b64(String s) {
        return java.util.Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String chunkSum(byte[] data, int from, int len) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(data, from, len);
            return "sha256 " + java.util.Base64.getEncoder().encodeToString(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> creation(long length, String sha) {
        return Map.of(
                "Tus-Resumable",
                TUS,
                "Upload-Length",
                Long.toString(length),
                "Upload-Metadata",
                "sha256 " + b64(sha) + ",filetype " + b64("application/pdf"));
    }

    private long offset(String location) {
        RawApi.Exchange head = counsellor.exchange("HEAD", location, Map.of("Tus-Resumable", TUS), null);
        assertThat(head.status()).isEqualTo(200);
        return Long.parseLong(head.header("Upload-Offset"));
    }

    private RawApi.Exchange patch(
            RawApi as, String location, long offset, byte[] data, int from, int len, String checksum) {
        return as.exchange(
                "PATCH",
                location,
                Map.of(
                        "Tus-Resumable",
                        TUS,
                        "Content-Type",
                        "application/offset+octet-stream",
                        "Upload-Offset",
                        Long.toString(offset),
                        "Upload-Checksum",
                        checksum),
                Arrays.copyOfRange(data, from, from + len));
    }

    @Test
    void uploadCreationsThatAreMalformedOrTooLargeCreateNothing() {
        byte[] file = TestImages.scannedPdf(300_000, 8);
        String sha = sha256(file);
        String u = ApiPaths.UPLOADS;
        assertProblem(
                counsellor.exchange(
                        "POST", u, Map.of("Tus-Resumable", TUS, "Upload-Metadata", "sha256 " + b64(sha)), null),
                400,
                null);
        assertProblem(counsellor.exchange("POST", u, creation(25L * 1024 * 1024, sha), null), 413, null);
        assertProblem(
                counsellor.exchange(
                        "POST",
                        u,
                        Map.of(
                                "Tus-Resumable",
                                TUS,
                                "Upload-Length",
                                "300000",
                                "Upload-Metadata",
                                "filetype " + b64("application/pdf")),
                        null),
                400,
                null);
        assertProblem(
                counsellor.exchange(
                        "POST",
                        u,
                        Map.of(
                                "Tus-Resumable",
                                TUS,
                                "Upload-Length",
                                "300000",
                                "Upload-Metadata",
                                "sha256 !!!not-base64"),
                        null),
                400,
                null);
        assertProblem(
                counsellor.exchange(
                        "POST",
                        u,
                        Map.of("Tus-Resumable", TUS, "Upload-Length", "-3", "Upload-Metadata", "sha256 " + b64(sha)),
                        null),
                400,
                null);
        RawApi.Exchange oldTus = counsellor.exchange(
                "POST",
                u,
                Map.of("Tus-Resumable", "0.2.2", "Upload-Length", "300000", "Upload-Metadata", "sha256 " + b64(sha)),
                null);
        assertThat(oldTus.status()).isBetween(400, 499);
        assertProblem(oldTus, oldTus.status(), null);
        assertProblem(
                counsellor.exchange(
                        "POST",
                        u,
                        Map.of(
                                "Tus-Resumable",
                                TUS,
                                "Upload-Length",
                                "300000",
                                "Upload-Metadata",
                                "sha256 " + b64(sha),
                                "Authorization",
                                "Bearer nope"),
                        null),
                401,
                null);
        assertNoBlob(sha);
        assertNothingWritten();
    }

    @Test
    void chunksThatAreMalformedOutOfOrderReplayedTruncatedOrOversizedLeaveTheOffsetAsItWas() throws IOException {
        byte[] file = TestImages.scannedPdf(600_000, 9);
        String sha = sha256(file);
        RawApi.Exchange created = counsellor.exchange("POST", ApiPaths.UPLOADS, creation(file.length, sha), null);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String location = java.net
                .URI
                .create(world.serverUrl().toString())
                .resolve(created.header("Location"))
                .getRawPath();
        assertThat(offset(location)).isZero();
        int chunk = Limits.DEFAULT_CHUNK_BYTES;

        // Not an offset stream; no checksum header value that parses; a checksum that does not match.
        RawApi.Exchange wrongType = counsellor.exchange(
                "PATCH",
                location,
                Map.of(
                        "Tus-Resumable",
                        TUS,
                        "Content-Type",
                        "application/json",
                        "Upload-Offset",
                        "0",
                        "Upload-Checksum",
                        chunkSum(file, 0, chunk)),
                Arrays.copyOf(file, chunk));
        assertProblem(wrongType, 415, null);
        assertProblem(patch(counsellor, location, 0, file, 0, chunk, "sha256 ???"), 400, null);
        assertProblem(patch(counsellor, location, 0, file, 0, chunk, chunkSum(file, 1, chunk)), 460, null);
        // Out of order: the second chunk first.
        assertProblem(patch(counsellor, location, chunk, file, chunk, chunk, chunkSum(file, chunk, chunk)), 409, null);
        // Truncated on the wire: half of the chunk, then the connection's sending side closes.
        RawApi.Exchange cut = RawSocketHttp.send(
                world.serverPort(),
                "PATCH",
                location,
                Map.of(
                        "Authorization",
                        "Bearer " + counsellor.accessToken(),
                        "Tus-Resumable",
                        TUS,
                        "Content-Type",
                        "application/offset+octet-stream",
                        "Upload-Offset",
                        "0",
                        "Upload-Checksum",
                        chunkSum(file, 0, chunk),
                        "Content-Length",
                        Integer.toString(chunk)),
                Arrays.copyOf(file, chunk / 2),
                true);
        assertThat(cut.status()).as(cut.text()).isBetween(400, 499);
        // Someone else's upload does not exist for them.
        assertProblem(patch(coord, location, 0, file, 0, chunk, chunkSum(file, 0, chunk)), 404, null);
        assertProblem(
                patch(counsellor, ApiPaths.UPLOADS + "/no-such-upload", 0, file, 0, chunk, chunkSum(file, 0, chunk)),
                404,
                null);
        assertThat(offset(location)).as("nothing above moved the offset").isZero();

        // A good first chunk, then the same one replayed: refused, the offset stays where it was.
        RawApi.Exchange first = patch(counsellor, location, 0, file, 0, chunk, chunkSum(file, 0, chunk));
        assertThat(first.status()).as(first.text()).isEqualTo(204);
        assertProblem(patch(counsellor, location, 0, file, 0, chunk, chunkSum(file, 0, chunk)), 409, null);
        assertThat(offset(location)).isEqualTo(chunk);
        // Oversized: beyond the announced length.
        int rest = file.length - chunk;
        byte[] longer = Arrays.copyOf(file, file.length + 10);
        assertProblem(
                patch(counsellor, location, chunk, longer, chunk, rest + 10, chunkSum(longer, chunk, rest + 10)),
                413,
                null);
        assertThat(offset(location)).isEqualTo(chunk);
        assertNoBlob(sha);
        assertNothingWritten();
    }

    @Test
    void anUploadWhoseBytesDoNotMatchItsAnnouncedHashNeverBecomesABlob() {
        byte[] file = TestImages.scannedPdf(200_000, 10);
        byte[] other = TestImages.scannedPdf(200_000, 11);
        String sha = sha256(file);
        RawApi.Exchange created = counsellor.exchange("POST", ApiPaths.UPLOADS, creation(file.length, sha), null);
        assertThat(created.status()).isEqualTo(201);
        String location = java.net
                .URI
                .create(world.serverUrl().toString())
                .resolve(created.header("Location"))
                .getRawPath();
        // Each chunk is intact (its own checksum matches), but the whole is not the file announced.
        RawApi.Exchange last = patch(counsellor, location, 0, other, 0, other.length, chunkSum(other, 0, other.length));
        assertProblem(last, 460, null);
        assertNoBlob(sha);
        assertNoBlob(sha256(other));
        assertNothingWritten();
    }
}
