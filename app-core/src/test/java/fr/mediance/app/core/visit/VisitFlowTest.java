package fr.mediance.app.core.visit;

import static fr.mediance.app.core.testing.TestCores.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.Outcome;
import fr.mediance.app.core.agenda.AgendaItem;
import fr.mediance.app.core.agenda.ReportState;
import fr.mediance.app.core.document.PhotoItem;
import fr.mediance.app.core.document.PhotoState;
import fr.mediance.app.core.platform.CapturedImage;
import fr.mediance.app.core.session.SessionState;
import fr.mediance.app.core.store.Crypto;
import fr.mediance.app.core.sync.OutboxItem;
import fr.mediance.app.core.sync.SyncReport;
import fr.mediance.app.core.testing.TestCores;
import fr.mediance.protocol.AppointmentDto;
import fr.mediance.protocol.DocumentDto;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.ResidentDto;
import fr.mediance.protocol.Role;
import fr.mediance.protocol.VisitReportDto;
import fr.mediance.testing.FakeOfficeServer;
import fr.mediance.testing.MutableClock;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A counsellor's visit, from the appointment to the report and its photos at the office. */
class VisitFlowTest {
    static final Instant NINE_PARIS = Instant.parse("2026-11-27T08:00:00Z"); // 09:00 in Paris
    static final ResidentDto RESIDENT = new ResidentDto(
            "res-1",
            "s1",
            "D-42",
            "Mme",
            "Benali",
            "Fatima",
            null,
            "06 12 34 56 78",
            "12 rue des Lilas",
            "13015",
            "Marseille",
            "Interphone en panne",
            "elderly",
            "u-c1");
    static final AppointmentDto APPOINTMENT = new AppointmentDto(
            "apt-1",
            "s1",
            "res-1",
            "u-c1",
            "home_visit",
            NINE_PARIS,
            NINE_PARIS.plusSeconds(3600),
            "confirmed",
            null,
            "Apporter le formulaire FSL",
            null);

    @TempDir
    Path dir;

    final FakeOfficeServer server = new FakeOfficeServer();
    final MutableClock clock = new MutableClock(NINE_PARIS.plusSeconds(120));
    CoreContext core;

    @BeforeEach
    void setUp() {
        server.addUser("u-c1", "conseil1", PASSWORD, Role.COUNSELLOR);
        server.addCode("domain", "energie", "Énergie", 1);
        server.addCode("domain", "budget", "Budget", 2);
        server.addCode("medium", "home_visit", "Visite à domicile", 1);
        server.addCode("medium", "phone", "Téléphone", 2);
        server.addCode("document_type", "facture", "Facture", 1);
        server.serverWrite(RESIDENT);
        server.serverWrite(APPOINTMENT);
        core = TestCores.signedIn(dir.resolve("tablet"), clock, server, "conseil1");
        assertThat(core.sync().syncNow().join().ok()).isTrue();
    }

    @AfterEach
    void tearDown() {
        core.close();
        server.close();
    }

    static byte[] photo(int seed) {
        byte[] b = new byte[20_000];
        new Random(seed).nextBytes(b);
        b[0] = (byte) 0xFF;
        b[1] = (byte) 0xD8;
        b[2] = 0; // not a JPEG the downscaler would read: kept as captured (downscaling: DocumentPipelineTest)
        return b;
    }

    VisitReport fill(VisitReport draft) {
        return core.visits()
                .saveDraft(draft.withDomains(List.of("energie", "budget"))
                        .withSynthesis("Facture EDF de 412,50 € impayée.")
                        .withFollowUp("Appeler EDF Solidarité")
                        .withFollowUpDue(LocalDate.of(2026, 12, 4))
                        .withVisitAttested(true))
                .value();
    }

    @Test
    void theDayShowsTheAppointmentWithTheResident() {
        List<AgendaItem> day = core.agenda().myDay(LocalDate.of(2026, 11, 27));
        assertThat(day).singleElement().satisfies(a -> {
            assertThat(a.residentName()).isEqualTo("Fatima Benali");
            assertThat(a.address()).isEqualTo("12 rue des Lilas, 13015 Marseille");
            assertThat(a.accessNotes()).isEqualTo("Interphone en panne");
            assertThat(a.residentPhone()).isEqualTo("06 12 34 56 78");
            assertThat(a.reportState()).isEqualTo(ReportState.NONE);
        });
        assertThat(core.agenda().myDay(LocalDate.of(2026, 11, 28))).isEmpty();
        assertThat(core.agenda().myWeek(LocalDate.of(2026, 11, 29))).hasSize(1); // Sunday of the same week
    }

