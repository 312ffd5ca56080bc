package fr.mediance.app.agenda;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.testing.DemoOffice;
import fr.mediance.app.testing.UiTest;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Mes rendez-vous" of a signed-in counsellor, from the local store. */
class AgendaScreenTest extends UiTest {

    @TempDir
    Path dir;
    DemoOffice office;
    CoreContext core;

    @BeforeEach
    void setUp() throws Exception {
        office = new DemoOffice();
        core = office.signedIn(dir, "conseil1");
        show(() -> office.compose(core, () -> CompletableFuture.completedFuture(Optional.empty())), 800, 1100);
        until(() -> exists("#appointment-a1"));
    }

    @AfterEach
    void tearDown() throws Exception {
        cleanUp();
        core.close();
        office.close();
    }

    @Test
    void today_shows_each_appointment_with_time_resident_address_and_status() {
        assertThat(text("#app-title")).isEqualTo("Mes rendez-vous");
        assertThat(text("#agenda-heading")).startsWith("Aujourd'hui, ");
        VBox list = node("#agenda-list");
        assertThat(list.getChildren()).hasSize(4);
        assertThat(lookup("#appointment-a1 .item-time").queryLabeled().getText()).isEqualTo("09:30 – 10:30");
        assertThat(lookup("#appointment-a1 .item-title").queryLabeled().getText()).isEqualTo("Fatima Benali");
        assertThat(lookup("#appointment-a1 .status-label").queryLabeled().getText()).isEqualTo("Confirmé");
        assertThat(text("#sync-indicator")).isEqualTo("Tout est reçu");
        assertThat(visible("#offline-badge")).isFalse();
    }

    @Test
    void the_week_adds_the_other_days() {
        clickOn("#agenda-week");
        until(() -> text("#agenda-heading").startsWith("Semaine du"));
        until(() -> exists("#appointment-a5"));
        assertThat(exists("#appointment-a1")).isTrue();
    }

    @Test
    void one_tap_opens_the_visit_and_back_returns() {
        clickOn("#appointment-a2");
        until(() -> exists("#visit-resident") && "Jean Martin".equals(text("#visit-resident")));
        assertThat(text("#app-title")).isEqualTo("Jean Martin");
        assertThat(visible("#back")).isTrue();

        clickOn("#back");
        until(() -> exists("#agenda-heading"));
        assertThat(visible("#back")).isFalse();
    }

    @Test
    void a_sync_against_a_stopped_server_shows_the_offline_badge() {
        office.server.goOffline();
        clickOn("#nav-SYNC");
        until(() -> exists("#sync-now"));
        clickOn("#sync-now");
        until(() -> visible("#offline-badge"));
        assertThat(text("#sync-connection")).isEqualTo("Hors ligne");
    }
}
