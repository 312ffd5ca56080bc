package fr.mediance.server;

import fr.mediance.protocol.FieldErrorDto;

import java.util.List;

/**
 * An expected failure of a request: the rules said no. It carries a stable {@code code} for programs and a
 * French sentence for a person; the HTTP layer turns it into a problem answer in one place.
 */
public final class DomainException extends RuntimeException {

    /** What kind of "no" this is; the HTTP layer maps each kind to one status. */
    public enum Kind {
        INVALID, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, TOO_LARGE, UNSUPPORTED_MEDIA_TYPE, UNPROCESSABLE,
        LOCKED
    }

    private final Kind kind;
    private final String code;
    private final transient List<FieldErrorDto> errors;

    public DomainException(Kind kind, String code, String message) {
        this(kind, code, message, List.of());
    }

    public DomainException(Kind kind, String code, String message, List<FieldErrorDto> errors) {
        super(message, null, false, false);
        this.kind = kind;
        this.code = code;
        this.errors = List.copyOf(errors);
    }

    public static DomainException invalid(String code, String message) {
        return new DomainException(Kind.INVALID, code, message);
    }

    public static DomainException unauthenticated(String code, String message) {
        return new DomainException(Kind.UNAUTHENTICATED, code, message);
    }

    public static DomainException forbidden(String message) {
        return new DomainException(Kind.FORBIDDEN, "forbidden", message);
    }

    public static DomainException notFound(String code, String message) {
        return new DomainException(Kind.NOT_FOUND, code, message);
    }

    public static DomainException tooLarge(String code, String message) {
        return new DomainException(Kind.TOO_LARGE, code, message);
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public List<FieldErrorDto> errors() {
        return errors;
    }
}
