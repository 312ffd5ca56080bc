package fr.mediance.app.testing;

import fr.mediance.app.AppComposition;
import fr.mediance.app.theme.Theme;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Base of the UI tests: a stage showing a composition, and waiting on conditions (never on time). */
public abstract class UiTest extends FxRobot {

    protected Stage stage;

    @org.junit.jupiter.api.BeforeEach
    void startToolkit() throws TimeoutException {
        stage = FxToolkit.registerPrimaryStage();
    }

    /** Builds the composition on the FX thread and shows it in a window of the given size. */
    protected AppComposition show(java.util.function.Supplier<AppComposition> composition, double width, double height)
            throws TimeoutException {
        AppComposition[] built = new AppComposition[1];
        FxToolkit.setupStage(s -> {
            Theme.applyUserAgent();
            built[0] = composition.get();
            Scene scene = new Scene(built[0].shell(), width, height);
            Theme.style(scene);
            s.setScene(scene);
            s.setWidth(width);
            s.setHeight(height);
            s.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        return built[0];
    }

    protected void cleanUp() throws TimeoutException {
        FxToolkit.cleanupStages();
    }

    /** Waits until the condition (checked on the FX thread) holds, at most 20 s. */
    protected static void until(BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(
                    20,
                    TimeUnit.SECONDS,
                    () -> WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get());
        } catch (TimeoutException e) {
            throw new AssertionError("condition not met in time", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    protected <T extends Node> T node(String query) {
        return lookup(query).query();
    }

    protected boolean exists(String query) {
        return lookup(query).tryQuery().isPresent();
    }

    protected String text(String query) {
        Node n = node(query);
        return n instanceof Labeled l ? l.getText() : String.valueOf(n);
    }

    protected boolean visible(String query) {
        return lookup(query).tryQuery().map(UiTest::shown).orElse(false);
    }

    private static boolean shown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return n.getScene() != null;
    }
}
