package fr.mediance.app.core.office;

import fr.mediance.app.core.BackgroundWork;
import fr.mediance.app.core.Outcome;
import fr.mediance.app.core.Texts;
import fr.mediance.app.core.document.PhotoItem;
import fr.mediance.app.core.sync.SyncService;
import fr.mediance.protocol.EntityType;
import java.text.MessageFormat;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * "Comptes rendus reçus" for the office: the completed visit reports received by sync, most recent first,
 * with how many photos are still awaited from the counsellors' tablets.
 */
public final class OfficeReportsViewModel {

    /**
     * One received report as the list shows it. {@code photoIds}: its photos, in capture order, for the
     * thumbnails (read with {@link #thumbnail}); {@code awaitedText}: "2 photos sur 3 en attente" while photos
     * are still arriving (the report can be read meanwhile).
     */
    public record Row(
            String reportId,
            String dateText,
            String residentName,
            String counsellorText,
            String domainsText,
            String photosText,
            String awaitedText,
            List<String> photoIds) {
        public Row {
            photoIds = photoIds == null ? List.of() : List.copyOf(photoIds);
        }
    }

    /** Thumbnails shown per report in the list, at most. */
    public static final int MAX_THUMBNAILS = 4;

    private final OfficeService office;
    private final ZoneId zone;
    private final ResourceBundle texts;
    private final BackgroundWork work;
    private final ReadOnlyStringWrapper loadError = new ReadOnlyStringWrapper(this, "loadError", "");
    private final Consumer<String> onOpen;
    /** Thumbnails already read (small JPEGs), so that a new rendering of the list does not fetch them again. */
    private final Map<String, byte[]> thumbnails = new ConcurrentHashMap<>();

    private final Runnable removeListener;
    private final ObservableList<Row> items = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyBooleanWrapper empty = new ReadOnlyBooleanWrapper(this, "empty", true);

    public OfficeReportsViewModel(
            OfficeService office,
            SyncService sync,
            ZoneId zone,
            ResourceBundle texts,
            Executor background,
            Executor fx,
            Consumer<String> onOpen) {
        this.office = Objects.requireNonNull(office);
        this.zone = Objects.requireNonNull(zone);
        this.texts = Objects.requireNonNull(texts);
        this.work = new BackgroundWork(background, fx);
        this.onOpen = Objects.requireNonNull(onOpen);
        removeListener = sync == null ? () -> {} : sync.addDataListener(this::onSynced);
    }

    private void onSynced(Set<EntityType> changed) {
        if (changed.contains(EntityType.VISIT_REPORT)
                || changed.contains(EntityType.DOCUMENT)
                || changed.contains(EntityType.RESIDENT)
                || changed.contains(EntityType.BLOB)) {
            refresh();
        }
    }

    /** Reloads the local list, then asks the server which awaited photos have arrived (when online). */
    public void refresh() {
        loading.set(true);
        work.supply(
                "loading the received reports",
                () -> office.receivedReports().stream().map(this::row).toList(),
                rows -> {
                    items.setAll(rows);
                    empty.set(rows.isEmpty());
                    loading.set(false);
                    loadError.set("");
                    if (rows.stream().anyMatch(r -> !r.awaitedText().isEmpty())) {
                        refreshAwaitedPhotos();
                    }
                },
                e -> {
                    loading.set(false);
                    loadError.set(text("common.load.failed"));
                });
    }

    /** Asks which awaited photos have arrived (local, plus HEAD for photos sent before blob statuses). */
    private void refreshAwaitedPhotos() {
        // Offline or server trouble is an outcome: the list stays as it is.
        work.supply(
                "checking which awaited photos arrived",
                () -> office.refreshPhotoAvailability().isOk()
                        ? Optional.of(
                                office.receivedReports().stream().map(this::row).toList())
                        : Optional.<List<Row>>empty(),
                again -> again.ifPresent(items::setAll),
                e -> {});
    }

    Row row(ReceivedReport r) {
        String date = r.completedAt() == null
                ? ""
                : Texts.dateTime(texts).format(r.completedAt().atZone(zone));
        String counsellor = r.counsellorName() == null || r.counsellorName().isBlank()
                ? ""
                : text("office.item.by", r.counsellorName());
        String photosText = photosText(texts, r.photoCount());
        String awaited = awaitedText(texts, r.photosAwaited(), r.photoCount());
        List<String> ids = r.photoCount() == 0
                ? List.of()
                : office.open(r.reportId())
                        .map(d -> d.photos().stream()
                                .map(PhotoItem::id)
                                .limit(MAX_THUMBNAILS)
                                .toList())
                        .orElse(List.of());
        return new Row(
                r.reportId(),
                date,
                r.residentName() == null ? "" : r.residentName(),
                counsellor,
                String.join(", ", r.domainLabels()),
                photosText,
                awaited,
                ids);
    }

    /** "1 photo", "3 photos", or empty. */
    static String photosText(ResourceBundle texts, int count) {
        return count == 0
                ? ""
                : count == 1
                        ? texts.getString("office.item.photos.one")
                        : format(texts, "office.item.photos.many", count);
    }

    /** "2 photos sur 3 en attente", "1 photo sur 3 en attente", "Photo en attente", or empty. */
    static String awaitedText(ResourceBundle texts, int awaited, int count) {
        if (awaited <= 0) {
            return "";
        }
        if (count == 1) {
            return texts.getString("office.item.awaited.only");
        }
        return format(texts, awaited == 1 ? "office.item.awaited.one" : "office.item.awaited.many", awaited, count);
    }

    private static String format(ResourceBundle texts, String key, Object... args) {
        return new MessageFormat(texts.getString(key), Texts.locale(texts)).format(args);
    }

    /**
     * The thumbnail of a report's photo, made by the server (cached encrypted on this device once read).
     * Completes on the FX executor; a failure (photo not arrived yet, offline) carries a French message.
     */
    public CompletableFuture<Outcome<byte[]>> thumbnail(String documentId) {
        CompletableFuture<Outcome<byte[]>> result = new CompletableFuture<>();
        byte[] known = thumbnails.get(documentId);
        if (known != null) {
            result.complete(Outcome.ok(known));
            return result;
        }
        work.supply(
                "reading a photo's thumbnail",
                () -> office.thumbnail(documentId),
                o -> {
                    if (o instanceof Outcome.Ok<byte[]> ok) {
                        thumbnails.put(documentId, ok.value());
                    }
                    result.complete(o);
                },
                e -> result.complete(Outcome.failed(text("office.report.photo.failed"))));
        return result;
    }

    public void open(String reportId) {
        onOpen.accept(reportId);
    }

    public void dispose() {
        removeListener.run();
    }

    private String text(String key, Object... args) {
        String pattern = texts.getString(key);
        return args.length == 0
                ? pattern
                : new MessageFormat(pattern, Texts.locale(texts))
                        .format(args); // keys with arguments use '' for an apostrophe
    }

    public ObservableList<Row> items() {
        return items;
    }

    /** Why the list could not be read, else empty. */
    public ReadOnlyStringProperty loadErrorProperty() {
        return loadError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty emptyProperty() {
        return empty.getReadOnlyProperty();
    }
}
