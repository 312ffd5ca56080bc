package fr.mediance.server.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.testing.MutableClock;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FeedThrottleTest {
    @Test
    void aFeedFetchedTooOftenIsRefusedUntilItsWindowEndsAndOthersAreNotHeld() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-27T08:00:00Z"));
        FeedThrottle throttle = new FeedThrottle(clock);
        for (int i = 0; i < FeedThrottle.MAX_PER_WINDOW; i++) {
            assertThat(throttle.allow("a")).isTrue();
        }
        assertThat(throttle.allow("a")).isFalse();
        assertThat(throttle.allow("b")).isTrue();
        clock.advance(FeedThrottle.WINDOW);
        assertThat(throttle.allow("a")).isTrue();
    }
}
