package fr.mediance.app.core.agenda;

import java.util.List;

/**
 * What accepting proposed visits did: the appointments {@code created} (status proposed), the visits left aside
 * because they now {@code overlap} an appointment held on this device, those whose request is
 * {@code alreadyAnswered} by a live appointment (an acceptance made twice), and those whose resident's file is
 * {@code notHere} (not on this device, or a time that ends before it starts).
 */
public record Acceptance(
        List<AgendaItem> created,
        List<ProposedVisit> overlapping,
        List<ProposedVisit> alreadyAnswered,
        List<ProposedVisit> notHere) {
    public Acceptance {
        created = List.copyOf(created);
        overlapping = List.copyOf(overlapping);
        alreadyAnswered = List.copyOf(alreadyAnswered);
        notHere = List.copyOf(notHere);
    }
}
