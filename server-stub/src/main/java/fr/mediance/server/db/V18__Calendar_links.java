package fr.mediance.server.db;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * {@code calendar_links}: a counsellor's phone-calendar feed links. The secret of a link is its address; only its
 * SHA-256 is kept ({@code token_hash}). {@code last_used_at}: the last fetch, to the hour; {@code revoked_at}: from
 * then on the feed answers 404.
 */
@SuppressWarnings("checkstyle:TypeName")
final class V18__Calendar_links extends BaseJavaMigration {
    private static final List<String> STATEMENTS = List.of("""
            CREATE TABLE calendar_links (
                id TEXT PRIMARY KEY,
                structure_id TEXT NOT NULL REFERENCES structures (id),
                counsellor_id TEXT NOT NULL REFERENCES users (id),
                token_hash TEXT NOT NULL UNIQUE,
                created_by TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                last_used_at BIGINT,
                revoked_at BIGINT,
                revoked_by TEXT
            )""", """
            CREATE INDEX calendar_links_counsellor ON calendar_links (counsellor_id)""");

    @Override
    public void migrate(Context context) throws SQLException {
        try (Statement st = context.getConnection().createStatement()) {
            for (String sql : STATEMENTS) {
                st.execute(sql);
            }
        }
    }
}
