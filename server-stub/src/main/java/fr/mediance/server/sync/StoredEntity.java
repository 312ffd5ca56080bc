package fr.mediance.server.sync;

import fr.mediance.protocol.EntityDto;
import fr.mediance.protocol.EntityType;

/** A synced record as stored: its last content (kept in a tombstone too), version and owner. */
public record StoredEntity(
        EntityType type,
        String id,
        String structureId,
        long version,
        boolean deleted,
        EntityDto data,
        String createdBy) {}
