package fr.mediance.server;

import java.nio.file.Path;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** The rounds on PostgreSQL. */
@EnabledIfEnvironmentVariable(
        named = TestDatabase.PG_URL,
        matches = ".+",
        disabledReason = "MEDIANCE_TEST_PG_URL (et _USER, _PASSWORD) non défini : tests PostgreSQL ignorés")
class PostgresPlanningTest extends PlanningContract {
    @Override
    TestServer demoServer(Path dir) {
        return TestServer.demoPostgres(dir);
    }
}
