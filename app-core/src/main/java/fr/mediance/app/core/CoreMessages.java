package fr.mediance.app.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

/**
 * The French messages that the core itself produces (errors a user may see). Read from
 * {@code fr/mediance/app/core/core-messages.properties} with {@code getResourceAsStream} (UTF-8), so it
 * works in a native image once the resource is listed.
 */
public final class CoreMessages {
    public static final String RESOURCE = "/fr/mediance/app/core/core-messages.properties";
    private static final Locale FRENCH = Locale.FRANCE;
    private static final Properties MESSAGES = load();

    private CoreMessages() {}

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = CoreMessages.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** The message for {@code key}, formatted with {@link MessageFormat} (French locale; apostrophes doubled in the file). */
    public static String get(String key, Object... args) {
        String pattern = MESSAGES.getProperty(key);
        if (pattern == null) {
            throw new IllegalArgumentException("unknown message key " + key);
        }
        return new MessageFormat(pattern, FRENCH).format(args);
    }

    /** Whether a key exists (used by tests and the self-check). */
    public static boolean has(String key) {
        return MESSAGES.containsKey(key);
    }
}
