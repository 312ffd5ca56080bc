package fr.mediance.app.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.document.PhotoItem;
import fr.mediance.app.core.document.PhotoState;
import fr.mediance.app.core.testing.TestCores;
import fr.mediance.app.core.testing.Visits;
import fr.mediance.protocol.EntityType;
import fr.mediance.testing.FakeOfficeServer;
import fr.mediance.testing.MutableClock;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Photos travel by resumable upload (tus 1.0): chunks, cuts, restarts, refusals, expired tokens. */
class TusUploadTest {
    static final int CHUNK = 64 * 1024;
    static final int SIZE = 300_000; // 5 chunks: 4 full, 1 of 37,856 bytes

    @TempDir
    Path dir;

    final FakeOfficeServer server = new FakeOfficeServer();
    final MutableClock clock = new MutableClock(Visits.NINE_PARIS.plusSeconds(120));
    CoreContext core;

    @BeforeEach
    void setUp() {
        Visits.seed(server, 3);
        server.chunkSize(CHUNK);
        core = TestCores.signedIn(dir.resolve("tablet"), clock, server, "conseil1");
        assertThat(core.sync().syncNow().join().ok()).isTrue();
    }

    @AfterEach
    void tearDown() {
        core.close();
        server.close();
    }

    SyncReport sync() {
        return core.sync().syncNow().join();
    }

    /** Every body byte the server read beyond the file itself: what a cut cost. */
    long resent(int size) {
        return server.uploadBytesRead.get() - size;
    }

    @Test
    void aPhotoTravelsInChunksOfTheAnnouncedSizeAndIsReceivedOnlyAtTheServersReceipt() {
        byte[] bytes = Visits.bytes(SIZE, 1);
        PhotoItem p = Visits.complete(core, "apt-1", bytes).get(0);
        String reportId = p.reportId();
        assertThat(core.sync().deliveryOf(EntityType.VISIT_REPORT, reportId).delivery())
                .isEqualTo(Delivery.QUEUED);
        assertThat(core.sync().photoTransfers()).singleElement().satisfies(t -> {
            assertThat(t.delivery()).isEqualTo(Delivery.QUEUED);
            assertThat(t.percent()).isZero();
        });
        List<PhotoTransfer> events = new ArrayList<>();
        core.sync().addTransferListener(events::add);

        SyncReport r = sync();

        assertThat(r.ok()).isTrue();
        assertThat(r.photosSent()).isEqualTo(1);
        assertThat(server.blob(p.sha256())).isEqualTo(bytes);
        assertThat(server.options.get()).isEqualTo(1);
        assertThat(server.creations.get()).isEqualTo(1);
        assertThat(server.patches.get()).isEqualTo(5);
        assertThat(resent(SIZE)).isZero();
        assertThat(server.puts.get()).isZero();
        // queued -> sending n % (while PATCHing, never going down) -> received, only at the end
        assertThat(events)
                .extracting(PhotoTransfer::delivery)
                .startsWith(Delivery.SENDING)
                .endsWith(Delivery.RECEIVED)
                .containsSubsequence(Delivery.SENDING, Delivery.RECEIVED);
        assertThat(events.stream()
                        .filter(e -> e.delivery() == Delivery.SENDING)
                        .map(PhotoTransfer::percent)
                        .filter(pc -> pc > 0 && pc < 100)
                        .count())
                .isGreaterThanOrEqualTo(4);
        assertThat(events).extracting(PhotoTransfer::percent).isSorted();
        assertThat(events.get(events.size() - 1).percent()).isEqualTo(100);
        assertThat(events).filteredOn(e -> e.delivery() == Delivery.RECEIVED).hasSize(1);
        assertThat(core.sync().photoTransfers()).isEmpty();
        assertThat(core.sync().photoTransfers(reportId))
                .singleElement()
                .satisfies(t -> assertThat(t.status()).isEqualTo(DeliveryStatus.RECEIVED));
        assertThat(core.sync().deliveryOf(EntityType.VISIT_REPORT, reportId)).isEqualTo(DeliveryStatus.RECEIVED);
        assertThat(core.sync().status().upToDate()).isTrue();
    }

