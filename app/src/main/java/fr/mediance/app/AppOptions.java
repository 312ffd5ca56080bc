package fr.mediance.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Command-line options: {@code --server URL} (pre-fills the sign-in), {@code --data-dir DIR} (the private
 * data directory instead of the platform's), {@code --size WIDTHxHEIGHT} (desktop window), {@code --self-check},
 * {@code --tiles URL} (the map's tile server, a template with {z}, {x} and {y}; {@code off} for none; by default
 * OpenStreetMap's, or {@code MEDIANCE_TILES}), {@code --tile-cache DIR} (where map tiles are kept; by default
 * {@code map-tiles} in the data directory).
 */
public record AppOptions(
        Optional<String> server,
        Optional<Path> dataDir,
        Optional<double[]> size,
        boolean selfCheck,
        boolean english,
        Optional<String> tiles,
        Optional<Path> tileCache) {

    /** The options without map settings. */
    public AppOptions(
            Optional<String> server,
            Optional<Path> dataDir,
            Optional<double[]> size,
            boolean selfCheck,
            boolean english) {
        this(server, dataDir, size, selfCheck, english, Optional.empty(), Optional.empty());
    }

    public static AppOptions parse(List<String> args) {
        String server = null;
        Path dataDir = null;
        double[] size = null;
        boolean selfCheck = false;
        boolean english = false;
        String tiles = null;
        Path tileCache = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String next = i + 1 < args.size() ? args.get(i + 1) : null;
            if (a.startsWith("--server=")) {
                server = a.substring("--server=".length());
            } else if (a.equals("--server") && next != null) {
                server = next;
                i++;
            } else if (a.startsWith("--data-dir=")) {
                dataDir = Path.of(a.substring("--data-dir=".length()));
            } else if (a.equals("--data-dir") && next != null) {
                dataDir = Path.of(next);
                i++;
            } else if (a.startsWith("--size=")) {
                size = size(a.substring("--size=".length()));
            } else if (a.equals("--size") && next != null) {
                size = size(next);
                i++;
            } else if (a.equals("--lang") && next != null) {
                english = next.toLowerCase(java.util.Locale.ROOT).startsWith("en");
                i++;
            } else if (a.startsWith("--tiles=")) {
                tiles = a.substring("--tiles=".length());
            } else if (a.equals("--tiles") && next != null) {
                tiles = next;
                i++;
            } else if (a.startsWith("--tile-cache=")) {
                tileCache = Path.of(a.substring("--tile-cache=".length()));
            } else if (a.equals("--tile-cache") && next != null) {
                tileCache = Path.of(next);
                i++;
            } else if (a.equals("--self-check")) {
                selfCheck = true;
            }
        }
        if (server == null) {
            String env = System.getenv("MEDIANCE_SERVER");
            server = env == null || env.isBlank() ? null : env;
        }
        if (tiles == null) {
            String env = System.getenv("MEDIANCE_TILES");
            tiles = env == null || env.isBlank() ? null : env;
        }
        return new AppOptions(
                Optional.ofNullable(server).filter(s -> !s.isBlank()),
                Optional.ofNullable(dataDir),
                Optional.ofNullable(size),
                selfCheck,
                english,
                Optional.ofNullable(tiles).filter(s -> !s.isBlank()),
                Optional.ofNullable(tileCache));
    }

    private static double[] size(String text) {
        String[] parts = text.toLowerCase(java.util.Locale.ROOT).split("x");
        if (parts.length != 2) {
            return null;
        }
        try {
            return new double[] {Double.parseDouble(parts[0]), Double.parseDouble(parts[1])};
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
