package fr.mediance.server;

import java.nio.file.Path;

/** The counsellor's day records on SQLite, the default database. */
class SqliteDayRecordsTest extends DayRecordsContract {
    @Override
    TestServer demoServer(Path dir) {
        return TestServer.demoCopy(dir);
    }
}
