package fr.mediance.server;

import java.nio.file.Path;

/** The rules that could be got round, on SQLite. */
class SqliteTrustRulesTest extends TrustRulesContract {
    @Override
    TestServer demoServer(Path dir) {
        return TestServer.demoCopy(dir);
    }
}
