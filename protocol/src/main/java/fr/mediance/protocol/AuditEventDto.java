package fr.mediance.protocol;

import java.time.Instant;

/**
 * One entry of the audit log: who ({@code accountId}, {@code accountName}, {@code deviceId}), when, what
 * ({@code action}, one of {@link Audit#ACTIONS}) on which record ({@code entityType}, {@code entityId}) of which
 * resident, and for a write the names of the fields changed (never their values) in {@code summary}.
 *
 * <p>A device sends its offline reads with an {@code id} it made (a UUID: sent again, the event is stored once),
 * its time, action, record and resident; the server ignores what the device says of the account and device and
 * takes them from the token. {@code source} is {@code server} or {@code device}.
 */
public record AuditEventDto(
        String id,
        Instant at,
        String accountId,
        String accountName,
        String deviceId,
        String source,
        String action,
        String entityType,
        String entityId,
        String residentId,
        String summary) {

    public static final String SOURCE_SERVER = "server";
    public static final String SOURCE_DEVICE = "device";

    /** An event as a device reports it (account, device and source are the server's to fill). */
    public static AuditEventDto fromDevice(
            String id,
            Instant at,
            String action,
            String entityType,
            String entityId,
            String residentId,
            String summary) {
        return new AuditEventDto(id, at, null, null, null, null, action, entityType, entityId, residentId, summary);
    }
}
