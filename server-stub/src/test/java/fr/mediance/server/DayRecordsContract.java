package fr.mediance.server;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.protocol.ActionDto;
import fr.mediance.protocol.AppointmentDto;
import fr.mediance.protocol.ChangeDto;
import fr.mediance.protocol.CheckInDto;
import fr.mediance.protocol.CodeDto;
import fr.mediance.protocol.ConflictDto;
import fr.mediance.protocol.ConsentDto;
import fr.mediance.protocol.DocumentDto;
import fr.mediance.protocol.EnergyCheckDto;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.HouseholdMemberDto;
import fr.mediance.protocol.Limits;
import fr.mediance.protocol.MandateDto;
import fr.mediance.protocol.OpStatus;
import fr.mediance.protocol.OperationResultDto;
import fr.mediance.protocol.OrientationDto;
import fr.mediance.protocol.PrivateNoteDto;
import fr.mediance.protocol.ResidentDto;
import fr.mediance.protocol.TaskDto;
import fr.mediance.protocol.VisitReportDto;
import fr.mediance.server.demo.DemoSeeder;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The records of the counsellor's day against the real server, on one database kind: tasks, consents, mandates,
 * private notes, actions "on behalf", the new fields of the resident file, and who receives what.
 */
abstract class DayRecordsContract extends SyncScenario {
    static final String R2 = DemoSeeder.residentId(2);
    static final String R7 = DemoSeeder.residentId(7);
    static final String MANDATE_R1 = DemoSeeder.id("mandate-1");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    static TaskDto task(String id, String residentId, String assignee, String status, Instant closedAt) {
        return new TaskDto(
                id,
                null,
                residentId,
                null,
                assignee,
                "Rappeler le fournisseur",
                TODAY.plusDays(7),
                status,
                null,
                null,
                TestServer.START,
                closedAt);
    }

    static ConsentDto consent(String id, String residentId, String scope, Instant withdrawnAt) {
        return new ConsentDto(
                id,
                null,
                residentId,
                scope,
                null,
                "2026-1",
                TestServer.START,
                withdrawnAt,
                null,
                "demo-conseil1",
                "screen");
    }

    static MandateDto mandate(String id, String residentId, LocalDate start, LocalDate end, Instant revokedAt) {
        return new MandateDto(
                id,
                null,
                residentId,
                List.of("energie"),
                List.of("EDF"),
                "one_month",
                start,
                end,
                revokedAt,
                true,
                "Marseille",
                List.of("demo-conseil1"),
                null,
                null,
                "tablet_signature",
                TestServer.START);
    }

    static VisitReportDto reportWith(String residentId, List<ActionDto> actions) {
        VisitReportDto r = report(newId(), residentId, "demo-conseil1", "Appel au fournisseur avec la personne.");
        return new VisitReportDto(
                r.id(),
                null,
                null,
                residentId,
                "demo-conseil1",
                "home_visit",
                List.of("energie"),
                r.synthesis(),
                null,
                null,
                r.startedAt(),
                r.completedAt(),
                null,
                "Domicile",
                50,
                List.of("resident"),
                List.of("energie_impaye"),
                null,
                actions,
                List.of(),
                null,
                true,
                null);
    }

    static ActionDto onBehalf(String domain, LocalDate date, String mandateId) {
        return new ActionDto(
                newId(), "appel_creancier", domain, "EDF", date, "pending", null, null, null, true, mandateId, null);
    }

    // --- tasks

