package fr.mediance.app.core.document;

import fr.mediance.app.core.BackgroundWork;
import fr.mediance.app.core.CoreMessages;
import fr.mediance.app.core.Outcome;
import fr.mediance.app.core.Texts;
import fr.mediance.app.core.reference.CodeItem;
import fr.mediance.app.core.reference.ReferenceService;
import fr.mediance.app.core.visit.FrenchInput;
import fr.mediance.protocol.Limits;
import fr.mediance.protocol.ListNames;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Describing a photographed document just taken: type, title, issuer, amount typed in French ("412,30"), due
 * date and retention date typed dd/MM/yyyy, purposes. The retention date follows the type's default until the
 * user types one. Each bad field gets its message beside it and nothing typed is lost.
 */
public final class DocumentFormViewModel {
    private static final DateTimeFormatter DATE = FrenchInput.DATE;

    private final DocumentService documents;
    private final ReferenceService reference;
    private final Clock clock;
    private final ZoneId zone;
    private final ResourceBundle texts;
    private final BackgroundWork work;
    private Consumer<String> onMessage = m -> {};
    private Runnable onSaved = () -> {};

    private String documentId;
    private LocalDate capturedDay;
    /** Whether the retention text is the type's default (then it follows the type). */
    private boolean retentionIsDefault = true;

    private boolean filling;

