package fr.mediance.app.core.office;

import java.text.MessageFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import fr.mediance.app.core.sync.SyncService;
import fr.mediance.protocol.EntityType;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * "Comptes rendus reçus" for the office: the completed visit reports received by sync, most recent first,
 * with how many photos are still awaited from the counsellors' tablets.
 */
public final class OfficeReportsViewModel {

    /** One received report as the list shows it. */
    public record Row(String reportId, String dateText, String residentName, String counsellorText,
                      String domainsText, String photosText, String awaitedText) {
    }

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy · HH:mm");

    private final OfficeService office;
    private final ZoneId zone;
    private final ResourceBundle texts;
    private final Executor background;
    private final Executor fx;
    private final Consumer<String> onOpen;
    private final Runnable removeListener;
    private final ObservableList<Row> items = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyBooleanWrapper empty = new ReadOnlyBooleanWrapper(this, "empty", true);

    public OfficeReportsViewModel(OfficeService office, SyncService sync, ZoneId zone, ResourceBundle texts,
                                  Executor background, Executor fx, Consumer<String> onOpen) {
        this.office = Objects.requireNonNull(office);
        this.zone = Objects.requireNonNull(zone);
        this.texts = Objects.requireNonNull(texts);
        this.background = Objects.requireNonNull(background);
        this.fx = Objects.requireNonNull(fx);
        this.onOpen = Objects.requireNonNull(onOpen);
        removeListener = sync == null ? () -> { } : sync.addDataListener(this::onSynced);
    }

    private void onSynced(Set<EntityType> changed) {
        if (changed.contains(EntityType.VISIT_REPORT) || changed.contains(EntityType.DOCUMENT)
                || changed.contains(EntityType.RESIDENT)) {
            refresh();
        }
    }

    /** Reloads the local list, then asks the server which awaited photos have arrived (when online). */
    public void refresh() {
        loading.set(true);
        background.execute(() -> {
            List<Row> rows = office.receivedReports().stream().map(this::row).toList();
            fx.execute(() -> {
                items.setAll(rows);
                empty.set(rows.isEmpty());
                loading.set(false);
            });
            if (rows.stream().anyMatch(r -> !r.awaitedText().isEmpty())) {
                try {
                    if (office.refreshPhotoAvailability().isOk()) {
                        List<Row> again = office.receivedReports().stream().map(this::row).toList();
                        fx.execute(() -> items.setAll(again));
                    }
                } catch (RuntimeException e) {
                    // offline or server trouble: the list stays as it is
                }
            }
        });
    }

    Row row(ReceivedReport r) {
        String date = r.completedAt() == null ? "" : DATE_TIME.format(r.completedAt().atZone(zone));
        String counsellor = r.counsellorName() == null || r.counsellorName().isBlank() ? ""
                : text("office.item.by", r.counsellorName());
        String photosText = r.photoCount() == 0 ? "" : text("office.item.photos", r.photoCount());
        String awaited = r.photosAwaited() == 0 ? "" : text("office.item.photos.awaited", r.photosAwaited(), r.photoCount());
        return new Row(r.reportId(), date, r.residentName() == null ? "" : r.residentName(), counsellor,
                String.join(", ", r.domainLabels()), photosText, awaited);
    }

    public void open(String reportId) {
        onOpen.accept(reportId);
    }

    public void dispose() {
        removeListener.run();
    }

    private String text(String key, Object... args) {
        String pattern = texts.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.FRANCE).format(args); // keys with arguments use '' for an apostrophe
    }

    public ObservableList<Row> items() {
        return items;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty emptyProperty() {
        return empty.getReadOnlyProperty();
    }
}