    @Test
    void aCounsellorKeepsTheirOwnTasksAboutResidentsTheyFollow() {
        String mine = newId();
        assertApplied(pushOne(conseil1, op(task(mine, R1, "demo-conseil1", TaskDto.TODO, null))));
        assertRejected(pushOne(conseil1, op(task(newId(), R3, "demo-conseil1", TaskDto.TODO, null))), "not_found");
        assertRejected(pushOne(conseil1, op(task(newId(), R1, "demo-conseil2", TaskDto.TODO, null))), "forbidden");
        assertRejected(pushOne(conseil2, op(task(mine, R1, "demo-conseil2", TaskDto.TODO, null))), "forbidden");
        assertRejected(pushOne(conseil1, deleteOp(EntityType.TASK, mine)), "forbidden");
        assertThat(pullAll(conseil1, null).ids(EntityType.TASK)).contains(mine);
        assertThat(pullAll(conseil2, null).ids(EntityType.TASK)).doesNotContain(mine);
    }

    @Test
    void theCoordinationAssignsTasksAndTheAssigneeReceivesThem() {
        String cursor2 = pullAll(conseil2, null).cursor();
        String cursor1 = pullAll(conseil1, null).cursor();
        String assigned = newId();
        assertApplied(pushOne(coord, op(task(assigned, R1, "demo-conseil2", TaskDto.TODO, null))));
        assertThat(pullAll(conseil2, cursor2).ids(EntityType.TASK)).containsExactly(assigned);
        assertRejected(pushOne(coord, op(task(newId(), R1, "demo-bureau", TaskDto.TODO, null))), "not_found");

        String office = newId();
        assertApplied(pushOne(server.token("bureau"), op(task(office, R3, "demo-conseil2", TaskDto.TODO, null))));
        OperationResultDto moved = pushOne(coord, op(task(office, R3, "demo-conseil1", TaskDto.TODO, null)));
        assertApplied(moved);
        String cursor2b = pullAll(conseil2, null).cursor();
        OperationResultDto back = pushOne(coord, op(task(office, R3, "demo-conseil2", TaskDto.TODO, null)));
        assertApplied(back);
        ChangeDto tombstone = pullAll(conseil1, cursor1).find(EntityType.TASK, office);
        assertThat(tombstone.deleted())
                .as("a task given back to a colleague leaves the former assignee")
                .isTrue();
        assertThat(pullAll(conseil2, cursor2b).find(EntityType.TASK, office).deleted())
                .isFalse();
    }

    @Test
    void aTaskIsClosedOnceAndOnlyReopenedToTodo() {
        String id = newId();
        Instant closed = TestServer.START.plusSeconds(60);
        assertApplied(pushOne(conseil1, op(task(id, R1, "demo-conseil1", TaskDto.TODO, null))));
        assertRejected(pushOne(conseil1, op(task(id, R1, "demo-conseil1", TaskDto.DONE, null))), "invalid_field");
        assertApplied(pushOne(conseil1, op(task(id, R1, "demo-conseil1", TaskDto.DONE, closed))));
        OperationResultDto cancel = pushOne(conseil1, op(task(id, R1, "demo-conseil1", TaskDto.CANCELLED, closed)));
        assertRejected(cancel, "task_transition");
        assertApplied(pushOne(conseil1, op(task(id, R1, "demo-conseil1", TaskDto.TODO, null))));
        assertApplied(pushOne(conseil1, op(task(id, R1, "demo-conseil1", TaskDto.CANCELLED, closed))));
        TaskDto stored = (TaskDto) current(EntityType.TASK, id).data();
        assertThat(stored.status()).isEqualTo(TaskDto.CANCELLED);
        assertThat(stored.closedAt()).isEqualTo(closed);
        TaskDto otherPerson = new TaskDto(
                newId(),
                null,
                R2,
                DemoSeeder.id("report-1"),
                "demo-conseil1",
                "Relancer",
                TODAY,
                TaskDto.TODO,
                null,
                null,
                null,
                null);
        assertRejected(pushOne(conseil1, op(otherPerson)), "not_found");
        assertApplied(pushOne(conseil1, op(with(otherPerson, "visitReportId", "compte-rendu-pas-encore-recu"))));
        assertRejected(pushOne(conseil1, op(task(id, R2, "demo-conseil1", TaskDto.TODO, null))), "invalid_field");
    }

