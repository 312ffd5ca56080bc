package fr.mediance.app;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.platform.DocumentCapture;
import fr.mediance.app.shell.AppShell;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ResourceBundle;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * What a feature's screens need from the composition root: the core, the platform, the texts, the executors,
 * the shell, a place to register what must be disposed when the user leaves home, and the ways to open the
 * screens of other features (a visit by its appointment id, a resident's file by the resident's id).
 */
public record ScreenContext(
        CoreContext core,
        DocumentCapture capture,
        ResourceBundle texts,
        Executor background,
        Executor fx,
        Clock clock,
        ZoneId zone,
        AppShell shell,
        Consumer<Runnable> onDispose,
        Consumer<String> openVisit,
        Consumer<String> openResidentFile) {}
