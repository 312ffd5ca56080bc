package fr.mediance.server;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A test with the real server on a fresh copy of the demo structure (SQLite), started before each test. */
public abstract class DemoServerCase {
    @TempDir
    protected Path dir;

    protected TestServer server;

    @BeforeEach
    void startDemoServer() {
        server = TestServer.demoCopy(dir);
    }

    @AfterEach
    void stopDemoServer() {
        server.close();
        server.db.close();
    }
}
