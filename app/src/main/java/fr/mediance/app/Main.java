package fr.mediance.app;

import fr.mediance.app.core.SelfCheck;
import fr.mediance.app.core.store.Database;
import fr.mediance.protocol.json.MedianceJson;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import javafx.application.Application;

/**
 * Launcher (a plain class, so the JavaFX runtime can be on the class path). Options: {@code --server URL},
 * {@code --data-dir DIR}, {@code --size WIDTHxHEIGHT}; {@code --self-check} runs the core's self-check
 * without a window and exits 0 (ok) or 1.
 */
public final class Main {

    private Main() {}

    /**
     * Loads, off the toolkit's thread, what the core, the first unlock and the first screen need (a failure costs
     * nothing): the store's driver and ciphers, the JSON adapters, the names of days and months the agenda shows. Not
     * the HTTP client (its TLS trust store alone is tens of ms of a core): the first sync makes it, after the first
     * frame.
     */
    private static void preload() {
        Database.preload();
        try {
            MedianceJson.gson();
            DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.FRANCE).format(LocalDate.now());
        } catch (RuntimeException | LinkageError e) {
            System.getLogger(Main.class.getName()).log(System.Logger.Level.DEBUG, "preload: {0}", e.toString());
        }
    }

    public static void main(String[] args) {
        AppOptions options = AppOptions.parse(Arrays.asList(args));
        if (options.selfCheck()) {
            SelfCheck.Result result =
                    SelfCheck.run(options.dataDir().orElse(Path.of(System.getProperty("java.io.tmpdir"))));
            result.lines().forEach(System.out::println);
            System.out.println(result.ok() ? "self-check: ok" : "self-check: FAILED");
            System.exit(result.ok() ? 0 : 1);
            return;
        }
        StartupProbe.phase("main");
        // the store's native library and ciphers, the JSON adapters and the calendar's names load on the second core
        // while the toolkit starts
        Thread preload = new Thread(Main::preload, "mediance-preload");
        preload.setDaemon(true);
        preload.start();
        Application.launch(MedianceApp.class, args);
    }
}
