package fr.mediance.server.db;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/** Payment plans of households' debts: a synced table of the same shape as the others, the instalments inside the record's JSON (`data`), the columns the feed filters on beside it. */
@SuppressWarnings("checkstyle:TypeName")
final class V9__Payment_plans extends BaseJavaMigration {

    private static final List<String> STATEMENTS = List.of("""
            CREATE TABLE payment_plans (
                id TEXT PRIMARY KEY,
                structure_id TEXT NOT NULL REFERENCES structures (id),
                resident_id TEXT NOT NULL REFERENCES residents (id),
                status TEXT NOT NULL,
                version BIGINT NOT NULL,
                deleted INTEGER NOT NULL DEFAULT 0,
                data TEXT NOT NULL,
                created_by TEXT,
                created_at BIGINT NOT NULL,
                updated_by TEXT,
                updated_at BIGINT NOT NULL)""", """
            CREATE INDEX payment_plans_resident ON payment_plans (resident_id)""");

    @Override
    public void migrate(Context context) throws SQLException {
        try (Statement st = context.getConnection().createStatement()) {
            for (String sql : STATEMENTS) {
                st.execute(sql);
            }
        }
    }
}
