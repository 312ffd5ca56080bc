package fr.mediance.server.db;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * GDPR operations: when a resident's file was anonymised ({@code residents.anonymised_at}, so the daily retention
 * does it once), and the office's register of rights requests ({@code rights_requests}, not synced: read and
 * written through {@code /gdpr/requests}).
 */
@SuppressWarnings("checkstyle:TypeName")
final class V13__Gdpr_operations extends BaseJavaMigration {

    private static final List<String> STATEMENTS = List.of("""
            ALTER TABLE residents ADD COLUMN anonymised_at BIGINT""", """
            CREATE TABLE rights_requests (
                id TEXT PRIMARY KEY,
                structure_id TEXT NOT NULL REFERENCES structures (id),
                resident_id TEXT NOT NULL REFERENCES residents (id),
                kind TEXT NOT NULL,
                received_on TEXT NOT NULL,
                due_on TEXT NOT NULL,
                extended INTEGER NOT NULL DEFAULT 0,
                extension_reason TEXT,
                status TEXT NOT NULL,
                answered_on TEXT,
                answer TEXT,
                created_by TEXT,
                created_at BIGINT NOT NULL,
                updated_by TEXT,
                updated_at BIGINT NOT NULL)""", """
            CREATE INDEX rights_requests_structure ON rights_requests (structure_id, status, due_on)""");

    @Override
    public void migrate(Context context) throws SQLException {
        try (Statement st = context.getConnection().createStatement()) {
            for (String sql : STATEMENTS) {
                st.execute(sql);
            }
        }
    }
}
