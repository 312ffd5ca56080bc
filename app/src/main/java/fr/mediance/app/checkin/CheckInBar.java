package fr.mediance.app.checkin;

import java.util.ResourceBundle;

import fr.mediance.app.core.checkin.CheckInViewModel;
import fr.mediance.app.shell.Icons;
import fr.mediance.app.shell.Ui;
import fr.mediance.app.theme.Styles;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * "Je suis arrivé·e" at the top of a draft report, with the setting "Enregistrer ma position à l'arrivée".
 * The visit screen holds an empty {@link #slot()}; the composition fills it with {@link #fill} (nothing on a
 * desktop: the bar stays hidden where there is no position service).
 */
public final class CheckInBar {
    public static final String SLOT_ID = "check-in-slot";

    private CheckInBar() {
    }

    /** An empty, unmanaged place for the bar. */
    public static Node slot() {
        VBox slot = new VBox();
        slot.setId(SLOT_ID);
        slot.managedProperty().bind(slot.visibleProperty());
        slot.setVisible(false);
        return slot;
    }

    /** Puts the bar into the slot found under {@code root}; does nothing if there is none. */
    public static void fill(Node root, CheckInViewModel vm, ResourceBundle texts) {
        Node found = find(root);
        if (found instanceof Pane slot) {
            slot.getChildren().setAll(bar(vm, texts));
            slot.visibleProperty().bind(vm.visibleProperty());
        }
    }

    /** The slot under {@code root}, also inside a scroll pane whose skin is not made yet (a screen not shown). */
    private static Node find(Node root) {
        if (root == null) {
            return null;
        }
        if (SLOT_ID.equals(root.getId())) {
            return root;
        }
        if (root instanceof javafx.scene.control.ScrollPane scroll) {
            return find(scroll.getContent());
        }
        if (root instanceof javafx.scene.Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                Node found = find(child);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** The bar itself. */
    public static Node bar(CheckInViewModel vm, ResourceBundle texts) {
        CheckBox enabled = new CheckBox(texts.getString("checkin.setting"));
        enabled.setId("check-in-enabled");
        enabled.setMinHeight(44);
        enabled.setWrapText(true);
        enabled.selectedProperty().bindBidirectional(vm.enabledProperty());
        Button arrived = Ui.button(texts.getString("checkin.button"), Material2MZ.MY_LOCATION, Styles.PRIMARY);
        arrived.setId("check-in-button");
        arrived.setMinHeight(44);
        arrived.visibleProperty().bind(vm.enabledProperty());
        arrived.managedProperty().bind(arrived.visibleProperty());
        arrived.disableProperty().bind(vm.busyProperty());
        arrived.setOnAction(e -> vm.checkIn());
        Label status = new Label(null, Icons.of(Material2MZ.PLACE, 18));
        status.textProperty().bind(vm.statusTextProperty());
        status.setWrapText(true);
        status.setMinHeight(Label.USE_PREF_SIZE);
        status.setId("check-in-status");
        status.visibleProperty().bind(status.textProperty().isNotEmpty());
        status.managedProperty().bind(status.visibleProperty());
        Label hint = Ui.label(texts.getString("checkin.hint"), Styles.HINT, Styles.SMALL);
        hint.visibleProperty().bind(vm.enabledProperty().and(vm.recordedProperty().not()));
        hint.managedProperty().bind(hint.visibleProperty());
        FlowPane row = new FlowPane(12, 8, arrived, status);
        VBox bar = new VBox(8, enabled, row, hint);
        bar.getStyleClass().add("check-in-bar");
        bar.setId("check-in-bar");
        return bar;
    }
}
