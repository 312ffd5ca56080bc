package fr.mediance.protocol;

import java.time.Instant;

/** An account as its managers see it ({@link ApiPaths#ACCOUNTS}). */
public record AccountDto(
        String id,
        String username,
        String displayName,
        Role role,
        boolean active,
        boolean mustChangePassword,
        boolean secondFactorEnrolled,
        int failedLogins,
        Instant lastSeenAt,
        Instant lastSyncAt) {}
