package fr.mediance.app.screens;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.AppComposition;
import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.platform.CapturedImage;
import fr.mediance.app.core.visit.VisitReport;
import fr.mediance.app.testing.DemoOffice;
import fr.mediance.app.testing.UiTest;
import fr.mediance.app.theme.Theme;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders each main screen at tablet portrait (800×1280), phone (390×844) and desktop (1366×768) and writes
 * PNG files to {@code app/target/screenshots/} for a person to look at.
 */
class ScreenshotsTest extends UiTest {

    record Size(String name, double width, double height) {}

    static final List<Size> SIZES =
            List.of(new Size("tablet", 800, 1280), new Size("phone", 390, 844), new Size("desktop", 1366, 768));

    @TempDir
    Path dir;

    DemoOffice office;
    Path out;

    @BeforeEach
    void setUp() throws IOException {
        office = new DemoOffice();
        out = Path.of(System.getProperty("mediance.screenshots", "target/screenshots"));
        Files.createDirectories(out);
    }

    @AfterEach
    void tearDown() throws Exception {
        cleanUp();
        office.close();
    }

    private AppComposition current;

    boolean has(String query) {
        return current != null && from(current.shell()).lookup(query).tryQuery().isPresent();
    }

    org.testfx.service.query.NodeQuery in(String query) {
        return from(current.shell()).lookup(query);
    }

    AppComposition compose(CoreContext core) {
        byte[] jpeg = DemoOffice.jpeg();
        try {
            current = show(
                    () -> office.compose(
                            core,
                            () -> CompletableFuture.supplyAsync(
                                    () -> Optional.of(new CapturedImage(jpeg, "image/jpeg", "facture.jpg")))),
                    800,
                    1280);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(e);
        }
        return current;
    }

    void shoot(AppComposition app, String screen) {
        shoot(app, screen, -1);
    }

    /** Shoots at every size, the page scrolled to {@code scroll} (0 top, 1 bottom; negative: as it is). */
    void shoot(AppComposition app, String screen, double scroll) {
        shoot(app, screen, scroll, SIZES);
    }

