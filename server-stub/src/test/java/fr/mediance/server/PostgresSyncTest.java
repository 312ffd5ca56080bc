package fr.mediance.server;

import java.nio.file.Path;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** The sync scenarios on PostgreSQL: migrations, push, pull, scoping. Each test gets its own schema. */
@EnabledIfEnvironmentVariable(
        named = TestDatabase.PG_URL,
        matches = ".+",
        disabledReason = "MEDIANCE_TEST_PG_URL (et _USER, _PASSWORD) non défini : tests PostgreSQL ignorés")
class PostgresSyncTest extends SyncContract {
    @Override
    TestServer demoServer(Path dir) {
        return TestServer.demoPostgres(dir);
    }
}
