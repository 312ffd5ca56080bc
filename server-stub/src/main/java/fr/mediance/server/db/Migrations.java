package fr.mediance.server.db;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** Brings the schema up to date. Migrations are Java classes listed here, in order; never edit a released one. */
public final class Migrations {
    private Migrations() {}

    public static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:fr/mediance/server/db/nomigrations")
                .failOnMissingLocations(false)
                .javaMigrations(
                        new V1__Initial_schema(),
                        new V2__Merge_conflicts_uploads(),
                        new V3__Tasks_consents_mandates_notes(),
                        new V4__Cases_requests_anonymous_contacts(),
                        new V5__Energy_contracts_debts(),
                        new V6__Budgets(),
                        new V7__Aid_applications(),
                        new V8__Overindebtedness_files(),
                        new V9__Payment_plans(),
                        new V10__Partner_directory(),
                        new V11__Accounts_devices_throttle(),
                        new V13__Gdpr_operations(),
                        new V14__Blob_senders(),
                        new V15__Upload_leases(),
                        new V16__Audit_outbox(),
                        new V17__Geocoding(),
                        new V18__Calendar_links(),
                        new V19__Planning_settings_schedules())
                .load()
                .migrate();
    }
}
