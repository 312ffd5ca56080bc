package fr.mediance.protocol;

import java.time.Instant;

/**
 * A counsellor's private note on a resident (domain brief §2.2, as in Mon Suivi Social): one per author and
 * resident, visible only to its author — the server sends it to nobody else and refuses it from anybody else.
 */
public record PrivateNoteDto(
        String id, String structureId, String residentId, String authorId, String text, Instant updatedAt)
        implements EntityDto {}
