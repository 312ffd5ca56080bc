package fr.mediance.server;

import java.nio.file.Path;

/** The rounds on SQLite, the default database. */
class SqlitePlanningTest extends PlanningContract {
    @Override
    TestServer demoServer(Path dir) {
        return TestServer.demoCopy(dir);
    }
}
