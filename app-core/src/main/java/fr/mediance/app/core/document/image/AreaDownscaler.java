package fr.mediance.app.core.document.image;

import java.util.Objects;

/**
 * Area-averaging resampler for packed RGB pixels: every output pixel is the exact, coverage-weighted mean of
 * the source pixels its footprint overlaps (a box filter of the output pixel's size, so no aliasing when
 * shrinking). Separable, one source row at a time; memory is the output plus two rows.
 */
public final class AreaDownscaler {

    private AreaDownscaler() {}

    /**
     * Resamples {@code src} (sw x sh, packed 0x..RRGGBB) to dw x dh. Meant for shrinking; growing an axis
     * degenerates to nearest-neighbour on it. Returns {@code src} itself when the size does not change.
     * The output is opaque ({@code 0xFFRRGGBB}).
     */
    public static int[] scale(int[] src, int sw, int sh, int dw, int dh) {
        Objects.requireNonNull(src, "src");
        if (sw <= 0 || sh <= 0 || dw <= 0 || dh <= 0 || (long) sw * sh > src.length) {
            throw new IllegalArgumentException("bad size " + sw + "x" + sh + " -> " + dw + "x" + dh);
        }
        if (sw == dw && sh == dh) {
            return src;
        }
        Weights wx = new Weights(sw, dw);
        Weights wy = new Weights(sh, dh);
        float[] row = new float[dw * 3];
        float[] acc = new float[dw * 3];
        int cached = -1;
        int[] out = new int[dw * dh];
        for (int oy = 0; oy < dh; oy++) {
            java.util.Arrays.fill(acc, 0f);
            int first = wy.first[oy];
            int n = wy.count[oy];
            int wo = wy.offset[oy];
            for (int t = 0; t < n; t++) {
                int sy = first + t;
                if (sy != cached) {
                    horizontal(src, sy * sw, wx, row, dw);
                    cached = sy;
                }
                float w = wy.weight[wo + t];
                for (int i = 0; i < acc.length; i++) {
                    acc[i] += row[i] * w;
                }
            }
            int o = oy * dw;
            for (int x = 0; x < dw; x++) {
                int r = (int) (acc[x * 3] + 0.5f);
                int g = (int) (acc[x * 3 + 1] + 0.5f);
                int b = (int) (acc[x * 3 + 2] + 0.5f);
                r = r < 0 ? 0 : Math.min(r, 255);
                g = g < 0 ? 0 : Math.min(g, 255);
                b = b < 0 ? 0 : Math.min(b, 255);
                out[o + x] = 0xFF000000 | (r << 16) | (g << 8) | b;
            }
        }
        return out;
    }

    private static void horizontal(int[] src, int rowOffset, Weights wx, float[] row, int dw) {
        for (int x = 0; x < dw; x++) {
            int first = wx.first[x];
            int n = wx.count[x];
            int wo = wx.offset[x];
            float r = 0;
            float g = 0;
            float b = 0;
            for (int t = 0; t < n; t++) {
                int p = src[rowOffset + first + t];
                float w = wx.weight[wo + t];
                r += ((p >> 16) & 0xFF) * w;
                g += ((p >> 8) & 0xFF) * w;
                b += (p & 0xFF) * w;
            }
            row[x * 3] = r;
            row[x * 3 + 1] = g;
            row[x * 3 + 2] = b;
        }
    }

    /** For each output index: the source indices its footprint covers and how much of each (summing to 1). */
    private static final class Weights {
        final int[] first;
        final int[] count;
        final int[] offset;
        final float[] weight;

        Weights(int srcSize, int dstSize) {
            first = new int[dstSize];
            count = new int[dstSize];
            offset = new int[dstSize];
            double step = (double) srcSize / dstSize;
            int total = 0;
            for (int i = 0; i < dstSize; i++) {
                double start = i * step;
                double end = Math.min(srcSize, (i + 1) * step);
                int f = Math.min(srcSize - 1, (int) Math.floor(start));
                int l = Math.max(f, Math.min(srcSize - 1, (int) Math.ceil(end) - 1));
                first[i] = f;
                count[i] = l - f + 1;
                offset[i] = total;
                total += count[i];
            }
            weight = new float[total];
            for (int i = 0; i < dstSize; i++) {
                double start = i * step;
                double end = Math.min(srcSize, (i + 1) * step);
                double sum = 0;
                for (int t = 0; t < count[i]; t++) {
                    int j = first[i] + t;
                    double cover = Math.min(end, j + 1) - Math.max(start, j);
                    if (cover < 0) {
                        cover = 0;
                    }
                    weight[offset[i] + t] = (float) cover;
                    sum += cover;
                }
                if (sum <= 0) { // growing: the footprint lies inside one source pixel
                    weight[offset[i]] = 1f;
                    sum = 1;
                }
                for (int t = 0; t < count[i]; t++) {
                    weight[offset[i] + t] = (float) (weight[offset[i] + t] / sum);
                }
            }
        }
    }
}
