package fr.mediance.app.sync;

import java.util.List;
import java.util.ResourceBundle;
import java.util.function.Consumer;

import fr.mediance.app.core.sync.SyncStatusViewModel;
import fr.mediance.app.shell.BasicScreen;
import fr.mediance.app.shell.Icons;
import fr.mediance.app.shell.Ui;
import fr.mediance.app.theme.Styles;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** "Synchronisation": state, "Synchroniser", what waits to be sent, what the server refused; the account. */
public final class SyncView extends BasicScreen {

    private final SyncStatusViewModel vm;
    private final ResourceBundle texts;
    private final javafx.beans.value.ObservableValue<String> userText;
    private final Runnable onLock;
    private final Runnable onLogout;

    public SyncView(SyncStatusViewModel vm, ResourceBundle texts, javafx.beans.value.ObservableValue<String> userText,
                    Runnable onLock, Runnable onLogout) {
        super(texts.getString("sync.title"));
        this.vm = vm;
        this.texts = texts;
        this.userText = userText;
        this.onLock = onLock;
        this.onLogout = onLogout;
    }

    @Override
    protected Node build() {
        Label connection = Ui.bound(vm.connectionTextProperty(), Styles.CARD_TITLE);
        connection.setId("sync-connection");
        connection.graphicProperty().bind(vm.onlineProperty().map(on -> Icons.of(on ? Material2AL.CLOUD_DONE : Material2AL.CLOUD_OFF, 26)));
        Label last = Ui.bound(vm.lastSyncTextProperty(), Styles.MUTED);
        last.setId("sync-last");
        Label pending = Ui.bound(vm.pendingTextProperty());
        pending.setId("sync-pending");
        Label offlineHint = Ui.label(texts.getString("sync.offline.hint"), Styles.HINT);
        offlineHint.visibleProperty().bind(vm.onlineProperty().not());
        offlineHint.managedProperty().bind(offlineHint.visibleProperty());
        Label error = Ui.bound(vm.errorTextProperty(), Styles.FORM_ERROR);
        error.visibleProperty().bind(vm.errorTextProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        Button now = Ui.button(texts.getString("sync.now"), Material2MZ.SYNC, Styles.PRIMARY);
        now.setId("sync-now");
        now.disableProperty().bind(vm.syncingProperty());
        now.textProperty().bind(vm.syncingProperty().map(s -> texts.getString(s ? "sync.syncing" : "sync.now")));
        now.setOnAction(e -> vm.synchronise());
        now.setMaxWidth(Double.MAX_VALUE);

        VBox status = Ui.card(connection, last, pending, offlineHint, error, now);

        VBox attention = Ui.card(Ui.label(texts.getString("sync.items.title"), Styles.SECTION_TITLE),
                Ui.bound(vm.attentionTextProperty(), Styles.MUTED));
        VBox attentionList = new VBox(8);
        attention.getChildren().add(attentionList);
        bindList(vm.attentionItems(), attentionList, true);

        VBox pendingCard = Ui.card(Ui.label(texts.getString("sync.pending.title"), Styles.SECTION_TITLE));
        VBox pendingList = new VBox(8);
        pendingCard.getChildren().add(pendingList);
        bindList(vm.pendingItems(), pendingList, false);

        Label user = Ui.bound(userText, Styles.SECTION_TITLE);
        Button lock = Ui.button(texts.getString("nav.lock"), Material2AL.LOCK);
        lock.setId("lock");
        lock.setOnAction(e -> onLock.run());
        Button logout = Ui.button(texts.getString("nav.logout"), Material2AL.EXIT_TO_APP, Styles.DANGER);
        logout.setId("logout");
        Label confirm = Ui.label(texts.getString("logout.confirm.text"), Styles.FORM_ERROR);
        confirm.setVisible(false);
        confirm.managedProperty().bind(confirm.visibleProperty());
        logout.setOnAction(e -> {
            if (confirm.isVisible()) {
                confirm.setVisible(false);
                onLogout.run();
            } else {
                confirm.setVisible(true);
            }
        });
        HBox accountButtons = new HBox(10, lock, logout);
        accountButtons.setAlignment(Pos.CENTER_LEFT);
        VBox account = Ui.card(user, confirm, accountButtons);

        return Ui.page(new VBox(16, status, attention, pendingCard, account));
    }

    private void bindList(ObservableList<SyncStatusViewModel.ItemRow> items, VBox box, boolean attention) {
        Consumer<List<? extends SyncStatusViewModel.ItemRow>> render = rows -> {
            box.getChildren().clear();
            if (rows.isEmpty() && !attention) {
                box.getChildren().add(Ui.label(texts.getString("sync.pending.empty"), Styles.MUTED));
            }
            for (SyncStatusViewModel.ItemRow r : rows) {
                Label summary = Ui.label(r.summary(), Styles.FIELD_LABEL);
                Label detail = Ui.label(r.detail(), attention ? Styles.FIELD_ERROR : Styles.MUTED);
                VBox text = new VBox(2, summary, detail);
                HBox.setHgrow(text, Priority.ALWAYS);
                HBox line = new HBox(10, Icons.of(attention ? Material2AL.ERROR_OUTLINE : Material2MZ.PENDING), text);
                line.setAlignment(Pos.CENTER_LEFT);
                box.getChildren().add(line);
            }
        };
        items.addListener((ListChangeListener<SyncStatusViewModel.ItemRow>) c -> render.accept(items));
        render.accept(items);
    }

    @Override
    public void onShow() {
        vm.refresh();
    }
}
