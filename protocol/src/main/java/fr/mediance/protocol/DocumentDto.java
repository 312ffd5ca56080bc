package fr.mediance.protocol;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A photographed, scanned or generated document (domain brief §2.14). The bytes travel apart, as a blob named
 * by {@code sha256}. {@code type} from "document_type" (a drawn signature is type "signature"); issuer, amount
 * in euro cents and due date for a bill; {@code purpose} names the démarches that need it; the document is
 * deleted from devices once {@code retentionUntil} has passed. {@code origin}: photo_in_app, scan, partner,
 * generated.
 */
public record DocumentDto(
        String id,
        String structureId,
        String visitReportId,
        String residentId,
        String type,
        String sha256,
        String mimeType,
        long sizeBytes,
        Instant capturedAt,
        LocalDate retentionUntil,
        String title,
        String issuer,
        Long amountCents,
        LocalDate dueDate,
        List<String> purpose,
        String origin)
        implements EntityDto {
    public DocumentDto {
        purpose = purpose == null ? List.of() : List.copyOf(purpose);
    }

    public DocumentDto(
            String id,
            String structureId,
            String visitReportId,
            String residentId,
            String type,
            String sha256,
            String mimeType,
            long sizeBytes,
            Instant capturedAt,
            LocalDate retentionUntil) {
        this(
                id,
                structureId,
                visitReportId,
                residentId,
                type,
                sha256,
                mimeType,
                sizeBytes,
                capturedAt,
                retentionUntil,
                null,
                null,
                null,
                null,
                List.of(),
                "photo_in_app");
    }
}
