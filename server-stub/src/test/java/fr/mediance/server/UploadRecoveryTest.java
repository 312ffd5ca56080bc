package fr.mediance.server;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.protocol.ApiPaths;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.OpStatus;
import fr.mediance.protocol.OperationDto;
import fr.mediance.protocol.OperationResultDto;
import fr.mediance.protocol.PushRequest;
import fr.mediance.protocol.PushResponse;
import fr.mediance.protocol.ResidentDto;
import fr.mediance.server.TusClient.Answer;
import fr.mediance.server.upload.UploadService;
import fr.mediance.testing.MutableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What survives a stop at any moment: the server is stopped and started again on the same data directory, with
 * the files left as a {@code kill -9} could leave them.
 */
class UploadRecoveryTest {
    @TempDir
    Path dir;

    TestServer server;
    TusClient tus;
    String conseil1;

    @BeforeEach
    void start() {
        server = TestServer.demoCopy(dir);
        tus = new TusClient(server);
        conseil1 = server.token("conseil1");
    }

    @AfterEach
    void stop() {
        server.close();
        server.db.close();
    }

    /** Stops the server and starts a new one on the same directory, database and clock. */
    void restart() {
        MutableClock clock = server.clock;
        server.close();
        server.db.close();
        server = new TestServer(
                TestDatabase.sqlite(dir),
                dir,
                clock,
                new ServerConfig(0, true, TestServer.PASSWORD, TestServer.PASSWORD));
        tus = new TusClient(server);
    }

    Path part(String location) {
        return dir.resolve("uploads").resolve(location.substring(location.lastIndexOf('/') + 1) + ".part");
    }

    Path blob(String sha) {
        return dir.resolve("blobs")
                .resolve(sha.substring(0, 2))
                .resolve(sha.substring(2, 4))
                .resolve(sha);
    }

