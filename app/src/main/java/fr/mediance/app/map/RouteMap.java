package fr.mediance.app.map;

import com.gluonhq.maps.MapLayer;
import com.gluonhq.maps.MapPoint;
import com.gluonhq.maps.MapView;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Polyline;
import javafx.scene.shape.Rectangle;

/**
 * Our map component: numbered pins and route lines over OpenStreetMap tiles, fitted to its points; drag to pan,
 * wheel or pinch to zoom; a pin tapped or the map tapped is reported. Built on Gluon Maps ({@link MapView} with one
 * layer for the lines and one for the pins), the only class of the app that knows it: another map library can take its
 * place here alone. When tiles cannot load (offline, no tile server, blocked) the pins and lines are still drawn, on
 * the plain background, with a notice. The tile server and the cache folder are {@link MapTiles}'.
 *
 * <p>Styles: the component {@code route-map}; a pin {@code map-pin} with the pin's own style classes (its colour) and
 * {@code map-pin-selected}; a line {@code map-line} with its own classes.
 */
public final class RouteMap extends StackPane {

    /** A point in WGS 84 degrees. */
    public record LatLon(double latitude, double longitude) {}

    /** A pin: {@code id} is reported when it is tapped; {@code label} is drawn in it (a stop's number). */
    public record Pin(String id, LatLon at, String label, List<String> styleClasses, boolean selected) {
        public Pin {
            styleClasses = List.copyOf(styleClasses);
        }
    }

    /** A line through {@code points} in order. */
    public record Path(String id, List<LatLon> points, List<String> styleClasses) {
        public Path {
            points = List.copyOf(points);
            styleClasses = List.copyOf(styleClasses);
        }
    }

    static final int MIN_ZOOM = 2;
    static final int MAX_ZOOM = 18;
    private static final double PIN_RADIUS = 15;
    private static final double FIT_MARGIN = 48;

    private final MapView map = new MapView();
    private final PathLayer paths = new PathLayer();
    private final PinLayer pins = new PinLayer();
    private final Label notice = new Label();
    private final Label attribution = new Label(MapTiles.OPENSTREETMAP_ATTRIBUTION);
    private Consumer<String> onPinTapped = id -> {};
    private Consumer<LatLon> onMapTapped = p -> {};
    private boolean fitPending = true;
    /** Until the user pans or zooms, the map keeps the whole day in view when its size changes. */
    private boolean followFit = true;

