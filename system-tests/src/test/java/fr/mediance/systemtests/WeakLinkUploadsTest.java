package fr.mediance.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.document.PhotoItem;
import fr.mediance.app.core.sync.SyncReport;
import fr.mediance.app.core.visit.VisitReport;
import fr.mediance.testing.TestImages;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a weak link (250 kbit/s) the photos go one at a time: had the next one started while the one before waited for
 * its receipt, the two would have shared the link and the first one's answer would have come after the client's read
 * timeout (8 s here, for photos of 4.8 s each), so that photo would have been sent again.
 */
@Timeout(180)
class WeakLinkUploadsTest {
    private static final int SIZE = 150_000;

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
    void onAWeakLinkEveryPhotoTravelsOnceWithinTheReadTimeout() {
        world = SyncWorld.start(tmp);
        CoreContext coord = world.device("coord", "coord", world.serverUrl());
        String counsellor = SyncWorld.userId(coord, "conseil1");
        List<String> appointments = SyncWorld.planVisits(
                coord, counsellor, 1, LocalDate.now(CoreContext.PARIS).plusDays(1), "W");

        LinkEmulator link = world.link(LinkEmulator.Profile.UNLIMITED, 11);
        WireLog wire = new WireLog();
        OkHttpClient http = new OkHttpClient.Builder()
                .addNetworkInterceptor(wire)
                .readTimeout(Duration.ofSeconds(8))
                .build();
        CoreContext tablet = world.device("tablet", "conseil1", link.baseUrl(), http, null);
        RawApi office = world.api("bureau");
        List<byte[]> scans = List.of(
                TestImages.scannedPdf(SIZE, 31), TestImages.scannedPdf(SIZE, 32), TestImages.scannedPdf(SIZE, 33));
        VisitReport report = SyncWorld.completeVisit(tablet, appointments.get(0), "Trois factures d'énergie.", scans);
        List<PhotoItem> photos = tablet.documents().photos(report.id());
        assertThat(photos).hasSize(3).allSatisfy(p -> assertThat(p.sizeBytes()).isEqualTo(SIZE));

        http.connectionPool().evictAll();
        link.profile(LinkEmulator.Profile.WEAK);
        wire.clear();
        long upBefore = link.upBytes();
        SyncReport r = tablet.sync().syncNow().join();

        assertThat(r.ok()).as(r.message()).isTrue();
        assertThat(tablet.sync().pendingItems()).isEmpty();
        for (int i = 0; i < scans.size(); i++) {
            assertThat(office.blob(photos.get(i).sha256())).isEqualTo(scans.get(i));
        }
        UploadAccounting bytes = UploadAccounting.of(link.upBytes() - upBefore, wire, 3L * SIZE);
        System.out.println("three photos on a weak link: " + bytes);
        assertThat(bytes.resent()).as(bytes.toString()).isZero();
    }
}
