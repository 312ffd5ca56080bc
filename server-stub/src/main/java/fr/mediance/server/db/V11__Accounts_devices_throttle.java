package fr.mediance.server.db;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Accounts managed by the structure and devices that can be revoked: a temporary password to change at the next
 * login, the TOTP second factor (secret, enrolment, last step used), when an access token was first used (so an
 * old refresh token replayed after it is reuse), a device's revocation deadline, wipe, app version and last sync,
 * and the login throttle (failures per account and source, per source).
 */
@SuppressWarnings("checkstyle:TypeName")
final class V11__Accounts_devices_throttle extends BaseJavaMigration {

    private static final List<String> STATEMENTS = List.of(
            "ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE users ADD COLUMN totp_secret TEXT",
            "ALTER TABLE users ADD COLUMN totp_enrolled INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE users ADD COLUMN totp_last_step BIGINT",
            "ALTER TABLE users ADD COLUMN disabled_at BIGINT",
            "ALTER TABLE access_tokens ADD COLUMN first_used_at BIGINT",
            "ALTER TABLE devices ADD COLUMN wipe_after BIGINT",
            "ALTER TABLE devices ADD COLUMN wiped_at BIGINT",
            "ALTER TABLE devices ADD COLUMN revoked_by TEXT",
            "ALTER TABLE devices ADD COLUMN app_version TEXT",
            "ALTER TABLE devices ADD COLUMN last_sync_at BIGINT",
            """
            CREATE TABLE login_throttle (
                throttle_key TEXT PRIMARY KEY,
                failures INTEGER NOT NULL,
                last_failure_at BIGINT NOT NULL,
                blocked_until BIGINT)""");

    @Override
    public void migrate(Context context) throws SQLException {
        try (Statement st = context.getConnection().createStatement()) {
            for (String sql : STATEMENTS) {
                st.execute(sql);
            }
        }
    }
}
