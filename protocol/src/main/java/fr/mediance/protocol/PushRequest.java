package fr.mediance.protocol;

import java.util.List;

/** Body of {@link ApiPaths#SYNC_PUSH}: operations in the order they were made on the device. */
public record PushRequest(String deviceId, List<OperationDto> operations) {
    public PushRequest {
        operations = operations == null ? List.of() : List.copyOf(operations);
    }
}
