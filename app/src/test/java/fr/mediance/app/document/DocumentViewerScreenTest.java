package fr.mediance.app.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fr.mediance.app.AppComposition;
import fr.mediance.app.ScreenContext;
import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.platform.CapturedImage;
import fr.mediance.app.testing.DemoOffice;
import fr.mediance.app.testing.UiTest;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The document viewer: fits the screen, zooms with the buttons, toggles 100 % with a double tap. */
class DocumentViewerScreenTest extends UiTest {

    @TempDir
    Path dir;

    DemoOffice office;
    CoreContext core;
    AppComposition app;
    String documentId;
    DocumentViewerView viewer;

    @BeforeEach
    void setUp() throws Exception {
        office = new DemoOffice();
        core = office.signedIn(dir, "conseil1");
        String report = core.visits().openForAppointment("a1").orElseThrow().id();
        documentId = core.documents()
                .attach(report, new CapturedImage(DemoOffice.jpeg(), "image/jpeg", null), "facture")
                .value()
                .id();
        app = show(() -> office.compose(core, () -> CompletableFuture.completedFuture(Optional.empty())), 800, 1100);
        until(() -> exists("#appointment-a1"));
        interact(() -> viewer = (DocumentViewerView) new DocumentScreens(context()).view(documentId));
        until(() -> exists("#document-image") && ((ImageView) node("#document-image")).getImage() != null);
    }

    ScreenContext context() {
        return new ScreenContext(
                core,
                null,
                DemoOffice.TEXTS,
                office.background(),
                Platform::runLater,
                core.clock(),
                core.zone(),
                app.shell(),
                r -> {},
                id -> {},
                id -> {});
    }

    @AfterEach
    void tearDown() throws Exception {
        cleanUp();
        core.close();
        office.close();
    }

    @Test
    void the_document_fits_then_zooms_in_and_out_and_a_double_tap_shows_it_at_100_percent() {
        double fit = viewer.zoom().fitScale();
        until(() -> Math.abs(viewer.zoom().scaleProperty().get() - viewer.zoom().fitScale()) < 1e-6);
        assertThat(text("#app-title")).isEqualTo("Facture");
        ImageView image = node("#document-image");
        double fittedWidth = image.getFitWidth();

        clickOn("#document-zoom-in");
        until(() -> image.getFitWidth() > fittedWidth * 1.2);
        assertThat(text("#document-zoom-percent"))
                .isEqualTo(Math.round(viewer.zoom().scaleProperty().get() * 100) + " %");
        clickOn("#document-zoom-out");
        until(() -> Math.abs(image.getFitWidth() - fittedWidth) < 0.5);

        doubleClickOn("#document-image", MouseButton.PRIMARY);
        until(() -> text("#document-zoom-percent").equals("100 %") || Math.abs(fit - 1) < 1e-6);
        assertThat(image.getFitWidth()).isCloseTo(image.getImage().getWidth(), within(0.5));
    }
}
