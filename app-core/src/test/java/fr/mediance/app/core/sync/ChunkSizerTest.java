package fr.mediance.app.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The chunk follows the link: grows on a fast one up to the server's largest, shrinks on a slow one or a cut. */
class ChunkSizerTest {
    static final int START = 256 * 1024;
    static final int LARGEST = 4 * 1024 * 1024;
    static final long SECOND = 1_000_000_000L;

    @Test
    void itStartsAtTheAnnouncedChunk() {
        assertThat(new ChunkSizer(START, LARGEST).next()).isEqualTo(START);
    }

    @Test
    void onAFastLinkItGrowsAtMostFourfoldPerChunkUpToTheServersLargest() {
        ChunkSizer c = new ChunkSizer(START, LARGEST);

        c.sent(START, SECOND / 4); // 1 MiB/s: 8 MiB in 8 s
        assertThat(c.next()).isEqualTo(4 * START);
        c.sent(4 * START, SECOND);
        assertThat(c.next()).isEqualTo(LARGEST);
        c.sent(LARGEST, 4 * SECOND);
        assertThat(c.next()).isEqualTo(LARGEST);
    }

    @Test
    void itGrowsToAboutEightSecondsOfTheMeasuredThroughput() {
        ChunkSizer c = new ChunkSizer(START, LARGEST);

        c.sent(START, 4 * SECOND); // 64 KiB/s: 512 KiB in 8 s
        assertThat(c.next()).isEqualTo(2 * START);
    }

    @Test
    void aLinkIsRoomyFromTwoStartChunksInTheTargetTimeAndNotBeforeAnyMeasure() {
        ChunkSizer c = new ChunkSizer(START, LARGEST);
        assertThat(c.roomy()).isFalse();

        c.sent(START, 8_600_000_000L); // 250 kbit/s
        assertThat(c.roomy()).isFalse();
        assertThat(c.copy().roomy()).isFalse();
        c.sent(START, 4 * SECOND); // two start chunks in 8 s
        assertThat(c.roomy()).isTrue();
        assertThat(c.copy().roomy()).isTrue();
        c.sent(START, 5 * SECOND);
        assertThat(c.roomy()).isFalse();
    }

    @Test
    void onAWeakLinkItStaysAtTheAnnouncedChunk() {
        ChunkSizer c = new ChunkSizer(START, LARGEST);

        c.sent(START, 8_600_000_000L); // 250 kbit/s with a round trip: slower than the target
        assertThat(c.next()).isEqualTo(START);
        c.sent(START, 7 * SECOND);
        assertThat(c.next()).isEqualTo(START + START / 7);
    }

    @Test
    void aSlowChunkBringsItDownToWhatTheLinkCarriesInTheTargetTimeButNotBelowTheStart() {
        ChunkSizer c = new ChunkSizer(START, LARGEST);
        c.sent(START, SECOND / 8);
        c.sent(4 * START, SECOND / 2);
        assertThat(c.next()).isEqualTo(LARGEST);

        c.sent(LARGEST, 16 * SECOND); // the link became four times slower than the target
        assertThat(c.next()).isEqualTo(LARGEST / 2);
        c.sent(LARGEST / 2, 100 * SECOND);
        assertThat(c.next()).isEqualTo(START);
    }

    @Test
    void aShortChunkAtTheEndOfAFileDoesNotShrinkIt() {
        ChunkSizer c = new ChunkSizer(START, LARGEST);
        c.sent(START, SECOND / 4);
        assertThat(c.next()).isEqualTo(4 * START);

        c.sent(10_000, SECOND / 10); // mostly a round trip
        assertThat(c.next()).isEqualTo(4 * START);
    }

    @Test
    void aCutStartsSmallAgain() {
        ChunkSizer c = new ChunkSizer(START, LARGEST);
        c.sent(START, SECOND / 4);
        assertThat(c.next()).isGreaterThan(START);

        c.cut();
        assertThat(c.next()).isEqualTo(START);
    }

    @Test
    void aServerThatAnnouncesNoLargerChunkKeepsItsChunk() {
        ChunkSizer c = new ChunkSizer(START, START);

        c.sent(START, 1);
        assertThat(c.next()).isEqualTo(START);
    }

    @Test
    void nothingMeasuredChangesNothing() {
        ChunkSizer c = new ChunkSizer(START, LARGEST);

        c.sent(START, 0);
        c.sent(0, SECOND);
        assertThat(c.next()).isEqualTo(START);
    }
}
