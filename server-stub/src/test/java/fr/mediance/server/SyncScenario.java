package fr.mediance.server;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.protocol.ApiPaths;
import fr.mediance.protocol.AppointmentDto;
import fr.mediance.protocol.ChangeDto;
import fr.mediance.protocol.ChangesResponse;
import fr.mediance.protocol.DocumentDto;
import fr.mediance.protocol.EntityDto;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.Limits;
import fr.mediance.protocol.OpStatus;
import fr.mediance.protocol.OperationDto;
import fr.mediance.protocol.OperationResultDto;
import fr.mediance.protocol.PushRequest;
import fr.mediance.protocol.PushResponse;
import fr.mediance.protocol.ResidentDto;
import fr.mediance.protocol.VisitReportDto;
import fr.mediance.server.demo.DemoSeeder;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real server on one database kind (each subclass says which) with the demo structure, and the helpers of the
 * sync scenarios: conseil1 follows residents 1, 2, 7, 8 (referent) and 5 (appointment); conseil2 follows 3, 4, 6.
 */
abstract class SyncScenario {
    static final String R1 = DemoSeeder.residentId(1);
    static final String R3 = DemoSeeder.residentId(3);
    static final String R5 = DemoSeeder.residentId(5);
    static final String A1 = DemoSeeder.appointmentId(1);
    static final String A5 = DemoSeeder.appointmentId(5);
    static final String SHA = "ab".repeat(32);
    /**
     * The demo's records other than codes seen by the coordination: 8 residents, 11 appointments, 6 consents,
     * 1 mandate, 4 reports, 4 tasks, 1 energy contract and its unpaid bill (the private note is its author's only),
     * 12 requests waiting for a home visit.
     */
    static final int DEMO_RECORDS = 8 + 11 + 6 + 1 + 4 + 4 + 2 + DemoSeeder.WAITING_REQUESTS;

    @TempDir
    Path dir;

    TestServer server;
    String coord;
    String conseil1;
    String conseil2;

    /** The demo server on this database kind. */
    abstract TestServer demoServer(Path dir);

    @BeforeEach
    void start() {
        server = demoServer(dir);
        coord = server.token("coord");
        conseil1 = server.token("conseil1");
        conseil2 = server.token("conseil2");
    }

    @AfterEach
    void stop() {
        server.close();
        server.db.close();
    }

    // --- helpers

    static String newId() {
        return UUID.randomUUID().toString();
    }

    static OperationDto op(EntityDto data) {
        return new OperationDto(newId(), EntityType.of(data), data.id(), null, false, data);
    }

    static OperationDto deleteOp(EntityType type, String id) {
        return new OperationDto(newId(), type, id, 1L, true, null);
    }

    PushResponse push(String token, OperationDto... ops) {
        return server.post(ApiPaths.SYNC_PUSH, token, new PushRequest("tablette", Arrays.asList(ops)))
                .as(PushResponse.class);
    }

    OperationResultDto pushOne(String token, OperationDto op) {
        return push(token, op).results().get(0);
    }

    ChangesResponse pull(String token, String since, int limit) {
        String q = ApiPaths.SYNC_CHANGES + "?limit=" + limit + (since == null ? "" : "&since=" + since);
        return server.get(q, token).as(ChangesResponse.class);
    }

    /** Every page from {@code since} on; answers the changes and the last cursor. */
    record Feed(List<ChangeDto> changes, String cursor) {
        List<String> ids(EntityType type) {
            return changes.stream()
                    .filter(c -> c.entity() == type)
                    .map(ChangeDto::entityId)
                    .toList();
        }

        ChangeDto find(EntityType type, String id) {
            return changes.stream()
                    .filter(c -> c.entity() == type && c.entityId().equals(id))
                    .reduce((a, b) -> b)
                    .orElse(null);
        }
    }

    Feed pullAll(String token, String since) {
        List<ChangeDto> all = new ArrayList<>();
        String cursor = since;
        ChangesResponse page;
        do {
            page = pull(token, cursor, Limits.MAX_CHANGES_PAGE);
            all.addAll(page.changes());
            cursor = page.cursor();
        } while (page.hasMore());
        return new Feed(all, cursor);
    }

    static ResidentDto resident(String id, String referentId) {
        return new ResidentDto(
                id,
                "demo-structure",
                null,
                "Mme",
                "Martin",
                "Odile",
                LocalDate.of(1950, 1, 2),
                "06 00 00 00 00",
                "1 rue de la République",
                "13002",
                "Marseille",
                "Sonner deux fois",
                "elderly",
                referentId);
    }

