package fr.mediance.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fr.mediance.protocol.ApiPaths;
import fr.mediance.protocol.PushRequest;
import fr.mediance.server.storage.PrivateFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Defect 4 of the outside test: the database, its WAL, finished blobs and upload parts were 0644 and folders 0755,
 * so another local account could read a resident's record. Everything the server creates is owner-only.
 */
class DataPermissionsTest {
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE,
            PosixFilePermission.OTHERS_EXECUTE);

    @TempDir
    Path tmp;

    @Test
    void everyFileAndFolderTheServerCreatesIsOwnerOnly() throws IOException {
        assumeTrue(PrivateFiles.posix(tmp), "POSIX permissions");
        Path data = tmp.resolve("donnees");
        ServerMain.prepareDataDir(data);
        TestDatabase db = TestDatabase.sqlite(data);
        TestServer server = TestServer.demo(db, data);
        try {
            String conseil1 = server.token("conseil1");
            // a write: the WAL and the shared-memory file exist from now on
            server.post(ApiPaths.SYNC_PUSH, conseil1, new PushRequest("tablette", List.of()));
            TusClient tus = new TusClient(server);
            byte[] whole = TusClient.bytes(50_000, 7);
            assertThat(tus.upload(conseil1, whole, 20_000).status()).isEqualTo(204);
            byte[] half = TusClient.bytes(60_000, 8);
            TusClient.Answer started = tus.create(conseil1, half.length, TusClient.metadata(TusClient.sha256Hex(half)));
            assertThat(tus.patch(
                                    conseil1,
                                    started.location(),
                                    0,
                                    TusClient.slice(half, 0, 20_000),
                                    TusClient.checksum(half, 0, 20_000))
                            .status())
                    .isEqualTo(204);

            assertThat(data.resolve("mediance.db-wal")).exists();
            assertThat(data.resolve("mediance.db-shm")).exists();
            String sha = TusClient.sha256Hex(whole);
            assertThat(data.resolve("blobs")
                            .resolve(sha.substring(0, 2))
                            .resolve(sha.substring(2, 4))
                            .resolve(sha))
                    .exists();
            try (Stream<Path> parts = Files.list(data.resolve("uploads"))) {
                assertThat(parts.filter(p -> p.toString().endsWith(".part"))).hasSize(1);
            }
            assertOwnerOnly(data);
        } finally {
            server.close();
            db.close();
        }
    }

    @Test
    void aDataFolderLeftReadableByAnEarlierVersionIsClosedAtStart() throws IOException {
        assumeTrue(PrivateFiles.posix(tmp), "POSIX permissions");
        Path data = tmp.resolve("ancien");
        Files.createDirectories(
                data.resolve("blobs"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        for (String name : List.of("mediance.db", "mediance.db-wal", "mediance.db-shm")) {
            Files.createFile(data.resolve(name));
            Files.setPosixFilePermissions(data.resolve(name), PosixFilePermissions.fromString("rw-r--r--"));
        }
        ServerMain.prepareDataDir(data);
        PrivateFiles.prepareSqliteFile(data.resolve("mediance.db"));
        for (Path p : List.of(
                data,
                data.resolve("blobs"),
                data.resolve("mediance.db"),
                data.resolve("mediance.db-wal"),
                data.resolve("mediance.db-shm"))) {
            assertThat(Files.getPosixFilePermissions(p)).as(p.toString()).doesNotContainAnyElementsOf(OTHERS);
        }
    }

    private static void assertOwnerOnly(Path root) throws IOException {
        List<String> open = new ArrayList<>();
        int seen;
        try (Stream<Path> all = Files.walk(root)) {
            List<Path> paths = all.toList();
            seen = paths.size();
            for (Path p : paths) {
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
                if (perms.stream().anyMatch(OTHERS::contains)) {
                    open.add(root.relativize(p) + " " + PosixFilePermissions.toString(perms));
                }
            }
        }
        assertThat(seen).as("files and folders looked at").isGreaterThan(8);
        assertThat(open).as("readable by other accounts").isEmpty();
    }
}
