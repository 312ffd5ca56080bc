package fr.mediance.protocol;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The resident's mandate to the structure to act on their behalf (domain brief §2.3, modelled on Aidants
 * Connect): the démarches it covers as "domain" codes (the same codes as the reports' domains, so coverage of
 * an action is checkable), named creditors or organisations, its {@code duration} ("mandate_duration"),
 * start and end dates (inclusive), the resident's declaration of not being under a protection measure, the
 * place, the agents named, the two drawn signatures, the {@code channel} ("mandate_channel") and a revocation
 * time. A resident under a legal protection cannot sign one themselves.
 */
public record MandateDto(
        String id,
        String structureId,
        String residentId,
        List<String> demarches,
        List<String> creditors,
        String duration,
        LocalDate startDate,
        LocalDate endDate,
        Instant revokedAt,
        boolean notUnderProtection,
        String place,
        List<String> agentIds,
        String residentSignatureDocumentId,
        String agentSignatureDocumentId,
        String channel,
        Instant signedAt)
        implements EntityDto {
    public MandateDto {
        demarches = demarches == null ? List.of() : List.copyOf(demarches);
        creditors = creditors == null ? List.of() : List.copyOf(creditors);
        agentIds = agentIds == null ? List.of() : List.copyOf(agentIds);
    }

    /**
     * Whether the mandate covers an action of {@code agentId} in {@code domain} on {@code day}: the one rule of an
     * action "on behalf" of the resident, on the tablet and the server. The agent must be one the mandate names
     * (the resident mandated these people, not the structure as a whole).
     */
    public boolean coversActionOf(String agentId, String domain, LocalDate day, java.time.ZoneId zone) {
        return agentId != null && agentIds.contains(agentId) && covers(domain, day, zone);
    }

    /** Whether the mandate is in force on {@code day} and covers {@code domain} (whoever acts). */
    public boolean covers(String domain, LocalDate day, java.time.ZoneId zone) {
        if (startDate == null || endDate == null || day.isBefore(startDate) || day.isAfter(endDate)) {
            return false;
        }
        if (revokedAt != null && !LocalDate.ofInstant(revokedAt, zone).isAfter(day)) {
            return false;
        }
        return demarches.contains(domain);
    }
}
