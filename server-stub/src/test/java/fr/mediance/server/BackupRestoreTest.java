package fr.mediance.server;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.protocol.ApiPaths;
import fr.mediance.protocol.DocumentDto;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.OpStatus;
import fr.mediance.protocol.OperationDto;
import fr.mediance.protocol.OperationResultDto;
import fr.mediance.protocol.PushRequest;
import fr.mediance.protocol.PushResponse;
import fr.mediance.protocol.ResidentDto;
import fr.mediance.server.demo.DemoSeeder;
import fr.mediance.server.storage.Backup;
import fr.mediance.server.storage.BackupCommand;
import fr.mediance.testing.MutableClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Item 6: an online backup taken while tablets push records and upload files, restored into a new folder: every
 * operation acknowledged before the backup began is there, the restored server starts and serves, and every
 * document's file is there with the right checksum.
 */
class BackupRestoreTest {
    @TempDir
    Path dir;

    /** One acknowledged record: what it is and when its acknowledgement arrived. */
    record Acked(EntityType type, String id, String sha256, long ackedAtNanos) {}

    private static String newId() {
        return UUID.randomUUID().toString();
    }

    private static ResidentDto resident(String id, String referent) {
        return new ResidentDto(
                id,
                "demo-structure",
                null,
                "Mme",
                "Sauvegarde",
                "Odile",
                LocalDate.of(1950, 1, 2),
                "06 00 00 00 00",
                "1 rue de la République",
                "13002",
                "Marseille",
                null,
                "elderly",
                referent);
    }

    private static OperationResultDto pushOne(TestServer server, String token, OperationDto op) {
        return server.post(ApiPaths.SYNC_PUSH, token, new PushRequest("tablette", List.of(op)))
                .as(PushResponse.class)
                .results()
                .get(0);
    }

