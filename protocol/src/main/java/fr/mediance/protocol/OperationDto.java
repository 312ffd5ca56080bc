package fr.mediance.protocol;

/**
 * One change made on a device, pushed once or more: the server applies it at most once, keyed by
 * {@code opId}, and answers a repeat with the stored result. {@code baseVersion} is the server version the
 * change was made on (null for a record created on the device). {@code data} is null only for a delete.
 */
public record OperationDto(String opId, EntityType entity, String entityId, Long baseVersion, boolean delete,
                           EntityDto data) {
}
