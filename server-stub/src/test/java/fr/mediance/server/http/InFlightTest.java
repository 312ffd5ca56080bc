package fr.mediance.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InFlightTest {
    @Test
    void countsTheRequestsBeingServedEvenWhenOneFails() throws Exception {
        InFlight inFlight = new InFlight();
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> request = CompletableFuture.runAsync(() -> {
            try {
                inFlight.doFilter(null, null, (rq, rs) -> {
                    inside.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    throw new IllegalStateException("the handler failed");
                });
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(inFlight.serving()).isEqualTo(1);

        CompletableFuture<Void> waiter = CompletableFuture.runAsync(() -> {
            try {
                inFlight.awaitQuiet(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(waiter).isNotDone();
        release.countDown();
        waiter.get(30, TimeUnit.SECONDS);
        assertThat(request).failsWithin(10, TimeUnit.SECONDS);
        assertThat(inFlight.serving()).isZero();
    }

    @Test
    void aWaitEndsAfterItsBoundEvenUnderConstantLoad() throws Exception {
        InFlight inFlight = new InFlight();
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture.runAsync(() -> {
            try {
                inFlight.doFilter(null, null, (rq, rs) -> {
                    inside.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
        inFlight.awaitQuiet(50);
        assertThat(inFlight.serving()).isEqualTo(1);
        release.countDown();
    }
}
