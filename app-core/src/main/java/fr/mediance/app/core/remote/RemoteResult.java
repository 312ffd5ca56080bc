package fr.mediance.app.core.remote;

import fr.mediance.app.core.CoreMessages;
import fr.mediance.protocol.ProblemDto;
import java.util.function.Function;

/**
 * The answer of one call to the office server. Expected failures are values, never exceptions:
 * {@link Ok}, {@link Unauthorised} (401 after a refresh attempt), {@link ClientError} (4xx with the
 * server's problem), {@link ServerError} (5xx) and {@link NetworkError} (no answer at all).
 */
public sealed interface RemoteResult<T> {
    /** The {@link NetworkError} reason of a server whose certificate is not the one remembered at enrolment. */
    String CERTIFICATE_CHANGED = "certificate_changed";

    record Ok<T>(T value) implements RemoteResult<T> {}

    /** The server refused the credentials or the session; {@code problem} may be null. */
    record Unauthorised<T>(ProblemDto problem) implements RemoteResult<T> {}

    /** A 4xx other than 401; {@code problem} may be null when the body was not a problem document. */
    record ClientError<T>(int status, ProblemDto problem) implements RemoteResult<T> {}

    record ServerError<T>(int status, ProblemDto problem) implements RemoteResult<T> {}

    /** No usable answer: connection refused or cut, timeout, unreadable body. {@code reason} is technical. */
    record NetworkError<T>(String reason) implements RemoteResult<T> {}

    default boolean isOk() {
        return this instanceof Ok;
    }

    default T value() {
        if (this instanceof Ok<T> ok) {
            return ok.value();
        }
        throw new IllegalStateException("not ok: " + this);
    }

    default <U> RemoteResult<U> map(Function<T, U> f) {
        if (this instanceof Ok<T> ok) {
            return new Ok<>(f.apply(ok.value()));
        }
        return castFailure();
    }

    @SuppressWarnings("unchecked")
    default <U> RemoteResult<U> castFailure() {
        if (this instanceof Ok) {
            throw new IllegalStateException("not a failure");
        }
        return (RemoteResult<U>) this;
    }

    /** A short French message for the user. */
    default String userMessage() {
        if (this instanceof Ok) {
            return "";
        }
        if (this instanceof Unauthorised<T> u) {
            return problemText(u.problem(), CoreMessages.get("remote.unauthorised"));
        }
        if (this instanceof ClientError<T> c) {
            return problemText(c.problem(), CoreMessages.get("remote.clientError", c.status()));
        }
        if (this instanceof ServerError<T> s) {
            return CoreMessages.get("remote.serverError", s.status());
        }
        if (certificateChanged()) {
            return CoreMessages.get("remote.certificateChanged");
        }
        return CoreMessages.get("remote.networkError");
    }

    /** Whether the connection was refused because the server's certificate changed since the enrolment. */
    default boolean certificateChanged() {
        return this instanceof NetworkError<T> n && CERTIFICATE_CHANGED.equals(n.reason());
    }

    private static String problemText(ProblemDto p, String fallback) {
        if (p == null) {
            return fallback;
        }
        if (p.detail() != null && !p.detail().isBlank()) {
            return p.detail();
        }
        if (p.title() != null && !p.title().isBlank()) {
            return p.title();
        }
        return fallback;
    }

    /** The stable problem code of a failure, or null. */
    default String problemCode() {
        ProblemDto p = null;
        if (this instanceof Unauthorised<T> u) {
            p = u.problem();
        } else if (this instanceof ClientError<T> c) {
            p = c.problem();
        } else if (this instanceof ServerError<T> s) {
            p = s.problem();
        }
        return p == null ? null : p.code();
    }
}
