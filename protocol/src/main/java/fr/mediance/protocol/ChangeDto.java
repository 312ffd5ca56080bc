package fr.mediance.protocol;

/** One entry of the change feed: the full record at {@code version}, or a tombstone when {@code deleted}. */
public record ChangeDto(EntityType entity, String entityId, long version, boolean deleted, EntityDto data) {}
