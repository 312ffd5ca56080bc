package fr.mediance.server.db;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
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
 * Field-level merge, conflict records, resumable uploads and the status of received blobs:
 * <ul>
 *   <li>{@code record_versions}: every version of residents and appointments, so that the server knows a
 *       field's value at the base version of a pushed change (filled with each record's current version);</li>
 *   <li>{@code conflicts}: a synced table like the others (two people changed the same field);</li>
 *   <li>{@code visit_reports.supersedes}: which report a correction replaces (filled from the stored JSON);</li>
 *   <li>{@code blobs.version} and {@code blobs.thumbnail}: a blob's status is a synced record; blobs already
 *       referenced by documents are announced once here;</li>
 *   <li>{@code uploads}: tus uploads in progress, with the committed offset.</li>
 * </ul>
 */
@SuppressWarnings("checkstyle:TypeName")
final class V2__Merge_conflicts_uploads extends BaseJavaMigration {

    private static final List<String> STATEMENTS = List.of("""
            CREATE TABLE record_versions (
                entity_type TEXT NOT NULL,
                entity_id TEXT NOT NULL,
                version BIGINT NOT NULL,
                deleted INTEGER NOT NULL DEFAULT 0,
                data TEXT NOT NULL,
                changed_by TEXT,
                changed_at BIGINT NOT NULL,
                PRIMARY KEY (entity_type, entity_id, version)
            )""", """
            INSERT INTO record_versions (entity_type, entity_id, version, deleted, data, changed_by, changed_at)
            SELECT 'resident', id, version, deleted, data, updated_by, updated_at FROM residents""", """
            INSERT INTO record_versions (entity_type, entity_id, version, deleted, data, changed_by, changed_at)
            SELECT 'appointment', id, version, deleted, data, updated_by, updated_at FROM appointments""", """
            CREATE TABLE conflicts (
                id TEXT PRIMARY KEY,
                structure_id TEXT NOT NULL REFERENCES structures (id),
                target_type TEXT NOT NULL,
                target_id TEXT NOT NULL,
                status TEXT NOT NULL,
                server_author_id TEXT,
                client_author_id TEXT,
                version BIGINT NOT NULL,
                deleted INTEGER NOT NULL DEFAULT 0,
                data TEXT NOT NULL,
                created_by TEXT,
                created_at BIGINT NOT NULL,
                updated_by TEXT,
                updated_at BIGINT NOT NULL
            )""", """
            CREATE INDEX conflicts_target ON conflicts (target_type, target_id)""", """
            CREATE INDEX conflicts_structure ON conflicts (structure_id, status)""", """
            ALTER TABLE visit_reports ADD COLUMN supersedes TEXT""", """
            CREATE INDEX visit_reports_supersedes ON visit_reports (supersedes)""", """
            ALTER TABLE blobs ADD COLUMN version BIGINT""", """
            ALTER TABLE blobs ADD COLUMN thumbnail INTEGER NOT NULL DEFAULT 0""", """
            CREATE TABLE uploads (
                id TEXT PRIMARY KEY,
                user_id TEXT NOT NULL REFERENCES users (id),
                sha256 TEXT NOT NULL,
                upload_length BIGINT NOT NULL,
                upload_offset BIGINT NOT NULL,
                metadata TEXT,
                filetype TEXT,
                filename TEXT,
                completed INTEGER NOT NULL DEFAULT 0,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL,
                expires_at BIGINT NOT NULL
            )""", """
            CREATE INDEX uploads_expires ON uploads (expires_at)""");

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        try (Statement st = c.createStatement()) {
            for (String sql : STATEMENTS) {
                st.execute(sql);
            }
        }
        fillSupersedes(c);
        announceHeldBlobs(c);
    }

    private static void fillSupersedes(Connection c) throws SQLException {
        List<String[]> pairs = new ArrayList<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT id, data FROM visit_reports")) {
            while (rs.next()) {
                JsonElement e = JsonParser.parseString(rs.getString(2));
                JsonObject o = e.isJsonObject() ? e.getAsJsonObject() : new JsonObject();
                JsonElement s = o.get("supersedes");
                if (s != null && s.isJsonPrimitive()) {
                    pairs.add(new String[] {rs.getString(1), s.getAsString()});
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE visit_reports SET supersedes = ? WHERE id = ?")) {
            for (String[] p : pairs) {
                ps.setString(1, p[1]);
                ps.setString(2, p[0]);
                ps.executeUpdate();
            }
        }
    }

    /** Blobs received before this version: their status goes to the structures whose documents refer to them. */
    private static void announceHeldBlobs(Connection c) throws SQLException {
        List<String[]> pairs = new ArrayList<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT DISTINCT b.sha256, d.structure_id FROM blobs b "
                                + "JOIN documents d ON d.sha256 = b.sha256 WHERE d.deleted = 0 ORDER BY b.sha256, d.structure_id")) {
            while (rs.next()) {
                pairs.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        long now = System.currentTimeMillis();
        for (String[] p : pairs) {
            long seq;
            try (PreparedStatement ps = c.prepareStatement(
                            "UPDATE counters SET value = value + 1 WHERE name = 'change_seq' RETURNING value");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                seq = rs.getLong(1);
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO change_log (seq, entity_type, entity_id, "
                    + "structure_id, audience_user_id, kind, deleted, changed_at) VALUES (?, 'blob', ?, ?, NULL, "
                    + "'change', 0, ?)")) {
                ps.setLong(1, seq);
                ps.setString(2, p[0]);
                ps.setString(3, p[1]);
                ps.setLong(4, now);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE blobs SET version = ? WHERE sha256 = ?")) {
                ps.setLong(1, seq);
                ps.setString(2, p[0]);
                ps.executeUpdate();
            }
        }
    }
}
