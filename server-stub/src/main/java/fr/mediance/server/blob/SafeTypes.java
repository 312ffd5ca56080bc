package fr.mediance.server.blob;

import java.util.Locale;
import java.util.Map;

/**
 * The type a blob is served with: never the one its uploader declared as such (a document pushed as
 * {@code text/html} would run in a browser), but one of an allow-list of types that cannot run, or
 * {@code application/octet-stream}. Only these safe types are shown inline (with a file name); anything else is an
 * attachment to save.
 */
public final class SafeTypes {
    /** Served type → file extension. */
    private static final Map<String, String> INLINE = Map.of(
            "image/jpeg", "jpg",
            "image/png", "png",
            "image/webp", "webp",
            "image/gif", "gif",
            "application/pdf", "pdf");

    public static final String OTHER = "application/octet-stream";

    private SafeTypes() {}

    /** The type to serve for a declared type: itself if it is in the allow-list, else {@link #OTHER}. */
    public static String served(String declared) {
        String media = declared == null ? "" : declared.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return INLINE.containsKey(media) ? media : OTHER;
    }

    /** {@code Content-Disposition}: inline with a file name for a safe type, an attachment otherwise. */
    public static String disposition(String declared, String name) {
        String served = served(declared);
        String safeName = name.replaceAll("[^A-Za-z0-9_-]", "");
        if (served.equals(OTHER)) {
            return "attachment; filename=\"document-" + safeName + ".bin\"";
        }
        return "inline; filename=\"document-" + safeName + "." + INLINE.get(served) + "\"";
    }
}
