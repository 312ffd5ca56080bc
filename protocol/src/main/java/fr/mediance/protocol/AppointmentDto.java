package fr.mediance.protocol;

import java.time.Instant;
import java.util.List;

/**
 * An appointment planned by a coordinator. {@code type}: home_visit, desk, phone, video. {@code status}:
 * proposed, confirmed, done, cancelled_by_resident, no_show, cancelled_by_structure (with
 * {@code statusReason}). {@code checklist} lists what to bring back or collect ("Récupérer l'avis
 * d'imposition 2025"); {@code safetyNotes} e.g. a visit in pairs. {@code locked}: the coordination fixed it (its
 * counsellor may then only report its status); only the coordination and the admin set or lift it.
 * {@code requestId}: the request it answers, if any. {@code plannedBy}: the account that planned it, set by the
 * server from the caller at creation and kept afterwards (whatever a device sends). What each side may change is
 * {@link AppointmentPlanning}'s.
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
        String safetyNotes,
        boolean locked,
        String requestId,
        String plannedBy)
        implements EntityDto {
    public AppointmentDto {
        checklist = checklist == null ? List.of() : List.copyOf(checklist);
    }

    /** An appointment not locked, answering no request, its planner not yet known (the server sets it). */
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
            String statusReason,
            List<String> checklist,
            String safetyNotes) {
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
                checklist,
                safetyNotes,
                false,
                null,
                null);
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

    /** This appointment with another planner (the server's stamp). */
    public AppointmentDto withPlannedBy(String accountId) {
        return new AppointmentDto(
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
                checklist,
                safetyNotes,
                locked,
                requestId,
                accountId);
    }
}
