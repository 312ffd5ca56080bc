package fr.mediance.protocol;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The report of one contact with a resident (domain brief §2.6–§2.8), whatever the channel ({@code medium}:
 * home visit, desk, phone...). It travels once completed and is then immutable: a correction is a new report
 * whose {@code supersedes} names the one it replaces. Actions and orientations are what was done during this
 * contact; their later outcome is recorded by the contact that learns it (and follow-up tasks remind of it).
 * {@code domains} and {@code motifs} are codes (a motif's parent is its domain); {@code personsPresent} codes of
 * "person_present". {@code residentSignatureDocumentId} names the signature drawn by the resident, or
 * {@code visitAttested} says the counsellor attests the visit without one. {@code checkIn} is the optional
 * position recorded on arrival.
 */
public record VisitReportDto(
        String id,
        String structureId,
        String appointmentId,
        String residentId,
        String counsellorId,
        String medium,
        List<String> domains,
        String synthesis,
        String followUp,
        LocalDate followUpDue,
        Instant startedAt,
        Instant completedAt,
        String supersedes,
        String place,
        Integer durationMinutes,
        List<String> personsPresent,
        List<String> motifs,
        EnergyCheckDto energy,
        List<ActionDto> actions,
        List<OrientationDto> orientations,
        String residentSignatureDocumentId,
        boolean visitAttested,
        CheckInDto checkIn)
        implements EntityDto {
    public VisitReportDto {
        domains = domains == null ? List.of() : List.copyOf(domains);
        personsPresent = personsPresent == null ? List.of() : List.copyOf(personsPresent);
        motifs = motifs == null ? List.of() : List.copyOf(motifs);
        actions = actions == null ? List.of() : List.copyOf(actions);
        orientations = orientations == null ? List.of() : List.copyOf(orientations);
    }

    /** The short form (no detail blocks): tests and older callers. */
    public VisitReportDto(
            String id,
            String structureId,
            String appointmentId,
            String residentId,
            String counsellorId,
            String medium,
            List<String> domains,
            String synthesis,
            String followUp,
            LocalDate followUpDue,
            Instant startedAt,
            Instant completedAt,
            String supersedes) {
        this(
                id,
                structureId,
                appointmentId,
                residentId,
                counsellorId,
                medium,
                domains,
                synthesis,
                followUp,
                followUpDue,
                startedAt,
                completedAt,
                supersedes,
                null,
                null,
                List.of(),
                List.of(),
                null,
                List.of(),
                List.of(),
                null,
                false,
                null);
    }
}
