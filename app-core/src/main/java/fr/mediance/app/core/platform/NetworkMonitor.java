package fr.mediance.app.core.platform;

import javafx.beans.property.ReadOnlyBooleanProperty;

/**
 * Whether the office server is reachable now. The property changes on the UI executor the monitor was
 * built with (the FX thread in the app), so views may bind to it.
 */
public interface NetworkMonitor {
    ReadOnlyBooleanProperty onlineProperty();

    default boolean isOnline() {
        return onlineProperty().get();
    }

    /** Hint from a caller that just saw a request succeed or fail on the network. */
    void report(boolean reachable);
}
