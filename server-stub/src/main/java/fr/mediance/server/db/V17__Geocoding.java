package fr.mediance.server.db;

import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Placing residents on the map. {@code ban_addresses}: the national address base (BAN) of the départements the
 * office imported, one row per address (number and suffix; the street's key normalised for matching, see {@code
 * AddressKey}). {@code geocode_queue}: the residents whose address changed and who wait to be placed, with the last
 * outcome when no place was found (kept, so that a later import of the base tries them again).
 */
@SuppressWarnings("checkstyle:TypeName")
final class V17__Geocoding extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws SQLException {
        try (Statement st = context.getConnection().createStatement()) {
            st.execute("CREATE TABLE ban_addresses (department VARCHAR(3) NOT NULL, postcode VARCHAR(10) NOT NULL, "
                    + "street_key VARCHAR(300) NOT NULL, number INTEGER, suffix VARCHAR(20) NOT NULL, "
                    + "latitude DOUBLE PRECISION NOT NULL, longitude DOUBLE PRECISION NOT NULL)");
            st.execute("CREATE INDEX ban_addresses_street ON ban_addresses (postcode, street_key, number)");
            st.execute("CREATE INDEX ban_addresses_department ON ban_addresses (department)");
            st.execute("CREATE TABLE geocode_queue (resident_id VARCHAR(64) PRIMARY KEY, "
                    + "queued_at BIGINT NOT NULL, attempts INTEGER NOT NULL, outcome VARCHAR(40))");
        }
    }
}
