package fr.mediance.app;

import fr.mediance.app.agenda.AgendaView;
import fr.mediance.app.core.CoreContext;
import fr.mediance.app.shell.AppShell;
import fr.mediance.app.theme.Styles;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * For the startup benchmark only ({@code -Dmediance.startupProbe=true}): unlocks with the PIN given in
 * {@code MEDIANCE_STARTUP_PIN}, prints {@code first agenda frame <ms since the process started>} on the first frame
 * where the agenda shows its appointments, and quits. Inactive otherwise.
 */
final class StartupProbe {
    static final String PROPERTY = "mediance.startupProbe";

    private StartupProbe() {}

    /** Milliseconds since the process started. */
    static long sinceStart() {
        Instant started = ProcessHandle.current().info().startInstant().orElse(Instant.now());
        return Duration.between(started, Instant.now()).toMillis();
    }

    /** Prints where the start-up stands (standard error, with the probe only). */
    static void phase(String what) {
        if (enabled()) {
            System.err.println("startup probe: " + what + " at " + sinceStart() + " ms");
        }
    }

    static boolean enabled() {
        return Boolean.getBoolean(PROPERTY);
    }

    static void install(Scene scene, AppComposition composition, CoreContext core, Executor background) {
        AppShell shell = composition.shell();
        String pin = System.getenv("MEDIANCE_STARTUP_PIN");
        if (pin == null) {
            System.err.println("startup probe: MEDIANCE_STARTUP_PIN is not set");
            Platform.exit();
            return;
        }
        Runnable[] listener = new Runnable[1];
        boolean[] home = new boolean[1];
        listener[0] = () -> {
            if (!home[0] && shell.navigator().current() instanceof AgendaView) {
                home[0] = true;
                phase("agenda laid out, its day not yet");
            }
            if (shell.navigator().current() instanceof AgendaView agenda
                    && !agenda.node().lookupAll("." + Styles.LIST_ITEM).isEmpty()) {
                scene.removePostLayoutPulseListener(listener[0]);
                System.out.println("first agenda frame " + sinceStart() + " ms");
                System.out.flush();
                Platform.exit();
            }
        };
        scene.addPostLayoutPulseListener(listener[0]);
        phase("stage shown, unlocking");
        background.execute(() -> {
            core.unlock(pin);
            phase("unlocked");
        });
        // as the PIN screen does once the PIN is typed: home is built while the key is derived
        Platform.runLater(() -> {
            composition.prepareHome();
            phase("home prepared");
        });
    }
}