    /** Shoots at the given sizes, the page scrolled to {@code scroll} (negative: as it is). */
    /** Shoots at the sizes given. */
    void shoot(AppComposition app, String screen, double scroll, List<Size> sizes) {
        for (Size size : sizes) {
            Scene[] scene = new Scene[1];
            interact(() -> {
                stage.getScene().setRoot(new Pane());
                if (app.shell().getScene() != null) {
                    app.shell().getScene().setRoot(new Pane());
                }
                scene[0] = new Scene(app.shell(), size.width(), size.height());
                Theme.style(scene[0]);
            });
            WaitForAsyncUtils.waitForFxEvents();
            // the first passes lay out at this size (a view that renders again for its size does it after a pass)
            for (int pass = 0; pass < 2; pass++) {
                interact(() -> scene[0].snapshot(null));
                WaitForAsyncUtils.waitForFxEvents();
            }
            if (scroll >= 0) {
                scrollPageTo(scroll);
                interact(() -> scene[0].snapshot(null));
                WaitForAsyncUtils.waitForFxEvents();
            }
            WritableImage[] image = new WritableImage[1];
            interact(() -> image[0] = scene[0].snapshot(null));
            File file = out.resolve(screen + "-" + size.name() + ".png").toFile();
            try {
                ImageIO.write(SwingFXUtils.fromFXImage(image[0], null), "png", file);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            assertThat(file).exists();
        }
        interact(() -> {
            app.shell().getScene().setRoot(new Pane());
            stage.getScene().setRoot(app.shell());
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void login_second_factor_enrolment() {
        CoreContext core = office.core(dir);
        AppComposition app = compose(core);
        until(() -> has("#login-submit"));
        office.server.requireTotpEnrolment("bureau");
        interact(() -> {
            ((javafx.scene.control.TextField) lookup("#login-username").query()).setText("bureau");
            ((javafx.scene.control.TextField) lookup("#login-password").query()).setText(DemoOffice.PASSWORD);
        });
        clickOn("#login-submit");
        until(() -> lookup("#login-totp-qr").query().getParent().isVisible());
        shoot(app, "login-second-factor-enrolment");
        office.server.requireTotp("bureau", null); // the other screens sign in without it
    }

    @Test
    void login_and_pin() {
        CoreContext core = office.core(dir);
        AppComposition app = compose(core);
        until(() -> has("#login-submit"));
        shoot(app, "login");
        office.server.requireTotp("bureau", fr.mediance.protocol.Accounts.DEMO_TOTP_SECRET);
        interact(() -> {
            ((javafx.scene.control.TextField) lookup("#login-username").query()).setText("bureau");
            ((javafx.scene.control.TextField) lookup("#login-password").query()).setText(DemoOffice.PASSWORD);
        });
        clickOn("#login-submit");
        until(() -> lookup("#login-totp").query().isVisible());
        shoot(app, "login-second-factor");
        office.server.requireTotp("bureau", null); // the other screens sign in without it
        interact(() ->
                ((javafx.scene.control.TextField) lookup("#login-server").query()).setText("http://192.0.2.10:8080"));
        until(() -> has("#login-plain-http-ok"));
        shoot(app, "login-plain-http");
        core.login(office.server.url(), "conseil1", DemoOffice.PASSWORD);
        until(() -> has("#pin-heading"));
        shoot(app, "pin");
        core.close();
    }

    @Test
    void coordinator_round_map() {
        fr.mediance.app.roundmap.RoundsDemo.seed(office);
        CoreContext core = office.signedIn(dir, "coord");
        AppComposition app = compose(core);
        until(() -> has("#nav-MAP"));
        interact(() -> app.shell().open("MAP"));
        until(() -> has("#map-route-u-c3") && in(".map-pin").queryAll().size() == 11);
        shoot(
                app,
                "round-map",
                -1,
                List.of(new Size("desktop-1920", 1920, 1080), new Size("tablet-landscape", 1280, 800)));
        interact(() -> in("#map-place-r3").queryButton().fire());
        until(() -> has("#map-move-prompt") && in("#map-move-prompt").query().isVisible());
        moveTo(in("#route-map").<javafx.scene.Node>query()).moveBy(-40, -60);
        clickOn();
        until(() -> has(".map-pending"));
        shoot(app, "round-map-move", -1, List.of(new Size("tablet-landscape", 1280, 800)));
        core.close();
    }

    @Test
    void counsellor_agenda_changes_since_last_look() {
        CoreContext core = office.signedIn(dir, "conseil1");
        AppComposition app = compose(core);
        until(() -> has("#appointment-a1"));
        fr.mediance.app.agenda.AgendaChangesDemo.coordinationChanges(office);
        core.sync().syncNow().join();
        until(() -> in("#agenda-changes").query().isVisible());
        interact(() -> in("#agenda-changes-toggle").query().getOnMouseClicked().handle(null));
        until(() -> in("#agenda-changes-list").query().isVisible());
        shoot(app, "agenda-changes", 0, List.of(new Size("phone-412", 412, 915)));
        core.close();
    }

    @Test
    void counsellor_agenda_visit_and_sync() {
        CoreContext core = office.signedIn(dir, "conseil1");
        AppComposition app = compose(core);
        until(() -> has("#appointment-a1"));
        shoot(app, "agenda");
        VisitReport draft = core.visits()
                .openForAppointment("a1")
                .orElseThrow()
                .withDomains(List.of("energie", "courriers"))
                .withSynthesis("Facture d'électricité de 412,30 € en retard de deux mois. Mme Benali a reçu une lettre "
                        + "de relance. Échéancier demandé au fournisseur ; dossier FSL à préparer.")
                .withFollowUp("Appeler le fournisseur pour confirmer l'échéancier");
        core.visits().saveDraft(draft);
        core.documents().attach(draft.id(), new CapturedImage(DemoOffice.jpeg(), "image/jpeg", null), "facture");
        core.documents().attach(draft.id(), new CapturedImage(DemoOffice.jpeg(), "image/jpeg", null), "relance");
        interact(() -> in("#appointment-a1").query().getOnMouseClicked().handle(null));
        until(() -> has("#visit-synthesis")
                && in("#visit-photos .image-view").queryAll().size() == 2);
        until(() -> in("#visit-photos .image-view").queryAllAs(javafx.scene.image.ImageView.class).stream()
                .allMatch(i -> i.getImage() != null));
        shoot(app, "visit");
        interact(() -> in("#back").queryButton().fire());
        interact(() ->
                in("#nav-SYNC").queryAs(javafx.scene.control.ToggleButton.class).fire());
        until(() -> has("#sync-now"));
        shoot(app, "sync");
        core.close();
    }

    @Test
    void counsellor_intake_new_file_contact_and_case() {
        fr.mediance.app.casework.CaseworkDemo.codes(office);
        CoreContext core = office.signedIn(dir, "conseil1");
        core.cases()
                .recordRequest(new fr.mediance.app.core.casework.RequestForm(
                        "r1",
                        null,
                        fr.mediance.protocol.Casework.CHANNEL_PARTNER,
                        "edf_solidarite",
                        List.of("energie"),
                        List.of(
                                fr.mediance.protocol.Casework.URGENCY_POWER_REDUCED,
                                fr.mediance.protocol.Casework.URGENCY_COURT_DATE),
                        java.time.LocalDate.now(DemoOffice.PARIS).plusDays(40),
                        "Puissance réduite depuis une semaine ; assignation pour impayé de loyer reçue."))
                .value();
        String caseId = core.cases().current("r1").orElseThrow().id();
        core.cases()
                .edit(
                        caseId,
                        List.of("energie", "logement"),
                        List.of("Rétablir la pleine puissance", "Dossier FSL énergie"),
                        "u-c1")
                .value();
        AppComposition app = compose(core);
        until(() -> has("#agenda-new-resident"));
        interact(() -> in("#agenda-new-resident").queryButton().fire());
        until(() -> has("#new-resident-lastName"));
        interact(() -> {
            in("#new-resident-lastName")
                    .queryAs(javafx.scene.control.TextField.class)
                    .setText("Benali");
            in("#new-resident-firstName")
                    .queryAs(javafx.scene.control.TextField.class)
                    .setText("Fatima");
            in("#new-resident-street")
                    .queryAs(javafx.scene.control.TextField.class)
                    .setText("12 rue des Lilas");
            in("#new-resident-postcode")
                    .queryAs(javafx.scene.control.TextField.class)
                    .setText("13015");
            in("#new-resident-city")
                    .queryAs(javafx.scene.control.TextField.class)
                    .setText("Marseille");
            in("#new-resident-create").queryButton().fire();
        });
        until(() -> in("#new-resident-duplicates").query().isVisible());
        shoot(app, "new-resident-duplicate");
        interact(() -> in("#back").queryButton().fire());
        interact(() -> in("#agenda-contact").queryButton().fire());
        until(() -> has("#contact-search") && has("#contact-domain-energie"));
        interact(() -> {
            in("#contact-search").queryAs(javafx.scene.control.TextField.class).setText("Benali");
            in("#contact-search-go").queryButton().fire();
        });
        until(() -> has("#contact-results .button"));
        interact(() -> in("#contact-results .button").queryButton().fire());
        interact(() -> in("#contact-domain-energie")
                .queryAs(javafx.scene.control.ToggleButton.class)
                .fire());
        shoot(app, "contact", 0);
        interact(() -> in("#contact-kind-anonymous")
                .queryAs(javafx.scene.control.ToggleButton.class)
                .fire());
        interact(() -> in("#contact-action-information_droits")
                .queryAs(javafx.scene.control.ToggleButton.class)
                .fire());
        shoot(app, "contact-anonymous", 0);
        interact(() -> in("#back").queryButton().fire());
        open("RESIDENTS");
        until(() -> has("#resident-row-r1"));
        interact(() -> in("#resident-row-r1").query().getOnMouseClicked().handle(null));
        until(() -> has("#resident-tab-case"));
        interact(() -> in("#resident-tab-case")
                .queryAs(javafx.scene.control.ToggleButton.class)
                .fire());
        until(() -> has("#case-save") && in("#case-save").query().isVisible());
        shoot(app, "resident-case", 0);
        interact(() -> {
            in("#case-outcome-fsl_granted")
                    .queryAs(javafx.scene.control.CheckBox.class)
                    .fire();
            in("#case-outcome-amount-fsl_granted")
                    .queryAs(javafx.scene.control.TextField.class)
                    .setText("450,00");
        });
        shoot(app, "resident-case-closing", 1.0);
        core.close();
    }

    /** Ceil of a / b. */
    static int chunks(long size, int chunk) {
        return (int) ((size + chunk - 1) / chunk);
    }

    /** Scrolls the current page (0 top, 1 bottom). */
    void scrollPageTo(double v) {
        interact(() -> in(".scroll-pane").queryAllAs(javafx.scene.control.ScrollPane.class).stream()
                .filter(p -> p.getStyleClass().contains("content"))
                .forEach(p -> p.setVvalue(v)));
    }

    void open(String place) {
        interact(() -> in("#nav-" + place)
                .queryAs(javafx.scene.control.ToggleButton.class)
                .fire());
    }

    @Test
    void counsellor_photos_on_their_way_then_received() {
        CoreContext core = office.signedIn(dir, "conseil1");
        String report = DemoOffice.completeVisit(core, "a1", "facture", "relance");
        String first = core.documents().photos(report).get(0).id();
        String second = core.documents().photos(report).get(1).id();
        int chunk = 16 * 1024;
        // the first photo arrives, the second is held after two of its chunks
        CountDownLatch release =
                office.holdUploadAt(chunk, chunks(DemoOffice.travellingSize(core, report, 0), chunk) + 3);
        AppComposition app = compose(core);
        try {
            until(() -> has("#appointment-a1"));
            interact(() -> in("#appointment-a1").query().getOnMouseClicked().handle(null));
            until(() -> has("#visit-frozen")
                    && in("#visit-photos .image-view").queryAllAs(javafx.scene.image.ImageView.class).stream()
                                    .filter(i -> i.getImage() != null)
                                    .count()
                            == 2);
            until(() -> "En attente"
                    .equals(in("#photo-state-" + second).queryLabeled().getText()));
            core.sync().syncNow();
            until(() -> in("#photo-state-" + second).queryLabeled().getText().matches("Envoi [1-9]\\d? %"));
            assertThat(in("#photo-state-" + first).queryLabeled().getText()).isEqualTo("Reçue par le bureau");
            until(() -> in("#visit-delivery").queryLabeled().getText().startsWith("Envoi au bureau en cours"));
            shoot(app, "visit-sending");
            shoot(app, "visit-sending-photos", 1.0);
            scrollPageTo(0);
            interact(() -> in("#back").queryButton().fire());
            open("SYNC");
            until(() -> has("#sync-photo-" + second + "-progress") && has("#sync-received-list #sync-photo-" + first));
            shoot(app, "sync-sending");
        } finally {
            release.countDown();
        }
        until(() -> in("#sync-summary").queryLabeled().getText().startsWith("Tout est reçu par le bureau"));
        shoot(app, "sync-received");
        core.close();
    }

    @Test
    void counsellor_needs_attention_then_offline() {
        CoreContext core = office.signedIn(dir, "conseil1");
        String refused = DemoOffice.completeVisit(core, "a1");
        DemoOffice.completeVisit(core, "a2");
        office.server.reject(
                refused,
                "Ce rendez-vous a été annulé par la coordination : vérifiez avec elle avant "
                        + "d'envoyer le compte rendu à nouveau.");
        core.sync().syncNow().join();
        AppComposition app = compose(core);
        until(() -> has("#nav-SYNC"));
        open("SYNC");
        until(() -> has("#sync-attention-list .button"));
        shoot(app, "sync-attention");
        office.server.goOffline();
        DemoOffice.completeVisit(core, "a4", "facture", "quittance");
        core.sync().syncNow().join();
        until(() -> in("#sync-summary").queryLabeled().getText().startsWith("Hors ligne")
                && in("#sync-pending-list .sync-item").queryAll().size() == 5); // with the case the visit opened
        shoot(app, "sync-offline");
        core.close();
    }

    @Test
    void coordinator_conflicts() {
        office.conflict(
                "c1",
                "phone",
                "06 12 34 56 78",
                "06 11 11 11 11",
                "06 22 22 22 22",
                java.time.Instant.parse("2026-11-26T09:02:00Z"));
        office.conflict(
                "c2",
                "accessNotes",
                "Digicode 1234B, 2e étage",
                "Digicode 4821A, 2e étage, porte gauche",
                null,
                java.time.Instant.parse("2026-11-26T13:47:00Z"));
        CoreContext core = office.signedIn(dir, "coord");
        AppComposition app = compose(core);
        until(() -> has("#nav-CONFLICTS-badge")
                && "2".equals(in("#nav-CONFLICTS-badge").queryLabeled().getText()));
        open("CONFLICTS");
        until(() -> has("#conflict-c2"));
        interact(() -> in("#conflict-c1-client")
                .queryAs(javafx.scene.control.RadioButton.class)
                .setSelected(true));
        shoot(app, "conflicts");
        interact(() -> in("#conflict-c1-resolve").queryButton().fire());
        until(() -> !has("#conflict-c1"));
        interact(() -> in("#conflict-c2-server")
                .queryAs(javafx.scene.control.RadioButton.class)
                .setSelected(true));
        interact(() -> in("#conflict-c2-resolve").queryButton().fire());
        until(() -> has("#conflicts-empty"));
        shoot(app, "conflicts-empty");
        core.close();
    }

    @Test
    void admin_access_log() {
        office.server.addUser("u-a1", "admin", "Admin Médiance", DemoOffice.PASSWORD, fr.mediance.protocol.Role.ADMIN);
        java.time.Instant t = java.time.Instant.parse("2026-11-27T09:12:00Z");
        String resident = "r1";
        office.server.auditJournal.addAll(List.of(
                new fr.mediance.protocol.AuditEventDto(
                        "e1",
                        t,
                        "u-c1",
                        "conseil1",
                        "tablette-awa",
                        "device",
                        "read",
                        "resident",
                        resident,
                        resident,
                        "fiche ouverte sur l'appareil"),
                new fr.mediance.protocol.AuditEventDto(
                        "e2",
                        t.plusSeconds(600),
                        "u-c1",
                        "conseil1",
                        "tablette-awa",
                        "server",
                        "update",
                        "resident",
                        resident,
                        resident,
                        "champs : phone, accessNotes"),
                new fr.mediance.protocol.AuditEventDto(
                        "e3",
                        t.plusSeconds(1800),
                        "u-o1",
                        "bureau",
                        "poste-accueil",
                        "server",
                        "export",
                        "resident_export",
                        resident,
                        resident,
                        "format pdf, 23 enregistrements"),
                new fr.mediance.protocol.AuditEventDto(
                        "e4",
                        t.plusSeconds(2400),
                        "u-c2",
                        "conseil2",
                        "tablette-karim",
                        "server",
                        "read",
                        "document",
                        "doc-7f3a91c2",
                        resident,
                        "fichier téléchargé")));
        CoreContext core = office.signedIn(dir, "admin");
        AppComposition app = compose(core);
        open("AUDIT");
        until(() -> has("#audit-row-3"));
        shoot(app, "audit-log");
        core.close();
    }

    /** The coordinator's week at the sizes it is made for: a desktop, a tablet in landscape, a phone (one day). */
    static final List<Size> WEEK_SIZES = List.of(
            new Size("desktop", 1920, 1080), new Size("tablet-landscape", 1280, 800), new Size("phone", 412, 915));

    @Test
    void coordinator_week() {
        office.weekOfRounds();
        CoreContext core = office.signedIn(dir, "coord");
        // a move made on this device and not sent yet: its block shows the « en attente d'envoi » mark
        assertThat(core.agenda()
                        .move(
                                "w6",
                                "u-c3",
                                java.time.ZonedDateTime.of(
                                                DemoOffice.boardDay(), java.time.LocalTime.of(10, 0), DemoOffice.PARIS)
                                        .toInstant())
                        .isOk())
                .isTrue();
        AppComposition app = compose(core);
        until(() -> has("#week-block-w8") && has("#week-task-tw4"));
        shoot(app, "week", -1, WEEK_SIZES);
        core.close();
    }

    @Test
    void coordinator_planning() {
        CoreContext core = office.signedIn(dir, "coord");
        AppComposition app = compose(core);
        until(() -> has("#week-new"));
        interact(() -> in("#week-new").queryButton().fire());
        until(() -> has("#planning-submit")
                && !in("#planning-counsellor").queryComboBox().getItems().isEmpty());
        shoot(app, "planning");
        open("RESIDENTS");
        until(() -> has("#resident-search"));
        interact(() -> in("#resident-search")
                .queryAs(javafx.scene.control.TextField.class)
                .setText("Zorro"));
        until(() -> has("#resident-search-empty"));
        interact(() -> in("#resident-new").queryButton().fire());
        shoot(app, "residents-none-new");
        core.close();
    }

    @Test
    void office_reports() throws IOException {
        CoreContext tablet = office.signedIn(Files.createDirectories(dir.resolve("tablet")), "conseil1");
        DemoOffice.completeVisit(tablet, "a1", "facture");
        assertThat(tablet.sync().syncNow().join().ok()).isTrue();
        // a second visit whose second photo is still on its way when the office looks
        String report = DemoOffice.completeVisit(tablet, "a2", "facture", "relance", "avis_imposition");
        int chunk = 64 * 1024;
        CountDownLatch release =
                office.holdUploadAt(chunk, chunks(DemoOffice.travellingSize(tablet, report, 0), chunk) + 1);
        CompletableFuture<?> sending = tablet.sync().syncNow();
        String arrived = tablet.documents().photos(report).get(0).sha256();
        for (int i = 0; i < 400 && !office.server.hasBlob(arrived); i++) {
            WaitForAsyncUtils.sleep(50, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
        assertThat(office.server.hasBlob(arrived)).isTrue();
        CoreContext core = office.signedIn(Files.createDirectories(dir.resolve("office")), "bureau");
        AppComposition app = compose(core);
        try {
            until(() -> in("#office-list .list-item").queryAll().size() == 2);
            until(() -> in("#office-list .image-view").queryAllAs(javafx.scene.image.ImageView.class).stream()
                            .filter(i -> i.getImage() != null)
                            .count()
                    == 2);
            assertThat(in("#office-list .list-item").queryAll().stream()
                            .flatMap(n ->
                                    from(n)
                                            .lookup(".status-label")
                                            .queryAllAs(javafx.scene.control.Label.class)
                                            .stream())
                            .map(javafx.scene.control.Label::getText))
                    .contains("2 photos sur 3 en attente");
            shoot(app, "office");
        } finally {
            release.countDown();
        }
        sending.join();
        tablet.close();
        String first = in("#office-list .list-item").query().getId();
        interact(() -> in("#" + first).query().getOnMouseClicked().handle(null));
        until(() -> in("#office-photos .image-view")
                .tryQuery()
                .map(n -> ((javafx.scene.image.ImageView) n).getImage() != null)
                .orElse(false));
        shoot(app, "office-report");
        core.close();
    }

    /** The counsellor's week, an appointment's panel, describing and viewing a document, the check-in bar. */
    @Test
    void counsellor_week_appointment_documents_and_check_in() {
        java.time.LocalDate today = java.time.LocalDate.now(DemoOffice.PARIS);
        java.time.ZonedDateTime start = today.atTime(9, 30).atZone(DemoOffice.PARIS);
        office.server.addCode("cancel_reason", "hospitalisation", "Hospitalisation", 1);
        office.server.addCode("cancel_reason", "oubli", "Oubli du rendez-vous", 2);
        office.server.addCode("action_type", "demande_fsl", "Demande FSL", 1);
        office.server.addCode("action_type", "echeancier", "Demande d'échéancier", 2);
        office.server.addCode("action_result", "accorde", "Accordé", 1);
        office.server.addCode("document_purpose", "fsl", "Dossier FSL", 1);
        office.server.addCode("document_purpose", "cheque_energie", "Chèque énergie", 2);
        office.server.addCode("appointment_type", "desk", "Au bureau", 2);
        office.server.addCode("appointment_type", "phone", "Téléphone", 3);
        office.server.serverWrite(new fr.mediance.protocol.AppointmentDto(
                "a1",
                "s1",
                "r1",
                "u-c1",
                "home_visit",
                start.toInstant(),
                start.plusHours(1).toInstant(),
                "confirmed",
                null,
                "Apporter le formulaire FSL signé",
                null,
                List.of("Récupérer l'avis d'imposition 2025", "Rapporter la copie de la facture EDF"),
                "Visite en binôme (chien dans le jardin)"));
        java.time.LocalDate monday =
                today.with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
        java.time.LocalDate other = today.equals(monday) ? monday.plusDays(2) : monday;
        java.time.ZonedDateTime o = other.atTime(14, 0).atZone(DemoOffice.PARIS);
        office.server.serverWrite(new fr.mediance.protocol.AppointmentDto(
                "a6",
                "s1",
                "r4",
                "u-c1",
                "desk",
                o.toInstant(),
                o.plusMinutes(45).toInstant(),
                "no_show",
                null,
                null,
                "oubli"));
        office.server.serverWrite(new fr.mediance.protocol.AppointmentDto(
                "a7",
                "s1",
                "r3",
                "u-c1",
                "phone",
                o.plusHours(2).toInstant(),
                o.plusHours(2).plusMinutes(20).toInstant(),
                "confirmed",
                null,
                null,
                null));
        java.time.Instant last =
                today.minusDays(45).atTime(10, 30).atZone(DemoOffice.PARIS).toInstant();
        office.server.serverWrite(new fr.mediance.protocol.VisitReportDto(
                "v-old",
                "s1",
                null,
                "r1",
                "u-c1",
                "home_visit",
                List.of("energie"),
                "Facture EDF de 412,30 € impayée depuis deux mois ; lettre de relance reçue.\n"
                        + "Échéancier demandé au fournisseur par téléphone pendant la visite.\nDossier FSL déposé.\n"
                        + "Rappeler en décembre.",
                null,
                null,
                last.minusSeconds(3600),
                last,
                null,
                null,
                null,
                List.of(),
                List.of(),
                null,
                List.of(
                        new fr.mediance.protocol.ActionDto(
                                "x1",
                                "demande_fsl",
                                "energie",
                                "FSL 13",
                                null,
                                "accorde",
                                41230L,
                                41230L,
                                null,
                                false,
                                null,
                                null),
                        new fr.mediance.protocol.ActionDto(
                                "x2", "echeancier", "energie", "EDF", null, null, null, null, null, false, null, null)),
                List.of(),
                null,
                true,
                null));
        office.server.serverWrite(new fr.mediance.protocol.TaskDto(
                "t1",
                "s1",
                "r1",
                "v-old",
                "u-c1",
                "Vérifier la décision FSL",
                today.plusDays(15),
                "todo",
                "fsl_check",
                "x1",
                last,
                null));
        office.server.serverWrite(new fr.mediance.protocol.TaskDto(
                "t2",
                "s1",
                "r1",
                "v-old",
                "u-c1",
                "Relancer EDF pour l'échéancier",
                today.minusDays(3),
                "todo",
                null,
                null,
                last,
                null));
        office.server.serverWrite(new fr.mediance.protocol.DocumentDto(
                "d1",
                "s1",
                "v-old",
                "r1",
                "facture",
                "ab".repeat(32),
                "image/jpeg",
                1000,
                last,
                today.plusYears(1),
                "Électricité septembre",
                "EDF",
                41230L,
                today.plusDays(12),
                List.of("fsl"),
                "photo_in_app"));
        CoreContext core = office.signedIn(dir, "conseil1");
        fr.mediance.app.core.platform.Location here = new fr.mediance.app.core.platform.Location() {
            @Override
            public boolean available() {
                return true;
            }

            @Override
            public CompletableFuture<Optional<fr.mediance.app.core.platform.Position>> current(java.time.Duration t) {
                return CompletableFuture.completedFuture(Optional.of(
                        new fr.mediance.app.core.platform.Position(43.3412, 5.3699, 12.0, java.time.Instant.now())));
            }
        };
        fr.mediance.app.core.platform.ExternalApps apps = new fr.mediance.app.core.platform.ExternalApps() {
            @Override
            public boolean canCall() {
                return true;
            }

            @Override
            public Result call(String phone) {
                return Result.OPENED;
            }

            @Override
            public boolean canShowMap() {
                return true;
            }

            @Override
            public Result showMap(String address) {
                return Result.OPENED;
            }
        };
        AppComposition app;
        try {
            app = current = show(
                    () -> new AppComposition(
                            core,
                            () -> CompletableFuture.completedFuture(Optional.empty()),
                            apps,
                            here,
                            DemoOffice.TEXTS,
                            office.background(),
                            javafx.application.Platform::runLater,
                            office.server.url()),
                    800,
                    1280);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(e);
        }
        until(() -> has("#appointment-a1"));
        interact(() -> in("#agenda-week")
                .queryAs(javafx.scene.control.ToggleButton.class)
                .fire());
        until(() -> has("#appointment-a6") && has("#appointment-a5"));
        shoot(app, "agenda-week");
        interact(() -> in("#agenda-today")
                .queryAs(javafx.scene.control.ToggleButton.class)
                .fire());
        until(() -> !has("#appointment-a6"));
        interact(() -> in("#appointment-a1-prepare").queryButton().fire());
        until(() -> has("#appointment-resident") && has("#appointment-task-t1"));
        shoot(app, "appointment");
        shoot(app, "appointment-bottom", 1.0);
        scrollPageTo(0);
        interact(() -> in("#appointment-open-visit").queryButton().fire());
        until(() -> has("#check-in-bar") && in("#check-in-bar").query().isVisible());
        interact(() -> in("#check-in-enabled")
                .queryAs(javafx.scene.control.CheckBox.class)
                .setSelected(true));
        interact(() -> in("#check-in-button").queryButton().fire());
        until(() -> in("#check-in-status").queryLabeled().getText().startsWith("Position enregistrée"));
        shoot(app, "visit-check-in");
        String report = core.visits().openForAppointment("a1").orElseThrow().id();
        String doc = core.documents()
                .attach(report, new CapturedImage(DemoOffice.jpeg(), "image/jpeg", null), "facture")
                .value()
                .id();
        fr.mediance.app.ScreenContext ctx = new fr.mediance.app.ScreenContext(
                core,
                null,
                DemoOffice.TEXTS,
                office.background(),
                javafx.application.Platform::runLater,
                core.clock(),
                core.zone(),
                app.shell(),
                r -> {},
                id -> {},
                id -> {});
        interact(() -> new fr.mediance.app.document.DocumentScreens(ctx).describe(doc, () -> {}));
        until(() -> has("#document-retention")
                && !in("#document-retention").queryTextInputControl().getText().isEmpty());
        interact(() -> {
            in("#document-title").queryTextInputControl().setText("Électricité novembre");
            in("#document-issuer").queryTextInputControl().setText("EDF");
            in("#document-amount").queryTextInputControl().setText("41O,30");
            in("#document-due").queryTextInputControl().setText("31/11/2026");
            in("#document-save").queryButton().fire();
        });
        until(() -> in("#document-amount-error").query().isVisible());
        shoot(app, "document-form-errors");
        interact(() -> in("#back").queryButton().fire());
        interact(() -> new fr.mediance.app.document.DocumentScreens(ctx).view(doc));
        until(() -> has("#document-image")
                && in("#document-image")
                                .queryAs(javafx.scene.image.ImageView.class)
                                .getImage()
                        != null);
        shoot(app, "document-viewer");
        javafx.scene.layout.VBox list = new javafx.scene.layout.VBox();
        interact(() -> {
            in("#back").queryButton().fire();
            javafx.scene.Node docs = new fr.mediance.app.document.DocumentScreens(ctx).residentDocuments("r1");
            app.shell().navigator().push(new fr.mediance.app.shell.BasicScreen("Documents") {
                @Override
                protected javafx.scene.Node build() {
                    return fr.mediance.app.shell.Ui.page(new javafx.scene.layout.VBox(12, docs));
                }
            });
        });
        until(() -> has("#document-d1") && has("#document-" + doc));
        shoot(app, "documents");
        core.close();
    }

    /** A report with every part: the contact, the energy block, actions, orientations, follow-ups. */
    static VisitReport fullDraft(CoreContext core, String appointmentId) {
        java.time.LocalDate today = java.time.LocalDate.now(DemoOffice.PARIS);
        VisitReport draft = core.visits()
                .openForAppointment(appointmentId)
                .orElseThrow()
                .withPersonsPresent(List.of("resident", "conjoint"))
                .withPlace("Domicile, salon")
                .withDurationMinutes(55)
                .withDomains(List.of("energie", "budget"))
                .withMotifs(List.of("impaye_elec", "diagnostic"))
                .withSynthesis("Facture d'électricité de 412,50 € impayée depuis septembre ; puissance réduite à 3 kVA "
                        + "depuis le 15/11. Demande FSL préparée avec les justificatifs. Échéancier demandé à EDF.")
                .withFollowUp("Rappeler EDF Solidarité pour l'échéancier")
                .withFollowUpDue(today.plusDays(7))
                .withEnergy(new fr.mediance.protocol.EnergyCheckDto(
                        true,
                        Boolean.TRUE,
                        "limited",
                        3L,
                        today.minusDays(11),
                        "electric",
                        List.of("thermostat", "veille"),
                        List.of("convectors"),
                        "france_renov"))
                .withActions(List.of(
                        new fr.mediance.protocol.ActionDto(
                                "act-1",
                                "demande_aide",
                                "energie",
                                "Conseil départemental (FSL)",
                                today,
                                "pending",
                                41_250L,
                                null,
                                "FSL-2026-0118",
                                true,
                                "m-r1",
                                "Dossier déposé avec l'avis d'imposition et les trois dernières factures."),
                        new fr.mediance.protocol.ActionDto(
                                "act-2",
                                "echeancier",
                                "energie",
                                "EDF Solidarité",
                                today,
                                "obtained",
                                123_456L,
                                123_456L,
                                null,
                                true,
                                "m-r1",
                                null)))
                .withOrientations(List.of(new fr.mediance.protocol.OrientationDto(
                        "or-1", "france_renov", "Logement mal isolé, convecteurs anciens.", today, "warm", true, null)))
                .withPlannedTasks(List.of(new VisitReport.PlannedTask("Rappeler EDF Solidarité", today.plusDays(3))));
        return core.visits().saveDraft(draft).value();
    }

    @Test
    void counsellor_full_report_tasks_and_office_view() throws IOException {
        fr.mediance.app.visit.FullReportDemo.seed(office.server, java.time.LocalDate.now(DemoOffice.PARIS));
        CoreContext core = office.signedIn(Files.createDirectories(dir.resolve("tablet")), "conseil1");
        VisitReport draft = fullDraft(core, "a1");
        AppComposition app = compose(core);
        until(() -> has("#appointment-a1"));
        interact(() -> in("#appointment-a1").query().getOnMouseClicked().handle(null));
        until(() -> has("#visit-synthesis") && has("#action-act-1") && has("#action-act-2"));
        shoot(app, "visit-full-contact", 0);
        shoot(app, "visit-full-energy", 0.3);
        shoot(app, "visit-full-actions", 0.55);
        shoot(app, "visit-full-end", 1.0);
        // an action on behalf for a domain no mandate covers: the message beside the field
        interact(() -> in("#visit-action-add").queryButton().fire());
        until(() -> has("#action-editor"));
        interact(() -> {
            javafx.scene.control.ComboBox<fr.mediance.app.core.reference.CodeItem> type =
                    in("#action-type").queryComboBox();
            type.setValue(type.getItems().stream()
                    .filter(c -> c.code().equals("appel_creancier"))
                    .findFirst()
                    .orElseThrow());
            javafx.scene.control.ComboBox<fr.mediance.app.core.reference.CodeItem> domain =
                    in("#action-domain").queryComboBox();
            domain.setValue(domain.getItems().stream()
                    .filter(c -> c.code().equals("budget"))
                    .findFirst()
                    .orElseThrow());
            in("#action-target").queryAs(javafx.scene.control.TextField.class).setText("Banque Postale");
            in("#action-amount-requested")
                    .queryAs(javafx.scene.control.TextField.class)
                    .setText("douze euros");
            in("#action-onbehalf").queryAs(javafx.scene.control.CheckBox.class).setSelected(true);
        });
        interact(() -> in("#action-save").queryButton().fire());
        until(() -> has("#action-mandate-error")
                && in("#action-mandate-error").query().isVisible());
        shoot(app, "visit-full-action-refused", 0.62);
        interact(() -> in("#action-cancel").queryButton().fire());
        interact(() -> in("#visit-attested")
                .queryAs(javafx.scene.control.CheckBox.class)
                .fire());
        until(() -> core.visits().find(draft.id()).orElseThrow().visitAttested());
        interact(() -> in("#visit-complete").queryButton().fire());
        until(() -> has("#visit-frozen") && in("#visit-frozen").query().isVisible());
        shoot(app, "visit-full-frozen", 0);
        interact(() -> in("#back").queryButton().fire());
        open("TASKS");
        until(() -> has("#tasks-groups")
                && in("#tasks-groups .list-item").queryAll().size() == 4);
        shoot(app, "tasks");
        assertThat(core.sync().syncNow().join().ok()).isTrue();

        CoreContext bureau = office.signedIn(Files.createDirectories(dir.resolve("office")), "bureau");
        AppComposition officeApp = compose(bureau);
        until(() -> has("#office-list .list-item"));
        interact(() -> in("#office-list .list-item").query().getOnMouseClicked().handle(null));
        until(() -> has("#office-actions") && in("#office-actions").query().isVisible());
        shoot(officeApp, "office-full-report", 0);
        shoot(officeApp, "office-full-report-end", 1.0);
        bureau.close();
        core.close();
    }

    @Test
    void office_accounts_and_devices() {
        CoreContext core = office.signedIn(dir, "bureau");
        AppComposition app = compose(core);
        until(() -> has("#nav-ACCOUNTS"));
        interact(() -> app.shell().open("ACCOUNTS"));
        until(() -> has("#account-conseil1"));
        interact(() ->
                ((javafx.scene.control.Button) in("#account-devices-conseil1").query()).fire());
        until(() -> has("#device-revoke-ref-1"));
        shoot(app, "accounts");
        core.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void office_reference_lists() {
        CoreContext core = office.signedIn(dir, "bureau");
        AppComposition app = compose(core);
        until(() -> has("#nav-REFERENCE"));
        interact(() -> app.shell().open("REFERENCE"));
        until(() -> has("#reference-list"));
        javafx.scene.control.ComboBox<fr.mediance.app.core.reference.CodeListsViewModel.ListChoice> picker =
                (javafx.scene.control.ComboBox<fr.mediance.app.core.reference.CodeListsViewModel.ListChoice>)
                        in("#reference-list").query();
        interact(() -> picker.getSelectionModel()
                .select(picker.getItems().stream()
                        .filter(l -> l.name().equals("domain"))
                        .findFirst()
                        .orElseThrow()));
        until(() ->
                ((javafx.scene.control.TableView<?>) in("#reference-entries").query())
                                .getItems()
                                .size()
                        == 6);
        shoot(app, "reference-lists");
        interact(() -> {
            ((javafx.scene.control.Button) in("#reference-add").query()).fire();
            ((javafx.scene.control.TextField) in("#reference-code").query()).setText("Santé");
            ((javafx.scene.control.TextField) in("#reference-label").query()).setText("Santé");
            ((javafx.scene.control.Button) in("#reference-save").query()).fire();
        });
        until(() -> in("#reference-code-error")
                .tryQuery()
                .map(javafx.scene.Node::isVisible)
                .orElse(false));
        shoot(app, "reference-entry-error", 1);
        core.close();
    }

    @Test
    void office_gdpr_requests() {
        office.server.answerRaw(
                fr.mediance.protocol.ApiPaths.GDPR_REQUESTS,
                fr.mediance.protocol.json.MedianceJson.gson()
                        .toJson(new fr.mediance.protocol.RightsRequestsResponse(List.of(
                                new fr.mediance.protocol.RightsRequestDto(
                                        "q1",
                                        "r1",
                                        "Bénali Fatima",
                                        "rectification",
                                        java.time.LocalDate.of(2026, 10, 20),
                                        java.time.LocalDate.of(2026, 11, 20),
                                        false,
                                        null,
                                        "open",
                                        null,
                                        null,
                                        true),
                                new fr.mediance.protocol.RightsRequestDto(
                                        "q2",
                                        "r2",
                                        "Martin Odile",
                                        "access",
                                        java.time.LocalDate.of(2026, 11, 24),
                                        java.time.LocalDate.of(2026, 12, 24),
                                        false,
                                        null,
                                        "open",
                                        null,
                                        null,
                                        false),
                                new fr.mediance.protocol.RightsRequestDto(
                                        "q3",
                                        "r3",
                                        "",
                                        "erasure",
                                        java.time.LocalDate.of(2026, 9, 2),
                                        java.time.LocalDate.of(2026, 10, 2),
                                        false,
                                        null,
                                        "answered",
                                        java.time.LocalDate.of(2026, 9, 15),
                                        "Dossier anonymisé, documents supprimés.",
                                        false)))));
        CoreContext core = office.signedIn(dir, "bureau");
        AppComposition app = compose(core);
        until(() -> has("#nav-GDPR"));
        interact(() -> app.shell().open("GDPR"));
        until(() -> has("#gdpr-requests")
                && ((javafx.scene.control.TableView<?>) in("#gdpr-requests").query())
                                .getItems()
                                .size()
                        == 3);
        assertThat(((javafx.scene.control.Label) in("#gdpr-summary").query()).getText())
                .isEqualTo("2 demandes en cours, dont 1 en retard — réponse sous un mois (trois si prolongée avec "
                        + "motif).");
        shoot(app, "gdpr-requests");
        interact(() -> {
            ((javafx.scene.control.CheckBox) in("#gdpr-extended").query()).setSelected(true);
            ((javafx.scene.control.Button) in("#gdpr-save").query()).fire();
        });
        until(() -> in("#gdpr-resident")
                .tryQuery()
                .map(n -> !((javafx.scene.control.Label) ((javafx.scene.layout.VBox) n.getParent())
                                .getChildren()
                                .get(2))
                        .getText()
                        .isEmpty())
                .orElse(false));
        shoot(app, "gdpr-request-error", 1);
        core.close();
    }

    /** A person's file filled in, as a counsellor sees it section by section, then the mandate and consent screens. */
    @Test
    void counsellor_resident_file_consent_and_mandate() {
        fr.mediance.app.resident.ResidentDemo.codes(office);
        CoreContext core = office.signedIn(dir, "conseil1");
        java.util.Map<String, Object> file = new java.util.HashMap<>();
        file.put("civility", "Mme");
        file.put("birthDate", java.time.LocalDate.of(1948, 3, 5));
        file.put("email", "fatima.benali@exemple.fr");
        file.put("preferredContactTime", "Le matin, avant 11 h");
        file.put("language", "Français, arabe");
        file.put("status", "actif");
        file.put("accommodationMode", "locataire_social");
        file.put("landlord", "13 Habitat");
        file.put("mainResidence", Boolean.TRUE);
        file.put("socioProfessional", "retraite");
        file.put("orientationIn", "partenaire");
        file.put("orientingPartner", "EDF Solidarité");
        file.put(
                "synthesis",
                "Facture d'électricité de 412,30 € en retard de deux mois. Dossier FSL en cours. "
                        + "Mme Benali vit seule avec son petit-fils le mercredi.");
        file.put(
                "household",
                List.of(
                        new fr.mediance.protocol.HouseholdMemberDto("m1", "declarant", "Fatima", 1948),
                        new fr.mediance.protocol.HouseholdMemberDto("m2", "enfant_moins_14", null, 2016)));
        file.put(
                "contacts",
                List.of(new fr.mediance.protocol.ContactPersonDto(
                        "c1", "Samia Benali", "fille", "06 22 33 44 55", true, false)));
        core.residentFiles().saveFields("r1", null, file).value();
        core.residentFiles()
                .saveMyNote(
                        "r1",
                        "Préfère que l'on sonne deux fois ; me rappeler de rapporter la copie " + "du courrier CAF.")
                .value();
        fr.mediance.app.core.signature.Signature sig = new fr.mediance.app.core.signature.Signature(
                400,
                150,
                List.of(List.of(
                        new fr.mediance.app.core.signature.Signature.Point(30, 100),
                        new fr.mediance.app.core.signature.Signature.Point(120, 40),
                        new fr.mediance.app.core.signature.Signature.Point(220, 110),
                        new fr.mediance.app.core.signature.Signature.Point(350, 50))));
        core.consents().acknowledgeNotice("r1", "paper", sig).value();
        core.consents().give("r1", "contact_creditor", "EDF", "screen", sig).value();
        core.mandates()
                .create(
                        new fr.mediance.app.core.consent.MandateService.MandateForm(
                                "r1",
                                List.of("energie", "eau"),
                                List.of("EDF"),
                                "6m",
                                java.time.LocalDate.now(DemoOffice.PARIS),
                                "Marseille",
                                true,
                                null),
                        sig,
                        sig)
                .value();
        core.residentFiles()
                .saveFields(
                        "r4",
                        null,
                        java.util.Map.of(
                                "legalProtection",
                                "curatelle_renforcee",
                                "legalRepresentative",
                                "UDAF 13, Mme Lopez, 04 91 00 00 00"))
                .value();
        AppComposition app = compose(core);
        until(() -> has("#nav-RESIDENTS"));
        open("RESIDENTS");
        until(() -> has("#resident-row-r4"));
        shoot(app, "residents");
        interact(() -> in("#resident-search")
                .queryAs(javafx.scene.control.TextField.class)
                .setText("Zorro"));
        until(() -> has("#resident-search-empty"));
        shoot(app, "residents-none");
        interact(() -> in("#resident-search")
                .queryAs(javafx.scene.control.TextField.class)
                .setText(""));
        until(() -> has("#resident-row-r1"));
        interact(() -> in("#resident-row-r1").query().getOnMouseClicked().handle(null));
        until(() -> has("#resident-file-name")
                && "Fatima Benali"
                        .equals(in("#resident-file-name").queryLabeled().getText()));
        interact(() -> in("#resident-birthDate")
                .queryAs(javafx.scene.control.TextField.class)
                .setText("31/02/1948"));
        shoot(app, "resident-identity");
        interact(() -> in("#resident-birthDate")
                .queryAs(javafx.scene.control.TextField.class)
                .setText("05/03/1948"));
        for (String section : List.of("housing", "household", "contacts", "notes", "consents", "timeline")) {
            interact(() -> in("#resident-tab-" + section)
                    .queryAs(javafx.scene.control.ToggleButton.class)
                    .fire());
            shoot(app, "resident-" + section);
        }
        interact(() -> in("#resident-tab-consents")
                .queryAs(javafx.scene.control.ToggleButton.class)
                .fire());
        interact(() -> in("#resident-consent-open").queryButton().fire());
        until(() -> has("#consent-give")
                && !in("#consent-notice-version").queryLabeled().getText().isEmpty());
        shoot(app, "consent");
        interact(() -> in("#back").queryButton().fire());
        interact(() -> in("#resident-mandate-open").queryButton().fire());
        until(() -> has("#mandate-demarche-energie"));
        shoot(app, "mandate");
        interact(() -> in("#mandate-sign").queryButton().fire());
        until(() -> has("#mandate-demarches-error")
                && in("#mandate-demarches-error").query().isVisible());
        shoot(app, "mandate-errors", 0.0);
        interact(() -> in("#back").queryButton().fire());
        interact(() -> in("#back").queryButton().fire());
        until(() -> has("#resident-row-r4"));
        interact(() -> in("#resident-row-r4").query().getOnMouseClicked().handle(null));
        until(() -> has("#resident-file-name")
                && "Marcel Roux".equals(in("#resident-file-name").queryLabeled().getText())
                && !in("#resident-protection").queryLabeled().getText().isEmpty());
        interact(() -> in("#resident-tab-consents")
                .queryAs(javafx.scene.control.ToggleButton.class)
                .fire());
        shoot(app, "resident-protected");
        core.close();
    }

    @Test
    void counsellor_budget_sheet() {
        fr.mediance.app.resident.ResidentDemo.codes(office);
        CoreContext core = office.signedIn(dir, "conseil1");
        fr.mediance.protocol.BudgetDto earlier = core.budgets().startSnapshot("r1");
        core.budgets()
                .save(new fr.mediance.protocol.BudgetDto(
                        earlier.id(),
                        earlier.structureId(),
                        "r1",
                        earlier.authorId(),
                        earlier.snapshotDate().minusMonths(3),
                        2,
                        List.of(
                                new fr.mediance.protocol.BudgetLineDto(
                                        "income", "pension_retraite", 98_000, "monthly", false, true, null),
                                new fr.mediance.protocol.BudgetLineDto(
                                        "charge", "loyer", 52_000, "monthly", false, true, "13 Habitat"),
                                new fr.mediance.protocol.BudgetLineDto(
                                        "charge", "electricite", 21_000, "every_2_months", false, false, "EDF")),
                        null,
                        null))
                .value();
        fr.mediance.protocol.BudgetDto today = core.budgets().startSnapshot("r1");
        core.budgets()
                .save(new fr.mediance.protocol.BudgetDto(
                        today.id(),
                        today.structureId(),
                        "r1",
                        today.authorId(),
                        today.snapshotDate(),
                        2,
                        List.of(
                                new fr.mediance.protocol.BudgetLineDto(
                                        "income", "pension_retraite", 98_000, "monthly", false, true, null),
                                new fr.mediance.protocol.BudgetLineDto(
                                        "income", "aspa", 12_500, "monthly", false, true, null),
                                new fr.mediance.protocol.BudgetLineDto(
                                        "income", "apl", 21_000, "monthly", true, true, null),
                                new fr.mediance.protocol.BudgetLineDto(
                                        "charge", "loyer", 52_000, "monthly", false, true, "13 Habitat"),
                                new fr.mediance.protocol.BudgetLineDto(
                                        "charge", "electricite", 21_000, "every_2_months", false, false, "EDF"),
                                new fr.mediance.protocol.BudgetLineDto(
                                        "charge", "mutuelle", 46_800, "annual", false, false, null),
                                new fr.mediance.protocol.BudgetLineDto(
                                        "credit", "credit", 9_000, "monthly", false, false, "Cofidis")),
                        "Pension de réversion demandée à la CARSAT.",
                        null))
                .value();
        AppComposition app = compose(core);
        until(() -> has("#nav-RESIDENTS"));
        open("RESIDENTS");
        until(() -> has("#resident-row-r1"));
        interact(() -> in("#resident-row-r1").query().getOnMouseClicked().handle(null));
        until(() -> has("#resident-open-budget"));
        interact(() -> in("#resident-open-budget").queryButton().fire());
        until(() -> has("#budget-title")
                && in("#budget-lines-incomes .budget-line").queryAll().size() == 3);
        shoot(app, "budget", 0.0);
        interact(() -> in("#budget-lines-charges .budget-amount")
                .queryAs(javafx.scene.control.TextField.class)
                .setText("5,20,00"));
        shoot(app, "budget-lines", 0.45);
        interact(() -> in("#budget-lines-charges .budget-amount")
                .queryAs(javafx.scene.control.TextField.class)
                .setText("520,00"));
        interact(() -> in("#budget-history .list-item .button").queryAll().stream()
                .filter(n -> n.getId() != null
                        && n.getId().startsWith("budget-compare-")
                        && !n.getId().endsWith(today.id()))
                .findFirst()
                .map(javafx.scene.control.Button.class::cast)
                .orElseThrow()
                .fire());
        until(() -> has("#budget-comparison-card")
                && in("#budget-comparison-card").query().isVisible());
        shoot(app, "budget-compare", 1.0);
        core.close();
    }

    @Test
    void counsellor_aid_application() {
        fr.mediance.app.resident.ResidentDemo.codes(office);
        var server = office.server;
        server.serverWrite(
                new fr.mediance.protocol.CodeDto("aid_kind", "fsl_energie", "FSL énergie", "energie", 10, true));
        server.serverWrite(
                new fr.mediance.protocol.CodeDto("aid_kind", "ccas", "Aide facultative du CCAS", "budget", 20, true));
        String[][] docs = {
            {"piece_identite", "Pièce d'identité / titre de séjour"},
            {"justificatif_domicile", "Justificatif de domicile"},
            {"avis_imposition", "Avis d'imposition / de non-imposition"},
            {"facture", "Factures concernées"},
            {"justificatif_dette", "Justificatif de dette certifié par le fournisseur"},
            {"rib", "RIB"}
        };
        for (int i = 0; i < docs.length; i++) {
            server.serverWrite(new fr.mediance.protocol.CodeDto(
                    "document_type", docs[i][0], docs[i][1], null, (i + 1) * 10, true, "P6M"));
            server.serverWrite(new fr.mediance.protocol.CodeDto(
                    "aid_checklist",
                    "fsl_energie-" + (i + 1),
                    docs[i][1],
                    "fsl_energie",
                    (i + 1) * 10,
                    true,
                    docs[i][0]));
        }
        server.serverWrite(new fr.mediance.protocol.CodeDto(
                "fsl_rule", "50", "Manche", null, 10, true, "delai=20;seul=energie,eau;qf=800"));
        server.serverWrite(new fr.mediance.protocol.DocumentDto(
                "d-id",
                "s1",
                null,
                "r1",
                "piece_identite",
                "ab".repeat(32),
                "image/jpeg",
                1000,
                java.time.Instant.now(),
                null,
                null,
                null,
                null,
                null,
                List.of(),
                "photo_in_app"));
        server.serverWrite(new fr.mediance.protocol.DocumentDto(
                "d-bill",
                "s1",
                null,
                "r1",
                "facture",
                "cd".repeat(32),
                "image/jpeg",
                1000,
                java.time.Instant.now(),
                null,
                null,
                null,
                null,
                null,
                List.of(),
                "photo_in_app"));
        CoreContext core = office.signedIn(dir, "conseil1");
        AppComposition app = compose(core);
        until(() -> has("#nav-RESIDENTS"));
        open("RESIDENTS");
        until(() -> has("#resident-row-r1"));
        interact(() -> in("#resident-row-r1").query().getOnMouseClicked().handle(null));
        until(() -> has("#resident-open-aids"));
        interact(() -> in("#resident-open-aids").queryButton().fire());
        until(() -> has("#aid-new-kind")
                && !in("#aid-new-kind")
                        .queryAs(javafx.scene.control.ComboBox.class)
                        .getItems()
                        .isEmpty());
        interact(() -> {
            @SuppressWarnings("unchecked")
            javafx.scene.control.ComboBox<fr.mediance.app.core.reference.CodeItem> kind =
                    in("#aid-new-kind").queryAs(javafx.scene.control.ComboBox.class);
            kind.setValue(kind.getItems().get(0));
            in("#aid-new-departement")
                    .queryAs(javafx.scene.control.TextField.class)
                    .setText("50");
        });
        interact(() -> in("#aid-start").queryButton().fire());
        until(() -> has("#aid-form")
                && in("#aid-form").query().isVisible()
                && in("#aid-checklist .aid-checklist-item").queryAll().size() == 6
                && !in("#aid-rule").queryLabeled().getText().isEmpty());
        interact(() -> {
            in("#aid-requested").queryAs(javafx.scene.control.TextField.class).setText("412,30");
            in("#aid-instructingBody")
                    .queryAs(javafx.scene.control.TextField.class)
                    .setText("Maison des solidarités de Saint-Lô");
            in("#aid-decidedOn").queryAs(javafx.scene.control.TextField.class).setText("31/02/2026");
        });
        interact(() -> in("#aid-save").queryButton().fire());
        until(() -> !in("#aid-form-error").queryLabeled().getText().isEmpty());
        shoot(app, "aid", 0.25);
        shoot(app, "aid-checklist", 0.75);
        core.close();
    }

    @Test
    void counsellor_overindebtedness_file() {
        fr.mediance.app.resident.ResidentDemo.codes(office);
        CoreContext core = office.signedIn(dir, "conseil1");
        AppComposition app = compose(core);
        until(() -> has("#nav-RESIDENTS"));
        open("RESIDENTS");
        until(() -> has("#resident-row-r1"));
        interact(() -> in("#resident-row-r1").query().getOnMouseClicked().handle(null));
        until(() -> has("#resident-open-overindebtedness"));
        interact(() -> in("#resident-open-overindebtedness").queryButton().fire());
        until(() -> has("#overindebtedness-status")
                && "preparing"
                        .equals(in("#overindebtedness-status")
                                .queryAs(javafx.scene.control.ComboBox.class)
                                .getValue()));
        interact(() -> {
            in("#overindebtedness-status")
                    .queryAs(javafx.scene.control.ComboBox.class)
                    .setValue("inadmissible");
            in("#overindebtedness-startedOn")
                    .queryAs(javafx.scene.control.TextField.class)
                    .setText("15/11/2026");
            in("#overindebtedness-filedOn")
                    .queryAs(javafx.scene.control.TextField.class)
                    .setText("01/12/2026");
            in("#overindebtedness-admissibilityDecisionOn")
                    .queryAs(javafx.scene.control.TextField.class)
                    .setText("20/12/2026");
        });
        until(() -> in("#overindebtedness-deadline").queryLabeled().getText().startsWith("Recours"));
        interact(() -> in("#overindebtedness-save").queryButton().fire());
        until(() -> !core.overindebtedness().files("r1").isEmpty());
        shoot(app, "overindebtedness", 0.0);
        core.close();
    }

    @Test
    void counsellor_payment_plan() {
        fr.mediance.app.resident.ResidentDemo.codes(office);
        var server = office.server;
        server.serverWrite(new fr.mediance.protocol.CodeDto("creditor_category", "energie", "Énergie", null, 10, true));
        server.addPartner("edf", "fournisseur_energie", "EDF", "energie");
        server.serverWrite(new fr.mediance.protocol.EnergyContractDto(
                "c-elec",
                "s1",
                "r1",
                "electricite",
                "edf",
                "trv",
                "12345678901234",
                6L,
                true,
                "monthly",
                null,
                null,
                List.of(),
                List.of()));
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Paris"));
        server.serverWrite(new fr.mediance.protocol.DebtDto(
                "debt-sept",
                "s1",
                "r1",
                "energie",
                "edf",
                "c-elec",
                41_250L,
                today.minusMonths(3).withDayOfMonth(1),
                null,
                null,
                null,
                null,
                null,
                null,
                "acknowledged",
                List.of()));
        server.serverWrite(new fr.mediance.protocol.DebtDto(
                "debt-nov",
                "s1",
                "r1",
                "energie",
                "edf",
                "c-elec",
                18_730L,
                today.minusMonths(1).withDayOfMonth(2),
                null,
                null,
                null,
                null,
                null,
                null,
                "acknowledged",
                List.of()));
        CoreContext core = office.signedIn(dir, "conseil1");
        AppComposition app = compose(core);
        until(() -> has("#nav-RESIDENTS"));
        open("RESIDENTS");
        until(() -> has("#resident-row-r1"));
        interact(() -> in("#resident-row-r1").query().getOnMouseClicked().handle(null));
        until(() -> has("#resident-tab-energy"));
        interact(() -> in("#resident-tab-energy")
                .queryAs(javafx.scene.control.ToggleButton.class)
                .fire());
        until(() -> has("#energy-debt-plan-debt-nov"));
        shoot(app, "energy-debts-plan", 1.0);
        until(() -> has("#resident-open-plans"));
        interact(() -> in("#resident-open-plans").queryButton().fire());
        until(() -> has("#plan-new") && !in("#plan-new").queryButton().isDisabled());
        interact(() -> in("#plan-new").queryButton().fire());
        until(() ->
                has("#plan-debt-debt-nov") && in("#plan-debt-debt-nov").query().isVisible());
        java.time.LocalDate first = today.minusMonths(2).withDayOfMonth(5);
        interact(() -> {
            in("#plan-count").queryAs(javafx.scene.control.TextField.class).setText("6");
            in("#plan-firstDue")
                    .queryAs(javafx.scene.control.TextField.class)
                    .setText(fr.mediance.app.core.visit.FrenchInput.format(first));
        });
        interact(() -> in("#plan-compute").queryButton().fire());
        until(() -> has("#plan-paidOn-0"));
        interact(() -> {
            in("#plan-paidOn-0")
                    .queryAs(javafx.scene.control.TextField.class)
                    .setText(fr.mediance.app.core.visit.FrenchInput.format(first));
            in("#plan-paidCents-0")
                    .queryAs(javafx.scene.control.TextField.class)
                    .setText("99,97");
            in("#plan-status").queryAs(javafx.scene.control.ComboBox.class).setValue("active");
            in("#plan-agreedOn")
                    .queryAs(javafx.scene.control.TextField.class)
                    .setText(fr.mediance.app.core.visit.FrenchInput.format(first.minusDays(10)));
            in("#plan-note")
                    .queryAs(javafx.scene.control.TextField.class)
                    .setText("Accord par téléphone avec le service solidarité");
        });
        interact(() -> in("#plan-save").queryButton().fire());
        until(() -> !core.paymentPlans().plans("r1").isEmpty());
        until(() -> has("#plan-remind-1") && in("#plan-remind-1").query().isVisible());
        interact(() -> in("#plan-remind-1").queryButton().fire());
        until(() -> !in("#plan-reminder-1").queryLabeled().getText().isEmpty());
        shoot(app, "payment-plan", 0.0);
        shoot(app, "payment-plan-instalments", 0.6);
        shoot(app, "payment-plan-end", 1.0);
        interact(() -> in("#plan-back").queryButton().fire());
        until(() -> in("#plan-list").query().isVisible());
        shoot(app, "payment-plans", 0.0);
        core.close();
    }

    /** The directory the partner screens show: public desks of organisations, as the office seeds them. */
    void partners() {
        office.server.addCode("partner_type", "fournisseur_energie", "Fournisseur d'énergie", 1);
        office.server.addCode("partner_type", "caf", "CAF", 2);
        office.server.addCode("partner_type", "banque_de_france", "Banque de France", 3);
        office.server.addCode("partner_type", "mediateur", "Médiateur", 4);
        office.server.addCode("partner_type", "association", "Association", 5);
        office.server.addCode("creditor_category", "energie", "Énergie", 1);
        office.server.addCode("creditor_category", "indus", "Indus CAF / France Travail / CPAM", 2);
        office.server.addCode("document_type", "piece_identite", "Pièce d'identité / titre de séjour", 5);
        office.server.addCode("document_type", "justificatif_domicile", "Justificatif de domicile", 6);
        office.server.addCode("document_type", "rib", "RIB", 7);
        office.server.addCode("document_type", "attestation_caf", "Attestation CAF", 8);
        office.server.addCode("document_type", "releve_compte", "Relevé de compte", 9);
        office.server.serverWrite(new fr.mediance.protocol.PartnerDto(
                "caf_13",
                "caf",
                "CAF des Bouches-du-Rhône",
                List.of("indus"),
                List.of(
                        new fr.mediance.protocol.PartnerServiceDto(
                                "accueil",
                                "Accueil sur rendez-vous",
                                "215 chemin de Gibbes",
                                "13014",
                                "Marseille",
                                "3230",
                                null,
                                "Lun–ven 8h30–16h, sur rendez-vous",
                                List.of("piece_identite", "justificatif_domicile", "rib"),
                                "Rendez-vous à prendre sur caf.fr ou au 3230."),
                        new fr.mediance.protocol.PartnerServiceDto(
                                "action_sociale",
                                "Travailleurs sociaux CAF (aide financière)",
                                "215 chemin de Gibbes",
                                "13014",
                                "Marseille",
                                "3230",
                                null,
                                "Lun–ven 9h–12h",
                                List.of("attestation_caf", "releve_compte"),
                                null)),
                "https://www.caf.fr/allocataires/caf-des-bouches-du-rhone",
                true));
        office.server.serverWrite(new fr.mediance.protocol.PartnerDto(
                "edf",
                "fournisseur_energie",
                "EDF",
                List.of("energie"),
                List.of(new fr.mediance.protocol.PartnerServiceDto(
                        "solidarite",
                        "Accompagnement énergie (solidarité)",
                        null,
                        null,
                        null,
                        "09 69 36 11 11",
                        null,
                        "Lun–ven 8h–18h",
                        List.of(),
                        null)),
                "https://particulier.edf.fr",
                true));
        office.server.serverWrite(new fr.mediance.protocol.PartnerDto(
                "bdf_marseille",
                "banque_de_france",
                "Banque de France – Marseille",
                List.of(),
                List.of(new fr.mediance.protocol.PartnerServiceDto(
                        "surendettement",
                        "Secrétariat de la commission de surendettement",
                        "1 place Estrangin-Pastré",
                        "13006",
                        "Marseille",
                        "3414",
                        null,
                        "Lun–ven 8h45–12h15",
                        List.of("piece_identite", "releve_compte"),
                        null)),
                null,
                true));
        office.server.serverWrite(new fr.mediance.protocol.PartnerDto(
                "mne",
                "mediateur",
                "Médiateur national de l'énergie",
                List.of(),
                List.of(),
                "https://www.energie-mediateur.fr",
                true));
        office.server.serverWrite(new fr.mediance.protocol.PartnerDto(
                "udaf_13", "association", "UDAF des Bouches-du-Rhône", List.of(), List.of(), null, true));
    }

    @Test
    void counsellor_partner_directory() {
        partners();
        CoreContext core = office.signedIn(dir, "conseil1");
        AppComposition app = compose(core);
        until(() -> has("#nav-PARTNERS"));
        open("PARTNERS");
        until(() -> has("#partner-row-caf_13"));
        shoot(app, "partners", 0.0);
        interact(() -> in("#partner-search")
                .queryAs(javafx.scene.control.TextField.class)
                .setText("caf bouches du rhone"));
        until(() -> has("#partner-row-caf_13") && !has("#partner-row-edf"));
        shoot(app, "partners-search", 0.0);
        interact(() -> in("#partner-row-caf_13").query().getOnMouseClicked().handle(null));
        until(() -> has("#partner-service-1"));
        shoot(app, "partner-card", 0.0);
        core.close();
    }

    @Test
    void office_partner_form() {
        partners();
        CoreContext core = office.signedIn(dir, "bureau");
        AppComposition app = compose(core);
        until(() -> has("#nav-PARTNERS"));
        open("PARTNERS");
        until(() -> has("#partner-new") && in("#partner-new").query().isVisible());
        interact(() -> in("#partner-new").queryButton().fire());
        until(() -> has("#partner-form-service-0-name"));
        until(() -> in("#partner-form-type")
                        .queryAs(javafx.scene.control.ComboBox.class)
                        .getItems()
                        .size()
                == 5);
        interact(() -> {
            in("#partner-form-id").queryAs(javafx.scene.control.TextField.class).setText("PIMMS Nord");
            in("#partner-form-type")
                    .queryAs(javafx.scene.control.ComboBox.class)
                    .getSelectionModel()
                    .select(4);
            in("#partner-form-name")
                    .queryAs(javafx.scene.control.TextField.class)
                    .setText("PIMMS Médiation Marseille Nord");
            in("#partner-form-service-0-name")
                    .queryAs(javafx.scene.control.TextField.class)
                    .setText("Accueil");
            in("#partner-form-service-0-postcode")
                    .queryAs(javafx.scene.control.TextField.class)
                    .setText("13015");
            in("#partner-form-service-0-city")
                    .queryAs(javafx.scene.control.TextField.class)
                    .setText("Marseille");
            in("#partner-form-service-0-phone")
                    .queryAs(javafx.scene.control.TextField.class)
                    .setText("04 91 12");
            in("#partner-form-save").queryButton().fire();
        });
        until(() -> in("#partner-form-service-0-phone-error")
                .tryQuery()
                .map(javafx.scene.Node::isVisible)
                .orElse(false));
        assertThat(in("#partner-form-service-0-phone")
                        .queryAs(javafx.scene.control.TextField.class)
                        .getText())
                .isEqualTo("04 91 12");
        shoot(app, "partner-form-errors", 0.0);
        core.close();
    }

    @Test
    void counsellor_next_appointment_with_an_overlap() {
        office.server.serverWrite(fr.mediance.app.agenda.NextAppointmentDemo.withAvailability(
                (fr.mediance.protocol.ResidentDto) office.server.entity(fr.mediance.protocol.EntityType.RESIDENT, "r1"),
                "le matin, sauf le mercredi"));
        CoreContext core = office.signedIn(dir, "conseil1");
        AppComposition app = compose(core);
        until(() -> has("#appointment-a1"));
        fr.mediance.app.agenda.NextAppointmentDemo.openFile(this);
        clickOn("#resident-next-appointment");
        until(() -> has("#next-date")
                && !in("#next-availability").queryLabeled().getText().isBlank());
        String today = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")
                .format(java.time.LocalDate.now(DemoOffice.PARIS));
        fr.mediance.app.agenda.NextAppointmentDemo.type(this, "#next-date", today);
        fr.mediance.app.agenda.NextAppointmentDemo.type(this, "#next-start", "10:00");
        interact(() -> in("#next-checklist")
                .queryAs(javafx.scene.control.TextArea.class)
                .setText("Avis d'imposition 2025\nDernière facture d'électricité"));
        until(() -> in("#next-overlap").query().isVisible());
        shoot(app, "next-appointment", 0);
    }

    @Test
    void coordination_edits_a_planned_appointment() {
        CoreContext core = office.signedIn(dir, "coord");
        AppComposition app = compose(core);
        until(() -> has("#week-new"));
        interact(() -> in("#week-new").queryButton().fire());
        until(() -> has("#planning-edit-a5"));
        interact(() -> in("#planning-edit-a5").queryButton().fire());
        until(() -> has("#edit-date")
                && !in("#edit-heading").queryLabeled().getText().isBlank());
        interact(() -> in("#edit-lock").queryButton().fire());
        until(() -> in("#edit-locked").query().isVisible());
        interact(() -> in("#edit-safety")
                .queryAs(javafx.scene.control.TextArea.class)
                .setText("Visite à deux : chien dans le jardin."));
        shoot(app, "planning-edit", 0);
    }

    /** The coordination's requests, next week's proposal and the persons to inform (the rounds). */
    CoreContext roundsCoordinator() {
        java.time.LocalDate today = java.time.LocalDate.now(DemoOffice.PARIS);
        java.time.LocalDate monday = fr.mediance.app.core.testing.RoundsFixture.nextMonday(today);
        fr.mediance.app.core.testing.RoundsFixture.seed(office.server, today);
        office.server.weekProposal = fr.mediance.app.core.testing.RoundsFixture.proposal(monday);
        return office.signedIn(dir, "coord");
    }

    void proposeTheWeek() {
        open("REQUESTS");
        until(() -> has("#queue-propose"));
        interact(() -> in("#queue-propose").queryButton().fire());
        until(() -> has("#proposal-counsellor-u-c1"));
        interact(() -> in("#proposal-propose").queryButton().fire());
        until(() -> in("#proposal-totals").query().isVisible()
                && !in("#proposal-totals").queryLabeled().getText().isBlank());
    }

    @Test
    void rounds_requests_queue() {
        CoreContext core = roundsCoordinator();
        AppComposition app = compose(core);
        until(() -> has("#nav-REQUESTS"));
        open("REQUESTS");
        until(() -> has("#queue-row-q1"));
        shoot(app, "rounds-queue", 0, List.of(new Size("tablet-landscape", 1280, 800)));
    }

    @Test
    void rounds_week_proposal_with_explanations() {
        CoreContext core = roundsCoordinator();
        AppComposition app = compose(core);
        until(() -> has("#nav-REQUESTS"));
        proposeTheWeek();
        interact(() -> {
            in("#proposal-why-q1")
                    .queryAs(javafx.scene.control.ToggleButton.class)
                    .fire();
            in("#proposal-why-q2")
                    .queryAs(javafx.scene.control.ToggleButton.class)
                    .fire();
        });
        shoot(app, "rounds-proposal", 0, List.of(new Size("desktop", 1920, 1080)));
    }

    @Test
    void rounds_persons_to_inform() {
        CoreContext core = roundsCoordinator();
        AppComposition app = compose(core);
        until(() -> has("#nav-REQUESTS"));
        proposeTheWeek();
        interact(() -> in("#proposal-accept").queryButton().fire());
        until(() -> in("#proposal-result").queryLabeled().getText().contains("acceptées"));
        interact(() -> in("#proposal-inform").queryButton().fire());
        until(() -> has("#inform-list")
                && in("#inform-summary").queryLabeled().getText().contains("prévenir"));
        shoot(app, "rounds-inform", 0, List.of(new Size("phone", 412, 915)));
    }
}
