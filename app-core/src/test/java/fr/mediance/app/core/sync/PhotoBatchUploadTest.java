package fr.mediance.app.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.document.PhotoItem;
import fr.mediance.app.core.platform.CapturedImage;
import fr.mediance.app.core.session.SessionManager;
import fr.mediance.app.core.testing.TestCores;
import fr.mediance.app.core.testing.Visits;
import fr.mediance.app.core.visit.VisitReport;
import fr.mediance.protocol.ApiPaths;
import fr.mediance.testing.FakeOfficeServer;
import fr.mediance.testing.MutableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch of photos: the server is asked once which of them it holds (instead of a HEAD per photo), and each
 * photo is read while the one before it travels.
 */
class PhotoBatchUploadTest {
    static final int SIZE = 100_000;

    @TempDir
    Path dir;

    final FakeOfficeServer server = new FakeOfficeServer();
    final MutableClock clock = new MutableClock(Visits.NINE_PARIS.plusSeconds(120));
    CoreContext core;

    @BeforeEach
    void setUp() {
        Visits.seed(server, 3);
        server.chunkSize(64 * 1024);
        core = TestCores.signedIn(dir.resolve("tablet"), clock, server, "conseil1");
        assertThat(core.sync().syncNow().join().ok()).isTrue();
    }

    @AfterEach
    void tearDown() {
        core.close();
        server.close();
    }

    @Test
    void theServerIsAskedOnceWhichPhotosItHoldsAndOnlyTheOthersTravel() {
        byte[] held = Visits.bytes(SIZE, 1);
        byte[] second = Visits.bytes(SIZE, 2);
        byte[] third = Visits.bytes(SIZE, 3);
        server.putBlob(held);
        List<PhotoItem> photos = Visits.complete(core, "apt-1", held, second, third);

        SyncReport r = core.sync().syncNow().join();

        assertThat(r.ok()).isTrue();
        assertThat(r.photosSent()).isEqualTo(3);
        assertThat(server.heads.get()).isZero();
        assertThat(server.creations.get()).isEqualTo(2);
        assertThat(server.blob(photos.get(1).sha256())).isEqualTo(second);
        assertThat(server.blob(photos.get(2).sha256())).isEqualTo(third);
        assertThat(core.sync().status().pendingPhotos()).isZero();
        assertThat(core.sync().status().upToDate()).isTrue();
    }

    @Test
    void aPhotoTheServerHoldsFromAnotherAccountIsSentAllTheSame() {
        byte[] colleagues = Visits.bytes(SIZE, 31);
        server.putBlobSentByAnother(colleagues);
        List<PhotoItem> photos = Visits.complete(core, "apt-1", colleagues);

        SyncReport r = core.sync().syncNow().join();

        assertThat(r.ok()).isTrue();
        assertThat(r.photosSent()).isEqualTo(1);
        // the server answered « not held » for this account: the bytes travelled, which proves the device has them
        assertThat(server.creations.get()).isEqualTo(1);
        assertThat(server.blob(photos.get(0).sha256())).isEqualTo(colleagues);
        assertThat(core.sync().status().pendingPhotos()).isZero();
    }

    @Test
    void aServerWithoutTheBatchQueryIsAskedPhotoByPhoto() {
        server.fail(ApiPaths.BLOBS_HELD, 404);
        byte[] held = Visits.bytes(SIZE, 4);
        byte[] other = Visits.bytes(SIZE, 5);
        server.putBlob(held);
        List<PhotoItem> photos = Visits.complete(core, "apt-1", held, other);

        SyncReport r = core.sync().syncNow().join();

        assertThat(r.ok()).isTrue();
        assertThat(r.photosSent()).isEqualTo(2);
        assertThat(server.heads.get()).isEqualTo(2);
        assertThat(server.creations.get()).isEqualTo(1);
        assertThat(server.blob(photos.get(1).sha256())).isEqualTo(other);
        assertThat(core.sync().status().pendingPhotos()).isZero();
    }

    @Test
    void aServerFailureOnTheBatchQueryEndsThePassWithoutSendingAndTheNextSyncSends() {
        server.fail(ApiPaths.BLOBS_HELD, 503);
        List<PhotoItem> photos = Visits.complete(core, "apt-1", Visits.bytes(SIZE, 6));

        SyncReport failed = core.sync().syncNow().join();

        assertThat(failed.ok()).isFalse();
        assertThat(server.creations.get() + server.heads.get()).isZero();
        assertThat(core.sync().status().pendingPhotos()).isEqualTo(1);

        server.fail(ApiPaths.BLOBS_HELD, 0);
        assertThat(core.sync().syncNow().join().ok()).isTrue();
        assertThat(server.blob(photos.get(0).sha256())).isNotNull();
        assertThat(core.sync().status().pendingPhotos()).isZero();
    }

    @Test
    void aPhotoMissingOnTheDeviceIsSetAsideWhileThoseAroundItTravelIntact() throws IOException {
        byte[] first = Visits.bytes(SIZE, 7);
        byte[] missing = Visits.bytes(SIZE, 8);
        byte[] last = Visits.bytes(SIZE, 9);
        Path blobDir = dir.resolve("tablet").resolve(SessionManager.BLOB_DIRECTORY);
        VisitReport draft = core.visits()
                .saveDraft(core.visits()
                        .openForAppointment("apt-1")
                        .orElseThrow()
                        .withDomains(List.of("energie"))
                        .withSynthesis("Facture impayée.")
                        .withVisitAttested(true)
                        .withFollowUpDue(LocalDate.of(2026, 12, 4)))
                .value();
        PhotoItem a = attach(draft, first);
        Set<Path> before = files(blobDir);
        PhotoItem b = attach(draft, missing);
        Set<Path> added = files(blobDir);
        added.removeAll(before);
        assertThat(added).hasSize(1);
        PhotoItem c = attach(draft, last);
        assertThat(core.visits().complete(draft.id()).isOk()).isTrue();
        Files.delete(added.iterator().next());

        SyncReport r = core.sync().syncNow().join();

        assertThat(r.ok()).isTrue();
        assertThat(server.blob(a.sha256())).isEqualTo(first);
        assertThat(server.blob(c.sha256())).isEqualTo(last);
        assertThat(server.blob(b.sha256())).isNull();
        assertThat(core.sync().photoTransfers()).singleElement().satisfies(t -> {
            assertThat(t.documentId()).isEqualTo(b.id());
            assertThat(t.status().reason())
                    .isEqualTo(
                            "Cette photo est introuvable sur l'appareil : reprenez-la si le document est encore disponible.");
        });
    }

    private PhotoItem attach(VisitReport draft, byte[] bytes) {
        return core.documents()
                .attach(draft.id(), new CapturedImage(bytes, "image/jpeg", null), "facture")
                .value();
    }

    private static Set<Path> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return new HashSet<>(s.filter(Files::isRegularFile).toList());
        }
    }
}
