package fr.mediance.app.core.visit;

import fr.mediance.app.core.Outcome;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Visit reports written on this device. Drafts are saved locally as they are typed and never leave the
 * device; {@link #complete} freezes the report, marks the appointment done and queues the report, its
 * photos and the appointment status for the server, all in one transaction. Methods block briefly on the
 * local database: call them off the FX thread.
 */
public interface VisitService {
    /**
     * The report of an appointment: the existing draft or completed report, or a new draft (medium
     * "home_visit" for a home appointment, started now). Empty if the appointment is unknown.
     */
    Optional<VisitReport> openForAppointment(String appointmentId);

    Optional<VisitReport> find(String reportId);

    /**
     * A new draft report for a contact with a resident that was not planned as an appointment (medium
     * "home_visit", started now). Empty if the resident is unknown on this device.
     */
    Optional<VisitReport> startForResident(String residentId);

    /** Drafts not yet completed, most recently edited first (to resume after a restart). */
    List<VisitReport> drafts();

    /**
     * Autosave: stores the draft's editable fields (medium, domains, synthesis, follow-up, due date) as they
     * are. Fails if the report is completed (frozen) or unknown. Never validates: a draft may be incomplete.
     */
    Outcome<VisitReport> saveDraft(VisitReport draft);

    /** What would block completion now: field (medium, domains, synthesis, followUp, followUpDue) → French message. */
    Map<String, String> validate(VisitReport draft);

    /**
     * "Terminer la visite": validates the saved draft; if valid, freezes it (completedAt = now), marks the
     * appointment "done" and queues report, documents and appointment status for sync, in one transaction.
     */
    Outcome<VisitReport> complete(String reportId);
}
