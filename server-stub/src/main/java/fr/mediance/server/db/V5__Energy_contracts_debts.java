package fr.mediance.server.db;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * A household's energy contracts and its debts (unpaid bills): synced tables of the same shape as the others (full
 * JSON in {@code data}, the columns queries filter on). Version 4 is left to the migration of cases and requests
 * that is being written beside this one; Flyway applies versions in order and accepts the gap.
 */
@SuppressWarnings("checkstyle:TypeName")
final class V5__Energy_contracts_debts extends BaseJavaMigration {

    private static final String SYNCED_COLUMNS = """
            version BIGINT NOT NULL,
            deleted INTEGER NOT NULL DEFAULT 0,
            data TEXT NOT NULL,
            created_by TEXT,
            created_at BIGINT NOT NULL,
            updated_by TEXT,
            updated_at BIGINT NOT NULL""";

    private static final List<String> STATEMENTS =
            List.of("""
            CREATE TABLE energy_contracts (
                id TEXT PRIMARY KEY,
                structure_id TEXT NOT NULL REFERENCES structures (id),
                resident_id TEXT NOT NULL REFERENCES residents (id),
            """ + SYNCED_COLUMNS + ")", """
            CREATE INDEX energy_contracts_resident ON energy_contracts (resident_id)""", """
            CREATE TABLE debts (
                id TEXT PRIMARY KEY,
                structure_id TEXT NOT NULL REFERENCES structures (id),
                resident_id TEXT NOT NULL REFERENCES residents (id),
                contract_id TEXT,
            """ + SYNCED_COLUMNS + ")", """
            CREATE INDEX debts_resident ON debts (resident_id)""");

    @Override
    public void migrate(Context context) throws SQLException {
        try (Statement st = context.getConnection().createStatement()) {
            for (String sql : STATEMENTS) {
                st.execute(sql);
            }
        }
    }
}
