package fr.mediance.app.core.visit;

import java.text.MessageFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import fr.mediance.app.core.Outcome;
import fr.mediance.app.core.agenda.AgendaItem;
import fr.mediance.app.core.agenda.AgendaService;
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
import fr.mediance.protocol.Limits;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The visit report of one appointment. Every change is saved on the device at once (autosave, in order, on
 * the background executor); "Terminer la visite" validates, freezes the report (read-only afterwards) and
 * queues it with its photos for the office. Photos of documents are taken through {@link DocumentCapture}
 * with a document type and kept encrypted.
 */
public final class VisitReportViewModel {

    /**
     * A photographed document as the screen shows it, with where it stands on its way to the office:
     * {@code stateText} is "Sur l'appareil" (draft), "En attente", "Envoi 42 %", "Reçue par le bureau" or
     * "À vérifier" (then {@code reason} says why).
     */
    public record PhotoRow(String documentId, String type, String typeLabel, String mimeType, long sizeBytes,
                           Delivery delivery, int percent, String stateText, String reason) {

        /** A progress bar is shown while the photo travels. */
        public boolean showsProgress() {
            return delivery == Delivery.SENDING || delivery == Delivery.QUEUED && percent > 0;
        }
    }

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final VisitService visits;
    private final DocumentService documents;
    private final AgendaService agenda;
    private final ReferenceService reference;
    private final DocumentCapture capture;
    private final SyncService sync;
    private final Clock clock;
    private final ZoneId zone;
    private final ResourceBundle texts;
    private final Executor background;
    private final Executor fx;
    private Consumer<String> onMessage = m -> { };

    private VisitReport report;
    private boolean loadingFields;
    private boolean completionTried;
    private CompletableFuture<?> saves = CompletableFuture.completedFuture(null);
    private Runnable stopWatching;

    // header
    private final ReadOnlyStringWrapper residentName = new ReadOnlyStringWrapper(this, "residentName", "");
    private final ReadOnlyStringWrapper address = new ReadOnlyStringWrapper(this, "address", "");
    private final ReadOnlyStringWrapper accessNotes = new ReadOnlyStringWrapper(this, "accessNotes", "");
    private final ReadOnlyStringWrapper phone = new ReadOnlyStringWrapper(this, "phone", "");
    private final ReadOnlyStringWrapper whenText = new ReadOnlyStringWrapper(this, "whenText", "");
    // choices
    private final ObservableList<CodeItem> mediumOptions = FXCollections.observableArrayList();
    private final ObservableList<CodeItem> domainOptions = FXCollections.observableArrayList();
    private final ObservableList<CodeItem> documentTypeOptions = FXCollections.observableArrayList();
    // fields
    private final ObjectProperty<String> medium = new SimpleObjectProperty<>(this, "medium");
    private final ObservableList<String> domains = FXCollections.observableArrayList();
    private final StringProperty synthesis = new SimpleStringProperty(this, "synthesis", "");
    private final StringProperty followUp = new SimpleStringProperty(this, "followUp", "");
    private final StringProperty followUpDue = new SimpleStringProperty(this, "followUpDue", "");
    private final ObjectProperty<String> newPhotoType = new SimpleObjectProperty<>(this, "newPhotoType");
    // errors
    private final ReadOnlyStringWrapper mediumError = new ReadOnlyStringWrapper(this, "mediumError", "");
    private final ReadOnlyStringWrapper domainsError = new ReadOnlyStringWrapper(this, "domainsError", "");
    private final ReadOnlyStringWrapper synthesisError = new ReadOnlyStringWrapper(this, "synthesisError", "");
    private final ReadOnlyStringWrapper followUpError = new ReadOnlyStringWrapper(this, "followUpError", "");
    private final ReadOnlyStringWrapper followUpDueError = new ReadOnlyStringWrapper(this, "followUpDueError", "");
    private final ReadOnlyStringWrapper photoTypeError = new ReadOnlyStringWrapper(this, "photoTypeError", "");
    private final ReadOnlyStringWrapper formError = new ReadOnlyStringWrapper(this, "formError", "");
    // state
    private final ObservableList<PhotoRow> photos = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    private final ReadOnlyBooleanWrapper frozen = new ReadOnlyBooleanWrapper(this, "frozen");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper capturing = new ReadOnlyBooleanWrapper(this, "capturing");
    private final ReadOnlyStringWrapper saveStatus = new ReadOnlyStringWrapper(this, "saveStatus", "");
    private final ReadOnlyStringWrapper completedText = new ReadOnlyStringWrapper(this, "completedText", "");
    private final ReadOnlyStringWrapper deliveryText = new ReadOnlyStringWrapper(this, "deliveryText", "");
    private final javafx.beans.property.ReadOnlyObjectWrapper<Delivery> delivery =
            new javafx.beans.property.ReadOnlyObjectWrapper<>(this, "delivery", Delivery.LOCAL);
    private final ReadOnlyStringWrapper codesHint = new ReadOnlyStringWrapper(this, "codesHint", "");

