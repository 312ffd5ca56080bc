package fr.mediance.app.core.visit;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The error lines of a part of the visit screen, one per field, keyed by the field names that the services'
 * {@link fr.mediance.app.core.FormErrors} and {@link fr.mediance.app.core.Outcome#fieldErrors()} use: the
 * screen's own checks and the service's answers land in the same lines. An empty line shows nothing.
 */
final class ErrorLines {
    private final Map<String, ReadOnlyStringWrapper> lines = new LinkedHashMap<>();

    ErrorLines(String... fields) {
        for (String f : fields) {
            lines.put(f, new ReadOnlyStringWrapper(this, f + "Error", ""));
        }
    }

    /** Sets (or clears, with "" or null) the line of a field; a field this part does not show is ignored. */
    void set(String field, String message) {
        ReadOnlyStringWrapper line = lines.get(field);
        if (line != null) {
            line.set(message == null ? "" : message);
        }
    }

    /** Shows each message beside its field (fields of other parts are ignored). */
    void show(Map<String, String> byField) {
        byField.forEach(this::set);
    }

    String get(String field) {
        ReadOnlyStringWrapper line = lines.get(field);
        return line == null ? "" : line.get();
    }

    boolean has(String field) {
        return !get(field).isEmpty();
    }

    void clear() {
        lines.values().forEach(l -> l.set(""));
    }

    ReadOnlyStringProperty property(String field) {
        ReadOnlyStringWrapper line = lines.get(field);
        if (line == null) {
            throw new IllegalArgumentException("No error line for " + field + "; known: " + lines.keySet());
        }
        return line.getReadOnlyProperty();
    }
}
