package fr.mediance.app.core.document.image;

import java.io.ByteArrayOutputStream;
import java.util.Objects;

/**
 * Makes a photographed paper ready for upload, on the device: upright, long edge at most {@code maxEdge},
 * JPEG at the given quality, and without metadata (no EXIF, hence no GPS position, no camera serial, no
 * thumbnail). Pure Java (java.base only), so the same code runs on the desktop JVM and in the native
 * mobile image.
 *
 * <p>What happens to a JPEG:
 * <ul>
 *   <li>it is <b>kept as is</b> ({@link Result#changed()} false) when it is already upright (no EXIF
 *       orientation other than 1), its long edge is at most {@code maxEdge} and it weighs at most
 *       {@link #KEEP_MAX_BYTES}: its compressed picture is not touched, only the metadata segments are
 *       dropped (APP1 to APP13, APP15 and comments: EXIF, GPS, XMP, ICC profile, maker notes; JFIF APP0 and
 *       the Adobe APP14 colour marker stay). It is still decoded once at 1/8 scale to make sure it is whole.</li>
 *   <li>otherwise it is <b>decoded</b> (at 1/2, 1/4 or 1/8 scale when that still leaves at least
 *       {@code maxEdge}), turned upright, shrunk by area averaging so that its long edge is {@code maxEdge}
 *       (never enlarged) and <b>re-encoded</b> (baseline, 4:2:0, JFIF only). If a picture that was within
 *       the size limits but merely heavy, or only needed turning, comes out heavier than the original, the
 *       stripped original is kept instead when it is upright.</li>
 * </ul>
 * Anything other than a JPEG is refused with {@link ImageFormatException} ("Format d'image non reconnu"); a
 * caller holding another format decodes it itself and hands the pixels to
 * {@link #downscale(int[], int, int, int, int)}.
 */
public final class PhotoDownscaler {

    /** Long edge for uploads. */
    public static final int DEFAULT_MAX_EDGE = 2000;
    /** JPEG quality for uploads. */
    public static final int DEFAULT_QUALITY = 80;
    /** A JPEG already within the size limit is kept as is (metadata aside) up to this weight. */
    public static final int KEEP_MAX_BYTES = 600 * 1024;

    private PhotoDownscaler() {}

    /**
     * The photo ready for upload.
     *
     * @param jpeg         the JPEG to upload
     * @param width        its width (upright)
     * @param height       its height (upright)
     * @param sourceWidth  the original's width, upright
     * @param sourceHeight the original's height, upright
     * @param changed      true when the picture was decoded and re-encoded; false when the original's
     *                     compressed picture was kept (its metadata segments are dropped all the same)
     */
    public record Result(byte[] jpeg, int width, int height, int sourceWidth, int sourceHeight, boolean changed) {}

    /** {@link #downscale(byte[], int, int)} with the upload defaults (2000 px, quality 80). */
    public static Result downscale(byte[] jpeg) {
        return downscale(jpeg, DEFAULT_MAX_EDGE, DEFAULT_QUALITY);
    }

    /**
     * @param jpegOrOther the file as picked or photographed
     * @param maxEdge     the largest width or height wanted (at least 1)
     * @param quality     JPEG quality 1..100 for a re-encoded picture
     * @throws ImageFormatException not a JPEG, a damaged JPEG, or a JPEG variant this decoder does not read
     */
    public static Result downscale(byte[] jpegOrOther, int maxEdge, int quality) {
        Objects.requireNonNull(jpegOrOther, "jpegOrOther");
        if (maxEdge < 1) {
            throw new IllegalArgumentException("maxEdge " + maxEdge);
        }
        if (!JpegDecoder.looksLikeJpeg(jpegOrOther)) {
            throw ImageFormatException.notAnImage();
        }
        JpegInfo info = JpegDecoder.readInfo(jpegOrOther);
        int sw = info.uprightWidth();
        int sh = info.uprightHeight();
        boolean upright = info.orientation() == 1;
        boolean withinEdge = Math.max(sw, sh) <= maxEdge;
        if (upright && withinEdge && jpegOrOther.length <= KEEP_MAX_BYTES) {
            JpegDecoder.decode(jpegOrOther, 1); // integrity check, at 1/8 scale
            return new Result(stripMetadata(jpegOrOther), sw, sh, sw, sh, false);
        }
        DecodedImage img = JpegDecoder.decode(jpegOrOther, maxEdge);
        int[] size = fit(sw, sh, maxEdge);
        int[] pixels = AreaDownscaler.scale(img.rgb(), img.width(), img.height(), size[0], size[1]);
        byte[] encoded = JpegEncoder.encode(pixels, size[0], size[1], quality);
        if (upright && withinEdge) {
            byte[] stripped = stripMetadata(jpegOrOther);
            if (stripped.length <= encoded.length) {
                return new Result(stripped, sw, sh, sw, sh, false);
            }
        }
        return new Result(encoded, size[0], size[1], sw, sh, true);
    }

