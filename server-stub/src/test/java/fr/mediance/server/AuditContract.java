package fr.mediance.server;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.protocol.ApiPaths;
import fr.mediance.protocol.Audit;
import fr.mediance.protocol.AuditEventDto;
import fr.mediance.protocol.AuditEventsReceipt;
import fr.mediance.protocol.AuditEventsRequest;
import fr.mediance.protocol.AuditPage;
import fr.mediance.protocol.CaseDto;
import fr.mediance.protocol.Casework;
import fr.mediance.protocol.DebtDto;
import fr.mediance.protocol.DocumentDto;
import fr.mediance.protocol.EnergyContractDto;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.OperationDto;
import fr.mediance.protocol.PrivateNoteDto;
import fr.mediance.protocol.ResidentDto;
import fr.mediance.protocol.TaskDto;
import fr.mediance.server.demo.DemoSeeder;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * The audit log (who read, wrote, exported which resident's data) and a resident's access export, through real
 * HTTP on the real server.
 */
abstract class AuditContract extends SyncScenario {
    static final String R2 = DemoSeeder.residentId(2);

    String admin() {
        return server.token("admin");
    }

    /** Every event of the journal matching the query (all pages), read as the admin. */
    List<AuditEventDto> journal(String query) {
        List<AuditEventDto> all = new ArrayList<>();
        String before = null;
        do {
            AuditPage page = server.get(
                            ApiPaths.AUDIT + "?limit=100" + (query.isEmpty() ? "" : "&" + query)
                                    + (before == null ? "" : "&before=" + before),
                            admin())
                    .as(AuditPage.class);
            all.addAll(page.events());
            before = page.next();
        } while (before != null);
        return all;
    }

    /** The events about records (reading the journal itself left out). */
    List<AuditEventDto> about(String query) {
        return journal(query).stream()
                .filter(e -> !Audit.ENTITY_AUDIT_LOG.equals(e.entityType()))
                .toList();
    }

    static String q(String v) {
        return URLEncoder.encode(v, StandardCharsets.UTF_8);
    }

    // --- server-side events

    @Test
    void anUpdateIsLoggedWithTheNamesOfTheFieldsChangedNeverTheirValues() {
        fr.mediance.protocol.ChangeDto change = server
                .get(ApiPaths.SYNC_CHANGES + "?limit=1000", conseil1)
                .as(fr.mediance.protocol.ChangesResponse.class)
                .changes()
                .stream()
                .filter(c -> c.entity() == EntityType.RESIDENT && c.entityId().equals(R1))
                .findFirst()
                .orElseThrow();
        ResidentDto r1 = (ResidentDto) change.data();
        OperationDto update = new OperationDto(
                newId(),
                EntityType.RESIDENT,
                R1,
                change.version(),
                false,
                with(r1, "phone", "06 99 88 77 66"),
                List.of("phone"));
        assertApplied(pushOne(conseil1, update));

        List<AuditEventDto> writes = about("action=update&resident=" + R1);
        assertThat(writes).hasSize(1);
        AuditEventDto e = writes.get(0);
        assertThat(e.accountId()).isEqualTo(DemoSeeder.CONSEIL1);
        assertThat(e.accountName()).isEqualTo("conseil1");
        assertThat(e.deviceId()).isEqualTo("conseil1-tablette");
        assertThat(e.source()).isEqualTo(AuditEventDto.SOURCE_SERVER);
        assertThat(e.entityType()).isEqualTo("resident");
        assertThat(e.entityId()).isEqualTo(R1);
        assertThat(e.at()).isEqualTo(server.clock.instant());
        assertThat(e.summary()).isEqualTo("champs : phone");
        assertThat(server.get(ApiPaths.AUDIT + "?resident=" + R1, admin()).body())
                .doesNotContain("06 99 88 77 66");
    }

    @Test
    void createAndDeleteAreLoggedOnceAndARepeatOrARefusalIsNot() {
        TaskDto task = task(newId(), R1);
        OperationDto create = op(task);
        assertApplied(pushOne(coord, create));
        assertApplied(pushOne(coord, create)); // the same operation again: answered, not applied twice
        assertThat(pushOne(conseil1, op(task(newId(), R3))).status()).isEqualTo(fr.mediance.protocol.OpStatus.REJECTED);
        assertApplied(pushOne(coord, deleteOp(EntityType.TASK, task.id())));

        List<AuditEventDto> events = about("account=coord");
        assertThat(events).extracting(AuditEventDto::action).containsExactly(Audit.DELETE, Audit.CREATE);
        assertThat(events).allSatisfy(e -> {
            assertThat(e.entityType()).isEqualTo("task");
            assertThat(e.entityId()).isEqualTo(task.id());
            assertThat(e.residentId()).isEqualTo(R1);
        });
        assertThat(events.get(1).summary())
                .startsWith("champs : ")
                .contains("title")
                .doesNotContain("Appeler");
        assertThat(about("account=conseil1&resident=" + R3)).isEmpty();
    }

    @Test
    void aPushsEventsCommitWithItUnderItsOperationsIdsAndReachTheJournalAtOnce() {
        OperationDto create = op(task(newId(), R1));
        assertApplied(pushOne(coord, create));

        String id = fr.mediance.server.audit.Auditor.operationEventId(create.opId());
        assertThat(about("account=coord&resident=" + R1))
                .extracting(AuditEventDto::id)
                .containsExactly(id);
        assertThat(server.count("SELECT COUNT(*) FROM audit_outbox WHERE event_id = ?", id))
                .as("staged with the push's changes")
                .isEqualTo(1);

        // moving the outbox again (as at a start) writes nothing twice, and clears it
        server.close();
        server = new TestServer(
                server.db, dir, server.clock, new ServerConfig(0, true, TestServer.PASSWORD, TestServer.PASSWORD));
        assertThat(about("account=coord&resident=" + R1))
                .extracting(AuditEventDto::id)
                .containsExactly(id);
        assertThat(server.count("SELECT COUNT(*) FROM audit_outbox")).isZero();
    }

    @Test
    void eventsThatADyingServerLeftInTheOutboxAreWrittenOnceAtTheNextStart() throws Exception {
        // a server killed after a push's commit and before its events reached the journal leaves them here
        AuditEventDto left = new AuditEventDto(
                fr.mediance.server.audit.Auditor.operationEventId("op-left-" + newId()),
                server.clock.instant(),
                DemoSeeder.CONSEIL1,
                "conseil1",
                "conseil1-tablette",
                AuditEventDto.SOURCE_SERVER,
                Audit.UPDATE,
                "resident",
                R1,
                R1,
                "champs : phone");
        try (var c = server.db.dataSource().getConnection();
                var ps = c.prepareStatement(
                        "INSERT INTO audit_outbox (event_id, structure_id, event, created_at) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, left.id());
            ps.setString(2, DemoSeeder.STRUCTURE_ID);
            ps.setString(3, fr.mediance.protocol.json.MedianceJson.gson().toJson(left, AuditEventDto.class));
            ps.setLong(4, server.clock.instant().toEpochMilli());
            ps.executeUpdate();
        }
        assertThat(about("resident=" + R1)).extracting(AuditEventDto::id).doesNotContain(left.id());

        server.close();
        server = new TestServer(
                server.db, dir, server.clock, new ServerConfig(0, true, TestServer.PASSWORD, TestServer.PASSWORD));

        assertThat(about("resident=" + R1))
                .filteredOn(e -> e.id().equals(left.id()))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.action()).isEqualTo(Audit.UPDATE);
                    assertThat(e.accountName()).isEqualTo("conseil1");
                    assertThat(e.summary()).isEqualTo("champs : phone");
                });
        assertThat(server.count("SELECT COUNT(*) FROM audit_outbox")).isZero();
    }

    @Test
    void aPullLogsOneReadPerResidentDeliveredNotOnePerRecord() {
        Feed feed = pullAll(conseil1, null);
        Set<String> residents = new TreeSet<>();
        feed.changes().stream()
                .filter(c -> !c.deleted() && c.entity() == EntityType.RESIDENT)
                .forEach(c -> residents.add(c.entityId()));
        List<AuditEventDto> reads = about("account=conseil1&action=read");
        assertThat(reads).extracting(AuditEventDto::residentId).doesNotHaveDuplicates();
        assertThat(new TreeSet<>(reads.stream().map(AuditEventDto::residentId).toList()))
                .isEqualTo(residents);
        assertThat(reads.stream()
                        .filter(e -> e.residentId().equals(R1))
                        .findFirst()
                        .orElseThrow()
                        .summary())
                .matches("synchronisation : \\d+ enregistrements reçus");
        assertThat(residents).contains(R1).doesNotContain(R3);
    }

    @Test
    void aFileDownloadIsAReadOfItsDocument() throws Exception {
        byte[] bytes = "facture EDF de novembre".getBytes(StandardCharsets.UTF_8);
        String sha =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        DocumentDto doc = documentWithBlob(newId(), R1, sha);
        assertApplied(pushOne(conseil1, op(doc)));
        assertThat(putBlob(conseil1, sha, bytes).status()).isEqualTo(201);

        assertThat(server.get(ApiPaths.blob(sha), coord).status()).isEqualTo(200);
        List<AuditEventDto> reads = about("account=coord&action=read");
        assertThat(reads).hasSize(1);
        assertThat(reads.get(0).entityType()).isEqualTo("document");
        assertThat(reads.get(0).entityId()).isEqualTo(doc.id());
        assertThat(reads.get(0).residentId()).isEqualTo(R1);
        assertThat(reads.get(0).summary()).isEqualTo("fichier téléchargé");
    }

    // --- device events

    @Test
    void aDevicesEventsAreStampedWithItsTokenAndStoredOnceWhenSentAgain() {
        Instant opened = server.clock.instant().minus(Duration.ofHours(3));
        AuditEventDto claimed = new AuditEventDto(
                "evt-1", opened, DemoSeeder.COORD, "coord", "autre", "server", Audit.READ, "resident", R1, R1, "fiche");
        AuditEventDto printed = AuditEventDto.fromDevice("evt-2", opened, Audit.PRINT, "document", "doc-9", R1, null);
        AuditEventsRequest batch = new AuditEventsRequest(List.of(claimed, printed));

        assertThat(server.post(ApiPaths.AUDIT_EVENTS, conseil1, batch).as(AuditEventsReceipt.class))
                .isEqualTo(new AuditEventsReceipt(2, 0));
        assertThat(server.post(ApiPaths.AUDIT_EVENTS, conseil1, batch).as(AuditEventsReceipt.class))
                .isEqualTo(new AuditEventsReceipt(0, 2));

        List<AuditEventDto> events = about("resident=" + R1 + "&account=conseil1");
        assertThat(events).hasSize(2);
        assertThat(events).allSatisfy(e -> {
            assertThat(e.accountId()).isEqualTo(DemoSeeder.CONSEIL1);
            assertThat(e.deviceId()).isEqualTo("conseil1-tablette");
            assertThat(e.source()).isEqualTo(AuditEventDto.SOURCE_DEVICE);
            assertThat(e.at()).isEqualTo(opened);
        });
        assertThat(events).extracting(AuditEventDto::action).containsExactlyInAnyOrder(Audit.READ, Audit.PRINT);
        assertThat(about("account=coord")).isEmpty();
    }

    @Test
    void aBatchWithABadEventIsRefusedWholeAndAnOversizedOneToo() {
        AuditEventDto good =
                AuditEventDto.fromDevice("ok-1", server.clock.instant(), Audit.READ, "resident", R1, R1, null);
        AuditEventDto write =
                AuditEventDto.fromDevice("bad-1", server.clock.instant(), Audit.UPDATE, "resident", R1, R1, null);
        TestServer.Response refused =
                server.post(ApiPaths.AUDIT_EVENTS, conseil1, new AuditEventsRequest(List.of(good, write)));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.problem().code()).isEqualTo("invalid_request");
        assertThat(refused.problem().errors()).extracting(e -> e.field()).containsExactly("events[1]");

        List<AuditEventDto> many = new ArrayList<>();
        for (int i = 0; i <= Audit.MAX_EVENTS_PER_BATCH; i++) {
            many.add(AuditEventDto.fromDevice("e" + i, server.clock.instant(), Audit.READ, "resident", R1, R1, null));
        }
        TestServer.Response tooMany = server.post(ApiPaths.AUDIT_EVENTS, conseil1, new AuditEventsRequest(many));
        assertThat(tooMany.status()).isEqualTo(413);
        assertThat(tooMany.problem().code()).isEqualTo("too_many_events");
        assertThat(about("account=conseil1&action=read&resident=" + R1)).isEmpty();
        assertThat(server.post(ApiPaths.AUDIT_EVENTS, null, new AuditEventsRequest(List.of(good)))
                        .status())
                .isEqualTo(401);
    }

    // --- reading the journal

    @Test
    void onlyTheAdminReadsTheJournalAndTheReadingIsItselfLogged() {
        for (String token : List.of(conseil1, coord, server.token("bureau"))) {
            TestServer.Response r = server.get(ApiPaths.AUDIT, token);
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.problem().code()).isEqualTo("forbidden");
        }
        assertThat(server.get(ApiPaths.AUDIT, null).status()).isEqualTo(401);

        server.get(ApiPaths.AUDIT + "?resident=" + R2 + "&action=export", admin())
                .as(AuditPage.class);
        List<AuditEventDto> logged = journal("account=admin").stream()
                .filter(e -> Audit.ENTITY_AUDIT_LOG.equals(e.entityType()))
                .toList();
        assertThat(logged).isNotEmpty();
        AuditEventDto first = logged.get(logged.size() - 1);
        assertThat(first.action()).isEqualTo(Audit.READ);
        assertThat(first.residentId()).isEqualTo(R2);
        assertThat(first.summary()).isEqualTo("filtres : resident, action");
    }

    @Test
    void theJournalFiltersByResidentAccountActionAndPeriodAndPagesNewestFirst() {
        Instant day1 = server.clock.instant();
        List<AuditEventDto> batch = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            batch.add(AuditEventDto.fromDevice(
                    "p" + i,
                    day1.plus(Duration.ofMinutes(i)),
                    i % 2 == 0 ? Audit.READ : Audit.SHARE,
                    "resident",
                    R1,
                    R1,
                    null));
        }
        batch.add(
                AuditEventDto.fromDevice("old", day1.minus(Duration.ofDays(40)), Audit.READ, "resident", R2, R2, null));
        server.post(ApiPaths.AUDIT_EVENTS, conseil1, new AuditEventsRequest(batch))
                .as(AuditEventsReceipt.class);

        assertThat(about("resident=" + R1 + "&action=share")).hasSize(3);
        assertThat(about("resident=" + R1 + "&action=read")).hasSize(4);
        assertThat(about("resident=" + R2)).extracting(AuditEventDto::id).containsExactly(DemoSeeder.CONSEIL1 + "/old");
        LocalDate today = LocalDate.ofInstant(day1, fr.mediance.server.sync.PushService.PARIS);
        assertThat(about("account=conseil1&from=" + today + "&to=" + today)).hasSize(7);
        assertThat(about("account=conseil1&to=" + today.minusDays(1))).hasSize(1);
        assertThat(about("account=" + DemoSeeder.CONSEIL1)).hasSize(8);
        assertThat(about("account=conseil2")).isEmpty();

        AuditPage first = server.get(ApiPaths.AUDIT + "?account=conseil1&limit=3", admin())
                .as(AuditPage.class);
        AuditPage second = server.get(ApiPaths.AUDIT + "?account=conseil1&limit=3&before=" + first.next(), admin())
                .as(AuditPage.class);
        assertThat(first.events())
                .extracting(AuditEventDto::id)
                .containsExactly(
                        DemoSeeder.CONSEIL1 + "/old", DemoSeeder.CONSEIL1 + "/p6", DemoSeeder.CONSEIL1 + "/p5");
        assertThat(second.events())
                .extracting(AuditEventDto::id)
                .containsExactly(DemoSeeder.CONSEIL1 + "/p4", DemoSeeder.CONSEIL1 + "/p3", DemoSeeder.CONSEIL1 + "/p2");

        assertThat(server.get(ApiPaths.AUDIT + "?action=modifier", admin())
                        .problem()
                        .code())
                .isEqualTo("invalid_action");
        assertThat(server.get(ApiPaths.AUDIT + "?from=hier", admin()).problem().code())
                .isEqualTo("invalid_period");
        assertThat(server.get(ApiPaths.AUDIT + "?before=x", admin()).problem().code())
                .isEqualTo("invalid_cursor");
    }

    @Test
    void eventsArePurgedTwelveMonthsAfterTheyHappened() {
        Instant now = server.clock.instant();
        server.post(
                        ApiPaths.AUDIT_EVENTS,
                        conseil1,
                        new AuditEventsRequest(List.of(
                                AuditEventDto.fromDevice(
                                        "a", now.minus(Duration.ofDays(30)), Audit.READ, "resident", R1, R1, null),
                                AuditEventDto.fromDevice("b", now, Audit.READ, "resident", R1, R1, null))))
                .as(AuditEventsReceipt.class);
        assertThat(server.app.purgeAuditLog()).isZero();

        server.clock.set(now.plus(Duration.ofDays(340)));
        assertThat(server.app.purgeAuditLog()).isEqualTo(1);
        server.clock.set(now.plus(Duration.ofDays(370)));
        assertThat(server.app.purgeAuditLog()).isEqualTo(1);
        assertThat(server.app.auditEventCount()).isZero();
    }

    // --- the access export

    @Test
    void theExportHoldsEverySectionOfTheResidentAndNothingOfOthers() throws Exception {
        seedEverySection();
        TestServer.Response json = server.get(ApiPaths.residentExport(R1) + "?format=json", server.token("bureau"));
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.contentType()).startsWith("application/json");
        var root = com.google.gson.JsonParser.parseString(json.body()).getAsJsonObject();
        assertThat(root.getAsJsonObject("resident").get("id").getAsString()).isEqualTo(R1);
        var records = root.getAsJsonObject("records");
        for (String section : List.of(
                "case",
                "request",
                "appointment",
                "visit_report",
                "task",
                "consent",
                "mandate",
                "document",
                "energy_contract",
                "debt",
                "payment_plan",
                "budget",
                "aid_application",
                "overindebtedness_file")) {
            assertThat(records.getAsJsonArray(section)).as(section).isNotEmpty();
            records.getAsJsonArray(section)
                    .forEach(r -> assertThat(
                                    r.getAsJsonObject().get("residentId").getAsString())
                            .as(section)
                            .isEqualTo(R1));
        }
        assertThat(records.getAsJsonArray("private_note")).isEmpty();
        assertThat(json.body()).doesNotContain("Objectif de R3").doesNotContain("Note privée de conseil1");
        assertThat(json.body()).contains("Les notes privées des professionnels ne figurent pas");

        List<AuditEventDto> exports = about("action=export&resident=" + R1);
        assertThat(exports).hasSize(1);
        assertThat(exports.get(0).accountName()).isEqualTo("bureau");
        assertThat(exports.get(0).entityType()).isEqualTo(Audit.ENTITY_RESIDENT_EXPORT);
        assertThat(exports.get(0).summary()).startsWith("format json, ");
    }

    @Test
    void thePdfExportReadsInFrenchWithEverySection() throws Exception {
        seedEverySection();
        TestServer.Response pdf = server.get(ApiPaths.residentExport(R1) + "?format=pdf", coord);
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        // kept for a look: pdftotext / pdftoppm target/export-sample.pdf
        java.nio.file.Files.write(java.nio.file.Path.of("target", "export-sample.pdf"), pdf.bytes());
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf.bytes())) {
            text = new PDFTextStripper().getText(doc);
        }
        assertThat(text).contains("Données détenues sur");
        for (String title : List.of(
                "Identité et dossier",
                "Foyer",
                "Accompagnements (1)",
                "Demandes (2)", // the one seeded here and the demo's electricity cut
                "Rendez-vous",
                "Visites et comptes rendus",
                "Actions",
                "Tâches de suivi",
                "Consentements",
                "Mandats",
                "Documents (1)",
                "Contrats d'énergie",
                "Dettes",
                "Échéanciers (1)",
                "Budgets (1)",
                "Demandes d'aide (1)",
                "Surendettement (1)",
                "Les notes privées des professionnels ne figurent pas")) {
            assertThat(text).as(title).contains(title);
        }
        assertThat(text).doesNotContain("Objectif de R3").doesNotContain("Note privée de conseil1");
        String html =
                server.get(ApiPaths.residentExport(R1) + "?format=html", coord).body();
        assertThat(html).contains("<h2>Échéanciers (1)</h2>").doesNotContain("Note privée de conseil1");
    }

    @Test
    void theZipHoldsTheJsonThePdfAndTheDocumentsFiles() throws Exception {
        seedEverySection();
        TestServer.Response zip = server.get(ApiPaths.residentExport(R1) + "?format=zip", coord);
        assertThat(zip.status()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        byte[] file = null;
        try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(zip.bytes()))) {
            for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
                names.add(e.getName());
                byte[] content = z.readAllBytes();
                if (e.getName().startsWith("documents/")) {
                    file = content;
                }
            }
        }
        assertThat(names).hasSize(3);
        assertThat(names.get(0)).endsWith(".json");
        assertThat(names.get(1)).endsWith(".pdf");
        assertThat(new String(file, StandardCharsets.UTF_8)).isEqualTo("justificatif de R1");
    }

    @Test
    void onlyTheOfficeTheCoordinationAndTheAdminExportAResidentOfTheirStructure() {
        TestServer.Response counsellor = server.get(ApiPaths.residentExport(R1), conseil1);
        assertThat(counsellor.status()).isEqualTo(403);
        TestServer.Response unknown = server.get(ApiPaths.residentExport("inconnu"), coord);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.problem().code()).isEqualTo("not_found");
        assertThat(server.get(ApiPaths.residentExport(R1) + "?format=docx", coord)
                        .problem()
                        .code())
                .isEqualTo("invalid_format");
        assertThat(server.get(ApiPaths.residentExport(R1) + "?format=json", admin())
                        .status())
                .isEqualTo(200);
        assertThat(about("action=export")).hasSize(1);
    }

    // --- helpers

    /** A record of every kind about R1 (the demo has some), one about R3, and conseil1's private note on R1. */
    void seedEverySection() throws Exception {
        CaseDto k = CaseworkContract.openCase(newId(), R1, DemoSeeder.CONSEIL1);
        EnergyContractDto contract = EnergyRecordsContract.contract(newId(), R1);
        DebtDto debt = EnergyRecordsContract.debt(newId(), R1, contract.id());
        byte[] bytes = "justificatif de R1".getBytes(StandardCharsets.UTF_8);
        String sha =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        List<OperationDto> ops = List.of(
                op(k),
                op(CaseworkContract.request(newId(), R1, k.id())),
                op(contract),
                op(debt),
                op(PaymentPlansContract.plan(newId(), R1, List.of(debt.id()), "proposed", null)),
                op(BudgetsContract.budget(newId(), R1, DemoSeeder.CONSEIL1, BudgetsContract.LINES)),
                op(BudgetsContract.fsl(newId(), R1, "submitted", null, null)),
                op(BudgetsContract.bdf(newId(), "preparing", null, null)),
                op(documentWithBlob(newId(), R1, sha)),
                op(new PrivateNoteDto(
                        newId(), null, R1, DemoSeeder.CONSEIL1, "Note privée de conseil1", TestServer.START)));
        push(conseil1, ops.toArray(new OperationDto[0])).results().forEach(SyncScenario::assertApplied);
        assertThat(putBlob(conseil1, sha, bytes).status()).isEqualTo(201);
        CaseDto other = new CaseDto(
                newId(),
                null,
                R3,
                DemoSeeder.CONSEIL2,
                CaseworkContract.DAY,
                null,
                List.of("energie"),
                List.of("Objectif de R3"),
                Casework.CASE_OPEN,
                null,
                null,
                List.of(),
                TestServer.START,
                null);
        assertApplied(pushOne(conseil2, op(other)));
    }

    static DocumentDto documentWithBlob(String id, String residentId, String sha) {
        DocumentDto d = document(id, residentId, null);
        return with(d, "sha256", sha);
    }

    TestServer.Response putBlob(String token, String sha, byte[] bytes) {
        return server.send(server.request(ApiPaths.blob(sha), token)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .header("Content-Type", "application/octet-stream")
                .header(ApiPaths.HEADER_CONTENT_SHA256, sha));
    }

    static TaskDto task(String id, String residentId) {
        return new TaskDto(
                id,
                null,
                residentId,
                null,
                "demo-conseil1",
                "Appeler EDF",
                LocalDate.of(2026, 12, 1),
                TaskDto.TODO,
                null,
                null,
                TestServer.START,
                null);
    }
}
