package fr.mediance.server.db;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The counsellor's day: follow-up tasks, consents, mandates and private notes, synced tables of the same shape
 * as the others (full JSON in {@code data}, the columns queries filter on). Existing records keep their JSON:
 * the new fields of residents, appointments, reports, documents and codes are read as empty. Documents get their
 * retention date as a column (filled from their JSON) for the daily purge.
 */
@SuppressWarnings("checkstyle:TypeName")
final class V3__Tasks_consents_mandates_notes extends BaseJavaMigration {

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
            CREATE TABLE tasks (
                id TEXT PRIMARY KEY,
                structure_id TEXT NOT NULL REFERENCES structures (id),
                resident_id TEXT NOT NULL REFERENCES residents (id),
                assignee_id TEXT NOT NULL REFERENCES users (id),
                status TEXT NOT NULL,
            """ + SYNCED_COLUMNS + ")",
            """
            CREATE INDEX tasks_assignee ON tasks (assignee_id, status)""",
            """
            CREATE INDEX tasks_resident ON tasks (resident_id)""",
            """
            CREATE TABLE consents (
                id TEXT PRIMARY KEY,
                structure_id TEXT NOT NULL REFERENCES structures (id),
                resident_id TEXT NOT NULL REFERENCES residents (id),
            """ + SYNCED_COLUMNS + ")",
            """
            CREATE INDEX consents_resident ON consents (resident_id)""",
            """
            CREATE TABLE mandates (
                id TEXT PRIMARY KEY,
                structure_id TEXT NOT NULL REFERENCES structures (id),
                resident_id TEXT NOT NULL REFERENCES residents (id),
            """ + SYNCED_COLUMNS + ")",
            """
            CREATE INDEX mandates_resident ON mandates (resident_id)""",
            """
            CREATE TABLE private_notes (
                id TEXT PRIMARY KEY,
                structure_id TEXT NOT NULL REFERENCES structures (id),
                resident_id TEXT NOT NULL REFERENCES residents (id),
                author_id TEXT NOT NULL REFERENCES users (id),
            """ + SYNCED_COLUMNS + ")",
            """
            CREATE INDEX private_notes_author ON private_notes (author_id, resident_id)""",
            """
            CREATE INDEX documents_resident ON documents (resident_id)""",
            """
            ALTER TABLE documents ADD COLUMN retention_until TEXT""",
            """
            CREATE INDEX documents_retention ON documents (deleted, retention_until)""");

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        try (Statement st = c.createStatement()) {
            for (String sql : STATEMENTS) {
                st.execute(sql);
            }
        }
        fillRetention(c);
    }

    /** The retention date of the documents already stored, from their JSON. */
    private static void fillRetention(Connection c) throws SQLException {
        List<String[]> pairs = new ArrayList<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT id, data FROM documents")) {
            while (rs.next()) {
                JsonElement e = JsonParser.parseString(rs.getString(2));
                JsonElement r = e.isJsonObject() ? e.getAsJsonObject().get("retentionUntil") : null;
                if (r != null && r.isJsonPrimitive()) {
                    pairs.add(new String[] {rs.getString(1), r.getAsString()});
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE documents SET retention_until = ? WHERE id = ?")) {
            for (String[] p : pairs) {
                ps.setString(1, p[1]);
                ps.setString(2, p[0]);
                ps.executeUpdate();
            }
        }
    }
}
