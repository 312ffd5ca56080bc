package fr.mediance.protocol;

import java.time.Instant;

/**
 * Two people changed the same field of a shared record (e.g. a resident's phone) from the same base version.
 * The server applied one value and keeps both here; nothing is dropped. An office or coordinator account
 * resolves it by pushing the conflict back with {@code status = "resolved"} and the chosen
 * {@code resolvedValue}; the server then writes that value into the record as a new version.
 * Values are the fields' wire text (a date as {@code 2026-11-26}); null means the field was empty.
 */
public record ConflictDto(
        String id,
        String structureId,
        EntityType entity,
        String entityId,
        String field,
        String baseValue,
        String serverValue,
        String clientValue,
        String serverAuthorId,
        String clientAuthorId,
        Instant detectedAt,
        String status,
        String resolvedValue,
        String resolvedBy,
        Instant resolvedAt)
        implements EntityDto {
    public static final String OPEN = "open";
    public static final String RESOLVED = "resolved";

    public boolean resolved() {
        return RESOLVED.equals(status);
    }

    /**
     * Whether {@code value} may resolve this conflict: one of the two values in conflict ({@code serverValue} or
     * {@code clientValue}), never a third one (a new value goes through an ordinary update of the record and its
     * rules). The one rule of the server and of the office's screen.
     */
    public boolean acceptsResolution(String value) {
        return java.util.Objects.equals(value, serverValue) || java.util.Objects.equals(value, clientValue);
    }
}
