package fr.mediance.app.core.document;

import fr.mediance.app.core.BackgroundWork;
import fr.mediance.app.core.Texts;
import fr.mediance.app.core.reference.ReferenceService;
import fr.mediance.app.core.sync.SyncService;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.ListNames;
import java.text.MessageFormat;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The documents of one resident (used by the file and the visit): type and title, issuer, amount, due date and
 * until when it is kept; a tap opens the viewer when the photo is on this device; a photo of a draft can be
 * described. The decrypted bytes are read for the viewer only, in memory.
 */
public final class DocumentsViewModel {

    /** One document as the list shows it. */
    public record Row(
            String documentId,
            String title,
            String detail,
            String retentionText,
            boolean viewable,
            boolean describable) {}

    private final DocumentService documents;
    private final ReferenceService reference;
    private final ZoneId zone;
    private final ResourceBundle texts;
    private final BackgroundWork work;
    private final Runnable removeListener;
    private final ReadOnlyStringWrapper loadError = new ReadOnlyStringWrapper(this, "loadError", "");
    private Consumer<String> onView = id -> {};
    private Consumer<String> onDescribe = id -> {};
    private String residentId;
    private String reportId;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper empty = new ReadOnlyBooleanWrapper(this, "empty", true);

    public DocumentsViewModel(
            DocumentService documents,
            ReferenceService reference,
            SyncService sync,
            ZoneId zone,
            ResourceBundle texts,
            Executor background,
            Executor fx) {
        this.documents = Objects.requireNonNull(documents);
        this.reference = Objects.requireNonNull(reference);
        this.zone = Objects.requireNonNull(zone);
        this.texts = Objects.requireNonNull(texts);
        this.work = new BackgroundWork(background, fx);
        removeListener = sync == null ? () -> {} : sync.addDataListener(this::onSynced);
    }

    private void onSynced(Set<EntityType> changed) {
        if (changed.contains(EntityType.DOCUMENT) || changed.contains(EntityType.CODE)) {
            refresh();
        }
    }

    public void setOnView(Consumer<String> onView) {
        this.onView = Objects.requireNonNull(onView);
    }

    public void setOnDescribe(Consumer<String> onDescribe) {
        this.onDescribe = Objects.requireNonNull(onDescribe);
    }

    /** Shows a resident's documents (every contact). */
    public CompletableFuture<Void> showResident(String id) {
        residentId = id;
        reportId = null;
        return refresh();
    }

    /** Shows the documents of one report. */
    public CompletableFuture<Void> showReport(String id) {
        reportId = id;
        residentId = null;
        return refresh();
    }

    public CompletableFuture<Void> refresh() {
        String resident = residentId;
        String report = reportId;
        return work.supply(
                        "loading documents",
                        () -> {
                            List<PhotoItem> found = report != null
                                    ? documents.photos(report)
                                    : resident != null ? documents.forResident(resident) : List.of();
                            return found.stream().map(this::row).toList();
                        },
                        out -> {
                            rows.setAll(out);
                            empty.set(out.isEmpty());
                            loadError.set("");
                        },
                        e -> loadError.set(text("common.load.failed")))
                .<Void>thenApply(out -> null)
                .exceptionally(e -> null);
    }

    private Row row(PhotoItem p) {
        String type = p.type() == null ? "" : reference.label(ListNames.DOCUMENT_TYPE, p.type());
        String title = p.title() == null || p.title().isBlank() ? type : text("document.row.title", type, p.title());
        List<String> parts = new ArrayList<>();
        if (p.issuer() != null && !p.issuer().isBlank()) {
            parts.add(p.issuer());
        }
        if (p.amountCents() != null) {
            parts.add(Texts.money(texts, p.amountCents()));
        }
        if (p.dueDate() != null) {
            parts.add(text("document.row.due", Texts.date(texts).format(p.dueDate())));
        }
        if (p.capturedAt() != null) {
            parts.add(text(
                    "document.row.captured",
                    Texts.date(texts).format(p.capturedAt().atZone(zone))));
        }
        String retention = p.retentionUntil() == null
                ? ""
                : text("document.row.retention", Texts.date(texts).format(p.retentionUntil()));
        return new Row(
                p.id(),
                title,
                String.join(" · ", parts),
                retention,
                p.state().isLocal(),
                p.state() == PhotoState.LOCAL);
    }

    /** Opens the viewer of a document held on this device. */
    public void view(String documentId) {
        rows.stream()
                .filter(r -> r.documentId().equals(documentId) && r.viewable())
                .findFirst()
                .ifPresent(r -> onView.accept(documentId));
    }

    /** Opens the description form of a photo of a draft. */
    public void describe(String documentId) {
        onDescribe.accept(documentId);
    }

    /** The decrypted bytes of a document (background), for a thumbnail or the viewer: memory only. */
    public CompletableFuture<Optional<byte[]>> bytes(String documentId) {
        // An unreadable file (logged by BackgroundWork) shows as a document without a preview.
        return work.supply("reading a document's bytes", () -> documents.readBytes(documentId), b -> {}, e -> {})
                .exceptionally(e -> Optional.empty());
    }

    /** The title of one document for the viewer ("Facture – Électricité novembre"). */
    public CompletableFuture<String> title(String documentId) {
        return work.<String>supply(
                        "reading a document's title",
                        () -> documents
                                .find(documentId)
                                .map(p -> row(p).title())
                                .orElse(""),
                        t -> {},
                        e -> {})
                .exceptionally(e -> "");
    }

    public void dispose() {
        removeListener.run();
    }

    private String text(String key, Object... args) {
        return new MessageFormat(texts.getString(key), Texts.locale(texts)).format(args);
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    /** Why the list could not be read ("Les données n'ont pas pu être lues…"), else empty. */
    public ReadOnlyStringProperty loadErrorProperty() {
        return loadError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty emptyProperty() {
        return empty.getReadOnlyProperty();
    }
}
