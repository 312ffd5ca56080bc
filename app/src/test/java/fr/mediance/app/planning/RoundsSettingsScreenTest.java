package fr.mediance.app.planning;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.testing.DemoOffice;
import fr.mediance.app.testing.UiTest;
import fr.mediance.protocol.CounsellorScheduleDto;
import fr.mediance.protocol.WorkingDayDto;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * « Réglages des tournées », opened from « Planification » by the coordinator: the office placed, a counsellor's
 * Wednesday off, a leave added and a bad time refused beside its day; looked at on a tablet, a desktop and a phone.
 */
class RoundsSettingsScreenTest extends UiTest {
    @TempDir
    Path dir;

    DemoOffice office;
    CoreContext core;

    void open(double width, double height) throws Exception {
        office = new DemoOffice();
        core = office.signedIn(dir, "coord");
        show(() -> office.compose(core, () -> CompletableFuture.completedFuture(Optional.empty())), width, height);
        // « Planification » is the coordinator's first place
        until(() -> exists("#planning-rounds-settings"));
        press("#planning-rounds-settings");
        until(() -> exists("#rounds-counsellor") && visible("#rounds-save-schedule"));
    }

    @AfterEach
    void tearDown() throws Exception {
        cleanUp();
        if (core != null) {
            core.close();
        }
        if (office != null) {
            office.close();
        }
    }

    private void snapshot(String name) {
        javafx.scene.image.WritableImage[] image = new javafx.scene.image.WritableImage[1];
        interact(() -> image[0] = node("#rounds-root").getScene().snapshot(null));
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

    /** Presses a button wherever the page is scrolled. */
    private void press(String query) {
        interact(() -> ((javafx.scene.control.ButtonBase) node(query)).fire());
    }

    private void type(String query, String value) {
        interact(() -> ((TextField) node(query)).setText(value));
    }

    @Test
    void theCoordinatorPlacesTheOfficeAndSetsACounsellorsWeek() throws Exception {
        open(1280, 800);
        type("#rounds-officeAddress", "12 boulevard National, 13003 Marseille");
        type("#rounds-officeLatitude", "43,3106");
        type("#rounds-officeLongitude", "5,3849");
        press("#rounds-save-settings");
        until(() -> text("#rounds-message").equals("Réglages enregistrés."));
        assertThat(office.server.planningSettings.office().latitude()).isEqualTo(43.3106);
        assertThat(text("#rounds-office-place")).isEqualTo("Placé à la main");

        // the first counsellor by name: Awa Diallo
        assertThat(text("#rounds-schedule-summary")).contains("horaires par défaut");
        interact(() -> ((CheckBox) node("#rounds-day-wed")).setSelected(false));
        assertThat(node("#rounds-day-wed-start").isDisabled()).isTrue();
        type("#rounds-day-tue-end", "08:45");
        press("#rounds-save-schedule");
        until(() -> !text("#rounds-day-tue-error").isEmpty());
        assertThat(text("#rounds-day-tue-error")).contains("60 minutes après son début");
        assertThat(office.server.schedules).isEmpty();

        type("#rounds-day-tue-end", "17:00");
        type("#rounds-day-off-from", "21/12/2026");
        type("#rounds-day-off-to", "23/12/2026");
        press("#rounds-add-days-off");
        until(() -> exists("#rounds-remove-2026-12-23"));
        snapshot("rounds-settings-tablet");
        press("#rounds-save-schedule");
        until(() -> text("#rounds-message").equals("Horaires de Awa Diallo enregistrés."));
        CounsellorScheduleDto saved = office.server.schedules.get("u-c1");
        assertThat(saved.days()).extracting(WorkingDayDto::day).containsExactly("mon", "tue", "thu", "fri");
        assertThat(saved.daysOff())
                .containsExactly(LocalDate.of(2026, 12, 21), LocalDate.of(2026, 12, 22), LocalDate.of(2026, 12, 23));
        assertThat(text("#rounds-day-tue-error")).isEmpty();
    }

    @Test
    void onADesktopAndOnAPhoneEveryFieldIsReachable() throws Exception {
        open(1366, 768);
        snapshot("rounds-settings-desktop");
        cleanUp();
        core.close();
        office.close();
        dir = java.nio.file.Files.createTempDirectory(dir, "phone");
        open(412, 915);
        assertThat(node("#rounds-day-sat-end").getBoundsInParent().getWidth()).isGreaterThan(40);
        snapshot("rounds-settings-phone");
    }
}
