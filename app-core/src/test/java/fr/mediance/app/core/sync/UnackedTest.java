package fr.mediance.app.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Two uploads open at once never have more than one chunk's worth of bytes on their way between them. */
class UnackedTest {
    static final int CHUNK = 1024 * 1024;

    @Test
    void aRequestAloneGetsWhatItAsksFor() {
        PhotoUploader.Unacked unacked = new PhotoUploader.Unacked();
        assertThat(unacked.take(CHUNK, CHUNK)).isEqualTo(CHUNK);
        unacked.give(CHUNK);
        assertThat(unacked.inFlight()).isZero();
        assertThat(unacked.take(0, CHUNK)).isZero();
    }

    @Test
    void theNextPhotoGetsWhatTheOneBeforeLeavesFreeUnderTheChunk() {
        PhotoUploader.Unacked unacked = new PhotoUploader.Unacked();
        int before = unacked.take(400_000, CHUNK); // the last request of a photo, awaiting its receipt
        int next = unacked.take(CHUNK, CHUNK);
        assertThat(next).isEqualTo(CHUNK - 400_000);
        assertThat(unacked.inFlight()).isEqualTo(CHUNK);
        unacked.give(before);
        unacked.give(next);
        assertThat(unacked.inFlight()).isZero();
    }

    @Test
    void withLessThanAWorthwhileRequestFreeTheNextPhotoWaitsForTheReceipt() throws Exception {
        PhotoUploader.Unacked unacked = new PhotoUploader.Unacked();
        int before = unacked.take(CHUNK - 1000, CHUNK);
        Thread[] waiter = new Thread[1];
        CompletableFuture<Integer> next = CompletableFuture.supplyAsync(() -> {
            waiter[0] = Thread.currentThread();
            return unacked.take(300_000, CHUNK);
        });
        while (waiter[0] == null || waiter[0].getState() != Thread.State.WAITING) {
            Thread.onSpinWait();
        }
        assertThat(next).isNotDone();
        assertThat(unacked.inFlight()).isEqualTo(CHUNK - 1000);
        unacked.give(before); // the receipt came back
        assertThat(next.get()).isEqualTo(300_000);
        assertThat(unacked.inFlight()).isEqualTo(300_000);
    }

    @Test
    void theLastBytesOfAPhotoGoWhenTheyFitEvenBelowTheWorthwhileSize() {
        PhotoUploader.Unacked unacked = new PhotoUploader.Unacked();
        unacked.take(CHUNK - 10_000, CHUNK);
        assertThat(unacked.take(8_000, CHUNK)).isEqualTo(8_000);
    }
}
