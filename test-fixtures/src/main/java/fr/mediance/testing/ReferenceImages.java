package fr.mediance.testing;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.w3c.dom.Node;

/**
 * Reference pictures made with AWT and written / read with ImageIO, and the measures that compare them: what
 * the tests of the device's image code (JPEG decoder and encoder, downscalers) check it against. The encoded
 * photographs of documents that travel in sync tests are in {@link TestImages}.
 */
public final class ReferenceImages {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private ReferenceImages() {}

    /** Chroma subsampling of a JPEG written by ImageIO: luma sampling factors (chroma are 1x1). */
    public enum Sampling {
        S444(1, 1),
        S422(2, 1),
        S420(2, 2),
        S440(1, 2),
        S411(4, 1);

        public final int h;
        public final int v;

        Sampling(int h, int v) {
            this.h = h;
            this.v = v;
        }
    }

    /** A photographed bill: paper under uneven light, a logo, a table, text of several sizes, sensor noise. */
    public static BufferedImage bill(int w, int h, long seed) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        // table top around the paper
        g.setColor(new Color(96, 72, 52));
        g.fillRect(0, 0, w, h);
        // paper, lit from the top left
        int px = w / 20;
        int py = h / 30;
        int pw = w - 2 * px;
        int ph = h - 2 * py;
        g.setPaint(new GradientPaint(px, py, new Color(250, 248, 240), px + pw, py + ph, new Color(200, 196, 185)));
        g.fillRect(px, py, pw, ph);
        double u = w / 1000.0;
        // logo
        g.setColor(new Color(20, 90, 170));
        g.fillOval(px + (int) (40 * u), py + (int) (40 * u), (int) (90 * u), (int) (90 * u));
        g.setColor(new Color(230, 120, 20));
        g.fillRect(px + (int) (150 * u), py + (int) (60 * u), (int) (220 * u), (int) (20 * u));
        // text
        g.setColor(new Color(25, 25, 30));
        Random rnd = new Random(seed);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(6, (int) (34 * u))));
        g.drawString("FACTURE N° 2024-0815 — Électricité", px + (int) (40 * u), py + (int) (190 * u));
        g.setFont(new Font(Font.SERIF, Font.PLAIN, Math.max(5, (int) (16 * u))));
        int lineH = Math.max(6, (int) (24 * u));
        int y = py + (int) (240 * u);
        String[] words = {
            "consommation",
            "kWh",
            "abonnement",
            "TVA",
            "échéance",
            "montant",
            "période",
            "relevé",
            "compteur",
            "référence",
            "client",
            "total",
            "€",
            "prélèvement",
            "mensuel"
        };
        while (y < py + ph * 0.62) {
            StringBuilder line = new StringBuilder();
            while (line.length() < 70) {
                line.append(words[rnd.nextInt(words.length)]).append(' ');
                if (rnd.nextInt(4) == 0) {
                    line.append(rnd.nextInt(10000) / 100.0).append(' ');
                }
            }
            g.drawString(line.toString(), px + (int) (40 * u), y);
            y += lineH;
        }
        // a table with thin rules
        g.setStroke(new BasicStroke(Math.max(1f, (float) (1.5 * u))));
        int tableTop = (int) (py + ph * 0.65);
        for (int r = 0; r <= 8; r++) {
            int ry = tableTop + r * lineH * 3 / 2;
            g.drawLine(px + (int) (40 * u), ry, px + pw - (int) (40 * u), ry);
            if (r < 8) {
                g.drawString("Ligne " + (r + 1) + "   " + rnd.nextInt(1000) + ",00 €", px + (int) (60 * u), ry + lineH);
            }
        }
        // a shadow over one corner (uneven light)
        g.setPaint(new GradientPaint(0, h, new Color(0, 0, 0, 110), w / 2f, h / 2f, new Color(0, 0, 0, 0)));
        g.fillRect(0, h / 2, w / 2, h / 2);
        g.dispose();
        // sensor noise
        int[] px2 = img.getRGB(0, 0, w, h, null, 0, w);
        Random noise = new Random(seed * 31 + 7);
        for (int i = 0; i < px2.length; i++) {
            int n = (int) Math.round(noise.nextGaussian() * 4);
            int p = px2[i];
            int r = clamp(((p >> 16) & 0xFF) + n);
            int gg = clamp(((p >> 8) & 0xFF) + n);
            int b = clamp((p & 0xFF) + n);
            px2[i] = 0xFF000000 | (r << 16) | (gg << 8) | b;
        }
        img.setRGB(0, 0, w, h, px2, 0, w);
        return img;
    }

    /** Smooth colourful picture with some edges: a generic photo. */
    public static BufferedImage photo(int w, int h, long seed) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Random rnd = new Random(seed);
        int[] px = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double fx = (double) x / Math.max(1, w - 1);
                double fy = (double) y / Math.max(1, h - 1);
                int r = (int) (255 * fx);
                int g = (int) (255 * fy);
                int b = (int) (128 + 100 * Math.sin(6 * fx + 4 * fy));
                px[y * w + x] = 0xFF000000 | (clamp(r) << 16) | (clamp(g) << 8) | clamp(b);
            }
        }
        img.setRGB(0, 0, w, h, px, 0, w);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        for (int i = 0; i < 12; i++) {
            g.setColor(new Color(rnd.nextInt(256), rnd.nextInt(256), rnd.nextInt(256)));
            int cw = Math.max(1, rnd.nextInt(Math.max(1, w / 3)));
            int ch = Math.max(1, rnd.nextInt(Math.max(1, h / 3)));
            g.fillOval(rnd.nextInt(Math.max(1, w)), rnd.nextInt(Math.max(1, h)), cw, ch);
        }
        g.dispose();
        return img;
    }

    public static BufferedImage toGray(BufferedImage src) {
        BufferedImage g = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D gr = g.createGraphics();
        gr.drawImage(src, 0, 0, null);
        gr.dispose();
        return g;
    }

    public static int clamp(int v) {
        return v < 0 ? 0 : Math.min(v, 255);
    }

    public static byte[] jpeg(
            BufferedImage img, float quality, Sampling sampling, boolean progressive, int restartInterval) {
        try {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            if (progressive) {
                param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            }
            IIOMetadata md = writer.getDefaultImageMetadata(new ImageTypeSpecifier(img), param);
            String format = "javax_imageio_jpeg_image_1.0";
            IIOMetadataNode root = (IIOMetadataNode) md.getAsTree(format);
            IIOMetadataNode seq = (IIOMetadataNode)
                    root.getElementsByTagName("markerSequence").item(0);
            if (sampling != null && img.getType() != BufferedImage.TYPE_BYTE_GRAY) {
                IIOMetadataNode sof =
                        (IIOMetadataNode) seq.getElementsByTagName("sof").item(0);
                for (Node c = sof.getFirstChild(); c != null; c = c.getNextSibling()) {
                    IIOMetadataNode spec = (IIOMetadataNode) c;
                    boolean luma = "1".equals(spec.getAttribute("componentId")) || spec.getPreviousSibling() == null;
                    spec.setAttribute("HsamplingFactor", String.valueOf(luma ? sampling.h : 1));
                    spec.setAttribute("VsamplingFactor", String.valueOf(luma ? sampling.v : 1));
                }
            }
            if (restartInterval > 0) {
                IIOMetadataNode dri = new IIOMetadataNode("dri");
                dri.setAttribute("interval", String.valueOf(restartInterval));
                seq.insertBefore(dri, seq.getFirstChild());
            }
            md.setFromTree(format, root);
            ByteArrayOutputStream bos = new ByteArrayOutputStream();
            try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bos)) {
                writer.setOutput(out);
                writer.write(null, new IIOImage(img, null, md), param);
            }
            writer.dispose();
            return bos.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static BufferedImage read(byte[] data) {
        try {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(data));
            if (img == null) {
                throw new IllegalStateException("ImageIO cannot read it");
            }
            return img;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int[] rgb(BufferedImage img) {
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }

    /** Largest per-channel mean absolute difference. */
    public static double meanAbsoluteError(int[] a, int[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException(a.length + " != " + b.length);
        }
        long[] sum = new long[3];
        for (int i = 0; i < a.length; i++) {
            for (int c = 0; c < 3; c++) {
                int s = 16 - 8 * c;
                sum[c] += Math.abs(((a[i] >> s) & 0xFF) - ((b[i] >> s) & 0xFF));
            }
        }
        double max = 0;
        for (long s : sum) {
            max = Math.max(max, (double) s / a.length);
        }
        return max;
    }

    public static double psnr(int[] a, int[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException(a.length + " != " + b.length);
        }
        double se = 0;
        for (int i = 0; i < a.length; i++) {
            for (int c = 0; c < 3; c++) {
                int s = 16 - 8 * c;
                int d = ((a[i] >> s) & 0xFF) - ((b[i] >> s) & 0xFF);
                se += d * d;
            }
        }
        double mse = se / (a.length * 3.0);
        return mse == 0 ? 99 : 10 * Math.log10(255 * 255 / mse);
    }

    /** ImageIO/AWT area-averaging downscale: the reference the pure-Java path is compared to. */
    public static int[] awtAreaAveraged(BufferedImage src, int w, int h) {
        Image scaled = src.getScaledInstance(w, h, Image.SCALE_AREA_AVERAGING);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(scaled, 0, 0, null);
        g.dispose();
        return rgb(out);
    }

    /**
     * The JPEG with an EXIF APP1 inserted right after SOI: IFD0 with the orientation, a camera model, and a
     * GPS IFD with a position, as a phone writes it.
     */
    public static byte[] withExif(byte[] jpeg, int orientation) {
        ByteArrayOutputStream tiff = new ByteArrayOutputStream();
        // big-endian TIFF header, IFD0 at 8
        writeBytes(tiff, 'M', 'M', 0, 42, 0, 0, 0, 8);
        // IFD0: 3 entries (orientation, model, GPS pointer), then next-IFD 0
        int ifd0Size = 2 + 3 * 12 + 4;
        int modelOffset = 8 + ifd0Size;
        byte[] model = "PhoneCam X\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        int gpsOffset = modelOffset + model.length + (model.length % 2);
        writeU16(tiff, 3);
        entry(tiff, 0x0112, 3, 1, orientation << 16);
        entry(tiff, 0x0110, 2, model.length, modelOffset);
        entry(tiff, 0x8825, 4, 1, gpsOffset);
        writeU32(tiff, 0);
        tiff.writeBytes(model);
        if (model.length % 2 == 1) {
            tiff.write(0);
        }
        // GPS IFD: latitude ref N and latitude 48/1 51/1 30/1 (rationals after the IFD)
        int gpsIfdSize = 2 + 2 * 12 + 4;
        int ratOffset = gpsOffset + gpsIfdSize;
        writeU16(tiff, 2);
        entry(tiff, 0x0001, 2, 2, 'N' << 24);
        entry(tiff, 0x0002, 5, 3, ratOffset);
        writeU32(tiff, 0);
        for (int v : new int[] {48, 51, 30}) {
            writeU32(tiff, v);
            writeU32(tiff, 1);
        }
        byte[] t = tiff.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xD8);
        out.write(0xFF);
        out.write(0xE1);
        writeU16(out, 2 + 6 + t.length);
        writeBytes(out, 'E', 'x', 'i', 'f', 0, 0);
        out.writeBytes(t);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    private static void entry(ByteArrayOutputStream o, int tag, int type, int count, int value) {
        writeU16(o, tag);
        writeU16(o, type);
        writeU32(o, count);
        writeU32(o, value);
    }

    private static void writeBytes(ByteArrayOutputStream o, int... bytes) {
        for (int b : bytes) {
            o.write(b);
        }
    }

    private static void writeU16(ByteArrayOutputStream o, int v) {
        o.write(v >> 8);
        o.write(v);
    }

    private static void writeU32(ByteArrayOutputStream o, int v) {
        writeU16(o, v >>> 16);
        writeU16(o, v);
    }

    /**
     * A sequential JPEG with one scan per component (non-interleaved), which ImageIO does not write: assembled
     * from three grey JPEGs of the Y, Cb and Cr planes (ImageIO writes the same standard tables for each).
     *
     * @param subsampled chroma planes at half size both ways (4:2:0), else full size (4:4:4)
     */
    public static byte[] nonInterleaved(BufferedImage rgb, boolean subsampled) {
        int w = rgb.getWidth();
        int h = rgb.getHeight();
        int cw = subsampled ? (w + 1) / 2 : w;
        int ch = subsampled ? (h + 1) / 2 : h;
        BufferedImage y = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        BufferedImage cb = new BufferedImage(cw, ch, BufferedImage.TYPE_BYTE_GRAY);
        BufferedImage cr = new BufferedImage(cw, ch, BufferedImage.TYPE_BYTE_GRAY);
        int[] px = rgb(rgb);
        for (int j = 0; j < h; j++) {
            for (int i = 0; i < w; i++) {
                int p = px[j * w + i];
                int r = (p >> 16) & 0xFF;
                int g = (p >> 8) & 0xFF;
                int b = p & 0xFF;
                y.getRaster().setSample(i, j, 0, clamp((int) Math.round(0.299 * r + 0.587 * g + 0.114 * b)));
            }
        }
        for (int j = 0; j < ch; j++) {
            for (int i = 0; i < cw; i++) {
                int p = px[Math.min(h - 1, subsampled ? 2 * j : j) * w + Math.min(w - 1, subsampled ? 2 * i : i)];
                int r = (p >> 16) & 0xFF;
                int g = (p >> 8) & 0xFF;
                int b = p & 0xFF;
                cb.getRaster()
                        .setSample(i, j, 0, clamp((int) Math.round(-0.168736 * r - 0.331264 * g + 0.5 * b + 128)));
                cr.getRaster().setSample(i, j, 0, clamp((int) Math.round(0.5 * r - 0.418688 * g - 0.081312 * b + 128)));
            }
        }
        byte[][] parts = {jpeg(y, 0.9f, null, false, 0), jpeg(cb, 0.9f, null, false, 0), jpeg(cr, 0.9f, null, false, 0)
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeBytes(out, 0xFF, 0xD8);
        // tables of the Y part (DQT, DHT), then our own frame header
        byte[] yj = parts[0];
        int pos = 2;
        while (true) {
            int m = yj[pos + 1] & 0xFF;
            int length = ((yj[pos + 2] & 0xFF) << 8) | (yj[pos + 3] & 0xFF);
            if (m == 0xDB || m == 0xC4) {
                out.write(yj, pos, 2 + length);
            }
            if (m == 0xDA) {
                break;
            }
            pos += 2 + length;
        }
        writeBytes(out, 0xFF, 0xC0);
        writeU16(out, 8 + 3 * 3);
        out.write(8);
        writeU16(out, h);
        writeU16(out, w);
        out.write(3);
        writeBytes(out, 1, subsampled ? 0x22 : 0x11, 0, 2, 0x11, 0, 3, 0x11, 0);
        for (int c = 0; c < 3; c++) {
            byte[] part = parts[c];
            int p = 2;
            while ((part[p + 1] & 0xFF) != 0xDA) {
                p += 2 + (((part[p + 2] & 0xFF) << 8) | (part[p + 3] & 0xFF));
            }
            int sosLength = ((part[p + 2] & 0xFF) << 8) | (part[p + 3] & 0xFF);
            int data = p + 2 + sosLength;
            writeBytes(out, 0xFF, 0xDA, 0, 8, 1, c + 1, 0x00, 0, 63, 0);
            out.write(part, data, part.length - 2 - data); // entropy-coded data, without EOI
        }
        writeBytes(out, 0xFF, 0xD9);
        return out.toByteArray();
    }

    /** Whether the bytes contain an APP1 segment (EXIF / XMP) or the "Exif" signature anywhere in the headers. */
    public static boolean hasExifSegment(byte[] jpeg) {
        int pos = 2;
        while (pos + 4 <= jpeg.length && (jpeg[pos] & 0xFF) == 0xFF) {
            int m = jpeg[pos + 1] & 0xFF;
            if (m == 0xDA) {
                return false;
            }
            if (m == 0xE1) {
                return true;
            }
            int length = ((jpeg[pos + 2] & 0xFF) << 8) | (jpeg[pos + 3] & 0xFF);
            pos += 2 + length;
        }
        return false;
    }
}
