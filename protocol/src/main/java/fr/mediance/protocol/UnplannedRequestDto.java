package fr.mediance.protocol;

/**
 * A request the proposal left out of the week, with why: {@code reason} a code of {@link Rounds#UNPLANNED_REASONS},
 * {@code message} the French sentence for the coordinator.
 */
public record UnplannedRequestDto(
        String requestId, String residentId, String fileNumber, String reason, String message) {}
