package fr.mediance.server;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.protocol.ApiPaths;
import fr.mediance.protocol.ChangeDto;
import fr.mediance.protocol.DocumentDto;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.OpStatus;
import fr.mediance.protocol.OperationDto;
import fr.mediance.protocol.PushRequest;
import fr.mediance.protocol.PushResponse;
import fr.mediance.server.demo.DemoSeeder;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daily purge of documents past their retention date, and of the files nobody refers to any more. */
class DocumentRetentionTest {
    private static final String R1 = DemoSeeder.residentId(1);
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

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

    private String upload(byte[] bytes) throws Exception {
        String sha = BlobTest.sha256(bytes);
        int status = server.send(server.request(ApiPaths.blob(sha), conseil1)
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes))
                        .header("Content-Type", "application/octet-stream")
                        .header(ApiPaths.HEADER_CONTENT_SHA256, sha))
                .status();
        assertThat(status).isEqualTo(201);
        return sha;
    }

    private String document(String sha, LocalDate retentionUntil) {
        String id = UUID.randomUUID().toString();
        DocumentDto d = new DocumentDto(
                id, null, null, R1, "facture", sha, "application/pdf", 64, TestServer.START, retentionUntil);
        PushResponse r = server.post(
                        ApiPaths.SYNC_PUSH,
                        conseil1,
                        new PushRequest(
                                "tablette",
                                List.of(new OperationDto(
                                        UUID.randomUUID().toString(), EntityType.DOCUMENT, id, null, false, d))))
                .as(PushResponse.class);
        assertThat(r.results().get(0).status()).isEqualTo(OpStatus.APPLIED);
        return id;
    }

    private Path file(String sha) {
        return dir.resolve("blobs")
                .resolve(sha.substring(0, 2))
                .resolve(sha.substring(2, 4))
                .resolve(sha);
    }

    @Test
    void documentsPastTheirRetentionBecomeTombstonesAndTheirUnreferencedFilesGo() throws Exception {
        String shared = upload(BlobTest.photo(64, 1));
        String alone = upload(BlobTest.photo(64, 2));
        String expired = document(shared, TODAY.plusDays(1));
        String kept = document(shared, TODAY.plusYears(1));
        String expiredAlone = document(alone, TODAY.plusDays(1));
        String undated = upload(BlobTest.photo(64, 3));
        String noDate = document(undated, null);
        String cursor = server.get(ApiPaths.SYNC_CHANGES + "?limit=1000", conseil1)
                .as(fr.mediance.protocol.ChangesResponse.class)
                .cursor();

        assertThat(server.app.purgeExpiredDocuments())
                .as("the last day of retention is kept")
                .isZero();
        server.clock.advance(Duration.ofDays(2));
        assertThat(server.app.purgeExpiredDocuments()).isEqualTo(2);

        List<ChangeDto> feed = server.get(
                        ApiPaths.SYNC_CHANGES + "?limit=1000&since=" + cursor, server.token("conseil1"))
                .as(fr.mediance.protocol.ChangesResponse.class)
                .changes();
        assertThat(feed)
                .filteredOn(ChangeDto::deleted)
                .extracting(ChangeDto::entityId)
                .containsExactlyInAnyOrder(expired, expiredAlone)
                .doesNotContain(kept, noDate);
        assertThat(Files.exists(file(undated))).isTrue();
        assertThat(Files.exists(file(shared)))
                .as("still referenced by a live document")
                .isTrue();
        assertThat(Files.exists(file(alone))).isFalse();
        assertThat(server.count("SELECT COUNT(*) FROM blobs WHERE sha256 = ?", alone))
                .isZero();
        assertThat(server.app.purgeExpiredDocuments()).isZero();
    }
}
