package fr.mediance.server;

import java.nio.file.Path;

/** Payment plans on SQLite, the default database. */
class SqlitePaymentPlansTest extends PaymentPlansContract {
    @Override
    TestServer demoServer(Path dir) {
        return TestServer.demoCopy(dir);
    }
}
