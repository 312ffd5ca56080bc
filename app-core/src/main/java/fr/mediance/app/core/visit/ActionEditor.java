package fr.mediance.app.core.visit;

import fr.mediance.protocol.ActionDto;
import fr.mediance.protocol.Limits;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The form of one action of a report (add or edit): what is typed stays as typed until it is valid; each field
 * has its error line. {@code mandateOptions} are the resident's active mandates covering the chosen domain on
 * the action's date (read by the report's view model when they change).
 */
public final class ActionEditor {

    /** French texts of the screen, with arguments. */
    @FunctionalInterface
    public interface FormText {
        String get(String key, Object... args);
    }

    /** An active mandate that may be named by an action on behalf. */
    public record MandateChoice(String id, String label) {}

    private final ReadOnlyBooleanWrapper open = new ReadOnlyBooleanWrapper(this, "open", false);
    private String editingId;
    final ObjectProperty<String> type = new SimpleObjectProperty<>(this, "type");
    final ObjectProperty<String> domain = new SimpleObjectProperty<>(this, "domain");
    final StringProperty target = new SimpleStringProperty(this, "target", "");
    final StringProperty date = new SimpleStringProperty(this, "date", "");
    final ObjectProperty<String> result = new SimpleObjectProperty<>(this, "result");
    final StringProperty amountRequested = new SimpleStringProperty(this, "amountRequested", "");
    final StringProperty amountObtained = new SimpleStringProperty(this, "amountObtained", "");
    final StringProperty reference = new SimpleStringProperty(this, "reference", "");
    final BooleanProperty onBehalf = new SimpleBooleanProperty(this, "onBehalf", false);
    final ObjectProperty<String> mandateId = new SimpleObjectProperty<>(this, "mandateId");
    final StringProperty note = new SimpleStringProperty(this, "note", "");
    final ObservableList<MandateChoice> mandateOptions = FXCollections.observableArrayList();
    private final ErrorLines errors = new ErrorLines(
            "type",
            "domain",
            "target",
            "date",
            "result",
            "amountRequested",
            "amountObtained",
            "reference",
            "mandate",
            "note");

    ActionEditor() {
        type.addListener((o, a, b) -> error("type", ""));
        domain.addListener((o, a, b) -> error("domain", ""));
        mandateId.addListener((o, a, b) -> error("mandate", ""));
        onBehalf.addListener((o, a, b) -> {
            error("mandate", "");
            if (!b) {
                mandateId.set(null);
            }
        });
    }

    /** Opens the form empty, dated {@code day}. */
    void startNew(LocalDate day) {
        editingId = null;
        fill(new ActionDto(null, null, null, null, day, null, null, null, null, false, null, null));
    }

    void startEdit(ActionDto a) {
        editingId = a.id();
        fill(a);
    }

    private void fill(ActionDto a) {
        clearErrors();
        type.set(a.type());
        domain.set(a.domain());
        target.set(nullToEmpty(a.target()));
        date.set(FrenchInput.format(a.date()));
        result.set(a.result());
        amountRequested.set(FrenchInput.typedAmount(a.amountRequestedCents()));
        amountObtained.set(FrenchInput.typedAmount(a.amountObtainedCents()));
        reference.set(nullToEmpty(a.reference()));
        onBehalf.set(a.onBehalf());
        mandateId.set(a.mandateId());
        note.set(nullToEmpty(a.note()));
        open.set(true);
    }

    void close() {
        open.set(false);
        editingId = null;
        clearErrors();
    }

    /** The id of the action being edited; null for a new one. */
    String editingId() {
        return editingId;
    }

    /** The date typed, if it is a real date. */
    Optional<LocalDate> typedDate() {
        return FrenchInput.date(date.get());
    }

    /**
     * The action as typed, or empty when some text cannot be read (an impossible date, an amount with letters,
     * too long a text): the message is then beside the field and the text stays as typed.
     */
    Optional<ActionDto> read(FormText text) {
        String mandateError = errors.get("mandate");
        clearErrors();
        error("mandate", mandateError); // known from the mandates found; checked again by the service
        boolean ok = true;
        String dateError = VisitSession.dateError(text, date.get(), "visit.error.date.invalid");
        if (!dateError.isEmpty()) {
            error("date", dateError);
            ok = false;
        }
        for (String f : new String[] {"amountRequested", "amountObtained"}) {
            String typed = f.equals("amountRequested") ? amountRequested.get() : amountObtained.get();
            if (FrenchInput.amountTooLarge(typed)) {
                error(f, text.get("visit.error.amount.too.large", FrenchInput.money(Limits.MAX_AMOUNT_CENTS)));
                ok = false;
            } else if (FrenchInput.invalidAmount(typed)) {
                error(f, text.get("visit.error.amount.invalid"));
                ok = false;
            }
        }
        ok &= length("target", target.get(), Limits.MAX_SHORT_TEXT, text);
        ok &= length("reference", reference.get(), Limits.MAX_SHORT_TEXT, text);
        ok &= length("note", note.get(), Limits.MAX_LONG_TEXT, text);
        if (!ok) {
            return Optional.empty();
        }
        return Optional.of(new ActionDto(
                editingId == null ? UUID.randomUUID().toString() : editingId,
                type.get(),
                domain.get(),
                clean(target.get()),
                typedDate().orElse(null),
                result.get(),
                FrenchInput.cents(amountRequested.get()).orElse(null),
                FrenchInput.cents(amountObtained.get()).orElse(null),
                clean(reference.get()),
                onBehalf.get(),
                onBehalf.get() ? mandateId.get() : null,
                clean(note.get())));
    }

    private boolean length(String field, String value, int max, FormText text) {
        if (value != null && value.length() > max) {
            error(field, text.get("visit.error.text.too.long", max, value.length()));
            return false;
        }
        return true;
    }

    /** Shows the service's messages beside their fields. */
    void showErrors(Map<String, String> byField) {
        errors.show(byField);
    }

    void error(String field, String message) {
        errors.set(field, message);
    }

    private void clearErrors() {
        errors.clear();
    }

    private static String clean(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    public ReadOnlyBooleanProperty openProperty() {
        return open.getReadOnlyProperty();
    }

    /** Whether an existing action is being edited (else a new one). */
    public boolean editing() {
        return editingId != null;
    }

    public ObjectProperty<String> typeProperty() {
        return type;
    }

    public ObjectProperty<String> domainProperty() {
        return domain;
    }

    public StringProperty targetProperty() {
        return target;
    }

    /** dd/MM/yyyy. */
    public StringProperty dateProperty() {
        return date;
    }

    public ObjectProperty<String> resultProperty() {
        return result;
    }

    /** As typed: "412,50", "1 234,56 €". */
    public StringProperty amountRequestedProperty() {
        return amountRequested;
    }

    public StringProperty amountObtainedProperty() {
        return amountObtained;
    }

    public StringProperty referenceProperty() {
        return reference;
    }

    /** "Pour le compte de la personne". */
    public BooleanProperty onBehalfProperty() {
        return onBehalf;
    }

    public ObjectProperty<String> mandateIdProperty() {
        return mandateId;
    }

    public StringProperty noteProperty() {
        return note;
    }

    public ObservableList<MandateChoice> mandateOptions() {
        return mandateOptions;
    }

    /** Error of a field: type, domain, target, date, result, amountRequested, amountObtained, reference, mandate, note. */
    public ReadOnlyStringProperty errorProperty(String field) {
        return errors.property(field);
    }
}
