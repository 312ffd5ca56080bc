package fr.mediance.protocol;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The report of one contact with a resident. It travels once completed and is then immutable: a
 * correction is a new report whose {@code supersedes} names the one it replaces.
 */
public record VisitReportDto(String id, String structureId, String appointmentId, String residentId,
                             String counsellorId, String medium, List<String> domains, String synthesis,
                             String followUp, LocalDate followUpDue, Instant startedAt, Instant completedAt,
                             String supersedes) implements EntityDto {
    public VisitReportDto {
        domains = domains == null ? List.of() : List.copyOf(domains);
    }
}
