package fr.mediance.app.checkin;

import fr.mediance.app.core.checkin.CheckInViewModel;
import fr.mediance.app.shell.Icons;
import fr.mediance.app.shell.Ui;
import fr.mediance.app.theme.Styles;
import java.util.ResourceBundle;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * "Je suis arrivé·e" at the top of a draft report, with the setting "Enregistrer ma position à l'arrivée";
 * hidden where there is no position service (a desktop) and once the report is completed.
 */
public final class CheckInBar {
    private CheckInBar() {}

    /** The bar, shown only while the view model says so (a draft, on a device with a position service). */
    public static Node of(CheckInViewModel vm, ResourceBundle texts) {
        Node bar = bar(vm, texts);
        bar.visibleProperty().bind(vm.visibleProperty());
        bar.managedProperty().bind(bar.visibleProperty());
        return bar;
    }

    /**
     * Checks the report again each time the visit screen's "terminated" banner shows or hides (the bar goes away
     * once the visit is terminated). Does nothing if the screen has no such banner.
     */
    public static void followFrozen(Node visitRoot, CheckInViewModel vm) {
        Node banner = find(visitRoot, Styles.FROZEN_BANNER);
        if (banner != null) {
            banner.visibleProperty().addListener((o, was, shown) -> vm.refresh());
        }
    }

    /** The first node with a style class under {@code root}, also inside a scroll pane not shown yet. */
    private static Node find(Node root, String styleClass) {
        if (root == null) {
            return null;
        }
        if (root.getStyleClass().contains(styleClass)) {
            return root;
        }
        if (root instanceof javafx.scene.control.ScrollPane scroll) {
            return find(scroll.getContent(), styleClass);
        }
        if (root instanceof javafx.scene.Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                Node found = find(child, styleClass);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** The bar itself. */
    private static Node bar(CheckInViewModel vm, ResourceBundle texts) {
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
        Ui.hideWhenBlank(status);
        Label hint = Ui.label(texts.getString("checkin.hint"), Styles.HINT, Styles.SMALL);
        hint.visibleProperty()
                .bind(vm.enabledProperty().and(vm.recordedProperty().not()));
        hint.managedProperty().bind(hint.visibleProperty());
        FlowPane row = new FlowPane(12, 8, arrived, status);
        VBox bar = new VBox(8, enabled, row, hint);
        bar.getStyleClass().add("check-in-bar");
        bar.setId("check-in-bar");
        return bar;
    }
}
