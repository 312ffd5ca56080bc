package fr.mediance.app.sync;

import fr.mediance.app.core.sync.SyncStatusViewModel;
import fr.mediance.app.shell.Icons;
import fr.mediance.app.theme.Styles;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The app bar's sync state, with the same truth as the sync screen: "Tout est reçu" only with the server's
 * receipt, "3 en attente", "1 à vérifier", "Synchronisation…"; and the offline badge.
 */
public final class SyncIndicator extends HBox {

    public SyncIndicator(SyncStatusViewModel vm, ResourceBundle texts, Runnable openPanel) {
        super(6);
        setAlignment(javafx.geometry.Pos.CENTER_RIGHT);
        Label offline = new Label(texts.getString("sync.offline"), Icons.of(Material2AL.CLOUD_OFF, 16));
        offline.getStyleClass().add(Styles.OFFLINE_BADGE);
        offline.setId("offline-badge");
        offline.setMinWidth(Label.USE_PREF_SIZE);
        offline.visibleProperty().bind(vm.onlineProperty().not());
        offline.managedProperty().bind(offline.visibleProperty());

        FontIcon icon = new FontIcon(Material2AL.CLOUD_DONE);
        icon.iconCodeProperty()
                .bind(Bindings.createObjectBinding(
                        () -> {
                            if (vm.syncingProperty().get()) {
                                return Material2MZ.SYNC;
                            }
                            if (vm.attentionCountProperty().get() > 0) {
                                return Material2MZ.SYNC_PROBLEM;
                            }
                            if (vm.pendingCountProperty().get() > 0) {
                                return Material2AL.CLOUD_UPLOAD;
                            }
                            return vm.allReceivedProperty().get() ? Material2AL.CLOUD_DONE : Material2AL.CLOUD_QUEUE;
                        },
                        vm.syncingProperty(),
                        vm.attentionCountProperty(),
                        vm.pendingCountProperty(),
                        vm.allReceivedProperty()));
        Button button = new Button(null, icon);
        button.textProperty().bind(vm.indicatorTextProperty());
        button.getStyleClass().add(Styles.SYNC_INDICATOR);
        button.setId("sync-indicator");
        button.setTooltip(new Tooltip(texts.getString("sync.indicator.tooltip")));
        button.accessibleTextProperty().bind(vm.indicatorTextProperty());
        button.setOnAction(e -> openPanel.run());
        button.setMnemonicParsing(false);
        button.setMinWidth(Button.USE_PREF_SIZE);
        getChildren().addAll(offline, button);
    }
}
