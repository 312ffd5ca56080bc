package fr.mediance.server;

import fr.mediance.server.storage.S3;
import fr.mediance.server.storage.S3BlobStore;
import fr.mediance.server.upload.S3PartStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.UUID;

/**
 * The S3-compatible store of the environment for tests ({@code s3rver} from npm in CI, see {@code .ci/run}):
 * {@code MEDIANCE_TEST_S3_ENDPOINT} (tests that need it are skipped without it), and
 * {@code MEDIANCE_TEST_S3_ACCESS_KEY} / {@code _SECRET_KEY} (s3rver's {@code S3RVER} by default). Each call gets a
 * bucket of its own.
 */
final class TestS3 {
    static final String ENDPOINT = "MEDIANCE_TEST_S3_ENDPOINT";

    private TestS3() {}

    static boolean available() {
        String e = System.getenv(ENDPOINT);
        return e != null && !e.isBlank();
    }

    static S3 newBucket() {
        String access = System.getenv().getOrDefault("MEDIANCE_TEST_S3_ACCESS_KEY", "S3RVER");
        String secret = System.getenv().getOrDefault("MEDIANCE_TEST_S3_SECRET_KEY", "S3RVER");
        String bucket =
                "mediance-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
        S3 s3 = new S3(System.getenv(ENDPOINT), access, secret, null, bucket);
        s3.ensureBucket();
        return s3;
    }

    static S3BlobStore blobs(S3 s3, Path dataDir) {
        return new S3BlobStore(s3, dataDir.resolve("tmp").resolve("blobs"));
    }

    static S3PartStore parts(S3 s3, Path dataDir, Clock clock) {
        return new S3PartStore(s3, dataDir.resolve("tmp").resolve("uploads"), clock);
    }
}
