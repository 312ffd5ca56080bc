package fr.mediance.app.core.resident;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.testing.TestCores;
import fr.mediance.testing.FakeOfficeServer;
import fr.mediance.testing.MutableClock;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A signed-in counsellor's device with the residents and code lists of {@link ResidentFixtures}, a fresh one per
 * test, over a working fake office.
 */
public abstract class CounsellorStoreTest {
    @TempDir
    protected Path dir;

    protected final FakeOfficeServer server = new FakeOfficeServer();
    protected final MutableClock clock = new MutableClock(TestCores.T0);
    protected CoreContext core;

    @BeforeEach
    void openCounsellorStore() {
        ResidentFixtures.codes(server);
        core = ResidentFixtures.counsellor(dir, clock, server);
    }

    @AfterEach
    void closeCounsellorStore() {
        core.close();
        server.close();
    }
}
