package fr.mediance.app.sync;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.testing.DemoOffice;
import fr.mediance.app.testing.UiTest;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ToggleButton;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Synchronisation" after a visit terminated offline with a photo: each item with its state, the photo's
 * progress bar moving while the server receives it chunk by chunk, and "Tout est reçu par le bureau" only once
 * the server has said so.
 */
class SyncScreenTest extends UiTest {

    @TempDir
    Path dir;

    DemoOffice office;
    CoreContext core;
    String reportId;
    String photoId;
    CountDownLatch release;

    @BeforeEach
    void setUp() throws Exception {
        office = new DemoOffice();
        core = office.signedIn(dir, "conseil1");
        reportId = DemoOffice.completeVisit(core, "a1", "facture");
        photoId = core.documents().photos(reportId).get(0).id();
        show(() -> office.compose(core, () -> CompletableFuture.completedFuture(Optional.empty())), 800, 1280);
        until(() -> exists("#nav-SYNC"));
        clickOn("#nav-SYNC");
        until(() -> exists("#sync-photo-" + photoId));
    }

    @AfterEach
    void tearDown() throws Exception {
        if (release != null) {
            release.countDown();
        }
        cleanUp();
        core.close();
        office.close();
    }

    @Test
    void a_photo_in_progress_has_a_live_bar_and_nothing_is_received_before_the_server_says_so() {
        // the report, the case it opened, the appointment's new status and the photo: four items, one a photo
        assertThat(text("#sync-summary")).isEqualTo("4 éléments en attente, dont 1 photo");
        assertThat(text("#sync-indicator")).isEqualTo("4 en attente");
        assertThat(text("#sync-photo-" + photoId + "-state")).isEqualTo("En attente");
        assertThat(text("#sync-record-visit_report-" + reportId + "-state")).isEqualTo("En attente");
        assertThat(exists("#sync-photo-" + photoId + "-progress")).isTrue();

        long size = core.documents().photos(reportId).get(0).sizeBytes();
        int chunk = 16 * 1024; // the smallest chunk the device accepts
        assertThat(size).isGreaterThan(4L * chunk);
        release = office.holdUploadAt(chunk, 3); // two chunks received, the third held
        clickOn("#sync-now");

        until(() -> exists("#sync-photo-" + photoId + "-progress")
                && ((ProgressBar) node("#sync-photo-" + photoId + "-progress")).getProgress() > 0
                && text("#sync-photo-" + photoId + "-state").startsWith("Envoi "));
        String state = text("#sync-photo-" + photoId + "-state");
        assertThat(state).matches("Envoi \\d{1,2} %");
        double shown = ((ProgressBar) node("#sync-photo-" + photoId + "-progress")).getProgress();
        assertThat(shown).isLessThan(1.0);
        assertThat(text("#sync-indicator")).isEqualTo("En cours…");
        assertThat(text("#sync-summary")).doesNotContain("reçu");
        assertThat(exists("#sync-received-list #sync-photo-" + photoId)).isFalse();

        release.countDown();

        until(() -> text("#sync-summary").startsWith("Tout est reçu par le bureau à "));
        assertThat(text("#sync-indicator")).isEqualTo("Tout est reçu");
        assertThat(lookup("#sync-received-list #sync-photo-" + photoId + "-state")
                        .queryLabeled()
                        .getText())
                .isEqualTo("Reçue par le bureau");
        assertThat(lookup("#sync-received-list #sync-record-visit_report-" + reportId + "-state")
                        .queryLabeled()
                        .getText())
                .isEqualTo("Reçu par le bureau");
        assertThat(exists("#sync-pending-list #sync-photo-" + photoId)).isFalse();
        assertThat(office.server.hasBlob(
                        core.documents().photos(reportId).get(0).sha256()))
                .isTrue();
    }

    @Test
    void a_refused_report_needs_attention_with_the_reason_and_can_be_tried_again() {
        office.server.reject(reportId, "Ce rendez-vous a été annulé par la coordination.");
        clickOn("#sync-now");
        String id = "#sync-record-visit_report-" + reportId;
        until(() -> exists("#sync-attention-list " + id + "-retry")
                && text("#sync-indicator").equals("1 à vérifier"));
        assertThat(text(id + "-state")).isEqualTo("À vérifier");
        assertThat(text(id + "-reason")).isEqualTo("Ce rendez-vous a été annulé par la coordination.");
        assertThat(text("#sync-indicator")).isEqualTo("1 à vérifier");

        office.server.accept(reportId);
        clickOn(id + "-retry");

        until(() -> text("#sync-summary").startsWith("Tout est reçu par le bureau à "));
        assertThat(exists("#sync-attention-list " + id)).isFalse();
        assertThat(visible("#sync-attention")).isFalse();
    }

    @Test
    void offline_the_headline_says_the_data_stays_on_the_tablet() {
        office.server.goOffline();
        clickOn("#sync-now");
        until(() -> visible("#offline-badge"));
        until(() -> text("#sync-summary").startsWith("Hors ligne"));
        assertThat(text("#sync-summary")).isEqualTo("Hors ligne — les données restent sur la tablette");
        assertThat(text("#sync-counts")).isEqualTo("4 éléments en attente, dont 1 photo");
        assertThat(((ToggleButton) node("#nav-SYNC")).isSelected()).isTrue();
    }
}
