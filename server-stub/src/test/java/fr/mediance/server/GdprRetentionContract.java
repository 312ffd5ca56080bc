package fr.mediance.server;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.protocol.ApiPaths;
import fr.mediance.protocol.Casework;
import fr.mediance.protocol.ChangeDto;
import fr.mediance.protocol.DocumentDto;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.GeoPointDto;
import fr.mediance.protocol.MandateDto;
import fr.mediance.protocol.OpStatus;
import fr.mediance.protocol.OperationResultDto;
import fr.mediance.protocol.PrivateNoteDto;
import fr.mediance.protocol.ResidentDto;
import fr.mediance.protocol.RetentionRunDto;
import fr.mediance.protocol.VisitReportDto;
import fr.mediance.server.gdpr.GdprRetention;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The daily GDPR retention with the test clock, against the real server on one database kind: a resident two years
 * after the last contact anonymised (a day before: kept; an open case: kept), every former identifying value gone
 * from every table, the devices receiving the anonymised file and the tombstones, mandates purged six years after
 * their end, documents purged at the case's closure.
 */
abstract class GdprRetentionContract extends SyncScenario {
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final String NAME = "Xyloubli";

    ResidentDto person(String id, String lastName) {
        ResidentDto r = resident(id, "demo-conseil1");
        r = with(r, "lastName", lastName);
        r = with(r, "synthesis", "Madame " + lastName + " attend la réponse du FSL.");
        return r;
    }

    LocalDate today() {
        return LocalDate.ofInstant(server.clock.instant(), PARIS);
    }

    /** Moves the test clock to the start of a day (Paris), 10:00. */
    void moveTo(LocalDate day) {
        java.time.Instant target = day.atTime(10, 0).atZone(PARIS).toInstant();
        server.clock.advance(Duration.between(server.clock.instant(), target));
    }