    // --- consents and mandates

    @Test
    void aConsentIsOnlyWithdrawnAndNeverDeleted() {
        String id = newId();
        assertApplied(pushOne(conseil1, op(consent(id, R1, "share_with_partner", null))));
        assertRejected(pushOne(conseil2, op(consent(newId(), R1, "share_with_partner", null))), "not_found");
        assertRejected(pushOne(conseil1, op(consent(id, R1, "contact_creditor", null))), "consent_immutable");
        assertRejected(pushOne(conseil1, op(consent(newId(), R1, "astrologie", null))), "unknown_code");
        Instant withdrawn = TestServer.START.plusSeconds(3600);
        assertApplied(pushOne(conseil1, op(consent(id, R1, "share_with_partner", withdrawn))));
        OperationResultDto undo = pushOne(conseil1, op(consent(id, R1, "share_with_partner", null)));
        assertRejected(undo, "consent_withdrawn");
        assertThat(undo.message()).contains("26/11/2026");
        assertRejected(pushOne(coord, deleteOp(EntityType.CONSENT, id)), "forbidden");
        assertThat(((ConsentDto) current(EntityType.CONSENT, id).data()).withdrawnAt())
                .isEqualTo(withdrawn);
    }

    @Test
    void aProtectedResidentCannotSignAMandateThemselves() {
        OperationResultDto r = pushOne(conseil1, op(mandate(newId(), R7, TODAY, TODAY.plusMonths(1), null)));
        assertRejected(r, "legal_protection");
        assertThat(r.message()).contains("curatelle_renforcee").contains("représentant");
        assertThat(server.count("SELECT COUNT(*) FROM mandates WHERE resident_id = ?", R7))
                .isZero();
    }

    @Test
    void aMandateEndsAfterItStartsAndIsOnlyRevokedForGood() {
        assertRejected(pushOne(conseil1, op(mandate(newId(), R1, TODAY, TODAY.minusDays(1), null))), "invalid_field");
        assertRejected(
                pushOne(conseil1, op(mandate(newId(), R1, LocalDate.of(1999, 1, 1), TODAY, null))), "invalid_field");
        String id = newId();
        MandateDto m = mandate(id, R1, TODAY, TODAY.plusMonths(1), null);
        assertApplied(pushOne(conseil1, op(m)));
        assertThat(pushOne(conseil1, op(m)).status()).isEqualTo(OpStatus.APPLIED);
        MandateDto wider = new MandateDto(
                id,
                null,
                R1,
                List.of("energie", "logement"),
                m.creditors(),
                m.duration(),
                m.startDate(),
                m.endDate(),
                null,
                true,
                m.place(),
                m.agentIds(),
                null,
                null,
                m.channel(),
                m.signedAt());
        assertRejected(pushOne(conseil1, op(wider)), "mandate_immutable");
        Instant revoked = TestServer.START.plusSeconds(600);
        assertApplied(pushOne(conseil1, op(mandate(id, R1, TODAY, TODAY.plusMonths(1), revoked))));
        assertRejected(pushOne(conseil1, op(m)), "mandate_revoked");
        assertRejected(pushOne(coord, deleteOp(EntityType.MANDATE, id)), "forbidden");
    }

    // --- actions on behalf