    /** A resident of conseil1 at this address in Marseille (no place on the map yet). */
    static ResidentDto livingAt(String id, String street, String postcode) {
        ResidentDto r = resident(id, "demo-conseil1");
        return new ResidentDto(
                r.id(),
                r.structureId(),
                null,
                r.civility(),
                r.lastName(),
                r.firstName(),
                r.birthDate(),
                r.phone(),
                street,
                postcode,
                "Marseille",
                r.accessNotes(),
                r.mobilityReason(),
                r.referentId());
    }

    /** Where conseil1's device has the resident on the map after a full pull. */
    fr.mediance.protocol.GeoPointDto placeOf(String id) {
        return ((ResidentDto)
                        pullAll(conseil1, null).find(EntityType.RESIDENT, id).data())
                .location();
    }

    static AppointmentDto appointment(String id, String residentId, String counsellorId, String status) {
        return new AppointmentDto(
                id,
                "demo-structure",
                residentId,
                counsellorId,
                "home_visit",
                Instant.parse("2026-11-27T09:00:00Z"),
                Instant.parse("2026-11-27T10:00:00Z"),
                status,
                "1 rue de la République, 13002 Marseille",
                null,
                null);
    }

    static VisitReportDto report(String id, String residentId, String counsellorId, String synthesis) {
        return new VisitReportDto(
                id,
                "demo-structure",
                null,
                residentId,
                counsellorId,
                "home_visit",
                List.of("energie", "budget"),
                synthesis,
                "Rappeler le fournisseur",
                LocalDate.of(2026, 12, 4),
                Instant.parse("2026-11-26T08:00:00Z"),
                Instant.parse("2026-11-26T08:50:00Z"),
                null);
    }

    static DocumentDto document(String id, String residentId, String reportId) {
        return new DocumentDto(
                id,
                "demo-structure",
                reportId,
                residentId,
                "facture",
                SHA,
                "image/jpeg",
                1234,
                Instant.parse("2026-11-26T08:10:00Z"),
                LocalDate.of(2027, 5, 26));
    }

    /** The record with one field changed (null empties it), every other field kept, through the wire form. */
    @SuppressWarnings("unchecked")
    static <T extends EntityDto> T with(T record, String field, Object value) {
        com.google.gson.Gson gson = fr.mediance.protocol.json.MedianceJson.gson();
        com.google.gson.JsonObject tree =
                gson.toJsonTree(record, record.getClass()).getAsJsonObject();
        if (value == null) {
            tree.remove(field);
        } else {
            tree.add(
                    field,
                    value instanceof java.time.temporal.Temporal
                            ? new com.google.gson.JsonPrimitive(value.toString())
                            : gson.toJsonTree(value, value.getClass()));
        }
        return (T) gson.fromJson(tree, record.getClass());
    }

    static void assertRejected(OperationResultDto r, String code) {
        assertThat(r.status()).as(r.message()).isEqualTo(OpStatus.REJECTED);
        assertThat(r.code()).isEqualTo(code);
        assertThat(r.message()).isNotBlank();
        assertThat(r.version()).isNull();
    }

    static void assertApplied(OperationResultDto r) {
        assertThat(r.status()).as("%s %s", r.code(), r.message()).isEqualTo(OpStatus.APPLIED);
        assertThat(r.version()).isPositive();
    }

    /** Saved: applied, or applied and flagged because it overlaps another appointment of its counsellor. */
    static void assertSaved(OperationResultDto r) {
        assertThat(r.status()).as("%s %s", r.code(), r.message()).isIn(OpStatus.APPLIED, OpStatus.CONFLICT);
        if (r.status() == OpStatus.CONFLICT) {
            assertThat(r.code()).isEqualTo("appointment_overlap");
        }
        assertThat(r.version()).isPositive();
    }

    static OperationDto update(EntityDto data, long baseVersion, String... fields) {
        return new OperationDto(newId(), EntityType.of(data), data.id(), baseVersion, false, data, List.of(fields));
    }

    static ResidentDto withPhone(ResidentDto r, String phone) {
        return with(r, "phone", phone);
    }

    static ResidentDto withAccessNotes(ResidentDto r, String notes) {
        return with(r, "accessNotes", notes);
    }

    static AppointmentDto withStatus(AppointmentDto a, String status, String reason) {
        return with(with(a, "status", status), "statusReason", reason);
    }

    ChangeDto current(EntityType type, String id) {
        return pullAll(coord, null).find(type, id);
    }
}
