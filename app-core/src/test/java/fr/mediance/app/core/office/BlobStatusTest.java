package fr.mediance.app.core.office;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.document.PhotoItem;
import fr.mediance.app.core.sync.Delivery;
import fr.mediance.app.core.sync.DeliveryStatus;
import fr.mediance.app.core.testing.TestCores;
import fr.mediance.app.core.testing.Visits;
import fr.mediance.protocol.EntityType;
import fr.mediance.testing.FakeOfficeServer;
import fr.mediance.testing.MutableClock;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server's blob status: "n photos sur m en attente" at the office, "reçue par le bureau" on the tablet. */
class BlobStatusTest {
    @TempDir
    Path dir;

    final FakeOfficeServer server = new FakeOfficeServer();
    final MutableClock clock = new MutableClock(Visits.NINE_PARIS);
    CoreContext tablet;
    CoreContext office;

    @BeforeEach
    void setUp() {
        Visits.seed(server, 1);
        tablet = TestCores.signedIn(dir.resolve("tablet"), clock, server, "conseil1");
        office = TestCores.signedIn(dir.resolve("office"), clock, server, "bureau");
        assertThat(tablet.sync().syncNow().join().ok()).isTrue();
    }

    @AfterEach
    void tearDown() {
        tablet.close();
        office.close();
        server.close();
    }

    @Test
    void theOfficeSeesTheReportWhilePhotosArriveAndCountsThemFromTheBlobStatusWithoutAskingEach() {
        PhotoItem a = Visits.complete(tablet, "apt-1", Visits.bytes(30_000, 1), Visits.bytes(30_000, 2))
                .get(0);
        server.fail("/api/v1/blobs/", 503); // the report travels first, its photos later
        tablet.sync().syncNow().join();
        server.fail("/api/v1/blobs/", 0);
        assertThat(office.sync().syncNow().join().ok()).isTrue();
        assertThat(office.office().receivedReports()).singleElement().satisfies(r -> {
            assertThat(r.photoCount()).isEqualTo(2);
            assertThat(r.photosAwaited()).isEqualTo(2);
        });
        assertThat(office.office().thumbnail(a.id()).message()).startsWith("Cette photo n'est pas encore arrivée");

        assertThat(tablet.sync().syncNow().join().ok()).isTrue(); // the photos arrive
        int heads = server.heads.get();
        assertThat(office.sync().syncNow().join().ok()).isTrue();

        assertThat(office.office().receivedReports().get(0).photosAwaited()).isZero();
        assertThat(office.office().refreshPhotoAvailability().value()).isZero();
        assertThat(server.heads.get()).isEqualTo(heads); // told by the feed, not asked photo by photo
    }

    @Test
    void thumbnailsAreDownloadedOnceAndKeptEncrypted() {
        PhotoItem a = Visits.complete(tablet, "apt-1", Visits.bytes(30_000, 3)).get(0);
        assertThat(tablet.sync().syncNow().join().ok()).isTrue();
        assertThat(office.sync().syncNow().join().ok()).isTrue();

        assertThat(office.office().thumbnail(a.id()).value()).isEqualTo(FakeOfficeServer.thumbnailOf(a.sha256()));
        assertThat(office.office().thumbnail(a.id()).value()).isEqualTo(FakeOfficeServer.thumbnailOf(a.sha256()));
        assertThat(server.thumbnails.get()).isEqualTo(1);
        assertThat(server.gets.get()).isZero(); // the photo itself is not needed for the list

        office.close();
        office = TestCores.open(dir.resolve("office"), clock);
        office.unlock(TestCores.PIN); // the cached thumbnail is not an orphan
        server.goOffline();
        assertThat(office.office().thumbnail(a.id()).value()).isEqualTo(FakeOfficeServer.thumbnailOf(a.sha256()));
    }

    @Test
    void theTabletSaysReceivedByTheOfficeOnlyWithTheServersReceipt() {
        PhotoItem a = Visits.complete(tablet, "apt-1", Visits.bytes(30_000, 4)).get(0);
        assertThat(tablet.sync()
                        .deliveryOf(EntityType.VISIT_REPORT, a.reportId())
                        .delivery())
                .isEqualTo(Delivery.QUEUED);
        server.maxSize(10_000); // refused for its size: needs attention
        assertThat(tablet.sync().syncNow().join().ok()).isTrue();
        assertThat(tablet.sync()
                        .deliveryOf(EntityType.VISIT_REPORT, a.reportId())
                        .delivery())
                .isEqualTo(Delivery.NEEDS_ATTENTION);

        server.putBlob(Visits.bytes(30_000, 4)); // the office got these bytes all the same
        assertThat(tablet.sync().syncNow().join().ok()).isTrue(); // its blob status comes with the pull

        assertThat(tablet.sync().photoTransfers(a.reportId()))
                .singleElement()
                .satisfies(t -> assertThat(t.status()).isEqualTo(DeliveryStatus.RECEIVED));
        assertThat(tablet.sync().deliveryOf(EntityType.VISIT_REPORT, a.reportId()))
                .isEqualTo(DeliveryStatus.RECEIVED);
        assertThat(tablet.sync().status().upToDate()).isTrue();
    }
}
