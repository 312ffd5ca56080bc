package fr.mediance.server.db;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The rounds' settings. {@code planning_settings}: one row per structure once someone saved them — the office's
 * address and its point on the map (null until placed; its source and precision as for a resident), the
 * straight-line travel estimate (detour factor, km/h), who saved them and when. {@code counsellor_schedules}: one
 * row per counsellor whose hours someone saved ({@code data}: the worked days with their hours, the lunch window and
 * minutes, the days off, as JSON); a counsellor without a row works the standard hours.
 */
@SuppressWarnings("checkstyle:TypeName")
final class V19__Planning_settings_schedules extends BaseJavaMigration {
    private static final List<String> STATEMENTS = List.of("""
            CREATE TABLE planning_settings (
                structure_id TEXT PRIMARY KEY REFERENCES structures (id),
                office_address TEXT,
                office_latitude DOUBLE PRECISION,
                office_longitude DOUBLE PRECISION,
                office_source TEXT,
                office_precision TEXT,
                detour_factor DOUBLE PRECISION NOT NULL,
                speed_kmh DOUBLE PRECISION NOT NULL,
                updated_at BIGINT NOT NULL,
                updated_by TEXT NOT NULL
            )""", """
            CREATE TABLE counsellor_schedules (
                counsellor_id TEXT PRIMARY KEY REFERENCES users (id),
                structure_id TEXT NOT NULL REFERENCES structures (id),
                data TEXT NOT NULL,
                updated_at BIGINT NOT NULL,
                updated_by TEXT NOT NULL
            )""", """
            CREATE INDEX counsellor_schedules_structure ON counsellor_schedules (structure_id)""");

    @Override
    public void migrate(Context context) throws SQLException {
        try (Statement st = context.getConnection().createStatement()) {
            for (String sql : STATEMENTS) {
                st.execute(sql);
            }
        }
    }
}
