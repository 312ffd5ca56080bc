package fr.mediance.server;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.protocol.ApiPaths;
import fr.mediance.protocol.BlobsHeldRequest;
import fr.mediance.protocol.BlobsHeldResponse;
import fr.mediance.protocol.DocumentDto;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.Limits;
import fr.mediance.protocol.OpStatus;
import fr.mediance.protocol.OperationDto;
import fr.mediance.protocol.ProblemDto;
import fr.mediance.protocol.PushRequest;
import fr.mediance.protocol.PushResponse;
import fr.mediance.server.TestServer.Response;
import fr.mediance.server.demo.DemoSeeder;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code POST /api/v1/blobs/held}: which of a batch of blobs the server holds, asked once before uploading. */
class BlobsHeldTest {
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

    /** Uploads the bytes and pushes a document of resident 1 that refers to them; returns their hash. */
    String heldAndReferenced(String token, long seed) throws Exception {
        byte[] bytes = BlobTest.photo(10_000, seed);
        String sha = BlobTest.sha256(bytes);
        Response put = server.send(server.request(ApiPaths.blob(sha), token)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .header("Content-Type", "application/octet-stream")
                .header(ApiPaths.HEADER_CONTENT_SHA256, sha));
        assertThat(put.status()).isEqualTo(201);
        DocumentDto d = new DocumentDto(
                UUID.randomUUID().toString(),
                null,
                null,
                DemoSeeder.residentId(1),
                "facture",
                sha,
                "image/jpeg",
                bytes.length,
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
        return sha;
    }

    Response ask(String token, List<String> hashes) {
        return server.post(ApiPaths.BLOBS_HELD, token, new BlobsHeldRequest(hashes));
    }

    @Test
    void answersTheHeldBlobsAmongThoseAskedOnceEachInTheOrderAsked() throws Exception {
        String a = heldAndReferenced(conseil1, 1);
        String b = heldAndReferenced(conseil1, 2);
        String missing = "ab".repeat(32);

        Response r = ask(conseil1, List.of(b, missing, a, b));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.as(BlobsHeldResponse.class)).isEqualTo(new BlobsHeldResponse(List.of(b, a)));
    }

    @Test
    void aBlobSentButNotReferencedYetIsHeldForItsSenderOnly() throws Exception {
        byte[] bytes = BlobTest.photo(10_000, 3);
        String sha = BlobTest.sha256(bytes);
        assertThat(server.send(server.request(ApiPaths.blob(sha), conseil1)
                                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes))
                                .header(ApiPaths.HEADER_CONTENT_SHA256, sha))
                        .status())
                .isEqualTo(201);

        assertThat(ask(conseil1, List.of(sha)).as(BlobsHeldResponse.class))
                .isEqualTo(new BlobsHeldResponse(List.of(sha)));
        assertThat(ask(server.token("coord"), List.of(sha)).as(BlobsHeldResponse.class))
                .isEqualTo(new BlobsHeldResponse(List.of()));
    }

    @Test
    void aDeviceLearnsNothingAboutBlobsItMayNotSee() throws Exception {
        String sha = heldAndReferenced(conseil1, 4);

        assertThat(ask(server.token("conseil2"), List.of(sha)).as(BlobsHeldResponse.class))
                .isEqualTo(new BlobsHeldResponse(List.of()));
        // the coordination sees the document, but never sent the bytes: held is « held from you »
        assertThat(ask(server.token("coord"), List.of(sha)).as(BlobsHeldResponse.class))
                .isEqualTo(new BlobsHeldResponse(List.of()));
    }

    @Test
    void theOfficeRoleMayNotAskAndAnAnonymousCallerIsRefused() {
        Response office = ask(server.token("bureau"), List.of("ab".repeat(32)));
        assertThat(office.status()).isEqualTo(403);
        assertThat(office.contentType()).startsWith(ProblemDto.MEDIA_TYPE);

        assertThat(ask(null, List.of("ab".repeat(32))).status()).isEqualTo(401);
    }

    @Test
    void aMalformedHashIsRefusedInFrench() {
        Response r = ask(conseil1, List.of("ab".repeat(32), "../etc/passwd"));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.problem().code()).isEqualTo("invalid_sha256");
        assertThat(r.problem().detail())
                .isEqualTo("L'empreinte doit contenir 64 caractères hexadécimaux en minuscules.");
    }

    @Test
    void moreHashesThanTheLimitAreRefusedInFrench() {
        Response r = ask(conseil1, Collections.nCopies(Limits.MAX_BLOBS_HELD_QUERY + 1, "ab".repeat(32)));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.problem().code()).isEqualTo("blobs_held_too_many");
        assertThat(r.problem().detail())
                .isEqualTo("Au plus " + Limits.MAX_BLOBS_HELD_QUERY + " empreintes par demande ("
                        + (Limits.MAX_BLOBS_HELD_QUERY + 1) + " reçues).");
    }

    @Test
    void anEmptyListOrABodyThatIsNotTheExpectedJsonIsRefusedInFrench() {
        Response empty = ask(conseil1, List.of());
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.problem().code()).isEqualTo("blobs_held_empty");

        Response wrong = server.postJson(ApiPaths.BLOBS_HELD, conseil1, "{\"sha256s\":\"ab\"}");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.problem().detail()).contains("sha256s");
    }
}
