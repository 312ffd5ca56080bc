package fr.mediance.protocol;

import java.time.Instant;
import java.util.List;

/**
 * An appointment planned by a coordinator. {@code type}: home_visit, desk, phone, video. {@code status}:
 * proposed, confirmed, done, cancelled_by_resident, no_show, cancelled_by_structure (with
 * {@code statusReason}). {@code checklist} lists what to bring back or collect ("Récupérer l'avis
 * d'imposition 2025"); {@code safetyNotes} e.g. a visit in pairs.
 */
public record AppointmentDto(
        String id,
        String structureId,
        String residentId,
        String counsellorId,
        String type,
        Instant start,
        Instant end,
        String status,
        String address,
        String notes,
        String statusReason,
        List<String> checklist,
        String safetyNotes)
        implements EntityDto {
    public AppointmentDto {
        checklist = checklist == null ? List.of() : List.copyOf(checklist);
    }

    public AppointmentDto(
            String id,
            String structureId,
            String residentId,
            String counsellorId,
            String type,
            Instant start,
            Instant end,
            String status,
            String address,
            String notes,
            String statusReason) {
        this(
                id,
                structureId,
                residentId,
                counsellorId,
                type,
                start,
                end,
                status,
                address,
                notes,
                statusReason,
                List.of(),
                null);
    }
}
