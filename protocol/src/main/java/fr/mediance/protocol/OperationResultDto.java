package fr.mediance.protocol;

/** The server's receipt for one operation. {@code version} is the record's server version once stored. */
public record OperationResultDto(String opId, OpStatus status, Long version, String code, String message) {}
