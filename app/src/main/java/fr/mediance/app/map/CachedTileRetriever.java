package fr.mediance.app.map;

import com.gluonhq.maps.tile.TileRetriever;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.scene.image.Image;

/**
 * The map library's tile loader, found through the service loader ({@code META-INF/services}): a tile is read from
 * the cache folder ({@code z/x/y.png}) when there and less than {@link #FRESH} old, otherwise fetched from the
 * configured server ({@link MapTiles}) with two connections at most and a user agent (the OpenStreetMap tile
 * policy), then kept on disk. With no server configured, only cached tiles are shown; a missing tile is answered with
 * no image (never a failed future: Gluon Maps 2.0.0-ea+6 rethrows a failure already there on the FX thread) and the
 * map's markers and lines are drawn on the plain background.
 */
public final class CachedTileRetriever implements TileRetriever {

    /** Tiles are kept a week before being asked again (the OpenStreetMap policy's minimum). */
    static final Duration FRESH = Duration.ofDays(7);

    private static final int TIMEOUT_MS = 10_000;
    private static final ExecutorService FETCH = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "map-tiles");
        t.setDaemon(true);
        return t;
    });

    public CachedTileRetriever() {}

    @Override
    public CompletableFuture<Image> loadTile(int zoom, long x, long y) {
        MapTiles.Settings s = MapTiles.settings();
        Path cached = s.cacheDir()
                .map(d -> d.resolve(zoom + "/" + x + "/" + y + ".png"))
                .orElse(null);
        boolean fresh = cached != null && isFresh(cached);
        if (fresh || (cached != null && Files.exists(cached) && s.urlTemplate().isEmpty())) {
            return CompletableFuture.completedFuture(new Image(cached.toUri().toString(), true));
        }
        if (s.urlTemplate().isEmpty()) {
            // no image, not a failure: the map library throws on the FX thread for a tile future already failed
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.supplyAsync(() -> fetch(s, zoom, x, y, cached), FETCH);
    }

    private static boolean isFresh(Path file) {
        try {
            return Files.exists(file)
                    && Files.getLastModifiedTime(file)
                            .toInstant()
                            .isAfter(Instant.now().minus(FRESH));
        } catch (IOException e) {
            return false;
        }
    }

    private static Image fetch(MapTiles.Settings s, int zoom, long x, long y, Path cached) {
        byte[] bytes;
        try {
            HttpURLConnection c = (HttpURLConnection) new URL(s.url(zoom, x, y)).openConnection();
            c.setConnectTimeout(TIMEOUT_MS);
            c.setReadTimeout(TIMEOUT_MS);
            c.setRequestProperty("User-Agent", s.userAgent());
            if (c.getResponseCode() != 200) {
                throw new IOException("tile server answered " + c.getResponseCode());
            }
            try (InputStream in = c.getInputStream()) {
                bytes = in.readAllBytes();
            }
        } catch (IOException e) {
            MapTiles.reportFetch(false);
            if (cached != null && Files.exists(cached)) { // an old tile is better than none
                return new Image(cached.toUri().toString());
            }
            return null; // the plain background shows through
        }
        MapTiles.reportFetch(true);
        if (cached != null) {
            try {
                Files.createDirectories(cached.getParent());
                Path tmp = Files.createTempFile(cached.getParent(), "tile", ".part");
                Files.write(tmp, bytes);
                Files.move(tmp, cached, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                System.getLogger(CachedTileRetriever.class.getName())
                        .log(System.Logger.Level.WARNING, "map tile not cached: " + e.getMessage());
            }
        }
        return new Image(new ByteArrayInputStream(bytes));
    }
}
