package fr.mediance.app.core;

import fr.mediance.app.core.visit.FrenchInput;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The French message beside each field of a form ("" when the field is fine), for a view model: a fixed set of
 * fields, or any field named (a form whose service answers with the wire's field names).
 */
public final class FieldErrors {
    private final Map<String, ReadOnlyStringWrapper> errors = new LinkedHashMap<>();
    private final boolean anyField;

    /** The messages of these fields; a message for another field is ignored. */
    public FieldErrors(String... fields) {
        this(false);
        for (String f : fields) {
            errors.put(f, new ReadOnlyStringWrapper(this, f, ""));
        }
    }

    private FieldErrors(boolean anyField) {
        this.anyField = anyField;
    }

    /** The messages of whatever fields are named, each made on first use. */
    public static FieldErrors anyField() {
        return new FieldErrors(true);
    }

    private ReadOnlyStringWrapper wrapper(String field) {
        return anyField
                ? errors.computeIfAbsent(field, f -> new ReadOnlyStringWrapper(this, f, ""))
                : errors.get(field);
    }

    public void clear() {
        errors.values().forEach(e -> e.set(""));
    }

    /** Sets the message of {@code field} unless it already has one; a field the form does not show is ignored. */
    public void set(String field, String message) {
        ReadOnlyStringWrapper e = wrapper(field);
        if (e != null && e.get().isEmpty()) {
            e.set(message);
        }
    }

    /** Sets the message of {@code field}, replacing the one it had ("" clears it). */
    public void replace(String field, String message) {
        ReadOnlyStringWrapper e = wrapper(field);
        if (e != null) {
            e.set(message);
        }
    }

    /** Shows a refusal: its messages beside their fields, or its one message through {@code elsewhere}. */
    public void show(Outcome<?> refused, Consumer<String> elsewhere) {
        if (refused.fieldErrors().isEmpty()) {
            elsewhere.accept(refused.message());
        } else {
            refused.fieldErrors().forEach(this::replace);
        }
    }

    /**
     * An amount typed in French (« 1 234,56 ») as cents; null when blank, or when it is not one (its message is then
     * beside {@code field}, the text left as typed).
     */
    public Long amount(String field, String typed, ResourceBundle texts) {
        if (FrenchInput.blank(typed)) {
            return null;
        }
        Optional<Long> cents = FrenchInput.cents(typed);
        if (cents.isEmpty()) {
            replace(field, amountProblem(typed, texts));
            return null;
        }
        return cents.get();
    }

    /** The message for a typed amount that is not one: too large, or not an amount. */
    public static String amountProblem(String typed, ResourceBundle texts) {
        return texts.getString(FrenchInput.amountTooLarge(typed) ? "form.error.amount.large" : "form.error.amount");
    }

    /** A date typed dd/MM/yyyy; null when blank, or when it is not one between 2000 and 2100 (message beside it). */
    public LocalDate date(String field, String typed, ResourceBundle texts) {
        if (FrenchInput.blank(typed)) {
            return null;
        }
        Optional<LocalDate> d = FrenchInput.date(typed);
        if (d.isEmpty() || FrenchInput.dateOutOfRange(typed)) {
            replace(field, texts.getString("form.error.date"));
            return null;
        }
        return d.get();
    }

    public boolean any() {
        return errors.values().stream().anyMatch(e -> !e.get().isEmpty());
    }

    public ReadOnlyStringProperty property(String field) {
        ReadOnlyStringWrapper e = wrapper(field);
        if (e == null) {
            throw new IllegalArgumentException("no field " + field);
        }
        return e.getReadOnlyProperty();
    }
}
