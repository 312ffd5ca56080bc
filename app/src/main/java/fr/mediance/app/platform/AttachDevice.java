package fr.mediance.app.platform;

import com.gluonhq.attach.display.DisplayService;
import com.gluonhq.attach.lifecycle.LifecycleEvent;
import com.gluonhq.attach.lifecycle.LifecycleService;
import com.gluonhq.attach.statusbar.StatusBarService;
import com.gluonhq.attach.util.Platform;
import javafx.geometry.Dimension2D;
import javafx.scene.paint.Color;

/**
 * Small device facts and hooks through Attach, each with a desktop answer: the window size to open with,
 * the status-bar colour, pause/resume. Call on the FX thread only (DisplayService off it breaks
 * {@code javafx.stage.Screen}).
 */
public final class AttachDevice {

    /** Desktop window: a tablet in portrait, scaled to fit most screens. */
    public static final Dimension2D DESKTOP_WINDOW = new Dimension2D(800, 1000);

    private AttachDevice() {}

    public static boolean isMobile() {
        return !Platform.isDesktop();
    }

    /** The size to give the stage: the full screen on a device, a tablet-like window on a desktop. */
    public static Dimension2D windowSize(double screenWidth, double screenHeight) {
        if (isMobile()) {
            return DisplayService.create()
                    .map(DisplayService::getDefaultDimensions)
                    .orElse(new Dimension2D(screenWidth, screenHeight));
        }
        return new Dimension2D(
                Math.min(DESKTOP_WINDOW.getWidth(), screenWidth),
                Math.min(DESKTOP_WINDOW.getHeight(), screenHeight - 60));
    }

    public static void statusBarColor(Color color) {
        StatusBarService.create().ifPresent(s -> s.setColor(color));
    }

    /** Runs {@code onPause}/{@code onResume} when the app goes to the background and comes back (devices only). */
    public static void onLifecycle(Runnable onPause, Runnable onResume) {
        LifecycleService.create().ifPresent(l -> {
            l.addListener(LifecycleEvent.PAUSE, onPause);
            l.addListener(LifecycleEvent.RESUME, onResume);
        });
    }
}
