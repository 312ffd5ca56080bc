package fr.mediance.server;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.protocol.ApiPaths;
import fr.mediance.protocol.ChangeDto;
import fr.mediance.protocol.ChangesResponse;
import fr.mediance.protocol.DocumentDto;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.Limits;
import fr.mediance.protocol.OpStatus;
import fr.mediance.protocol.OperationDto;
import fr.mediance.protocol.OperationResultDto;
import fr.mediance.protocol.PushRequest;
import fr.mediance.protocol.PushResponse;
import fr.mediance.protocol.ResidentDto;
import fr.mediance.server.demo.DemoSeeder;
import fr.mediance.server.storage.S3;
import fr.mediance.testing.MutableClock;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two servers on one PostgreSQL database and one S3-compatible store, as behind a reverse proxy: an upload begun
 * on one is finished on the other, pushes alternate between them, and both answer the same pulls.
 */
@EnabledIfEnvironmentVariable(named = TestDatabase.PG_URL, matches = ".+")
@EnabledIfEnvironmentVariable(named = TestS3.ENDPOINT, matches = ".+")
class TwoServersTest {
    @TempDir
    Path dir;

    private static String newId() {
        return UUID.randomUUID().toString();
    }

    private static OperationResultDto pushOne(TestServer server, String token, OperationDto op) {
        return server.post(ApiPaths.SYNC_PUSH, token, new PushRequest("tablette", List.of(op)))
                .as(PushResponse.class)
                .results()
                .get(0);
    }

    private static List<String> pullAll(TestServer server, String token) {
        List<String> rows = new ArrayList<>();
        String cursor = null;
        ChangesResponse page;
        do {
            page = server.get(
                            ApiPaths.SYNC_CHANGES + "?limit=" + Limits.MAX_CHANGES_PAGE
                                    + (cursor == null ? "" : "&since=" + cursor),
                            token)
                    .as(ChangesResponse.class);
            for (ChangeDto c : page.changes()) {
                rows.add(c.entity() + " " + c.entityId());
            }
            cursor = page.cursor();
        } while (page.hasMore());
        return rows;
    }

    @Test
    void anUploadBegunOnOneServerIsFinishedOnTheOtherAndBothAnswerAlike() {
        S3 s3 = TestS3.newBucket();
        TestDatabase db = TestDatabase.postgres();
        MutableClock clock = new MutableClock(TestServer.START);
        ServerConfig config = new ServerConfig(0, true, TestServer.PASSWORD, TestServer.PASSWORD);
        Path dataA = dir.resolve("a");
        Path dataB = dir.resolve("b");
        TestServer a =
                new TestServer(db, dataA, clock, config, TestS3.blobs(s3, dataA), TestS3.parts(s3, dataA, clock));
        TestServer b =
                new TestServer(db, dataB, clock, config, TestS3.blobs(s3, dataB), TestS3.parts(s3, dataB, clock));
        try {
            String token = a.session("conseil1", "tablette-1").accessToken();

            // a tus upload: created and first chunk on A, the rest on B
            TusClient onA = new TusClient(a);
            TusClient onB = new TusClient(b);
            byte[] file = TusClient.bytes(600_000, 21);
            String sha = TusClient.sha256Hex(file);
            TusClient.Answer created = onA.create(token, file.length, TusClient.metadata(sha));
            assertThat(created.status()).isEqualTo(201);
            String location = created.location();
            assertThat(onA.patch(
                                    token,
                                    location,
                                    0,
                                    TusClient.slice(file, 0, 200_000),
                                    TusClient.checksum(file, 0, 200_000))
                            .status())
                    .isEqualTo(204);
            assertThat(onB.head(token, location).offset()).isEqualTo(200_000);
            assertThat(onB.patch(
                                    token,
                                    location,
                                    200_000,
                                    TusClient.slice(file, 200_000, 400_000),
                                    TusClient.checksum(file, 200_000, 400_000))
                            .status())
                    .isEqualTo(204);
            // the client's view of the offset is the same on both
            assertThat(onA.head(token, location).offset()).isEqualTo(400_000);
            assertThat(onA.patch(
                                    token,
                                    location,
                                    400_000,
                                    TusClient.slice(file, 400_000, file.length),
                                    TusClient.checksum(file, 400_000, file.length))
                            .status())
                    .isEqualTo(204);
            assertThat(s3.list("uploads/")).isEmpty();

            // pushes alternate between the servers
            List<String> residents = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                TestServer target = i % 2 == 0 ? a : b;
                String id = newId();
                residents.add(id);
                ResidentDto r = new ResidentDto(
                        id,
                        "demo-structure",
                        null,
                        "M.",
                        "Deux-Serveurs",
                        "Paul " + i,
                        LocalDate.of(1948, 3, 4),
                        null,
                        "2 rue Paradis",
                        "13001",
                        "Marseille",
                        null,
                        "elderly",
                        DemoSeeder.CONSEIL1);
                OperationResultDto result =
                        pushOne(target, token, new OperationDto(newId(), EntityType.RESIDENT, id, null, false, r));
                assertThat(result.status()).as(result.message()).isEqualTo(OpStatus.APPLIED);
            }
            // the document of the uploaded file, pushed to B, its file served by A
            String docId = newId();
            DocumentDto doc = new DocumentDto(
                    docId,
                    "demo-structure",
                    null,
                    residents.get(0),
                    "facture",
                    sha,
                    "image/jpeg",
                    file.length,
                    Instant.parse("2026-11-26T08:10:00Z"),
                    LocalDate.of(2027, 5, 26));
            assertThat(pushOne(b, token, new OperationDto(newId(), EntityType.DOCUMENT, docId, null, false, doc))
                            .status())
                    .isEqualTo(OpStatus.APPLIED);
            TestServer.Response served = a.get(ApiPaths.blob(sha), token);
            assertThat(served.status()).isEqualTo(200);
            assertThat(TusClient.sha256Hex(served.bytes())).isEqualTo(sha);

            // both servers answer the same pull
            List<String> fromA = pullAll(a, token);
            List<String> fromB = pullAll(b, token);
            assertThat(fromA).isEqualTo(fromB);
            for (String id : residents) {
                assertThat(fromA).contains("RESIDENT " + id);
            }
            assertThat(fromA).contains("DOCUMENT " + docId);
        } finally {
            a.close();
            b.close();
            db.close();
        }
    }
}
