package fr.mediance.app.core.document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A photographed document attached to a visit report. {@code type} is a code of the "document_type" list.
 * The bytes are read with {@link DocumentService#readBytes} (decrypted in memory, never written in clear).
 * Its description: title, issuer, amount in cents, due date, purposes (codes of "document_purpose") and the
 * date after which it is deleted from the device ({@code retentionUntil}).
 */
public record PhotoItem(
        String id,
        String reportId,
        String residentId,
        String type,
        String mimeType,
        String sha256,
        long sizeBytes,
        Instant capturedAt,
        PhotoState state,
        String title,
        String issuer,
        Long amountCents,
        LocalDate dueDate,
        List<String> purpose,
        LocalDate retentionUntil) {
    public PhotoItem {
        purpose = purpose == null ? List.of() : List.copyOf(purpose);
    }

    /** A photo without description (tests, older callers). */
    public PhotoItem(
            String id,
            String reportId,
            String residentId,
            String type,
            String mimeType,
            String sha256,
            long sizeBytes,
            Instant capturedAt,
            PhotoState state) {
        this(
                id,
                reportId,
                residentId,
                type,
                mimeType,
                sha256,
                sizeBytes,
                capturedAt,
                state,
                null,
                null,
                null,
                null,
                List.of(),
                null);
    }

    @Override
    public String toString() {
        return "PhotoItem[id=" + id + ", type=" + type + ", state=" + state + "]";
    }
}
