package fr.mediance.server;

import fr.mediance.protocol.FieldErrorDto;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An expected failure of a request: the rules said no. It carries a stable {@code code} for programs and a
 * French sentence for a person; the HTTP layer turns it into a problem answer in one place.
 */
public final class DomainException extends RuntimeException {

    /** What kind of "no" this is; the HTTP layer maps each kind to one status. */
    public enum Kind {
        INVALID,
        UNAUTHENTICATED,
        FORBIDDEN,
        NOT_FOUND,
        TOO_LARGE,
        UNSUPPORTED_MEDIA_TYPE,
        UNPROCESSABLE,
        LOCKED,
        /** The request does not fit the resource's current state (e.g. a resumable upload's offset). */
        CONFLICT,
        /** The resource existed and has expired. */
        GONE,
        /** A precondition of the protocol is not met (e.g. an unsupported tus version). */
        PRECONDITION_FAILED,
        /** The resource is being changed by another request; try again shortly. */
        BUSY,
        /** Bytes that do not match the checksum sent with them (tus: 460). */
        CHECKSUM_MISMATCH,
        /** The request's body did not arrive in time (408). */
        TIMEOUT,
        /** The server cannot take this request now (its capacity is in use); try again after a while (503). */
        UNAVAILABLE
    }

    private final Kind kind;
    private final String code;
    private final transient List<FieldErrorDto> errors;
    private final transient Map<String, String> headers;

    public DomainException(Kind kind, String code, String message) {
        this(kind, code, message, List.of());
    }

    public DomainException(Kind kind, String code, String message, List<FieldErrorDto> errors) {
        this(kind, code, message, errors, Map.of());
    }

    private DomainException(
            Kind kind, String code, String message, List<FieldErrorDto> errors, Map<String, String> headers) {
        super(message, null, false, false);
        this.kind = kind;
        this.code = code;
        this.errors = List.copyOf(errors);
        this.headers = headers;
    }

    /** The same failure with one more response header (e.g. the offset the server holds). */
    public DomainException withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new DomainException(kind, code, getMessage(), errors, java.util.Collections.unmodifiableMap(h));
    }

    /** Response headers that go with the problem answer. */
    public Map<String, String> headers() {
        return headers;
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
