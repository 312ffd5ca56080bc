package fr.mediance.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Command-line options: {@code --server URL} (pre-fills the sign-in), {@code --data-dir DIR} (the private
 * data directory instead of the platform's), {@code --size WIDTHxHEIGHT} (desktop window), {@code --self-check}.
 */
public record AppOptions(
        Optional<String> server, Optional<Path> dataDir, Optional<double[]> size, boolean selfCheck, boolean english) {

    public static AppOptions parse(List<String> args) {
        String server = null;
        Path dataDir = null;
        double[] size = null;
        boolean selfCheck = false;
        boolean english = false;
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
            } else if (a.equals("--self-check")) {
                selfCheck = true;
            }
        }
        if (server == null) {
            String env = System.getenv("MEDIANCE_SERVER");
            server = env == null || env.isBlank() ? null : env;
        }
        return new AppOptions(
                Optional.ofNullable(server).filter(s -> !s.isBlank()),
                Optional.ofNullable(dataDir),
                Optional.ofNullable(size),
                selfCheck,
                english);
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