    @Test
    void anActionOnBehalfNeedsAnActiveMandateCoveringItsDomainOnItsDate() {
        assertApplied(pushOne(conseil1, op(reportWith(R1, List.of(onBehalf("energie", TODAY, MANDATE_R1))))));
        assertApplied(pushOne(
                conseil1,
                op(reportWith(
                        R1,
                        List.of(new ActionDto(
                                newId(),
                                "appel_creancier",
                                "logement",
                                null,
                                TODAY,
                                null,
                                null,
                                null,
                                null,
                                false,
                                null,
                                null))))));

        OperationResultDto wrongDomain =
                pushOne(conseil1, op(reportWith(R1, List.of(onBehalf("logement", TODAY, MANDATE_R1)))));
        assertRejected(wrongDomain, "mandate_required");
        assertThat(wrongDomain.message())
                .isEqualTo("Action « pour le compte de » sans mandat actif couvrant le "
                        + "domaine « logement » à la date du 26/11/2026 : faites signer un mandat ou enregistrez l'action "
                        + "sans « pour le compte de ».");
        assertRejected(
                pushOne(conseil1, op(reportWith(R1, List.of(onBehalf("energie", TODAY, null))))), "mandate_required");
        assertRejected(
                pushOne(conseil1, op(reportWith(R1, List.of(onBehalf("energie", TODAY.plusYears(1), MANDATE_R1))))),
                "mandate_required");
        assertRejected(
                pushOne(conseil1, op(reportWith(R2, List.of(onBehalf("energie", TODAY, MANDATE_R1))))),
                "mandate_required");
        assertRejected(
                pushOne(conseil1, op(reportWith(R1, List.of(onBehalf("energie", TODAY, newId()))))),
                "mandate_required");
        assertRejected(
                pushOne(conseil1, op(reportWith(R1, List.of(onBehalf(null, TODAY, MANDATE_R1))))), "invalid_field");
        assertApplied(pushOne(conseil1, op(reportWith(R1, List.of(onBehalf("energie", null, MANDATE_R1))))));
    }

    @Test
    void aRevokedMandateCoversNothingFromItsRevocationDay() {
        MandateDto demo = (MandateDto) current(EntityType.MANDATE, MANDATE_R1).data();
        MandateDto revoked = new MandateDto(
                demo.id(),
                null,
                demo.residentId(),
                demo.demarches(),
                demo.creditors(),
                demo.duration(),
                demo.startDate(),
                demo.endDate(),
                TestServer.START,
                demo.notUnderProtection(),
                demo.place(),
                demo.agentIds(),
                demo.residentSignatureDocumentId(),
                demo.agentSignatureDocumentId(),
                demo.channel(),
                demo.signedAt());
        assertApplied(pushOne(conseil1, op(revoked)));
        assertRejected(
                pushOne(conseil1, op(reportWith(R1, List.of(onBehalf("energie", TODAY, MANDATE_R1))))),
                "mandate_required");
        assertApplied(pushOne(
                conseil1, op(reportWith(R1, List.of(onBehalf("energie", TODAY.minusDays(1), MANDATE_R1))))));
        OperationResultDto undated =
                pushOne(conseil1, op(reportWith(R1, List.of(onBehalf("energie", null, MANDATE_R1)))));
        assertRejected(undated, "mandate_required");
        assertThat(undated.message()).as("dated by the contact").contains("26/11/2026");
    }

    @Test
    void aCompletedReportWithItsNewFieldsStaysFrozen() {
        VisitReportDto report = reportWith(R1, List.of(onBehalf("energie", TODAY, MANDATE_R1)));
        assertApplied(pushOne(conseil1, op(report)));
        assertThat(pushOne(conseil1, op(report)).status()).isEqualTo(OpStatus.APPLIED);
        VisitReportDto changed = new VisitReportDto(
                report.id(),
                null,
                null,
                R1,
                "demo-conseil1",
                "home_visit",
                report.domains(),
                report.synthesis(),
                null,
                null,
                report.startedAt(),
                report.completedAt(),
                null,
                report.place(),
                report.durationMinutes(),
                report.personsPresent(),
                report.motifs(),
                null,
                List.of(new ActionDto(
                        report.actions().get(0).id(),
                        "appel_creancier",
                        "energie",
                        "EDF",
                        TODAY,
                        "obtained",
                        null,
                        null,
                        null,
                        true,
                        MANDATE_R1,
                        null)),
                List.of(),
                null,
                true,
                null);
        assertRejected(pushOne(conseil1, op(changed)), "report_immutable");
        VisitReportDto pulled =
                (VisitReportDto) current(EntityType.VISIT_REPORT, report.id()).data();
        assertThat(pulled.actions()).isEqualTo(report.actions());
        assertThat(pulled.motifs()).containsExactly("energie_impaye");
    }

