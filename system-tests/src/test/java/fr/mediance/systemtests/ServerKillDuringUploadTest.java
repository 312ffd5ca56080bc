package fr.mediance.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.document.PhotoItem;
import fr.mediance.app.core.sync.SyncReport;
import fr.mediance.app.core.visit.VisitReport;
import fr.mediance.protocol.ApiPaths;
import fr.mediance.protocol.ChangeDto;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.Limits;
import fr.mediance.testing.TestImages;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of the server three times in the middle of photo uploads (inside the creation request that
 * carries the first chunk, inside a PATCH, inside the PATCH sent again after the restart), each time followed
 * by a restart on the same data directory and port: the tablet resumes, the office has every record once and
 * every file byte for byte, and the bytes sent again over the link are at most one chunk per kill (the chunk in
 * force then: it follows the link, and the uploads open at once share it, see {@code PhotoUploader.Unacked}).
 *
 * <p>The server is gone at once, as a dead host is: the link refuses new connections before the kill and until
 * the restart. Without that, a retry could reach the dying process, whose port still takes connections and
 * bytes while the system frees its memory (seconds on a loaded machine), and be counted as sent.
 */
@Timeout(180)
class ServerKillDuringUploadTest {
    private static final String CREATE = "POST " + ApiPaths.UPLOADS + " ";
    private static final String PATCH = "PATCH " + ApiPaths.UPLOADS + "/";

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path tmp;

    private SyncWorld world;

    @AfterEach
    void close() {
        if (world != null) {
            world.close();
        }
    }

    @Test
    void uploadsResumeAfterEachServerKillWithEveryFileIntactAndAtMostOneChunkSentAgainPerKill() {
        world = SyncWorld.start(tmp);
        CoreContext coord = world.device("coord", "coord", world.serverUrl());
        String counsellor = SyncWorld.userId(coord, "conseil1");
        List<String> appointments = SyncWorld.planVisits(
                coord, counsellor, 1, LocalDate.now(CoreContext.PARIS).plusDays(1), "K");

        LinkEmulator link = world.link(LinkEmulator.Profile.UNLIMITED, 5);
        WireLog wire = new WireLog();
        CoreContext tablet = world.device(
                "tablet",
                "conseil1",
                link.baseUrl(),
                new OkHttpClient.Builder().addNetworkInterceptor(wire).build(),
                null);
        RawApi office = world.api("bureau");
        String before = office.cursorAtEnd();

        byte[] scan = TestImages.scannedPdf(1_000_000, 21); // kept as captured: 4 chunks
        byte[] bill = TestImages.bill(1600, 1200, 0.8f, 22);
        VisitReport report = SyncWorld.completeVisit(
                tablet, appointments.get(0), "Relevé de compte et facture.", List.of(scan, bill));
        List<PhotoItem> photos = tablet.documents().photos(report.id());
        assertThat(photos).hasSize(2);
        long payload = photos.stream().mapToLong(PhotoItem::sizeBytes).sum();
        assertThat(photos.get(0).sha256()).isEqualTo(TestImages.sha256(scan));

        wire.clear();
        long upBefore = link.upBytes();
        // Each kill may cost what was on its way and not yet acknowledged: at most one chunk, the chunk in force when
        // the server died (it follows the link: the largest upload request of that sync).
        long allowed = 0;
        // 1: inside the creation request, 100 kB into it (its first chunk rides in it).
        link.onRequest(CREATE, 100_000, () -> kill(world, link));
        allowed += killedSync(tablet, wire);
        world.restartServer();
        link.heal();
        // 2: inside the next PATCH, 50 kB into it.
        link.onRequest(PATCH, 50_000, () -> kill(world, link));
        allowed += killedSync(tablet, wire);
        world.restartServer();
        link.heal();
        // 3: inside the PATCH after that restart, 200 kB into it.
        link.onRequest(PATCH, 200_000, () -> kill(world, link));
        allowed += killedSync(tablet, wire);
        world.restartServer();
        link.heal();
        assertThat(link.pendingTriggers()).isZero();

        SyncReport done = tablet.sync().syncNow().join();
        assertThat(done.ok()).as(done.message()).isTrue();
        assertThat(tablet.sync().pendingItems()).isEmpty();

        // The office: every record once, every file byte for byte.
        List<ChangeDto> rows = office.rowsSince(before);
        Map<String, Long> perRecord = rows.stream()
                .collect(Collectors.groupingBy(r -> r.entity().code() + ":" + r.entityId(), Collectors.counting()));
        assertThat(perRecord)
                .allSatisfy((record, count) -> assertThat(count).as(record).isEqualTo(1L));
        assertThat(rows)
                .filteredOn(r -> r.entity() == EntityType.VISIT_REPORT)
                .extracting(ChangeDto::entityId)
                .containsExactly(report.id());
        assertThat(rows)
                .filteredOn(r -> r.entity() == EntityType.DOCUMENT)
                .extracting(ChangeDto::entityId)
                .containsExactlyInAnyOrderElementsOf(
                        photos.stream().map(PhotoItem::id).toList());
        assertThat(rows)
                .filteredOn(r -> r.entity() == EntityType.BLOB)
                .extracting(ChangeDto::entityId)
                .containsExactlyInAnyOrderElementsOf(
                        photos.stream().map(PhotoItem::sha256).toList());
        for (PhotoItem p : photos) {
            byte[] held = office.blob(p.sha256());
            assertThat(TestImages.sha256(held)).isEqualTo(p.sha256());
            assertThat(held).hasSize((int) p.sizeBytes());
        }
        assertThat(office.blob(TestImages.sha256(scan))).isEqualTo(scan);

        UploadAccounting bytes = UploadAccounting.of(link.upBytes() - upBefore, wire, payload);
        System.out.println("kill during uploads: " + bytes + " allowed=" + allowed);
        assertThat(allowed).isBetween(3L * Limits.DEFAULT_CHUNK_BYTES, 3L * Limits.MAX_CHUNK_BYTES);
        assertThat(bytes.resent())
                .as(() -> bytes + "\n"
                        + wire.attempts().stream().map(Object::toString).collect(Collectors.joining("\n")))
                .isBetween(0L, allowed);
    }

    private static void kill(SyncWorld world, LinkEmulator link) {
        link.refuse();
        world.killServer();
    }

    /**
     * A sync that the kill ends; answers the most upload bytes it had on the wire at once: the chunk in force,
     * whole in one request or shared by the uploads open together.
     */
    private static long killedSync(CoreContext tablet, WireLog wire) {
        int before = wire.attempts().size();
        assertThat(tablet.sync().syncNow().join().ok()).isFalse();
        List<WireLog.Attempt> all = wire.attempts();
        return WireLog.mostBodyBytesAtOnce(all.subList(before, all.size()).stream()
                .filter(a -> a.path().startsWith(ApiPaths.UPLOADS))
                .toList());
    }
}
