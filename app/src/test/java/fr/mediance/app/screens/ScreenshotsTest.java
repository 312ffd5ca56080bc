package fr.mediance.app.screens;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import javax.imageio.ImageIO;

import fr.mediance.app.AppComposition;
import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.platform.CapturedImage;
import fr.mediance.app.core.visit.VisitReport;
import fr.mediance.app.testing.DemoOffice;
import fr.mediance.app.testing.UiTest;
import fr.mediance.app.theme.Theme;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
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

    record Size(String name, double width, double height) {
    }

    static final List<Size> SIZES = List.of(new Size("tablet", 800, 1280), new Size("phone", 390, 844),
            new Size("desktop", 1366, 768));

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
            current = show(() -> office.compose(core, () -> CompletableFuture.supplyAsync(
                    () -> Optional.of(new CapturedImage(jpeg, "image/jpeg", "facture.jpg")))), 800, 1280);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(e);
        }
        return current;
    }

    void shoot(AppComposition app, String screen) {
        for (Size size : SIZES) {
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
            interact(() -> scene[0].snapshot(null)); // first pass lays out at this size
            WaitForAsyncUtils.waitForFxEvents();
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
    void login_and_pin() {
        CoreContext core = office.core(dir);
        AppComposition app = compose(core);
        until(() -> has("#login-submit"));
        shoot(app, "login");
        core.login(office.server.url(), "conseil1", DemoOffice.PASSWORD);
        until(() -> has("#pin-heading"));
        shoot(app, "pin");
        core.close();
    }

    @Test
    void counsellor_agenda_visit_and_sync() {
        CoreContext core = office.signedIn(dir, "conseil1");
        AppComposition app = compose(core);
        until(() -> has("#appointment-a1"));
        shoot(app, "agenda");
        VisitReport draft = core.visits().openForAppointment("a1").orElseThrow()
                .withDomains(List.of("energie", "courriers"))
                .withSynthesis("Facture d'électricité de 412,30 € en retard de deux mois. Mme Benali a reçu une lettre "
                        + "de relance. Échéancier demandé au fournisseur ; dossier FSL à préparer.")
                .withFollowUp("Appeler le fournisseur pour confirmer l'échéancier");
        core.visits().saveDraft(draft);
        core.documents().attach(draft.id(), new CapturedImage(DemoOffice.jpeg(), "image/jpeg", null), "facture");
        core.documents().attach(draft.id(), new CapturedImage(DemoOffice.jpeg(), "image/jpeg", null), "relance");
        interact(() -> in("#appointment-a1").query().getOnMouseClicked().handle(null));
        until(() -> has("#visit-synthesis") && in("#visit-photos .image-view").queryAll().size() == 2);
        until(() -> in("#visit-photos .image-view").queryAllAs(javafx.scene.image.ImageView.class).stream()
                .allMatch(i -> i.getImage() != null));
        shoot(app, "visit");
        interact(() -> in("#back").queryButton().fire());
        interact(() -> in("#nav-SYNC").queryAs(javafx.scene.control.ToggleButton.class).fire());
        until(() -> has("#sync-now"));
        shoot(app, "sync");
        core.close();
    }

    @Test
    void coordinator_planning() {
        CoreContext core = office.signedIn(dir, "coord");
        AppComposition app = compose(core);
        until(() -> has("#planning-submit") && !in("#planning-counsellor").queryComboBox().getItems().isEmpty());
        shoot(app, "planning");
        core.close();
    }

    @Test
    void office_reports() throws IOException {
        CoreContext tablet = office.signedIn(Files.createDirectories(dir.resolve("tablet")), "conseil1");
        for (String id : List.of("a1", "a2")) {
            VisitReport draft = tablet.visits().openForAppointment(id).orElseThrow()
                    .withDomains(List.of("energie", "budget"))
                    .withSynthesis("Point sur les factures d'énergie et le budget du foyer.")
                    .withFollowUp("Envoyer le dossier FSL");
            tablet.visits().saveDraft(draft);
            tablet.documents().attach(draft.id(), new CapturedImage(DemoOffice.jpeg(), "image/jpeg", null), "facture");
            assertThat(tablet.visits().complete(draft.id()).isOk()).isTrue();
        }
        assertThat(tablet.sync().syncNow().join().ok()).isTrue();
        tablet.close();
        CoreContext core = office.signedIn(Files.createDirectories(dir.resolve("office")), "bureau");
        AppComposition app = compose(core);
        until(() -> in("#office-list .list-item").queryAll().size() == 2);
        shoot(app, "office");
        String first = in("#office-list .list-item").query().getId();
        interact(() -> in("#" + first).query().getOnMouseClicked().handle(null));
        until(() -> in("#office-photos .image-view").tryQuery()
                .map(n -> ((javafx.scene.image.ImageView) n).getImage() != null).orElse(false));
        shoot(app, "office-report");
        core.close();
    }
}