    public VisitReportViewModel(VisitService visits, DocumentService documents, AgendaService agenda,
                                ReferenceService reference, DocumentCapture capture, SyncService sync, Clock clock,
                                ZoneId zone, ResourceBundle texts, Executor background, Executor fx) {
        this.visits = Objects.requireNonNull(visits);
        this.documents = Objects.requireNonNull(documents);
        this.agenda = Objects.requireNonNull(agenda);
        this.reference = Objects.requireNonNull(reference);
        this.capture = Objects.requireNonNull(capture);
        this.sync = Objects.requireNonNull(sync);
        this.clock = Objects.requireNonNull(clock);
        this.zone = Objects.requireNonNull(zone);
        this.texts = Objects.requireNonNull(texts);
        this.background = Objects.requireNonNull(background);
        this.fx = Objects.requireNonNull(fx);

        medium.addListener((o, a, b) -> changed());
        domains.addListener((ListChangeListener<String>) c -> changed());
        synthesis.addListener((o, a, b) -> changed());
        followUp.addListener((o, a, b) -> changed());
        followUpDue.addListener((o, a, b) -> changed());
        newPhotoType.addListener((o, a, b) -> photoTypeError.set(""));
    }

    public void setOnMessage(Consumer<String> onMessage) {
        this.onMessage = Objects.requireNonNull(onMessage);
    }

    /** Opens (or starts) the report of an appointment. Completes on the FX executor; false if unknown. */
    public CompletableFuture<Boolean> load(String appointmentId) {
        CompletableFuture<Boolean> result = new CompletableFuture<>();
        background.execute(() -> {
            Optional<AgendaItem> item = agenda.find(appointmentId);
            Optional<VisitReport> opened = item.isPresent() ? visits.openForAppointment(appointmentId) : Optional.empty();
            List<CodeItem> media = reference.codes(CodeLists.MEDIUM);
            List<CodeItem> domainCodes = reference.codes(CodeLists.DOMAIN);
            List<CodeItem> docTypes = reference.codes(CodeLists.DOCUMENT_TYPE);
            List<PhotoRow> rows = opened.map(r -> photoRows(r.id())).orElse(List.of());
            // a frozen report may use codes that are no longer active: keep them visible
            List<CodeItem> allMedia = withInactive(media, CodeLists.MEDIUM, opened.map(VisitReport::medium).stream().toList());
            List<CodeItem> allDomains = withInactive(domainCodes, CodeLists.DOMAIN, opened.map(VisitReport::domains).orElse(List.of()));
            fx.execute(() -> {
                if (item.isEmpty() || opened.isEmpty()) {
                    formError.set(text("visit.error.not.found"));
                    result.complete(false);
                    return;
                }
                show(item.get(), opened.get(), allMedia, allDomains, docTypes, rows);
                watchTransfers(true);
                result.complete(true);
            });
        });
        return result;
    }

    private List<CodeItem> withInactive(List<CodeItem> active, String list, List<String> used) {
        List<CodeItem> all = new ArrayList<>(active);
        for (String code : used) {
            if (code != null && all.stream().noneMatch(c -> c.code().equals(code))) {
                all.add(reference.code(list, code).orElse(new CodeItem(list, code, code, null, 9999, false)));
            }
        }
        return all;
    }

