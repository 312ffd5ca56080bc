package fr.mediance.app.sync;

import fr.mediance.app.core.sync.Delivery;
import fr.mediance.app.core.sync.SyncStatusViewModel;
import fr.mediance.app.core.sync.SyncStatusViewModel.ItemRow;
import fr.mediance.app.shell.BasicScreen;
import fr.mediance.app.shell.Icons;
import fr.mediance.app.shell.Ui;
import fr.mediance.app.theme.Styles;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * "Synchronisation": one line that says where things stand ("3 éléments en attente, dont 2 photos", "Tout est
 * reçu par le bureau à 14:32", "Hors ligne — les données restent sur la tablette"), "Synchroniser", then each
 * item with its state: what needs attention (with the reason and "Réessayer"), what is on its way (a live
 * progress bar per photo), what the office has received; and the account.
 */
public final class SyncView extends BasicScreen {

    private final SyncStatusViewModel vm;
    private final ResourceBundle texts;
    private final ObservableValue<String> userText;
    private final Runnable onLock;
    private final Runnable onLogout;
    private final Runnable onPhoneCalendar;

    public SyncView(
            SyncStatusViewModel vm,
            ResourceBundle texts,
            ObservableValue<String> userText,
            Runnable onLock,
            Runnable onLogout) {
        this(vm, texts, userText, onLock, onLogout, null);
    }

    /** {@code onPhoneCalendar}: opens « Calendrier du téléphone » (a counsellor's); null: no such button. */
    public SyncView(
            SyncStatusViewModel vm,
            ResourceBundle texts,
            ObservableValue<String> userText,
            Runnable onLock,
            Runnable onLogout,
            Runnable onPhoneCalendar) {
        super(texts.getString("sync.title"));
        this.onPhoneCalendar = onPhoneCalendar;
        this.vm = vm;
        this.texts = texts;
        this.userText = userText;
        this.onLock = onLock;
        this.onLogout = onLogout;
    }

    @Override
    protected Node build() {
        FontIcon headIcon = new FontIcon(Material2AL.CLOUD_DONE);
        headIcon.iconCodeProperty()
                .bind(Bindings.createObjectBinding(
                        () -> headlineIcon(),
                        vm.onlineProperty(),
                        vm.attentionCountProperty(),
                        vm.pendingCountProperty(),
                        vm.allReceivedProperty()));
        headIcon.getStyleClass().add("sync-headline-icon");
        Runnable iconState = () -> {
            headIcon.getStyleClass().removeAll("state-received", "state-attention", "state-offline");
            if (!vm.onlineProperty().get()) {
                headIcon.getStyleClass().add("state-offline");
            } else if (vm.attentionCountProperty().get() > 0) {
                headIcon.getStyleClass().add("state-attention");
            } else if (vm.allReceivedProperty().get()) {
                headIcon.getStyleClass().add("state-received");
            }
        };
        vm.onlineProperty().addListener((o, a, b) -> iconState.run());
        vm.attentionCountProperty().addListener((o, a, b) -> iconState.run());
        vm.allReceivedProperty().addListener((o, a, b) -> iconState.run());
        iconState.run();
        Label headline = Ui.bound(vm.summaryTextProperty(), Styles.CARD_TITLE);
        headline.setId("sync-summary");
        headline.setGraphic(headIcon);
        headline.setGraphicTextGap(10);
        Label counts = Ui.bound(vm.countsTextProperty());
        counts.setId("sync-counts");
        hideWhenBlank(counts);
        Label connection = Ui.bound(vm.connectionTextProperty(), Styles.MUTED, Styles.SMALL);
        connection.setId("sync-connection");
        connection.visibleProperty().bind(vm.onlineProperty()); // offline: the headline says it
        connection.managedProperty().bind(connection.visibleProperty());
        Label last = Ui.bound(vm.lastSyncTextProperty(), Styles.MUTED, Styles.SMALL);
        last.setId("sync-last");
        FlowPane meta = new FlowPane(14, 4, connection, last);
        Label error = Ui.bound(vm.errorTextProperty(), Styles.FORM_ERROR);
        error.setId("sync-error");
        hideWhenBlank(error);

        Button now = Ui.button(texts.getString("sync.now"), Material2MZ.SYNC, Styles.PRIMARY);
        now.setId("sync-now");
        now.disableProperty().bind(vm.syncingProperty());
        now.textProperty().bind(vm.syncingProperty().map(s -> texts.getString(s ? "sync.syncing" : "sync.now")));
        now.setOnAction(e -> vm.synchronise());
        now.setMaxWidth(Double.MAX_VALUE);

        VBox status = Ui.card(headline, counts, meta, error, now);
        status.setId("sync-status");

        VBox attention = section("sync.items.title", vm.attentionItems(), "sync-attention", null);
        VBox pending = section("sync.pending.title", vm.pendingItems(), "sync-pending", "sync.pending.empty");
        VBox received = section("sync.received.title", vm.receivedItems(), "sync-received", null);

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
        FlowPane accountButtons = new FlowPane(10, 10, lock, logout);
        if (onPhoneCalendar != null) {
            Button calendar = Ui.button(texts.getString("nav.calendar"), Material2AL.EVENT);
            calendar.setId("phone-calendar");
            calendar.setOnAction(e -> onPhoneCalendar.run());
            accountButtons.getChildren().add(0, calendar);
        }
        VBox account = Ui.card(user, confirm, accountButtons);

        return Ui.page(new VBox(16, status, attention, pending, received, account));
    }

    private Ikon headlineIcon() {
        if (!vm.onlineProperty().get()) {
            return Material2AL.CLOUD_OFF;
        }
        if (vm.attentionCountProperty().get() > 0) {
            return Material2MZ.SYNC_PROBLEM;
        }
        if (vm.pendingCountProperty().get() > 0) {
            return Material2AL.CLOUD_UPLOAD;
        }
        return vm.allReceivedProperty().get() ? Material2AL.CLOUD_DONE : Material2AL.CLOUD_QUEUE;
    }

    /** A card of items; hidden when empty unless it has an empty text. */
    private VBox section(String titleKey, ObservableList<ItemRow> items, String id, String emptyKey) {
        VBox list = new VBox(12);
        list.setId(id + "-list");
        VBox card = Ui.card(Ui.label(texts.getString(titleKey), Styles.SECTION_TITLE), list);
        card.setId(id);
        Runnable render = () -> {
            list.getChildren().clear();
            if (items.isEmpty() && emptyKey != null) {
                list.getChildren().add(Ui.label(texts.getString(emptyKey), Styles.MUTED));
            }
            for (ItemRow r : items) {
                list.getChildren().add(item(r));
            }
            card.setVisible(!items.isEmpty() || emptyKey != null);
        };
        card.managedProperty().bind(card.visibleProperty());
        items.addListener((ListChangeListener<ItemRow>) c -> render.run());
        render.run();
        return card;
    }

    private Node item(ItemRow r) {
        String id = nodeId(r);
        Label summary = Ui.label(r.summary(), Styles.FIELD_LABEL);
        Label state = new Label(r.stateText());
        state.getStyleClass()
                .addAll(
                        Styles.STATUS,
                        switch (r.delivery()) {
                            case RECEIVED -> Styles.STATUS_DONE;
                            case NEEDS_ATTENTION -> Styles.STATUS_CANCELLED;
                            case QUEUED, SENDING -> Styles.STATUS_PLANNED;
                            case LOCAL -> Styles.MUTED;
                        });
        state.setMinWidth(Label.USE_PREF_SIZE);
        state.setId(id + "-state");
        FlowPane line = new FlowPane(10, 4, state);
        line.setAlignment(Pos.CENTER_LEFT);
        if (!r.detail().isEmpty()) {
            line.getChildren().add(Ui.label(r.detail(), Styles.MUTED, Styles.SMALL));
        }
        VBox text = new VBox(4, summary, line);
        if (r.showsProgress()) {
            ProgressBar bar =
                    new ProgressBar(r.delivery() == Delivery.QUEUED && r.percent() == 0 ? 0 : r.percent() / 100.0);
            bar.setMaxWidth(Double.MAX_VALUE);
            bar.setId(id + "-progress");
            bar.setAccessibleText(r.stateText());
            bar.getStyleClass().add(Styles.TRANSFER_PROGRESS);
            text.getChildren().add(bar);
        }
        if (!r.reason().isEmpty()) {
            Label reason = Ui.label(r.reason(), Styles.FIELD_ERROR);
            reason.setId(id + "-reason");
            text.getChildren().add(reason);
        }
        if (r.canRetry()) {
            Button retry = Ui.button(texts.getString("sync.retry"), Material2MZ.REFRESH);
            retry.setId(id + "-retry");
            retry.setOnAction(e -> {
                retry.setDisable(true);
                vm.retry(r);
            });
            HBox actions = new HBox(retry);
            text.getChildren().add(actions);
        }
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMinWidth(0);
        HBox row = new HBox(12, Icons.of(icon(r)), text);
        row.setAlignment(Pos.TOP_LEFT);
        row.getStyleClass().add(Styles.SYNC_ITEM);
        row.setId(id);
        return row;
    }

    private static Ikon icon(ItemRow r) {
        return switch (r.kind()) {
            case REPORT -> Material2AL.ASSIGNMENT;
            case PHOTO -> Material2MZ.PHOTO_CAMERA;
            case RESIDENT -> Material2MZ.PERSON;
            case APPOINTMENT -> Material2AL.EVENT;
            case CONFLICT -> Material2AL.CALL_SPLIT;
            case OTHER -> Material2AL.DESCRIPTION;
        };
    }

    /** "sync-photo-<document>" or "sync-record-<entity>-<id>": ids a CSS lookup accepts. */
    public static String nodeId(ItemRow r) {
        String[] parts = r.key().split(":", 3);
        return parts[0].equals("photo") ? "sync-photo-" + parts[1] : "sync-record-" + parts[1] + "-" + parts[2];
    }

    private static void hideWhenBlank(Label label) {
        Ui.hideWhenBlank(label);
    }

    @Override
    public void onShow() {
        vm.refresh();
    }
}
