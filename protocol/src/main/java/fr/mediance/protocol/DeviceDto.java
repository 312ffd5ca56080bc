package fr.mediance.protocol;

import java.time.Instant;

/**
 * A device an account signed in from ({@link ApiPaths#ACCOUNT_DEVICES}). {@code id} is the server's reference (for
 * {@link ApiPaths#DEVICE_REVOKE}); {@code revokedAt}: revoked, to be wiped; {@code wipeAfter}: from then on every
 * request from it is refused; {@code wipedAt}: it has confirmed its wipe.
 */
public record DeviceDto(
        String id,
        String deviceId,
        Instant firstSeenAt,
        Instant lastSeenAt,
        Instant lastSyncAt,
        String appVersion,
        Instant revokedAt,
        Instant wipeAfter,
        Instant wipedAt) {}