    private void show(AgendaItem item, VisitReport r, List<CodeItem> media, List<CodeItem> domainCodes,
                      List<CodeItem> docTypes, List<PhotoRow> rows) {
        loadingFields = true;
        try {
            report = r;
            residentName.set(nullToEmpty(item.residentName()));
            address.set(nullToEmpty(item.address()));
            accessNotes.set(nullToEmpty(item.accessNotes()));
            phone.set(nullToEmpty(item.residentPhone()));
            whenText.set(DATE.format(item.start().atZone(zone)) + " · " + TIME.format(item.start().atZone(zone))
                    + (item.end() == null ? "" : " – " + TIME.format(item.end().atZone(zone))));
            mediumOptions.setAll(media);
            domainOptions.setAll(domainCodes);
            documentTypeOptions.setAll(docTypes);
            codesHint.set(media.isEmpty() || domainCodes.isEmpty() ? text("visit.codes.missing") : "");
            medium.set(r.medium());
            domains.setAll(r.domains());
            synthesis.set(nullToEmpty(r.synthesis()));
            followUp.set(nullToEmpty(r.followUp()));
            followUpDue.set(r.followUpDue() == null ? "" : DATE.format(r.followUpDue()));
            photos.setAll(rows);
            frozen.set(r.completed());
            completedText.set(r.completed() ? completedSentence(r) : "");
            saveStatus.set(r.updatedAt() == null || r.completed() ? ""
                    : text("visit.saved", TIME.format(r.updatedAt().atZone(zone))));
            loaded.set(true);
        } finally {
            loadingFields = false;
        }
        checkLengths();
    }

    private String completedSentence(VisitReport r) {
        return text("visit.completed", DATE.format(r.completedAt().atZone(zone)), TIME.format(r.completedAt().atZone(zone)));
    }

    // ----- autosave

    private void changed() {
        if (loadingFields || report == null || frozen.get()) {
            return;
        }
        checkLengths();
        if (completionTried) {
            showRequired(visits.validate(draft()));
        }
        save();
    }

    private VisitReport draft() {
        LocalDate due = parseDue().orElse(report.followUpDue());
        return report.withMedium(medium.get())
                .withDomains(List.copyOf(domains))
                .withSynthesis(synthesis.get())
                .withFollowUp(followUp.get())
                .withFollowUpDue(blank(followUpDue.get()) ? null : due);
    }

    /** The due date typed, if it is a real date; sets the field's error otherwise. */
    private Optional<LocalDate> parseDue() {
        String typed = followUpDue.get() == null ? "" : followUpDue.get().trim();
        if (typed.isEmpty()) {
            followUpDueError.set("");
            return Optional.empty();
        }
        try {
            LocalDate d = LocalDate.parse(typed, DATE);
            followUpDueError.set("");
            return Optional.of(d);
        } catch (DateTimeParseException e) {
            followUpDueError.set(text("visit.error.followup.due.invalid"));
            return Optional.empty();
        }
    }

    private void checkLengths() {
        synthesisError.set(tooLong(synthesis.get(), Limits.MAX_LONG_TEXT).orElse(requiredIfTried("synthesis")));
        followUpError.set(tooLong(followUp.get(), Limits.MAX_LONG_TEXT).orElse(""));
        domainsError.set(domains.size() > Limits.MAX_LIST_ITEMS ? text("visit.error.domains.too.many", Limits.MAX_LIST_ITEMS)
                : requiredIfTried("domains"));
        parseDue();
    }

    private String requiredIfTried(String field) {
        if (!completionTried || report == null) {
            return "";
        }
        return switch (field) {
            case "synthesis" -> blank(synthesis.get()) ? text("visit.error.synthesis.required") : "";
            case "domains" -> domains.isEmpty() ? text("visit.error.domains.required") : "";
            default -> "";
        };
    }

    private Optional<String> tooLong(String value, int max) {
        int n = value == null ? 0 : value.length();
        return n > max ? Optional.of(text("visit.error.text.too.long", max, n)) : Optional.empty();
    }

