package fr.mediance.app.platform;

import java.util.Locale;

/** File-name helpers for captured images. */
final class ImageFiles {

    private ImageFiles() {}

    static String mimeType(String fileName) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".png")) {
            return "image/png";
        }
        if (name.endsWith(".heic") || name.endsWith(".heif")) {
            return "image/heic";
        }
        return "image/jpeg";
    }
}
