package fr.mediance.app.core.platform;

import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/** A monitor whose state only changes when told: for tests, demos and platforms without a probe. */
public final class ManualNetworkMonitor implements NetworkMonitor {
    private final ReadOnlyBooleanWrapper online;
    private final Executor ui;

    public ManualNetworkMonitor(boolean initiallyOnline, Executor ui) {
        this.online = new ReadOnlyBooleanWrapper(this, "online", initiallyOnline);
        this.ui = Objects.requireNonNull(ui);
    }

    public ManualNetworkMonitor(boolean initiallyOnline) {
        this(initiallyOnline, Runnable::run);
    }

    @Override
    public ReadOnlyBooleanProperty onlineProperty() {
        return online.getReadOnlyProperty();
    }

    @Override
    public void report(boolean reachable) {
        ui.execute(() -> online.set(reachable));
    }

    public void setOnline(boolean value) {
        report(value);
    }
}
