package fr.mediance.app.core.agenda;

import fr.mediance.app.core.Outcome;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

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
}
