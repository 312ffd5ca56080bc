package fr.mediance.server.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import fr.mediance.protocol.ApiPaths;
import fr.mediance.protocol.ChangeDto;
import fr.mediance.protocol.ChangesResponse;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.PartnerDto;
import fr.mediance.server.ServerConfig;
import fr.mediance.server.TestDatabase;
import fr.mediance.server.TestServer;
import fr.mediance.server.partner.PartnerDirectory;
import fr.mediance.testing.MutableClock;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database written when partners were entries of the "partner" code list: the migration moves them into the
 * directory with the same codes (a deleted one as an inactive partner, so that old debts keep it), tombstones the
 * code entries for every device, and the seed completes an untouched partner with its services.
 */
class PartnerDirectoryMigrationTest {
    @TempDir
    Path dir;

    private static String code(String code, String label, int version, int deleted, String by) {
        return "INSERT INTO codes (id, structure_id, list_name, code, version, deleted, data, created_by, created_at, "
                + "updated_by, updated_at) VALUES ('partner:" + code + "', NULL, 'partner', '" + code + "', " + version
                + ", " + deleted + ", '{\"list\":\"partner\",\"code\":\"" + code + "\",\"label\":\"" + label
                + "\",\"parent\":\"energie\",\"sortOrder\":10,\"active\":true}', NULL, 0, " + by + ", 0)";
    }

    @Test
    void thePartnerCodesBecomeTheDirectory() throws Exception {
        try (HikariDataSource ds = DataSources.sqlite(dir.resolve("mediance.db"))) {
            Flyway.configure()
                    .dataSource(ds)
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
                            new V8__Overindebtedness_files())
                    .load()
                    .migrate();
            try (Connection c = ds.getConnection();
                    Statement st = c.createStatement()) {
                st.execute("UPDATE counters SET value = 3 WHERE name = 'change_seq'");
                st.execute(code("edf", "EDF", 1, 0, "NULL"));
                st.execute(code("gaz_local", "Gaz de la vallée", 2, 1, "'u-bureau'"));
                st.execute(code("engie", "Engie Particuliers", 3, 0, "'u-bureau'"));
            }
        }

        TestServer server = new TestServer(
                TestDatabase.sqlite(dir),
                dir,
                new MutableClock(TestServer.START),
                new ServerConfig(0, false, null, TestServer.PASSWORD));
        try {
            String admin = server.session("admin", "poste").accessToken();
            List<ChangeDto> feed = server.get(ApiPaths.SYNC_CHANGES + "?limit=1000", admin)
                    .as(ChangesResponse.class)
                    .changes();
            PartnerDto edf = partner(feed, "edf");
            assertThat(edf.type()).isEqualTo("fournisseur_energie");
            assertThat(edf.categories()).containsExactly("energie");
            assertThat(edf.services())
                    .as("an untouched entry gains the seed's services")
                    .isEqualTo(PartnerDirectory.national().get(0).services());
            assertThat(partner(feed, "gaz_local"))
                    .isEqualTo(new PartnerDto(
                            "gaz_local",
                            "fournisseur_energie",
                            "Gaz de la vallée",
                            List.of("energie"),
                            List.of(),
                            null,
                            false));
            assertThat(partner(feed, "engie").name()).isEqualTo("Engie Particuliers");
            assertThat(server.count("SELECT COUNT(*) FROM codes WHERE list_name = 'partner' AND deleted = 0"))
                    .isZero();
            assertThat(server.count("SELECT COUNT(*) FROM change_log WHERE entity_type = 'code' AND deleted = 1"))
                    .isEqualTo(3);
        } finally {
            server.close();
            server.db.close();
        }
    }

    private static PartnerDto partner(List<ChangeDto> feed, String id) {
        return (PartnerDto) feed.stream()
                .filter(c -> c.entity() == EntityType.PARTNER && c.entityId().equals(id))
                .reduce((a, b) -> b)
                .orElseThrow()
                .data();
    }
}
