package fr.mediance.server;

import java.nio.file.Path;

/** The GDPR retention on SQLite. */
class SqliteGdprRetentionTest extends GdprRetentionContract {
    @Override
    TestServer demoServer(Path dir) {
        return TestServer.demoCopy(dir);
    }
}
