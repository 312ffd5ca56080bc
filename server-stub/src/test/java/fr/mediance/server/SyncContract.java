package fr.mediance.server;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.protocol.ApiPaths;
import fr.mediance.protocol.AppointmentDto;
import fr.mediance.protocol.BlobStatusDto;
import fr.mediance.protocol.ChangeDto;
import fr.mediance.protocol.ChangesResponse;
import fr.mediance.protocol.CodeDto;
import fr.mediance.protocol.ConflictDto;
import fr.mediance.protocol.DocumentDto;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.Limits;
import fr.mediance.protocol.OpStatus;
import fr.mediance.protocol.OperationDto;
import fr.mediance.protocol.OperationResultDto;
import fr.mediance.protocol.PushRequest;
import fr.mediance.protocol.PushResponse;
import fr.mediance.protocol.ResidentDto;
import fr.mediance.protocol.VisitReportDto;
import fr.mediance.server.code.CodeLists;
import fr.mediance.server.demo.DemoSeeder;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Push and pull against the real server, on one database kind: each subclass says which. Scenarios use the
 * demo structure: conseil1 follows residents 1, 2 (referent) and 5 (appointment); conseil2 follows 3, 4, 6.
 */
abstract class SyncContract extends SyncScenario {
    // --- push

    @Test
    void theSameOperationTwiceIsAppliedOnce() {
        OperationDto create = op(resident(newId(), "demo-conseil1"));
        OperationResultDto first = pushOne(coord, create);
        assertApplied(first);

        OperationResultDto again = pushOne(coord, create);
        assertThat(again).isEqualTo(first);
        assertThat(server.count("SELECT COUNT(*) FROM residents WHERE id = ?", create.entityId()))
                .isEqualTo(1);
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
        // an appointment clear of the demo's (an overlap would add its conflict record to the sequence)
        Instant clear = Instant.parse("2027-03-10T09:00:00Z");
        OperationResultDto b = pushOne(
                coord,
                op(with(
                        with(appointment(newId(), R1, "demo-conseil1", "proposed"), "start", clear),
                        "end",
                        clear.plusSeconds(3600))));
        assertApplied(b);
        assertThat(b.version()).isEqualTo(a.version() + 1);
        assertThat(server.count("SELECT MAX(seq) FROM change_log")).isEqualTo(b.version());
    }

    @Test
    void aRejectedOperationDoesNotBlockTheNextOnes() {
        String good1 = newId();
        String good2 = newId();
        PushResponse r = push(
                coord,
                op(resident(newId(), "inconnu")),
                op(resident(good1, null)),
                op(appointment(newId(), "personne-inconnue", "demo-conseil1", "proposed")),
                op(appointment(good2, good1, "demo-conseil2", "confirmed")));
        assertThat(r.results())
                .extracting(OperationResultDto::status)
                .containsExactly(OpStatus.REJECTED, OpStatus.APPLIED, OpStatus.REJECTED, OpStatus.APPLIED);
        assertThat(r.results().get(0).code()).isEqualTo("not_found");
        assertThat(r.results().get(2).code()).isEqualTo("not_found");
        assertThat(server.count("SELECT COUNT(*) FROM appointments WHERE id = ?", good2))
                .isEqualTo(1);
    }