    @Test
    void aCutInTheMiddleOfAChunkResumesFromTheServersOffsetAndResendsLessThanAChunk() {
        byte[] bytes = Visits.bytes(SIZE, 2);
        PhotoItem p = Visits.complete(core, "apt-1", bytes).get(0);
        server.onPatch(n -> {
            if (n == 3) {
                server.cutNextPatchAfter(20_000);
            }
        });

        SyncReport r = sync();

        assertThat(r.ok()).isTrue();
        assertThat(server.blob(p.sha256())).isEqualTo(bytes);
        assertThat(server.creations.get()).isEqualTo(1); // resumed, not restarted
        assertThat(server.uploadHeads.get()).isEqualTo(1);
        assertThat(resent(SIZE)).isEqualTo(20_000).isLessThanOrEqualTo(CHUNK);
    }

    @Test
    void afterTheLinkWentDownTheNextSyncResumesWithHeadAndBacksOff() {
        byte[] bytes = Visits.bytes(SIZE, 3);
        PhotoItem p = Visits.complete(core, "apt-1", bytes).get(0);
        server.onPatch(n -> {
            if (n == 3) {
                server.cutNextPatchAfter(50_000);
                server.drop("/api/", true); // and the link stays down
            }
        });

        SyncReport cut = sync();

        assertThat(cut.result()).isEqualTo(SyncReport.Result.OFFLINE);
        assertThat(core.sync().status().nextAttemptAt()).isAfter(clock.instant()); // backoff planned
        assertThat(core.sync().photoTransfers()).singleElement().satisfies(t -> {
            assertThat(t.delivery()).isEqualTo(Delivery.SENDING);
            assertThat(t.percent()).isBetween(40, 99);
        });
        assertThat(core.sync().status().pendingPhotos()).isEqualTo(1);
        server.drop("/api/", false);
        server.onPatch(null);

        assertThat(sync().ok()).isTrue();

        assertThat(server.blob(p.sha256())).isEqualTo(bytes);
        assertThat(server.creations.get()).isEqualTo(1);
        assertThat(resent(SIZE)).isEqualTo(50_000).isLessThanOrEqualTo(CHUNK);
        assertThat(core.documents().find(p.id()).orElseThrow().state()).isEqualTo(PhotoState.UPLOADED);
    }

    @Test
    void aClientRestartedInTheMiddleResumesTheSameUpload() {
        byte[] bytes = Visits.bytes(SIZE, 4);
        PhotoItem p = Visits.complete(core, "apt-1", bytes).get(0);
        server.onPatch(n -> {
            if (n == 4) {
                server.cutNextPatchAfter(10_000);
                server.fail("/api/v1/uploads", 503); // the app is killed here: nothing more is asked
            }
        });
        assertThat(sync().ok()).isFalse();
        core.close();
        server.fail("/api/v1/uploads", 0);
        server.onPatch(null);

        core = TestCores.open(dir.resolve("tablet"), clock); // a new process on the same data
        core.unlock(TestCores.PIN);
        assertThat(core.sync().photoTransfers())
                .singleElement()
                .satisfies(t -> assertThat(t.sentBytes()).isEqualTo(3L * CHUNK)); // the committed offset
        assertThat(core.sync().syncNow().join().ok()).isTrue();

        assertThat(server.blob(p.sha256())).isEqualTo(bytes);
        assertThat(server.creations.get()).isEqualTo(1);
        assertThat(resent(SIZE)).isEqualTo(10_000);
    }

    @Test
    void aWrongOffsetIsAskedAgainAndTheUploadContinues() {
        byte[] bytes = Visits.bytes(SIZE, 5);
        PhotoItem p = Visits.complete(core, "apt-1", bytes).get(0);
        server.onPatch(n -> {
            if (n == 2) {
                server.conflictNextPatches(1);
            }
        });

        assertThat(sync().ok()).isTrue();

        assertThat(server.blob(p.sha256())).isEqualTo(bytes);
        assertThat(server.uploadHeads.get()).isEqualTo(1);
        assertThat(server.patches.get()).isEqualTo(6);
        assertThat(resent(SIZE)).isZero();
    }