    // --- private notes

    @Test
    void aPrivateNoteIsWrittenAndReceivedByItsAuthorOnly() {
        String id = newId();
        PrivateNoteDto note = new PrivateNoteDto(
                id, null, R1, "demo-conseil1", "Préfère les rendez-vous le matin.", TestServer.START);
        String cursorCoord = pullAll(coord, null).cursor();
        assertApplied(pushOne(conseil1, op(note)));
        assertRejected(
                pushOne(conseil1, op(new PrivateNoteDto(newId(), null, R1, "demo-conseil2", "x", null))), "forbidden");
        assertRejected(pushOne(coord, op(new PrivateNoteDto(id, null, R1, "demo-coord", "Lu.", null))), "forbidden");
        assertRejected(
                pushOne(conseil2, op(new PrivateNoteDto(newId(), null, R1, "demo-conseil2", "x", null))), "not_found");

        assertThat(pullAll(conseil1, null).find(EntityType.PRIVATE_NOTE, id).data())
                .isEqualTo(
                        new PrivateNoteDto(id, "demo-structure", R1, "demo-conseil1", note.text(), note.updatedAt()));
        for (String other : List.of(coord, server.token("bureau"), server.token("admin"), conseil2)) {
            assertThat(pullAll(other, null).ids(EntityType.PRIVATE_NOTE)).doesNotContain(id);
        }
        assertThat(pullAll(coord, cursorCoord).changes()).isEmpty();
        assertRejected(pushOne(coord, deleteOp(EntityType.PRIVATE_NOTE, id)), "not_found");
        assertApplied(pushOne(conseil1, deleteOp(EntityType.PRIVATE_NOTE, id)));
    }

    // --- scoping of the resident's file

    @Test
    void consentsMandatesTasksAndDocumentsFollowTheResidentsVisibility() {
        String doc = newId();
        assertApplied(pushOne(coord, op(document(doc, R1, null))));
        Feed conseil1Feed = pullAll(conseil1, null);
        assertThat(conseil1Feed.ids(EntityType.DOCUMENT)).contains(doc);
        assertThat(conseil1Feed.ids(EntityType.MANDATE)).containsExactly(MANDATE_R1);
        assertThat(conseil1Feed.ids(EntityType.CONSENT)).hasSize(6);
        Feed conseil2Feed = pullAll(conseil2, null);
        assertThat(conseil2Feed.ids(EntityType.DOCUMENT)).doesNotContain(doc);
        assertThat(conseil2Feed.ids(EntityType.MANDATE)).isEmpty();
        assertThat(conseil2Feed.ids(EntityType.CONSENT)).isEmpty();
        assertThat(conseil2Feed.ids(EntityType.TASK)).isEmpty();

        String appointment = newId();
        assertApplied(pushOne(coord, op(appointment(appointment, R1, "demo-conseil2", "proposed"))));
        Feed gained = pullAll(conseil2, conseil2Feed.cursor());
        assertThat(gained.ids(EntityType.RESIDENT)).containsExactly(R1);
        assertThat(gained.ids(EntityType.MANDATE)).containsExactly(MANDATE_R1);
        assertThat(gained.ids(EntityType.DOCUMENT)).containsExactly(doc);
        assertThat(gained.ids(EntityType.CONSENT)).hasSize(2);
        assertThat(gained.ids(EntityType.TASK)).hasSize(2);
        assertThat(gained.ids(EntityType.VISIT_REPORT))
                .as("reports go to the author and the referent")
                .isEmpty();

        assertApplied(pushOne(coord, deleteOp(EntityType.APPOINTMENT, appointment)));
        Feed lost = pullAll(conseil2, gained.cursor());
        assertThat(lost.find(EntityType.MANDATE, MANDATE_R1).deleted()).isTrue();
        assertThat(lost.find(EntityType.DOCUMENT, doc).deleted()).isTrue();
        assertThat(lost.find(EntityType.RESIDENT, R1).deleted()).isTrue();
    }

