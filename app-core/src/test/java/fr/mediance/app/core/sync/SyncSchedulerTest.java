package fr.mediance.app.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.testing.TestCores;
import fr.mediance.protocol.Role;
import fr.mediance.testing.FakeOfficeServer;
import fr.mediance.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncSchedulerTest {
    @TempDir
    Path dir;

    final FakeOfficeServer server = new FakeOfficeServer();
    final MutableClock clock = new MutableClock(TestCores.T0);
    CoreContext core;
    SyncScheduler scheduler;

    @BeforeEach
    void setUp() {
        server.addUser("u-co", "coord", TestCores.PASSWORD, Role.COORDINATOR);
        core = TestCores.builder(dir, clock).periodicSync(Duration.ofMinutes(5)).build();
        core.login(server.url(), "coord", TestCores.PASSWORD);
        core.choosePin(TestCores.PIN);
        scheduler = core.scheduler();
    }

    @AfterEach
    void tearDown() {
        core.close();
        server.close();
    }

    int syncs() {
        return server.changePages.get();
    }

    @Test
    void whileOfflineTheTimerProbesTheServerAndSyncsWhenItAnswers() {
        assertThat(core.network().isOnline()).isFalse();
        assertThat(scheduler.tick()).isTrue();
        assertThat(core.network().isOnline()).isTrue();
        assertThat(syncs()).isEqualTo(1);
    }

    @Test
    void periodicSyncsFollowTheClock() {
        scheduler.tick();
        assertThat(syncs()).isEqualTo(1);
        clock.advance(Duration.ofMinutes(4));
        assertThat(scheduler.tick()).isFalse();
        clock.advance(Duration.ofMinutes(1));
        assertThat(scheduler.tick()).isTrue();
        assertThat(syncs()).isEqualTo(2);
    }

    @Test
    void afterAFailureTheNextAttemptWaitsForTheBackoff() {
        scheduler.tick();
        server.fail("/api/v1/sync/changes", 503);
        clock.advance(Duration.ofMinutes(5));
        assertThat(scheduler.tick()).isTrue(); // fails
        SyncStatus s = core.sync().status();
        assertThat(s.nextAttemptAt()).isNotNull();
        Duration wait = Duration.between(clock.instant(), s.nextAttemptAt());
        assertThat(wait).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(10));

        clock.advance(wait.minusSeconds(1));
        assertThat(scheduler.tick()).isFalse();
        clock.advance(Duration.ofSeconds(1));
        server.fail("/api/v1/sync/changes", 0);
        assertThat(scheduler.tick()).isTrue();
        assertThat(core.sync().status().lastError()).isNull();
    }

    @Test
    void comingBackOnlineOrUnlockingSyncsAtOnce() {
        scheduler.onOnline();
        assertThat(syncs()).isEqualTo(1);
        scheduler.onUnlocked();
        assertThat(syncs()).isEqualTo(2);
    }

    @Test
    void twoOnlineSignalsInARowStartOneSync() {
        scheduler.onOnline();
        scheduler.onOnline();
        assertThat(syncs()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(5));
        scheduler.onOnline();
        assertThat(syncs()).isEqualTo(2);
    }

    @Test
    void theProbeAndTheOnlineListenerStartOneSync() {
        core.network().onlineProperty().addListener((obs, was, now) -> {
            if (now) {
                scheduler.onOnline();
            }
        });
        assertThat(scheduler.tick()).isTrue();
        assertThat(syncs()).isEqualTo(1);
    }

    @Test
    void aPausedAppAndAnEndedSessionDoNotSyncByThemselves() {
        scheduler.setPaused(true);
        assertThat(scheduler.tick()).isFalse();
        scheduler.onOnline();
        assertThat(syncs()).isZero();
        scheduler.setPaused(false);

        server.endSessions();
        scheduler.tick();
        assertThat(core.sync().status().sessionExpired()).isTrue();
        clock.advance(Duration.ofHours(1));
        assertThat(scheduler.tick()).isFalse();
    }

    @Test
    void comingBackToTheForegroundSyncsOnceAndPeriodicSyncsPauseInTheBackground() {
        scheduler.tick();
        assertThat(syncs()).isEqualTo(1);
        scheduler.onPaused();
        clock.advance(Duration.ofMinutes(10));
        assertThat(scheduler.tick()).isFalse(); // in the background: no periodic sync
        assertThat(syncs()).isEqualTo(1);

        scheduler.onResumed();
        assertThat(syncs()).isEqualTo(2);
        scheduler.onResumed(); // a second signal at once does not start another
        assertThat(syncs()).isEqualTo(2);
        clock.advance(Duration.ofMinutes(5));
        assertThat(scheduler.tick()).isTrue();
        assertThat(syncs()).isEqualTo(3);
    }
}
