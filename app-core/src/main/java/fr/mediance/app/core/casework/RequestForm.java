package fr.mediance.app.core.casework;

import java.time.LocalDate;
import java.util.List;

/**
 * A request as typed: when it came ({@code receivedOn}, today if null) and how ({@code channel}, one of
 * {@link fr.mediance.protocol.Casework#CHANNELS}), who referred the resident (a code of the "referrer" list), its
 * domains, urgency flags ({@link fr.mediance.protocol.Casework#URGENCIES}) with the court date when flagged, and a
 * free description.
 */
public record RequestForm(
        String residentId,
        LocalDate receivedOn,
        String channel,
        String referrer,
        List<String> domains,
        List<String> urgencies,
        LocalDate courtDate,
        String description) {
    public RequestForm {
        domains = domains == null ? List.of() : List.copyOf(domains);
        urgencies = urgencies == null ? List.of() : List.copyOf(urgencies);
    }
}
