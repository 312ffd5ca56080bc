package fr.mediance.server.db;

import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * {@code audit_outbox}: the audit events of a push, written in the push's own transaction and moved to the audit
 * log (kept apart from the data) once it has committed, so that a server dying between the two loses none: what is
 * left here is moved at the next start. {@code event} is the event as JSON.
 */
@SuppressWarnings("checkstyle:TypeName")
final class V16__Audit_outbox extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws SQLException {
        try (Statement st = context.getConnection().createStatement()) {
            st.execute(
                    "CREATE TABLE audit_outbox (event_id VARCHAR(200) PRIMARY KEY, structure_id VARCHAR(64) NOT NULL, "
                            + "event TEXT NOT NULL, created_at BIGINT NOT NULL)");
        }
    }
}