    /** Saves the draft as it is now; saves run one after the other, in the order of the changes. */
    private CompletableFuture<?> save() {
        VisitReport toSave = draft();
        saveStatus.set(text("visit.saving"));
        CompletableFuture<Outcome<VisitReport>> done = new CompletableFuture<>();
        saves = saves.handle((x, e) -> null).thenRunAsync(() -> {
            Outcome<VisitReport> o;
            try {
                o = visits.saveDraft(toSave);
            } catch (RuntimeException e) {
                o = Outcome.failed(text("visit.save.failed"));
            }
            Outcome<VisitReport> outcome = o;
            fx.execute(() -> {
                if (outcome instanceof Outcome.Ok<VisitReport> ok) {
                    report = ok.value();
                    saveStatus.set(text("visit.saved", TIME.format(clock.instant().atZone(zone))));
                } else {
                    saveStatus.set(text("visit.save.failed"));
                }
                done.complete(outcome);
            });
        }, background);
        return done;
    }

    /** Waits for the saves queued so far (for the tests and before completing). */
    public CompletableFuture<Void> flush() {
        CompletableFuture<Void> result = new CompletableFuture<>();
        saves.whenComplete((x, e) -> fx.execute(() -> result.complete(null)));
        return result;
    }

    // ----- domains

    public boolean isDomainSelected(String code) {
        return domains.contains(code);
    }

    public void setDomainSelected(String code, boolean selected) {
        if (frozen.get() || code == null) {
            return;
        }
        if (selected && !domains.contains(code)) {
            domains.add(code);
        } else if (!selected) {
            domains.remove(code);
        }
    }

    // ----- photos

    /** Takes a photo of a document of the chosen type, encrypts it and attaches it to the draft. */
    public CompletableFuture<Boolean> addPhoto() {
        if (frozen.get() || report == null || capturing.get()) {
            return CompletableFuture.completedFuture(false);
        }
        String type = newPhotoType.get();
        if (blank(type)) {
            photoTypeError.set(text("visit.error.photo.type.required"));
            return CompletableFuture.completedFuture(false);
        }
        photoTypeError.set("");
        capturing.set(true);
        String reportId = report.id();
        CompletableFuture<Boolean> result = new CompletableFuture<>();
        CompletableFuture<Optional<CapturedImage>> captured;
        try {
            captured = capture.capture();
        } catch (RuntimeException e) {
            captured = CompletableFuture.failedFuture(e);
        }
        captured.whenComplete((image, failure) -> {
            if (failure != null || image == null || image.isEmpty()) {
                fx.execute(() -> {
                    capturing.set(false);
                    if (failure != null) {
                        onMessage.accept(text("visit.photo.failed"));
                    }
                    result.complete(false);
                });
                return;
            }
            background.execute(() -> {
                Outcome<PhotoItem> o;
                try {
                    o = documents.attach(reportId, image.get(), type);
                } catch (RuntimeException e) {
                    o = Outcome.failed(text("visit.photo.failed"));
                }
                Outcome<PhotoItem> outcome = o;
                fx.execute(() -> {
                    capturing.set(false);
                    if (outcome instanceof Outcome.Ok<PhotoItem> ok) {
                        photos.add(photoRow(ok.value(), null));
                        onMessage.accept(text("visit.photo.added"));
                        result.complete(true);
                    } else {
                        String msg = outcome.fieldErrors().getOrDefault("type", "");
                        photoTypeError.set(msg);
                        onMessage.accept(msg.isEmpty() ? nonBlank(outcome.message(), text("visit.photo.failed")) : msg);
                        result.complete(false);
                    }
                });
            });
        });
        return result;
    }

    /** Changes the document type of a photo of the draft. */
    public CompletableFuture<Boolean> changePhotoType(String documentId, String type) {
        if (frozen.get() || blank(type)) {
            return CompletableFuture.completedFuture(false);
        }
        return call(() -> documents.changeType(documentId, type), photo -> replaceRow(photoRow(photo, null)));
    }

    /** Removes a photo from the draft (and its encrypted bytes). */
    public CompletableFuture<Boolean> removePhoto(String documentId) {
        if (frozen.get()) {
            return CompletableFuture.completedFuture(false);
        }
        return call(() -> documents.remove(documentId), v -> {
            photos.removeIf(p -> p.documentId().equals(documentId));
            onMessage.accept(text("visit.photo.removed"));
        });
    }

