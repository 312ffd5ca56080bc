package fr.mediance.server;

import java.nio.file.Path;

/** The casework intake on SQLite, the default database. */
class SqliteCaseworkTest extends CaseworkContract {
    @Override
    TestServer demoServer(Path dir) {
        return TestServer.demoCopy(dir);
    }
}
