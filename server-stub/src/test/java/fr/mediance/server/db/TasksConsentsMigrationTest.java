package fr.mediance.server.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import fr.mediance.protocol.ApiPaths;
import fr.mediance.protocol.ChangeDto;
import fr.mediance.protocol.ChangesResponse;
import fr.mediance.protocol.CodeDto;
import fr.mediance.protocol.ConsentDto;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.OpStatus;
import fr.mediance.protocol.OperationDto;
import fr.mediance.protocol.PushRequest;
import fr.mediance.protocol.PushResponse;
import fr.mediance.protocol.ResidentDto;
import fr.mediance.protocol.TaskDto;
import fr.mediance.server.ServerConfig;
import fr.mediance.server.TestDatabase;
import fr.mediance.server.TestServer;
import fr.mediance.testing.MutableClock;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database written before tasks, consents, mandates and private notes existed: the migration adds their
 * tables, the stored records are read with their new fields empty, and the seeded codes gain their values.
 */
class TasksConsentsMigrationTest {
    @TempDir
    Path dir;

    @Test
    void aVersion2DatabaseIsMigratedAndKeepsItsRecords() throws Exception {
        String oldResident = "{\"id\":\"r-old\",\"structureId\":\"s-old\",\"lastName\":\"Martin\","
                + "\"firstName\":\"Odile\",\"mobilityReason\":\"elderly\",\"referentId\":\"u-conseil\"}";
        try (HikariDataSource ds = fr.mediance.server.db.DataSources.sqlite(dir.resolve("mediance.db"))) {
            Flyway.configure()
                    .dataSource(ds)
                    .locations("classpath:fr/mediance/server/db/nomigrations")
                    .failOnMissingLocations(false)
                    .javaMigrations(new V1__Initial_schema(), new V2__Merge_conflicts_uploads())
                    .load()
                    .migrate();
            try (Connection c = ds.getConnection();
                    Statement st = c.createStatement()) {
                st.execute("INSERT INTO structures (id, name, created_at) VALUES ('s-old', 'Ancienne', 0)");
                st.execute("INSERT INTO users (id, structure_id, username, display_name, role, password_hash, "
                        + "created_at) VALUES ('u-conseil', 's-old', 'ancien', 'Ancien', 'counsellor', 'x', 0)");
                st.execute("UPDATE counters SET value = 3 WHERE name = 'change_seq'");
                st.execute("INSERT INTO residents (id, structure_id, referent_id, version, deleted, data, created_by, "
                        + "created_at, updated_by, updated_at) VALUES ('r-old', 's-old', 'u-conseil', 1, 0, '"
                        + oldResident + "', NULL, 0, NULL, 0)");
                st.execute("INSERT INTO change_log (seq, entity_type, entity_id, structure_id, kind, deleted, "
                        + "changed_at) VALUES (1, 'resident', 'r-old', 's-old', 'change', 0, 0)");
                st.execute("INSERT INTO codes (id, structure_id, list_name, code, version, deleted, data, created_by, "
                        + "created_at, updated_by, updated_at) VALUES ('document_type:facture', NULL, "
                        + "'document_type', 'facture', 2, 0, '{\"list\":\"document_type\",\"code\":\"facture\","
                        + "\"label\":\"Facture\",\"sortOrder\":10,\"active\":true}', NULL, 0, NULL, 0)");
                st.execute("INSERT INTO codes (id, structure_id, list_name, code, version, deleted, data, created_by, "
                        + "created_at, updated_by, updated_at) VALUES ('document_type:relance', NULL, "
                        + "'document_type', 'relance', 3, 0, '{\"list\":\"document_type\",\"code\":\"relance\","
                        + "\"label\":\"Relance (modifié)\",\"sortOrder\":20,\"active\":true}', NULL, 0, 'admin', 0)");
            }
        }

        TestServer server = new TestServer(
                TestDatabase.sqlite(dir),
                dir,
                new MutableClock(TestServer.START),
                new ServerConfig(0, false, null, TestServer.PASSWORD));
        try {
            for (String table : List.of("tasks", "consents", "mandates", "private_notes")) {
                assertThat(server.count("SELECT COUNT(*) FROM " + table)).isZero();
            }
            String admin = server.session("admin", "poste").accessToken();
            List<ChangeDto> feed = server.get(ApiPaths.SYNC_CHANGES + "?limit=1000", admin)
                    .as(ChangesResponse.class)
                    .changes();
            ResidentDto resident = (ResidentDto) feed.stream()
                    .filter(c -> c.entity() == EntityType.RESIDENT)
                    .findFirst()
                    .orElseThrow()
                    .data();
            assertThat(resident.lastName()).isEqualTo("Martin");
            assertThat(resident.household()).isEmpty();
            assertThat(resident.underProtection()).isFalse();
            CodeDto facture = code(feed, "document_type:facture");
            assertThat(facture.value()).as("a seeded code gains its retention").isEqualTo("P6M");
            assertThat(server.sql("SELECT data FROM codes WHERE id = 'document_type:relance'"))
                    .as("an edited code is left alone")
                    .contains("Relance (modifié)")
                    .doesNotContain("value");

            TaskDto task = new TaskDto(
                    "t-1",
                    null,
                    "r-old",
                    null,
                    "u-conseil",
                    "Vérifier la décision du FSL",
                    LocalDate.of(2027, 1, 25),
                    TaskDto.TODO,
                    "fsl_decision",
                    null,
                    TestServer.START,
                    null);
            ConsentDto consent = new ConsentDto(
                    "c-1",
                    null,
                    "r-old",
                    "information_notice",
                    null,
                    "2026-1",
                    TestServer.START,
                    null,
                    null,
                    "admin",
                    "paper");
            PushResponse pushed = server.post(
                            ApiPaths.SYNC_PUSH,
                            admin,
                            new PushRequest(
                                    "poste",
                                    List.of(
                                            new OperationDto("op-1", EntityType.TASK, "t-1", null, false, task),
                                            new OperationDto("op-2", EntityType.CONSENT, "c-1", null, false, consent))))
                    .as(PushResponse.class);
            assertThat(pushed.results())
                    .allSatisfy(r -> assertThat(r.status()).as(r.message()).isEqualTo(OpStatus.APPLIED));
            assertThat(server.sql("SELECT assignee_id FROM tasks WHERE id = 't-1'"))
                    .isEqualTo("u-conseil");
        } finally {
            server.close();
            server.db.close();
        }
    }

    private static CodeDto code(List<ChangeDto> feed, String id) {
        return (CodeDto) feed.stream()
                .filter(c -> c.entity() == EntityType.CODE && c.entityId().equals(id))
                .reduce((a, b) -> b)
                .orElseThrow()
                .data();
    }
}
