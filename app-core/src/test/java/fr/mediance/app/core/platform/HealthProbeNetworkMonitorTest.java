package fr.mediance.app.core.platform;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.remote.RemoteClient;
import fr.mediance.app.core.remote.TokenStore;
import fr.mediance.app.core.testing.TestCores;
import fr.mediance.testing.FakeOfficeServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HealthProbeNetworkMonitorTest {
    final FakeOfficeServer server = new FakeOfficeServer();
    final RemoteClient client = new RemoteClient(server.url(), "d", TokenStore.inMemory(), TestCores.http());

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void onlineFollowsTheHealthEndpointOnTheUiExecutor() {
        List<Runnable> ui = new ArrayList<>();
        HealthProbeNetworkMonitor monitor = new HealthProbeNetworkMonitor(() -> Optional.of(client), ui::add);

        assertThat(monitor.probe()).isTrue();
        assertThat(monitor.isOnline()).isTrue();
        assertThat(monitor.onlineProperty().get()).isFalse(); // not yet published on the UI thread
        ui.forEach(Runnable::run);
        assertThat(monitor.onlineProperty().get()).isTrue();

        server.goOffline();
        assertThat(monitor.probe()).isFalse();
        ui.forEach(Runnable::run);
        assertThat(monitor.onlineProperty().get()).isFalse();
    }

    @Test
    void withoutAnAccountThereIsNothingToReach() {
        HealthProbeNetworkMonitor monitor = new HealthProbeNetworkMonitor(Optional::empty, Runnable::run);
        assertThat(monitor.probe()).isFalse();
    }
}