    @Test
    void aDamagedChunkIsSentAgain() {
        byte[] bytes = Visits.bytes(SIZE, 6);
        PhotoItem p = Visits.complete(core, "apt-1", bytes).get(0);
        server.corruptNextChunks(1);

        assertThat(sync().ok()).isTrue();

        assertThat(server.blob(p.sha256())).isEqualTo(bytes);
        assertThat(server.patches.get()).isEqualTo(6);
        assertThat(resent(SIZE)).isEqualTo(CHUNK);
    }

    @Test
    void aPhotoDamagedAtEveryTryNeedsAttentionWithoutBlockingTheOthersAndCanBeRetried() {
        byte[] bad = Visits.bytes(SIZE, 7);
        byte[] good = Visits.bytes(100_000, 8);
        PhotoItem first = Visits.complete(core, "apt-1", bad).get(0);
        clock.advance(java.time.Duration.ofMinutes(1)); // photos are sent in capture order
        PhotoItem second = Visits.complete(core, "apt-2", good).get(0);
        server.corruptNextChunks(PhotoUploader.MAX_CHUNK_FAILURES);

        SyncReport r = sync();

        assertThat(r.ok()).isTrue(); // the sync itself went through
        assertThat(server.hasBlob(first.sha256())).isFalse();
        assertThat(server.blob(second.sha256())).isEqualTo(good);
        assertThat(core.sync().photoTransfers()).singleElement().satisfies(t -> {
            assertThat(t.documentId()).isEqualTo(first.id());
            assertThat(t.delivery()).isEqualTo(Delivery.NEEDS_ATTENTION);
            assertThat(t.status().reason()).startsWith("Cette photo arrive abîmée au serveur");
        });
        assertThat(core.sync()
                        .deliveryOf(EntityType.VISIT_REPORT, first.reportId())
                        .delivery())
                .isEqualTo(Delivery.NEEDS_ATTENTION);
        assertThat(core.sync().status().needsAttention()).isEqualTo(1);
        assertThat(core.sync().status().upToDate()).isFalse();
        int patches = server.patches.get();
        assertThat(sync().ok()).isTrue();
        assertThat(server.patches.get()).isEqualTo(patches); // set aside: not tried at every sync

        core.sync().retryPhoto(first.id());
        assertThat(core.sync().photoTransfers())
                .singleElement()
                .satisfies(t -> assertThat(t.delivery()).isEqualTo(Delivery.QUEUED));
        assertThat(sync().ok()).isTrue();

        assertThat(server.blob(first.sha256())).isEqualTo(bad);
        assertThat(core.sync().status().upToDate()).isTrue();
    }

    @Test
    void anUploadTheServerLostStartsAgainFromZero() {
        byte[] bytes = Visits.bytes(SIZE, 9);
        PhotoItem p = Visits.complete(core, "apt-1", bytes).get(0);
        server.onPatch(n -> {
            if (n == 3) {
                server.loseUploads(); // the next PATCH finds nothing: 404
            }
        });

        assertThat(sync().ok()).isTrue();

        assertThat(server.blob(p.sha256())).isEqualTo(bytes);
        assertThat(server.creations.get()).isEqualTo(2);
        assertThat(resent(SIZE)).isEqualTo(3L * CHUNK);
    }

    @Test
    void anAccessTokenExpiringMidUploadIsRefreshedOnceAndTheUploadContinues() {
        byte[] bytes = Visits.bytes(SIZE, 10);
        PhotoItem p = Visits.complete(core, "apt-1", bytes).get(0);
        int refreshes = server.refreshes.get();
        server.expireTokensAfterPatches(2);

        assertThat(sync().ok()).isTrue();

        assertThat(server.blob(p.sha256())).isEqualTo(bytes);
        assertThat(server.refreshes.get()).isEqualTo(refreshes + 1);
        assertThat(server.creations.get()).isEqualTo(1);
        assertThat(resent(SIZE)).isZero();
    }

    @Test
    void aBlobTheServerHoldsIsNotSentAgain() {
        byte[] bytes = Visits.bytes(SIZE, 11);
        server.putBlob(bytes);
        Visits.complete(core, "apt-1", bytes);

        SyncReport r = sync();

        assertThat(r.photosSent()).isEqualTo(1);
        // nothing of the blob travels (the limits may have been asked at the same time as the question)
        assertThat(server.creations.get() + server.patches.get()).isZero();
        assertThat(server.uploadBytesRead.get()).isZero();
        assertThat(core.sync().status().upToDate()).isTrue();
    }

