package fr.mediance.app.theme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class ThemeTest {

    @Test
    void theUserAgentStylesheetIsTheThemesBinaryFormOnTheClassPath() throws IOException {
        String path = Theme.userAgentStylesheet();

        assertThat(path).endsWith(".bss");
        try (InputStream in = Theme.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
        }
    }
}
