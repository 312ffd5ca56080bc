package fr.mediance.protocol;

/** One invalid field of a request, with a French message. */
public record FieldErrorDto(String field, String message) {}
