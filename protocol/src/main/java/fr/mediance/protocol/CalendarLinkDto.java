package fr.mediance.protocol;

import java.time.Instant;

/**
 * A counsellor's phone-calendar feed link ({@link ApiPaths#CALENDAR_LINKS}): never its secret, which is shown once
 * at creation. {@code lastUsedAt}: the last time a calendar fetched it (to the hour); {@code revokedAt}: revoked.
 */
public record CalendarLinkDto(
        String id, String counsellorId, Instant createdAt, String createdBy, Instant lastUsedAt, Instant revokedAt) {
    public boolean active() {
        return revokedAt == null;
    }
}
