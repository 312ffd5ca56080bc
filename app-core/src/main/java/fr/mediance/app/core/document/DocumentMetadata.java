package fr.mediance.app.core.document;

import java.time.LocalDate;
import java.util.List;

/**
 * What the counsellor says about a photographed document: its type (code of "document_type"), a title, the
 * issuer (EDF, CAF…), the amount in cents and the due date of a bill, the démarches it is needed for (codes of
 * "document_purpose") and the date after which it is deleted from the device.
 */
public record DocumentMetadata(
        String type,
        String title,
        String issuer,
        Long amountCents,
        LocalDate dueDate,
        List<String> purpose,
        LocalDate retentionUntil) {
    public DocumentMetadata {
        purpose = purpose == null ? List.of() : List.copyOf(purpose);
    }
}
