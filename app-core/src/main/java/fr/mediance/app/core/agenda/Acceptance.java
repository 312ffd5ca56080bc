package fr.mediance.app.core.agenda;

import java.util.List;

/**
 * What accepting proposed visits did: the appointments {@code created} (status proposed), the visits left aside
 * because they now {@code overlap} an appointment held on this device, and those whose request is
 * {@code alreadyAnswered} by a live appointment (an acceptance made twice).
 */
public record Acceptance(
        List<AgendaItem> created, List<ProposedVisit> overlapping, List<ProposedVisit> alreadyAnswered) {
    public Acceptance {
        created = List.copyOf(created);
        overlapping = List.copyOf(overlapping);
        alreadyAnswered = List.copyOf(alreadyAnswered);
    }
}
