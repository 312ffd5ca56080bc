package fr.mediance.app.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.testing.DemoOffice;
import fr.mediance.app.testing.UiTest;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * « Calendrier du téléphone », opened from the account card of « Synchronisation »: a new link shown as text and as a
 * QR code, listed without its address, and revoked.
 */
class PhoneCalendarScreenTest extends UiTest {
    @TempDir
    Path dir;

    DemoOffice office;
    CoreContext core;

    @BeforeEach
    void setUp() throws Exception {
        office = new DemoOffice();
        core = office.signedIn(dir, "conseil1");
        show(() -> office.compose(core, () -> CompletableFuture.completedFuture(Optional.empty())), 800, 1280);
        until(() -> exists("#nav-SYNC"));
        clickOn("#nav-SYNC");
        until(() -> exists("#phone-calendar"));
        clickOn("#phone-calendar");
        until(() -> exists("#calendar-create"));
    }

    @AfterEach
    void tearDown() throws Exception {
        cleanUp();
        core.close();
        office.close();
    }

    /** The window as a PNG under {@code target/screens}, to look at. */
    private void snapshot(String name) {
        javafx.scene.image.WritableImage[] image = new javafx.scene.image.WritableImage[1];
        interact(() -> image[0] = node("#calendar-root").getScene().snapshot(null));
        try {
            Path out = Path.of("target", "screens");
            java.nio.file.Files.createDirectories(out);
            javax.imageio.ImageIO.write(
                    javafx.embed.swing.SwingFXUtils.fromFXImage(image[0], null),
                    "png",
                    out.resolve(name + ".png").toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aCounsellorCreatesALinkSeesItAsTextAndQrCodeThenRevokesIt() {
        assertThat(visible("#calendar-qr")).isFalse();
        until(() -> !node("#calendar-create").isDisabled());
        clickOn("#calendar-create");
        until(() -> ((TextField) node("#calendar-url")).getText().endsWith(".ics"));
        assertThat(((TextField) node("#calendar-url")).getText())
                .startsWith("http")
                .contains("/calendar/");
        assertThat(visible("#calendar-qr")).isTrue();
        assertThat(((Canvas) node("#calendar-qr")).getWidth()).isGreaterThan(100);
        until(() -> exists("#calendar-revoke-link-1"));
        snapshot("phone-calendar-created");

        clickOn("#calendar-revoke-link-1");
        until(() -> text("#calendar-message").startsWith("Lien révoqué"));
        assertThat(visible("#calendar-qr")).isFalse();
        assertThat(exists("#calendar-revoke-link-1")).isFalse();
    }
}
