package fr.mediance.server.db;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The first schema. Written in the subset SQLite and PostgreSQL share: TEXT, INTEGER (0/1 for flags),
 * BIGINT (epoch milliseconds for instants). Synced tables keep each record's full JSON in {@code data} plus
 * the columns queries filter on; {@code change_log} is the pull cursor's source.
 */
@SuppressWarnings("checkstyle:TypeName")
final class V1__Initial_schema extends BaseJavaMigration {

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
            CREATE TABLE counters (
                name TEXT PRIMARY KEY,
                value BIGINT NOT NULL
            )""",
            """
            INSERT INTO counters (name, value) VALUES ('change_seq', 0)""",
            """
            CREATE TABLE structures (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                created_at BIGINT NOT NULL
            )""",
            """
            CREATE TABLE users (
                id TEXT PRIMARY KEY,
                structure_id TEXT NOT NULL REFERENCES structures (id),
                username TEXT NOT NULL UNIQUE,
                display_name TEXT NOT NULL,
                role TEXT NOT NULL,
                password_hash TEXT NOT NULL,
                active INTEGER NOT NULL DEFAULT 1,
                failed_logins INTEGER NOT NULL DEFAULT 0,
                locked_until BIGINT,
                created_at BIGINT NOT NULL
            )""",
            """
            CREATE INDEX users_structure ON users (structure_id)""",
            """
            CREATE TABLE devices (
                id TEXT PRIMARY KEY,
                user_id TEXT NOT NULL REFERENCES users (id),
                device_id TEXT NOT NULL,
                first_seen_at BIGINT NOT NULL,
                last_seen_at BIGINT NOT NULL,
                revoked_at BIGINT,
                UNIQUE (user_id, device_id)
            )""",
            """
            CREATE TABLE refresh_tokens (
                token_hash TEXT PRIMARY KEY,
                device_ref TEXT NOT NULL REFERENCES devices (id),
                user_id TEXT NOT NULL REFERENCES users (id),
                issued_at BIGINT NOT NULL,
                expires_at BIGINT NOT NULL,
                rotated_at BIGINT,
                revoked_at BIGINT
            )""",
            """
            CREATE INDEX refresh_tokens_device ON refresh_tokens (device_ref)""",
            """
            CREATE TABLE access_tokens (
                token_hash TEXT PRIMARY KEY,
                device_ref TEXT NOT NULL REFERENCES devices (id),
                user_id TEXT NOT NULL REFERENCES users (id),
                issued_at BIGINT NOT NULL,
                expires_at BIGINT NOT NULL,
                revoked_at BIGINT
            )""",
            """
            CREATE INDEX access_tokens_device ON access_tokens (device_ref)""",
            """
            CREATE TABLE residents (
                id TEXT PRIMARY KEY,
                structure_id TEXT NOT NULL REFERENCES structures (id),
                referent_id TEXT REFERENCES users (id),
            """ + SYNCED_COLUMNS + ")",
            """
            CREATE INDEX residents_structure ON residents (structure_id)""",
            """
            CREATE INDEX residents_referent ON residents (referent_id)""",
            """
            CREATE TABLE appointments (
                id TEXT PRIMARY KEY,
                structure_id TEXT NOT NULL REFERENCES structures (id),
                resident_id TEXT NOT NULL REFERENCES residents (id),
                counsellor_id TEXT NOT NULL REFERENCES users (id),
                starts_at BIGINT NOT NULL,
                status TEXT NOT NULL,
            """ + SYNCED_COLUMNS + ")",
            """
            CREATE INDEX appointments_counsellor ON appointments (counsellor_id, resident_id)""",
            """
            CREATE INDEX appointments_resident ON appointments (resident_id)""",
            """
            CREATE TABLE visit_reports (
                id TEXT PRIMARY KEY,
                structure_id TEXT NOT NULL REFERENCES structures (id),
                resident_id TEXT NOT NULL REFERENCES residents (id),
                counsellor_id TEXT NOT NULL REFERENCES users (id),
            """ + SYNCED_COLUMNS + ")",
            """
            CREATE INDEX visit_reports_counsellor ON visit_reports (counsellor_id)""",
            """
            CREATE INDEX visit_reports_resident ON visit_reports (resident_id)""",
            """
            CREATE TABLE documents (
                id TEXT PRIMARY KEY,
                structure_id TEXT NOT NULL REFERENCES structures (id),
                resident_id TEXT NOT NULL REFERENCES residents (id),
                visit_report_id TEXT REFERENCES visit_reports (id),
                sha256 TEXT NOT NULL,
                mime_type TEXT NOT NULL,
            """ + SYNCED_COLUMNS + ")",
            """
            CREATE INDEX documents_sha256 ON documents (sha256)""",
            """
            CREATE INDEX documents_creator ON documents (created_by)""",
            """
            CREATE TABLE codes (
                id TEXT PRIMARY KEY,
                structure_id TEXT,
                list_name TEXT NOT NULL,
                code TEXT NOT NULL,
            """ + SYNCED_COLUMNS + ")",
            """
            CREATE INDEX codes_list ON codes (list_name, code)""",
            """
            CREATE TABLE change_log (
                seq BIGINT PRIMARY KEY,
                entity_type TEXT NOT NULL,
                entity_id TEXT NOT NULL,
                structure_id TEXT,
                audience_user_id TEXT,
                kind TEXT NOT NULL,
                deleted INTEGER NOT NULL DEFAULT 0,
                base_version BIGINT,
                op_id TEXT,
                changed_by TEXT,
                changed_at BIGINT NOT NULL
            )""",
            """
            CREATE INDEX change_log_entity ON change_log (entity_type, entity_id)""",
            """
            CREATE TABLE applied_operations (
                op_id TEXT PRIMARY KEY,
                user_id TEXT NOT NULL REFERENCES users (id),
                device_id TEXT,
                entity_type TEXT NOT NULL,
                entity_id TEXT NOT NULL,
                status TEXT NOT NULL,
                version BIGINT,
                code TEXT,
                message TEXT,
                applied_at BIGINT NOT NULL
            )""",
            """
            CREATE TABLE blobs (
                sha256 TEXT PRIMARY KEY,
                size_bytes BIGINT NOT NULL,
                uploaded_by TEXT,
                created_at BIGINT NOT NULL
            )""");

    @Override
    public void migrate(Context context) throws SQLException {
        try (Statement st = context.getConnection().createStatement()) {
            for (String sql : STATEMENTS) {
                st.execute(sql);
            }
        }
    }
}