    /** The decrypted bytes of a photo for its thumbnail (background); empty if not on this device. */
    public CompletableFuture<Optional<byte[]>> photoBytes(String documentId) {
        CompletableFuture<Optional<byte[]>> result = new CompletableFuture<>();
        background.execute(() -> {
            Optional<byte[]> bytes;
            try {
                bytes = documents.readBytes(documentId);
            } catch (RuntimeException e) {
                bytes = Optional.empty();
            }
            Optional<byte[]> done = bytes;
            fx.execute(() -> result.complete(done));
        });
        return result;
    }

    private <T> CompletableFuture<Boolean> call(java.util.function.Supplier<Outcome<T>> action, Consumer<T> onOk) {
        CompletableFuture<Boolean> result = new CompletableFuture<>();
        background.execute(() -> {
            Outcome<T> o;
            try {
                o = action.get();
            } catch (RuntimeException e) {
                o = Outcome.failed(text("visit.save.failed"));
            }
            Outcome<T> outcome = o;
            fx.execute(() -> {
                if (outcome instanceof Outcome.Ok<T> ok) {
                    onOk.accept(ok.value());
                    result.complete(true);
                } else {
                    onMessage.accept(nonBlank(outcome.message(), text("visit.save.failed")));
                    result.complete(false);
                }
            });
        });
        return result;
    }

    private void replaceRow(PhotoRow row) {
        for (int i = 0; i < photos.size(); i++) {
            if (photos.get(i).documentId().equals(row.documentId()) && !photos.get(i).equals(row)) {
                photos.set(i, row);
            }
        }
    }

    /** The photos of a report with their delivery states (background). */
    private List<PhotoRow> photoRows(String reportId) {
        Map<String, PhotoTransfer> transfers = new java.util.HashMap<>();
        for (PhotoTransfer t : sync.photoTransfers(reportId)) {
            transfers.put(t.documentId(), t);
        }
        return documents.photos(reportId).stream().map(p -> photoRow(p, transfers.get(p.id()))).toList();
    }

    private PhotoRow photoRow(PhotoItem p, PhotoTransfer transfer) {
        String label = p.type() == null ? "" : reference.label(CodeLists.DOCUMENT_TYPE, p.type());
        DeliveryStatus st = transfer != null ? transfer.status() : switch (p.state()) {
            case LOCAL -> DeliveryStatus.LOCAL;
            case UPLOADED -> DeliveryStatus.RECEIVED;
            default -> DeliveryStatus.QUEUED;
        };
        return new PhotoRow(p.id(), p.type(), label, p.mimeType(), p.sizeBytes(), st.delivery(),
                st.received() ? 100 : st.percent(), photoStateText(st),
                st.needsAttention() && st.reason() != null ? st.reason() : "");
    }

    /** "Sur l'appareil", "En attente", "Envoi 42 %", "Reçue par le bureau", "À vérifier". */
    private String photoStateText(DeliveryStatus st) {
        return switch (st.delivery()) {
            case LOCAL -> text("sync.state.local");
            case QUEUED -> text("sync.state.queued");
            case SENDING -> text("sync.state.sending", st.percent());
            case RECEIVED -> text("sync.state.received.photo");
            case NEEDS_ATTENTION -> text("sync.state.attention");
        };
    }

    /**
     * Follows (or stops following) the photos' progress while a sync sends them; the screen turns it on while
     * it is shown. Turning it on also reads the states again.
     */
    public void watchTransfers(boolean on) {
        if (stopWatching != null) {
            stopWatching.run();
            stopWatching = null;
        }
        if (!on || report == null) {
            return;
        }
        stopWatching = sync.addTransferListener(this::onTransfer);
        reloadPhotoStates();
    }

    /** Stops following the photos (the screen is closed). */
    public void dispose() {
        watchTransfers(false);
    }

    private void onTransfer(PhotoTransfer t) {
        if (report == null || !report.id().equals(t.reportId())) {
            return;
        }
        onTransferRow(t);
        if (t.status().delivery() == Delivery.SENDING) {
            showSendingFromRows();
        } else {
            reloadPhotoStates(); // received or refused: the report's own state may have changed
        }
    }

