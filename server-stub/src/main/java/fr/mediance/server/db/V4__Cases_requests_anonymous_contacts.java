package fr.mediance.server.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Casework intake: cases (accompagnements), requests (demandes) and anonymous desk or phone contacts, synced tables
 * of the same shape as the others (full JSON in {@code data}, the columns queries filter on). No existing table
 * changes: a visit report belongs to the case of its resident that was open on its day, so existing reports and
 * their sync stay as they are.
 */
@SuppressWarnings("checkstyle:TypeName")
final class V4__Cases_requests_anonymous_contacts extends BaseJavaMigration {

    private static final String SYNCED_COLUMNS = """
            version BIGINT NOT NULL,
            deleted INTEGER NOT NULL DEFAULT 0,
            data TEXT NOT NULL,
            created_by TEXT,
            created_at BIGINT NOT NULL,
            updated_by TEXT,
            updated_at BIGINT NOT NULL""";

    private static final List<String> STATEMENTS = List.of(
            """
            CREATE TABLE cases (
                id TEXT PRIMARY KEY,
                structure_id TEXT NOT NULL REFERENCES structures (id),
                resident_id TEXT NOT NULL REFERENCES residents (id),
                referent_id TEXT,
                status TEXT NOT NULL,
                opened_on TEXT NOT NULL,
                closed_on TEXT,
            """ + SYNCED_COLUMNS + ")", """
            CREATE INDEX cases_resident ON cases (resident_id, status)""", """
            CREATE TABLE requests (
                id TEXT PRIMARY KEY,
                structure_id TEXT NOT NULL REFERENCES structures (id),
                resident_id TEXT NOT NULL REFERENCES residents (id),
                case_id TEXT,
                channel TEXT NOT NULL,
                status TEXT NOT NULL,
                received_on TEXT NOT NULL,
            """ + SYNCED_COLUMNS + ")", """
            CREATE INDEX requests_resident ON requests (resident_id)""", """
            CREATE INDEX requests_received ON requests (structure_id, received_on)""", """
            CREATE TABLE anonymous_contacts (
                id TEXT PRIMARY KEY,
                structure_id TEXT NOT NULL REFERENCES structures (id),
                counsellor_id TEXT NOT NULL REFERENCES users (id),
                channel TEXT NOT NULL,
                contact_day TEXT NOT NULL,
            """ + SYNCED_COLUMNS + ")", """
            CREATE INDEX anonymous_contacts_day ON anonymous_contacts (structure_id, contact_day)""");

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        try (Statement st = c.createStatement()) {
            for (String sql : STATEMENTS) {
                st.execute(sql);
            }
        }
    }
}
