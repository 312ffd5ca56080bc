package fr.mediance.app.core.sync;

import java.text.MessageFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The sync indicator of the app bar and the "Synchronisation" panel: online or not, syncing, what waits to
 * be sent, what needs attention, when the last sync succeeded, and the "Synchroniser" command.
 */
public final class SyncStatusViewModel {

    /** One line of the panel: a pending or refused change. */
    public record ItemRow(String opId, String summary, String detail, boolean quarantined) {
    }

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final SyncService sync;
    private final Clock clock;
    private final ZoneId zone;
    private final ResourceBundle texts;
    private final Executor background;
    private final Executor fx;
    private Consumer<String> onMessage = m -> { };

    private final ReadOnlyBooleanWrapper online = new ReadOnlyBooleanWrapper(this, "online");
    private final ReadOnlyBooleanWrapper syncing = new ReadOnlyBooleanWrapper(this, "syncing");
    private final ReadOnlyIntegerWrapper pendingCount = new ReadOnlyIntegerWrapper(this, "pendingCount");
    private final ReadOnlyIntegerWrapper attentionCount = new ReadOnlyIntegerWrapper(this, "attentionCount");
    private final ReadOnlyBooleanWrapper sessionExpired = new ReadOnlyBooleanWrapper(this, "sessionExpired");
    private final ReadOnlyStringWrapper indicatorText = new ReadOnlyStringWrapper(this, "indicatorText", "");
    private final ReadOnlyStringWrapper connectionText = new ReadOnlyStringWrapper(this, "connectionText", "");
    private final ReadOnlyStringWrapper lastSyncText = new ReadOnlyStringWrapper(this, "lastSyncText", "");
    private final ReadOnlyStringWrapper pendingText = new ReadOnlyStringWrapper(this, "pendingText", "");
    private final ReadOnlyStringWrapper attentionText = new ReadOnlyStringWrapper(this, "attentionText", "");
    private final ReadOnlyStringWrapper errorText = new ReadOnlyStringWrapper(this, "errorText", "");
    private final ObservableList<ItemRow> pendingItems = FXCollections.observableArrayList();
    private final ObservableList<ItemRow> attentionItems = FXCollections.observableArrayList();

    public SyncStatusViewModel(SyncService sync, Clock clock, ZoneId zone, ResourceBundle texts, Executor background,
                               Executor fx) {
        this.sync = Objects.requireNonNull(sync);
        this.clock = Objects.requireNonNull(clock);
        this.zone = Objects.requireNonNull(zone);
        this.texts = Objects.requireNonNull(texts);
        this.background = Objects.requireNonNull(background);
        this.fx = Objects.requireNonNull(fx);
        sync.statusProperty().addListener((obs, old, status) -> show(status));
        show(sync.statusProperty().get());
    }

    /** Where to send short messages for a snackbar (the result of "Synchroniser"). */
    public void setOnMessage(Consumer<String> onMessage) {
        this.onMessage = Objects.requireNonNull(onMessage);
    }

    /** Recomputes the texts (e.g. "aujourd'hui" after midnight); called when the panel is shown. */
    public void refresh() {
        show(sync.statusProperty().get());
        loadItems();
    }

    private void show(SyncStatus status) {
        SyncStatus s = status == null ? SyncStatus.initial() : status;
        online.set(s.online());
        syncing.set(s.syncing());
        int pending = s.pendingOperations() + s.pendingPhotos();
        pendingCount.set(pending);
        attentionCount.set(s.needsAttention());
        sessionExpired.set(s.sessionExpired());
        connectionText.set(text(s.online() ? "sync.online" : "sync.offline"));
        if (s.syncing()) {
            indicatorText.set(text("sync.syncing"));
        } else if (s.needsAttention() > 0) {
            indicatorText.set(text("sync.attention", s.needsAttention()));
        } else if (pending > 0) {
            indicatorText.set(text("sync.pending", pending));
        } else {
            indicatorText.set(text("sync.uptodate"));
        }
        lastSyncText.set(lastSync(s));
        pendingText.set(pending == 0 ? text("sync.pending.empty")
                : text("sync.pending.detail", s.pendingOperations(), s.pendingPhotos()));
        attentionText.set(s.needsAttention() == 0 ? text("sync.items.empty")
                : text("sync.attention.detail", s.needsAttention()));
        errorText.set(s.lastError() == null || s.lastError().isBlank() ? "" : text("sync.error", s.lastError()));
    }

