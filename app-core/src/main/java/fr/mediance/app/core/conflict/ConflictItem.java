package fr.mediance.app.core.conflict;

import fr.mediance.protocol.EntityType;
import java.time.Instant;

/**
 * Two people changed the same field of a shared record (a resident's phone...) from the same version: the
 * server kept both values. Values are the field's wire text ({@code 2026-11-26} for a date); null means empty.
 *
 * @param id                the conflict
 * @param entity            the record's type (RESIDENT)
 * @param entityId          the record
 * @param recordLabel       what the record is, in French ("Fatima Benali")
 * @param field             wire name of the field ("phone")
 * @param fieldLabel        French label of the field ("Téléphone")
 * @param baseValue         the value both started from
 * @param serverValue       the value the other person had saved first
 * @param serverAuthorId    who saved {@code serverValue}
 * @param serverAuthorName  their name (or a French placeholder)
 * @param clientValue       the value saved last (the one the record holds now)
 * @param clientAuthorId    who saved {@code clientValue}
 * @param clientAuthorName  their name (or a French placeholder)
 * @param detectedAt        when the server found it
 * @param resolved          a resolution is known (made here, waiting to be sent, or received)
 * @param resolvedValue     the chosen value, when resolved
 * @param overlap           two appointments of one counsellor overlap ({@link fr.mediance.protocol.ConflictDto#OVERLAP}):
 *     the values then describe the two appointments for reading, and nobody picks one (moving or cancelling one
 *     of them closes it)
 */
public record ConflictItem(
        String id,
        EntityType entity,
        String entityId,
        String recordLabel,
        String field,
        String fieldLabel,
        String baseValue,
        String serverValue,
        String serverAuthorId,
        String serverAuthorName,
        String clientValue,
        String clientAuthorId,
        String clientAuthorName,
        Instant detectedAt,
        boolean resolved,
        String resolvedValue,
        boolean overlap) {
    /** A conflict of values (not an overlap). */
    public ConflictItem(
            String id,
            EntityType entity,
            String entityId,
            String recordLabel,
            String field,
            String fieldLabel,
            String baseValue,
            String serverValue,
            String serverAuthorId,
            String serverAuthorName,
            String clientValue,
            String clientAuthorId,
            String clientAuthorName,
            Instant detectedAt,
            boolean resolved,
            String resolvedValue) {
        this(
                id,
                entity,
                entityId,
                recordLabel,
                field,
                fieldLabel,
                baseValue,
                serverValue,
                serverAuthorId,
                serverAuthorName,
                clientValue,
                clientAuthorId,
                clientAuthorName,
                detectedAt,
                resolved,
                resolvedValue,
                false);
    }
}