    @Test
    void onAFastLinkTheChunksGrowUpToTheLargestTheServerAccepts() {
        server.maxChunkSize(4 * CHUNK);
        byte[] bytes = Visits.bytes(2 * SIZE, 13);
        PhotoItem p = Visits.complete(core, "apt-1", bytes).get(0);

        assertThat(sync().ok()).isTrue();

        assertThat(server.blob(p.sha256())).isEqualTo(bytes);
        // the first chunk as announced, then (a local link is fast) four times larger, no larger than the largest
        assertThat(server.patchSizes).containsExactly(CHUNK, 4 * CHUNK, 4 * CHUNK, 2 * SIZE - 9 * CHUNK);
        assertThat(resent(2 * SIZE)).isZero();
    }

    @Test
    void theNextPhotoStartsWithTheChunkTheLinkReached() {
        server.maxChunkSize(16 * CHUNK);
        byte[] first = Visits.bytes(SIZE, 14);
        byte[] second = Visits.bytes(SIZE, 15);
        PhotoItem p1 = Visits.complete(core, "apt-1", first).get(0);
        PhotoItem p2 = Visits.complete(core, "apt-2", second).get(0);

        assertThat(sync().ok()).isTrue();

        assertThat(server.blob(p1.sha256())).isEqualTo(first);
        assertThat(server.blob(p2.sha256())).isEqualTo(second);
        // the second starts with the chunk reached when the first put its last byte on the link (four times the
        // first chunk), then follows its own link; the two last requests may reach the server in either order
        assertThat(server.patchSizes).containsExactlyInAnyOrder(CHUNK, SIZE - CHUNK, 4 * CHUNK, SIZE - 4 * CHUNK);
    }

    @Test
    void afterACutTheChunksStartSmallAgain() {
        server.maxChunkSize(4 * CHUNK);
        byte[] bytes = Visits.bytes(3 * SIZE, 16);
        PhotoItem p = Visits.complete(core, "apt-1", bytes).get(0);
        server.onPatch(n -> {
            if (n == 3) {
                server.cutNextPatchAfter(20_000);
            }
        });

        assertThat(sync().ok()).isTrue();

        assertThat(server.blob(p.sha256())).isEqualTo(bytes);
        assertThat(server.patchSizes).startsWith(CHUNK, 4 * CHUNK, CHUNK, 4 * CHUNK);
        assertThat(resent(3 * SIZE)).isEqualTo(20_000);
    }

    @Test
    void aSmallPhotoTravelsInTheCreationRequestWhenTheServerOffersIt() {
        server.creationWithUpload(true);
        byte[] bytes = Visits.bytes(50_000, 12);
        PhotoItem p = Visits.complete(core, "apt-1", bytes).get(0);

        assertThat(sync().ok()).isTrue();

        assertThat(server.blob(p.sha256())).isEqualTo(bytes);
        assertThat(server.creations.get()).isEqualTo(1);
        assertThat(server.patches.get()).isZero();
    }

    @Test
    void aServerWithoutResumableUploadsGetsOnePutPerPhoto() {
        server.disableTus();
        byte[] bytes = Visits.bytes(SIZE, 13);
        PhotoItem p = Visits.complete(core, "apt-1", bytes).get(0);

        assertThat(sync().ok()).isTrue();

        assertThat(server.blob(p.sha256())).isEqualTo(bytes);
        assertThat(server.puts.get()).isEqualTo(1);
    }

    @Test
    void aPhotoLargerThanTheServerAcceptsNeedsAttention() {
        server.maxSize(200_000);
        PhotoItem p = Visits.complete(core, "apt-1", Visits.bytes(SIZE, 14)).get(0);

        assertThat(sync().ok()).isTrue();

        assertThat(core.sync().photoTransfers()).singleElement().satisfies(t -> {
            assertThat(t.documentId()).isEqualTo(p.id());
            assertThat(t.status().reason()).isEqualTo("Cette photo est trop volumineuse pour le serveur.");
        });
        assertThat(server.creations.get()).isZero();
    }
}
