package fr.mediance.systemtests;

import fr.mediance.testing.OfficeContract;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The office contract against the real server, started from its runnable jar as its own process with the demo
 * structure (the same server serves every test of the class; each test makes its own records).
 */
class RealServerContractTest extends OfficeContract {
    private static final String PASSWORD = "Demo-" + UUID.randomUUID();

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path tmp;

    private static ServerProcess server;

    @BeforeAll
    static void startServer() {
        server = ServerProcess.start(
                tmp.resolve("server").resolve("data"),
                0,
                true,
                Map.of("MEDIANCE_DEMO_PASSWORD", PASSWORD),
                ServerProcess.defaultStartTimeout());
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Override
    protected URI baseUrl() {
        return server.baseUrl();
    }

    @Override
    protected String password() {
        return PASSWORD;
    }
}
