package fr.mediance.protocol;

import java.time.Instant;
import java.time.LocalDate;

/** A photographed or scanned document. The bytes travel apart, as a blob named by {@code sha256}. */
public record DocumentDto(String id, String structureId, String visitReportId, String residentId, String type,
                          String sha256, String mimeType, long sizeBytes, Instant capturedAt,
                          LocalDate retentionUntil) implements EntityDto {
}