    @Test
    void aNewReferentReceivesTheReportsOfTheirResident() {
        String cursor = pullAll(conseil2, null).cursor();
        ResidentDto r2 = (ResidentDto) current(EntityType.RESIDENT, R2).data();
        assertApplied(pushOne(coord, op(with(r2, "referentId", "demo-conseil2"))));
        Feed feed = pullAll(conseil2, cursor);
        assertThat(feed.ids(EntityType.RESIDENT)).containsExactly(R2);
        assertThat(feed.ids(EntityType.VISIT_REPORT)).containsExactly(DemoSeeder.id("report-2"));
        assertThat(feed.ids(EntityType.TASK)).containsExactly(DemoSeeder.id("task-2"));
        assertThat(feed.ids(EntityType.PRIVATE_NOTE)).isEmpty();
    }

    // --- the resident's new fields

    @Test
    void theNewFieldsOfTheFileMergeOneByOneAndListsAsWholeValues() {
        ChangeDto base = current(EntityType.RESIDENT, R1);
        ResidentDto r1 = (ResidentDto) base.data();
        ResidentDto synthesis = with(r1, "synthesis", "FSL accordé : 412,50 €.");
        assertApplied(pushOne(coord, update(synthesis, base.version(), "synthesis")));
        List<HouseholdMemberDto> household =
                List.of(r1.household().get(0), new HouseholdMemberDto("hm-new", "other_adult", "Samira", 1975));
        ResidentDto withMember = with(r1, "household", household);
        OperationResultDto merged = pushOne(conseil1, update(withMember, base.version(), "household"));
        assertThat(merged.status()).isEqualTo(OpStatus.MERGED);
        ResidentDto now = (ResidentDto) current(EntityType.RESIDENT, R1).data();
        assertThat(now.synthesis()).isEqualTo("FSL accordé : 412,50 €.");
        assertThat(now.household()).isEqualTo(household);
        assertThat(now.contacts()).isEqualTo(r1.contacts());

        ChangeDto again = current(EntityType.RESIDENT, R1);
        assertApplied(pushOne(coord, update(with(now, "household", List.of()), again.version(), "household")));
        OperationResultDto conflict = pushOne(
                conseil1, update(with(now, "household", List.of(household.get(1))), again.version(), "household"));
        assertThat(conflict.status()).isEqualTo(OpStatus.CONFLICT);
        ConflictDto open = pullAll(coord, null).changes().stream()
                .filter(c -> c.entity() == EntityType.CONFLICT)
                .map(c -> (ConflictDto) c.data())
                .filter(c -> c.field().equals("household"))
                .findFirst()
                .orElseThrow();
        ConflictDto choice = new ConflictDto(
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
                open.serverValue(),
                null,
                null);
        assertApplied(pushOne(coord, op(choice)));
        assertThat(((ResidentDto) current(EntityType.RESIDENT, R1).data()).household())
                .isEmpty();
        assertThat(pushOne(
                                conseil1,
                                update(
                                        with(now, "noPhone", true),
                                        current(EntityType.RESIDENT, R1).version(),
                                        "noPhone"))
                        .status())
                .isEqualTo(OpStatus.APPLIED);
        assertThat(((ResidentDto) current(EntityType.RESIDENT, R1).data()).noPhone())
                .isTrue();
    }

