package fr.mediance.app.conflict;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.testing.DemoOffice;
import fr.mediance.app.testing.UiTest;
import fr.mediance.protocol.ConflictDto;
import fr.mediance.protocol.EntityType;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.scene.control.RadioButton;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A coordinator resolves the conflict two counsellors made on a resident's phone number. */
class ConflictsScreenTest extends UiTest {

    @TempDir
    Path dir;

    DemoOffice office;
    CoreContext core;

    @BeforeEach
    void setUp() throws Exception {
        office = new DemoOffice();
        office.conflict(
                "c1",
                "phone",
                "06 12 34 56 78",
                "06 11 11 11 11",
                "06 22 22 22 22",
                Instant.parse("2026-11-26T09:02:00Z"));
        core = office.signedIn(dir, "coord");
        show(() -> office.compose(core, () -> CompletableFuture.completedFuture(Optional.empty())), 800, 1280);
        until(() -> exists("#nav-CONFLICTS"));
    }

    @AfterEach
    void tearDown() throws Exception {
        cleanUp();
        core.close();
        office.close();
    }

    @Test
    void keep_one_value_then_the_list_is_empty_and_the_server_has_the_choice() {
        until(() -> "1".equals(text("#nav-CONFLICTS-badge")));
        assertThat(visible("#nav-CONFLICTS-badge")).isTrue();
        clickOn("#nav-CONFLICTS");
        until(() -> exists("#conflict-c1"));
        assertThat(text("#app-title")).isEqualTo("Conflits à résoudre");
        assertThat(text("#conflict-c1-field")).isEqualTo("Téléphone");
        assertThat(text("#conflict-c1-server")).isEqualTo("06 11 11 11 11");
        assertThat(text("#conflict-c1-client")).isEqualTo("06 22 22 22 22");
        assertThat(lookup("#conflict-c1 .label").queryAllAs(javafx.scene.control.Label.class).stream()
                        .map(javafx.scene.control.Label::getText))
                .contains(
                        "Fatima Benali",
                        "Par Karim Haddad · enregistrée en premier",
                        "Par Awa Diallo · le 26/11/2026 à 10:02 · valeur actuelle de la fiche");

        // nothing chosen: said beside the button, nothing sent
        clickOn("#conflict-c1-resolve");
        until(() -> visible("#conflict-c1-error"));
        assertThat(text("#conflict-c1-error")).isEqualTo("Choisissez l'une des deux valeurs.");

        clickOn("#conflict-c1-server");
        assertThat(((RadioButton) node("#conflict-c1-server")).isSelected()).isTrue();
        assertThat(visible("#conflict-c1-error")).isFalse();
        clickOn("#conflict-c1-resolve");

        until(() -> exists("#conflicts-empty"));
        assertThat(visible("#nav-CONFLICTS-badge")).isFalse();
        assertThat(text("#snackbar-text")).startsWith("Conflit résolu");

        assertThat(core.sync().syncNow().join().ok()).isTrue();
        ConflictDto onServer = (ConflictDto) office.server.entity(EntityType.CONFLICT, "c1");
        assertThat(onServer.resolved()).isTrue();
        assertThat(onServer.resolvedValue()).isEqualTo("06 11 11 11 11");
    }

    @Test
    void no_third_value_is_offered_as_the_server_refuses_it() {
        clickOn("#nav-CONFLICTS");
        until(() -> exists("#conflict-c1-client"));
        assertThat(exists("#conflict-c1-other-text")).isFalse();
        clickOn("#conflict-c1-client");
        clickOn("#conflict-c1-resolve");

        until(() -> exists("#conflicts-empty"));
        assertThat(core.sync().syncNow().join().ok()).isTrue();
        assertThat(((ConflictDto) office.server.entity(EntityType.CONFLICT, "c1")).resolvedValue())
                .isEqualTo("06 22 22 22 22");
    }
}
