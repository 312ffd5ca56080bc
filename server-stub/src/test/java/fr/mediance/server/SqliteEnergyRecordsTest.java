package fr.mediance.server;

import java.nio.file.Path;

/** Energy contracts and debts on SQLite, the default database. */
class SqliteEnergyRecordsTest extends EnergyRecordsContract {
    @Override
    TestServer demoServer(Path dir) {
        return TestServer.demoCopy(dir);
    }
}
