package fr.mediance.app.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.document.PhotoItem;
import fr.mediance.app.core.testing.TestCores;
import fr.mediance.app.core.testing.Visits;
import fr.mediance.testing.FakeOfficeServer;
import fr.mediance.testing.MutableClock;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Photos one after the other, the next one travelling while the receipt of the one before is awaited (against a
 * server that answers several requests at a time, as the office server does).
 */
class PhotoOverlapTest {
    static final int CHUNK = TusUploadTest.CHUNK;
    static final int SIZE = TusUploadTest.SIZE; // 5 chunks

    @TempDir
    Path dir;

    final FakeOfficeServer server = new FakeOfficeServer(new FakeOfficeServer.Options(true, false));
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

    long resent(int size) {
        return server.uploadBytesRead.get() - size;
    }

    @Test
    void theNextPhotoTravelsWhileTheReceiptOfTheOneBeforeIsAwaited() {
        byte[] first = Visits.bytes(SIZE, 17);
        byte[] second = Visits.bytes(SIZE, 18);
        PhotoItem p1 = Visits.complete(core, "apt-1", first).get(0);
        PhotoItem p2 = Visits.complete(core, "apt-2", second).get(0);
        List<PhotoTransfer> events = new CopyOnWriteArrayList<>();
        core.sync().addTransferListener(events::add);
        // the first photo is 5 chunks: its last request is held by the server until the second photo's first chunk
        // has arrived, which only happens if the second travels while the first waits for its receipt
        CountDownLatch secondArrived = new CountDownLatch(1);
        AtomicBoolean overlapped = new AtomicBoolean();
        server.onPatch(n -> {
            if (n == 6) {
                secondArrived.countDown();
            } else if (n == 5) {
                try {
                    overlapped.set(secondArrived.await(30, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });

        SyncReport r = sync();

        assertThat(r.ok()).isTrue();
        assertThat(overlapped).isTrue();
        assertThat(r.photosSent()).isEqualTo(2);
        assertThat(server.blob(p1.sha256())).isEqualTo(first);
        assertThat(server.blob(p2.sha256())).isEqualTo(second);
        assertThat(resent(2 * SIZE)).isZero();
        // each photo's progress still only goes up, to its own receipt
        for (PhotoItem p : List.of(p1, p2)) {
            List<PhotoTransfer> own =
                    events.stream().filter(e -> e.documentId().equals(p.id())).toList();
            assertThat(own).extracting(PhotoTransfer::percent).isSorted();
            assertThat(own).extracting(PhotoTransfer::delivery).startsWith(Delivery.SENDING);
            assertThat(own).filteredOn(e -> e.delivery() == Delivery.RECEIVED).hasSize(1);
            assertThat(own.get(own.size() - 1).delivery()).isEqualTo(Delivery.RECEIVED);
        }
        assertThat(core.sync().status().upToDate()).isTrue();
    }
}
