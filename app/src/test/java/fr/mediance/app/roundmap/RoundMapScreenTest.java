package fr.mediance.app.roundmap;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.map.RouteMap;
import fr.mediance.app.testing.DemoOffice;
import fr.mediance.app.testing.UiTest;
import fr.mediance.protocol.GeoPointDto;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.scene.Node;
import javafx.scene.control.ToggleButton;
import javafx.scene.shape.Polyline;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** « Carte des tournées » of the coordination, with no map tiles (none can load here): the layers are drawn. */
class RoundMapScreenTest extends UiTest {

    @TempDir
    Path dir;

    DemoOffice office;
    CoreContext core;

    @BeforeEach
    void setUp() throws Exception {
        office = new DemoOffice();
        RoundsDemo.seed(office);
        core = office.signedIn(dir, "coord");
        show(() -> office.compose(core, () -> CompletableFuture.completedFuture(Optional.empty())), 1366, 900);
        until(() -> exists("#rail-MAP"));
        interact(() -> lookup("#rail-MAP").queryAs(ToggleButton.class).fire());
        until(() -> exists("#map-route-u-c3")
                && node("#route-map") instanceof RouteMap m
                && m.pinNodes().size() == 11);
    }

    @AfterEach
    void tearDown() throws Exception {
        cleanUp();
        core.close();
        office.close();
    }

    RouteMap map() {
        return node("#route-map");
    }

    @Test
    void the_day_shows_a_pin_per_located_stop_the_office_and_a_line_per_counsellor_without_tiles() {
        assertThat(text("#app-title")).isEqualTo("Carte des tournées");
        // the office, then Awa's 3 located stops (Thi Lan is not), Karim's 3 and Nadia's 4
        List<Node> pins = map().pinNodes();
        assertThat(pins).extracting(Node::getId).last().isEqualTo("map-pin-office"); // drawn over the lines' ends
        assertThat(pins.stream()
                        .filter(n -> n.getStyleClass().contains("map-route-0"))
                        .count())
                .isEqualTo(3);
        assertThat(pins.stream()
                        .filter(n -> n.getStyleClass().contains("map-route-2"))
                        .count())
                .isEqualTo(4);
        List<Polyline> lines = map().pathNodes();
        assertThat(lines).extracting(Node::getId).containsExactly("map-line-u-c1", "map-line-u-c2", "map-line-u-c3");
        // office → 4 stops → office: six points, each drawn inside the map
        assertThat(lines.get(2).getPoints()).hasSize(12);
        assertThat(lines.get(2).getStyleClass()).contains("map-line", "map-route-2");
        for (Node pin : pins) {
            javafx.geometry.Bounds b = pin.localToScene(pin.getLayoutBounds());
            javafx.geometry.Bounds area = map().localToScene(map().getLayoutBounds());
            assertThat(area.contains(b.getCenterX(), b.getCenterY()))
                    .as(pin.getId())
                    .isTrue();
        }
        assertThat(visible("#route-map-no-tiles")).isTrue();
        assertThat(text("#route-map-attribution")).isEqualTo("© les contributeurs d'OpenStreetMap");
        assertThat(visible("#map-unlocated")).isTrue();
        assertThat(lookup("#map-unlocated .item-title").queryAll()).hasSize(1);
    }

    @Test
    void a_pin_tapped_selects_the_resident() {
        Node pin = map().pinNodes().stream()
                .filter(n -> n.getId().startsWith("map-pin-r8@"))
                .findFirst()
                .orElseThrow();
        clickOn(pin);
        until(() -> visible("#map-move"));
        assertThat(text("#map-selected")).isEqualTo("Samira Haddou — repère de la base adresse");
    }

    @Test
    void a_pin_moved_by_hand_is_saved_on_the_resident_and_can_be_undone_before() {
        clickOn("#map-stop-a2");
        until(() -> visible("#map-move"));
        assertThat(text("#map-selected")).isEqualTo("Jean Martin — repère approximatif (du service de géocodage)");
        clickOn("#map-move");
        until(() -> visible("#map-move-prompt"));
        assertThat(text("#map-move-prompt")).isEqualTo("Touchez la carte là où habite Jean Martin.");

        moveTo(map()).moveBy(120, -140);
        clickOn();
        until(() -> map().pinNodes().stream().anyMatch(n -> n.getStyleClass().contains("map-pending")));
        clickOn("#map-move-undo");
        until(() -> map().pinNodes().stream().noneMatch(n -> n.getStyleClass().contains("map-pending")));

        moveTo(map()).moveBy(-150, -100);
        clickOn();
        until(() -> map().pinNodes().stream().anyMatch(n -> n.getStyleClass().contains("map-pending")));
        clickOn("#map-move-save");
        until(() -> !visible("#map-move-prompt")
                && core.residents().locations(List.of("r2")).get("r2").source().equals(GeoPointDto.SOURCE_MANUAL));
        GeoPointDto saved = core.residents().locations(List.of("r2")).get("r2");
        assertThat(GeoPointDto.problem(saved)).isNull();
        assertThat(saved.latitude()).isBetween(43.0, 43.6);
        assertThat(saved.longitude()).isBetween(5.1, 5.7);
    }
}
