package fr.mediance.server;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.protocol.ApiPaths;
import fr.mediance.protocol.Tus;
import fr.mediance.server.storage.S3;
import fr.mediance.testing.MutableClock;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Blobs and upload parts in an S3-compatible store (s3rver in CI): a tus upload chunk by chunk becomes one
 * verified object, its parts are removed, the blob is served; a tail stored but never acknowledged is cut at the
 * next start.
 */
@EnabledIfEnvironmentVariable(named = TestS3.ENDPOINT, matches = ".+")
class ObjectStoreTest {
    @TempDir
    Path dir;

    private TestServer start(S3 s3, Path data) {
        ServerMain.prepareDataDir(data);
        MutableClock clock = new MutableClock(TestServer.START);
        return new TestServer(
                TestDatabase.sqlite(data),
                data,
                clock,
                new ServerConfig(0, true, TestServer.PASSWORD, TestServer.PASSWORD),
                TestS3.blobs(s3, data),
                TestS3.parts(s3, data, clock));
    }

    @Test
    void aTusUploadBecomesOneVerifiedObjectAndIsServed() throws Exception {
        S3 s3 = TestS3.newBucket();
        TestServer server = start(s3, dir.resolve("donnees"));
        try {
            String conseil1 = server.token("conseil1");
            TusClient tus = new TusClient(server);
            byte[] file = TusClient.bytes(700_000, 11);
            String sha = TusClient.sha256Hex(file);
            assertThat(tus.upload(conseil1, file, 262_144).status()).isEqualTo(204);

            assertThat(s3.size("blobs/" + sha.substring(0, 2) + "/" + sha.substring(2, 4) + "/" + sha))
                    .hasValue(file.length);
            try (InputStream in = s3.open("blobs/" + sha.substring(0, 2) + "/" + sha.substring(2, 4) + "/" + sha)) {
                assertThat(TusClient.sha256Hex(in.readAllBytes())).isEqualTo(sha);
            }
            assertThat(s3.list("uploads/")).as("parts removed once complete").isEmpty();
            assertThat(server.dataDir.resolve("blobs").resolve(sha.substring(0, 2)))
                    .as("nothing in the local folder")
                    .doesNotExist();
            // HEAD of a held blob, then a second upload of the same file is not sent again
            TusClient.Answer again = tus.create(conseil1, file.length, TusClient.metadata(sha));
            assertThat(again.status()).isEqualTo(201);
            assertThat(again.offset()).isEqualTo(file.length);
        } finally {
            server.close();
            server.db.close();
        }
    }

    @Test
    void anUnacknowledgedTailIsCutAtTheNextStart() throws Exception {
        S3 s3 = TestS3.newBucket();
        Path data = dir.resolve("donnees");
        TestServer server = start(s3, data);
        String location;
        byte[] file = TusClient.bytes(300_000, 12);
        try {
            String conseil1 = server.token("conseil1");
            TusClient tus = new TusClient(server);
            location = tus.create(conseil1, file.length, TusClient.metadata(TusClient.sha256Hex(file)))
                    .location();
            assertThat(tus.patch(
                                    conseil1,
                                    location,
                                    0,
                                    TusClient.slice(file, 0, 100_000),
                                    TusClient.checksum(file, 0, 100_000))
                            .status())
                    .isEqualTo(204);
        } finally {
            server.close();
            server.db.close();
        }
        // a chunk stored in the bucket whose offset never reached the database (the server died in between)
        String id = location.substring(location.lastIndexOf('/') + 1);
        byte[] tail = TusClient.slice(file, 100_000, 150_000);
        s3.put(
                "uploads/" + id + "/" + String.format("%019d", 100_000),
                new ByteArrayInputStream(tail),
                tail.length,
                "application/octet-stream");

        server = start(s3, data);
        try {
            String conseil1 = server.token("conseil1");
            TusClient tus = new TusClient(server);
            assertThat(tus.head(conseil1, location).header(Tus.UPLOAD_OFFSET)).hasValue("100000");
            assertThat(s3.list("uploads/" + id + "/")).hasSize(1);
            TusClient.Answer rest = tus.patch(
                    conseil1,
                    location,
                    100_000,
                    TusClient.slice(file, 100_000, file.length),
                    TusClient.checksum(file, 100_000, file.length));
            assertThat(rest.status()).isEqualTo(204);
            TestServer.Response blob = server.get(ApiPaths.blob(TusClient.sha256Hex(file)), conseil1);
            // served only to whoever may see a document naming it: nobody yet
            assertThat(blob.status()).isIn(403, 404);
            assertThat(s3.size("blobs/" + TusClient.sha256Hex(file).substring(0, 2) + "/"
                            + TusClient.sha256Hex(file).substring(2, 4) + "/" + TusClient.sha256Hex(file)))
                    .hasValue(file.length);
        } finally {
            server.close();
            server.db.close();
        }
    }
}
