package fr.mediance.server.geo;

/** The road network cannot be opened: the message says why, in French, for the person who starts the server. */
public final class RoadNetworkException extends RuntimeException {
    RoadNetworkException(String message) {
        super(message);
    }

    RoadNetworkException(String message, Throwable cause) {
        super(message, cause);
    }
}
