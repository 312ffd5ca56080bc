package fr.mediance.app.core.energy;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** The French message beside each field of a form ("" when the field is fine). */
final class FieldErrors {
    private final Map<String, ReadOnlyStringWrapper> errors = new LinkedHashMap<>();

    FieldErrors(String... fields) {
        for (String f : fields) {
            errors.put(f, new ReadOnlyStringWrapper(this, f, ""));
        }
    }

    void clear() {
        errors.values().forEach(e -> e.set(""));
    }

    /** Sets the message of {@code field}; a field the form does not show is ignored. */
    void set(String field, String message) {
        ReadOnlyStringWrapper e = errors.get(field);
        if (e != null && e.get().isEmpty()) {
            e.set(message);
        }
    }

    boolean any() {
        return errors.values().stream().anyMatch(e -> !e.get().isEmpty());
    }

    ReadOnlyStringProperty property(String field) {
        ReadOnlyStringWrapper e = errors.get(field);
        if (e == null) {
            throw new IllegalArgumentException("no field " + field);
        }
        return e.getReadOnlyProperty();
    }
}
