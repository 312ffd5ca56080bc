package fr.mediance.app.core.document.image;

/** Inverse DCTs: the full 8x8 one (integer, accurate) and reduced ones producing 4x4 or 2x2 pixels. */
final class Idct {

    private Idct() {}

    private static int f2f(double x) {
        return (int) Math.round(x * 4096);
    }

    private static final int C0541 = f2f(0.5411961);
    private static final int CM1847 = f2f(-1.847759065);
    private static final int C0765 = f2f(0.765366865);
    private static final int C1175 = f2f(1.175875602);
    private static final int C0298 = f2f(0.298631336);
    private static final int C2053 = f2f(2.053119869);
    private static final int C3072 = f2f(3.072711026);
    private static final int C1501 = f2f(1.501321110);
    private static final int CM0899 = f2f(-0.899976223);
    private static final int CM2562 = f2f(-2.562915447);
    private static final int CM1961 = f2f(-1.961570560);
    private static final int CM0390 = f2f(-0.390180644);

    /**
     * Full 8x8 inverse DCT (the classic separable integer algorithm with 12-bit constants).
     *
     * @param b   quantised coefficients, natural order (left untouched)
     * @param q   quantisation table, natural order
     * @param out destination samples (level-shifted and clamped to 0..255)
     * @param v   scratch space of 64 ints
     */
    static void idct8(int[] b, int[] q, byte[] out, int off, int stride, int[] v) {
        // columns
        for (int i = 0; i < 8; i++) {
            int s0 = b[i] * q[i];
            int s1 = b[8 + i] * q[8 + i];
            int s2 = b[16 + i] * q[16 + i];
            int s3 = b[24 + i] * q[24 + i];
            int s4 = b[32 + i] * q[32 + i];
            int s5 = b[40 + i] * q[40 + i];
            int s6 = b[48 + i] * q[48 + i];
            int s7 = b[56 + i] * q[56 + i];
            if ((s1 | s2 | s3 | s4 | s5 | s6 | s7) == 0) {
                int dc = s0 << 2;
                v[i] = dc;
                v[8 + i] = dc;
                v[16 + i] = dc;
                v[24 + i] = dc;
                v[32 + i] = dc;
                v[40 + i] = dc;
                v[48 + i] = dc;
                v[56 + i] = dc;
                continue;
            }
            int p2 = s2;
            int p3 = s6;
            int p1 = (p2 + p3) * C0541;
            int t2 = p1 + p3 * CM1847;
            int t3 = p1 + p2 * C0765;
            int t0 = (s0 + s4) << 12;
            int t1 = (s0 - s4) << 12;
            int x0 = t0 + t3;
            int x3 = t0 - t3;
            int x1 = t1 + t2;
            int x2 = t1 - t2;
            t0 = s7;
            t1 = s5;
            t2 = s3;
            t3 = s1;
            p3 = t0 + t2;
            int p4 = t1 + t3;
            p1 = t0 + t3;
            p2 = t1 + t2;
            int p5 = (p3 + p4) * C1175;
            t0 = t0 * C0298;
            t1 = t1 * C2053;
            t2 = t2 * C3072;
            t3 = t3 * C1501;
            p1 = p5 + p1 * CM0899;
            p2 = p5 + p2 * CM2562;
            p3 = p3 * CM1961;
            p4 = p4 * CM0390;
            t3 += p1 + p4;
            t2 += p2 + p3;
            t1 += p2 + p4;
            t0 += p1 + p3;
            x0 += 512;
            x1 += 512;
            x2 += 512;
            x3 += 512;
            v[i] = (x0 + t3) >> 10;
            v[56 + i] = (x0 - t3) >> 10;
            v[8 + i] = (x1 + t2) >> 10;
            v[48 + i] = (x1 - t2) >> 10;
            v[16 + i] = (x2 + t1) >> 10;
            v[40 + i] = (x2 - t1) >> 10;
            v[24 + i] = (x3 + t0) >> 10;
            v[32 + i] = (x3 - t0) >> 10;
        }
        // rows
        for (int r = 0; r < 8; r++) {
            int o = r * 8;
            int s0 = v[o];
            int s1 = v[o + 1];
            int s2 = v[o + 2];
            int s3 = v[o + 3];
            int s4 = v[o + 4];
            int s5 = v[o + 5];
            int s6 = v[o + 6];
            int s7 = v[o + 7];
            int p2 = s2;
            int p3 = s6;
            int p1 = (p2 + p3) * C0541;
            int t2 = p1 + p3 * CM1847;
            int t3 = p1 + p2 * C0765;
            int t0 = (s0 + s4) << 12;
            int t1 = (s0 - s4) << 12;
            int x0 = t0 + t3;
            int x3 = t0 - t3;
            int x1 = t1 + t2;
            int x2 = t1 - t2;
            t0 = s7;
            t1 = s5;
            t2 = s3;
            t3 = s1;
            p3 = t0 + t2;
            int p4 = t1 + t3;
            p1 = t0 + t3;
            p2 = t1 + t2;
            int p5 = (p3 + p4) * C1175;
            t0 = t0 * C0298;
            t1 = t1 * C2053;
            t2 = t2 * C3072;
            t3 = t3 * C1501;
            p1 = p5 + p1 * CM0899;
            p2 = p5 + p2 * CM2562;
            p3 = p3 * CM1961;
            p4 = p4 * CM0390;
            t3 += p1 + p4;
            t2 += p2 + p3;
            t1 += p2 + p4;
            t0 += p1 + p3;
            int bias = 65536 + (128 << 17);
            x0 += bias;
            x1 += bias;
            x2 += bias;
            x3 += bias;
            int d = off + r * stride;
            out[d] = clamp((x0 + t3) >> 17);
            out[d + 7] = clamp((x0 - t3) >> 17);
            out[d + 1] = clamp((x1 + t2) >> 17);
            out[d + 6] = clamp((x1 - t2) >> 17);
            out[d + 2] = clamp((x2 + t1) >> 17);
            out[d + 5] = clamp((x2 - t1) >> 17);
            out[d + 3] = clamp((x3 + t0) >> 17);
            out[d + 4] = clamp((x3 - t0) >> 17);
        }
    }