    private String lastSync(SyncStatus s) {
        if (s.lastSuccessAt() == null) {
            return text("sync.last.never");
        }
        ZonedDateTime at = s.lastSuccessAt().atZone(zone);
        ZonedDateTime now = clock.instant().atZone(zone);
        Duration ago = Duration.between(s.lastSuccessAt(), clock.instant());
        if (!ago.isNegative() && ago.compareTo(Duration.ofMinutes(1)) < 0) {
            return text("sync.last.justnow");
        }
        if (at.toLocalDate().equals(LocalDate.from(now))) {
            return text("sync.last.today", TIME.format(at));
        }
        return text("sync.last.date", DATE.format(at), TIME.format(at));
    }

    /** "Synchroniser": starts a sync (or joins the running one); the result comes back as a message. */
    public CompletableFuture<SyncReport> synchronise() {
        CompletableFuture<SyncReport> result = new CompletableFuture<>();
        sync.syncNow().whenComplete((report, failure) -> fx.execute(() -> {
            if (failure != null) {
                onMessage.accept(texts.getString("app.error.unexpected"));
                result.completeExceptionally(failure);
                return;
            }
            onMessage.accept(report.ok() ? text("sync.done")
                    : report.message() == null || report.message().isBlank() ? text("sync.offline.hint") : report.message());
            loadItems();
            result.complete(report);
        }));
        return result;
    }

    /** Puts a refused change back in the queue. */
    public void retry(String opId) {
        background.execute(() -> {
            sync.retry(opId);
            List<ItemRow>[] rows = rows();
            fx.execute(() -> apply(rows));
        });
    }

    /** Loads the pending and refused changes for the panel (background). */
    public void loadItems() {
        background.execute(() -> {
            List<ItemRow>[] rows = rows();
            fx.execute(() -> apply(rows));
        });
    }

    @SuppressWarnings("unchecked")
    private List<ItemRow>[] rows() {
        List<ItemRow> pending = sync.pendingItems().stream().map(i -> row(i, false)).toList();
        List<ItemRow> refused = sync.quarantinedItems().stream().map(i -> row(i, true)).toList();
        return new List[] {pending, refused};
    }

    private void apply(List<ItemRow>[] rows) {
        pendingItems.setAll(rows[0]);
        attentionItems.setAll(rows[1]);
    }

    private ItemRow row(OutboxItem item, boolean quarantined) {
        String when = item.createdAt() == null ? "" : DATE.format(item.createdAt().atZone(zone)) + " "
                + TIME.format(item.createdAt().atZone(zone));
        String detail = quarantined && item.reasonMessage() != null ? item.reasonMessage() : when;
        return new ItemRow(item.opId(), item.summary(), detail, quarantined);
    }

    private String text(String key, Object... args) {
        String pattern = texts.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.FRANCE).format(args); // keys with arguments use '' for an apostrophe
    }

    public ReadOnlyBooleanProperty onlineProperty() {
        return online.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty syncingProperty() {
        return syncing.getReadOnlyProperty();
    }

    /** Changes and photos waiting to be sent. */
    public ReadOnlyIntegerProperty pendingCountProperty() {
        return pendingCount.getReadOnlyProperty();
    }

    /** Changes the server refused. */
    public ReadOnlyIntegerProperty attentionCountProperty() {
        return attentionCount.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty sessionExpiredProperty() {
        return sessionExpired.getReadOnlyProperty();
    }

    /** The short text beside the sync icon: "À jour", "3 en attente", "Synchronisation…", "1 à vérifier". */
    public ReadOnlyStringProperty indicatorTextProperty() {
        return indicatorText.getReadOnlyProperty();
    }

    /** "En ligne" or "Hors ligne". */
    public ReadOnlyStringProperty connectionTextProperty() {
        return connectionText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lastSyncTextProperty() {
        return lastSyncText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty pendingTextProperty() {
        return pendingText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty attentionTextProperty() {
        return attentionText.getReadOnlyProperty();
    }

    /** "Dernière erreur : …", empty after a success. */
    public ReadOnlyStringProperty errorTextProperty() {
        return errorText.getReadOnlyProperty();
    }

    public ObservableList<ItemRow> pendingItems() {
        return pendingItems;
    }

    public ObservableList<ItemRow> attentionItems() {
        return attentionItems;
    }
}
