package fr.mediance.server.db;

import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * {@code uploads.locked_until}: when several servers share the upload parts (an S3-compatible store), the one
 * writing a chunk holds a lease on its upload until this time (epoch milliseconds), so that two servers never
 * write the same upload at once and a server that dies loses its lease.
 */
@SuppressWarnings("checkstyle:TypeName")
final class V15__Upload_leases extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws SQLException {
        try (Statement st = context.getConnection().createStatement()) {
            st.execute("ALTER TABLE uploads ADD COLUMN locked_until BIGINT");
        }
    }
}