    private void onTransferRow(PhotoTransfer t) {
        for (int i = 0; i < photos.size(); i++) {
            PhotoRow old = photos.get(i);
            if (old.documentId().equals(t.documentId())) {
                DeliveryStatus st = t.status();
                replaceRow(new PhotoRow(old.documentId(), old.type(), old.typeLabel(), old.mimeType(), old.sizeBytes(),
                        st.delivery(), st.received() ? 100 : st.percent(), photoStateText(st),
                        st.needsAttention() && st.reason() != null ? st.reason() : ""));
            }
        }
    }

    private void reloadPhotoStates() {
        String reportId = report.id();
        background.execute(() -> {
            List<PhotoRow> rows;
            DeliveryStatus own;
            try {
                rows = photoRows(reportId);
                own = sync.deliveryOf(EntityType.VISIT_REPORT, reportId);
            } catch (RuntimeException e) {
                return; // locked meanwhile
            }
            fx.execute(() -> {
                if (report != null && report.id().equals(reportId)) {
                    for (PhotoRow r : rows) {
                        replaceRow(r);
                    }
                    showDelivery(own);
                }
            });
        });
    }

    /** The report's way to the office (with its photos), said under "Visite terminée". */
    private void showDelivery(DeliveryStatus st) {
        delivery.set(st.delivery());
        if (!frozen.get()) {
            deliveryText.set("");
            return;
        }
        deliveryText.set(switch (st.delivery()) {
            case LOCAL, QUEUED -> text("visit.delivery.queued");
            case SENDING -> st.percent() > 0 ? text("visit.delivery.sending", st.percent()) : text("visit.delivery.sending.any");
            case RECEIVED -> text(photos.isEmpty() ? "visit.delivery.received" : "visit.delivery.received.photos");
            case NEEDS_ATTENTION -> st.reason() == null || st.reason().isBlank() ? text("sync.state.attention")
                    : text("visit.delivery.attention", st.reason());
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

    // ----- completion

    /** "Terminer la visite": saves, validates, then freezes the report. Completes on the FX executor. */
    public CompletableFuture<Boolean> complete() {
        if (frozen.get() || report == null || busy.get()) {
            return CompletableFuture.completedFuture(frozen.get());
        }
        completionTried = true;
        formError.set("");
        checkLengths();
        Map<String, String> local = visits.validate(draft());
        boolean dueInvalid = !followUpDueError.get().isEmpty();
        boolean tooLong = !synthesisError.get().isEmpty() && !blank(synthesis.get())
                || !followUpError.get().isEmpty();
        if (!local.isEmpty() || dueInvalid || tooLong) {
            showRequired(local);
            formError.set(text("visit.complete.invalid"));
            return CompletableFuture.completedFuture(false);
        }
        busy.set(true);
        String reportId = report.id();
        CompletableFuture<Boolean> result = new CompletableFuture<>();
        save();
        saves = saves.handle((x, e) -> null).thenRunAsync(() -> {
            Outcome<VisitReport> o;
            try {
                o = visits.complete(reportId);
            } catch (RuntimeException e) {
                o = Outcome.failed(text("visit.save.failed"));
            }
            Outcome<VisitReport> outcome = o;
            fx.execute(() -> {
                busy.set(false);
                if (outcome instanceof Outcome.Ok<VisitReport> ok) {
                    report = ok.value();
                    frozen.set(true);
                    completedText.set(completedSentence(ok.value()));
                    saveStatus.set("");
                    reloadPhotoStates(); // queued now: "En attente"
                    onMessage.accept(text("visit.completed.toast"));
                    result.complete(true);
                } else {
                    showRequired(outcome.fieldErrors());
                    formError.set(outcome.fieldErrors().isEmpty()
                            ? nonBlank(outcome.message(), text("visit.save.failed")) : text("visit.complete.invalid"));
                    result.complete(false);
                }
            });
        }, background);
        return result;
    }

    private void showRequired(Map<String, String> errors) {
        mediumError.set(errors.getOrDefault("medium", ""));
        if (errors.containsKey("domains")) {
            domainsError.set(errors.get("domains"));
        } else if (domains.size() <= Limits.MAX_LIST_ITEMS) {
            domainsError.set("");
        }
        if (errors.containsKey("synthesis")) {
            synthesisError.set(errors.get("synthesis"));
        } else if (tooLong(synthesis.get(), Limits.MAX_LONG_TEXT).isEmpty()) {
            synthesisError.set("");
        }
        if (errors.containsKey("followUp")) {
            followUpError.set(errors.get("followUp"));
        }
        if (errors.containsKey("followUpDue")) {
            followUpDueError.set(errors.get("followUpDue"));
        }
        if (errors.isEmpty() && followUpDueError.get().isEmpty() && synthesisError.get().isEmpty()) {
            formError.set("");
        }
    }

    // ----- helpers

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String nonBlank(String s, String otherwise) {
        return blank(s) ? otherwise : s;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private String text(String key, Object... args) {
        String pattern = texts.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.FRANCE).format(args); // keys with arguments use '' for an apostrophe
    }

    /** The label of a code of a list (for chips and combo boxes). */
    public static String label(CodeItem item) {
        return item == null ? "" : item.labelOrCode();
    }

    // ----- properties

    public ReadOnlyStringProperty residentNameProperty() {
        return residentName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty addressProperty() {
        return address.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty accessNotesProperty() {
        return accessNotes.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty phoneProperty() {
        return phone.getReadOnlyProperty();
    }

    /** "05/03/2026 · 09:30 – 10:30". */
    public ReadOnlyStringProperty whenTextProperty() {
        return whenText.getReadOnlyProperty();
    }

    public ObservableList<CodeItem> mediumOptions() {
        return mediumOptions;
    }

    public ObservableList<CodeItem> domainOptions() {
        return domainOptions;
    }

    public ObservableList<CodeItem> documentTypeOptions() {
        return documentTypeOptions;
    }

    /** The medium code ("home_visit"...). */
    public ObjectProperty<String> mediumProperty() {
        return medium;
    }

    /** Codes of the domains addressed; change with {@link #setDomainSelected}. */
    public ObservableList<String> domains() {
        return FXCollections.unmodifiableObservableList(domains);
    }

    public StringProperty synthesisProperty() {
        return synthesis;
    }

    public StringProperty followUpProperty() {
        return followUp;
    }

    /** The due date as typed, dd/MM/yyyy (blank for none). */
    public StringProperty followUpDueProperty() {
        return followUpDue;
    }

    /** The document type for the next photo. */
    public ObjectProperty<String> newPhotoTypeProperty() {
        return newPhotoType;
    }

    public ReadOnlyStringProperty mediumErrorProperty() {
        return mediumError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty domainsErrorProperty() {
        return domainsError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty synthesisErrorProperty() {
        return synthesisError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty followUpErrorProperty() {
        return followUpError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty followUpDueErrorProperty() {
        return followUpDueError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty photoTypeErrorProperty() {
        return photoTypeError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty formErrorProperty() {
        return formError.getReadOnlyProperty();
    }

    public ObservableList<PhotoRow> photos() {
        return photos;
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** True once the visit is terminated: every field is read-only. */
    public ReadOnlyBooleanProperty frozenProperty() {
        return frozen.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty capturingProperty() {
        return capturing.getReadOnlyProperty();
    }

    /** "Enregistré sur l'appareil à 10:42", "Enregistrement…", or the failure. */
    public ReadOnlyStringProperty saveStatusProperty() {
        return saveStatus.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty completedTextProperty() {
        return completedText.getReadOnlyProperty();
    }

    /**
     * Once terminated, where the report stands with its photos: "En attente d'envoi…", "Envoi au bureau en
     * cours : 40 %", "Compte rendu et photos reçus par le bureau", "À vérifier : …". Empty for a draft.
     */
    public ReadOnlyStringProperty deliveryTextProperty() {
        return deliveryText.getReadOnlyProperty();
    }

    public javafx.beans.property.ReadOnlyObjectProperty<Delivery> deliveryProperty() {
        return delivery.getReadOnlyProperty();
    }

    /** Set when the code lists have not arrived yet (first start offline). */
    public ReadOnlyStringProperty codesHintProperty() {
        return codesHint.getReadOnlyProperty();
    }

    /** The id of the report being edited, once loaded. */
    public String reportId() {
        return report == null ? null : report.id();
    }
}
