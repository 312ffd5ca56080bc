package fr.mediance.planning.week;

import java.time.LocalDateTime;
import java.util.List;

/**
 * A stop of a round: a planned visit, or an existing appointment kept where it was.
 *
 * @param kind a planned request or an existing appointment
 * @param id the request's id, or the appointment's id
 * @param label the file number of a visit; the appointment's label
 * @param start start of the visit
 * @param end end of the visit
 * @param travelMinutesBefore travel from the previous stop (or the office) to this one
 * @param locked an existing appointment marked locked
 * @param explanations for a planned visit, short French sentences: why this day, why this counsellor (empty for
 *     appointments)
 */
public record Stop(
        Kind kind,
        String id,
        String label,
        LocalDateTime start,
        LocalDateTime end,
        int travelMinutesBefore,
        boolean locked,
        List<String> explanations) {

    public enum Kind {
        VISIT,
        APPOINTMENT
    }

    public Stop {
        explanations = List.copyOf(explanations);
    }
}
