package fr.mediance.server.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.junit.jupiter.api.Test;

/**
 * The PDF export's line breaking. A long word was cut by measuring every prefix of it again, row after row: an
 * access note of one 20,000-character word (a pasted link, a key held down) kept the server's CPU for minutes and
 * could cut a surrogate pair in two.
 */
class ExportWrapTest {
    static PDType0Font font(PDDocument doc) throws IOException {
        try (InputStream in = ExportRenderers.class.getResourceAsStream(ExportRenderers.FONT)) {
            return PDType0Font.load(doc, in);
        }
    }

    @Test
    void aLongWordIsCutInRowsThatFitAndKeepEveryCharacter() throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDType0Font f = font(doc);
            String word = "W".repeat(20_000);
            List<String> rows = ExportRenderers.wrap("Avant " + word + " après", f, 10, 400);
            assertThat(String.join("", rows).replace(" ", "")).isEqualTo("Avant" + word + "après");
            for (String row : rows) {
                assertThat(f.getStringWidth(row) / 1000 * 10).isLessThanOrEqualTo(400);
            }
            assertThat(rows).hasSizeGreaterThan(20_000 / 60);
        }
    }

    /** A character of the font outside the basic plane (written with a surrogate pair in Java). */
    static int drawableOutsideTheBasicPlane(PDType0Font f) {
        for (int cp = 0x10000; cp < 0x20000; cp++) {
            try {
                f.encode(new String(Character.toChars(cp)));
                return cp;
            } catch (IOException | IllegalArgumentException e) {
                // not in the font
            }
        }
        throw new IllegalStateException("no character outside the basic plane in the font");
    }

    @Test
    void aCutNeverSplitsASurrogatePair() throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDType0Font f = font(doc);
            String word = new String(Character.toChars(drawableOutsideTheBasicPlane(f))).repeat(400);
            List<String> rows = ExportRenderers.wrap(word, f, 10, 100);
            assertThat(rows).hasSizeGreaterThan(1);
            for (String row : rows) {
                assertThat(Character.isLowSurrogate(row.charAt(0))).isFalse();
                assertThat(Character.isHighSurrogate(row.charAt(row.length() - 1)))
                        .isFalse();
            }
            assertThat(String.join("", rows)).isEqualTo(word);
        }
    }

    @Test
    void wordsAreKeptTogetherWhenTheyFit() throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDType0Font f = font(doc);
            List<String> rows = ExportRenderers.wrap("Une ligne courte et une autre", f, 10, 80);
            assertThat(rows).allMatch(r -> !r.startsWith(" ") && !r.endsWith(" "));
            assertThat(String.join(" ", rows)).isEqualTo("Une ligne courte et une autre");
        }
    }
}
