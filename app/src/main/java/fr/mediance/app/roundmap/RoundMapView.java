package fr.mediance.app.roundmap;

import fr.mediance.app.core.roundmap.RoundMapViewModel;
import fr.mediance.app.core.roundmap.RoundMapViewModel.Marker;
import fr.mediance.app.core.roundmap.RoundMapViewModel.MarkerKind;
import fr.mediance.app.core.roundmap.RoundMapViewModel.Route;
import fr.mediance.app.core.roundmap.RoundMapViewModel.Stop;
import fr.mediance.app.core.roundmap.RoundMapViewModel.Unlocated;
import fr.mediance.app.map.RouteMap;
import fr.mediance.app.shell.BasicScreen;
import fr.mediance.app.shell.Ui;
import fr.mediance.app.theme.Styles;
import fr.mediance.protocol.GeoPointDto;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * « Carte des tournées »: the day's routes on the map beside the list of each counsellor's stops (under it on a narrow
 * screen), previous / next day; a pin or a line of the list selects the resident, « Déplacer le repère » then a tap on
 * the map moves their pin, saved or undone from the bar over the map.
 */
public final class RoundMapView extends BasicScreen {

    /** Counsellors' colours, by the route's index (then round again). */
    static final int COLOURS = 6;

    /** Below this width the list goes under the map. */
    static final double SIDE_BY_SIDE = 900;

    private final RoundMapViewModel vm;
    private final ResourceBundle texts;
    private final VBox list = new VBox(12);
    private RouteMap map;
    /** A new day was loaded: the map fits it once its markers arrive. */
    private boolean fitNext;

    public RoundMapView(RoundMapViewModel vm, ResourceBundle texts) {
        super(texts.getString("map.title"));
        this.vm = vm;
        this.texts = texts;
    }

    @Override
    protected Node build() {
        Button previous = Ui.iconButton(Material2AL.CHEVRON_LEFT, texts.getString("map.previous"));
        previous.setId("map-previous");
        previous.setOnAction(e -> vm.previous());
        Button next = Ui.iconButton(Material2AL.CHEVRON_RIGHT, texts.getString("map.next"));
        next.setId("map-next");
        next.setOnAction(e -> vm.next());
        for (Button b : new Button[] {previous, next}) {
            b.setMinSize(44, 44);
            b.getStyleClass().add(atlantafx.base.theme.Styles.FLAT);
        }
        Button today = Ui.button(texts.getString("map.today"), Material2MZ.TODAY);
        today.setId("map-today");
        today.setMinHeight(44);
        today.setOnAction(e -> vm.today());
        Label heading = Ui.bound(vm.headingProperty(), Styles.SECTION_TITLE);
        heading.setId("map-heading");
        HBox navigation = new HBox(4, previous, heading, next, Ui.spacer(), today);
        navigation.setAlignment(Pos.CENTER_LEFT);
        navigation.setPadding(new Insets(8, 12, 8, 12));

        map = new RouteMap(texts.getString("map.tiles.off"), texts.getString("map.attribution"));
        map.setOnPinTapped(id -> {
            if (!id.startsWith("office")) {
                vm.select(residentOf(id));
            }
        });
        map.setOnMapTapped(p -> {
            if (vm.movingProperty().get()) {
                vm.placeAt(p.latitude(), p.longitude());
            } else {
                vm.select(null);
            }
        });
        vm.markers().addListener((ListChangeListener<Marker>) c -> drawMap());
        vm.lines().addListener((ListChangeListener<RoundMapViewModel.Line>) c -> drawMap());
        vm.routes().addListener((ListChangeListener<Route>) c -> {
            renderList();
            fitNext = true; // the markers of the new day follow
        });
        vm.unlocated().addListener((ListChangeListener<Unlocated>) c -> renderList());
        vm.selectedProperty().addListener((o, a, b) -> renderList());

        StackPane mapArea = new StackPane(map, zoomButtons(), actionBar());
        mapArea.setId("map-area");
        mapArea.getStyleClass().add("map-area");

        list.setId("map-list");
        list.setPadding(new Insets(12));
        ScrollPane side = new ScrollPane(list);
        side.setFitToWidth(true);
        side.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        side.getStyleClass().add(Styles.CONTENT);
        side.setId("map-side");

        Pane body = new Pane() {
            @Override
            protected void layoutChildren() {
                double w = getWidth();
                double h = getHeight();
                if (w >= SIDE_BY_SIDE) {
                    double sideWidth = Math.min(420, Math.max(340, w * 0.3));
                    mapArea.resizeRelocate(0, 0, w - sideWidth, h);
                    side.resizeRelocate(w - sideWidth, 0, sideWidth, h);
                } else {
                    double mapHeight = Math.round(h * 0.55);
                    mapArea.resizeRelocate(0, 0, w, mapHeight);
                    side.resizeRelocate(0, mapHeight, w, h - mapHeight);
                }
            }
        };
        body.getChildren().addAll(mapArea, side);
        VBox.setVgrow(body, Priority.ALWAYS);
        VBox page = new VBox(navigation, body);
        page.getStyleClass().add("map-page");
        renderList();
        fitNext = true;
        drawMap();
        return page;
    }

