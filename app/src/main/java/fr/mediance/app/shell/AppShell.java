package fr.mediance.app.shell;

import fr.mediance.app.theme.Styles;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.animation.PauseTransition;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Side;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The mobile shell: an app bar (back, title, actions, status area with the sync indicator and the offline
 * badge), the current screen, the navigation (a bottom bar on phones and tablets in portrait, a side rail on
 * wide windows) and snackbars over everything.
 */
public final class AppShell extends StackPane {

    /** Below this width the layout is a phone's. */
    public static final double PHONE_MAX_WIDTH = 600;
    /** From this width on the navigation is a side rail. */
    public static final double WIDE_MIN_WIDTH = 1100;
    /**
     * The most places a phone's bottom bar shows (as Material's guidelines advise): with more, the bar shows the
     * first ones and « Plus », which lists the others.
     */
    public static final int PHONE_BAR_MAX = 5;

    private final Navigator navigator = new Navigator();
    private final BorderPane frame = new BorderPane();
    private final Button backButton = new Button();
    private final Label title = new Label();
    private final HBox actions = new HBox(2);
    private final HBox statusArea = new HBox(6);
    private final StackPane contentHost = new StackPane();
    private final HBox bottomNav = new HBox();
    private final VBox navRail = new VBox();
    private final VBox snackbarLayer = new VBox(8);
    private final List<ToggleButton> railButtons = new ArrayList<>();
    private final List<ToggleButton> barButtons = new ArrayList<>();
    private final ToggleButton moreButton = new ToggleButton();
    /** The badges of the places « Plus » lists (a conflict's count…), added up. */
    private final Label moreBadge = new Label();

    private final Map<String, Screen> screens = new HashMap<>();
    private final BooleanProperty navigationVisible = new SimpleBooleanProperty(this, "navigationVisible", false);
    private final String backText;
    private List<Destination> destinations = List.of();
    private String selectedDestination;

