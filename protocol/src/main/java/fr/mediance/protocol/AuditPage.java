package fr.mediance.protocol;

import java.util.List;

/**
 * One page of the audit log, newest first. {@code next} is the value of {@link ApiPaths#PARAM_BEFORE} that asks
 * for the next (older) page, or null on the last page.
 */
public record AuditPage(List<AuditEventDto> events, String next) {
    public AuditPage {
        events = events == null ? List.of() : List.copyOf(events);
    }
}
