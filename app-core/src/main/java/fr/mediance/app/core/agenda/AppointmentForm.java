package fr.mediance.app.core.agenda;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * What a coordinator fills in to plan an appointment. Date and time are local (Europe/Paris).
 * {@code address} may be blank: the resident's address is used. {@code type} defaults to "home_visit".
 * {@code checklist}: what to bring or collect, one item each.
 */
public record AppointmentForm(
        String residentId,
        String counsellorId,
        String type,
        LocalDate date,
        LocalTime startTime,
        Duration duration,
        String address,
        String notes,
        List<String> checklist) {
    public AppointmentForm {
        checklist = checklist == null ? List.of() : List.copyOf(checklist);
    }

    /** A form without a checklist. */
    public AppointmentForm(
            String residentId,
            String counsellorId,
            String type,
            LocalDate date,
            LocalTime startTime,
            Duration duration,
            String address,
            String notes) {
        this(residentId, counsellorId, type, date, startTime, duration, address, notes, List.of());
    }
}
