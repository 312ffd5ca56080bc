package fr.mediance.server;

import java.nio.file.Path;

/** The phone calendars on SQLite, the default database. */
class SqliteCalendarTest extends CalendarContract {
    @Override
    TestServer demoServer(Path dir) {
        return TestServer.demoCopy(dir);
    }
}
