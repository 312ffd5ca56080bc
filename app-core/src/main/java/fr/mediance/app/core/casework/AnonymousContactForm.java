package fr.mediance.app.core.casework;

import java.util.List;

/**
 * An anonymous desk or phone contact as typed: its channel ({@link fr.mediance.protocol.Casework#ANONYMOUS_CHANNELS}),
 * domains, motifs, what was done (action type codes), an age band at most and its duration. No name, no free text.
 */
public record AnonymousContactForm(
        String channel,
        List<String> domains,
        List<String> motifs,
        List<String> actionTypes,
        String ageBand,
        Integer durationMinutes) {
    public AnonymousContactForm {
        domains = domains == null ? List.of() : List.copyOf(domains);
        motifs = motifs == null ? List.of() : List.copyOf(motifs);
        actionTypes = actionTypes == null ? List.of() : List.copyOf(actionTypes);
    }
}
