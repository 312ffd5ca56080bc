package fr.mediance.protocol;

import java.util.List;

/** One result per pushed operation, in the same order. */
public record PushResponse(List<OperationResultDto> results) {
    public PushResponse {
        results = results == null ? List.of() : List.copyOf(results);
    }
}
