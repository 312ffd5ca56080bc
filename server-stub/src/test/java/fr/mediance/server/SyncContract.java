package fr.mediance.server;

import fr.mediance.protocol.ApiPaths;
import fr.mediance.protocol.AppointmentDto;
import fr.mediance.protocol.ChangeDto;
import fr.mediance.protocol.ChangesResponse;
import fr.mediance.protocol.CodeDto;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Push and pull against the real server, on one database kind: each subclass says which. Scenarios use the
 * demo structure: conseil1 follows residents 1, 2 (referent) and 5 (appointment); conseil2 follows 3, 4, 6.
 */
abstract class SyncContract {
    static final String R1 = DemoSeeder.residentId(1);
    static final String R3 = DemoSeeder.residentId(3);
    static final String R5 = DemoSeeder.residentId(5);
    static final String A1 = DemoSeeder.appointmentId(1);
    static final String A5 = DemoSeeder.appointmentId(5);
    static final String SHA = "ab".repeat(32);

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
            return changes.stream().filter(c -> c.entity() == type).map(ChangeDto::entityId).toList();
        }

        ChangeDto find(EntityType type, String id) {
            return changes.stream().filter(c -> c.entity() == type && c.entityId().equals(id)).reduce((a, b) -> b)
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
        return new ResidentDto(id, "demo-structure", null, "Mme", "Martin", "Odile", LocalDate.of(1950, 1, 2),
                "06 00 00 00 00", "1 rue de la République", "13002", "Marseille", "Sonner deux fois", "elderly",
                referentId);
    }

    static AppointmentDto appointment(String id, String residentId, String counsellorId, String status) {
        return new AppointmentDto(id, "demo-structure", residentId, counsellorId, "home_visit",
                Instant.parse("2026-11-27T09:00:00Z"), Instant.parse("2026-11-27T10:00:00Z"), status,
                "1 rue de la République, 13002 Marseille", null, null);
    }

    static VisitReportDto report(String id, String residentId, String counsellorId, String synthesis) {
        return new VisitReportDto(id, "demo-structure", null, residentId, counsellorId, "home_visit",
                List.of("energie", "budget"), synthesis, "Rappeler le fournisseur", LocalDate.of(2026, 12, 4),
                Instant.parse("2026-11-26T08:00:00Z"), Instant.parse("2026-11-26T08:50:00Z"), null);
    }

    static DocumentDto document(String id, String residentId, String reportId) {
        return new DocumentDto(id, "demo-structure", reportId, residentId, "facture", SHA, "image/jpeg", 1234,
                Instant.parse("2026-11-26T08:10:00Z"), LocalDate.of(2027, 5, 26));
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

    // --- push

    @Test
    void theSameOperationTwiceIsAppliedOnce() {
        OperationDto create = op(resident(newId(), "demo-conseil1"));
        OperationResultDto first = pushOne(coord, create);
        assertApplied(first);

        OperationResultDto again = pushOne(coord, create);
        assertThat(again).isEqualTo(first);
        assertThat(server.count("SELECT COUNT(*) FROM residents WHERE id = ?", create.entityId())).isEqualTo(1);
        assertThat(server.count("SELECT COUNT(*) FROM change_log WHERE entity_id = ?", create.entityId()))
                .isEqualTo(1);
        assertThat(server.count("SELECT COUNT(*) FROM applied_operations WHERE op_id = ?", create.opId()))
                .isEqualTo(1);
        assertThat(server.sql("SELECT version FROM residents WHERE id = ?", create.entityId()))
                .isEqualTo(Long.toString(first.version()));
    }

    @Test
    void theSameOperationPushedConcurrentlyIsAppliedOnce() throws Exception {
        OperationDto create = op(resident(newId(), null));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<OperationResultDto>> futures = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                futures.add(pool.submit(() -> pushOne(coord, create)));
            }
            OperationResultDto first = futures.get(0).get();
            assertApplied(first);
            for (java.util.concurrent.Future<OperationResultDto> f : futures) {
                assertThat(f.get()).isEqualTo(first);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(server.count("SELECT COUNT(*) FROM change_log WHERE entity_id = ?", create.entityId()))
                .isEqualTo(1);
    }

    @Test
    void aRepeatedOperationInsideOnePushAnswersTheStoredResult() {
        OperationDto create = op(resident(newId(), null));
        PushResponse r = push(coord, create, create);
        assertThat(r.results()).hasSize(2);
        assertThat(r.results().get(1)).isEqualTo(r.results().get(0));
    }

    @Test
    void aRejectedOperationIsRememberedToo() {
        OperationDto bad = op(appointment(newId(), R1, "demo-conseil1", "peut-etre"));
        OperationResultDto first = pushOne(coord, bad);
        assertRejected(first, "unknown_code");
        assertThat(pushOne(coord, bad)).isEqualTo(first);
    }

    @Test
    void versionsFollowOneGlobalSequence() {
        OperationResultDto a = pushOne(coord, op(resident(newId(), null)));
        OperationResultDto b = pushOne(coord, op(appointment(newId(), R1, "demo-conseil1", "proposed")));
        assertThat(b.version()).isEqualTo(a.version() + 1);
        assertThat(server.count("SELECT MAX(seq) FROM change_log")).isEqualTo(b.version());
    }

    @Test
    void aRejectedOperationDoesNotBlockTheNextOnes() {
        String good1 = newId();
        String good2 = newId();
        PushResponse r = push(coord,
                op(resident(newId(), "inconnu")),
                op(resident(good1, null)),
                op(appointment(newId(), "personne-inconnue", "demo-conseil1", "proposed")),
                op(appointment(good2, good1, "demo-conseil2", "confirmed")));
        assertThat(r.results()).extracting(OperationResultDto::status)
                .containsExactly(OpStatus.REJECTED, OpStatus.APPLIED, OpStatus.REJECTED, OpStatus.APPLIED);
        assertThat(r.results().get(0).code()).isEqualTo("not_found");
        assertThat(r.results().get(2).code()).isEqualTo("not_found");
        assertThat(server.count("SELECT COUNT(*) FROM appointments WHERE id = ?", good2)).isEqualTo(1);
    }

    @Test
    void fieldsAreValidatedWithStableCodes() {
        ResidentDto longName = new ResidentDto(newId(), null, null, null, "x".repeat(Limits.MAX_SHORT_TEXT + 1), null,
                null, null, null, null, null, null, null, null);
        assertRejected(pushOne(coord, op(longName)), "invalid_field");

        ResidentDto future = new ResidentDto(newId(), null, null, null, "Martin", null, LocalDate.of(2030, 1, 1),
                null, null, null, null, null, null, null);
        assertRejected(pushOne(coord, op(future)), "invalid_field");

        ResidentDto badMobility = new ResidentDto(newId(), null, null, null, "Martin", null, null, null, null, null,
                null, null, "fatigue", null);
        OperationResultDto mobility = pushOne(coord, op(badMobility));
        assertRejected(mobility, "unknown_code");
        assertThat(mobility.message()).contains("mobilityReason").contains("fatigue");

        AppointmentDto backwards = new AppointmentDto(newId(), null, R1, "demo-conseil1", "home_visit",
                Instant.parse("2026-11-27T10:00:00Z"), Instant.parse("2026-11-27T09:00:00Z"), "proposed", null, null,
                null);
        assertRejected(pushOne(coord, op(backwards)), "invalid_field");

        ResidentDto longId = resident("i".repeat(65), null);
        assertRejected(pushOne(coord, op(longId)), "invalid_field");

        VisitReportDto unknownDomain = new VisitReportDto(newId(), null, null, R1, "demo-conseil1", "home_visit",
                List.of("energie", "astrologie"), null, null, null, null, null, null);
        assertRejected(pushOne(conseil1, op(unknownDomain)), "unknown_code");

        DocumentDto upperSha = new DocumentDto(newId(), null, null, R1, "facture", "AB".repeat(32), "image/jpeg", 10,
                null, null);
        assertRejected(pushOne(conseil1, op(upperSha)), "invalid_field");
    }

    @Test
    void theStructureIsForcedToTheCallers() {
        ResidentDto r = new ResidentDto(newId(), "autre-structure", null, null, "Martin", null, null, null, null, null,
                null, null, null, null);
        assertApplied(pushOne(coord, op(r)));
        assertThat(server.sql("SELECT structure_id FROM residents WHERE id = ?", r.id())).isEqualTo("demo-structure");
        ResidentDto pulled = (ResidentDto) pullAll(coord, null).find(EntityType.RESIDENT, r.id()).data();
        assertThat(pulled.structureId()).isEqualTo("demo-structure");
    }

    @Test
    void tooManyOperationsAreRefusedWhole() {
        OperationDto[] ops = new OperationDto[Limits.MAX_PUSH_OPERATIONS + 1];
        for (int i = 0; i < ops.length; i++) {
            ops[i] = op(resident(newId(), null));
        }
        TestServer.Response r = server.post(ApiPaths.SYNC_PUSH, coord, new PushRequest("t", List.of(ops)));
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.problem().code()).isEqualTo("too_many_operations");
        assertThat(server.count("SELECT COUNT(*) FROM applied_operations")).isZero();
    }

    @Test
    void aReportIsImmutableOnceStored() {
        VisitReportDto report = report(newId(), R1, "demo-conseil1", "Facture EDF de 412,50 € impayée.");
        OperationResultDto stored = pushOne(conseil1, op(report));
        assertApplied(stored);

        OperationResultDto sameAgain = pushOne(conseil1, op(report));
        assertThat(sameAgain.status()).isEqualTo(OpStatus.APPLIED);
        assertThat(sameAgain.version()).isEqualTo(stored.version());

        VisitReportDto changed = report(report.id(), R1, "demo-conseil1", "Facture EDF de 512,50 € impayée.");
        assertRejected(pushOne(conseil1, op(changed)), "report_immutable");

        VisitReportDto correction = new VisitReportDto(newId(), null, null, R1, "demo-conseil1", "home_visit",
                List.of("energie"), "Facture EDF de 512,50 € impayée.", null, null, null, null, report.id());
        assertApplied(pushOne(conseil1, op(correction)));
        assertRejected(pushOne(conseil1, deleteOp(EntityType.VISIT_REPORT, report.id())), "forbidden");
        assertThat(server.count("SELECT COUNT(*) FROM change_log WHERE entity_id = ?", report.id())).isEqualTo(1);
    }

    @Test
    void aDocumentIsImmutableOnceStored() {
        DocumentDto doc = document(newId(), R1, null);
        OperationResultDto stored = pushOne(conseil1, op(doc));
        assertApplied(stored);
        assertThat(pushOne(conseil1, op(doc)).version()).isEqualTo(stored.version());
        DocumentDto other = new DocumentDto(doc.id(), null, null, R1, "echeancier", SHA, "image/jpeg", 1234, null,
                null);
        assertRejected(pushOne(conseil1, op(other)), "document_immutable");
    }

    @Test
    void aReportIsWrittenInItsAuthorsNameAboutAResidentTheyFollow() {
        assertRejected(pushOne(conseil1, op(report(newId(), R1, "demo-conseil2", "x"))), "forbidden");
        assertRejected(pushOne(conseil2, op(report(newId(), R1, "demo-conseil2", "x"))), "not_found");
        String theirReport = newId();
        assertApplied(pushOne(conseil1, op(report(theirReport, R1, "demo-conseil1", "x"))));
        assertRejected(pushOne(conseil2, op(document(newId(), R3, theirReport))), "not_found");
    }

    @Test
    void aCounsellorChangesOnlyTheStatusOfTheirOwnAppointments() {
        AppointmentDto a1 = (AppointmentDto) pullAll(conseil1, null).find(EntityType.APPOINTMENT, A1).data();
        AppointmentDto done = new AppointmentDto(a1.id(), a1.structureId(), a1.residentId(), a1.counsellorId(),
                a1.type(), a1.start(), a1.end(), "done", a1.address(), a1.notes(), "Visite réalisée");
        assertApplied(pushOne(conseil1, op(done)));
        AppointmentDto pulled = (AppointmentDto) pullAll(coord, null).find(EntityType.APPOINTMENT, A1).data();
        assertThat(pulled.status()).isEqualTo("done");
        assertThat(pulled.statusReason()).isEqualTo("Visite réalisée");

        AppointmentDto moved = new AppointmentDto(a1.id(), a1.structureId(), a1.residentId(), a1.counsellorId(),
                a1.type(), a1.start().plusSeconds(3600), a1.end().plusSeconds(3600), "done", a1.address(), a1.notes(),
                null);
        OperationResultDto refused = pushOne(conseil1, op(moved));
        assertRejected(refused, "forbidden_field");
        assertThat(refused.message()).contains("start");

        AppointmentDto notMine = (AppointmentDto) pullAll(coord, null).find(EntityType.APPOINTMENT, A5).data();
        AppointmentDto cancelled = new AppointmentDto(notMine.id(), null, notMine.residentId(), notMine.counsellorId(),
                notMine.type(), notMine.start(), notMine.end(), "cancelled_by_resident", notMine.address(),
                notMine.notes(), null);
        assertRejected(pushOne(conseil1, op(cancelled)), "forbidden");
        assertRejected(pushOne(conseil1, op(appointment(newId(), R1, "demo-conseil1", "proposed"))), "forbidden");
        assertRejected(pushOne(conseil1, deleteOp(EntityType.APPOINTMENT, A1)), "forbidden");
    }

    @Test
    void aCounsellorUpdatesOnlyResidentsTheyFollowAndNotTheirReferent() {
        ResidentDto r1 = (ResidentDto) pullAll(conseil1, null).find(EntityType.RESIDENT, R1).data();
        ResidentDto newPhone = new ResidentDto(r1.id(), r1.structureId(), r1.fileNumber(), r1.civility(),
                r1.lastName(), r1.firstName(), r1.birthDate(), "04 91 00 00 00", r1.street(), r1.postcode(), r1.city(),
                r1.accessNotes(), r1.mobilityReason(), r1.referentId());
        assertApplied(pushOne(conseil1, op(newPhone)));
        assertRejected(pushOne(conseil2, op(newPhone)), "forbidden");
        ResidentDto newReferent = new ResidentDto(r1.id(), r1.structureId(), r1.fileNumber(), r1.civility(),
                r1.lastName(), r1.firstName(), r1.birthDate(), r1.phone(), r1.street(), r1.postcode(), r1.city(),
                r1.accessNotes(), r1.mobilityReason(), "demo-conseil2");
        assertRejected(pushOne(conseil1, op(newReferent)), "forbidden_field");
        assertRejected(pushOne(conseil1, op(resident(newId(), "demo-conseil1"))), "forbidden");
    }

    @Test
    void codesAreEditedByAnAdminOnly() {
        CodeDto code = new CodeDto("domain", "sante", "Santé", null, 150, true);
        assertRejected(pushOne(coord, op(code)), "forbidden");
        assertApplied(pushOne(server.token("admin"), op(code)));
        assertThat(pullAll(conseil2, null).find(EntityType.CODE, "domain:sante").data()).isEqualTo(code);
    }

    // --- pull

    @Test
    void pagesFollowTheCursorUntilTheEnd() {
        Feed whole = pullAll(coord, null);
        List<ChangeDto> paged = new ArrayList<>();
        String cursor = null;
        long previous = 0;
        ChangesResponse page;
        int pages = 0;
        do {
            page = pull(coord, cursor, 7);
            assertThat(page.changes()).hasSizeLessThanOrEqualTo(7);
            assertThat(Long.parseLong(page.cursor())).isGreaterThan(previous);
            previous = Long.parseLong(page.cursor());
            paged.addAll(page.changes());
            cursor = page.cursor();
            pages++;
        } while (page.hasMore());
        assertThat(pages).isGreaterThan(5);
        assertThat(paged).isEqualTo(whole.changes());
        assertThat(whole.changes()).hasSize(50 + 6 + 8);
        ChangesResponse end = pull(coord, cursor, 7);
        assertThat(end.changes()).isEmpty();
        assertThat(end.cursor()).isEqualTo(cursor);
        assertThat(end.hasMore()).isFalse();
    }

    @Test
    void aRecordChangedTwiceAfterTheCursorComesOnceInItsLatestState() {
        String cursor = pullAll(coord, null).cursor();
        ResidentDto v1 = resident(newId(), null);
        ResidentDto v2 = new ResidentDto(v1.id(), null, null, "M.", "Martin", "Odilon", null, null, null, null, null,
                null, null, null);
        assertApplied(pushOne(coord, op(v1)));
        OperationResultDto second = pushOne(coord, op(v2));
        Feed feed = pullAll(coord, cursor);
        assertThat(feed.changes()).hasSize(1);
        assertThat(feed.changes().get(0).version()).isEqualTo(second.version());
        assertThat(((ResidentDto) feed.changes().get(0).data()).firstName()).isEqualTo("Odilon");
    }

    @Test
    void aDeletionArrivesAsATombstone() {
        String cursor = pullAll(conseil1, null).cursor();
        OperationResultDto deleted = pushOne(coord, deleteOp(EntityType.APPOINTMENT, A1));
        assertApplied(deleted);
        ChangeDto tombstone = pullAll(conseil1, cursor).find(EntityType.APPOINTMENT, A1);
        assertThat(tombstone).isEqualTo(new ChangeDto(EntityType.APPOINTMENT, A1, deleted.version(), true, null));
        assertThat(pushOne(coord, deleteOp(EntityType.APPOINTMENT, A1)).version()).isEqualTo(deleted.version());
    }

    @Test
    void aBadCursorIs400() {
        TestServer.Response letters = server.get(ApiPaths.SYNC_CHANGES + "?since=abc", coord);
        assertThat(letters.status()).isEqualTo(400);
        assertThat(letters.problem().code()).isEqualTo("invalid_cursor");
        TestServer.Response ahead = server.get(ApiPaths.SYNC_CHANGES + "?since=999999", coord);
        assertThat(ahead.status()).isEqualTo(400);
        assertThat(ahead.problem().code()).isEqualTo("invalid_cursor");
    }

    @Test
    void aCounsellorSeesOnlyTheirCaseload() {
        String report1 = newId();
        String doc1 = newId();
        assertApplied(pushOne(conseil1, op(report(report1, R1, "demo-conseil1", "Relevé de compteur fait."))));
        assertApplied(pushOne(conseil1, op(document(doc1, R1, report1))));

        Feed mine = pullAll(conseil1, null);
        assertThat(mine.ids(EntityType.RESIDENT)).containsExactlyInAnyOrder(R1, DemoSeeder.residentId(2), R5);
        assertThat(mine.ids(EntityType.APPOINTMENT)).containsExactlyInAnyOrder(A1, DemoSeeder.appointmentId(2),
                DemoSeeder.appointmentId(3), DemoSeeder.appointmentId(4));
        assertThat(mine.ids(EntityType.VISIT_REPORT)).containsExactly(report1);
        assertThat(mine.ids(EntityType.DOCUMENT)).containsExactly(doc1);
        assertThat(mine.ids(EntityType.CODE)).hasSize(50);

        Feed theirs = pullAll(conseil2, null);
        assertThat(theirs.ids(EntityType.RESIDENT)).containsExactlyInAnyOrder(R3, DemoSeeder.residentId(4),
                DemoSeeder.residentId(6));
        assertThat(theirs.ids(EntityType.APPOINTMENT)).doesNotContain(A1).contains(A5);
        assertThat(theirs.ids(EntityType.VISIT_REPORT)).isEmpty();
        assertThat(theirs.ids(EntityType.DOCUMENT)).isEmpty();
        assertThat(theirs.ids(EntityType.CODE)).hasSize(50);
    }

    @Test
    void theOfficeAndTheCoordinationSeeTheWholeStructure() {
        String report1 = newId();
        assertApplied(pushOne(conseil1, op(report(report1, R1, "demo-conseil1", "Relevé de compteur fait."))));
        for (String token : List.of(server.token("bureau"), coord)) {
            Feed all = pullAll(token, null);
            assertThat(all.ids(EntityType.VISIT_REPORT)).containsExactly(report1);
            assertThat(all.ids(EntityType.RESIDENT)).hasSize(6);
            assertThat(all.ids(EntityType.APPOINTMENT)).hasSize(8);
        }
    }

    @Test
    void aResidentComesToACounsellorWhenAnAppointmentGivesThemAccess() {
        Feed before = pullAll(conseil2, null);
        assertThat(before.ids(EntityType.RESIDENT)).doesNotContain(R1);
        long residentVersion = before.changes().isEmpty() ? 0
                : Long.parseLong(server.sql("SELECT version FROM residents WHERE id = ?", R1));
        assertThat(residentVersion).isLessThan(Long.parseLong(before.cursor()));

        String appointment = newId();
        assertApplied(pushOne(coord, op(appointment(appointment, R1, "demo-conseil2", "proposed"))));

        Feed after = pullAll(conseil2, before.cursor());
        assertThat(after.ids(EntityType.RESIDENT)).containsExactly(R1);
        assertThat(after.find(EntityType.RESIDENT, R1).version()).isEqualTo(residentVersion);
        assertThat(after.ids(EntityType.APPOINTMENT)).containsExactly(appointment);
        assertThat(after.changes().get(0).entity()).isEqualTo(EntityType.RESIDENT);

        Feed conseil1After = pullAll(conseil1, before.cursor());
        assertThat(conseil1After.ids(EntityType.APPOINTMENT)).doesNotContain(appointment);
    }

    @Test
    void aReferentChangeBringsTheResidentToTheNewReferent() {
        String cursor = pullAll(conseil2, null).cursor();
        ResidentDto r5 = (ResidentDto) pullAll(coord, null).find(EntityType.RESIDENT, R5).data();
        ResidentDto referred = new ResidentDto(r5.id(), null, r5.fileNumber(), r5.civility(), r5.lastName(),
                r5.firstName(), r5.birthDate(), r5.phone(), r5.street(), r5.postcode(), r5.city(), r5.accessNotes(),
                r5.mobilityReason(), "demo-conseil2");
        assertApplied(pushOne(coord, op(referred)));
        assertThat(pullAll(conseil2, cursor).ids(EntityType.RESIDENT)).containsExactly(R5);
    }

    @Test
    void whatIsGivenToAColleagueComesAsATombstoneToTheFormerCounsellor() {
        String a3 = DemoSeeder.appointmentId(3);
        String cursor1 = pullAll(conseil1, null).cursor();
        String cursor2 = pullAll(conseil2, null).cursor();
        AppointmentDto before = (AppointmentDto) pullAll(coord, null).find(EntityType.APPOINTMENT, a3).data();
        AppointmentDto moved = new AppointmentDto(before.id(), null, before.residentId(), "demo-conseil2",
                before.type(), before.start(), before.end(), before.status(), before.address(), before.notes(), null);
        OperationResultDto r = pushOne(coord, op(moved));
        assertApplied(r);

        Feed formerly = pullAll(conseil1, cursor1);
        assertThat(formerly.find(EntityType.APPOINTMENT, a3))
                .isEqualTo(new ChangeDto(EntityType.APPOINTMENT, a3, r.version(), true, null));
        ChangeDto resident = formerly.find(EntityType.RESIDENT, R5);
        assertThat(resident.deleted()).isTrue();
        assertThat(resident.data()).isNull();

        Feed now = pullAll(conseil2, cursor2);
        assertThat(now.ids(EntityType.RESIDENT)).containsExactly(R5);
        assertThat(now.find(EntityType.APPOINTMENT, a3).data()).isEqualTo(new AppointmentDto(before.id(),
                "demo-structure", before.residentId(), "demo-conseil2", before.type(), before.start(), before.end(),
                before.status(), before.address(), before.notes(), null));
    }

    @Test
    void aReferentKeepsTheirResidentWhenAnAppointmentMoves() {
        String cursor1 = pullAll(conseil1, null).cursor();
        AppointmentDto before = (AppointmentDto) pullAll(coord, null).find(EntityType.APPOINTMENT, A1).data();
        AppointmentDto moved = new AppointmentDto(before.id(), null, before.residentId(), "demo-conseil2",
                before.type(), before.start(), before.end(), before.status(), before.address(), before.notes(), null);
        assertApplied(pushOne(coord, op(moved)));
        Feed formerly = pullAll(conseil1, cursor1);
        assertThat(formerly.find(EntityType.APPOINTMENT, A1).deleted()).isTrue();
        assertThat(formerly.find(EntityType.RESIDENT, R1)).isNull();
    }
}
