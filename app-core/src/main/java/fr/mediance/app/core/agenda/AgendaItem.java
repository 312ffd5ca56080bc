package fr.mediance.app.core.agenda;

import java.time.Instant;
import java.util.List;

/**
 * An appointment with what the counsellor needs to find the resident: name, address, phone, access notes.
 * {@code type} and {@code status} are codes (lists "appointment_type", "appointment_status").
 * {@code address} is the appointment's address, or the resident's when the appointment has none.
 * {@code pendingSync} is true while a local change waits to be sent. {@code checklist}: what to bring back or
 * collect; {@code safetyNotes}: e.g. a visit in pairs. {@code locked}: fixed by the coordination;
 * {@code plannedBy}: the account that planned it (null until the server said so, for older records).
 */
public record AgendaItem(
        String appointmentId,
        String type,
        Instant start,
        Instant end,
        String status,
        String statusReason,
        String address,
        String notes,
        String residentId,
        String residentName,
        String residentPhone,
        String accessNotes,
        String counsellorId,
        String counsellorName,
        ReportState reportState,
        String reportId,
        boolean pendingSync,
        List<String> checklist,
        String safetyNotes,
        boolean locked,
        String plannedBy) {
    public AgendaItem {
        checklist = checklist == null ? List.of() : List.copyOf(checklist);
    }

    /** An appointment not locked, its planner unknown. */
    public AgendaItem(
            String appointmentId,
            String type,
            Instant start,
            Instant end,
            String status,
            String statusReason,
            String address,
            String notes,
            String residentId,
            String residentName,
            String residentPhone,
            String accessNotes,
            String counsellorId,
            String counsellorName,
            ReportState reportState,
            String reportId,
            boolean pendingSync,
            List<String> checklist,
            String safetyNotes) {
        this(
                appointmentId,
                type,
                start,
                end,
                status,
                statusReason,
                address,
                notes,
                residentId,
                residentName,
                residentPhone,
                accessNotes,
                counsellorId,
                counsellorName,
                reportState,
                reportId,
                pendingSync,
                checklist,
                safetyNotes,
                false,
                null);
    }

    @Override
    public String toString() {
        return "AgendaItem[id=" + appointmentId + ", start=" + start + ", status=" + status + "]";
    }
}