    private static byte clamp(int v) {
        return (byte) (v < 0 ? 0 : Math.min(v, 255));
    }

    private static final float A4 = 0.353553391f; // cos(pi/4) / 2
    private static final float B4 = 0.461939766f; // cos(pi/8) / 2
    private static final float C4 = 0.191341716f; // cos(3pi/8) / 2

    /**
     * 4x4 reduced inverse DCT: the block's 4x4 lowest frequencies, as a 4-point IDCT on each axis
     * (even/odd butterflies), giving 4x4 pixels each standing for 2x2 pixels of the full picture.
     */
    static void idct4(int[] b, int[] q, byte[] out, int off, int stride, float[] tmp) {
        // columns: tmp[y * 4 + u]
        for (int u = 0; u < 4; u++) {
            float f0 = b[u] * q[u];
            float f1 = b[8 + u] * q[8 + u];
            float f2 = b[16 + u] * q[16 + u];
            float f3 = b[24 + u] * q[24 + u];
            float e0 = A4 * (f0 + f2);
            float e1 = A4 * (f0 - f2);
            float o0 = B4 * f1 + C4 * f3;
            float o1 = C4 * f1 - B4 * f3;
            tmp[u] = e0 + o0;
            tmp[12 + u] = e0 - o0;
            tmp[4 + u] = e1 + o1;
            tmp[8 + u] = e1 - o1;
        }
        for (int y = 0; y < 4; y++) {
            int r = y * 4;
            float f0 = tmp[r];
            float f1 = tmp[r + 1];
            float f2 = tmp[r + 2];
            float f3 = tmp[r + 3];
            float e0 = A4 * (f0 + f2) + 128.5f;
            float e1 = A4 * (f0 - f2) + 128.5f;
            float o0 = B4 * f1 + C4 * f3;
            float o1 = C4 * f1 - B4 * f3;
            int d = off + y * stride;
            // truncation instead of floor is harmless: anything below 0 is clamped to 0
            out[d] = clamp((int) (e0 + o0));
            out[d + 3] = clamp((int) (e0 - o0));
            out[d + 1] = clamp((int) (e1 + o1));
            out[d + 2] = clamp((int) (e1 - o1));
        }
    }

    /** 2x2 reduced inverse DCT from the block's 2x2 lowest frequencies. */
    static void idct2(int[] b, int[] q, byte[] out, int off, int stride) {
        float f00 = b[0] * q[0];
        float f01 = b[1] * q[1];
        float f10 = b[8] * q[8];
        float f11 = b[9] * q[9];
        // out[y][x] = 1/8 * sum over (v, u) of (+-1) f[v][u]
        float s = 0.125f;
        out[off] = clamp((int) (s * (f00 + f01 + f10 + f11) + 128.5f));
        out[off + 1] = clamp((int) (s * (f00 - f01 + f10 - f11) + 128.5f));
        out[off + stride] = clamp((int) (s * (f00 + f01 - f10 - f11) + 128.5f));
        out[off + stride + 1] = clamp((int) (s * (f00 - f01 - f10 + f11) + 128.5f));
    }

    /** BASIS[n][x * 8 + u]: weight of coefficient u for output sample x of an n-point reduced IDCT. */
    private static final float[][] BASIS = new float[9][];

    static {
        for (int n : new int[] {1, 2, 4, 8}) {
            int s = 8 / n;
            float[] t = new float[n * 8];
            for (int x = 0; x < n; x++) {
                for (int u = 0; u < n; u++) {
                    double cu = u == 0 ? Math.sqrt(0.5) : 1.0;
                    t[x * 8 + u] = (float) (cu / 2 * Math.cos(s * (2 * x + 1) * u * Math.PI / 16));
                }
            }
            BASIS[n] = t;
        }
    }

    /**
     * Reduced inverse DCT: the picture the 8x8 block stands for, sampled at the centres of n x n cells
     * from its n x n lowest frequencies only (n = 4 or 2; also works for 8, as a slow reference).
     *
     * @param tmp scratch space of at least 64 floats
     */
    static void idctReduced(int[] b, int[] q, byte[] out, int off, int stride, int n, float[] tmp) {
        float[] t = BASIS[n];
        // rows of coefficients -> tmp[v * 8 + x]
        for (int v = 0; v < n; v++) {
            int r = v * 8;
            for (int x = 0; x < n; x++) {
                float acc = 0;
                int tx = x * 8;
                for (int u = 0; u < n; u++) {
                    acc += b[r + u] * q[r + u] * t[tx + u];
                }
                tmp[r + x] = acc;
            }
        }
        for (int y = 0; y < n; y++) {
            int ty = y * 8;
            int d = off + y * stride;
            for (int x = 0; x < n; x++) {
                float acc = 128.5f;
                for (int v = 0; v < n; v++) {
                    acc += t[ty + v] * tmp[v * 8 + x];
                }
                int iv = (int) Math.floor(acc);
                out[d + x] = clamp(iv);
            }
        }
    }
}
