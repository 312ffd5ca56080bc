package fr.mediance.app.login;

import fr.mediance.app.core.session.PinViewModel;
import fr.mediance.app.shell.BasicScreen;
import fr.mediance.app.shell.Icons;
import fr.mediance.app.shell.Ui;
import fr.mediance.app.theme.Styles;
import java.util.ResourceBundle;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * "Choisissez un code PIN" / "Déverrouiller": six dots and a keypad (touch), and the keyboard's digits,
 * Backspace and Enter on a desktop.
 */
public final class PinView extends BasicScreen {

    private final PinViewModel vm;
    private final ResourceBundle texts;
    private VBox root;

    public PinView(PinViewModel vm, ResourceBundle texts) {
        super(texts.getString(vm.mode() == PinViewModel.Mode.CHOOSE ? "pin.choose.title" : "pin.unlock.title"));
        this.vm = vm;
        this.texts = texts;
    }

    @Override
    protected Node build() {
        // a style class, not setStyle: the icon keeps its font family in its own inline style
        Label lockIcon = new Label(null, Icons.of(Material2AL.LOCK, 44));
        lockIcon.getStyleClass().add(Styles.PIN_LOCK);
        Label heading = Ui.bound(vm.headingProperty(), Styles.SCREEN_TITLE);
        heading.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        heading.setId("pin-heading");
        Label intro = Ui.bound(vm.introProperty(), Styles.HINT);
        intro.setMaxWidth(420);
        intro.setAlignment(Pos.CENTER);
        intro.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);

        HBox dots = new HBox();
        dots.getStyleClass().add(Styles.PIN_DOTS);
        dots.setId("pin-dots");
        for (int i = 0; i < PinViewModel.LENGTH; i++) {
            Circle c = new Circle(9);
            c.getStyleClass().add("pin-dot");
            int index = i;
            vm.lengthProperty()
                    .addListener((o, a, n) ->
                            c.getStyleClass().setAll("pin-dot", n.intValue() > index ? "filled" : "empty"));
            dots.getChildren().add(c);
        }
        dots.setAccessibleText(texts.getString("pin.field"));

        Label error = Ui.bound(vm.errorProperty(), Styles.FORM_ERROR);
        error.setId("pin-error");
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        error.setMaxWidth(420);

        GridPane keypad = new GridPane();
        keypad.setHgap(14);
        keypad.setVgap(12);
        keypad.setAlignment(Pos.CENTER);
        String keys = "123456789";
        for (int i = 0; i < keys.length(); i++) {
            keypad.add(key(keys.charAt(i)), i % 3, i / 3);
        }
        Button erase = new Button(null, Icons.of(Material2AL.BACKSPACE, 26));
        erase.getStyleClass().addAll(Styles.PIN_KEY, atlantafx.base.theme.Styles.FLAT);
        erase.setAccessibleText(texts.getString("pin.erase"));
        erase.setId("pin-erase");
        erase.setOnAction(e -> vm.erase());
        erase.setFocusTraversable(false);
        keypad.add(key('0'), 1, 3);
        keypad.add(erase, 2, 3);
        keypad.disableProperty().bind(vm.busyProperty());

        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(28, 28);
        progress.visibleProperty().bind(vm.busyProperty());
        StackPane status = new StackPane(progress);
        status.setMinHeight(28);

        root = new VBox(16, lockIcon, heading, intro, dots, status, error, keypad);
        root.setAlignment(Pos.TOP_CENTER);
        root.getStyleClass().add(Styles.CARD);
        root.setMaxWidth(520);
        root.setFocusTraversable(true);
        root.setId("pin-root");
        root.addEventHandler(KeyEvent.KEY_TYPED, e -> {
            String ch = e.getCharacter();
            if (ch != null && ch.length() == 1 && Character.isDigit(ch.charAt(0))) {
                vm.digit(ch.charAt(0));
                e.consume();
            }
        });
        root.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.BACK_SPACE) {
                vm.erase();
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER) {
                vm.submit();
                e.consume();
            }
        });
        root.setOnMouseClicked(e -> root.requestFocus());
        VBox column = new VBox(root);
        column.setAlignment(Pos.TOP_CENTER);
        column.setMaxWidth(560);
        return Ui.page(column);
    }

    private Button key(char digit) {
        Button b = new Button(String.valueOf(digit));
        b.getStyleClass().add(Styles.PIN_KEY);
        b.setId("pin-key-" + digit);
        b.setFocusTraversable(false);
        b.setOnAction(e -> {
            vm.digit(digit);
            root.requestFocus();
        });
        return b;
    }

    @Override
    public void onShow() {
        Platform.runLater(() -> {
            if (root != null) {
                root.requestFocus();
            }
        });
    }
}
