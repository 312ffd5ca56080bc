package fr.mediance.app.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {
    final Backoff backoff = new Backoff(new Random(7), Duration.ofSeconds(10), Duration.ofMinutes(10));

    @Test
    void delaysDoubleWithJitterBetweenHalfAndAll() {
        for (int failures = 1; failures <= 6; failures++) {
            long full = 10_000L << (failures - 1);
            Duration d = backoff.delay(failures);
            assertThat(d.toMillis()).isBetween(full / 2, full);
        }
    }

    @Test
    void delaysAreCapped() {
        for (int failures = 7; failures < 100; failures++) {
            assertThat(backoff.delay(failures))
                    .isLessThanOrEqualTo(Duration.ofMinutes(10))
                    .isGreaterThanOrEqualTo(Duration.ofMinutes(5));
        }
    }

    @Test
    void theSameSeedGivesTheSameDelays() {
        Backoff a = new Backoff(new Random(3), Duration.ofSeconds(10), Duration.ofMinutes(10));
        Backoff b = new Backoff(new Random(3), Duration.ofSeconds(10), Duration.ofMinutes(10));
        for (int i = 1; i < 10; i++) {
            assertThat(a.delay(i)).isEqualTo(b.delay(i));
        }
    }
}
