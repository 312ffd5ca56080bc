package fr.mediance.protocol;

import java.util.List;

/** The office's register of rights requests, the open ones first by due day, then the others. */
public record RightsRequestsResponse(List<RightsRequestDto> requests) {
    public RightsRequestsResponse {
        requests = requests == null ? List.of() : List.copyOf(requests);
    }
}
