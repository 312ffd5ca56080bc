package fr.mediance.app.core.agenda;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * What a coordinator fills in to plan an appointment. Date and time are local (Europe/Paris).
 * {@code address} may be blank: the resident's address is used. {@code type} defaults to "home_visit".
 */
public record AppointmentForm(
        String residentId,
        String counsellorId,
        String type,
        LocalDate date,
        LocalTime startTime,
        Duration duration,
        String address,
        String notes) {}