    @Test
    void fieldsAreValidatedWithStableCodes() {
        ResidentDto longName = new ResidentDto(
                newId(),
                null,
                null,
                null,
                "x".repeat(Limits.MAX_SHORT_TEXT + 1),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        assertRejected(pushOne(coord, op(longName)), "invalid_field");

        ResidentDto future = new ResidentDto(
                newId(),
                null,
                null,
                null,
                "Martin",
                null,
                LocalDate.of(2030, 1, 1),
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        assertRejected(pushOne(coord, op(future)), "invalid_field");

        ResidentDto badMobility = new ResidentDto(
                newId(), null, null, null, "Martin", null, null, null, null, null, null, null, "fatigue", null);
        OperationResultDto mobility = pushOne(coord, op(badMobility));
        assertRejected(mobility, "unknown_code");
        assertThat(mobility.message()).contains("mobilityReason").contains("fatigue");

        AppointmentDto backwards = new AppointmentDto(
                newId(),
                null,
                R1,
                "demo-conseil1",
                "home_visit",
                Instant.parse("2026-11-27T10:00:00Z"),
                Instant.parse("2026-11-27T09:00:00Z"),
                "proposed",
                null,
                null,
                null);
        assertRejected(pushOne(coord, op(backwards)), "invalid_field");

        ResidentDto longId = resident("i".repeat(65), null);
        assertRejected(pushOne(coord, op(longId)), "invalid_field");

        VisitReportDto unknownDomain = new VisitReportDto(
                newId(),
                null,
                null,
                R1,
                "demo-conseil1",
                "home_visit",
                List.of("energie", "astrologie"),
                null,
                null,
                null,
                null,
                null,
                null);
        assertRejected(pushOne(conseil1, op(unknownDomain)), "unknown_code");

        DocumentDto upperSha =
                new DocumentDto(newId(), null, null, R1, "facture", "AB".repeat(32), "image/jpeg", 10, null, null);
        assertRejected(pushOne(conseil1, op(upperSha)), "invalid_field");
    }

    @Test
    void theStructureIsForcedToTheCallers() {
        ResidentDto r = new ResidentDto(
                newId(), "autre-structure", null, null, "Martin", null, null, null, null, null, null, null, null, null);
        assertApplied(pushOne(coord, op(r)));
        assertThat(server.sql("SELECT structure_id FROM residents WHERE id = ?", r.id()))
                .isEqualTo("demo-structure");
        ResidentDto pulled = (ResidentDto)
                pullAll(coord, null).find(EntityType.RESIDENT, r.id()).data();
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

        VisitReportDto correction = new VisitReportDto(
                newId(),
                null,
                null,
                R1,
                "demo-conseil1",
                "home_visit",
                List.of("energie"),
                "Facture EDF de 512,50 € impayée.",
                null,
                null,
                null,
                null,
                report.id());
        assertApplied(pushOne(conseil1, op(correction)));
        assertRejected(pushOne(conseil1, deleteOp(EntityType.VISIT_REPORT, report.id())), "forbidden");
        assertThat(server.count("SELECT COUNT(*) FROM change_log WHERE entity_id = ?", report.id()))
                .isEqualTo(1);
    }

    @Test
    void aDocumentIsImmutableOnceStored() {
        DocumentDto doc = document(newId(), R1, null);
        OperationResultDto stored = pushOne(conseil1, op(doc));
        assertApplied(stored);
        assertThat(pushOne(conseil1, op(doc)).version()).isEqualTo(stored.version());
        DocumentDto other =
                new DocumentDto(doc.id(), null, null, R1, "echeancier", SHA, "image/jpeg", 1234, null, null);
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
        AppointmentDto a1 = (AppointmentDto)
                pullAll(conseil1, null).find(EntityType.APPOINTMENT, A1).data();
        AppointmentDto done = withStatus(a1, "done", "Visite réalisée");
        assertApplied(pushOne(conseil1, op(done)));
        AppointmentDto pulled = (AppointmentDto)
                pullAll(coord, null).find(EntityType.APPOINTMENT, A1).data();
        assertThat(pulled.status()).isEqualTo("done");
        assertThat(pulled.statusReason()).isEqualTo("Visite réalisée");

        AppointmentDto moved = with(
                with(withStatus(a1, "done", null), "start", a1.start().plusSeconds(3600)),
                "end",
                a1.end().plusSeconds(3600));
        OperationResultDto refused = pushOne(conseil1, op(moved));
        assertRejected(refused, "forbidden_field");
        assertThat(refused.message()).contains("start");

        AppointmentDto notMine = (AppointmentDto)
                pullAll(coord, null).find(EntityType.APPOINTMENT, A5).data();
        AppointmentDto cancelled = withStatus(notMine, "cancelled_by_resident", null);
        assertRejected(pushOne(conseil1, op(cancelled)), "forbidden");
        assertRejected(pushOne(conseil1, op(appointment(newId(), R1, "demo-conseil2", "proposed"))), "forbidden");
        assertRejected(pushOne(conseil1, deleteOp(EntityType.APPOINTMENT, A1)), "forbidden");
    }

    @Test
    void aCounsellorUpdatesOnlyResidentsTheyFollowAndNotTheirReferent() {
        ResidentDto r1 = (ResidentDto)
                pullAll(conseil1, null).find(EntityType.RESIDENT, R1).data();
        ResidentDto newPhone = withPhone(r1, "04 91 00 00 00");
        assertApplied(pushOne(conseil1, op(newPhone)));
        assertRejected(pushOne(conseil2, op(newPhone)), "forbidden");
        ResidentDto newReferent = with(r1, "referentId", "demo-conseil2");
        assertRejected(pushOne(conseil1, op(newReferent)), "forbidden_field");
        // a counsellor creates a resident's file as its referent (CaseworkContract), never for a colleague
        assertRejected(pushOne(conseil1, op(resident(newId(), "demo-conseil2"))), "forbidden_field");
    }

    @Test
    void codesAreEditedByTheOfficeTheCoordinationAndAnAdmin() {
        CodeDto code = new CodeDto("domain", "sante", "Santé", null, 150, true);
        assertRejected(pushOne(conseil1, op(code)), "forbidden");
        assertApplied(pushOne(server.token("admin"), op(code)));
        assertApplied(pushOne(coord, op(new CodeDto("domain", "sante", "Santé", null, 160, true))));
        assertApplied(pushOne(server.token("bureau"), op(code)));
        assertThat(pullAll(conseil2, null).find(EntityType.CODE, "domain:sante").data())
                .isEqualTo(code);
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
        assertThat(whole.changes())
                .hasSize(CodeLists.seed().size()
                        + fr.mediance.server.partner.PartnerDirectory.national().size()
                        + fr.mediance.server.partner.PartnerDirectory.bouchesDuRhone()
                                .size()
                        + DEMO_RECORDS);
        ChangesResponse end = pull(coord, cursor, 7);
        assertThat(end.changes()).isEmpty();
        assertThat(end.cursor()).isEqualTo(cursor);
        assertThat(end.hasMore()).isFalse();
    }

    @Test
    void aRecordChangedTwiceAfterTheCursorComesOnceInItsLatestState() {
        String cursor = pullAll(coord, null).cursor();
        ResidentDto v1 = resident(newId(), null);
        ResidentDto v2 = new ResidentDto(
                v1.id(), null, null, "M.", "Martin", "Odilon", null, null, null, null, null, null, null, null);
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
        assertThat(pushOne(coord, deleteOp(EntityType.APPOINTMENT, A1)).version())
                .isEqualTo(deleted.version());
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
        assertThat(mine.ids(EntityType.RESIDENT))
                .containsExactlyInAnyOrder(
                        R1, DemoSeeder.residentId(2), R5, DemoSeeder.residentId(7), DemoSeeder.residentId(8));
        assertThat(mine.ids(EntityType.APPOINTMENT))
                .containsExactlyInAnyOrder(
                        A1,
                        DemoSeeder.appointmentId(2),
                        DemoSeeder.appointmentId(3),
                        DemoSeeder.appointmentId(4),
                        DemoSeeder.appointmentId(9),
                        DemoSeeder.appointmentId(10),
                        DemoSeeder.appointmentId(11));
        assertThat(mine.ids(EntityType.VISIT_REPORT)).hasSize(5).contains(report1);
        assertThat(mine.ids(EntityType.DOCUMENT)).containsExactly(doc1);
        assertThat(mine.ids(EntityType.CODE)).hasSize(CodeLists.seed().size());

        Feed theirs = pullAll(conseil2, null);
        assertThat(theirs.ids(EntityType.RESIDENT))
                .containsExactlyInAnyOrder(R3, DemoSeeder.residentId(4), DemoSeeder.residentId(6));
        assertThat(theirs.ids(EntityType.APPOINTMENT)).doesNotContain(A1).contains(A5);
        assertThat(theirs.ids(EntityType.VISIT_REPORT)).isEmpty();
        assertThat(theirs.ids(EntityType.DOCUMENT)).isEmpty();
        assertThat(theirs.ids(EntityType.CODE)).hasSize(CodeLists.seed().size());
    }

    @Test
    void aCounsellorsPagesAmongAColleaguesManyRecordsHoldExactlyWhatTheRulesLetThemSee() {
        String cursor1 = pullAll(conseil1, null).cursor();
        String cursor2 = pullAll(conseil2, null).cursor();
        List<String> reports = new ArrayList<>();
        List<String> documents = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String report = newId();
            String doc = newId();
            reports.add(report);
            documents.add(doc);
            assertApplied(pushOne(conseil1, op(report(report, R1, "demo-conseil1", "Visite " + i + "."))));
            assertApplied(pushOne(conseil1, op(document(doc, R1, report))));
        }
        // the colleague's resident 3, visited on the same day: conseil2 follows them, conseil1 does not
        String theirs = newId();
        assertApplied(pushOne(conseil2, op(report(theirs, R3, "demo-conseil2", "Visite du jour."))));

        // small pages: most of them hold only records of the colleague that the counsellor may not see
        List<ChangeDto> seen2 = new ArrayList<>();
        String cursor = cursor2;
        ChangesResponse page;
        int pages = 0;
        do {
            page = pull(conseil2, cursor, 7);
            seen2.addAll(page.changes());
            assertThat(Long.parseLong(page.cursor())).isGreaterThan(Long.parseLong(cursor));
            cursor = page.cursor();
            pages++;
        } while (page.hasMore());
        assertThat(pages).isGreaterThanOrEqualTo(81 / 7);
        assertThat(seen2)
                .extracting(ChangeDto::entityId)
                .containsExactly(theirs)
                .doesNotContainAnyElementsOf(reports)
                .doesNotContainAnyElementsOf(documents);
        assertThat(pull(conseil2, cursor, 7).changes()).isEmpty();

        Feed mine = pullAll(conseil1, cursor1);
        assertThat(mine.ids(EntityType.VISIT_REPORT)).containsExactlyElementsOf(reports);
        assertThat(mine.ids(EntityType.DOCUMENT)).containsExactlyElementsOf(documents);
        assertThat(((VisitReportDto) mine.find(EntityType.VISIT_REPORT, reports.get(39))
                                .data())
                        .synthesis())
                .isEqualTo("Visite 39.");

        Feed all = pullAll(coord, cursor1);
        assertThat(all.ids(EntityType.VISIT_REPORT)).containsAll(reports).contains(theirs);
        assertThat(all.ids(EntityType.DOCUMENT)).containsExactlyElementsOf(documents);
    }

    @Test
    void theOfficeAndTheCoordinationSeeTheWholeStructure() {
        String report1 = newId();
        assertApplied(pushOne(conseil1, op(report(report1, R1, "demo-conseil1", "Relevé de compteur fait."))));
        for (String token : List.of(server.token("bureau"), coord)) {
            Feed all = pullAll(token, null);
            assertThat(all.ids(EntityType.VISIT_REPORT)).hasSize(5).contains(report1);
            assertThat(all.ids(EntityType.RESIDENT)).hasSize(8);
            assertThat(all.ids(EntityType.APPOINTMENT)).hasSize(11);
        }
    }

    @Test
    void aResidentComesToACounsellorWhenAnAppointmentGivesThemAccess() {
        Feed before = pullAll(conseil2, null);
        assertThat(before.ids(EntityType.RESIDENT)).doesNotContain(R1);
        long residentVersion = before.changes().isEmpty()
                ? 0
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
        ResidentDto r5 =
                (ResidentDto) pullAll(coord, null).find(EntityType.RESIDENT, R5).data();
        ResidentDto referred = with(r5, "referentId", "demo-conseil2");
        assertApplied(pushOne(coord, op(referred)));
        assertThat(pullAll(conseil2, cursor).ids(EntityType.RESIDENT)).containsExactly(R5);
    }

    @Test
    void whatIsGivenToAColleagueComesAsATombstoneToTheFormerCounsellor() {
        String a3 = DemoSeeder.appointmentId(3);
        String cursor1 = pullAll(conseil1, null).cursor();
        String cursor2 = pullAll(conseil2, null).cursor();
        AppointmentDto before = (AppointmentDto)
                pullAll(coord, null).find(EntityType.APPOINTMENT, a3).data();
        AppointmentDto moved = with(before, "counsellorId", "demo-conseil2");
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
        assertThat(now.find(EntityType.APPOINTMENT, a3).data()).isEqualTo(moved.withPlannedBy("demo-coord"));
    }

    @Test
    void aReferentKeepsTheirResidentWhenAnAppointmentMoves() {
        String cursor1 = pullAll(conseil1, null).cursor();
        AppointmentDto before = (AppointmentDto)
                pullAll(coord, null).find(EntityType.APPOINTMENT, A1).data();
        AppointmentDto moved = with(before, "counsellorId", "demo-conseil2");
        assertSaved(pushOne(coord, op(moved)));
        Feed formerly = pullAll(conseil1, cursor1);
        assertThat(formerly.find(EntityType.APPOINTMENT, A1).deleted()).isTrue();
        assertThat(formerly.find(EntityType.RESIDENT, R1)).isNull();
    }

    // --- field-level merge and conflicts

    List<ConflictDto> conflicts(Feed feed) {
        return feed.changes().stream()
                .filter(c -> c.entity() == EntityType.CONFLICT)
                .map(c -> (ConflictDto) c.data())
                .toList();
    }

    /** The coordination and conseil1 change the phone of resident 1 from the same version. */
    OperationResultDto phoneConflict(ResidentDto base, long baseVersion) {
        assertApplied(pushOne(coord, update(withPhone(base, "04 91 11 11 11"), baseVersion, "phone")));
        return pushOne(conseil1, update(withPhone(base, "06 22 22 22 22"), baseVersion, "phone"));
    }

    @Test
    void changesToDifferentFieldsFromTheSameVersionMerge() {
        ChangeDto r1 = current(EntityType.RESIDENT, R1);
        ResidentDto base = (ResidentDto) r1.data();
        OperationResultDto phone = pushOne(coord, update(withPhone(base, "04 91 11 11 11"), r1.version(), "phone"));
        assertApplied(phone);
        OperationResultDto notes =
                pushOne(conseil1, update(withAccessNotes(base, "Code porte 1234"), r1.version(), "accessNotes"));
        assertThat(notes.status()).isEqualTo(OpStatus.MERGED);
        assertThat(notes.version()).isGreaterThan(phone.version());

        ResidentDto merged = (ResidentDto) current(EntityType.RESIDENT, R1).data();
        assertThat(merged).isEqualTo(withAccessNotes(withPhone(base, "04 91 11 11 11"), "Code porte 1234"));
        assertThat(server.count("SELECT COUNT(*) FROM conflicts")).isZero();
    }

    @Test
    void theSameFieldChangedOnBothSidesKeepsBothValuesInAConflictRecord() {
        ChangeDto r1 = current(EntityType.RESIDENT, R1);
        ResidentDto base = (ResidentDto) r1.data();
        String cursor2 = pullAll(conseil2, null).cursor();
        OperationDto second = update(withPhone(base, "06 22 22 22 22"), r1.version(), "phone");
        assertApplied(pushOne(coord, update(withPhone(base, "04 91 11 11 11"), r1.version(), "phone")));
        OperationResultDto r = pushOne(conseil1, second);

        assertThat(r.status()).isEqualTo(OpStatus.CONFLICT);
        assertThat(r.version()).isPositive();
        assertThat(r.message()).contains("phone");
        assertThat(((ResidentDto) current(EntityType.RESIDENT, R1).data()).phone())
                .isEqualTo("06 22 22 22 22");
        // the record and its conflict were written together, by that operation
        assertThat(server.count("SELECT COUNT(*) FROM change_log WHERE op_id = ?", second.opId()))
                .isEqualTo(2);

        List<ConflictDto> seen = conflicts(pullAll(coord, null));
        assertThat(seen).hasSize(1);
        ConflictDto c = seen.get(0);
        assertThat(c)
                .isEqualTo(new ConflictDto(
                        c.id(),
                        "demo-structure",
                        EntityType.RESIDENT,
                        R1,
                        "phone",
                        base.phone(),
                        "04 91 11 11 11",
                        "06 22 22 22 22",
                        "demo-coord",
                        "demo-conseil1",
                        TestServer.START,
                        ConflictDto.OPEN,
                        null,
                        null,
                        null));
        assertThat(UUID.fromString(c.id())).isNotNull();
        assertThat(conflicts(pullAll(server.token("bureau"), null))).containsExactly(c);
        assertThat(conflicts(pullAll(conseil1, null))).containsExactly(c);
        assertThat(conflicts(pullAll(conseil2, cursor2))).isEmpty();
        assertThat(pushOne(conseil1, second)).isEqualTo(r);
        assertThat(server.count("SELECT COUNT(*) FROM conflicts")).isEqualTo(1);
    }

    @Test
    void aResolutionBecomesANewVersionThatReachesBothDevicesAndIsFinal() {
        ChangeDto r1 = current(EntityType.RESIDENT, R1);
        assertThat(phoneConflict((ResidentDto) r1.data(), r1.version()).status())
                .isEqualTo(OpStatus.CONFLICT);
        ConflictDto open = conflicts(pullAll(coord, null)).get(0);
        String cursorCoord = pullAll(coord, null).cursor();
        String cursorConseil1 = pullAll(conseil1, null).cursor();
        String bureau = server.token("bureau");

        ConflictDto choice = new ConflictDto(
                open.id(),
                null,
                open.entity(),
                open.entityId(),
                open.field(),
                open.baseValue(),
                open.serverValue(),
                open.clientValue(),
                open.serverAuthorId(),
                open.clientAuthorId(),
                open.detectedAt(),
                ConflictDto.RESOLVED,
                "04 91 11 11 11",
                null,
                null);
        OperationResultDto resolved = pushOne(bureau, op(choice));
        assertApplied(resolved);

        for (Feed feed : List.of(pullAll(conseil1, cursorConseil1), pullAll(coord, cursorCoord))) {
            ChangeDto resident = feed.find(EntityType.RESIDENT, R1);
            assertThat(((ResidentDto) resident.data()).phone()).isEqualTo("04 91 11 11 11");
            assertThat(resident.version()).isLessThan(resolved.version());
            ConflictDto after =
                    (ConflictDto) feed.find(EntityType.CONFLICT, open.id()).data();
            assertThat(after)
                    .isEqualTo(new ConflictDto(
                            open.id(),
                            "demo-structure",
                            open.entity(),
                            open.entityId(),
                            "phone",
                            open.baseValue(),
                            open.serverValue(),
                            open.clientValue(),
                            "demo-coord",
                            "demo-conseil1",
                            open.detectedAt(),
                            ConflictDto.RESOLVED,
                            "04 91 11 11 11",
                            "demo-bureau",
                            TestServer.START));
        }
        assertThat(pushOne(bureau, op(choice)).version()).isEqualTo(resolved.version());
        ConflictDto other = new ConflictDto(
                open.id(),
                null,
                open.entity(),
                open.entityId(),
                open.field(),
                null,
                null,
                null,
                null,
                null,
                null,
                ConflictDto.RESOLVED,
                "06 22 22 22 22",
                null,
                null);
        long changes = server.count("SELECT COUNT(*) FROM change_log");
        assertRejected(pushOne(coord, op(other)), "conflict_resolved");
        assertThat(server.count("SELECT COUNT(*) FROM change_log")).isEqualTo(changes);
        assertThat(((ResidentDto) current(EntityType.RESIDENT, R1).data()).phone())
                .isEqualTo("04 91 11 11 11");
    }

    @Test
    void onlyStaffResolvesAConflictAndOnlyWithAResolution() {
        ChangeDto r1 = current(EntityType.RESIDENT, R1);
        phoneConflict((ResidentDto) r1.data(), r1.version());
        ConflictDto open = conflicts(pullAll(coord, null)).get(0);
        long changes = server.count("SELECT COUNT(*) FROM change_log");
        ConflictDto mine = new ConflictDto(
                open.id(),
                null,
                open.entity(),
                open.entityId(),
                open.field(),
                null,
                null,
                null,
                null,
                null,
                null,
                ConflictDto.RESOLVED,
                "06 22 22 22 22",
                null,
                null);
        assertRejected(pushOne(conseil1, op(mine)), "forbidden");
        ConflictDto reopened = new ConflictDto(
                open.id(),
                null,
                open.entity(),
                open.entityId(),
                open.field(),
                null,
                null,
                null,
                null,
                null,
                null,
                ConflictDto.OPEN,
                null,
                null,
                null);
        assertRejected(pushOne(coord, op(reopened)), "invalid_field");
        ConflictDto invented = new ConflictDto(
                newId(),
                null,
                EntityType.RESIDENT,
                R1,
                "phone",
                null,
                null,
                null,
                null,
                null,
                null,
                ConflictDto.RESOLVED,
                "x",
                null,
                null);
        assertRejected(pushOne(coord, op(invented)), "not_found");
        assertRejected(pushOne(coord, deleteOp(EntityType.CONFLICT, open.id())), "forbidden");
        ConflictDto badDate = new ConflictDto(
                open.id(),
                null,
                open.entity(),
                open.entityId(),
                open.field(),
                null,
                null,
                null,
                null,
                null,
                null,
                ConflictDto.RESOLVED,
                "x".repeat(Limits.MAX_SHORT_TEXT + 1),
                null,
                null);
        assertRejected(pushOne(coord, op(badDate)), "invalid_field");
        assertThat(server.count("SELECT COUNT(*) FROM change_log")).isEqualTo(changes);
    }

    @Test
    void aDevicesNextEditOfItsOwnUnacknowledgedChangeIsNoConflict() {
        ChangeDto r1 = current(EntityType.RESIDENT, R1);
        ResidentDto base = (ResidentDto) r1.data();
        assertApplied(pushOne(conseil1, update(withPhone(base, "06 11 11 11 11"), r1.version(), "phone")));
        OperationResultDto next = pushOne(conseil1, update(withPhone(base, "06 33 33 33 33"), r1.version(), "phone"));
        assertThat(next.status()).isEqualTo(OpStatus.MERGED);
        assertThat(((ResidentDto) current(EntityType.RESIDENT, R1).data()).phone())
                .isEqualTo("06 33 33 33 33");
        assertThat(server.count("SELECT COUNT(*) FROM conflicts")).isZero();
    }

    @Test
    void aCounsellorsStatusChangeMergesOntoAnAppointmentTheCoordinationMoved() {
        ChangeDto a1 = current(EntityType.APPOINTMENT, A1);
        AppointmentDto base = (AppointmentDto) a1.data();
        AppointmentDto moved = with(
                with(base, "start", base.start().plusSeconds(3600)),
                "end",
                base.end().plusSeconds(3600));
        assertApplied(pushOne(coord, update(moved, a1.version())));
        OperationResultDto done = pushOne(
                conseil1, update(withStatus(base, "done", "Visite réalisée"), a1.version(), "status", "statusReason"));
        assertThat(done.status()).isEqualTo(OpStatus.MERGED);
        AppointmentDto now =
                (AppointmentDto) current(EntityType.APPOINTMENT, A1).data();
        assertThat(now.start()).isEqualTo(base.start().plusSeconds(3600));
        assertThat(now.status()).isEqualTo("done");
        assertThat(now.statusReason()).isEqualTo("Visite réalisée");

        OperationResultDto refused = pushOne(conseil1, update(moved, done.version(), "start"));
        assertRejected(refused, "forbidden_field");
        assertThat(refused.message()).contains("start");
    }

    @Test
    void aStatusChangedOnBothSidesIsAConflict() {
        ChangeDto a1 = current(EntityType.APPOINTMENT, A1);
        AppointmentDto base = (AppointmentDto) a1.data();
        assertApplied(pushOne(
                coord,
                update(
                        withStatus(base, "cancelled_by_structure", "Conseillère absente"),
                        a1.version(),
                        "status",
                        "statusReason")));
        OperationResultDto r = pushOne(conseil1, update(withStatus(base, "done", null), a1.version(), "status"));
        assertThat(r.status()).isEqualTo(OpStatus.CONFLICT);
        ConflictDto c = conflicts(pullAll(conseil1, null)).get(0);
        assertThat(c.entity()).isEqualTo(EntityType.APPOINTMENT);
        assertThat(c.field()).isEqualTo("status");
        assertThat(c.baseValue()).isEqualTo(base.status());
        assertThat(c.serverValue()).isEqualTo("cancelled_by_structure");
        assertThat(c.clientValue()).isEqualTo("done");
        AppointmentDto now =
                (AppointmentDto) current(EntityType.APPOINTMENT, A1).data();
        assertThat(now.status()).isEqualTo("done");
        assertThat(now.statusReason()).isEqualTo("Conseillère absente");
    }

    @Test
    void changedFieldsNameOnlyFieldsTheRoleMayChange() {
        ChangeDto r1 = current(EntityType.RESIDENT, R1);
        ResidentDto base = (ResidentDto) r1.data();
        long changes = server.count("SELECT COUNT(*) FROM change_log");
        assertRejected(pushOne(conseil1, update(base, r1.version(), "referentId")), "forbidden_field");
        assertRejected(pushOne(conseil1, update(base, r1.version(), "phone", "pointure")), "invalid_field");
        assertRejected(pushOne(coord, update(base, r1.version(), "id")), "invalid_field");
        assertRejected(pushOne(coord, update(base, r1.version(), "structureId")), "invalid_field");
        assertThat(server.count("SELECT COUNT(*) FROM change_log")).isEqualTo(changes);
    }

    // --- reports, server-owned records, order

    @Test
    void aCorrectionSupersedesOneOfItsAuthorsOwnReportsOnce() {
        VisitReportDto original = report(newId(), R1, "demo-conseil1", "Facture EDF de 412,50 €.");
        assertApplied(pushOne(conseil1, op(original)));
        VisitReportDto first = correction(newId(), original.id(), "Facture EDF de 512,50 €.");
        assertApplied(pushOne(conseil1, op(first)));
        assertRejected(
                pushOne(conseil1, op(correction(newId(), original.id(), "Facture EDF de 612,50 €."))),
                "report_superseded");
        assertApplied(pushOne(conseil1, op(correction(newId(), first.id(), "Facture EDF de 612,50 €."))));
        assertRejected(pushOne(conseil1, op(correction(newId(), newId(), "x"))), "not_found");

        VisitReportDto theirs = report(newId(), R3, "demo-conseil2", "Dossier CAF.");
        assertApplied(pushOne(conseil2, op(theirs)));
        assertRejected(pushOne(conseil1, op(correction(newId(), theirs.id(), "x"))), "forbidden");

        assertThat(pullAll(coord, null)
                        .find(EntityType.VISIT_REPORT, original.id())
                        .data())
                .isEqualTo(original);
        assertThat(server.count("SELECT COUNT(*) FROM change_log WHERE entity_id = ?", original.id()))
                .isEqualTo(1);
    }

    static VisitReportDto correction(String id, String supersedes, String synthesis) {
        return new VisitReportDto(
                id,
                null,
                null,
                R1,
                "demo-conseil1",
                "home_visit",
                List.of("energie"),
                synthesis,
                null,
                null,
                null,
                null,
                supersedes);
    }

    @Test
    void blobStatusesAreServerOwned() {
        long changes = server.count("SELECT COUNT(*) FROM change_log");
        BlobStatusDto status = new BlobStatusDto(SHA, 1234, TestServer.START, false);
        assertRejected(pushOne(coord, op(status)), "forbidden");
        assertRejected(pushOne(server.token("admin"), op(status)), "forbidden");
        assertRejected(pushOne(coord, deleteOp(EntityType.BLOB, SHA)), "forbidden");
        assertThat(server.count("SELECT COUNT(*) FROM change_log")).isEqualTo(changes);
        assertThat(server.count("SELECT COUNT(*) FROM blobs")).isZero();
    }

    @Test
    void anOperationSentBeforeTheOneItDependsOnIsRefusedAloneAndWritesNothing() {
        String reportId = newId();
        String docId = newId();
        PushResponse r =
                push(conseil1, op(document(docId, R1, reportId)), op(report(reportId, R1, "demo-conseil1", "x")));
        assertThat(r.results())
                .extracting(OperationResultDto::status)
                .containsExactly(OpStatus.REJECTED, OpStatus.APPLIED);
        assertThat(r.results().get(0).code()).isEqualTo("not_found");
        assertThat(server.count("SELECT COUNT(*) FROM documents WHERE id = ?", docId))
                .isZero();
        assertThat(server.count("SELECT COUNT(*) FROM change_log WHERE entity_id = ?", docId))
                .isZero();
        assertApplied(pushOne(conseil1, op(document(docId, R1, reportId))));
    }

    // --- resumable uploads on this database

    @Test
    void aPhotoSentInChunksBecomesABlobWhoseStatusReachesTheOffice() {
        TusClient tus = new TusClient(server);
        byte[] photo = TusClient.bytes(300_000, 41);
        String sha = TusClient.sha256Hex(photo);
        DocumentDto doc =
                new DocumentDto(newId(), null, null, R1, "facture", sha, "image/jpeg", photo.length, null, null);
        assertApplied(pushOne(conseil1, op(doc)));
        String bureau = server.token("bureau");
        String cursor = pullAll(bureau, null).cursor();

        TusClient.Answer created = tus.create(conseil1, photo.length, TusClient.metadata(sha));
        assertThat(tus.patch(
                                conseil1,
                                created.location(),
                                0,
                                TusClient.slice(photo, 0, 200_000),
                                TusClient.checksum(photo, 0, 200_000))
                        .offset())
                .isEqualTo(200_000);
        TusClient.Answer wrong = tus.patch(conseil1, created.location(), 0, TusClient.slice(photo, 0, 100), null);
        assertThat(wrong.status()).isEqualTo(409);
        assertThat(wrong.offset()).isEqualTo(200_000);
        assertThat(tus.head(conseil1, created.location()).offset()).isEqualTo(200_000);
        assertThat(tus.patch(
                                conseil1,
                                created.location(),
                                200_000,
                                TusClient.slice(photo, 200_000, photo.length),
                                TusClient.checksum(photo, 200_000, photo.length))
                        .offset())
                .isEqualTo(photo.length);

        assertThat(pullAll(bureau, cursor).find(EntityType.BLOB, sha).data())
                .isEqualTo(new BlobStatusDto(sha, photo.length, TestServer.START, false));
        assertThat(server.get(ApiPaths.blob(sha), bureau).bytes()).isEqualTo(photo);
        TusClient.Answer again = tus.create(conseil1, photo.length, TusClient.metadata(sha));
        assertThat(again.offset()).isEqualTo(photo.length);
    }

    @Test
    void anAbandonedUploadExpiresAndATerminatedOneIsGone() {
        TusClient tus = new TusClient(server);
        byte[] file = TusClient.bytes(50_000, 42);
        TusClient.Answer abandoned = tus.create(conseil1, file.length, TusClient.metadata(TusClient.sha256Hex(file)));
        tus.patch(conseil1, abandoned.location(), 0, TusClient.slice(file, 0, 10_000), null);
        TusClient.Answer terminated = tus.create(conseil1, file.length, TusClient.metadata(TusClient.sha256Hex(file)));
        assertThat(tus.delete(conseil1, terminated.location()).status()).isEqualTo(204);
        assertThat(tus.head(conseil1, terminated.location()).status()).isEqualTo(404);

        server.clock.advance(fr.mediance.server.upload.UploadService.TTL.plusMinutes(1));
        String token = server.token("conseil1");
        assertThat(tus.head(token, abandoned.location()).status()).isEqualTo(410);
        assertThat(server.app.purgeExpiredUploads()).isEqualTo(1);
        assertThat(tus.head(token, abandoned.location()).status()).isEqualTo(404);
        assertThat(server.count("SELECT COUNT(*) FROM uploads")).isZero();
    }
}
