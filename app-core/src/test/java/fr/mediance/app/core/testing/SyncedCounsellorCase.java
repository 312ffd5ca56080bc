package fr.mediance.app.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.CoreContext;
import fr.mediance.testing.FakeOfficeServer;
import fr.mediance.testing.MutableClock;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A test on conseil1's tablet against the test office with one day of visits ({@link Visits#seed}), signed in and
 * synchronised once before each test, at 09:00 Paris time.
 */
public abstract class SyncedCounsellorCase {
    @TempDir
    protected Path dir;

    protected final FakeOfficeServer server = new FakeOfficeServer();
    protected final MutableClock clock = new MutableClock(Visits.NINE_PARIS);
    protected CoreContext core;

    @BeforeEach
    void signInAndSync() {
        Visits.seed(server, 1);
        core = TestCores.signedIn(dir, clock, server, "conseil1");
        assertThat(core.sync().syncNow().join().ok()).isTrue();
    }

    @AfterEach
    void closeTabletAndOffice() {
        core.close();
        server.close();
    }
}