    /**
     * The same for pixels decoded elsewhere (a PNG from a desktop file chooser, say): shrink so that the long
     * edge is at most {@code maxEdge}, and encode. Always re-encodes.
     *
     * @param argb packed {@code 0xAARRGGBB}; transparent pixels are laid on white
     */
    public static Result downscale(int[] argb, int width, int height, int maxEdge, int quality) {
        Objects.requireNonNull(argb, "argb");
        if (maxEdge < 1 || width <= 0 || height <= 0 || (long) width * height > argb.length) {
            throw new IllegalArgumentException("bad size " + width + "x" + height + " / " + maxEdge);
        }
        int[] size = fit(width, height, maxEdge);
        int[] pixels = AreaDownscaler.scale(onWhite(argb, width, height), width, height, size[0], size[1]);
        return new Result(JpegEncoder.encode(pixels, size[0], size[1], quality), size[0], size[1], width, height, true);
    }

    /**
     * Encodes pixels decoded elsewhere, at their size.
     *
     * @param argb packed {@code 0xAARRGGBB}; transparent pixels are laid on white
     */
    public static byte[] encode(int[] argb, int width, int height, int quality) {
        Objects.requireNonNull(argb, "argb");
        if (width <= 0 || height <= 0 || (long) width * height > argb.length) {
            throw new IllegalArgumentException("bad size " + width + "x" + height);
        }
        return JpegEncoder.encode(onWhite(argb, width, height), width, height, quality);
    }

    /** Size with the long edge at most maxEdge, the aspect ratio kept, never enlarged. */
    static int[] fit(int w, int h, int maxEdge) {
        int longEdge = Math.max(w, h);
        if (longEdge <= maxEdge) {
            return new int[] {w, h};
        }
        double f = (double) maxEdge / longEdge;
        int nw = w >= h ? maxEdge : Math.max(1, (int) Math.round(w * f));
        int nh = h > w ? maxEdge : Math.max(1, (int) Math.round(h * f));
        return new int[] {nw, nh};
    }

    private static int[] onWhite(int[] argb, int width, int height) {
        int n = width * height;
        int[] out = null;
        for (int i = 0; i < n; i++) {
            int p = argb[i];
            int a = p >>> 24;
            if (a == 255) {
                if (out != null) {
                    out[i] = p;
                }
                continue;
            }
            if (out == null) {
                out = new int[n];
                System.arraycopy(argb, 0, out, 0, i);
            }
            int inv = 255 - a;
            int r = (((p >> 16) & 0xFF) * a + 255 * inv + 127) / 255;
            int g = (((p >> 8) & 0xFF) * a + 255 * inv + 127) / 255;
            int b = ((p & 0xFF) * a + 255 * inv + 127) / 255;
            out[i] = 0xFF000000 | (r << 16) | (g << 8) | b;
        }
        return out == null ? argb : out;
    }

    /**
     * The same JPEG without its metadata segments: APP1 to APP13, APP15 (EXIF with GPS, XMP, ICC profile,
     * maker notes...) and COM are dropped; JFIF APP0, Adobe APP14, tables, frame and scans are copied byte
     * for byte, so the picture is untouched. Only the headers before the first scan are rewritten.
     */
    public static byte[] stripMetadata(byte[] jpeg) {
        if (!JpegDecoder.looksLikeJpeg(jpeg)) {
            throw ImageFormatException.notAnImage();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length);
        out.write(0xFF);
        out.write(0xD8);
        int pos = 2;
        int len = jpeg.length;
        while (true) {
            while (pos < len && jpeg[pos] == (byte) 0xFF && pos + 1 < len && jpeg[pos + 1] == (byte) 0xFF) {
                pos++; // fill bytes
            }
            if (pos + 1 >= len || jpeg[pos] != (byte) 0xFF) {
                throw ImageFormatException.damaged();
            }
            int m = jpeg[pos + 1] & 0xFF;
            if (m == 0xDA || m == 0xD9) {
                out.write(jpeg, pos, len - pos); // scans and everything after: as is
                return out.toByteArray();
            }
            if (m == 0x01 || (m >= 0xD0 && m <= 0xD8)) {
                pos += 2;
                continue;
            }
            if (pos + 3 >= len) {
                throw ImageFormatException.damaged();
            }
            int length = ((jpeg[pos + 2] & 0xFF) << 8) | (jpeg[pos + 3] & 0xFF);
            if (length < 2 || pos + 2 + length > len) {
                throw ImageFormatException.damaged();
            }
            boolean drop = (m >= 0xE1 && m <= 0xED) || m == 0xEF || m == 0xFE;
            if (!drop) {
                out.write(jpeg, pos, 2 + length);
            }
            pos += 2 + length;
        }
    }
}