    /**
     * @param noTilesText the notice shown while tiles cannot load (French, from the bundle)
     * @param attributionText the tile data's attribution (« © les contributeurs d'OpenStreetMap »)
     */
    public RouteMap(String noTilesText, String attributionText) {
        getStyleClass().add("route-map");
        setId("route-map");
        map.addLayer(paths);
        map.addLayer(pins);
        map.setId("route-map-view");
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        setMinSize(200, 200);

        notice.setText(noTilesText);
        notice.setId("route-map-no-tiles");
        notice.getStyleClass().add("map-notice");
        notice.setWrapText(true);
        notice.visibleProperty().bind(MapTiles.unavailableProperty());
        notice.managedProperty().bind(notice.visibleProperty());
        notice.setMouseTransparent(true);
        attribution.setText(attributionText);
        attribution.setId("route-map-attribution");
        attribution.getStyleClass().add("map-attribution");
        attribution.setMouseTransparent(true);
        VBox top = new VBox(notice);
        top.setPickOnBounds(false);
        top.setMouseTransparent(true);
        top.setAlignment(Pos.TOP_LEFT);
        top.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        StackPane.setAlignment(top, Pos.TOP_LEFT);
        StackPane.setAlignment(attribution, Pos.BOTTOM_RIGHT);
        getChildren().addAll(map, top, attribution);

        map.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.isStillSincePress() && !e.isConsumed()) {
                MapPoint p = map.getMapPosition(e.getX(), e.getY());
                onMapTapped.accept(new LatLon(p.getLatitude(), p.getLongitude()));
            }
        });
        map.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_DRAGGED, e -> followFit = false);
        map.addEventFilter(javafx.scene.input.ScrollEvent.SCROLL, e -> followFit = false);
        map.addEventFilter(javafx.scene.input.ZoomEvent.ANY, e -> followFit = false);
        widthProperty().addListener((o, a, b) -> resized());
        heightProperty().addListener((o, a, b) -> resized());
    }

    public void setOnPinTapped(Consumer<String> onPinTapped) {
        this.onPinTapped = Objects.requireNonNull(onPinTapped);
    }

    /** Called with the point tapped on the map (not on a pin). */
    public void setOnMapTapped(Consumer<LatLon> onMapTapped) {
        this.onMapTapped = Objects.requireNonNull(onMapTapped);
    }

    /** Replaces the pins. */
    public void setPins(List<Pin> list) {
        pins.set(list);
    }

    /** Replaces the lines. */
    public void setPaths(List<Path> list) {
        paths.set(list);
    }

    /** The pins' nodes, in order (for tests and accessibility). */
    public List<Node> pinNodes() {
        return pins.nodes();
    }

    /** The lines' nodes, in order. */
    public List<Polyline> pathNodes() {
        return paths.nodes().stream().map(Polyline.class::cast).toList();
    }

    public double zoom() {
        return map.getZoom();
    }

    private void resized() {
        if (followFit) {
            fitPending = true;
        }
        fitIfPending();
    }

    public void zoomIn() {
        followFit = false;
        map.setZoom(Math.min(MAX_ZOOM, Math.round(map.getZoom()) + 1));
    }

    public void zoomOut() {
        followFit = false;
        map.setZoom(Math.max(MIN_ZOOM, Math.round(map.getZoom()) - 1));
    }

    /** Centres and zooms so that every pin and line shows (once the map has a size). */
    public void fitAll() {
        fitPending = true;
        followFit = true;
        fitIfPending();
    }

    private void fitIfPending() {
        if (!fitPending || getWidth() <= 0 || getHeight() <= 0) {
            return;
        }
        List<LatLon> all = new ArrayList<>();
        pins.pins.forEach(p -> all.add(p.at())); // every line joins pins
        if (all.isEmpty()) {
            return;
        }
        fitPending = false;
        Fit f = fit(all, getWidth(), getHeight(), FIT_MARGIN);
        map.setZoom(f.zoom());
        map.setCenter(f.center().latitude(), f.center().longitude());
    }

    /** A zoom level and a centre. */
    record Fit(double zoom, LatLon center) {}

    /**
     * The largest zoom (in quarter levels) at which {@code points} fit in {@code width × height} pixels less {@code margin} on each
     * side (Web Mercator, 256-pixel tiles), and the centre of their box.
     */
    static Fit fit(List<LatLon> points, double width, double height, double margin) {
        double minX = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, minY = Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (LatLon p : points) {
            double x = mercatorX(p.longitude());
            double y = mercatorY(p.latitude());
            minX = Math.min(minX, x);
            maxX = Math.max(maxX, x);
            minY = Math.min(minY, y);
            maxY = Math.max(maxY, y);
        }
        double w = Math.max(1, width - 2 * margin);
        double h = Math.max(1, height - 2 * margin);
        double spanX = Math.max(maxX - minX, 1e-9);
        double spanY = Math.max(maxY - minY, 1e-9);
        double scale = Math.min(w / (spanX * 256), h / (spanY * 256));
        // quarter steps: the tiles are scaled between whole levels, and the day fills the map better
        double zoom = Math.floor(Math.log(scale) / Math.log(2) * 4) / 4;
        zoom = Math.max(MIN_ZOOM, Math.min(16, zoom));
        double cx = (minX + maxX) / 2;
        double cy = (minY + maxY) / 2;
        return new Fit(zoom, new LatLon(latitudeOf(cy), cx * 360 - 180));
    }

    /** Web Mercator x in [0, 1]. */
    static double mercatorX(double longitude) {
        return (longitude + 180) / 360;
    }

    /** Web Mercator y in [0, 1] (0 at the north). */
    static double mercatorY(double latitude) {
        double phi = Math.toRadians(Math.max(-85.05112878, Math.min(85.05112878, latitude)));
        return (1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2;
    }

    static double latitudeOf(double mercatorY) {
        double n = Math.PI - 2 * Math.PI * mercatorY;
        return Math.toDegrees(Math.atan(Math.sinh(n)));
    }

    /** The route lines, under the pins. */
    private static final class PathLayer extends MapLayer {
        private List<Path> paths = List.of();

        List<Node> nodes() {
            return List.copyOf(getChildren());
        }

        void set(List<Path> list) {
            paths = List.copyOf(list);
            getChildren().clear();
            for (Path p : paths) {
                Polyline line = new Polyline();
                line.getStyleClass().add("map-line");
                line.getStyleClass().addAll(p.styleClasses());
                line.setId("map-line-" + p.id());
                line.setMouseTransparent(true);
                getChildren().add(line);
            }
            markDirty();
        }

        @Override
        protected void layoutLayer() {
            for (int i = 0; i < paths.size(); i++) {
                Polyline line = (Polyline) getChildren().get(i);
                List<Double> xy = new ArrayList<>();
                for (LatLon p : paths.get(i).points()) {
                    Point2D at = getMapPoint(p.latitude(), p.longitude());
                    xy.add(at.getX());
                    xy.add(at.getY());
                }
                line.getPoints().setAll(xy);
            }
        }
    }

    /** The pins: a disc with its label, centred on its point. */
    private final class PinLayer extends MapLayer {
        private List<Pin> pins = List.of();

        List<Node> nodes() {
            return List.copyOf(getChildren());
        }

        void set(List<Pin> list) {
            pins = List.copyOf(list);
            getChildren().clear();
            for (Pin p : pins) {
                Label label = new Label(p.label());
                label.getStyleClass().add("map-pin-label");
                label.setMinSize(2 * PIN_RADIUS, 2 * PIN_RADIUS);
                StackPane pin = new StackPane(label);
                pin.getStyleClass().add("map-pin");
                pin.getStyleClass().addAll(p.styleClasses());
                if (p.selected()) {
                    pin.getStyleClass().add("map-pin-selected");
                }
                pin.setId("map-pin-" + p.id());
                pin.setUserData(p.id());
                pin.setAccessibleText(p.label());
                pin.setOnMouseClicked(e -> {
                    if (e.isStillSincePress()) {
                        e.consume();
                        onPinTapped.accept(p.id());
                    }
                });
                getChildren().add(pin);
            }
            markDirty();
        }

        @Override
        protected void layoutLayer() {
            for (int i = 0; i < pins.size(); i++) {
                Node pin = getChildren().get(i);
                LatLon at = pins.get(i).at();
                Point2D p = getMapPoint(at.latitude(), at.longitude());
                pin.autosize();
                pin.relocate(
                        p.getX() - pin.getLayoutBounds().getWidth() / 2,
                        p.getY() - pin.getLayoutBounds().getHeight() / 2);
            }
        }
    }
}
