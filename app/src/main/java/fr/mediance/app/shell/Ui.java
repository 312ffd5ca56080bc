package fr.mediance.app.shell;

import fr.mediance.app.theme.Styles;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;

/** Small builders shared by the screens: pages, cards, labelled fields with their error line, empty states. */
public final class Ui {

    private Ui() {}

    /** A scrolling page whose one column is centred and widens up to a readable maximum. */
    public static ScrollPane page(VBox column) {
        column.getStyleClass().add(Styles.PAGE);
        column.setFillWidth(true);
        StackPane centre = new StackPane(column);
        centre.setAlignment(Pos.TOP_CENTER);
        StackPane.setAlignment(column, Pos.TOP_CENTER);
        ScrollPane scroll = new ScrollPane(centre);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add(Styles.CONTENT);
        scroll.setFocusTraversable(false);
        return scroll;
    }

    public static VBox card(Node... children) {
        VBox card = new VBox(children);
        card.getStyleClass().add(Styles.CARD);
        return card;
    }

    public static Label label(String text, String... styleClasses) {
        Label l = new Label(text);
        l.getStyleClass().addAll(styleClasses);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    public static Label bound(ObservableValue<String> text, String... styleClasses) {
        Label l = label("", styleClasses);
        l.textProperty().bind(text);
        return l;
    }

    /**
     * A field: its label above, the control, and an error line below that shows only when {@code error} is
     * not blank; the control gets a red border then.
     */
    public static VBox field(String labelText, Control control, ObservableValue<String> error) {
        Label label = label(labelText, Styles.FIELD_LABEL);
        label.setLabelFor(control);
        control.setMaxWidth(Double.MAX_VALUE);
        VBox box = new VBox(label, control);
        box.getStyleClass().add(Styles.FIELD);
        if (error != null) {
            Label errorLabel = label("", Styles.FIELD_ERROR);
            errorLabel.textProperty().bind(error);
            hideWhenBlank(errorLabel);
            if (control.getId() != null) {
                errorLabel.setId(control.getId() + "-error");
            }
            box.getChildren().add(errorLabel);
            error.addListener((obs, old, v) -> invalid(control, v != null && !v.isBlank()));
            invalid(control, error.getValue() != null && !error.getValue().isBlank());
        }
        return box;
    }

    private static void invalid(Control control, boolean invalid) {
        control.getStyleClass().remove(Styles.FIELD_INVALID);
        control.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("danger"), invalid);
        if (invalid) {
            control.getStyleClass().add(Styles.FIELD_INVALID);
        }
    }

    /** Fields side by side on wide layouts; under each other when the page is narrow. */
    public static Region row(Node... fields) {
        return new ResponsiveRow(12, 180, fields);
    }

    public static Button button(String text, Ikon icon, String... styleClasses) {
        Button b = new Button(text, icon == null ? null : Icons.of(icon));
        b.getStyleClass().addAll(styleClasses);
        b.setMnemonicParsing(false);
        return b;
    }

    public static Button iconButton(Ikon icon, String accessibleText) {
        Button b = new Button(null, Icons.of(icon));
        b.setAccessibleText(accessibleText);
        b.setTooltip(new javafx.scene.control.Tooltip(accessibleText));
        return b;
    }

    public static VBox emptyState(Ikon icon, String title, String hint) {
        Label t = label(title, Styles.EMPTY_TITLE);
        t.setAlignment(Pos.CENTER);
        t.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        VBox box = new VBox(Icons.of(icon), t);
        if (hint != null) {
            Label h = label(hint, Styles.HINT);
            h.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
            box.getChildren().add(h);
        }
        box.getStyleClass().add(Styles.EMPTY_STATE);
        box.setAlignment(Pos.CENTER);
        return box;
    }

    /** The label takes no room while its text is empty (an error line, a hint that comes and goes). */
    public static void hideWhenBlank(Label label) {
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }

    /** The node is shown, and takes room, only while {@code condition} holds. */
    public static void showWhen(Node node, ObservableValue<Boolean> condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(node.visibleProperty());
    }

    public static Region spacer() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        VBox.setVgrow(r, Priority.ALWAYS);
        return r;
    }
}
