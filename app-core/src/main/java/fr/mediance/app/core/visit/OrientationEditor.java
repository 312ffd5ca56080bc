package fr.mediance.app.core.visit;

import fr.mediance.protocol.Limits;
import fr.mediance.protocol.OrientationDto;
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

/** The form of one orientation of a report (add or edit), with an error line per field. */
public final class OrientationEditor {
    private final ReadOnlyBooleanWrapper open = new ReadOnlyBooleanWrapper(this, "open", false);
    private String editingId;
    private final ObjectProperty<String> target = new SimpleObjectProperty<>(this, "target");
    private final StringProperty reason = new SimpleStringProperty(this, "reason", "");
    private final StringProperty date = new SimpleStringProperty(this, "date", "");
    private final ObjectProperty<String> mode = new SimpleObjectProperty<>(this, "mode");
    private final BooleanProperty consent = new SimpleBooleanProperty(this, "consent", false);
    private final ObjectProperty<String> feedback = new SimpleObjectProperty<>(this, "feedback");
    private final ErrorLines errors = new ErrorLines("target", "reason", "date", "mode", "feedback");

    OrientationEditor() {
        target.addListener((o, a, b) -> error("target", ""));
    }

    void startNew(LocalDate day) {
        editingId = null;
        fill(new OrientationDto(null, null, null, day, null, false, null));
    }

    void startEdit(OrientationDto o) {
        editingId = o.id();
        fill(o);
    }

    private void fill(OrientationDto o) {
        errors.clear();
        target.set(o.target());
        reason.set(o.reason() == null ? "" : o.reason());
        date.set(FrenchInput.format(o.date()));
        mode.set(o.mode());
        consent.set(o.consentToTransmit());
        feedback.set(o.feedback());
        open.set(true);
    }

    void close() {
        open.set(false);
        editingId = null;
        errors.clear();
    }

    /** The orientation as typed, or empty (messages beside the fields, text kept). */
    Optional<OrientationDto> read(ActionEditor.FormText text) {
        errors.clear();
        boolean ok = true;
        String dateError = VisitSession.dateError(text, date.get(), "visit.error.date.invalid");
        if (!dateError.isEmpty()) {
            error("date", dateError);
            ok = false;
        }
        if (reason.get() != null && reason.get().length() > Limits.MAX_LONG_TEXT) {
            error(
                    "reason",
                    text.get(
                            "visit.error.text.too.long",
                            Limits.MAX_LONG_TEXT,
                            reason.get().length()));
            ok = false;
        }
        if (!ok) {
            return Optional.empty();
        }
        return Optional.of(new OrientationDto(
                editingId == null ? UUID.randomUUID().toString() : editingId,
                target.get(),
                reason.get() == null || reason.get().isBlank()
                        ? null
                        : reason.get().strip(),
                FrenchInput.date(date.get()).orElse(null),
                mode.get(),
                consent.get(),
                feedback.get()));
    }

    void showErrors(Map<String, String> byField) {
        errors.show(byField);
    }

    private void error(String field, String message) {
        errors.set(field, message);
    }

    public ReadOnlyBooleanProperty openProperty() {
        return open.getReadOnlyProperty();
    }

    public boolean editing() {
        return editingId != null;
    }

    public ObjectProperty<String> targetProperty() {
        return target;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    public StringProperty dateProperty() {
        return date;
    }

    public ObjectProperty<String> modeProperty() {
        return mode;
    }

    /** The resident agrees that their data is transmitted to the partner. */
    public BooleanProperty consentProperty() {
        return consent;
    }

    public ObjectProperty<String> feedbackProperty() {
        return feedback;
    }

    /** Error of a field: target, reason, date, mode, feedback. */
    public ReadOnlyStringProperty errorProperty(String field) {
        return errors.property(field);
    }
}