    @Test
    void openingAnAppointmentStartsAHomeVisitDraftOnce() {
        VisitReport draft = core.visits().openForAppointment("apt-1").orElseThrow();
        assertThat(draft.medium()).isEqualTo("home_visit");
        assertThat(draft.completed()).isFalse();
        assertThat(draft.residentId()).isEqualTo("res-1");
        assertThat(draft.counsellorId()).isEqualTo("u-c1");
        assertThat(core.visits().openForAppointment("apt-1").orElseThrow().id()).isEqualTo(draft.id());
        assertThat(core.agenda().find("apt-1").orElseThrow().reportState()).isEqualTo(ReportState.DRAFT);
        assertThat(core.visits().openForAppointment("unknown")).isEmpty();
    }

    @Test
    void aDraftIsSavedAsTypedSurvivesARestartAndNeverTravels() {
        VisitReport draft = core.visits().openForAppointment("apt-1").orElseThrow();
        core.visits().saveDraft(draft.withSynthesis("Première ligne"));
        core.close();

        core = TestCores.open(dir.resolve("tablet"), clock);
        core.unlock(TestCores.PIN);
        assertThat(core.visits().find(draft.id()).orElseThrow().synthesis()).isEqualTo("Première ligne");
        assertThat(core.visits().drafts()).extracting(VisitReport::id).containsExactly(draft.id());
        assertThat(core.sync().pendingItems()).isEmpty();
        core.sync().syncNow().join();
        assertThat(server.entity(EntityType.VISIT_REPORT, draft.id())).isNull();
    }

    @Test
    void completingValidatesInFrenchAndChangesNothingWhenInvalid() {
        VisitReport draft = core.visits().openForAppointment("apt-1").orElseThrow();
        core.visits().saveDraft(draft.withMedium(null));

        Outcome<VisitReport> r = core.visits().complete(draft.id());

        assertThat(r.fieldErrors())
                .containsEntry("medium", "Choisissez le mode de contact.")
                .containsEntry("domains", "Choisissez au moins un domaine abordé.")
                .containsEntry("synthesis", "La synthèse est obligatoire.");
        assertThat(core.visits().find(draft.id()).orElseThrow().completed()).isFalse();
        assertThat(core.sync().pendingItems()).isEmpty();
    }

    @Test
    void unknownCodesAndAPastDueDateAreRefused() {
        VisitReport draft = core.visits().openForAppointment("apt-1").orElseThrow();
        VisitReport bad = draft.withMedium("pigeon")
                .withDomains(List.of("astrologie"))
                .withSynthesis("x")
                .withFollowUpDue(LocalDate.of(2026, 1, 1))
                .withVisitAttested(true);
        assertThat(core.visits().validate(bad)).containsOnlyKeys("medium", "domains", "followUpDue");
    }

    @Test
    void completingFreezesTheReportMarksTheAppointmentDoneAndQueuesEverythingInOrder() {
        VisitReport draft = fill(core.visits().openForAppointment("apt-1").orElseThrow());
        PhotoItem bill = core.documents()
                .attach(draft.id(), new CapturedImage(photo(1), "image/jpeg", "f.jpg"), "facture")
                .value();
        assertThat(bill.state()).isEqualTo(PhotoState.LOCAL);
        clock.set(NINE_PARIS.plusSeconds(3000));

        VisitReport done = core.visits().complete(draft.id()).value();

        assertThat(done.completedAt()).isEqualTo(clock.instant());
        assertThat(core.visits().saveDraft(done.withSynthesis("changé")).message())
                .isEqualTo("Ce compte rendu est terminé : il ne peut plus être modifié.");
        assertThat(core.documents()
                        .attach(draft.id(), new CapturedImage(photo(2), "image/jpeg", null), "facture")
                        .isOk())
                .isFalse();
        assertThat(core.documents().remove(bill.id()).isOk()).isFalse();
        assertThat(core.agenda().find("apt-1").orElseThrow()).satisfies(a -> {
            assertThat(a.status()).isEqualTo("done");
            assertThat(a.reportState()).isEqualTo(ReportState.COMPLETED);
        });
        assertThat(core.sync().pendingItems())
                .extracting(OutboxItem::entity)
                .as("the resident had no case: the visit opens one")
                .containsExactly(EntityType.VISIT_REPORT, EntityType.DOCUMENT, EntityType.CASE, EntityType.APPOINTMENT);
        assertThat(core.cases()
                        .caseOn(
                                done.residentId(),
                                LocalDate.ofInstant(done.startedAt(), java.time.ZoneId.of("Europe/Paris"))))
                .hasValueSatisfying(k -> assertThat(k.domains()).isEqualTo(done.domains()));
        assertThat(core.sync().status().pendingPhotos()).isEqualTo(1);
        assertThat(core.documents().photos(draft.id()))
                .singleElement()
                .satisfies(p -> assertThat(p.state()).isEqualTo(PhotoState.WAITING_UPLOAD));
        assertThat(core.visits().complete(draft.id()).isOk()).isTrue(); // twice changes nothing
        assertThat(core.sync().pendingItems()).hasSize(4);
    }