    /** Zoom in, zoom out, the whole day: at the top right of the map. */
    private Node zoomButtons() {
        Button in = Ui.iconButton(Material2AL.ADD, texts.getString("map.zoomIn"));
        in.setId("map-zoom-in");
        in.setOnAction(e -> map.zoomIn());
        Button out = Ui.iconButton(Material2MZ.REMOVE, texts.getString("map.zoomOut"));
        out.setId("map-zoom-out");
        out.setOnAction(e -> map.zoomOut());
        Button fit = Ui.iconButton(Material2AL.CENTER_FOCUS_STRONG, texts.getString("map.fit"));
        fit.setId("map-fit");
        fit.setOnAction(e -> map.fitAll());
        VBox box = new VBox(6, in, out, fit);
        for (Node n : box.getChildren()) {
            ((Button) n).setMinSize(44, 44);
        }
        box.getStyleClass().add("map-tools");
        box.setMaxSize(Pane.USE_PREF_SIZE, Pane.USE_PREF_SIZE);
        StackPane.setAlignment(box, Pos.TOP_RIGHT);
        StackPane.setMargin(box, new Insets(10));
        return box;
    }

    /** Over the map: the selected resident and « Déplacer le repère », or the move's prompt, error and buttons. */
    private Node actionBar() {
        Label selected = Ui.bound(vm.selectedTextProperty(), Styles.ITEM_TITLE);
        selected.setId("map-selected");
        Button move = Ui.button(texts.getString("map.move"), Material2MZ.PLACE, Styles.SECONDARY);
        move.setId("map-move");
        move.setMinHeight(44);
        move.setOnAction(e -> vm.startMove());
        HBox selection = new HBox(12, selected, Ui.spacer(), move);
        selection.setAlignment(Pos.CENTER_LEFT);
        selection
                .visibleProperty()
                .bind(vm.selectedProperty().isNotNull().and(vm.movingProperty().not()));
        selection.managedProperty().bind(selection.visibleProperty());

        Label prompt = Ui.bound(vm.promptProperty(), Styles.ITEM_TITLE);
        prompt.setId("map-move-prompt");
        Label error = Ui.bound(vm.errorProperty(), Styles.FIELD_ERROR);
        error.setId("map-move-error");
        Ui.hideWhenBlank(error);
        Button save = Ui.button(texts.getString("map.move.save"), Material2MZ.SAVE, Styles.PRIMARY);
        save.setId("map-move-save");
        save.disableProperty().bind(vm.pendingProperty().isNull());
        save.setOnAction(e -> vm.save());
        Button undo = Ui.button(texts.getString("map.move.undo"), Material2MZ.UNDO, Styles.SECONDARY);
        undo.setId("map-move-undo");
        undo.disableProperty().bind(vm.pendingProperty().isNull());
        undo.setOnAction(e -> vm.undo());
        Button close = Ui.button(texts.getString("map.move.cancel"), Material2AL.CLOSE);
        close.setId("map-move-cancel");
        close.setOnAction(e -> vm.cancelMove());
        for (Button b : new Button[] {save, undo, close}) {
            b.setMinHeight(44);
        }
        FlowPane buttons = new FlowPane(8, 8, save, undo, close);
        VBox moving = new VBox(6, prompt, error, buttons);
        moving.visibleProperty().bind(vm.movingProperty());
        moving.managedProperty().bind(moving.visibleProperty());

        VBox bar = new VBox(selection, moving);
        bar.setId("map-action-bar");
        bar.getStyleClass().addAll(Styles.CARD, "map-action-bar");
        bar.visibleProperty().bind(selection.visibleProperty().or(moving.visibleProperty()));
        bar.setMaxHeight(Pane.USE_PREF_SIZE);
        bar.setMaxWidth(560);
        StackPane.setAlignment(bar, Pos.BOTTOM_CENTER);
        StackPane.setMargin(bar, new Insets(12, 12, 28, 12));
        return bar;
    }

    private static String residentOf(String pinId) {
        int at = pinId.indexOf('@');
        return at < 0 ? pinId : pinId.substring(0, at);
    }

