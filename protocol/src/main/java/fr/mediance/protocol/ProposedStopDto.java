package fr.mediance.protocol;

import java.time.Instant;
import java.util.List;

/**
 * A stop of a proposed round. {@code kind} {@link Rounds#STOP_VISIT}: a request planned by the proposal
 * ({@code requestId}, its resident, the visit kind of its wish, and {@code explanations}: short French sentences
 * saying why this day and this counsellor, naming the file number, never the person). {@code kind}
 * {@link Rounds#STOP_APPOINTMENT}: an appointment already in the agenda ({@code appointmentId}), kept at its time.
 * {@code travelMinutesBefore}: from the office or the previous stop; {@code location} where it is, for the map (null
 * when unknown).
 */
public record ProposedStopDto(
        String kind,
        String requestId,
        String appointmentId,
        String residentId,
        String fileNumber,
        String visitKind,
        Instant start,
        Instant end,
        int travelMinutesBefore,
        boolean locked,
        GeoPointDto location,
        List<String> explanations) {
    public ProposedStopDto {
        explanations = explanations == null ? List.of() : List.copyOf(explanations);
    }
}
