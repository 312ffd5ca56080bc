package fr.mediance.app.agenda;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.testing.DemoOffice;
import fr.mediance.app.testing.UiTest;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
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
        assertThat(list.getChildren()).hasSize(5); // the day's count, then its four appointments
        assertThat(lookup("#agenda-count-" + java.time.LocalDate.now(DemoOffice.PARIS))
                        .queryLabeled()
                        .getText())
                .isEqualTo("4 rendez-vous");
        assertThat(lookup("#appointment-a1 .item-time").queryLabeled().getText())
                .isEqualTo("09:30 – 10:30");
        assertThat(lookup("#appointment-a1 .item-title").queryLabeled().getText())
                .isEqualTo("Fatima Benali");
        assertThat(lookup("#appointment-a1 .status-label").queryLabeled().getText())
                .isEqualTo("Confirmé");
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
    void the_week_then_a_day_then_a_tap_opens_the_visit() {
        clickOn("#agenda-week");
        until(() -> text("#agenda-heading").startsWith("Semaine du"));
        java.time.LocalDate today = java.time.LocalDate.now(DemoOffice.PARIS);
        until(() -> exists("#agenda-day-" + today));
        assertThat(lookup("#agenda-count-" + today).queryLabeled().getText()).isEqualTo("4 rendez-vous");
        assertThat(lookup(".agenda-day").queryAll()).hasSize(7);

        clickOn("#agenda-day-" + today);
        until(() -> text("#agenda-heading").startsWith("Aujourd'hui"));
        assertThat(exists("#appointment-a5")).isFalse();
        clickOn("#appointment-a3");
        until(() -> exists("#visit-resident") && "Thi Lan Nguyen".equals(text("#visit-resident")));
    }

    @Test
    void previous_and_next_day_and_back_to_today() {
        clickOn("#agenda-next");
        until(() -> !text("#agenda-heading").startsWith("Aujourd'hui"));
        assertThat(visible("#agenda-go-today")).isTrue();
        clickOn("#agenda-go-today");
        until(() -> text("#agenda-heading").startsWith("Aujourd'hui") && exists("#appointment-a1"));
        assertThat(visible("#agenda-go-today")).isFalse();
    }

    @Test
    void prepare_opens_the_panel_with_address_access_and_the_way_to_the_visit() {
        clickOn("#appointment-a1-prepare");
        until(() -> exists("#appointment-resident") && "Fatima Benali".equals(text("#appointment-resident")));
        assertThat(text("#appointment-access")).isEqualTo("Digicode 1234B, 2e étage");
        assertThat(text("#appointment-last-title")).isEqualTo("Aucun contact terminé avec cette personne.");
        until(() -> exists("#appointment-resident-documents #documents-empty"));
        assertThat(visible("#appointment-call")).isFalse(); // no dialer in the tests' composition
        clickOn("#appointment-absent");
        until(() -> visible("#appointment-reason-error"));
        assertThat(text("#appointment-reason-error")).isEqualTo("Choisissez un motif.");

        clickOn("#appointment-open-visit");
        until(() -> exists("#visit-resident") && "Fatima Benali".equals(text("#visit-resident")));
        assertThat(visible("#check-in-bar")).isFalse(); // no position service here
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
