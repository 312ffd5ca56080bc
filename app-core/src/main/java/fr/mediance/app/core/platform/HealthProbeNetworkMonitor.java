package fr.mediance.app.core.platform;

import fr.mediance.app.core.remote.RemoteClient;
import fr.mediance.app.core.remote.RemoteResult;
import fr.mediance.protocol.HealthDto;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * Online means "the office server answered": {@link #probe()} calls the health endpoint, and every other
 * request reports what it saw through {@link #report}. A platform connectivity signal may call
 * {@link #report} too. The property changes on the UI executor.
 */
public final class HealthProbeNetworkMonitor implements NetworkMonitor {
    private final Supplier<Optional<RemoteClient>> remote;
    private final Executor ui;
    private final ReadOnlyBooleanWrapper online = new ReadOnlyBooleanWrapper(this, "online", false);
    private volatile boolean current;

    public HealthProbeNetworkMonitor(Supplier<Optional<RemoteClient>> remote, Executor ui) {
        this.remote = remote;
        this.ui = ui;
    }

    @Override
    public ReadOnlyBooleanProperty onlineProperty() {
        return online.getReadOnlyProperty();
    }

    @Override
    public boolean isOnline() {
        return current;
    }

    @Override
    public void report(boolean reachable) {
        current = reachable;
        ui.execute(() -> online.set(current));
    }

    /** Calls the health endpoint (blocking) and returns whether the server answered "ok"-ish (any 2xx). */
    public boolean probe() {
        Optional<RemoteClient> client = remote.get();
        if (client.isEmpty()) {
            report(false);
            return false;
        }
        RemoteResult<HealthDto> r = client.get().health();
        boolean up = r.isOk();
        report(up);
        return up;
    }
}
