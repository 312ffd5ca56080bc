package fr.mediance.protocol;

import java.util.List;

/** A batch of a device's audit events, at most {@link Audit#MAX_EVENTS_PER_BATCH}. */
public record AuditEventsRequest(List<AuditEventDto> events) {
    public AuditEventsRequest {
        events = events == null ? List.of() : List.copyOf(events);
    }
}