    @Test
    void theReportAndItsPhotoReachTheServerVerifiedByHash() {
        VisitReport draft = fill(core.visits().openForAppointment("apt-1").orElseThrow());
        byte[] bytes = photo(3);
        PhotoItem bill = core.documents()
                .attach(draft.id(), new CapturedImage(bytes, "image/jpeg", "f.jpg"), "facture")
                .value();
        core.visits().complete(draft.id());

        SyncReport report = core.sync().syncNow().join();

        assertThat(report.result()).isEqualTo(SyncReport.Result.OK);
        assertThat(report.pushed()).isEqualTo(4); // report, document, the case it opened, appointment
        assertThat(report.photosSent()).isEqualTo(1);
        assertThat(server.blob(Crypto.sha256Hex(bytes))).isEqualTo(bytes);
        assertThat(server.heads.get()).isZero(); // asked once for the batch, not photo by photo
        assertThat(server.options.get()).isEqualTo(1);
        assertThat(server.creations.get()).isEqualTo(1);
        assertThat(server.patches.get()).isEqualTo(1); // 20 KB: one chunk
        assertThat(server.puts.get()).isZero();
        assertThat(server.entity(EntityType.VISIT_REPORT, draft.id()))
                .isInstanceOfSatisfying(VisitReportDto.class, v -> {
                    assertThat(v.domains()).containsExactly("energie", "budget");
                    assertThat(v.synthesis()).isEqualTo("Facture EDF de 412,50 € impayée.");
                    assertThat(v.completedAt()).isNotNull();
                });
        assertThat(server.entity(EntityType.DOCUMENT, bill.id()))
                .isInstanceOfSatisfying(
                        DocumentDto.class, d -> assertThat(d.sha256()).isEqualTo(Crypto.sha256Hex(bytes)));
        assertThat(((AppointmentDto) server.entity(EntityType.APPOINTMENT, "apt-1")).status())
                .isEqualTo("done");
        assertThat(core.documents().photos(draft.id()))
                .singleElement()
                .satisfies(p -> assertThat(p.state()).isEqualTo(PhotoState.UPLOADED));
        assertThat(core.sync().status().upToDate()).isTrue();
        assertThat(core.visits().find(draft.id()).orElseThrow().acknowledged()).isTrue();
    }

    @Test
    void aPhotoTheServerAlreadyHoldsIsNotSentAgain() {
        byte[] bytes = photo(4);
        server.putBlob(bytes);
        VisitReport draft = fill(core.visits().openForAppointment("apt-1").orElseThrow());
        core.documents().attach(draft.id(), new CapturedImage(bytes, "image/jpeg", null), "facture");
        core.visits().complete(draft.id());

        SyncReport report = core.sync().syncNow().join();

        assertThat(report.photosSent()).isEqualTo(1);
        assertThat(server.heads.get()).isZero(); // asked once for the batch, not photo by photo
        assertThat(server.puts.get()).isZero();
        assertThat(core.sync().status().pendingPhotos()).isZero();
    }

    @Test
    void aPhotoCutOffByTheNetworkIsSentLater() {
        byte[] bytes = photo(5);
        VisitReport draft = fill(core.visits().openForAppointment("apt-1").orElseThrow());
        core.documents().attach(draft.id(), new CapturedImage(bytes, "image/jpeg", null), "facture");
        core.visits().complete(draft.id());
        server.fail("/api/v1/blobs/", 503);

        SyncReport first = core.sync().syncNow().join();

        assertThat(first.result()).isEqualTo(SyncReport.Result.FAILED);
        assertThat(first.pushed()).isEqualTo(4); // the report is at the office, the photo still on its way
        assertThat(core.sync().status().pendingPhotos()).isEqualTo(1);
        server.fail("/api/v1/blobs/", 0);
        assertThat(core.sync().syncNow().join().photosSent()).isEqualTo(1);
        assertThat(server.hasBlob(Crypto.sha256Hex(bytes))).isTrue();
    }

