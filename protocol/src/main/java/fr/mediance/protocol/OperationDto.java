package fr.mediance.protocol;

import java.util.List;

/**
 * One change made on a device, pushed once or more: the server applies it at most once, keyed by
 * {@code opId}, and answers a repeat with the stored result. {@code baseVersion} is the server version the
 * change was made on (null for a record created on the device). {@code data} is null only for a delete.
 * {@code changedFields} names the wire fields of {@code data} that this change set (for an update of a
 * shared record, so that the server merges field by field); empty means the whole record.
 */
public record OperationDto(
        String opId,
        EntityType entity,
        String entityId,
        Long baseVersion,
        boolean delete,
        EntityDto data,
        List<String> changedFields) {
    public OperationDto {
        changedFields = changedFields == null ? List.of() : List.copyOf(changedFields);
    }

    /** A change of the whole record. */
    public OperationDto(
            String opId, EntityType entity, String entityId, Long baseVersion, boolean delete, EntityDto data) {
        this(opId, entity, entityId, baseVersion, delete, data, List.of());
    }
}
