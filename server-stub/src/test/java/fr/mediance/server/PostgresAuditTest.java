package fr.mediance.server;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** The audit log on PostgreSQL: a table of its own that no pull reads. */
@EnabledIfEnvironmentVariable(
        named = TestDatabase.PG_URL,
        matches = ".+",
        disabledReason = "MEDIANCE_TEST_PG_URL (et _USER, _PASSWORD) non défini : tests PostgreSQL ignorés")
class PostgresAuditTest extends AuditContract {
    @Override
    TestServer demoServer(java.nio.file.Path dir) {
        return TestServer.demoPostgres(dir);
    }
}