    @Test
    void aCounsellorChangesTheChecklistOfNoAppointment() {
        AppointmentDto a1 = (AppointmentDto) current(EntityType.APPOINTMENT, A1).data();
        assertThat(a1.checklist()).contains("Récupérer l'avis d'imposition 2025");
        assertRejected(pushOne(conseil1, op(with(a1, "checklist", List.of("Autre chose")))), "forbidden_field");
        assertApplied(pushOne(coord, op(with(a1, "safetyNotes", "Visite en binôme."))));
        assertThat(((AppointmentDto) current(EntityType.APPOINTMENT, A1).data()).checklist())
                .isEqualTo(a1.checklist());
    }

    @Test
    void everyNewFieldIsValidatedWithAFrenchMessage() {
        ResidentDto r1 = (ResidentDto) current(EntityType.RESIDENT, R1).data();
        OperationResultDto protection = pushOne(coord, op(with(r1, "legalProtection", "aucune")));
        assertRejected(protection, "unknown_code");
        assertThat(protection.message()).contains("legalProtection").contains("legal_protection");
        assertRejected(pushOne(coord, op(with(r1, "email", "pas une adresse"))), "invalid_field");
        assertRejected(
                pushOne(coord, op(with(r1, "synthesis", "x".repeat(Limits.MAX_LONG_TEXT + 1)))), "invalid_field");
        assertRejected(
                pushOne(
                        coord,
                        op(with(r1, "household", List.of(new HouseholdMemberDto("h", "declarant", null, 1850))))),
                "invalid_field");
        assertRejected(
                pushOne(coord, op(with(r1, "household", List.of(new HouseholdMemberDto("h", "chef", null, 1950))))),
                "unknown_code");
        List<HouseholdMemberDto> crowd = java.util.stream.IntStream.rangeClosed(0, Limits.MAX_LIST_ITEMS)
                .mapToObj(i -> new HouseholdMemberDto("h" + i, "other_adult", null, null))
                .toList();
        OperationResultDto tooMany = pushOne(coord, op(with(r1, "household", crowd)));
        assertRejected(tooMany, "invalid_field");
        assertThat(tooMany.message()).contains("household").contains("au plus " + Limits.MAX_LIST_ITEMS);
        AppointmentDto a1 = (AppointmentDto) current(EntityType.APPOINTMENT, A1).data();
        assertRejected(
                pushOne(
                        coord,
                        op(with(a1, "checklist", Collections.nCopies(Limits.MAX_LIST_ITEMS + 1, "Avis d'imposition")))),
                "invalid_field");

        DocumentDto bill = new DocumentDto(
                newId(),
                null,
                null,
                R1,
                "facture",
                SHA,
                "image/jpeg",
                1234,
                TestServer.START,
                TODAY.plusMonths(6),
                "Facture EDF",
                "EDF",
                -1L,
                TODAY,
                List.of("fsl"),
                "photo_in_app");
        OperationResultDto negative = pushOne(conseil1, op(bill));
        assertRejected(negative, "invalid_field");
        assertThat(negative.message()).contains("amountCents").contains("1 000 000,00 €");
        assertRejected(pushOne(conseil1, op(with(bill, "amountCents", 100_000_001L))), "invalid_field");
        assertRejected(
                pushOne(conseil1, op(with(with(bill, "amountCents", 12_345L), "dueDate", "1999-12-31"))),
                "invalid_field");
        assertRejected(
                pushOne(conseil1, op(with(with(bill, "amountCents", 12_345L), "purpose", List.of("loto")))),
                "unknown_code");
        assertRejected(
                pushOne(conseil1, op(with(with(bill, "amountCents", 12_345L), "origin", "fax"))), "invalid_field");
        assertApplied(pushOne(conseil1, op(with(bill, "amountCents", 12_345L))));

        TaskDto late = new TaskDto(
                newId(),
                null,
                R1,
                null,
                "demo-conseil1",
                "Relancer",
                LocalDate.of(2101, 1, 1),
                TaskDto.TODO,
                null,
                null,
                null,
                null);
        OperationResultDto tooLate = pushOne(conseil1, op(late));
        assertRejected(tooLate, "invalid_field");
        assertThat(tooLate.message()).contains("01/01/2101");
        assertRejected(
                pushOne(conseil1, op(with(with(late, "dueDate", "2026-12-01"), "ruleCode", "inconnue"))),
                "unknown_code");

        VisitReportDto r = reportWith(R1, List.of());
        VisitReportDto lost = new VisitReportDto(
                r.id(),
                null,
                null,
                R1,
                "demo-conseil1",
                "home_visit",
                r.domains(),
                null,
                null,
                null,
                r.startedAt(),
                r.completedAt(),
                null,
                null,
                null,
                List.of(),
                List.of(),
                null,
                List.of(),
                List.of(),
                null,
                true,
                new CheckInDto(91_000_000L, 5_370_000L, 20L, TestServer.START));
        assertRejected(pushOne(conseil1, op(lost)), "invalid_field");
        VisitReportDto badEnergy = with(
                r, "energy", new EnergyCheckDto(true, null, "eteinte", null, null, null, List.of(), List.of(), null));
        assertRejected(pushOne(conseil1, op(badEnergy)), "unknown_code");
        VisitReportDto badOrientation = with(
                r,
                "orientations",
                List.of(new OrientationDto("o1", "pcb", null, TODAY, "warm_handover", true, "perdu")));
        assertRejected(pushOne(conseil1, op(badOrientation)), "unknown_code");
        VisitReportDto longStay = with(r, "durationMinutes", 2000);
        assertRejected(pushOne(conseil1, op(longStay)), "invalid_field");
    }

