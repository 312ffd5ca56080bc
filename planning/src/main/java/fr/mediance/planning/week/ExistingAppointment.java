package fr.mediance.planning.week;

import fr.mediance.planning.GeoPoint;
import java.time.LocalDateTime;

/**
 * An appointment already in a counsellor's agenda this week (times are Paris wall-clock times).
 *
 * <p>Every existing appointment keeps its counsellor and its time: the planner fits new visits around it, counting
 * the travel to and from it, and never overlaps it. {@code locked} marks the ones that must never move even by
 * hand (confirmed with the resident, court date…); it is carried through to the plan. To let the planner re-plan an
 * unlocked proposal, the caller leaves it out of the existing appointments and sends it as a {@link VisitRequest}
 * instead (the server then replaces the old proposal with the new one).
 *
 * @param id the appointment's id
 * @param counsellorId whose agenda it is in
 * @param start start, Europe/Paris wall-clock
 * @param end end, Europe/Paris wall-clock
 * @param location where it takes place (the office's own location for a desk appointment)
 * @param locked never moved
 * @param label short label shown in the round (e.g. "RDV 2026-0311"), without resident names
 */
public record ExistingAppointment(
        String id,
        String counsellorId,
        LocalDateTime start,
        LocalDateTime end,
        GeoPoint location,
        boolean locked,
        String label) {}
