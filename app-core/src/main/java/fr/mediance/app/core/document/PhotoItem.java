package fr.mediance.app.core.document;

import java.time.Instant;

/**
 * A photographed document attached to a visit report. {@code type} is a code of the "document_type" list.
 * The bytes are read with {@link DocumentService#readBytes} (decrypted in memory, never written in clear).
 */
public record PhotoItem(String id, String reportId, String residentId, String type, String mimeType,
                        String sha256, long sizeBytes, Instant capturedAt, PhotoState state) {
}