    // --- code lists

    @Test
    void codeValuesAreCheckedForTheListsThatNeedThem() {
        String bureau = server.token("bureau");
        assertApplied(pushOne(
                bureau,
                op(new CodeDto(
                        "task_rule",
                        "fsl_decision",
                        "Vérifier la décision du FSL",
                        "demande_aide_fsl",
                        10,
                        true,
                        "45"))));
        assertRejected(
                pushOne(bureau, op(new CodeDto("task_rule", "x_rule", "Règle", "orientation", 10, true, "deux mois"))),
                "invalid_field");
        assertRejected(
                pushOne(bureau, op(new CodeDto("mandate_duration", "two_years", "2 ans", null, 50, true, "2 ans"))),
                "invalid_field");
        assertApplied(
                pushOne(coord, op(new CodeDto("mandate_duration", "three_months", "3 mois", null, 25, true, "P3M"))));
        assertRejected(
                pushOne(coord, op(new CodeDto("setting", "retention_default", "Conservation", null, 10, true, "P0D"))),
                "invalid_field");
        assertRejected(pushOne(coord, op(new CodeDto("liste_inventee", "x", "X", null, 10, true))), "invalid_field");
        assertRejected(
                pushOne(coord, op(new CodeDto("motif", "energie_linky", "Compteur Linky", "astrologie", 10, true))),
                "unknown_code");
        assertApplied(pushOne(coord, op(new CodeDto("motif", "energie_linky", "Compteur Linky", "energie", 75, true))));
        assertRejected(
                pushOne(coord, op(new CodeDto("task_rule", "sans_parent", "Relancer", null, 10, true, "30"))),
                "invalid_field");
        assertRejected(pushOne(conseil1, op(new CodeDto("domain", "sante", "Santé", null, 150, true))), "forbidden");
        assertApplied(pushOne(bureau, deleteOp(EntityType.CODE, "cancel_reason:other")));
        assertRejected(pushOne(conseil1, deleteOp(EntityType.CODE, "cancel_reason:no_longer_needed")), "forbidden");
        CodeDto rule = (CodeDto) pullAll(conseil1, null)
                .find(EntityType.CODE, "task_rule:fsl_decision")
                .data();
        assertThat(rule.value()).isEqualTo("45");
    }
}
