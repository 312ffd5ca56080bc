package fr.mediance.app;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.platform.DocumentCapture;
import fr.mediance.app.core.platform.ExternalApps;
import fr.mediance.app.core.platform.Location;
import fr.mediance.app.platform.AttachAppDirectories;
import fr.mediance.app.platform.AttachDevice;
import fr.mediance.app.platform.AttachDocumentCapture;
import fr.mediance.app.platform.AttachExternalApps;
import fr.mediance.app.platform.AttachLocation;
import fr.mediance.app.platform.DesktopDocumentCapture;
import fr.mediance.app.platform.DesktopExternalApps;
import fr.mediance.app.theme.Theme;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.ResourceBundle;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Dimension2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.paint.Color;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The composition root: options, data directory, core, platform adapters, then the shell and its screens.
 * Everything is created here with {@code new}.
 */
public final class MedianceApp extends Application {

    private static final System.Logger LOG = System.getLogger(MedianceApp.class.getName());
    /** The resource bundle of every user-visible text. */
    public static final String BUNDLE = "fr.mediance.app.core.messages";

    private ExecutorService background;
    private CoreContext core;
    private AppComposition composition;
    private ResourceBundle texts;

    @Override
    public void start(Stage stage) {
        StartupProbe.phase("toolkit started");
        AppOptions options = AppOptions.parse(getParameters().getRaw());
        texts = bundle(options.english());
        installErrorHandler();
        Theme.applyUserAgent();
        StartupProbe.phase("user agent stylesheet");

        background = Executors.newFixedThreadPool(2, daemonThreads());
        // the purge and the first sync that follow an unlock wait for home's first frame
        AfterHomeFrame afterHome = new AfterHomeFrame(background);
        AttachAppDirectories dirs = AttachAppDirectories.create(options.dataDir());
        core = CoreContext.builder(dirs.dataDirectory())
                .clock(Clock.systemUTC())
                .background(background)
                .ui(Platform::runLater)
                .afterUnlock(afterHome)
                .autoSync(true)
                .build();
        StartupProbe.phase("core built");
        fr.mediance.app.map.MapTiles.configure(fr.mediance.app.map.MapTiles.Settings.of(
                options.tiles().orElse(null),
                options.tileCache().orElse(dirs.dataDirectory().resolve("map-tiles"))));
        DocumentCapture capture = AttachDocumentCapture.create(background)
                .orElseGet(() -> new DesktopDocumentCapture(
                        () -> stage,
                        background,
                        texts.getString("capture.chooser.title"),
                        texts.getString("capture.chooser.filter")));
        ExternalApps apps = AttachExternalApps.create()
                .orElseGet(() -> new DesktopExternalApps(getHostServices(), DesktopExternalApps::copyToClipboard));
        Location location = AttachLocation.create(Clock.systemUTC()).orElse(Location.NONE);
        composition = new AppComposition(
                core,
                capture,
                apps,
                location,
                texts,
                background,
                Platform::runLater,
                options.server().orElse(""));
        composition.holdUnlockWorkUntilHomeIsDrawn(afterHome);
        StartupProbe.phase("composition built");

        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Dimension2D size = options.size()
                .map(s -> new Dimension2D(s[0], s[1]))
                .orElseGet(() -> AttachDevice.windowSize(screen.getWidth(), screen.getHeight()));
        Scene scene = new Scene(composition.shell(), size.getWidth(), size.getHeight());
        Theme.style(scene);
        StartupProbe.phase("scene styled");
        stage.setTitle(texts.getString("app.name"));
        stage.setScene(scene);
        stage.show();
        StartupProbe.phase("stage shown");
        if (StartupProbe.enabled()) {
            StartupProbe.install(scene, composition, core, background);
        }
        AttachDevice.statusBarColor(Color.web("#0969da"));
        // back in the foreground: a sync starts (with the automatic triggers); in the background, no periodic sync
        AttachDevice.onLifecycle(core::appPaused, core::appResumed);
        // every input keeps the store open; 5 minutes without any, or a return from the background, asks the PIN
        scene.addEventFilter(
                javafx.scene.input.InputEvent.ANY, e -> core.idleLock().userActivity());
        // on a desktop, a minimised window is the background
        stage.iconifiedProperty().addListener((obs, was, now) -> {
            if (now) {
                core.appPaused();
            } else {
                core.appResumed();
            }
        });
    }

    /**
     * The texts: French (the users' language) whatever the device's locale, English with {@code --lang en}.
     * No fallback to the device's locale.
     */
    public static ResourceBundle bundle(boolean english) {
        return ResourceBundle.getBundle(
                BUNDLE,
                english ? java.util.Locale.ENGLISH : java.util.Locale.FRENCH,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    private void installErrorHandler() {
        AtomicInteger shown = new AtomicInteger();
        Thread.UncaughtExceptionHandler handler = (thread, error) -> {
            LOG.log(Level.ERROR, "unexpected error on " + thread.getName(), error);
            Platform.runLater(() -> {
                if (composition != null && shown.incrementAndGet() < 50) {
                    composition.shell().showError(texts.getString("app.error.unexpected"));
                }
            });
        };
        Thread.setDefaultUncaughtExceptionHandler(handler);
        Thread.currentThread().setUncaughtExceptionHandler(handler);
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "mediance-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void stop() {
        if (core != null) {
            core.close();
        }
        if (background != null) {
            background.shutdown();
        }
    }
}