    /** {@code moreText}: the label of the bottom bar's last place on a phone when the places do not all fit. */
    public AppShell(String backText, String moreText) {
        this.backText = backText;
        moreButton.setText(moreText);
        moreBadge.getStyleClass().add(Styles.NAV_BADGE);
        moreBadge.setId("nav-more-badge");
        moreBadge.visibleProperty().bind(moreBadge.textProperty().isNotEmpty());
        moreBadge.setMouseTransparent(true);
        moreBadge.setMinSize(Label.USE_PREF_SIZE, Label.USE_PREF_SIZE);
        moreBadge.setTranslateX(10);
        moreBadge.setTranslateY(-7);
        StackPane moreGraphic = new StackPane(Icons.of(Material2MZ.MORE_HORIZ), moreBadge);
        StackPane.setAlignment(moreBadge, Pos.TOP_RIGHT);
        moreButton.setGraphic(moreGraphic);
        moreButton.getStyleClass().add(Styles.NAV_ITEM);
        moreButton.setId("nav-more");
        moreButton.setMnemonicParsing(false);
        HBox.setHgrow(moreButton, Priority.ALWAYS);
        moreButton.setMaxWidth(Double.MAX_VALUE);
        moreButton.setOnAction(e -> showMoreMenu());
        getStyleClass().add(Styles.ROOT);

        backButton.setGraphic(Icons.of(Material2AL.ARROW_BACK));
        backButton.getStyleClass().add(Styles.APP_BAR_BUTTON);
        backButton.setTooltip(new Tooltip(backText));
        backButton.setAccessibleText(backText);
        backButton.setId("back");
        backButton.visibleProperty().bind(navigator.canGoBackProperty());
        backButton.managedProperty().bind(backButton.visibleProperty());
        backButton.setOnAction(e -> navigator.back());

        title.getStyleClass().add(Styles.APP_BAR_TITLE);
        title.setId("app-title");
        title.setMinWidth(0);
        HBox.setHgrow(title, Priority.ALWAYS);
        title.setMaxWidth(Double.MAX_VALUE);
        actions.setAlignment(Pos.CENTER_RIGHT);
        statusArea.setAlignment(Pos.CENTER_RIGHT);
        HBox appBar = new HBox(backButton, title, actions, statusArea);
        appBar.getStyleClass().add(Styles.APP_BAR);

        contentHost.getStyleClass().add(Styles.CONTENT);
        bottomNav.getStyleClass().add(Styles.BOTTOM_NAV);
        navRail.getStyleClass().add(Styles.NAV_RAIL);

        frame.setTop(appBar);
        frame.setCenter(contentHost);

        snackbarLayer.setAlignment(Pos.BOTTOM_CENTER);
        snackbarLayer.setPickOnBounds(false);
        snackbarLayer.setPadding(new Insets(0, 16, 88, 16));
        getChildren().addAll(frame, snackbarLayer);

        navigator.currentProperty().addListener((obs, old, screen) -> showScreen(screen));
        widthProperty().addListener((obs, old, w) -> layoutFor(w.doubleValue()));
        navigationVisible.addListener((obs, old, v) -> layoutFor(getWidth()));
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            boolean altLeft = e.getCode() == KeyCode.LEFT && e.isAltDown();
            if ((e.getCode() == KeyCode.ESCAPE || altLeft || e.getCode() == KeyCode.BACK_SPACE && e.isAltDown())
                    && navigator.back()) {
                e.consume();
            }
        });
        layoutFor(0);
    }

    public Navigator navigator() {
        return navigator;
    }

    /** The top-level destinations of the signed-in user; the first one is opened. */
    public void setDestinations(List<Destination> list) {
        destinations = List.copyOf(list);
        screens.clear();
        railButtons.clear();
        barButtons.clear();
        for (Destination d : destinations) {
            railButtons.add(navButton(d, "rail-"));
            barButtons.add(navButton(d, "nav-"));
        }
        navRail.getChildren().setAll(railButtons);
        for (ToggleButton b : railButtons) {
            b.setMaxWidth(Double.MAX_VALUE);
        }
        moreBadge.textProperty().unbind();
        List<javafx.beans.value.ObservableValue<String>> hidden =
                destinations.subList(Math.min(PHONE_BAR_MAX - 1, destinations.size()), destinations.size()).stream()
                        .map(Destination::badge)
                        .filter(java.util.Objects::nonNull)
                        .toList();
        moreBadge
                .textProperty()
                .bind(javafx.beans.binding.Bindings.createStringBinding(
                        () -> sumOfBadges(hidden), hidden.toArray(javafx.beans.Observable[]::new)));
        for (ToggleButton b : barButtons) {
            HBox.setHgrow(b, Priority.ALWAYS);
            b.setMaxWidth(Double.MAX_VALUE);
        }
        navigationVisible.set(!destinations.isEmpty());
        layoutFor(getWidth());
        if (!destinations.isEmpty()) {
            open(destinations.get(0).id());
        }
    }

    private ToggleButton navButton(Destination d, String idPrefix) {
        Node graphic = Icons.of(d.icon());
        if (d.badge() != null) {
            Label badge = new Label();
            badge.textProperty().bind(d.badge());
            badge.getStyleClass().add(Styles.NAV_BADGE);
            badge.setId(idPrefix + d.id() + "-badge");
            badge.visibleProperty().bind(badge.textProperty().isNotEmpty());
            badge.setMouseTransparent(true);
            badge.setMinSize(Label.USE_PREF_SIZE, Label.USE_PREF_SIZE);
            StackPane withBadge = new StackPane(graphic, badge);
            StackPane.setAlignment(badge, Pos.TOP_RIGHT);
            // the badge sits over the icon's top right corner and does not widen the button
            badge.setTranslateX(10);
            badge.setTranslateY(-7);
            graphic = withBadge;
        }
        ToggleButton b = new ToggleButton(d.label(), graphic);
        if (d.badge() != null) {
            b.accessibleTextProperty()
                    .bind(javafx.beans.binding.Bindings.createStringBinding(
                            () -> d.badge().getValue() == null
                                            || d.badge().getValue().isEmpty()
                                    ? d.label()
                                    : d.label() + " (" + d.badge().getValue() + ")",
                            d.badge()));
        }
        b.getStyleClass().add(Styles.NAV_ITEM);
        b.setUserData(d.id());
        b.setId(idPrefix + d.id());
        b.setMnemonicParsing(false);
        b.setFocusTraversable(true);
        b.setOnAction(e -> open(d.id()));
        return b;
    }

    /** Opens a top-level destination as the root of the back stack. */
    public void open(String destinationId) {
        Destination d = destinations.stream()
                .filter(x -> x.id().equals(destinationId))
                .findFirst()
                .orElse(null);
        if (d == null) {
            return;
        }
        Screen screen = screens.computeIfAbsent(d.id(), id -> d.screen().get());
        selectedDestination = d.id();
        for (ToggleButton b : railButtons) {
            b.setSelected(d.id().equals(b.getUserData()));
        }
        for (ToggleButton b : barButtons) {
            b.setSelected(d.id().equals(b.getUserData()));
        }
        moreButton.setSelected(overflow().stream().anyMatch(x -> x.id().equals(d.id())));
        navigator.setRoot(screen);
    }

    /** Shows a screen outside the navigation (sign-in, PIN): no destinations, no back. */
    public void showStandalone(Screen screen) {
        destinations = List.of();
        screens.clear();
        railButtons.clear();
        barButtons.clear();
        selectedDestination = null;
        navRail.getChildren().clear();
        bottomNav.getChildren().clear();
        moreButton.setSelected(false);
        navigationVisible.set(false);
        navigator.setRoot(screen);
    }

    public void setStatusArea(Node... nodes) {
        statusArea.getChildren().setAll(nodes);
    }

    public void showMessage(String text) {
        snackbar(text, false);
    }

    public void showError(String text) {
        snackbar(text, true);
    }

    private void snackbar(String text, boolean error) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setId("snackbar-text");
        Button close = new Button();
        close.setGraphic(Icons.of(Material2AL.CLOSE));
        close.getStyleClass().add(atlantafx.base.theme.Styles.FLAT);
        close.setAccessibleText(backText);
        HBox bar = new HBox(12, label, close);
        bar.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(label, Priority.ALWAYS);
        bar.getStyleClass().add(Styles.SNACKBAR);
        if (error) {
            bar.getStyleClass().add(Styles.SNACKBAR_ERROR);
        }
        bar.setMaxWidth(560);
        close.setOnAction(e -> snackbarLayer.getChildren().remove(bar));
        snackbarLayer.getChildren().add(bar);
        while (snackbarLayer.getChildren().size() > 3) {
            snackbarLayer.getChildren().remove(0);
        }
        PauseTransition hide = new PauseTransition(Duration.seconds(error ? 7 : 4));
        hide.setOnFinished(e -> snackbarLayer.getChildren().remove(bar));
        hide.play();
    }

    /** The id of the destination opened last, or null outside the navigation. */
    public String selectedDestination() {
        return selectedDestination;
    }

    private void layoutFor(double width) {
        getStyleClass().removeAll(Styles.PHONE, Styles.TABLET, Styles.DESKTOP);
        getStyleClass()
                .add(
                        width > 0 && width < PHONE_MAX_WIDTH
                                ? Styles.PHONE
                                : width >= WIDE_MIN_WIDTH ? Styles.DESKTOP : Styles.TABLET);
        boolean nav = navigationVisible.get();
        boolean wide = width >= WIDE_MIN_WIDTH;
        fillBottomBar(width > 0 && width < PHONE_MAX_WIDTH);
        frame.setLeft(nav && wide ? navRail : null);
        frame.setBottom(nav && !wide ? bottomNav : null);
        snackbarLayer.setPadding(new Insets(0, 16, nav && !wide ? 88 : 24, 16));
    }

    /**
     * The bottom bar's places: all of them, or on a phone with more than {@link #PHONE_BAR_MAX} the first ones and
     * « Plus »; labels smaller from five places on, so that each one still fits a phone's width.
     */
    private void fillBottomBar(boolean phone) {
        List<Node> shown = new ArrayList<>(barButtons);
        if (phone && barButtons.size() > PHONE_BAR_MAX) {
            shown = new ArrayList<>(barButtons.subList(0, PHONE_BAR_MAX - 1));
            shown.add(moreButton);
        }
        if (!bottomNav.getChildren().equals(shown)) {
            bottomNav.getChildren().setAll(shown);
        }
        bottomNav.getStyleClass().remove(Styles.BOTTOM_NAV_CROWDED);
        if (shown.size() > 4) {
            bottomNav.getStyleClass().add(Styles.BOTTOM_NAV_CROWDED);
        }
        moreButton.setSelected(overflow().stream().anyMatch(d -> d.id().equals(selectedDestination)));
    }

    /** The badges of several places as one: a lone badge as it is, several counts added up (« ! » if one is not). */
    static String sumOfBadges(List<? extends javafx.beans.value.ObservableValue<String>> badges) {
        List<String> shown = badges.stream()
                .map(javafx.beans.value.ObservableValue::getValue)
                .filter(v -> v != null && !v.isBlank())
                .map(String::strip)
                .toList();
        if (shown.size() <= 1) {
            return shown.isEmpty() ? "" : shown.get(0);
        }
        int sum = 0;
        for (String v : shown) {
            try {
                sum += Integer.parseInt(v);
            } catch (NumberFormatException e) {
                return "!";
            }
        }
        return Integer.toString(sum);
    }

    /** The places « Plus » lists now (none unless the bar shows it). */
    private List<Destination> overflow() {
        if (!bottomNav.getChildren().contains(moreButton)) {
            return List.of();
        }
        return destinations.subList(PHONE_BAR_MAX - 1, destinations.size());
    }

    private void showMoreMenu() {
        ContextMenu menu = new ContextMenu();
        menu.setId("nav-more-menu");
        for (Destination d : overflow()) {
            MenuItem item = new MenuItem(d.label(), Icons.of(d.icon()));
            item.setId("more-" + d.id());
            item.setMnemonicParsing(false);
            item.setOnAction(e -> open(d.id()));
            menu.getItems().add(item);
        }
        // the button keeps showing whether the current place is one of those listed, whatever the click did
        moreButton.setSelected(overflow().stream().anyMatch(d -> d.id().equals(selectedDestination)));
        menu.show(moreButton, Side.TOP, 0, 0);
    }

    private void showScreen(Screen screen) {
        title.textProperty().unbind();
        if (screen == null) {
            contentHost.getChildren().clear();
            actions.getChildren().clear();
            title.setText("");
            return;
        }
        title.textProperty().bind(screen.titleProperty());
        actions.getChildren().setAll(screen.actions());
        for (Node n : screen.actions()) {
            n.getStyleClass().add(Styles.APP_BAR_BUTTON);
        }
        Node node = screen.node();
        contentHost.getChildren().setAll(node);
        if (node instanceof Region r) {
            r.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
        }
    }

    /** The key combination that goes back on desktop, for the help text. */
    public static KeyCombination backShortcut() {
        return KeyCombination.keyCombination("Alt+Left");
    }
}
