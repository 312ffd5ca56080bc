package fr.mediance.testing;

import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Photographs of paper documents made for tests and benchmarks: printed text on a sheet, uneven light and
 * sensor noise, encoded as a phone camera would; and scans kept as captured. Deterministic for a given seed.
 * The reference pictures of the image-code tests are in {@link ReferenceImages}.
 */
public final class TestImages {
    private TestImages() {}

    /** A photographed energy bill, {@code width × height} pixels, JPEG at {@code quality} (0–1). */
    public static byte[] bill(int width, int height, float quality, long seed) {
        Random random = new Random(seed);
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setPaint(new GradientPaint(0, 0, new Color(236, 232, 220), width, height, new Color(168, 160, 146)));
            g.fillRect(0, 0, width, height);
            int margin = width / 12;
            g.setColor(new Color(250, 249, 244));
            g.fillRect(margin, margin / 2, width - 2 * margin, height - margin);
            g.setColor(new Color(30, 40, 90));
            int base = Math.max(12, width / 60);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, base * 2));
            g.drawString("FACTURE D'ÉLECTRICITÉ", margin * 2, margin + base * 2);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, base));
            String[] lines = {
                "Référence client : 4 021 778 305", "Point de livraison (PDL) : 0922 7730 4412 18",
                "Période : du 01/09/2026 au 31/10/2026", "Consommation : 1 284 kWh (relevé réel)",
                "Abonnement 6 kVA : 31,42 €", "Montant TTC à payer : 412,50 €",
                "Date limite de paiement : 28/11/2026", "En cas de difficulté, contactez votre conseiller."
            };
            int y = margin + base * 5;
            for (int i = 0; y < height - margin; i++) {
                g.setColor(new Color(20 + random.nextInt(30), 20 + random.nextInt(30), 20 + random.nextInt(30)));
                g.drawString(lines[i % lines.length], margin * 2, y);
                y += base * 2;
            }
        } finally {
            g.dispose();
        }
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            img.getRGB(0, y, width, 1, row, 0, width);
            for (int x = 0; x < width; x++) {
                int n = (int) (random.nextGaussian() * 6);
                int p = row[x];
                row[x] = (clamp(((p >> 16) & 0xff) + n) << 16)
                        | (clamp(((p >> 8) & 0xff) + n) << 8)
                        | clamp((p & 0xff) + n);
            }
            img.setRGB(0, y, width, 1, row, 0, width);
        }
        return jpeg(img, quality);
    }

    /**
     * A phone-camera photograph of a bill lying on a table: {@code width × height} (4000×3000 for a 12 MP
     * phone), the sheet slightly rotated, printed text, light falling unevenly (brighter from one corner,
     * darker edges), sensor noise in luminance and a little in colour, JPEG at {@code quality} (0.92: what a
     * phone's camera writes, ≈ 2–3 MB at 12 MP). Deterministic for a seed.
     */
    public static byte[] phonePhoto(int width, int height, float quality, long seed) {
        Random random = new Random(seed);
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            // the table: wood-like brown with grain
            g.setColor(new Color(120 + random.nextInt(20), 86, 58));
            g.fillRect(0, 0, width, height);
            for (int i = 0; i < height; i += 3 + random.nextInt(5)) {
                g.setColor(new Color(100 + random.nextInt(40), 70 + random.nextInt(20), 45 + random.nextInt(15)));
                g.drawLine(0, i, width, i + random.nextInt(9) - 4);
            }
            // the sheet, turned a little
            g.rotate(Math.toRadians(random.nextDouble() * 6 - 3), width / 2.0, height / 2.0);
            int mx = width / 10;
            int my = height / 16;
            g.setColor(new Color(247, 246, 240));
            g.fillRect(mx, my, width - 2 * mx, height - 2 * my);
            int base = Math.max(12, width / 70);
            g.setColor(new Color(20, 60, 140));
            g.fillRect(mx + base * 2, my + base * 2, base * 8, base * 4);
            g.setColor(new Color(30, 40, 90));
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, base * 2));
            g.drawString("FACTURE D'ÉLECTRICITÉ", mx + base * 12, my + base * 5);
            g.setFont(new Font(Font.SERIF, Font.PLAIN, base));
            String[] lines = {
                "Référence client : 4 021 778 305        Point de livraison : 0922 7730 4412 18",
                "Période de consommation : du 01/09/2026 au 31/10/2026 (relevé réel)",
                "Consommation : 1 284 kWh x 0,2516 €/kWh ........................ 323,05 €",
                "Abonnement 6 kVA (2 mois) .............................................. 31,42 €",
                "Contribution au service public, taxes et TVA ....................... 58,03 €",
                "Montant TTC à payer avant le 28/11/2026 :                          412,50 €",
                "En cas de difficulté de paiement, contactez votre conseiller au 09 69 32 15 15.",
                "Chèque énergie accepté. Prélèvement possible le 5 ou le 15 de chaque mois."
            };
            int y = my + base * 9;
            for (int i = 0; y < height - my - base * 2; i++) {
                g.setColor(new Color(25 + random.nextInt(25), 25 + random.nextInt(25), 30 + random.nextInt(25)));
                g.drawString(lines[i % lines.length], mx + base * 2, y);
                y += (int) (base * 1.7);
            }
        } finally {
            g.dispose();
        }
        // uneven light: brighter towards a corner, darker edges; noise in luminance, a little in colour
        double lx = random.nextDouble() * width;
        double ly = random.nextDouble() * height / 3;
        double diag = Math.hypot(width, height);
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            img.getRGB(0, y, width, 1, row, 0, width);
            for (int x = 0; x < width; x++) {
                double light = 1.08 - 0.38 * Math.hypot(x - lx, y - ly) / diag;
                double n = random.nextGaussian() * 4;
                int p = row[x];
                int r = clamp((int) (((p >> 16) & 0xff) * light + n + random.nextGaussian()));
                int gr = clamp((int) (((p >> 8) & 0xff) * light + n));
                int b = clamp((int) ((p & 0xff) * light * 0.97 + n + random.nextGaussian()));
                row[x] = (r << 16) | (gr << 8) | b;
            }
            img.setRGB(0, y, width, 1, row, 0, width);
        }
        return jpeg(img, quality);
    }

    /** A small real JPEG of a "bill" (320×240, a few kilobytes), written by ImageIO. */
    public static byte[] smallBill() {
        BufferedImage img = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 320, 240);
        g.setColor(new Color(0x0969da));
        g.fillRect(0, 0, 320, 40);
        g.setColor(Color.DARK_GRAY);
        for (int y = 60; y < 220; y += 22) {
            g.fillRect(20, y, 200 + (y % 3) * 30, 8);
        }
        g.dispose();
        return imageIoJpeg(img);
    }

    /**
     * A photo of a bill as a phone takes it (1200×1600: paper under uneven light, lines of text, grain), so that
     * it travels in several chunks: some hundred kilobytes once the device has re-encoded it. ImageIO's default
     * JPEG quality.
     */
    public static byte[] photographedBill(long seed) {
        int w = 1200;
        int h = 1600;
        Random random = new Random(seed);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int light = 215 + (int) (30.0 * x / w) - (int) (25.0 * y / h) + random.nextInt(17) - 8;
                int v = Math.max(0, Math.min(255, light));
                img.setRGB(x, y, (v << 16) | (v << 8) | Math.max(0, v - 8));
            }
        }
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(0x0969da));
        g.fillRect(80, 90, 360, 70);
        g.setColor(new Color(40, 40, 48));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 44));
        g.drawString("FACTURE", 80, 260);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 26));
        for (int line = 0; line < 34; line++) {
            int y = 330 + line * 36;
            StringBuilder text = new StringBuilder();
            for (int word = 0; word < 6 + random.nextInt(5); word++) {
                text.append("abcdefghij", 0, 3 + random.nextInt(7)).append(' ');
            }
            g.drawString(text.toString(), 80, y);
            if (line % 7 == 3) {
                g.drawString(String.format(java.util.Locale.FRANCE, "%,.2f €", random.nextInt(50_000) / 100.0), 900, y);
            }
        }
        g.dispose();
        return imageIoJpeg(img);
    }

    /**
     * A scanned document the device keeps as captured (not a JPEG, so not downscaled): a PDF header then
     * {@code size} bytes in all, incompressible, deterministic for a seed. For tests of large uploads.
     */
    public static byte[] scannedPdf(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        byte[] header = "%PDF-1.4\n%\u00e2\u00e3\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        System.arraycopy(header, 0, bytes, 0, Math.min(header.length, size));
        return bytes;
    }

    /** Lowercase hex SHA-256, as blobs are named. */
    public static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(
                            java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    private static byte[] imageIoJpeg(BufferedImage img) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] jpeg(BufferedImage img, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(img, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
