package fr.mediance.app.core.document.image;

/** Chroma upsampling (centred, bilinear: libjpeg's "fancy" upsampling for 2x) and YCbCr to RGB conversion. */
final class ColourConverter {

    private ColourConverter() {}

    private static final int[] CR_R = new int[256];
    private static final int[] CB_B = new int[256];
    private static final int[] CR_G = new int[256];
    private static final int[] CB_G = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int x = i - 128;
            CR_R[i] = (int) Math.round(1.40200 * x);
            CB_B[i] = (int) Math.round(1.77200 * x);
            CR_G[i] = (int) Math.round(-0.71414 * 65536 * x);
            CB_G[i] = (int) Math.round(-0.34414 * 65536 * x) + 32768;
        }
    }

    /** Reads one component's samples along output rows, upsampling when it is subsampled. */
    private static final class Sampler {
        final JpegDecoder.Component c;
        final int fx;
        final int fy;
        final int[] col;
        final int[] x0;
        final int[] x1;
        final int[] wx;

        Sampler(JpegDecoder.Component c, int outW, int hMax, int vMax) {
            this.c = c;
            this.fx = hMax / c.h;
            this.fy = vMax / c.v;
            this.col = new int[c.stride];
            if (fx > 1) {
                x0 = new int[outW];
                x1 = new int[outW];
                wx = new int[outW];
                int last = c.scaledWidth - 1;
                for (int x = 0; x < outW; x++) {
                    double sx = (x + 0.5) / fx - 0.5;
                    int i0 = (int) Math.floor(sx);
                    int w = (int) Math.round((sx - i0) * 256);
                    x0[x] = Math.max(0, Math.min(last, i0));
                    x1[x] = Math.max(0, Math.min(last, i0 + 1));
                    wx[x] = w;
                }
            } else {
                x0 = null;
                x1 = null;
                wx = null;
            }
        }

        /** Fills dst[0..outW) with the component's samples for output row y. */
        void row(int y, int outW, int[] dst) {
            byte[] p = c.plane;
            int stride = c.stride;
            if (fy == 1 && fx == 1) {
                int o = y * stride;
                for (int x = 0; x < outW; x++) {
                    dst[x] = p[o + x] & 0xFF;
                }
                return;
            }
            int y0;
            int y1;
            int wy;
            if (fy == 1) {
                y0 = y;
                y1 = y;
                wy = 0;
            } else {
                double sy = (y + 0.5) / fy - 0.5;
                int i0 = (int) Math.floor(sy);
                wy = (int) Math.round((sy - i0) * 256);
                int last = c.scaledHeight - 1;
                y0 = Math.max(0, Math.min(last, i0));
                y1 = Math.max(0, Math.min(last, i0 + 1));
            }
            int o0 = y0 * stride;
            int o1 = y1 * stride;
            int w0 = 256 - wy;
            int n = Math.min(stride, fx == 1 ? outW : c.scaledWidth);
            for (int x = 0; x < n; x++) {
                col[x] = (p[o0 + x] & 0xFF) * w0 + (p[o1 + x] & 0xFF) * wy;
            }
            if (fx == 1) {
                for (int x = 0; x < outW; x++) {
                    dst[x] = (col[x] + 128) >> 8;
                }
            } else {
                for (int x = 0; x < outW; x++) {
                    int w = wx[x];
                    dst[x] = (col[x0[x]] * (256 - w) + col[x1[x]] * w + 32768) >> 16;
                }
            }
        }
    }

    static void convert(
            JpegDecoder.Component[] comps, int outW, int outH, int hMax, int vMax, boolean rgbColour, int[] rgb) {
        Sampler s0 = new Sampler(comps[0], outW, hMax, vMax);
        Sampler s1 = new Sampler(comps[1], outW, hMax, vMax);
        Sampler s2 = new Sampler(comps[2], outW, hMax, vMax);
        int[] a = new int[outW];
        int[] b = new int[outW];
        int[] c = new int[outW];
        for (int y = 0; y < outH; y++) {
            s0.row(y, outW, a);
            s1.row(y, outW, b);
            s2.row(y, outW, c);
            int o = y * outW;
            if (rgbColour) {
                for (int x = 0; x < outW; x++) {
                    rgb[o + x] = 0xFF000000 | (a[x] << 16) | (b[x] << 8) | c[x];
                }
                continue;
            }
            for (int x = 0; x < outW; x++) {
                int yy = a[x];
                int cb = b[x];
                int cr = c[x];
                int r = yy + CR_R[cr];
                int g = yy + ((CB_G[cb] + CR_G[cr]) >> 16);
                int bl = yy + CB_B[cb];
                r = r < 0 ? 0 : Math.min(r, 255);
                g = g < 0 ? 0 : Math.min(g, 255);
                bl = bl < 0 ? 0 : Math.min(bl, 255);
                rgb[o + x] = 0xFF000000 | (r << 16) | (g << 8) | bl;
            }
        }
    }
}
