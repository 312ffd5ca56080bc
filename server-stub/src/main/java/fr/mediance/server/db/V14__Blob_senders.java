package fr.mediance.server.db;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Who sent which blob ({@code blob_uploads}): a document gives access to its blob only if its author sent the bytes
 * (a completed upload, or a {@code PUT} whose bytes matched), not merely named the hash. The blobs already held count
 * as sent by the account recorded as their uploader; a document whose author is another account waits for that
 * author's upload.
 */
@SuppressWarnings("checkstyle:TypeName")
final class V14__Blob_senders extends BaseJavaMigration {
    private static final List<String> STATEMENTS = List.of("""
            CREATE TABLE blob_uploads (
                sha256 TEXT NOT NULL,
                user_id TEXT NOT NULL,
                sent_at BIGINT NOT NULL,
                PRIMARY KEY (sha256, user_id))""", """
            INSERT INTO blob_uploads (sha256, user_id, sent_at)
            SELECT sha256, uploaded_by, created_at FROM blobs WHERE uploaded_by IS NOT NULL""");

    @Override
    public void migrate(Context context) throws SQLException {
        try (Statement st = context.getConnection().createStatement()) {
            for (String sql : STATEMENTS) {
                st.execute(sql);
            }
        }
    }
}