    String upload(String token, byte[] bytes) throws Exception {
        String sha = BlobTest.sha256(bytes);
        int status = server.send(server.request(ApiPaths.blob(sha), token)
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes))
                        .header("Content-Type", "application/octet-stream")
                        .header(ApiPaths.HEADER_CONTENT_SHA256, sha))
                .status();
        assertThat(status).isEqualTo(201);
        return sha;
    }

    Path blobFile(String sha) {
        return dir.resolve("blobs")
                .resolve(sha.substring(0, 2))
                .resolve(sha.substring(2, 4))
                .resolve(sha);
    }

    DocumentDto doc(String residentId, String sha, String type) {
        return new DocumentDto(
                newId(), null, null, residentId, type, sha, "image/jpeg", 64, server.clock.instant(), null);
    }

    /** Every text column of every table of the server's database that holds {@code needle}: table.column → rows. */
    List<String> everywhere(String needle) {
        List<String> found = new ArrayList<>();
        try (Connection c = server.db.dataSource().getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            List<String[]> columns = new ArrayList<>();
            try (ResultSet rs = meta.getColumns(null, c.getSchema(), "%", "%")) {
                while (rs.next()) {
                    String type = rs.getString("TYPE_NAME").toLowerCase();
                    if (type.contains("text") || type.contains("char")) {
                        columns.add(new String[] {rs.getString("TABLE_NAME"), rs.getString("COLUMN_NAME")});
                    }
                }
            }
            assertThat(columns).as("the text columns of the schema").hasSizeGreaterThan(30);
            for (String[] col : columns) {
                if (col[0].startsWith("sqlite_") || col[0].startsWith("flyway")) {
                    continue;
                }
                try (var ps = c.prepareStatement("SELECT COUNT(*) FROM " + col[0] + " WHERE " + col[1] + " LIKE ?")) {
                    ps.setString(1, "%" + needle + "%");
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        if (rs.getLong(1) > 0) {
                            found.add(col[0] + "." + col[1] + " (" + rs.getLong(1) + ")");
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return found;
    }

    @Test
    void aResidentIsAnonymisedTwoYearsAfterTheLastContactEverywhereAndOnEveryDevice() throws Exception {
        LocalDate first = today();
        String gone = newId();
        String openCase = newId();
        assertApplied(pushOne(conseil1, op(person(gone, NAME))));
        assertApplied(pushOne(conseil1, op(person(openCase, NAME + "Suivie"))));
        assertApplied(pushOne(conseil1, op(openCaseFor(openCase, first))));
        VisitReportDto report = report(newId(), gone, "demo-conseil1", "Visite chez Mme " + NAME + ", facture EDF.");
        assertApplied(pushOne(conseil1, op(report)));
        String sha = upload(conseil1, BlobTest.photo(64, 7));
        DocumentDto photo = doc(gone, sha, "facture");
        assertApplied(pushOne(conseil1, op(photo)));
        String note = newId();
        assertApplied(
                pushOne(conseil1, op(new PrivateNoteDto(note, null, gone, "demo-conseil1", "Mme " + NAME, null))));
        // a conflict on the phone keeps former values too
        ChangeDto stored = current(EntityType.RESIDENT, gone);
        ResidentDto base = (ResidentDto) stored.data();
        assertApplied(pushOne(coord, update(withPhone(base, "04 91 97 53 19"), stored.version(), "phone")));
        OperationResultDto conflict = pushOne(
                conseil1,
                update(
                        with(withPhone(base, "06 11 22 33 44"), "email", NAME.toLowerCase() + "@exemple.fr"),
                        stored.version(),
                        "phone",
                        "email"));
        assertThat(conflict.status()).isEqualTo(OpStatus.CONFLICT);

        server.clock.advance(Duration.ofDays(2));
        String later = newId();
        assertApplied(pushOne(server.token("conseil1"), op(person(later, NAME + "Recente"))));
        assertThat(everywhere(NAME)).isNotEmpty();

        moveTo(first.plusYears(2).minusDays(1));
        String deviceCursor = pullAll(server.token("conseil1"), null).cursor();
        GdprRetention.Report kept = server.app.runGdprRetention();
        assertThat(fresh(EntityType.RESIDENT, gone)).isNotNull();
        assertThat(((ResidentDto) pullAll(server.token("coord"), null)
                                .find(EntityType.RESIDENT, gone)
                                .data())
                        .lastName())
                .as("two years minus a day: kept")
                .isEqualTo(NAME);
        assertThat(kept.files()).isZero();

        moveTo(first.plusYears(2).plusDays(1));
        GdprRetention.Report run = server.app.runGdprRetention();
        assertThat(run.residents()).isGreaterThanOrEqualTo(1);
        assertThat(run.files()).isGreaterThanOrEqualTo(1);

        Feed coordFeed = pullAll(server.token("coord"), null);
        ResidentDto anonymised =
                (ResidentDto) coordFeed.find(EntityType.RESIDENT, gone).data();
        assertThat(anonymised.lastName()).isEqualTo("Anonyme");
        assertThat(anonymised.firstName()).isNull();
        assertThat(anonymised.phone()).isNull();
        assertThat(anonymised.street()).isNull();
        assertThat(anonymised.birthDate()).isNull();
        assertThat(anonymised.synthesis()).isNull();
        assertThat(anonymised.city()).as("kept for the figures").isEqualTo("Marseille");
        assertThat(((ResidentDto) coordFeed.find(EntityType.RESIDENT, openCase).data()).lastName())
                .as("an open case keeps the file")
                .isEqualTo(NAME + "Suivie");
        assertThat(((ResidentDto) coordFeed.find(EntityType.RESIDENT, later).data()).lastName())
                .as("two years minus a day after its last contact")
                .isEqualTo(NAME + "Recente");

        // the device that held the file receives the anonymised version and the tombstones
        Feed device = pullAll(server.token("conseil1"), deviceCursor);
        assertThat(((ResidentDto) device.find(EntityType.RESIDENT, gone).data()).lastName())
                .isEqualTo("Anonyme");
        assertThat(((VisitReportDto) device.find(EntityType.VISIT_REPORT, report.id())
                                .data())
                        .synthesis())
                .isEqualTo("Contenu anonymisé.");
        assertThat(device.find(EntityType.DOCUMENT, photo.id()).deleted()).isTrue();
        assertThat(device.find(EntityType.PRIVATE_NOTE, note).deleted()).isTrue();
        List<ChangeDto> conflicts = device.changes().stream()
                .filter(c -> c.entity() == EntityType.CONFLICT)
                .toList();
        assertThat(conflicts).isNotEmpty().allMatch(ChangeDto::deleted);
        assertThat(Files.exists(blobFile(sha))).isFalse();

        // nothing identifying is left anywhere but in the two files still kept
        assertThat(everywhere(NAME + "Suivie")).isNotEmpty();
        assertThat(everywhere("97 53 19"))
                .as("the former phone, in versions and conflicts")
                .isEmpty();
        assertThat(everywhere(NAME.toLowerCase() + "@"))
                .as("the e-mail of the conflict")
                .isEmpty();
        assertThat(server.count("SELECT COUNT(*) FROM residents WHERE data LIKE ? AND id = ?", "%" + NAME + "%", gone))
                .isZero();
        for (String table : List.of(
                "record_versions", "conflicts", "visit_reports", "private_notes", "documents", "applied_operations")) {
            String column = table.equals("applied_operations") ? "message" : "data";
            assertThat(server.count(
                            "SELECT COUNT(*) FROM " + table + " WHERE " + column + " LIKE ? AND " + column
                                    + " NOT LIKE ? AND " + column + " NOT LIKE ?",
                            "%" + NAME + "%",
                            "%" + NAME + "Suivie%",
                            "%" + NAME + "Recente%"))
                    .as(table)
                    .isZero();
        }
        assertThat(server.count("SELECT COUNT(*) FROM record_versions WHERE entity_id = ?", gone))
                .as("only the anonymised version is kept")
                .isEqualTo(1);
        assertThat(server.app.runGdprRetention().residents()).as("once").isZero();

        // a device that still held the former file cannot bring it back
        String token = server.token("conseil1");
        assertRejected(
                pushOne(token, update(withPhone(base, "06 99 88 77 66"), stored.version(), "phone")), "forbidden");
        assertRejected(
                pushOne(token, op(report(newId(), gone, "demo-conseil1", "Nouvelle visite chez Mme " + NAME))),
                "forbidden");
        assertThat(everywhere("99 88 77")).isEmpty();
    }

    @Test
    void aMandateIsPurgedSixYearsAfterItsEnd() {
        LocalDate start = today();
        MandateDto m = new MandateDto(
                newId(),
                null,
                R1,
                List.of("energie"),
                List.of("EDF"),
                "one_month",
                start,
                start.plusMonths(1),
                null,
                true,
                "Marseille",
                List.of("demo-conseil1"),
                null,
                null,
                "tablet_signature",
                server.clock.instant());
        assertApplied(pushOne(conseil1, op(m)));
        // an open case keeps resident 1's file meanwhile: only the mandate's own retention is at stake
        assertApplied(pushOne(conseil1, op(openCaseFor(R1, start))));
        moveTo(start.plusMonths(1).plusYears(6).minusDays(1));
        server.app.runGdprRetention();
        assertThat(pullAll(server.token("coord"), null)
                        .find(EntityType.MANDATE, m.id())
                        .deleted())
                .isFalse();
        moveTo(start.plusMonths(1).plusYears(6));
        assertThat(server.app.runGdprRetention().mandates()).isGreaterThanOrEqualTo(1);
        assertThat(pullAll(server.token("coord"), null)
                        .find(EntityType.MANDATE, m.id())
                        .deleted())
                .isTrue();
        assertThat(server.count("SELECT COUNT(*) FROM mandates WHERE id = ? AND data LIKE ?", m.id(), "%Marseille%"))
                .isZero();
    }

    @Test
    void documentsArePurgedWhenTheCaseClosesButSignaturesOfAConsentStay() throws Exception {
        String sha = upload(conseil1, BlobTest.photo(64, 11));
        DocumentDto bill = doc(R1, sha, "facture");
        assertApplied(pushOne(conseil1, op(bill)));
        String sigSha = upload(conseil1, BlobTest.photo(64, 12));
        DocumentDto signature = doc(R1, sigSha, "signature");
        assertApplied(pushOne(conseil1, op(signature)));
        assertApplied(pushOne(
                conseil1,
                op(new fr.mediance.protocol.ConsentDto(
                        newId(),
                        null,
                        R1,
                        "share_with_partner",
                        null,
                        null,
                        server.clock.instant(),
                        null,
                        signature.id(),
                        null,
                        "screen"))));
        fr.mediance.protocol.CaseDto k = openCaseFor(R1, today());
        assertApplied(pushOne(conseil1, op(k)));
        server.app.runGdprRetention();
        assertThat(fresh(EntityType.DOCUMENT, bill.id()).deleted())
                .as("the case is open")
                .isFalse();
        fr.mediance.protocol.CaseDto closed = new fr.mediance.protocol.CaseDto(
                k.id(),
                null,
                R1,
                "demo-conseil1",
                k.openedOn(),
                null,
                k.domains(),
                k.goals(),
                Casework.CASE_CLOSED,
                today(),
                "autonomous",
                List.of(),
                k.createdAt(),
                null);
        assertApplied(pushOne(conseil1, op(closed)));
        server.app.runGdprRetention();
        assertThat(fresh(EntityType.DOCUMENT, bill.id()).deleted())
                .as("the day of the closure itself")
                .isFalse();
        moveTo(today().plusDays(1));
        GdprRetention.Report r = server.app.runGdprRetention();
        assertThat(r.documents()).isGreaterThanOrEqualTo(1);
        assertThat(fresh(EntityType.DOCUMENT, bill.id()).deleted()).isTrue();
        assertThat(Files.exists(blobFile(sha))).isFalse();
        assertThat(fresh(EntityType.DOCUMENT, signature.id()).deleted())
                .as("the signature of a consent in force is evidence")
                .isFalse();
        assertThat(Files.exists(blobFile(sigSha))).isTrue();
    }

    @Test
    void theAdminRunsTheRetentionNowAndNobodyElse() {
        assertThat(server.postJson(ApiPaths.GDPR_RETENTION_RUN, server.token("bureau"), "{}")
                        .status())
                .isEqualTo(403);
        TestServer.Response ok = server.postJson(ApiPaths.GDPR_RETENTION_RUN, adminToken(), "{}");
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.as(RetentionRunDto.class).residents()).isZero();
    }

    static String request(
            String id,
            String residentId,
            String kind,
            String receivedOn,
            boolean extended,
            String reason,
            String status,
            String answeredOn,
            String answer) {
        return fr.mediance.protocol.json.MedianceJson.gson()
                .toJson(new fr.mediance.protocol.RightsRequestDto(
                        id,
                        residentId,
                        null,
                        kind,
                        LocalDate.parse(receivedOn),
                        null,
                        extended,
                        reason,
                        status,
                        answeredOn == null ? null : LocalDate.parse(answeredOn),
                        answer,
                        false));
    }

    @Test
    void theOfficeKeepsTheRegisterOfRightsRequestsWithTheirOneMonthDeadline() {
        String bureau = server.token("bureau");
        assertThat(server.postJson(
                                ApiPaths.GDPR_REQUESTS,
                                conseil1,
                                request(null, R1, "access", "2026-11-20", false, null, null, null, null))
                        .status())
                .isEqualTo(403);
        TestServer.Response late = server.postJson(
                ApiPaths.GDPR_REQUESTS,
                bureau,
                request("q-late", R1, "rectification", "2026-10-25", false, null, null, null, null));
        assertThat(late.status()).as(late.body()).isEqualTo(201);
        fr.mediance.protocol.RightsRequestDto l = late.as(fr.mediance.protocol.RightsRequestDto.class);
        assertThat(l.dueOn()).isEqualTo(LocalDate.of(2026, 11, 25));
        assertThat(l.overdue()).isTrue();
        assertThat(l.status()).isEqualTo("open");
        TestServer.Response fresh = server.postJson(
                ApiPaths.GDPR_REQUESTS,
                bureau,
                request("q-new", R1, "access", "2026-11-26", false, null, null, null, null));
        assertThat(fresh.as(fr.mediance.protocol.RightsRequestDto.class).dueOn())
                .isEqualTo(LocalDate.of(2026, 12, 26));

        TestServer.Response noReason = server.send(server.request(ApiPaths.gdprRequest("q-late"), bureau)
                .PUT(HttpRequest.BodyPublishers.ofString(
                        request("q-late", R1, "rectification", "2026-10-25", true, null, null, null, null)))
                .header("Content-Type", "application/json"));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.problem().detail()).contains("prolongation").contains("motive");
        TestServer.Response extended = server.send(server.request(ApiPaths.gdprRequest("q-late"), bureau)
                .PUT(HttpRequest.BodyPublishers.ofString(request(
                        "q-late",
                        R1,
                        "rectification",
                        "2026-10-25",
                        true,
                        "Pièces à réunir auprès de trois organismes",
                        null,
                        null,
                        null)))
                .header("Content-Type", "application/json"));
        assertThat(extended.status()).as(extended.body()).isEqualTo(200);
        fr.mediance.protocol.RightsRequestDto e = extended.as(fr.mediance.protocol.RightsRequestDto.class);
        assertThat(e.dueOn()).isEqualTo(LocalDate.of(2027, 1, 25));
        assertThat(e.overdue()).isFalse();

        TestServer.Response future = server.postJson(
                ApiPaths.GDPR_REQUESTS,
                bureau,
                request(null, R1, "objection", "2026-12-26", false, null, null, null, null));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.problem().detail()).isEqualTo("La date de réception ne peut pas être dans le futur.");

        List<fr.mediance.protocol.RightsRequestDto> register = server.get(ApiPaths.GDPR_REQUESTS, coord)
                .as(fr.mediance.protocol.RightsRequestsResponse.class)
                .requests();
        assertThat(register)
                .extracting(fr.mediance.protocol.RightsRequestDto::id)
                .containsExactly("q-new", "q-late");
        assertThat(register.get(0).residentLabel()).isNotBlank();
        assertThat(server.get(ApiPaths.GDPR_REQUESTS, conseil1).status()).isEqualTo(403);
    }

    @Test
    void anErasureRequestIsCarriedOutByAnonymisingTheFile() {
        String bureau = server.token("bureau");
        String id = newId();
        assertApplied(
                pushOne(conseil1, op(person(id, NAME + "Efface").withLocation(GeoPointDto.manual(43.3111, 5.3791)))));
        assertThat(server.postJson(
                                ApiPaths.GDPR_REQUESTS,
                                bureau,
                                request("q-erase", id, "erasure", "2026-11-26", false, null, null, null, null))
                        .status())
                .isEqualTo(201);
        TestServer.Response done =
                server.postJson(ApiPaths.GDPR_REQUEST_ERASE.replace("{id}", "q-erase"), bureau, "{}");
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        fr.mediance.protocol.RightsRequestDto answered = done.as(fr.mediance.protocol.RightsRequestDto.class);
        assertThat(answered.status()).isEqualTo("answered");
        assertThat(answered.answeredOn()).isEqualTo(today());
        assertThat(answered.residentLabel()).isEmpty();
        assertThat(((ResidentDto) fresh(EntityType.RESIDENT, id).data()).lastName())
                .isEqualTo("Anonyme");
        assertThat(((ResidentDto) fresh(EntityType.RESIDENT, id).data()).location())
                .as("the home's place on the map goes with the name")
                .isNull();
        assertThat(everywhere("43.3111")).isEmpty();
        assertThat(everywhere(NAME + "Efface")).isEmpty();
        TestServer.Response again =
                server.postJson(ApiPaths.GDPR_REQUEST_ERASE.replace("{id}", "q-erase"), bureau, "{}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.problem().detail()).isEqualTo("Cette demande a déjà reçu sa réponse.");

        // an open case comes first
        String followed = newId();
        assertApplied(pushOne(conseil1, op(person(followed, NAME + "Suivie"))));
        assertApplied(pushOne(conseil1, op(openCaseFor(followed, today()))));
        server.postJson(
                ApiPaths.GDPR_REQUESTS,
                bureau,
                request("q-open", followed, "erasure", "2026-11-26", false, null, null, null, null));
        TestServer.Response refused =
                server.postJson(ApiPaths.GDPR_REQUEST_ERASE.replace("{id}", "q-open"), bureau, "{}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.problem().detail()).startsWith("Un accompagnement est ouvert");
        assertThat(everywhere(NAME + "Suivie")).isNotEmpty();
    }

    String adminToken() {
        return server.token("admin");
    }

    /** The record as the coordination pulls it now (a fresh token: the clock moves by years). */
    ChangeDto fresh(EntityType type, String id) {
        return pullAll(server.token("coord"), null).find(type, id);
    }

    /** An open energy case of conseil1 for {@code resident}, opened on {@code openedOn}. */
    fr.mediance.protocol.CaseDto openCaseFor(String resident, LocalDate openedOn) {
        return new fr.mediance.protocol.CaseDto(
                newId(),
                null,
                resident,
                "demo-conseil1",
                openedOn,
                null,
                List.of("energie"),
                List.of(),
                Casework.CASE_OPEN,
                null,
                null,
                List.of(),
                server.clock.instant(),
                null);
    }
}
