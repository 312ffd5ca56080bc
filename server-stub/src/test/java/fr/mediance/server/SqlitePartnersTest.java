package fr.mediance.server;

import java.nio.file.Path;

/** The partner directory on SQLite, the default database. */
class SqlitePartnersTest extends PartnersContract {
    @Override
    TestServer demoServer(Path dir) {
        return TestServer.demoCopy(dir);
    }
}
