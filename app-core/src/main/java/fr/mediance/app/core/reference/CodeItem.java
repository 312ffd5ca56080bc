package fr.mediance.app.core.reference;

/** One entry of a code list, as received from the server: {@code label} is the French text to show. */
public record CodeItem(String list, String code, String label, String parent, int sortOrder, boolean active) {
    /** The label, or the code itself when the list has no label for it. */
    public String labelOrCode() {
        return label == null || label.isBlank() ? code : label;
    }
}
