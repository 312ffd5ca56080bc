package fr.mediance.server;

import java.nio.file.Path;

/** The sync scenarios on SQLite, the default database. */
class SqliteSyncTest extends SyncContract {
    @Override
    TestDatabase database(Path dir) {
        return TestDatabase.sqlite(dir);
    }
}
