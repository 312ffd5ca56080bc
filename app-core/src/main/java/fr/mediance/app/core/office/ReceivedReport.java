package fr.mediance.app.core.office;

import java.time.Instant;
import java.util.List;

/**
 * A completed visit report as the office sees it in the list. {@code domainLabels} are the French labels of
 * the report's domains. {@code photosAwaited}: photos whose bytes the server does not hold yet (no blob status
 * received for them), so the report is visible while its photos are still arriving.
 */
public record ReceivedReport(
        String reportId,
        Instant completedAt,
        String residentId,
        String residentName,
        String counsellorId,
        String counsellorName,
        List<String> domainLabels,
        int photoCount,
        int photosAwaited) {
    public ReceivedReport {
        domainLabels = domainLabels == null ? List.of() : List.copyOf(domainLabels);
    }
}