    private void drawMap() {
        if (map == null) {
            return;
        }
        List<RouteMap.Pin> pins = new ArrayList<>();
        for (Marker m : vm.markers()) {
            List<String> classes = switch (m.kind()) {
                case OFFICE -> List.of("map-office");
                case PENDING -> List.of(colour(m.colour()), "map-pending");
                case STOP ->
                    m.approximate() ? List.of(colour(m.colour()), "map-approximate") : List.of(colour(m.colour()));
            };
            String id = m.kind() == MarkerKind.OFFICE ? "office" : m.residentId() + "@" + m.appointmentId();
            pins.add(new RouteMap.Pin(
                    id, new RouteMap.LatLon(m.latitude(), m.longitude()), m.label(), classes, m.selected()));
        }
        // the office above the lines and stops that start and end there
        pins.sort(java.util.Comparator.comparing(p -> p.id().equals("office")));
        List<RouteMap.Path> paths = new ArrayList<>();
        for (RoundMapViewModel.Line l : vm.lines()) {
            List<RouteMap.LatLon> points = new ArrayList<>();
            for (GeoPointDto p : l.points()) {
                points.add(new RouteMap.LatLon(p.latitude(), p.longitude()));
            }
            paths.add(new RouteMap.Path(l.counsellorId(), points, List.of(colour(l.colour()))));
        }
        map.setPaths(paths);
        map.setPins(pins);
        if (fitNext && !pins.isEmpty()) {
            fitNext = false;
            map.fitAll();
        }
    }

    static String colour(int index) {
        return "map-route-" + Math.floorMod(index, COLOURS);
    }

    private void renderList() {
        list.getChildren().clear();
        if (vm.routes().isEmpty()) {
            VBox empty = Ui.emptyState(Material2MZ.MAP, texts.getString("map.empty"), "");
            empty.setId("map-empty");
            list.getChildren().add(empty);
        }
        for (Route r : vm.routes()) {
            list.getChildren().add(routeCard(r));
        }
        if (!vm.unlocated().isEmpty()) {
            list.getChildren().add(unlocatedCard());
        }
    }

    private Node routeCard(Route r) {
        Circle dot = new Circle(8);
        dot.getStyleClass().addAll("map-legend", colour(r.colour()));
        Label name = Ui.label(r.counsellorName(), Styles.CARD_TITLE);
        Label summary = Ui.label(r.summary(), Styles.MUTED, Styles.SMALL);
        HBox header = new HBox(10, dot, new VBox(2, name, summary));
        header.setAlignment(Pos.CENTER_LEFT);
        VBox card = Ui.card(header);
        card.setSpacing(6);
        card.setId("map-route-" + r.counsellorId());
        for (Stop s : r.stops()) {
            card.getChildren().add(stopRow(r, s));
        }
        return card;
    }

    private Node stopRow(Route r, Stop s) {
        Label number = new Label(Integer.toString(s.number()));
        number.getStyleClass().addAll("map-stop-number", colour(r.colour()));
        if (!s.located()) {
            number.getStyleClass().add("map-stop-unlocated");
        }
        Label time = Ui.label(s.time(), Styles.ITEM_TIME);
        Label who = Ui.label(s.residentName(), Styles.ITEM_TITLE);
        Label travel =
                Ui.label(s.located() ? s.travel() : texts.getString("map.stop.unlocated"), Styles.MUTED, Styles.SMALL);
        VBox text = new VBox(2, who, travel);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox row = new HBox(10, number, time, text);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setMinHeight(44);
        row.getStyleClass().add("map-stop");
        if (s.residentId() != null
                && s.residentId().equals(vm.selectedProperty().get())) {
            row.getStyleClass().add("map-stop-selected");
        }
        row.setId("map-stop-" + s.appointmentId());
        row.setFocusTraversable(true);
        row.setAccessibleRole(AccessibleRole.BUTTON);
        row.setAccessibleText(s.number() + " " + s.time() + " " + s.residentName());
        row.setOnMouseClicked(e -> vm.select(s.residentId()));
        row.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE) {
                vm.select(s.residentId());
                e.consume();
            }
        });
        return row;
    }

    private Node unlocatedCard() {
        VBox card = Ui.card(Ui.label(texts.getString("map.unlocated.title"), Styles.CARD_TITLE));
        card.setSpacing(6);
        card.setId("map-unlocated");
        for (Unlocated u : vm.unlocated()) {
            Label who = Ui.label(u.residentName(), Styles.ITEM_TITLE);
            Label detail = Ui.label(u.time() + " · " + u.counsellorName(), Styles.MUTED, Styles.SMALL);
            VBox text = new VBox(2, who, detail);
            HBox.setHgrow(text, Priority.ALWAYS);
            Button place = Ui.button(texts.getString("map.unlocated.place"), Material2MZ.PLACE, Styles.SECONDARY);
            place.setId("map-place-" + u.residentId());
            place.setMinHeight(44);
            place.setOnAction(e -> vm.startMove(u.residentId()));
            HBox row = new HBox(10, text, place);
            row.setAlignment(Pos.CENTER_LEFT);
            card.getChildren().add(row);
        }
        return card;
    }
}
