package fr.mediance.app.core.visit;

import fr.mediance.app.core.Outcome;
import fr.mediance.protocol.ActionDto;
import fr.mediance.protocol.OrientationDto;
import java.time.LocalDate;
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

    /**
     * A new draft report for a contact that was not planned (a desk visit, a phone call...) with this medium
     * (a code of "medium"), started now. Empty if the resident is unknown on this device.
     */
    Optional<VisitReport> startContact(String residentId, String medium);

    /**
     * "Corriger": a new draft that copies a completed report and supersedes it (the completed one stays as it
     * was). If a correction is already being written, that draft. A draft is returned as it is.
     */
    Outcome<VisitReport> correct(String reportId);

    /** Drafts not yet completed, most recently edited first (to resume after a restart). */
    List<VisitReport> drafts();

    /**
     * Autosave: stores the draft's editable fields (medium, domains, synthesis, follow-up, due date) as they
     * are. Fails if the report is completed (frozen) or unknown. Never validates: a draft may be incomplete.
     */
    Outcome<VisitReport> saveDraft(VisitReport draft);

    /**
     * What would block completion now: field → French message. Fields: medium, place, duration, personsPresent,
     * domains, motifs, synthesis, followUp, followUpDue, energy.kva, energy.since, action.{i}.{field},
     * orientation.{i}.{field}, task.{i}.title / due, signature (neither signed nor attested).
     */
    Map<String, String> validate(VisitReport draft);

    /**
     * One action before it is added to a report: type, domain, result, target, reference, note, amountRequested,
     * amountObtained, and "mandate" when it is done on behalf of the resident without an active mandate
     * covering its domain on its date (or {@code visitDay} when it has none).
     */
    Map<String, String> validateAction(String residentId, ActionDto action, LocalDate visitDay);

    /** One orientation before it is added: target (required), reason, mode, feedback. */
    Map<String, String> validateOrientation(OrientationDto orientation);

    /**
     * "Terminer la visite": validates the saved draft (signed by the resident or attested); if valid, freezes it
     * (completedAt = now), creates its follow-up tasks (typed ones and those of the "task_rule" list), marks the
     * appointment "done" and queues report, documents, tasks and appointment status for sync, in one transaction.
     */
    Outcome<VisitReport> complete(String reportId);
}
