package fr.mediance.app.theme;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;

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
