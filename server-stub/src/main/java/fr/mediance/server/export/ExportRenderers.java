package fr.mediance.server.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The export as HTML (one self-contained page) and as PDF (A4, DejaVu Sans embedded so that every French accent
 * prints; the font comes from the {@code jasperreports-fonts} jar on the classpath, nothing is read from the
 * machine's fonts). The PDF helpers (font, printable text, wrapping, pages) serve the other printed documents too.
 */
public final class ExportRenderers {
    public static final String FONT = "/net/sf/jasperreports/fonts/dejavu/DejaVuSans.ttf";
    public static final String FONT_BOLD = "/net/sf/jasperreports/fonts/dejavu/DejaVuSans-Bold.ttf";

    public static final float MARGIN = 50;
    private static final float INDENT = 14;

    private ExportRenderers() {}

    static String html(List<ExportLines.Line> lines) {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\"><title>")
                .append(esc(lines.isEmpty() ? "Export" : lines.get(0).text()))
                .append("</title><style>body{font-family:sans-serif;max-width:50em;margin:2em auto;line-height:1.4}"
                        + "h2{border-bottom:1px solid #888;margin-top:1.6em}h3{margin-bottom:.2em}"
                        + "p{margin:.1em 0}.note{font-style:italic;color:#333}</style></head><body>\n");
        for (ExportLines.Line l : lines) {
            String t = esc(l.text());
            switch (l.kind()) {
                case TITLE -> b.append("<h1>").append(t).append("</h1>\n");
                case HEADING -> b.append("<h2>").append(t).append("</h2>\n");
                case SUBHEADING -> b.append("<h3>").append(t).append("</h3>\n");
                case NOTE -> b.append("<p class=\"note\">").append(t).append("</p>\n");
                case LINE ->
                    b.append("<p style=\"margin-left:")
                            .append(l.depth() * 1.5)
                            .append("em\">")
                            .append(t)
                            .append("</p>\n");
            }
        }
        return b.append("</body></html>\n").toString();
    }

    static byte[] pdf(List<ExportLines.Line> lines, String title) {
        try (PDDocument doc = new PDDocument()) {
            PDType0Font regular = font(doc, FONT);
            PDType0Font bold = font(doc, FONT_BOLD);
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(title);
            info.setCreator("Médiance");
            Pages pages = new Pages(doc);
            for (ExportLines.Line l : lines) {
                PDType0Font f = isBold(l) ? bold : regular;
                float size = size(l);
                float x = MARGIN + l.depth() * INDENT;
                float width = PDRectangle.A4.getWidth() - MARGIN - x;
                if (l.kind() == ExportLines.Kind.HEADING || l.kind() == ExportLines.Kind.SUBHEADING) {
                    pages.space(size * 0.8f);
                }
                for (String row : wrap(printable(f, l.text()), f, size, width)) {
                    pages.line(f, size, x, row, size * 1.35f);
                }
            }
            pages.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the export PDF", e);
        }
    }

    private static boolean isBold(ExportLines.Line l) {
        return l.kind() == ExportLines.Kind.TITLE
                || l.kind() == ExportLines.Kind.HEADING
                || l.kind() == ExportLines.Kind.SUBHEADING;
    }

    private static float size(ExportLines.Line l) {
        return switch (l.kind()) {
            case TITLE -> 16;
            case HEADING -> 13;
            case SUBHEADING -> 11;
            default -> 10;
        };
    }

    /** The font embedded in {@code doc} from the classpath resource. */
    public static PDType0Font font(PDDocument doc, String resource) throws IOException {
        try (InputStream in = ExportRenderers.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("font missing from the classpath: " + resource);
            }
            return PDType0Font.load(doc, in);
        }
    }

    /** The text with every character the font cannot draw (controls, rare symbols) replaced. */
    public static String printable(PDType0Font f, String text) {
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            String c = new String(Character.toChars(cp));
            if (Character.isWhitespace(cp)) {
                b.append(' ');
                return;
            }
            try {
                f.encode(c);
                b.append(c);
            } catch (IOException | IllegalArgumentException e) {
                b.append('?');
            }
        });
        return b.toString();
    }

    /**
     * The text in rows that fit {@code width}, broken at spaces; a word longer than a row is cut between characters
     * (never inside a surrogate pair). Each word's width is measured once and each character of a cut word once, so
     * the time is linear in the text's length (measuring every prefix of a long word again made an export of a
     * 20,000-character word take minutes).
     */
    public static List<String> wrap(String text, PDType0Font f, float size, float width) throws IOException {
        float scale = size / 1000;
        float space = f.getStringWidth(" ") * scale;
        List<String> rows = new ArrayList<>();
        StringBuilder row = new StringBuilder();
        float rowWidth = 0;
        for (String word : text.split(" ", -1)) {
            float w = f.getStringWidth(word) * scale;
            float candidate = row.length() == 0 ? w : rowWidth + space + w;
            if (candidate <= width) {
                if (row.length() > 0) {
                    row.append(' ');
                }
                row.append(word);
                rowWidth = candidate;
                continue;
            }
            if (row.length() > 0) {
                rows.add(row.toString());
                row.setLength(0);
                rowWidth = 0;
            }
            if (w <= width) {
                row.append(word);
                rowWidth = w;
                continue;
            }
            // a word longer than the line is cut
            for (int i = 0; i < word.length(); ) {
                int cp = word.codePointAt(i);
                String c = new String(Character.toChars(cp));
                float cw = f.getStringWidth(c) * scale;
                if (row.length() > 0 && rowWidth + cw > width) {
                    rows.add(row.toString());
                    row.setLength(0);
                    rowWidth = 0;
                }
                row.append(c);
                rowWidth += cw;
                i += Character.charCount(cp);
            }
        }
        rows.add(row.toString());
        return rows;
    }

    private static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** Pages filled top to bottom, a new one when the current is full. */
    public static final class Pages {
        private final PDDocument doc;
        private PDPageContentStream cs;
        private float y;

        public Pages(PDDocument doc) throws IOException {
            this.doc = doc;
            newPage();
        }

        public void space(float h) throws IOException {
            y -= h;
            if (y < MARGIN) {
                newPage();
            }
        }

        public void line(PDType0Font f, float size, float x, String text, float leading) throws IOException {
            if (y - leading < MARGIN) {
                newPage();
            }
            y -= leading;
            cs.beginText();
            cs.setFont(f, size);
            cs.newLineAtOffset(x, y);
            cs.showText(text);
            cs.endText();
        }

        private void newPage() throws IOException {
            if (cs != null) {
                cs.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            cs = new PDPageContentStream(doc, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        public void close() throws IOException {
            cs.close();
        }
    }
}
