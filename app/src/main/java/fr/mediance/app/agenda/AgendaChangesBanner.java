package fr.mediance.app.agenda;

import fr.mediance.app.core.agenda.AgendaChanges;
import fr.mediance.app.core.agenda.AgendaChangesViewModel;
import fr.mediance.app.shell.Icons;
import fr.mediance.app.shell.Ui;
import fr.mediance.app.theme.Styles;
import java.util.ResourceBundle;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * At the top of the agenda: « 3 changements depuis hier »; a tap opens the list of what others changed (new, moved,
 * given to another counsellor, cancelled with the reason, locked or unlocked) and « J'ai vu » records it as seen.
 * Hidden when nothing changed.
 */
final class AgendaChangesBanner {

    private AgendaChangesBanner() {}

    static Node of(AgendaChangesViewModel vm, ResourceBundle texts) {
        Label title = Ui.bound(vm.bannerTextProperty(), Styles.ITEM_TITLE);
        title.setId("agenda-changes-title");
        Label chevron = new Label();
        chevron.setGraphic(Icons.of(Material2AL.EXPAND_MORE, 22));
        vm.expandedProperty()
                .addListener((o, a, open) ->
                        chevron.setGraphic(Icons.of(open ? Material2AL.EXPAND_LESS : Material2AL.EXPAND_MORE, 22)));
        HBox header = new HBox(10, Icons.of(Material2MZ.NOTIFICATIONS_ACTIVE, 22), title, Ui.spacer(), chevron);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setMinHeight(44);
        header.setId("agenda-changes-toggle");
        header.setFocusTraversable(true);
        header.setAccessibleRole(AccessibleRole.BUTTON);
        header.accessibleTextProperty().bind(vm.bannerTextProperty());
        header.setOnMouseClicked(e -> vm.toggle());
        header.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE) {
                vm.toggle();
                e.consume();
            }
        });

        VBox items = new VBox(8);
        items.setId("agenda-changes-list");
        Runnable render = () -> {
            items.getChildren().clear();
            for (AgendaChangesViewModel.Item i : vm.items()) {
                Label what = Ui.label(i.title(), Styles.ITEM_TITLE);
                Label detail = Ui.label(i.detail(), Styles.MUTED);
                VBox text = new VBox(2, what, detail);
                HBox.setHgrow(text, Priority.ALWAYS);
                HBox row = new HBox(10, Icons.of(icon(i.kind()), 20), text);
                row.setAlignment(Pos.TOP_LEFT);
                row.getStyleClass()
                        .addAll(
                                "agenda-change",
                                "agenda-change-" + i.kind().name().toLowerCase(java.util.Locale.ROOT));
                items.getChildren().add(row);
            }
        };
        vm.items().addListener((ListChangeListener<AgendaChangesViewModel.Item>) c -> render.run());
        render.run();
        Button seen = Ui.button(texts.getString("agendaChanges.seen"), Material2AL.DONE_ALL, Styles.PRIMARY);
        seen.setId("agenda-changes-seen");
        seen.setMinHeight(44);
        seen.setOnAction(e -> vm.markSeen());
        HBox actions = new HBox(seen);
        actions.setAlignment(Pos.CENTER_RIGHT);
        VBox body = new VBox(10, items, actions);
        body.visibleProperty().bind(vm.expandedProperty());
        body.managedProperty().bind(body.visibleProperty());

        VBox banner = new VBox(8, header, body);
        banner.setId("agenda-changes");
        banner.getStyleClass().addAll(Styles.CARD, "agenda-changes");
        banner.visibleProperty().bind(vm.visibleProperty());
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    private static Ikon icon(AgendaChanges.Kind kind) {
        return switch (kind) {
            case NEW -> Material2AL.EVENT_AVAILABLE;
            case MOVED -> Material2AL.ACCESS_TIME;
            case REASSIGNED -> Material2MZ.PERSON_OUTLINE;
            case CANCELLED, REMOVED -> Material2AL.EVENT_BUSY;
            case LOCKED -> Material2AL.LOCK;
            case UNLOCKED -> Material2AL.LOCK_OPEN;
        };
    }
}
