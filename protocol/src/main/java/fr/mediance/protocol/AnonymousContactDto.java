package fr.mediance.protocol;

import java.time.Instant;
import java.util.List;

/**
 * A desk or phone contact with a person who gave no name (domain brief §9: counted, never identified): its channel
 * ({@link Casework#ANONYMOUS_CHANNELS}), domains and motifs, what was done (codes of the "action_type" list), an
 * age band at most ({@link Casework#AGE_BANDS}) and its duration. It carries no free text and nothing that
 * identifies a person, by design: it is stored for the figures only.
 */
public record AnonymousContactDto(
        String id,
        String structureId,
        String counsellorId,
        Instant at,
        String channel,
        List<String> domains,
        List<String> motifs,
        List<String> actionTypes,
        String ageBand,
        Integer durationMinutes)
        implements EntityDto {}
