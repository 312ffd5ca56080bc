package fr.mediance.server.db;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/** Households' overindebtedness files: a synced table of the same shape as the others. */
@SuppressWarnings("checkstyle:TypeName")
final class V8__Overindebtedness_files extends BaseJavaMigration {

    private static final List<String> STATEMENTS = List.of("""
            CREATE TABLE overindebtedness_files (
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
            CREATE INDEX overindebtedness_files_resident ON overindebtedness_files (resident_id)""");

    @Override
    public void migrate(Context context) throws SQLException {
        try (Statement st = context.getConnection().createStatement()) {
            for (String sql : STATEMENTS) {
                st.execute(sql);
            }
        }
    }
}
