package fr.mediance.app.map;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * Where the map's background tiles come from and where they are kept: a tile server's URL template ({@code {z}},
 * {@code {x}}, {@code {y}}), by default OpenStreetMap's, which an office with many users replaces by its own server
 * (the OpenStreetMap tile policy forbids heavy use), and a cache folder on disk. Until {@link #configure} is called
 * no tile is fetched (tests, self-check): only tiles already in the cache are shown. Once set for the app, the same
 * for every map (the tile loader is created by the map library through the service loader).
 */
public final class MapTiles {

    /** OpenStreetMap's standard tiles (see its tile usage policy before a deployment of any size). */
    public static final String OPENSTREETMAP = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";

    /** The attribution the OpenStreetMap licence (ODbL) asks for, shown on every map. */
    public static final String OPENSTREETMAP_ATTRIBUTION = "© OpenStreetMap";

    /** A URL template, or empty for no fetching; the cache folder, or empty for none. */
    public record Settings(Optional<String> urlTemplate, Optional<Path> cacheDir, String userAgent) {

        /** Nothing fetched, nothing cached. */
        public static Settings none() {
            return new Settings(Optional.empty(), Optional.empty(), "Mediance");
        }

        /**
         * From the app's options: {@code url} blank gives OpenStreetMap, {@code "off"} no fetching; tiles cached under
         * {@code cacheDir}.
         */
        public static Settings of(String url, Path cacheDir) {
            String u = url == null || url.isBlank() ? OPENSTREETMAP : url.trim();
            Optional<String> template = u.toLowerCase(Locale.ROOT).equals("off") ? Optional.empty() : Optional.of(u);
            return new Settings(template, Optional.ofNullable(cacheDir), "Mediance/0.1 (visites a domicile)");
        }

        /** The address of one tile. */
        public String url(int zoom, long x, long y) {
            return urlTemplate
                    .orElseThrow()
                    .replace("{z}", Integer.toString(zoom))
                    .replace("{x}", Long.toString(x))
                    .replace("{y}", Long.toString(y));
        }
    }

    private static volatile Settings settings = Settings.none();
    private static final ReadOnlyBooleanWrapper UNAVAILABLE = new ReadOnlyBooleanWrapper(true);

    private MapTiles() {}

    /** Sets where tiles come from and are kept, before the first map is shown. */
    public static void configure(Settings s) {
        settings = s;
        runOnFx(() -> UNAVAILABLE.set(s.urlTemplate().isEmpty()));
    }

    public static Settings settings() {
        return settings;
    }

    /** True when tiles cannot be fetched (none configured, or the last fetch failed): the map shows a notice. */
    public static ReadOnlyBooleanProperty unavailableProperty() {
        return UNAVAILABLE.getReadOnlyProperty();
    }

    static void reportFetch(boolean ok) {
        runOnFx(() -> UNAVAILABLE.set(!ok || settings.urlTemplate().isEmpty()));
    }

    private static void runOnFx(Runnable r) {
        if (Platform.isFxApplicationThread()) {
            r.run();
        } else {
            try {
                Platform.runLater(r);
            } catch (IllegalStateException toolkitNotStarted) {
                r.run();
            }
        }
    }
}
