package fr.mediance.app.agenda;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.testing.DemoOffice;
import fr.mediance.app.testing.UiTest;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agenda's « changements depuis votre dernier passage »: the coordination's changes brought by a sync. */
class AgendaChangesScreenTest extends UiTest {

    @TempDir
    Path dir;

    DemoOffice office;
    CoreContext core;

    @BeforeEach
    void setUp() throws Exception {
        office = new DemoOffice();
        core = office.signedIn(dir, "conseil1");
        show(() -> office.compose(core, () -> CompletableFuture.completedFuture(Optional.empty())), 412, 915);
        until(() -> exists("#appointment-a1"));
    }

    @AfterEach
    void tearDown() throws Exception {
        cleanUp();
        core.close();
        office.close();
    }

    @Test
    void nothing_is_news_the_first_time_then_the_others_changes_show_and_i_have_seen_clears_them() {
        assertThat(visible("#agenda-changes")).isFalse();

        AgendaChangesDemo.coordinationChanges(office);
        core.sync().syncNow().join();

        until(() -> visible("#agenda-changes"));
        assertThat(text("#agenda-changes-title")).isEqualTo("4 changements depuis votre dernier passage");
        assertThat(visible("#agenda-changes-list")).isFalse();

        clickOn("#agenda-changes-toggle");
        until(() -> visible("#agenda-changes-list"));
        assertThat(lookup("#agenda-changes-list .agenda-change .item-title")
                        .queryAllAs(javafx.scene.control.Label.class))
                .extracting(javafx.scene.control.Label::getText)
                .containsExactly(
                        "Rendez-vous déplacé",
                        "Rendez-vous annulé",
                        "Verrouillé par la coordination",
                        "Nouveau rendez-vous");

        clickOn("#agenda-changes-seen");
        until(() -> !visible("#agenda-changes"));
        assertThat(core.agendaChanges().changes().changes()).isEmpty();
    }
}
