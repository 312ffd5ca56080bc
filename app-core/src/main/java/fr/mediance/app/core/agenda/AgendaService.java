package fr.mediance.app.core.agenda;

import fr.mediance.app.core.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Appointments on this device (Europe/Paris days). Reads are local; every change is saved locally and
 * queued for the server in the same transaction. Methods block briefly: call them off the FX thread.
 */
public interface AgendaService {
    /** The signed-in counsellor's appointments of one day, by start time. */
    List<AgendaItem> myDay(LocalDate day);

    /** The signed-in counsellor's appointments of the Monday-to-Sunday week containing {@code anyDay}. */
    List<AgendaItem> myWeek(LocalDate anyDay);

    /** Every appointment held locally between two days (inclusive), by start time (coordinator view). */
    List<AgendaItem> planned(LocalDate from, LocalDate to);

    Optional<AgendaItem> find(String appointmentId);

    /**
     * What to read before leaving: the appointment, the resident's last completed contact, open tasks (status
     * todo, by due date) and documents whose due date or retention date falls before {@code today + horizonDays}.
     */
    Optional<Preparation> prepare(String appointmentId, LocalDate today, int horizonDays);

    /**
     * Plans an appointment (coordinator). Field keys of {@link Outcome.Invalid}: residentId, counsellorId,
     * type, date, startTime, duration, address, notes.
     */
    Outcome<AgendaItem> plan(AppointmentForm form);

    /**
     * Changes the status of an appointment (e.g. the resident was absent: "no_show"), with an optional reason.
     * Field keys: status, statusReason.
     */
    Outcome<AgendaItem> setStatus(String appointmentId, String status, String reason);

    /**
     * The active appointments of {@code counsellorId} held locally that a planned {@code [start, end)} would
     * overlap ({@link fr.mediance.protocol.AppointmentPlanning#overlap}), {@code exceptId} excluded (the one being
     * moved), by start.
     */
    List<AgendaItem> overlapping(String counsellorId, Instant start, Instant end, String exceptId);

    /** The resident's known availability (their preferred contact time), or null when none is recorded. */
    String residentAvailability(String residentId);

    /** The ids of the appointments named by an open overlap conflict the server reported. */
    Set<String> inOpenOverlap();

    /** Moves an appointment to another day, time and length. Field keys: date, startTime, duration. */
    Outcome<AgendaItem> reschedule(String appointmentId, LocalDate date, LocalTime startTime, Duration duration);

    /** Locks or unlocks an appointment (coordination). */
    Outcome<AgendaItem> setLocked(String appointmentId, boolean locked);

    /**
     * Creates the accepted visits of a week's proposal (coordination) in one local transaction, queued like any
     * appointment: type home visit, status proposed, the request answered, the resident's address. A visit that
     * overlaps an active appointment held here (or one created just before it) is left aside, and so is one whose
     * request already has a live appointment: accepting twice creates nothing more.
     */
    Acceptance acceptProposed(List<ProposedVisit> visits);

    /** The requests that an active appointment held on this device answers (not cancelled, not a no-show). */
    Set<String> answeredRequests();

    /** Replaces the checklist and the safety notes. Field keys: checklist, safetyNotes. */
    Outcome<AgendaItem> editDetails(String appointmentId, List<String> checklist, String safetyNotes);

    /**
     * Moves an appointment to {@code counsellorId} (the same or another) at {@code start}, its length kept (the
     * week's drag). Refused with a French message, nothing changed, when the account may not change it, when it
     * is locked or holds no time any more ({@link fr.mediance.protocol.AppointmentPlanning#refusalOfMove}), or when
     * it would overlap another active appointment of that counsellor held on this device. Queued with only the
     * fields it changes (counsellorId, start, end).
     */
    Outcome<AgendaItem> move(String appointmentId, String counsellorId, Instant start);

    /** Where the residents named live (file number, neighbourhood, point on the map), by id; unknown ids left out. */
    java.util.Map<String, ResidentPlace> places(java.util.Collection<String> residentIds);
}
