package fr.mediance.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.document.PhotoItem;
import fr.mediance.app.core.sync.SyncReport;
import fr.mediance.app.core.visit.VisitReport;
import fr.mediance.protocol.ApiPaths;
import fr.mediance.protocol.Limits;
import fr.mediance.testing.TestImages;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * 20 cuts of the link at random byte positions (seeded) while a 3 MB document is uploaded: the tablet keeps
 * syncing as it would on each return of the network, the upload completes, the office has the file byte for
 * byte, and the client sent at most the file plus one chunk per cut, plus the request heads and other bodies
 * counted exactly.
 */
@Timeout(180)
class LinkCutsDuringUploadTest {
    private static final int CUTS = 20;
    private static final int SIZE = 3_000_000;

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
    void aThreeMegabyteUploadCutTwentyTimesCompletesWithAtMostOneChunkSentAgainPerCut() {
        world = SyncWorld.start(tmp);
        CoreContext coord = world.device("coord", "coord", world.serverUrl());
        String counsellor = SyncWorld.userId(coord, "conseil1");
        List<String> appointments = SyncWorld.planVisits(
                coord, counsellor, 1, LocalDate.now(CoreContext.PARIS).plusDays(1), "C");

        LinkEmulator link = world.link(LinkEmulator.Profile.UNLIMITED, 2026);
        WireLog wire = new WireLog();
        CoreContext tablet = world.device(
                "tablet",
                "conseil1",
                link.baseUrl(),
                new OkHttpClient.Builder().addNetworkInterceptor(wire).build(),
                null);
        RawApi office = world.api("bureau");

        byte[] scan = TestImages.scannedPdf(SIZE, 3);
        VisitReport report =
                SyncWorld.completeVisit(tablet, appointments.get(0), "Dossier de surendettement.", List.of(scan));
        PhotoItem doc = tablet.documents().photos(report.id()).get(0);
        assertThat(doc.sizeBytes()).isEqualTo(SIZE);

        wire.clear();
        long upBefore = link.upBytes();
        // From the first upload request on, 20 cuts, each 20 to 140 kB of client bytes after the previous one:
        // all of them fall before the 3 MB have gone through.
        link.onRequest(
                "POST " + ApiPaths.UPLOADS + " ", 0, () -> link.randomCuts(LinkEmulator.Dir.UP, 20_000, 140_000, CUTS));
        int syncs = 0;
        SyncReport last;
        do {
            last = tablet.sync().syncNow().join();
            syncs++;
        } while (!(last.ok() && tablet.sync().pendingItems().isEmpty()) && syncs < 100);
        assertThat(last.ok()).as(last.message()).isTrue();
        // every cut position was reached (the emulator records it as the bytes pass; its counter of cuts carried out
        // may lag when a cut falls at the very end of a request that the server then answers)
        assertThat(link.cutHistory(LinkEmulator.Dir.UP)).hasSize(CUTS);

        assertThat(office.blob(doc.sha256())).isEqualTo(scan);
        UploadAccounting bytes = UploadAccounting.of(link.upBytes() - upBefore, wire, SIZE);
        System.out.printf("%d cuts during a %d-byte upload, %d syncs: %s%n", CUTS, SIZE, syncs, bytes);
        assertThat(bytes.upBytes())
                .as(bytes.toString())
                .isLessThanOrEqualTo(
                        SIZE + (long) CUTS * Limits.DEFAULT_CHUNK_BYTES + bytes.requestHeads() + bytes.otherBodies());
        assertThat(bytes.resent()).isPositive();
    }
}