    void execute(String sql) {
        try (var c = server.db.dataSource().getConnection();
                var st = c.createStatement()) {
            st.executeUpdate(sql);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static String id(String location) {
        return location.substring(location.lastIndexOf('/') + 1);
    }

    @Test
    void aStopInTheMiddleOfAChunkKeepsWhatWasAcknowledgedAndNothingElse() throws IOException {
        byte[] file = TusClient.bytes(250_000, 1);
        String sha = TusClient.sha256Hex(file);
        Answer created = tus.create(conseil1, file.length, TusClient.metadata(sha));
        tus.patch(
                conseil1,
                created.location(),
                0,
                TusClient.slice(file, 0, 100_000),
                TusClient.checksum(file, 0, 100_000));
        // killed while the next chunk was being written: bytes on disk the client was never told about
        Files.write(part(created.location()), TusClient.bytes(70_000, 2), StandardOpenOption.APPEND);
        Path orphan = dir.resolve("uploads").resolve(UUID.randomUUID() + ".part");
        Files.write(orphan, TusClient.bytes(1000, 3));

        restart();

        assertThat(part(created.location())).hasSize(100_000);
        assertThat(orphan).doesNotExist();
        Answer head = tus.head(conseil1, created.location());
        assertThat(head.offset()).isEqualTo(100_000);
        Answer done = tus.patch(
                conseil1,
                created.location(),
                100_000,
                TusClient.slice(file, 100_000, file.length),
                TusClient.checksum(file, 100_000, file.length));
        assertThat(done.offset()).isEqualTo(file.length);
        assertThat(blob(sha)).hasBinaryContent(file);
    }

    @Test
    void anUploadStoppedBeforeItBecameABlobIsFinishedAtStart() throws IOException {
        byte[] file = TusClient.bytes(120_000, 4);
        String sha = TusClient.sha256Hex(file);
        Answer created = tus.create(conseil1, file.length, TusClient.metadata(sha));
        // the last chunk was stored and acknowledged, the stop came before the blob was made
        Files.write(part(created.location()), file);
        execute("UPDATE uploads SET upload_offset = " + file.length + " WHERE id = '" + id(created.location()) + "'");

        restart();

        assertThat(blob(sha)).hasBinaryContent(file);
        assertThat(part(created.location())).doesNotExist();
        assertThat(server.count("SELECT COUNT(*) FROM blobs WHERE sha256 = ?", sha))
                .isEqualTo(1);
        assertThat(server.sql("SELECT completed FROM uploads WHERE id = ?", id(created.location())))
                .isEqualTo("1");
        assertThat(tus.head(conseil1, created.location()).offset()).isEqualTo(file.length);
    }

    @Test
    void anUploadStoppedAfterItsBlobWasMadeButBeforeItWasRecordedIsRecordedAtStart() {
        byte[] file = TusClient.bytes(80_000, 5);
        String sha = TusClient.sha256Hex(file);
        Answer created = tus.create(conseil1, file.length, TusClient.metadata(sha));
        tus.patch(conseil1, created.location(), 0, TusClient.slice(file, 0, 40_000), null);
        tus.patch(conseil1, created.location(), 40_000, TusClient.slice(file, 40_000, 80_000), null);
        // as if the stop came between the rename into the blob store and the database
        execute("UPDATE uploads SET completed = 0, upload_offset = 40000 WHERE id = '" + id(created.location()) + "'");
        execute("DELETE FROM blobs WHERE sha256 = '" + sha + "'");

        restart();

        assertThat(server.count("SELECT COUNT(*) FROM blobs WHERE sha256 = ?", sha))
                .isEqualTo(1);
        assertThat(tus.head(conseil1, created.location()).offset()).isEqualTo(file.length);
        assertThat(blob(sha)).hasBinaryContent(file);
    }

    @Test
    void anUploadWhoseBytesWereLostStartsAgainFromZero() throws IOException {
        byte[] file = TusClient.bytes(60_000, 6);
        Answer created = tus.create(conseil1, file.length, TusClient.metadata(TusClient.sha256Hex(file)));
        tus.patch(conseil1, created.location(), 0, TusClient.slice(file, 0, 30_000), null);
        Files.delete(part(created.location()));

        restart();

        assertThat(tus.head(conseil1, created.location()).offset()).isZero();
        assertThat(part(created.location())).isEmptyFile();
    }

    @Test
    void anExpiredUploadIsGoneAndItsBytesArePurged() {
        byte[] file = TusClient.bytes(50_000, 7);
        Answer created = tus.create(conseil1, file.length, TusClient.metadata(TusClient.sha256Hex(file)));
        tus.patch(conseil1, created.location(), 0, TusClient.slice(file, 0, 20_000), null);
        Answer kept = tus.create(conseil1, file.length, TusClient.metadata(TusClient.sha256Hex(file)));

        server.clock.advance(UploadService.TTL.minusHours(1));
        conseil1 = server.token("conseil1");
        // a change keeps an upload alive
        tus.patch(conseil1, kept.location(), 0, TusClient.slice(file, 0, 10_000), null);
        server.clock.advance(Duration.ofHours(2));
        conseil1 = server.token("conseil1");

        Answer expired = tus.patch(conseil1, created.location(), 20_000, TusClient.slice(file, 20_000, 50_000), null);
        assertThat(expired.status()).isEqualTo(410);
        assertThat(expired.problem().code()).isEqualTo("upload_expired");
        assertThat(server.app.purgeExpiredUploads()).isEqualTo(1);
        assertThat(tus.head(conseil1, created.location()).status()).isEqualTo(404);
        assertThat(part(created.location())).doesNotExist();
        assertThat(tus.head(conseil1, kept.location()).offset()).isEqualTo(10_000);

        server.clock.advance(UploadService.TTL);
        restart();
        conseil1 = server.token("conseil1");
        assertThat(tus.head(conseil1, kept.location()).status()).isEqualTo(404);
        assertThat(part(kept.location())).doesNotExist();
        assertThat(server.count("SELECT COUNT(*) FROM uploads")).isZero();
    }

    @Test
    void aPushAcknowledgedBeforeAStopIsAnsweredTheSameAfterIt() {
        assertThat(server.sql("PRAGMA synchronous")).isEqualTo("2");
        assertThat(server.sql("PRAGMA journal_mode")).isEqualTo("wal");
        String coord = server.token("coord");
        ResidentDto r = new ResidentDto(
                UUID.randomUUID().toString(),
                null,
                null,
                "Mme",
                "Martin",
                "Odile",
                null,
                null,
                null,
                null,
                "Marseille",
                null,
                null,
                null);
        OperationDto op = new OperationDto(UUID.randomUUID().toString(), EntityType.RESIDENT, r.id(), null, false, r);
        OperationResultDto first = server.post(ApiPaths.SYNC_PUSH, coord, new PushRequest("tablette", List.of(op)))
                .as(PushResponse.class)
                .results()
                .get(0);
        assertThat(first.status()).isEqualTo(OpStatus.APPLIED);
        long changes = server.count("SELECT COUNT(*) FROM change_log");

        restart();

        OperationResultDto again = server.post(ApiPaths.SYNC_PUSH, coord, new PushRequest("tablette", List.of(op)))
                .as(PushResponse.class)
                .results()
                .get(0);
        assertThat(again).isEqualTo(first);
        assertThat(server.count("SELECT COUNT(*) FROM change_log")).isEqualTo(changes);
        assertThat(server.count("SELECT COUNT(*) FROM residents WHERE id = ?", r.id()))
                .isEqualTo(1);
    }
}
