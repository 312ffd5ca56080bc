package fr.mediance.app.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.testing.TestCores;
import fr.mediance.app.core.testing.Visits;
import fr.mediance.protocol.Role;
import fr.mediance.testing.FakeOfficeServer;
import fr.mediance.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The structure's accounts: asked at the first sync, then again once they are old, not at every sync. */
class SyncUsersTest {
    @TempDir
    Path dir;

    final FakeOfficeServer server = new FakeOfficeServer();
    final MutableClock clock = new MutableClock(Visits.NINE_PARIS);
    CoreContext core;

    @BeforeEach
    void setUp() {
        Visits.seed(server, 1);
        core = TestCores.signedIn(dir.resolve("tablet"), clock, server, "conseil1");
        assertThat(core.sync().syncNow().join().ok()).isTrue();
    }

    @AfterEach
    void tearDown() {
        core.close();
        server.close();
    }

    @Test
    void theAccountsAreAskedAtTheFirstSyncThenOnlyOnceTheyAreOlderThanTheirMaximumAge() {
        assertThat(core.reference().user("u-new")).isEmpty();
        server.addUser("u-new", "conseil9", TestCores.PASSWORD, Role.COUNSELLOR);

        clock.advance(SyncEngine.USERS_MAX_AGE.minusMinutes(1));
        assertThat(core.sync().syncNow().join().ok()).isTrue();
        assertThat(core.reference().user("u-new"))
                .as("fetched less than the maximum age ago")
                .isEmpty();

        clock.advance(Duration.ofMinutes(1));
        assertThat(core.sync().syncNow().join().ok()).isTrue();
        assertThat(core.reference().user("u-new")).isPresent();
    }
}
