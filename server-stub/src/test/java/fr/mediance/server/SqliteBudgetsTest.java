package fr.mediance.server;

import java.nio.file.Path;

/** Budget sheets on SQLite, the default database. */
class SqliteBudgetsTest extends BudgetsContract {
    @Override
    TestServer demoServer(Path dir) {
        return TestServer.demoCopy(dir);
    }
}