    private final ObservableList<CodeItem> typeOptions = FXCollections.observableArrayList();
    private final ObservableList<CodeItem> purposeOptions = FXCollections.observableArrayList();
    private final ObjectProperty<String> type = new SimpleObjectProperty<>(this, "type");
    private final StringProperty title = new SimpleStringProperty(this, "title", "");
    private final StringProperty issuer = new SimpleStringProperty(this, "issuer", "");
    private final StringProperty amount = new SimpleStringProperty(this, "amount", "");
    private final StringProperty dueDate = new SimpleStringProperty(this, "dueDate", "");
    private final StringProperty retention = new SimpleStringProperty(this, "retention", "");
    private final ObservableList<String> purposes = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper typeError = new ReadOnlyStringWrapper(this, "typeError", "");
    private final ReadOnlyStringWrapper titleError = new ReadOnlyStringWrapper(this, "titleError", "");
    private final ReadOnlyStringWrapper issuerError = new ReadOnlyStringWrapper(this, "issuerError", "");
    private final ReadOnlyStringWrapper amountError = new ReadOnlyStringWrapper(this, "amountError", "");
    private final ReadOnlyStringWrapper dueDateError = new ReadOnlyStringWrapper(this, "dueDateError", "");
    private final ReadOnlyStringWrapper retentionError = new ReadOnlyStringWrapper(this, "retentionError", "");
    private final ReadOnlyStringWrapper purposeError = new ReadOnlyStringWrapper(this, "purposeError", "");
    private final ReadOnlyStringWrapper formError = new ReadOnlyStringWrapper(this, "formError", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");

    public DocumentFormViewModel(
            DocumentService documents,
            ReferenceService reference,
            Clock clock,
            ZoneId zone,
            ResourceBundle texts,
            Executor background,
            Executor fx) {
        this.documents = Objects.requireNonNull(documents);
        this.reference = Objects.requireNonNull(reference);
        this.clock = Objects.requireNonNull(clock);
        this.zone = Objects.requireNonNull(zone);
        this.texts = Objects.requireNonNull(texts);
        this.work = new BackgroundWork(background, fx);
        type.addListener((o, a, b) -> {
            typeError.set("");
            if (!filling && retentionIsDefault && b != null) {
                followDefaultRetention(b);
            }
        });
        title.addListener((o, a, b) -> titleError.set(""));
        issuer.addListener((o, a, b) -> issuerError.set(""));
        amount.addListener((o, a, b) -> amountError.set(""));
        dueDate.addListener((o, a, b) -> dueDateError.set(""));
        retention.addListener((o, a, b) -> {
            retentionError.set("");
            if (!filling) {
                retentionIsDefault = false;
            }
        });
    }

    public void setOnMessage(Consumer<String> onMessage) {
        this.onMessage = Objects.requireNonNull(onMessage);
    }

    /** Called on the FX executor once the description is saved. */
    public void setOnSaved(Runnable onSaved) {
        this.onSaved = Objects.requireNonNull(onSaved);
    }

    /** Loads a document and the code lists (background); completes with false if it is not on this device. */
    public CompletableFuture<Boolean> load(String id) {
        documentId = id;
        record Loaded(
                Optional<PhotoItem> doc,
                List<CodeItem> types,
                List<CodeItem> purposeCodes,
                LocalDate day,
                LocalDate typeDefault,
                LocalDate retentionDay) {}
        return work.supply(
                        "loading a document's description",
                        () -> {
                            Optional<PhotoItem> doc = documents.find(id);
                            List<CodeItem> types = reference.codes(ListNames.DOCUMENT_TYPE);
                            List<CodeItem> purposeCodes = reference.codes(ListNames.DOCUMENT_PURPOSE);
                            LocalDate day = doc.map(d -> d.capturedAt() == null
                                            ? LocalDate.now(clock.withZone(zone))
                                            : d.capturedAt().atZone(zone).toLocalDate())
                                    .orElse(LocalDate.now(clock.withZone(zone)));
                            LocalDate typeDefault = doc.map(d -> documents.defaultRetention(d.type(), day))
                                    .orElse(null);
                            LocalDate retentionDay = doc.map(
                                            d -> d.retentionUntil() != null ? d.retentionUntil() : typeDefault)
                                    .orElse(null);
                            return new Loaded(doc, types, purposeCodes, day, typeDefault, retentionDay);
                        },
                        l -> {
                            Optional<PhotoItem> doc = l.doc();
                            LocalDate day = l.day();
                            LocalDate typeDefault = l.typeDefault();
                            LocalDate retentionDay = l.retentionDay();
                            List<CodeItem> types = l.types();
                            List<CodeItem> purposeCodes = l.purposeCodes();
                            typeOptions.setAll(types);
                            purposeOptions.setAll(purposeCodes);
                            doc.ifPresent(d -> {
                                capturedDay = day;
                                filling = true;
                                type.set(d.type());
                                title.set(nz(d.title()));
                                issuer.set(nz(d.issuer()));
                                amount.set(FrenchInput.typedAmount(d.amountCents()));
                                dueDate.set(d.dueDate() == null ? "" : DATE.format(d.dueDate()));
                                retention.set(retentionDay == null ? "" : DATE.format(retentionDay));
                                purposes.setAll(d.purpose());
                                filling = false;
                                retentionIsDefault = d.retentionUntil() == null
                                        || d.retentionUntil().equals(typeDefault);
                            });
                            loaded.set(doc.isPresent());
                        },
                        e -> formError.set(text("common.load.failed")))
                .thenApply(l -> l.doc().isPresent())
                .exceptionally(e -> false);
    }

    private void followDefaultRetention(String newType) {
        LocalDate day = capturedDay == null ? LocalDate.now(clock.withZone(zone)) : capturedDay;
        work.supply(
                "computing a document's default retention",
                () -> documents.defaultRetention(newType, day),
                d -> {
                    if (retentionIsDefault && Objects.equals(type.get(), newType)) {
                        filling = true;
                        retention.set(DATE.format(d));
                        filling = false;
                    }
                },
                e -> {}); // the retention shown stays; the user can type one
    }

    /** Whether a purpose is chosen. */
    public boolean isPurposeSelected(String code) {
        return purposes.contains(code);
    }

    public void setPurposeSelected(String code, boolean selected) {
        purposeError.set("");
        if (selected && !purposes.contains(code)) {
            purposes.add(code);
        } else if (!selected) {
            purposes.remove(code);
        }
    }

    /** Checks every field, shows the messages beside them, and saves when all are right. */
    public CompletableFuture<Boolean> save() {
        formError.set("");
        boolean ok = true;
        if (type.get() == null || type.get().isBlank()) {
            typeError.set(text("document.error.type.required"));
            ok = false;
        }
        ok &= checkLength(title.get(), titleError);
        ok &= checkLength(issuer.get(), issuerError);
        Long cents = null;
        if (!blank(amount.get())) {
            Optional<Long> parsed = FrenchInput.cents(amount.get());
            if (FrenchInput.amountTooLarge(amount.get())) {
                amountError.set(CoreMessages.get("field.amount.invalid", Limits.MAX_AMOUNT_CENTS / 100.0));
                ok = false;
            } else if (parsed.isEmpty()) {
                amountError.set(text("document.error.amount"));
                ok = false;
            } else {
                cents = parsed.get();
            }
        }
        Optional<LocalDate> due = date(dueDate.get(), dueDateError);
        ok &= due != null;
        Optional<LocalDate> keep = date(retention.get(), retentionError);
        if (keep == null) {
            ok = false;
        } else if (keep.isEmpty()) {
            retentionError.set(text("document.error.retention.required"));
            ok = false;
        } else if (keep.get().isBefore(LocalDate.now(clock.withZone(zone)))) {
            retentionError.set(text("document.error.retention.past"));
            ok = false;
        }
        if (!ok) {
            formError.set(text("document.error.fix"));
            return CompletableFuture.completedFuture(false);
        }
        DocumentMetadata m = new DocumentMetadata(
                type.get(), title.get(), issuer.get(), cents, due.orElse(null), List.copyOf(purposes), keep.get());
        busy.set(true);
        String id = documentId;
        return work.supply(
                        "describing a document",
                        () -> documents.describe(id, m),
                        outcome -> {
                            busy.set(false);
                            if (outcome.isOk()) {
                                onMessage.accept(text("document.saved"));
                                onSaved.run();
                                return;
                            }
                            Map<String, String> errors = outcome.fieldErrors();
                            typeError.set(errors.getOrDefault("type", ""));
                            titleError.set(errors.getOrDefault("title", ""));
                            issuerError.set(errors.getOrDefault("issuer", ""));
                            amountError.set(errors.getOrDefault("amount", ""));
                            dueDateError.set(errors.getOrDefault("dueDate", ""));
                            retentionError.set(errors.getOrDefault("retentionUntil", ""));
                            purposeError.set(errors.getOrDefault("purpose", ""));
                            formError.set(errors.isEmpty() ? outcome.message() : text("document.error.fix"));
                        },
                        e -> {
                            busy.set(false);
                            formError.set(text("document.error.save"));
                        })
                .thenApply(Outcome::isOk)
                .exceptionally(e -> false);
    }

    private boolean checkLength(String value, ReadOnlyStringWrapper error) {
        if (value != null && value.strip().length() > Limits.MAX_SHORT_TEXT) {
            error.set(text("document.error.tooLong", Limits.MAX_SHORT_TEXT));
            return false;
        }
        return true;
    }

    /** The typed date; empty when blank; null (and the message set) when it is not a date. */
    private Optional<LocalDate> date(String typed, ReadOnlyStringWrapper error) {
        if (FrenchInput.dateOutOfRange(typed)) {
            error.set(CoreMessages.get("field.date.implausible", Limits.MIN_DATE_YEAR, Limits.MAX_DATE_YEAR));
            return null;
        }
        if (FrenchInput.invalidDate(typed)) {
            error.set(text("document.error.date"));
            return null;
        }
        return FrenchInput.date(typed);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private String text(String key, Object... args) {
        String pattern = texts.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, Texts.locale(texts)).format(args);
    }

    public String documentId() {
        return documentId;
    }

    public ObservableList<CodeItem> typeOptions() {
        return typeOptions;
    }

    public ObservableList<CodeItem> purposeOptions() {
        return purposeOptions;
    }

    public ObjectProperty<String> typeProperty() {
        return type;
    }

    public StringProperty titleProperty() {
        return title;
    }

    public StringProperty issuerProperty() {
        return issuer;
    }

    /** The amount as typed ("412,30"). */
    public StringProperty amountProperty() {
        return amount;
    }

    /** dd/MM/yyyy as typed. */
    public StringProperty dueDateProperty() {
        return dueDate;
    }

    /** dd/MM/yyyy as typed; the type's default until the user types a date. */
    public StringProperty retentionProperty() {
        return retention;
    }

    public ObservableList<String> purposes() {
        return purposes;
    }

    public ReadOnlyStringProperty typeErrorProperty() {
        return typeError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleErrorProperty() {
        return titleError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty issuerErrorProperty() {
        return issuerError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty amountErrorProperty() {
        return amountError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty dueDateErrorProperty() {
        return dueDateError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty retentionErrorProperty() {
        return retentionError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty purposeErrorProperty() {
        return purposeError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty formErrorProperty() {
        return formError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }
}
