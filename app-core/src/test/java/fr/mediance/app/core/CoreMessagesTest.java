package fr.mediance.app.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class CoreMessagesTest {
    @Test
    void everyMessageFormatsAndKeepsItsApostrophes() throws Exception {
        Properties p = new Properties();
        try (InputStream in = CoreMessages.class.getResourceAsStream(CoreMessages.RESOURCE)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        assertThat(p).isNotEmpty();
        for (String key : p.stringPropertyNames()) {
            String text = CoreMessages.get(key, 3, 4);
            assertThat(text).as(key).isNotBlank().doesNotContain("''").doesNotContain("{");
            // MessageFormat eats a lone apostrophe (and quotes what follows): each one must be written twice
            long inPattern = p.getProperty(key).chars().filter(c -> c == '\'').count();
            assertThat(2 * text.chars().filter(c -> c == '\'').count())
                    .as(key + ": an apostrophe written once in the pattern")
                    .isEqualTo(inPattern);
        }
        assertThat(CoreMessages.get("store.locked"))
                .isEqualTo("L'application est verrouillée. Saisissez votre code PIN.");
        assertThat(CoreMessages.get("unlock.blocked", 30))
                .isEqualTo("Trop de codes PIN erronés. Réessayez dans 30 secondes.");
    }
}