    @Test
    void aRevokedTabletSendsItsReportAndItsPhotoBeforeWipingItself() {
        byte[] bytes = photo(7);
        VisitReport draft = fill(core.visits().openForAppointment("apt-1").orElseThrow());
        core.documents().attach(draft.id(), new CapturedImage(bytes, "image/jpeg", null), "facture");
        core.visits().complete(draft.id());
        server.revokeDeviceForWipe(core.session().account().orElseThrow().deviceId());

        SyncReport report = core.sync().syncNow().join();

        assertThat(report.message()).contains("retiré par votre structure");
        assertThat(core.state()).isEqualTo(SessionState.NO_ACCOUNT);
        assertThat(server.entity(EntityType.VISIT_REPORT, draft.id())).isNotNull();
        assertThat(server.hasBlob(Crypto.sha256Hex(bytes))).isTrue();
    }

    @Test
    void photosOfADraftCanBeRetypedAndRemoved() {
        VisitReport draft = core.visits().openForAppointment("apt-1").orElseThrow();
        byte[] bytes = photo(6);
        PhotoItem p = core.documents()
                .attach(draft.id(), new CapturedImage(bytes, "image/jpeg", null), "facture")
                .value();
        assertThat(core.documents().readBytes(p.id()))
                .hasValueSatisfying(b -> assertThat(b).isEqualTo(bytes));
        assertThat(core.documents().changeType(p.id(), "inconnu").fieldErrors()).containsKey("type");
        assertThat(core.documents()
                        .attach(draft.id(), new CapturedImage(new byte[0], null, null), "")
                        .fieldErrors())
                .containsOnlyKeys("image", "type");

        assertThat(core.documents().remove(p.id()).isOk()).isTrue();
        assertThat(core.documents().photos(draft.id())).isEmpty();
        assertThat(core.documents().readBytes(p.id())).isEmpty();
    }

    @Test
    void theOfficeSeesTheReportAndDownloadsThePhotoIntoItsEncryptedCache() {
        server.addUser("u-b", "bureau", PASSWORD, Role.OFFICE);
        VisitReport draft = fill(core.visits().openForAppointment("apt-1").orElseThrow());
        byte[] bytes = photo(7);
        PhotoItem p = core.documents()
                .attach(draft.id(), new CapturedImage(bytes, "image/jpeg", null), "facture")
                .value();
        core.visits().complete(draft.id());
        server.fail("/api/v1/blobs/", 503); // the report arrives before its photo
        core.sync().syncNow().join();
        server.fail("/api/v1/blobs/", 0);

        try (CoreContext office = TestCores.signedIn(dir.resolve("office"), clock, server, "bureau")) {
            office.sync().syncNow().join();
            assertThat(office.office().receivedReports()).singleElement().satisfies(r -> {
                assertThat(r.residentName()).isEqualTo("Fatima Benali");
                assertThat(r.counsellorName()).isEqualTo("conseil1 (counsellor)");
                assertThat(r.domainLabels()).containsExactly("Énergie", "Budget");
                assertThat(r.photoCount()).isEqualTo(1);
            });
            assertThat(office.office().refreshPhotoAvailability().value()).isEqualTo(1);
            assertThat(office.office().receivedReports().get(0).photosAwaited()).isEqualTo(1);
            assertThat(office.office().photo(p.id()).message()).startsWith("Cette photo n'est pas encore arrivée");

            core.sync().syncNow().join(); // the tablet sends the photo
            assertThat(office.office().refreshPhotoAvailability().value()).isZero();
            assertThat(office.office().photo(p.id()).value()).isEqualTo(bytes);
            int gets = server.gets.get();
            assertThat(office.office().photo(p.id()).value()).isEqualTo(bytes);
            assertThat(server.gets.get()).isEqualTo(gets); // served from the encrypted cache
            assertThat(office.office().open(draft.id()).orElseThrow()).satisfies(d -> {
                assertThat(d.report().synthesis()).isEqualTo("Facture EDF de 412,50 € impayée.");
                assertThat(d.resident().displayName()).isEqualTo("Fatima Benali");
                assertThat(d.photos())
                        .singleElement()
                        .satisfies(x -> assertThat(x.state()).isEqualTo(PhotoState.CACHED));
            });
        }
    }
}
