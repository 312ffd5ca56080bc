package fr.mediance.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.protocol.ApiPaths;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.OpStatus;
import fr.mediance.protocol.OperationDto;
import fr.mediance.protocol.OperationResultDto;
import fr.mediance.protocol.PrivateNoteDto;
import fr.mediance.protocol.PushRequest;
import fr.mediance.protocol.PushResponse;
import fr.mediance.protocol.TaskDto;
import fr.mediance.server.TestServer;
import fr.mediance.server.demo.DemoSeeder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Which families each role may push, family × role, through real pushes: a family refused to a role is answered
 * {@code forbidden} whatever the record (here: the delete of a record that does not exist), a family allowed goes
 * on to the family's own rules ({@code not_found}). The expected table is the one the README states.
 */
class OfficePushRightsTest {
    /** README « Sync rules »: who may push each family at all (finer rules per family come after). */
    static final Map<EntityType, Set<String>> EXPECTED = Map.ofEntries(
            Map.entry(EntityType.RESIDENT, Set.of("conseil1", "coord", "bureau", "admin")),
            Map.entry(EntityType.APPOINTMENT, Set.of("conseil1", "coord", "admin")),
            Map.entry(EntityType.VISIT_REPORT, Set.of("conseil1", "coord", "admin")),
            Map.entry(EntityType.DOCUMENT, Set.of("conseil1", "coord", "admin")),
            Map.entry(EntityType.CODE, Set.of("coord", "bureau", "admin")),
            Map.entry(EntityType.CONFLICT, Set.of("coord", "bureau", "admin")),
            Map.entry(EntityType.BLOB, Set.of()),
            Map.entry(EntityType.TASK, Set.of("conseil1", "coord", "bureau", "admin")),
            Map.entry(EntityType.CONSENT, Set.of("conseil1", "coord", "admin")),
            Map.entry(EntityType.MANDATE, Set.of("conseil1", "coord", "admin")),
            Map.entry(EntityType.PRIVATE_NOTE, Set.of("conseil1", "coord", "bureau", "admin")),
            Map.entry(EntityType.CASE, Set.of("conseil1", "coord", "admin")),
            Map.entry(EntityType.REQUEST, Set.of("conseil1", "coord", "admin")),
            Map.entry(EntityType.ANONYMOUS_CONTACT, Set.of("conseil1", "coord")),
            Map.entry(EntityType.BUDGET, Set.of("conseil1", "coord", "admin")),
            Map.entry(EntityType.AID_APPLICATION, Set.of("conseil1", "coord", "admin")),
            Map.entry(EntityType.ENERGY_CONTRACT, Set.of("conseil1", "coord", "admin")),
            Map.entry(EntityType.DEBT, Set.of("conseil1", "coord", "admin")),
            Map.entry(EntityType.OVERINDEBTEDNESS_FILE, Set.of("conseil1", "coord", "admin")),
            Map.entry(EntityType.PAYMENT_PLAN, Set.of("conseil1", "coord", "admin")),
            Map.entry(EntityType.PARTNER, Set.of("coord", "bureau", "admin")));

    static Path dir;
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("mediance-rights");
        server = TestServer.demoCopy(dir);
    }

    @AfterAll
    static void stop() {
        server.close();
        server.db.close();
    }

    static Stream<Arguments> familiesAndRoles() {
        List<Arguments> all = new ArrayList<>();
        for (EntityType type : EnumSet.allOf(EntityType.class)) {
            for (String user : List.of("conseil1", "coord", "bureau", "admin")) {
                all.add(Arguments.of(type, user));
            }
        }
        return all.stream();
    }

    @Test
    void everyFamilyIsInTheTable() {
        assertThat(EXPECTED.keySet()).containsExactlyInAnyOrderElementsOf(EnumSet.allOf(EntityType.class));
    }

    @ParameterizedTest(name = "{0} by {1}")
    @MethodSource("familiesAndRoles")
    void aFamilyIsPushedOnlyByTheRolesAllowed(EntityType type, String user) {
        OperationDto delete =
                new OperationDto(UUID.randomUUID().toString(), type, "absent-" + UUID.randomUUID(), null, true, null);
        OperationResultDto r = push(server.token(user), delete);
        assertThat(r.status()).isEqualTo(OpStatus.REJECTED);
        if (EXPECTED.get(type).contains(user)) {
            assertThat(r.code()).as("%s by %s: %s", type, user, r.message()).isEqualTo("not_found");
        } else {
            assertThat(r.code()).as("%s by %s: %s", type, user, r.message()).isEqualTo("forbidden");
        }
    }

    @Test
    void theOfficePushesATaskForACounsellorAndItsOwnPrivateNote() {
        String bureau = server.token("bureau");
        TaskDto task = new TaskDto(
                UUID.randomUUID().toString(),
                null,
                DemoSeeder.residentId(1),
                null,
                "demo-conseil1",
                "Relancer la CAF pour l'attestation",
                LocalDate.of(2026, 12, 3),
                TaskDto.TODO,
                null,
                null,
                null,
                null);
        assertThat(push(bureau, op(task)).status()).isEqualTo(OpStatus.APPLIED);
        PrivateNoteDto note = new PrivateNoteDto(
                UUID.randomUUID().toString(),
                null,
                DemoSeeder.residentId(1),
                "demo-bureau",
                "Appeler la tutrice avant lundi.",
                null);
        assertThat(push(bureau, op(note)).status()).isEqualTo(OpStatus.APPLIED);
        PrivateNoteDto someoneElses = new PrivateNoteDto(
                UUID.randomUUID().toString(),
                null,
                DemoSeeder.residentId(1),
                "demo-conseil1",
                "Note au nom d'une autre.",
                null);
        assertThat(push(bureau, op(someoneElses)).code()).isEqualTo("forbidden");
    }

    static OperationDto op(fr.mediance.protocol.EntityDto data) {
        return new OperationDto(UUID.randomUUID().toString(), EntityType.of(data), data.id(), null, false, data);
    }

    static OperationResultDto push(String token, OperationDto op) {
        return server.post(ApiPaths.SYNC_PUSH, token, new PushRequest("tablette", List.of(op)))
                .as(PushResponse.class)
                .results()
                .get(0);
    }
}
