package fr.mediance.protocol;

import java.util.List;

/**
 * An error answer, {@code application/problem+json} (RFC 9457). {@code title} and {@code detail} are French
 * sentences for a person; {@code code} is stable for programs.
 */
public record ProblemDto(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        String code,
        List<FieldErrorDto> errors) {
    public static final String MEDIA_TYPE = "application/problem+json";

    public ProblemDto {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }
}
