package fr.mediance.app.core.visit;

import fr.mediance.app.core.Outcome;
import fr.mediance.app.core.document.DocumentService;
import fr.mediance.app.core.document.PhotoItem;
import fr.mediance.app.core.platform.CapturedImage;
import fr.mediance.app.core.platform.DocumentCapture;
import fr.mediance.app.core.reference.CodeItem;
import fr.mediance.app.core.reference.CodeLists;
import fr.mediance.app.core.reference.ReferenceService;
import fr.mediance.app.core.sync.Delivery;
import fr.mediance.app.core.sync.DeliveryStatus;
import fr.mediance.app.core.sync.PhotoTransfer;
import fr.mediance.app.core.sync.SyncService;
import fr.mediance.protocol.EntityType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The photographed documents of a visit report: taken through {@link DocumentCapture} with a document type, kept
 * encrypted, and followed on their way to the office (with the report's own delivery once it is terminated).
 */
public final class PhotosViewModel implements ReportPart {

    /**
     * A photographed document as the screen shows it, with where it stands on its way to the office:
     * {@code stateText} is "Sur l'appareil" (draft), "En attente", "Envoi 42 %", "Reçue par le bureau" or
     * "À vérifier" (then {@code reason} says why).
     */
    public record PhotoRow(
            String documentId,
            String type,
            String typeLabel,
            String mimeType,
            long sizeBytes,
            Delivery delivery,
            int percent,
            String stateText,
            String reason) {

        /** A progress bar is shown while the photo travels. */
        public boolean showsProgress() {
            return delivery == Delivery.SENDING || delivery == Delivery.QUEUED && percent > 0;
        }
    }

    private static final System.Logger LOG = System.getLogger(PhotosViewModel.class.getName());

    private final VisitSession session;
    private final DocumentService documents;
    private final ReferenceService reference;
    private final DocumentCapture capture;
    private final SyncService sync;
    private final ObjectProperty<String> newPhotoType = new SimpleObjectProperty<>(this, "newPhotoType");
    private final ObservableList<PhotoRow> photos = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper capturing = new ReadOnlyBooleanWrapper(this, "capturing");
    private final ReadOnlyStringWrapper deliveryText = new ReadOnlyStringWrapper(this, "deliveryText", "");
    private final ReadOnlyObjectWrapper<Delivery> delivery =
            new ReadOnlyObjectWrapper<>(this, "delivery", Delivery.LOCAL);
    private final ErrorLines errors = new ErrorLines("type");
    private Runnable stopWatching;

    PhotosViewModel(
            VisitSession session,
            DocumentService documents,
            ReferenceService reference,
            DocumentCapture capture,
            SyncService sync) {
        this.session = session;
        this.documents = Objects.requireNonNull(documents);
        this.reference = Objects.requireNonNull(reference);
        this.capture = Objects.requireNonNull(capture);
        this.sync = Objects.requireNonNull(sync);
        newPhotoType.addListener((o, a, b) -> errors.set("type", ""));
    }

    @Override
    public void show(VisitReport r) {
        // the rows are read with the report (rowsOf), in the background
    }

    @Override
    public VisitReport into(VisitReport draft) {
        return draft; // photos are documents of the report, attached as they are taken
    }

    void showRows(List<PhotoRow> rows) {
        photos.setAll(rows);
    }

    /** The photos of a report with their delivery states (background). */
    List<PhotoRow> rowsOf(String reportId) {
        Map<String, PhotoTransfer> transfers = new HashMap<>();
        for (PhotoTransfer t : sync.photoTransfers(reportId)) {
            transfers.put(t.documentId(), t);
        }
        return documents.photos(reportId).stream()
                .map(p -> photoRow(p, transfers.get(p.id())))
                .toList();
    }

    private PhotoRow photoRow(PhotoItem p, PhotoTransfer transfer) {
        String label = p.type() == null ? "" : reference.label(CodeLists.DOCUMENT_TYPE, p.type());
        DeliveryStatus st = transfer != null
                ? transfer.status()
                : switch (p.state()) {
                    case LOCAL -> DeliveryStatus.LOCAL;
                    case UPLOADED -> DeliveryStatus.RECEIVED;
                    default -> DeliveryStatus.QUEUED;
                };
        return new PhotoRow(
                p.id(),
                p.type(),
                label,
                p.mimeType(),
                p.sizeBytes(),
                st.delivery(),
                st.received() ? 100 : st.percent(),
                stateText(st),
                st.needsAttention() && st.reason() != null ? st.reason() : "");
    }

    /** "Sur l'appareil", "En attente", "Envoi 42 %", "Reçue par le bureau", "À vérifier". */
    private String stateText(DeliveryStatus st) {
        return switch (st.delivery()) {
            case LOCAL -> session.text("sync.state.local");
            case QUEUED -> session.text("sync.state.queued");
            case SENDING -> session.text("sync.state.sending", st.percent());
            case RECEIVED -> session.text("sync.state.received.photo");
            case NEEDS_ATTENTION -> session.text("sync.state.attention");
        };
    }

    private void replaceRow(PhotoRow row) {
        for (int i = 0; i < photos.size(); i++) {
            if (photos.get(i).documentId().equals(row.documentId())
                    && !photos.get(i).equals(row)) {
                photos.set(i, row);
            }
        }
    }

    // ----- following the photos on their way

    /**
     * Follows (or stops following) the photos' progress while a sync sends them; the screen turns it on while
     * it is shown. Turning it on also reads the states again.
     */
    public void watchTransfers(boolean on) {
        if (stopWatching != null) {
            stopWatching.run();
            stopWatching = null;
        }
        if (!on || session.report == null) {
            return;
        }
        stopWatching = sync.addTransferListener(this::onTransfer);
        reloadStates();
    }

    private void onTransfer(PhotoTransfer t) {
        if (session.report == null || !session.report.id().equals(t.reportId())) {
            return;
        }
        for (int i = 0; i < photos.size(); i++) {
            PhotoRow old = photos.get(i);
            if (old.documentId().equals(t.documentId())) {
                DeliveryStatus st = t.status();
                replaceRow(new PhotoRow(
                        old.documentId(),
                        old.type(),
                        old.typeLabel(),
                        old.mimeType(),
                        old.sizeBytes(),
                        st.delivery(),
                        st.received() ? 100 : st.percent(),
                        stateText(st),
                        st.needsAttention() && st.reason() != null ? st.reason() : ""));
            }
        }
        if (t.status().delivery() == Delivery.SENDING) {
            showSendingFromRows();
        } else {
            reloadStates(); // received or refused: the report's own state may have changed
        }
    }

    /** Reads the photos' rows and the report's delivery again. */
    void reloadStates() {
        String reportId = session.report.id();
        session.work.supply(
                "reading where the photos of a visit report stand",
                () -> new States(rowsOf(reportId), sync.deliveryOf(EntityType.VISIT_REPORT, reportId)),
                states -> {
                    if (session.report != null && session.report.id().equals(reportId)) {
                        states.rows().forEach(this::replaceRow);
                        showDelivery(states.report());
                    }
                },
                e -> {}); // the store was locked meanwhile: the states are read again when the screen comes back
    }

    private record States(List<PhotoRow> rows, DeliveryStatus report) {}

    /** Reads the photos' rows again (after one was described elsewhere: its type may have changed). */
    public void refresh() {
        if (session.report != null) {
            reloadStates();
        }
    }

    /** The report's way to the office (with its photos), said under "Visite terminée". */
    private void showDelivery(DeliveryStatus st) {
        delivery.set(st.delivery());
        if (!session.frozen.get()) {
            deliveryText.set("");
            return;
        }
        deliveryText.set(
                switch (st.delivery()) {
                    case LOCAL, QUEUED -> session.text("visit.delivery.queued");
                    case SENDING ->
                        st.percent() > 0
                                ? session.text("visit.delivery.sending", st.percent())
                                : session.text("visit.delivery.sending.any");
                    case RECEIVED ->
                        session.text(photos.isEmpty() ? "visit.delivery.received" : "visit.delivery.received.photos");
                    case NEEDS_ATTENTION ->
                        st.reason() == null || st.reason().isBlank()
                                ? session.text("sync.state.attention")
                                : session.text("visit.delivery.attention", st.reason());
                });
    }

    /** While photos travel, the report's percentage over their bytes, from the rows shown. */
    private void showSendingFromRows() {
        long size = 0;
        long sent = 0;
        for (PhotoRow r : photos) {
            size += r.sizeBytes();
            sent += r.sizeBytes() * r.percent() / 100;
        }
        int percent = size == 0 ? 0 : (int) Math.min(99, sent * 100 / size);
        showDelivery(new DeliveryStatus(Delivery.SENDING, percent, null));
    }

    // ----- commands

    /** Takes a photo of a document of the chosen type, encrypts it and attaches it to the draft. */
    public CompletableFuture<Boolean> addPhoto() {
        if (!session.editable() || capturing.get()) {
            return CompletableFuture.completedFuture(false);
        }
        String type = newPhotoType.get();
        if (VisitSession.blank(type)) {
            errors.set("type", session.text("visit.error.photo.type.required"));
            return CompletableFuture.completedFuture(false);
        }
        errors.set("type", "");
        capturing.set(true);
        String reportId = session.report.id();
        CompletableFuture<Boolean> result = new CompletableFuture<>();
        // A platform camera that fails at once becomes a failed future, like one that fails later.
        CompletableFuture<Optional<CapturedImage>> captured =
                CompletableFuture.completedFuture(null).thenCompose(ignored -> capture.capture());
        captured.whenComplete((image, failure) -> {
            if (failure != null || image == null || image.isEmpty()) {
                session.work.onFx(() -> {
                    capturing.set(false);
                    if (failure != null) {
                        LOG.log(System.Logger.Level.ERROR, "The camera failed", failure);
                        session.message(session.text("visit.photo.failed"));
                    }
                    result.complete(false);
                });
                return;
            }
            session.work.supply(
                    "attaching a photo to a visit report",
                    () -> documents.attach(reportId, image.get(), type),
                    outcome -> {
                        capturing.set(false);
                        if (outcome instanceof Outcome.Ok<PhotoItem> ok) {
                            photos.add(photoRow(ok.value(), null));
                            session.message(session.text("visit.photo.added"));
                            result.complete(true);
                        } else {
                            String msg = outcome.fieldErrors().getOrDefault("type", "");
                            errors.set("type", msg);
                            session.message(msg.isEmpty() ? orFailed(outcome.message(), "visit.photo.failed") : msg);
                            result.complete(false);
                        }
                    },
                    e -> {
                        capturing.set(false);
                        session.message(session.text("visit.photo.failed"));
                        result.complete(false);
                    });
        });
        return result;
    }

    /** Changes the document type of a photo of the draft. */
    public CompletableFuture<Boolean> changePhotoType(String documentId, String type) {
        if (session.frozen.get() || VisitSession.blank(type)) {
            return CompletableFuture.completedFuture(false);
        }
        return call(
                "changing the type of a photo",
                () -> documents.changeType(documentId, type),
                photo -> replaceRow(photoRow(photo, null)));
    }

    /** Removes a photo from the draft (and its encrypted bytes). */
    public CompletableFuture<Boolean> removePhoto(String documentId) {
        if (session.frozen.get()) {
            return CompletableFuture.completedFuture(false);
        }
        return call("removing a photo", () -> documents.remove(documentId), v -> {
            photos.removeIf(p -> p.documentId().equals(documentId));
            session.message(session.text("visit.photo.removed"));
        });
    }

    /** The decrypted bytes of a photo for its thumbnail (background); empty if not on this device. */
    public CompletableFuture<Optional<byte[]>> photoBytes(String documentId) {
        CompletableFuture<Optional<byte[]>> result = new CompletableFuture<>();
        session.work.supply(
                "reading a photo for its thumbnail",
                () -> documents.readBytes(documentId),
                result::complete,
                e -> result.complete(Optional.empty()));
        return result;
    }

    private <T> CompletableFuture<Boolean> call(String what, Supplier<Outcome<T>> action, Consumer<T> onOk) {
        CompletableFuture<Boolean> result = new CompletableFuture<>();
        session.work.supply(
                what,
                action,
                outcome -> {
                    if (outcome instanceof Outcome.Ok<T> ok) {
                        onOk.accept(ok.value());
                        result.complete(true);
                    } else {
                        session.message(orFailed(outcome.message(), "visit.save.failed"));
                        result.complete(false);
                    }
                },
                e -> {
                    session.message(session.text("visit.save.failed"));
                    result.complete(false);
                });
        return result;
    }

    private String orFailed(String message, String key) {
        return VisitSession.blank(message) ? session.text(key) : message;
    }

    // ----- properties

    public ObservableList<CodeItem> documentTypeOptions() {
        return session.options(CodeLists.DOCUMENT_TYPE);
    }

    /** The document type for the next photo. */
    public ObjectProperty<String> newPhotoTypeProperty() {
        return newPhotoType;
    }

    public ObservableList<PhotoRow> rows() {
        return photos;
    }

    public ReadOnlyBooleanProperty capturingProperty() {
        return capturing.getReadOnlyProperty();
    }

    /**
     * Once terminated, where the report stands with its photos: "En attente d'envoi…", "Envoi au bureau en
     * cours : 40 %", "Compte rendu et photos reçus par le bureau", "À vérifier : …". Empty for a draft.
     */
    public ReadOnlyStringProperty deliveryTextProperty() {
        return deliveryText.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Delivery> deliveryProperty() {
        return delivery.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty frozenProperty() {
        return session.frozen.getReadOnlyProperty();
    }

    /** The error beside the document type of the next photo ("Indiquez le type de ce document."). */
    public ReadOnlyStringProperty errorProperty() {
        return errors.property("type");
    }
}
