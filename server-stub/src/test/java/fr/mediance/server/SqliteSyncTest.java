package fr.mediance.server;

import java.nio.file.Path;

/** The sync scenarios on SQLite, the default database. */
class SqliteSyncTest extends SyncContract {
    @Override
    TestServer demoServer(Path dir) {
        return TestServer.demoCopy(dir);
    }
}
