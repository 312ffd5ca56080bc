package fr.mediance.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.AppComposition;
import fr.mediance.app.core.CoreContext;
import fr.mediance.app.testing.DemoOffice;
import fr.mediance.app.testing.UiTest;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The office has eight places: on a phone the bottom bar shows the first four and « Plus », which lists the others
 * and opens them; on a tablet every place is in the bar.
 */
class BottomBarOverflowTest extends UiTest {
    @TempDir
    Path dir;

    DemoOffice office;
    CoreContext core;

    @BeforeEach
    void setUp() {
        office = new DemoOffice();
        core = office.signedIn(dir, "bureau");
    }

    @AfterEach
    void tearDown() throws Exception {
        cleanUp();
        core.close();
        office.close();
    }

    private AppComposition showAt(double width, double height) throws Exception {
        AppComposition app = show(
                () -> office.compose(core, () -> CompletableFuture.completedFuture(Optional.empty())), width, height);
        until(() -> exists("#nav-REPORTS"));
        return app;
    }

    private List<String> barIds() {
        HBox bar = (HBox) node("#nav-REPORTS").getParent();
        return bar.getChildren().stream().map(Node::getId).toList();
    }

    @Test
    void on_a_phone_the_bar_shows_four_places_and_plus_which_opens_the_others() throws Exception {
        AppComposition app = showAt(390, 844);
        assertThat(barIds())
                .containsExactly("nav-REPORTS", "nav-RESIDENTS", "nav-PARTNERS", "nav-CONFLICTS", "nav-more");
        assertThat(text("#nav-more")).isEqualTo("Plus");

        clickOn("#nav-more");
        until(() -> openMenu().isPresent());
        assertThat(openMenu().orElseThrow().getItems())
                .extracting(MenuItem::getText)
                .containsExactly("Listes de référence", "Demandes RGPD", "Comptes", "Synchronisation");
        interact(() -> openMenu().orElseThrow().getItems().stream()
                .filter(i -> "more-ACCOUNTS".equals(i.getId()))
                .findFirst()
                .orElseThrow()
                .fire());

        until(() -> "ACCOUNTS".equals(app.shell().selectedDestination()));
        assertThat(text("#app-title")).isEqualTo("Comptes");
        assertThat(((ToggleButton) node("#nav-more")).isSelected())
                .as("the place shown is one « Plus » lists")
                .isTrue();
        clickOn("#nav-RESIDENTS");
        until(() -> "RESIDENTS".equals(app.shell().selectedDestination()));
        assertThat(((ToggleButton) node("#nav-more")).isSelected()).isFalse();
    }

    @Test
    void on_a_tablet_every_place_is_in_the_bar() throws Exception {
        showAt(800, 1280);
        assertThat(barIds())
                .containsExactly(
                        "nav-REPORTS",
                        "nav-RESIDENTS",
                        "nav-PARTNERS",
                        "nav-CONFLICTS",
                        "nav-REFERENCE",
                        "nav-GDPR",
                        "nav-ACCOUNTS",
                        "nav-SYNC");
    }

    @Test
    void plus_carries_the_badges_of_the_places_it_lists() {
        SimpleStringProperty a = new SimpleStringProperty("");
        SimpleStringProperty b = new SimpleStringProperty("2");
        assertThat(AppShell.sumOfBadges(List.of(a))).isEmpty();
        assertThat(AppShell.sumOfBadges(List.of(a, b))).isEqualTo("2");
        a.set("3");
        assertThat(AppShell.sumOfBadges(List.of(a, b))).isEqualTo("5");
        a.set("99+");
        assertThat(AppShell.sumOfBadges(List.of(a))).isEqualTo("99+");
        assertThat(AppShell.sumOfBadges(List.of(a, b))).isEqualTo("!");
    }

    private static Optional<ContextMenu> openMenu() {
        return Window.getWindows().stream()
                .filter(w -> w instanceof ContextMenu && w.isShowing())
                .map(w -> (ContextMenu) w)
                .findFirst();
    }
}
