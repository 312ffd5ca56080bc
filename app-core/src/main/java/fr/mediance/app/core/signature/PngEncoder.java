package fr.mediance.app.core.signature;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A small PNG writer (8-bit greyscale, no interlace) over {@link Deflater}: no AWT or ImageIO, so it works in a
 * native image. Each row uses the "Up" filter, which suits mostly-white drawings.
 */
public final class PngEncoder {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private PngEncoder() {}

    /** Encodes {@code pixels} (row by row, one byte per pixel: 0 black, 255 white) as a PNG file. */
    public static byte[] greyscale(int width, int height, byte[] pixels) {
        if (width <= 0 || height <= 0 || pixels.length != (long) width * height) {
            throw new IllegalArgumentException("pixels do not match " + width + "x" + height);
        }
        byte[] raw = new byte[(width + 1) * height];
        for (int y = 0; y < height; y++) {
            int out = y * (width + 1);
            raw[out] = (byte) (y == 0 ? 0 : 2); // None for the first row, Up for the others
            int row = y * width;
            for (int x = 0; x < width; x++) {
                int above = y == 0 ? 0 : pixels[row - width + x] & 0xff;
                raw[out + 1 + x] = (byte) ((pixels[row + x] & 0xff) - above);
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(SIGNATURE);
        byte[] header = new byte[13];
        putInt(header, 0, width);
        putInt(header, 4, height);
        header[8] = 8; // bit depth
        header[9] = 0; // greyscale
        header[10] = 0; // deflate
        header[11] = 0; // adaptive filtering
        header[12] = 0; // no interlace
        chunk(png, "IHDR", header);
        chunk(png, "IDAT", deflate(raw));
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        try {
            deflater.setInput(data);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, data.length / 8));
            byte[] buf = new byte[8192];
            while (!deflater.finished()) {
                int n = deflater.deflate(buf);
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
        byte[] len = new byte[4];
        putInt(len, 0, data.length);
        png.writeBytes(len);
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        png.writeBytes(t);
        png.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        byte[] c = new byte[4];
        putInt(c, 0, (int) crc.getValue());
        png.writeBytes(c);
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}
