package fr.mediance.app.core.sync;

import fr.mediance.app.core.BackgroundWork;
import fr.mediance.app.core.Texts;
import fr.mediance.app.core.reference.CodeLists;
import fr.mediance.app.core.reference.ReferenceService;
import fr.mediance.protocol.EntityType;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
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
 * The sync indicator of the app bar and the "Synchronisation" screen. Every item on its way to the office (a
 * visit report, a photo of a document, a resident, an appointment's status, a resolved conflict) is shown with
 * its own state: en attente, envoi n %, reçu par le bureau, à vérifier (with the server's reason and
 * "Réessayer"). Nothing is said to be received without the server's receipt: the states come from
 * {@link SyncService#deliveryOf} and {@link SyncService#photoTransfers()}, and a photo's progress from
 * {@link SyncService#addTransferListener}.
 */
public final class SyncStatusViewModel {

    /** What an item is, for its icon and the agreement of "reçu" / "reçue". */
    public enum Kind {
        REPORT,
        PHOTO,
        RESIDENT,
        APPOINTMENT,
        CONFLICT,
        OTHER
    }

    /**
     * One item of the screen.
     *
     * @param key       stable identity across updates ("photo:…", "record:entity:id")
     * @param kind      what it is
     * @param entityId  the record or document
     * @param opId      the refused operation to send again, if any
     * @param summary   "Compte rendu – Fatima Benali", "Photo de document – Fatima Benali"…
     * @param delivery  where it stands
     * @param percent   0–100 (photos, and reports over their photos)
     * @param stateText "En attente", "Envoi 42 %", "Reçu par le bureau", "À vérifier"
     * @param detail    "Modifié le 27/11/2026 à 10:02", "385 Ko", "à 14:32"
     * @param reason    the French reason when it needs attention, else empty
     */
    public record ItemRow(
            String key,
            Kind kind,
            String entityId,
            String opId,
            String summary,
            Delivery delivery,
            int percent,
            String stateText,
            String detail,
            String reason) {

        /** A progress bar is shown for a photo on its way, and for a report whose photos are being sent. */
        public boolean showsProgress() {
            return switch (delivery) {
                case QUEUED, SENDING -> kind == Kind.PHOTO || kind == Kind.REPORT && percent > 0;
                default -> false;
            };
        }

        /** "Réessayer" is offered for what needs attention. */
        public boolean canRetry() {
            return delivery == Delivery.NEEDS_ATTENTION;
        }

        public boolean pending() {
            return delivery == Delivery.QUEUED || delivery == Delivery.SENDING || delivery == Delivery.LOCAL;
        }
    }

    private static final int MAX_RECEIVED = 30;

    private final SyncService sync;
    private final ReferenceService reference;
    private final Clock clock;
    private final ZoneId zone;
    private final ResourceBundle texts;
    private final BackgroundWork work;
    private Consumer<String> onMessage = m -> {};

    private final ReadOnlyBooleanWrapper online = new ReadOnlyBooleanWrapper(this, "online");
    private final ReadOnlyBooleanWrapper syncing = new ReadOnlyBooleanWrapper(this, "syncing");
    private final ReadOnlyIntegerWrapper pendingCount = new ReadOnlyIntegerWrapper(this, "pendingCount");
    private final ReadOnlyIntegerWrapper pendingPhotoCount = new ReadOnlyIntegerWrapper(this, "pendingPhotoCount");
    private final ReadOnlyIntegerWrapper attentionCount = new ReadOnlyIntegerWrapper(this, "attentionCount");
    private final ReadOnlyBooleanWrapper sessionExpired = new ReadOnlyBooleanWrapper(this, "sessionExpired");
    private final ReadOnlyBooleanWrapper allReceived = new ReadOnlyBooleanWrapper(this, "allReceived");
    private final ReadOnlyStringWrapper indicatorText = new ReadOnlyStringWrapper(this, "indicatorText", "");
    private final ReadOnlyStringWrapper summaryText = new ReadOnlyStringWrapper(this, "summaryText", "");
    private final ReadOnlyStringWrapper countsText = new ReadOnlyStringWrapper(this, "countsText", "");
    private final ReadOnlyStringWrapper connectionText = new ReadOnlyStringWrapper(this, "connectionText", "");
    private final ReadOnlyStringWrapper lastSyncText = new ReadOnlyStringWrapper(this, "lastSyncText", "");
    private final ReadOnlyStringWrapper errorText = new ReadOnlyStringWrapper(this, "errorText", "");
    private final ObservableList<ItemRow> pendingItems = FXCollections.observableArrayList();
    private final ObservableList<ItemRow> attentionItems = FXCollections.observableArrayList();
    private final ObservableList<ItemRow> receivedItems = FXCollections.observableArrayList();

    /** Guarded by itself: what this screen has seen on its way, to tell when it arrives. */
    private final Map<String, Watched> watched = new LinkedHashMap<>();
    /**
     * Guarded by {@link #watched}: arrived during this session, newest first.
     * needs: the receipts themselves from the sync service (what arrived, when), to list them after a restart too.
     */
    private final List<ItemRow> received = new ArrayList<>();

    private final AtomicBoolean reloadQueued = new AtomicBoolean();
    /** Document type labels already read (a photo's line is redrawn often while it is sent). */
    private final Map<String, String> typeLabels = new java.util.concurrent.ConcurrentHashMap<>();

    private final Runnable removeTransferListener;
    private SyncStatus status = SyncStatus.initial();
    private Instant lastReceiptAt;
    private boolean loaded;

    private record Watched(Kind kind, EntityType entity, String id, String summary) {}

    public SyncStatusViewModel(
            SyncService sync, Clock clock, ZoneId zone, ResourceBundle texts, Executor background, Executor fx) {
        this(sync, null, clock, zone, texts, background, fx);
    }

    /** With {@code reference}, a photo's line names its document type ("Facture · 374 Ko"). */
    public SyncStatusViewModel(
            SyncService sync,
            ReferenceService reference,
            Clock clock,
            ZoneId zone,
            ResourceBundle texts,
            Executor background,
            Executor fx) {
        this.sync = Objects.requireNonNull(sync);
        this.reference = reference;
        this.clock = Objects.requireNonNull(clock);
        this.zone = Objects.requireNonNull(zone);
        this.texts = Objects.requireNonNull(texts);
        this.work = new BackgroundWork(background, fx);
        sync.statusProperty().addListener((obs, old, s) -> {
            show(s);
            loadItems();
        });
        removeTransferListener = sync.addTransferListener(this::onTransfer);
        show(sync.statusProperty().get());
        loadItems();
    }

    /** Where to send short messages for a snackbar (the result of "Synchroniser"). */
    public void setOnMessage(Consumer<String> onMessage) {
        this.onMessage = Objects.requireNonNull(onMessage);
    }

    /** Recomputes the texts (e.g. "aujourd'hui" after midnight) and the items; called when the screen is shown. */
    public void refresh() {
        show(sync.statusProperty().get());
        loadItems();
    }

    /** Stops following the photos' progress (when the session ends). */
    public void dispose() {
        removeTransferListener.run();
    }

    // ----- texts

    private void show(SyncStatus s) {
        status = s == null ? SyncStatus.initial() : s;
        online.set(status.online());
        syncing.set(status.syncing());
        sessionExpired.set(status.sessionExpired());
        connectionText.set(text(status.online() ? "sync.online" : "sync.offline"));
        lastSyncText.set(lastSync(status.lastSuccessAt()));
        // offline, the headline already says why nothing leaves
        errorText.set(
                !status.online()
                                || status.lastError() == null
                                || status.lastError().isBlank()
                        ? ""
                        : text("sync.error", status.lastError()));
        recount();
    }

    /**
     * The counts of the items read; before they are read, or while the service counts something the items
     * do not show yet, the service's own counts (where a photo and its document record may count twice).
     */
    private void recount() {
        int photos =
                (int) pendingItems.stream().filter(r -> r.kind() == Kind.PHOTO).count();
        int pending = pendingItems.size();
        int attention = attentionItems.size();
        if (!loaded || pending == 0 && attention == 0 && !status.upToDate()) {
            pending = status.pendingOperations() + status.pendingPhotos();
            photos = status.pendingPhotos();
            attention = status.needsAttention();
        }
        pendingCount.set(pending);
        pendingPhotoCount.set(photos);
        attentionCount.set(attention);
        texts();
    }

    private void texts() {
        int pending = pendingCount.get();
        int attention = attentionCount.get();
        // received only with the server's receipt: nothing waiting here, nothing waiting in the service either
        boolean everything = pending == 0
                && attention == 0
                && status.upToDate()
                && (status.lastSuccessAt() != null || lastReceiptAt != null);
        allReceived.set(everything);
        if (status.syncing()) {
            indicatorText.set(text("sync.indicator.syncing"));
        } else if (attention > 0) {
            indicatorText.set(text("sync.attention", attention));
        } else if (pending > 0) {
            indicatorText.set(text("sync.pending", pending));
        } else if (everything) {
            indicatorText.set(text("sync.received"));
        } else {
            indicatorText.set(text("sync.nothing"));
        }

        String pendingLine = pendingLine(pending, pendingPhotoCount.get());
        String attentionLine = attention == 0
                ? ""
                : attention == 1 ? text("sync.count.attention.one") : text("sync.count.attention.many", attention);
        String headline;
        List<String> more = new ArrayList<>();
        if (!status.online()) {
            headline = text("sync.summary.offline");
            more.add(pendingLine);
            more.add(attentionLine);
        } else if (pending > 0) {
            headline = pendingLine;
            more.add(attentionLine);
        } else if (attention > 0) {
            headline = attentionLine;
            if (status.pendingOperations() == 0
                    && status.pendingPhotos() == 0
                    && (status.lastSuccessAt() != null || lastReceiptAt != null)) {
                more.add(receivedLine("sync.summary.rest.received.today", "sync.summary.rest.received.date"));
            }
        } else if (everything) {
            headline = receivedLine("sync.summary.received.today", "sync.summary.received.date");
        } else {
            headline = text("sync.summary.nothing");
        }
        summaryText.set(headline);
        countsText.set(String.join("\n", more.stream().filter(l -> !l.isEmpty()).toList()));
    }

    private String pendingLine(int pending, int photos) {
        if (pending == 0) {
            return "";
        }
        if (photos == pending) {
            return photos == 1 ? text("sync.count.photos.one") : text("sync.count.photos.many", photos);
        }
        if (photos == 0) {
            return pending == 1 ? text("sync.count.pending.one") : text("sync.count.pending.many", pending);
        }
        return photos == 1
                ? text("sync.count.pending.photos.one", pending)
                : text("sync.count.pending.photos.many", pending, photos);
    }

    private String receivedLine(String todayKey, String dateKey) {
        Instant at = latest(status.lastSuccessAt(), lastReceiptAt);
        ZonedDateTime when = at.atZone(zone);
        if (when.toLocalDate().equals(LocalDate.from(clock.instant().atZone(zone)))) {
            return text(todayKey, Texts.time(texts).format(when));
        }
        return text(dateKey, Texts.date(texts).format(when), Texts.time(texts).format(when));
    }

    private static Instant latest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    private String lastSync(Instant lastSuccessAt) {
        if (lastSuccessAt == null) {
            return text("sync.last.never");
        }
        ZonedDateTime at = lastSuccessAt.atZone(zone);
        ZonedDateTime now = clock.instant().atZone(zone);
        Duration ago = Duration.between(lastSuccessAt, clock.instant());
        if (!ago.isNegative() && ago.compareTo(Duration.ofMinutes(1)) < 0) {
            return text("sync.last.justnow");
        }
        if (at.toLocalDate().equals(LocalDate.from(now))) {
            return text("sync.last.today", Texts.time(texts).format(at));
        }
        return text(
                "sync.last.date",
                Texts.date(texts).format(at),
                Texts.time(texts).format(at));
    }

    // ----- commands

    /** "Synchroniser": starts a sync (or joins the running one); the result comes back as a message. */
    public CompletableFuture<SyncReport> synchronise() {
        CompletableFuture<SyncReport> result = new CompletableFuture<>();
        sync.syncNow()
                .whenComplete((report, failure) -> work.onFx(() -> {
                    if (failure != null) {
                        onMessage.accept(texts.getString("app.error.unexpected"));
                        result.completeExceptionally(failure);
                        return;
                    }
                    onMessage.accept(
                            report.ok()
                                    ? text("sync.done")
                                    : report.message() == null
                                                    || report.message().isBlank()
                                            ? text("sync.offline.hint")
                                            : report.message());
                    loadItems();
                    result.complete(report);
                }));
        return result;
    }

    /**
     * "Réessayer" on an item that needs attention: a refused change is sent again as it is now, a photo whose
     * upload failed is queued again; then a sync starts when the server can be reached. Completes on the FX
     * executor once the item is back in the queue.
     */
    public CompletableFuture<Void> retry(ItemRow row) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        work.supply(
                "queueing an item again",
                () -> {
                    if (row.opId() != null) {
                        sync.retry(row.opId());
                    }
                    if (row.kind() == Kind.PHOTO) {
                        sync.retryPhoto(row.entityId());
                    }
                    return snapshot();
                },
                lists -> {
                    apply(lists);
                    onMessage.accept(text("sync.retry.done"));
                    if (status.online()) {
                        sync.syncNow();
                    }
                    result.complete(null);
                },
                e -> {
                    onMessage.accept(texts.getString("app.error.unexpected"));
                    result.complete(null);
                });
        return result;
    }

    // ----- items

    /** Reads the items on their way (background), at most one read waiting at a time. */
    public void loadItems() {
        if (!reloadQueued.compareAndSet(false, true)) {
            return;
        }
        // On failure (logged) the lists shown stay; the next change reads again.
        work.supply(
                "reading the items on their way",
                () -> {
                    reloadQueued.set(false);
                    return snapshot();
                },
                this::apply,
                e -> {});
    }

    private record Lists(List<ItemRow> pending, List<ItemRow> attention, List<ItemRow> received, Instant lastReceipt) {}

    private Lists snapshot() {
        synchronized (watched) {
            Map<String, ItemRow> now = new LinkedHashMap<>();
            Map<String, String> refusedDocumentOps = new LinkedHashMap<>();
            List<OutboxItem> ops = new ArrayList<>(sync.quarantinedItems());
            ops.addAll(sync.pendingItems());
            ops.sort((a, b) -> Long.compare(a.seq(), b.seq()));
            for (OutboxItem op : ops) {
                if (op.entity() == EntityType.DOCUMENT) {
                    // a document travels as its photo: the photo's line says where both stand
                    if (op.state() == OutboxItem.State.QUARANTINED) {
                        refusedDocumentOps.put(op.entityId(), op.opId());
                    }
                    continue;
                }
                if (op.entity() == EntityType.BLOB || op.entity() == EntityType.CODE) {
                    continue;
                }
                String key = recordKey(op.entity(), op.entityId());
                ItemRow previous = now.get(key);
                String opId = op.state() == OutboxItem.State.QUARANTINED
                        ? op.opId()
                        : previous == null ? null : previous.opId();
                DeliveryStatus st = sync.deliveryOf(op.entity(), op.entityId());
                if (op.state() == OutboxItem.State.QUARANTINED && !st.needsAttention()) {
                    st = new DeliveryStatus(Delivery.NEEDS_ATTENTION, st.percent(), op.reasonMessage());
                }
                Kind kind = kind(op.entity());
                String reason = st.needsAttention() ? firstNonBlank(st.reason(), op.reasonMessage()) : null;
                now.put(
                        key,
                        row(key, kind, op.entityId(), opId, op.summary(), st, changedDetail(op.createdAt()), reason));
                watched.put(key, new Watched(kind, op.entity(), op.entityId(), op.summary()));
            }
            for (PhotoTransfer t : sync.photoTransfers()) {
                String key = photoKey(t.documentId());
                now.put(key, photoRow(t, refusedDocumentOps.get(t.documentId())));
                watched.put(key, new Watched(Kind.PHOTO, EntityType.DOCUMENT, t.documentId(), t.summary()));
            }
            // what was on its way and is no longer in the queue: received, or a report whose photos still travel
            for (Watched w : List.copyOf(watched.values())) {
                String key = w.kind() == Kind.PHOTO ? photoKey(w.id()) : recordKey(w.entity(), w.id());
                if (now.containsKey(key)) {
                    continue;
                }
                DeliveryStatus st =
                        w.kind() == Kind.PHOTO ? DeliveryStatus.RECEIVED : sync.deliveryOf(w.entity(), w.id());
                if (st.received()) {
                    watched.remove(key);
                    markReceived(key, w.kind(), w.id(), w.summary());
                } else {
                    now.put(key, row(key, w.kind(), w.id(), null, w.summary(), st, "", st.reason()));
                }
            }
            List<ItemRow> pending = new ArrayList<>();
            List<ItemRow> attention = new ArrayList<>();
            List<ItemRow> ordered = new ArrayList<>(now.values());
            List<String> seen = new ArrayList<>(watched.keySet());
            // in the order they were first seen: a report before its photos, even once its own receipt came
            ordered.sort(java.util.Comparator.comparingInt(r -> {
                int i = seen.indexOf(r.key());
                return i < 0 ? Integer.MAX_VALUE : i;
            }));
            for (ItemRow r : ordered) {
                (r.canRetry() ? attention : pending).add(r);
            }
            return new Lists(pending, attention, List.copyOf(received), lastReceiptAt);
        }
    }

    /** Guarded by {@link #watched}. */
    private void markReceived(String key, Kind kind, String id, String summary) {
        received.removeIf(r -> r.key().equals(key));
        Instant at = clock.instant();
        lastReceiptAt = at;
        received.add(
                0,
                row(
                        key,
                        kind,
                        id,
                        null,
                        summary,
                        DeliveryStatus.RECEIVED,
                        text("sync.item.received.at", Texts.time(texts).format(at.atZone(zone))),
                        null));
        while (received.size() > MAX_RECEIVED) {
            received.remove(received.size() - 1);
        }
    }

    private void apply(Lists lists) {
        loaded = true;
        pendingItems.setAll(lists.pending());
        attentionItems.setAll(lists.attention());
        receivedItems.setAll(lists.received());
        recount();
    }

    /** A photo's state or progress changed while a sync sends it (FX thread): its line follows at once. */
    private void onTransfer(PhotoTransfer t) {
        String key = photoKey(t.documentId());
        if (t.status().received()) {
            synchronized (watched) {
                watched.remove(key);
                markReceived(key, Kind.PHOTO, t.documentId(), t.summary());
                receivedItems.setAll(received);
            }
            pendingItems.removeIf(r -> r.key().equals(key));
            attentionItems.removeIf(r -> r.key().equals(key));
            recount();
            loadItems(); // its report may be complete now
            return;
        }
        String opId = find(attentionItems, key).map(ItemRow::opId).orElse(null);
        ItemRow row = photoRow(t, opId);
        synchronized (watched) {
            watched.put(key, new Watched(Kind.PHOTO, EntityType.DOCUMENT, t.documentId(), t.summary()));
        }
        ObservableList<ItemRow> target = row.canRetry() ? attentionItems : pendingItems;
        ObservableList<ItemRow> other = row.canRetry() ? pendingItems : attentionItems;
        other.removeIf(r -> r.key().equals(key));
        int i = indexOf(target, key);
        if (i >= 0) {
            target.set(i, row);
        } else {
            target.add(row);
        }
        recount();
    }

    private static java.util.Optional<ItemRow> find(List<ItemRow> rows, String key) {
        return rows.stream().filter(r -> r.key().equals(key)).findFirst();
    }

    private static int indexOf(List<ItemRow> rows, String key) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).key().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    private ItemRow photoRow(PhotoTransfer t, String refusedOpId) {
        DeliveryStatus st = t.status();
        String size = t.sizeBytes() <= 0 ? "" : text("sync.item.size", Math.max(1, (t.sizeBytes() + 512) / 1024));
        String type = reference == null || t.type() == null
                ? ""
                : typeLabels.computeIfAbsent(t.type(), c -> reference.label(CodeLists.DOCUMENT_TYPE, c));
        String detail = type.isBlank() ? size : size.isEmpty() ? type : type + " · " + size;
        return row(
                photoKey(t.documentId()),
                Kind.PHOTO,
                t.documentId(),
                refusedOpId,
                t.summary(),
                st,
                detail,
                st.reason());
    }

    private ItemRow row(
            String key,
            Kind kind,
            String id,
            String opId,
            String summary,
            DeliveryStatus st,
            String detail,
            String reason) {
        return new ItemRow(
                key,
                kind,
                id,
                opId,
                summary == null ? "" : summary,
                st.delivery(),
                st.received() ? 100 : Math.max(0, Math.min(100, st.percent())),
                stateText(kind, st),
                detail,
                st.needsAttention() ? firstNonBlank(reason, "") : "");
    }

    /** "En attente", "Envoi 42 %", "Reçu par le bureau" ("Reçue" for a photo), "À vérifier". */
    public String stateText(Kind kind, DeliveryStatus st) {
        return switch (st.delivery()) {
            case LOCAL -> text("sync.state.local");
            case QUEUED -> text("sync.state.queued");
            case SENDING ->
                kind == Kind.PHOTO || st.percent() > 0
                        ? text("sync.state.sending", st.percent())
                        : text("sync.state.sending.any");
            case RECEIVED -> text(kind == Kind.PHOTO ? "sync.state.received.photo" : "sync.state.received");
            case NEEDS_ATTENTION -> text("sync.state.attention");
        };
    }

    private String changedDetail(Instant at) {
        if (at == null) {
            return "";
        }
        ZonedDateTime z = at.atZone(zone);
        return text(
                "sync.item.changed",
                Texts.date(texts).format(z),
                Texts.time(texts).format(z));
    }

    private static Kind kind(EntityType entity) {
        return switch (entity) {
            case VISIT_REPORT -> Kind.REPORT;
            case DOCUMENT -> Kind.PHOTO;
            case RESIDENT -> Kind.RESIDENT;
            case APPOINTMENT -> Kind.APPOINTMENT;
            case CONFLICT -> Kind.CONFLICT;
            default -> Kind.OTHER;
        };
    }

    private static String recordKey(EntityType entity, String id) {
        return "record:" + entity.code() + ":" + id;
    }

    private static String photoKey(String documentId) {
        return "photo:" + documentId;
    }

    private static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }

    private String text(String key, Object... args) {
        String pattern = texts.getString(key);
        return args.length == 0
                ? pattern
                : new MessageFormat(pattern, Texts.locale(texts))
                        .format(args); // keys with arguments use '' for an apostrophe
    }

    // ----- properties

    public ReadOnlyBooleanProperty onlineProperty() {
        return online.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty syncingProperty() {
        return syncing.getReadOnlyProperty();
    }

    /** Items on their way to the office (a photo and its document record count once). */
    public ReadOnlyIntegerProperty pendingCountProperty() {
        return pendingCount.getReadOnlyProperty();
    }

    /** Of {@link #pendingCountProperty()}, the photos. */
    public ReadOnlyIntegerProperty pendingPhotoCountProperty() {
        return pendingPhotoCount.getReadOnlyProperty();
    }

    /** Items that need attention (refused by the server or failing): kept, never dropped. */
    public ReadOnlyIntegerProperty attentionCountProperty() {
        return attentionCount.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty sessionExpiredProperty() {
        return sessionExpired.getReadOnlyProperty();
    }

    /** Everything made on this device has been received by the office (the server said so). */
    public ReadOnlyBooleanProperty allReceivedProperty() {
        return allReceived.getReadOnlyProperty();
    }

    /** The short text beside the sync icon: "Tout est reçu", "3 en attente", "En cours…", "1 à vérifier". */
    public ReadOnlyStringProperty indicatorTextProperty() {
        return indicatorText.getReadOnlyProperty();
    }

    /**
     * The screen's headline: "3 éléments en attente, dont 2 photos", "Tout est reçu par le bureau à 14:32",
     * "Hors ligne — les données restent sur la tablette".
     */
    public ReadOnlyStringProperty summaryTextProperty() {
        return summaryText.getReadOnlyProperty();
    }

    /** What the headline does not say (the counts when offline, what needs attention), one per line; may be empty. */
    public ReadOnlyStringProperty countsTextProperty() {
        return countsText.getReadOnlyProperty();
    }

    /** "En ligne" or "Hors ligne". */
    public ReadOnlyStringProperty connectionTextProperty() {
        return connectionText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lastSyncTextProperty() {
        return lastSyncText.getReadOnlyProperty();
    }

    /** "Dernière erreur : …", empty after a success. */
    public ReadOnlyStringProperty errorTextProperty() {
        return errorText.getReadOnlyProperty();
    }

    /** On their way: queued or being sent, in order. */
    public ObservableList<ItemRow> pendingItems() {
        return pendingItems;
    }

    /** Refused or failing, with the reason and "Réessayer". */
    public ObservableList<ItemRow> attentionItems() {
        return attentionItems;
    }

    /** Received by the office since the app was opened, newest first. */
    public ObservableList<ItemRow> receivedItems() {
        return receivedItems;
    }
}
