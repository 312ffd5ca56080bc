package fr.mediance.app.core.signature;

import java.util.List;

/**
 * Draws a signature's strokes at twice the pad's size, dark ink on white, with round anti-aliased strokes
 * (coverage from the distance of each pixel centre to the stroke's segments), then encodes it as a PNG.
 */
public final class SignatureRenderer {
    /** Output pixels per pad unit. */
    public static final int SCALE = 2;
    /** Stroke width in pad units (so 6 px in the image). */
    public static final double STROKE_WIDTH = 3.0;
    /** Largest image side, whatever the pad size. */
    static final int MAX_SIDE = 2400;
    /** Grey level of the ink (0 black, 255 white). */
    static final int INK = 0x1c;

    private SignatureRenderer() {}

    /** The signature as a PNG file. */
    public static byte[] png(Signature signature) {
        int w = clamp((int) Math.ceil(signature.width() * SCALE));
        int h = clamp((int) Math.ceil(signature.height() * SCALE));
        double sx = w / Math.max(1.0, signature.width());
        double sy = h / Math.max(1.0, signature.height());
        float[] coverage = new float[w * h];
        double radius = STROKE_WIDTH * Math.min(sx, sy) / 2;
        for (List<Signature.Point> stroke : signature.strokes()) {
            if (stroke.isEmpty()) {
                continue;
            }
            for (int i = 0; i < stroke.size(); i++) {
                Signature.Point a = stroke.get(Math.max(0, i - 1));
                Signature.Point b = stroke.get(i);
                segment(coverage, w, h, a.x() * sx, a.y() * sy, b.x() * sx, b.y() * sy, radius);
            }
        }
        byte[] pixels = new byte[w * h];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) Math.round(255 - coverage[i] * (255 - INK));
        }
        return PngEncoder.greyscale(w, h, pixels);
    }

    private static int clamp(int side) {
        return Math.max(1, Math.min(MAX_SIDE, side));
    }

    private static void segment(float[] cov, int w, int h, double ax, double ay, double bx, double by, double r) {
        int x0 = Math.max(0, (int) Math.floor(Math.min(ax, bx) - r - 1));
        int x1 = Math.min(w - 1, (int) Math.ceil(Math.max(ax, bx) + r + 1));
        int y0 = Math.max(0, (int) Math.floor(Math.min(ay, by) - r - 1));
        int y1 = Math.min(h - 1, (int) Math.ceil(Math.max(ay, by) + r + 1));
        double dx = bx - ax;
        double dy = by - ay;
        double len2 = dx * dx + dy * dy;
        for (int y = y0; y <= y1; y++) {
            double py = y + 0.5;
            for (int x = x0; x <= x1; x++) {
                double px = x + 0.5;
                double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
                double ex = px - (ax + t * dx);
                double ey = py - (ay + t * dy);
                double d = Math.sqrt(ex * ex + ey * ey);
                float c = (float) Math.max(0, Math.min(1, r + 0.5 - d));
                int i = y * w + x;
                if (c > cov[i]) {
                    cov[i] = c;
                }
            }
        }
    }
}