    @Test
    @Timeout(240)
    void aBackupTakenDuringPushesAndUploadsRestoresEverythingAcknowledgedBeforeIt() throws Exception {
        Path data = dir.resolve("donnees");
        TestServer server = TestServer.demoCopy(data);
        List<Acked> acked;
        long backupStarted;
        Backup.Result backup;
        Path backups = dir.resolve("sauvegardes");
        try {
            String conseil1 = server.token("conseil1");
            String conseil2 = server.token("conseil2");
            ConcurrentLinkedQueue<Acked> log = new ConcurrentLinkedQueue<>();
            AtomicBoolean stop = new AtomicBoolean();
            java.util.concurrent.atomic.AtomicLong backupEndedAt =
                    new java.util.concurrent.atomic.AtomicLong(Long.MAX_VALUE);
            CountDownLatch after = new CountDownLatch(10);
            CountDownLatch warm = new CountDownLatch(30);
            // the backup starts once documents too were acknowledged (residents alone come much faster)
            CountDownLatch documents = new CountDownLatch(2);
            ExecutorService pool = Executors.newFixedThreadPool(3);
            List<Future<?>> writers = new ArrayList<>();
            // two tablets pushing new residents
            for (String[] who :
                    List.of(new String[] {conseil1, DemoSeeder.CONSEIL1}, new String[] {conseil2, "demo-conseil2"})) {
                writers.add(pool.submit(() -> {
                    while (!stop.get()) {
                        String id = newId();
                        OperationResultDto r = pushOne(
                                server,
                                who[0],
                                new OperationDto(newId(), EntityType.RESIDENT, id, null, false, resident(id, who[1])));
                        assertThat(r.status()).as(r.message()).isEqualTo(OpStatus.APPLIED);
                        long now = System.nanoTime();
                        log.add(new Acked(EntityType.RESIDENT, id, null, now));
                        warm.countDown();
                        if (now > backupEndedAt.get()) {
                            after.countDown();
                        }
                    }
                    return null;
                }));
            }
            // a tablet uploading photos (tus) and pushing their documents
            TusClient tus = new TusClient(server);
            AtomicInteger seed = new AtomicInteger(100);
            writers.add(pool.submit(() -> {
                while (!stop.get()) {
                    byte[] file = TusClient.bytes(40_000 + seed.get() * 13, seed.incrementAndGet());
                    String sha = TusClient.sha256Hex(file);
                    assertThat(tus.upload(conseil1, file, 16_384).status()).isEqualTo(204);
                    String id = newId();
                    DocumentDto doc = new DocumentDto(
                            id,
                            "demo-structure",
                            null,
                            DemoSeeder.residentId(1),
                            "facture",
                            sha,
                            "image/jpeg",
                            file.length,
                            Instant.parse("2026-11-26T08:10:00Z"),
                            LocalDate.of(2027, 5, 26));
                    OperationResultDto r = pushOne(
                            server, conseil1, new OperationDto(newId(), EntityType.DOCUMENT, id, null, false, doc));
                    assertThat(r.status()).as(r.message()).isEqualTo(OpStatus.APPLIED);
                    long now = System.nanoTime();
                    log.add(new Acked(EntityType.DOCUMENT, id, sha, now));
                    warm.countDown();
                    documents.countDown();
                    if (now > backupEndedAt.get()) {
                        after.countDown();
                    }
                }
                return null;
            }));
            assertThat(warm.await(120, TimeUnit.SECONDS)).isTrue();
            assertThat(documents.await(120, TimeUnit.SECONDS)).isTrue();

            backupStarted = System.nanoTime();
            backup = Backup.backup(data, backups, true, Clock.fixed(Instant.now(), ZoneOffset.UTC));
            long backupEnded = System.nanoTime();
            backupEndedAt.set(backupEnded);
            // the writers went on while the backup ran, and a little after
            assertThat(after.await(120, TimeUnit.SECONDS)).isTrue();
            stop.set(true);
            for (Future<?> w : writers) {
                w.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();
            acked = new ArrayList<>(log);
            assertThat(acked.stream().filter(a -> a.ackedAtNanos() > backupStarted && a.ackedAtNanos() < backupEnded))
                    .as("operations acknowledged while the backup ran")
                    .isNotEmpty();
        } finally {
            server.close();
            server.db.close();
        }
        assertThat(backup.folder()).isDirectory();
        assertThat(backup.folder().resolve(Backup.MANIFEST)).isRegularFile();

        // restore with the command, into a new folder
        Path restored = dir.resolve("restauree");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = BackupCommand.run(
                new String[] {"restore", "--from", backup.folder().toString(), "--data-dir", restored.toString()},
                Map.of(),
                Clock.systemUTC(),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err);
        assertThat(code).as(out.toString(StandardCharsets.UTF_8)).isZero();

        List<Acked> before =
                acked.stream().filter(a -> a.ackedAtNanos() < backupStarted).toList();
        assertThat(before).hasSizeGreaterThanOrEqualTo(30);
        assertThat(before.stream().filter(a -> a.type() == EntityType.DOCUMENT)).isNotEmpty();

        // the audit log (its own file, apart from the data) is saved and restored with it
        assertThat(restored.resolve(Backup.AUDIT_DATABASE)).isRegularFile();
        ServerMain.prepareDataDir(restored);
        TestServer again = new TestServer(
                TestDatabase.sqlite(restored),
                restored,
                new MutableClock(TestServer.START),
                new ServerConfig(0, true, TestServer.PASSWORD, TestServer.PASSWORD));
        try {
            assertThat(again.app.auditEventCount())
                    .as("the pushes' audit events, restored")
                    .isPositive();
            List<String> lost = new ArrayList<>();
            for (Acked a : before) {
                String table = a.type() == EntityType.RESIDENT ? "residents" : "documents";
                if (again.count("SELECT COUNT(*) FROM " + table + " WHERE id = ?", a.id()) != 1) {
                    lost.add(a.type() + " " + a.id());
                }
            }
            assertThat(lost)
                    .as("acknowledged before the backup, missing after the restore")
                    .isEmpty();

            // every document of the restored database has its file, with the right checksum
            List<String> shas = new ArrayList<>();
            try (var c = again.db.dataSource().getConnection();
                    var st = c.createStatement();
                    var rs = st.executeQuery("SELECT DISTINCT sha256 FROM documents WHERE deleted = 0")) {
                while (rs.next()) {
                    shas.add(rs.getString(1));
                }
            }
            assertThat(shas).isNotEmpty();
            for (String sha : shas) {
                Path blob = restored.resolve("blobs")
                        .resolve(sha.substring(0, 2))
                        .resolve(sha.substring(2, 4))
                        .resolve(sha);
                if (before.stream().anyMatch(a -> sha.equals(a.sha256()))) {
                    assertThat(blob).as("file of an acknowledged document").isRegularFile();
                }
                if (Files.exists(blob)) {
                    assertThat(TusClient.sha256Hex(Files.readAllBytes(blob))).isEqualTo(sha);
                }
            }

            // the restored server serves: a login, a pull, a file
            String token = again.session("conseil1", "tablette-restauree").accessToken();
            assertThat(again.get(ApiPaths.SYNC_CHANGES + "?limit=50", token).status())
                    .isEqualTo(200);
            Acked doc = before.stream()
                    .filter(a -> a.type() == EntityType.DOCUMENT)
                    .findFirst()
                    .orElseThrow();
            TestServer.Response file = again.get(ApiPaths.blob(doc.sha256()), token);
            assertThat(file.status()).isEqualTo(200);
            assertThat(TusClient.sha256Hex(file.bytes())).isEqualTo(doc.sha256());
        } finally {
            again.close();
            again.db.close();
        }
    }

    @Test
    void aSecondBackupCopiesOnlyTheNewFilesAndACutBackupIsNeverRestored() throws Exception {
        Path data = dir.resolve("donnees");
        TestServer server = TestServer.demoCopy(data);
        Path backups = dir.resolve("sauvegardes");
        try {
            String conseil1 = server.token("conseil1");
            TusClient tus = new TusClient(server);
            assertThat(tus.upload(conseil1, TusClient.bytes(30_000, 1), 16_384).status())
                    .isEqualTo(204);
            Backup.Result first = Backup.backup(
                    data, backups, true, Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC));
            assertThat(first.blobsCopied()).isEqualTo(first.blobs()).isPositive();
            assertThat(tus.upload(conseil1, TusClient.bytes(30_000, 2), 16_384).status())
                    .isEqualTo(204);
            Backup.Result second = Backup.backup(
                    data, backups, true, Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC));
            assertThat(second.blobs()).isEqualTo(first.blobs() + 1);
            assertThat(second.blobsCopied()).isEqualTo(1);
            assertThat(Backup.list(backups)).containsExactly(first.folder(), second.folder());
        } finally {
            server.close();
            server.db.close();
        }
        // a damaged file in the backup: the restore refuses, and leaves no database behind
        Path someBlob = Files.walk(backups.resolve("blobs"))
                .filter(p -> p.getFileName().toString().length() == 64)
                .findFirst()
                .orElseThrow();
        Files.write(someBlob, new byte[] {1, 2, 3});
        Path restored = dir.resolve("restauree");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = BackupCommand.run(
                new String[] {
                    "restore", "--from", Backup.list(backups).get(1).toString(), "--data-dir", restored.toString()
                },
                Map.of(),
                Clock.systemUTC(),
                System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("abîmé");
        assertThat(restored.resolve(Backup.DATABASE)).doesNotExist();
    }
}
