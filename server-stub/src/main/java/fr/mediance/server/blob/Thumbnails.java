package fr.mediance.server.blob;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Small JPEG previews of document photos (JPEG or PNG, recognised by their first bytes, never by a declared
 * type). The source is read subsampled to about twice the target size, so a large photo never needs its full
 * resolution in memory, then scaled down smoothly. Images with absurd dimensions are not decoded.
 */
public final class Thumbnails {
    /** Larger images (in pixels) are not decoded at all: a decompression bomb costs nothing. */
    static final long MAX_SOURCE_PIXELS = 120_000_000L;

    static final float JPEG_QUALITY = 0.8f;

    private Thumbnails() {}

    /** Whether these first bytes are those of a JPEG or a PNG file. */
    public static boolean isImage(byte[] head, int length) {
        if (length >= 3 && (head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xd8 && (head[2] & 0xff) == 0xff) {
            return true;
        }
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        if (length < png.length) {
            return false;
        }
        for (int i = 0; i < png.length; i++) {
            if (head[i] != png[i]) {
                return false;
            }
        }
        return true;
    }

    /** Reads up to 8 bytes and tells whether they start a JPEG or a PNG. */
    public static boolean isImage(InputStream in) throws IOException {
        byte[] head = in.readNBytes(8);
        return isImage(head, head.length);
    }

    /**
     * A JPEG whose long edge is {@code edge} pixels (or the source's, if smaller), or empty if the bytes cannot be
     * decoded as an image.
     */
    public static Optional<byte[]> make(InputStream source, int edge) throws IOException {
        try (ImageInputStream iis = ImageIO.createImageInputStream(source)) {
            if (iis == null) {
                return Optional.empty();
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(iis);
            if (!readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(iis, true, true);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                if (w <= 0 || h <= 0 || (long) w * h > MAX_SOURCE_PIXELS) {
                    return Optional.empty();
                }
                int longEdge = Math.max(w, h);
                int step = Math.max(1, longEdge / (edge * 2));
                ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceSubsampling(step, step, 0, 0);
                BufferedImage src = reader.read(0, param);
                double scale = Math.min(1.0, (double) edge / Math.max(src.getWidth(), src.getHeight()));
                int tw = Math.max(1, (int) Math.round(src.getWidth() * scale));
                int th = Math.max(1, (int) Math.round(src.getHeight() * scale));
                BufferedImage dst = new BufferedImage(tw, th, BufferedImage.TYPE_INT_RGB);
                Graphics2D g = dst.createGraphics();
                try {
                    g.setColor(Color.WHITE);
                    g.fillRect(0, 0, tw, th);
                    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                    g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
                    g.drawImage(src, 0, 0, tw, th, null);
                } finally {
                    g.dispose();
                }
                return Optional.of(jpeg(dst));
            } catch (IOException | RuntimeException e) {
                // a damaged or unusual image (CMYK JPEG, truncated PNG...): no thumbnail, the blob stays
                return Optional.empty();
            } finally {
                reader.dispose();
            }
        }
    }

    private static byte[] jpeg(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(32 * 1024);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam p = writer.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(JPEG_QUALITY);
            writer.write(null, new IIOImage(image, null, null), p);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
