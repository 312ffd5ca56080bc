package fr.mediance.app.core.document.image;

import java.util.Arrays;
import java.util.Objects;

/**
 * A baseline JPEG encoder in plain Java (java.base only).
 *
 * <p>Writes a JFIF file: YCbCr with 4:2:0 chroma subsampling, the standard (annex K) quantisation tables scaled
 * by quality the way libjpeg does it, the standard Huffman tables, no restart markers, and no other metadata
 * (no EXIF, no GPS, no thumbnail, no ICC profile).
 */
public final class JpegEncoder {

    private static final int[] ZZ = JpegTables.ZIGZAG;
    private static final double[] AAN = {
        1.0, 1.387039845, 1.306562965, 1.175875602, 1.0, 0.785694958, 0.541196100, 0.275899379
    };

    private JpegEncoder() {}

    /**
     * Encodes packed RGB pixels (the top byte is ignored: {@code 0xAARRGGBB} and {@code 0x00RRGGBB} alike).
     *
     * @param rgb     width x height pixels, row after row
     * @param quality 1 to 100 (clamped), as in libjpeg; 80 is a good default for photographed papers
     */
    public static byte[] encode(int[] rgb, int width, int height, int quality) {
        Objects.requireNonNull(rgb, "rgb");
        if (width <= 0 || height <= 0 || width > 65535 || height > 65535 || (long) width * height > rgb.length) {
            throw new IllegalArgumentException("bad size " + width + "x" + height);
        }
        return new JpegEncoder.Run(rgb, width, height, quality).encode();
    }

    /** Huffman codes by symbol. */
    private static final class Codes {
        final int[] code = new int[256];
        final int[] size = new int[256];

        Codes(int[] bits, int[] values) {
            int c = 0;
            int k = 0;
            for (int len = 1; len <= 16; len++) {
                for (int i = 0; i < bits[len - 1]; i++) {
                    code[values[k]] = c;
                    size[values[k]] = len;
                    c++;
                    k++;
                }
                c <<= 1;
            }
        }
    }

    private static final Codes DC_Y = new Codes(JpegTables.DC_LUMINANCE_BITS, JpegTables.DC_LUMINANCE_VALUES);
    private static final Codes AC_Y = new Codes(JpegTables.AC_LUMINANCE_BITS, JpegTables.AC_LUMINANCE_VALUES);
    private static final Codes DC_C = new Codes(JpegTables.DC_CHROMINANCE_BITS, JpegTables.DC_CHROMINANCE_VALUES);
    private static final Codes AC_C = new Codes(JpegTables.AC_CHROMINANCE_BITS, JpegTables.AC_CHROMINANCE_VALUES);

    private static final class Run {
        private final int[] rgb;
        private final int width;
        private final int height;
        private final int[] qY;
        private final int[] qC;
        private final float[] divY = new float[64];
        private final float[] divC = new float[64];

        private byte[] out;
        private int n;
        private int bitBuf;
        private int bitCnt;

        private final float[][] yBlocks = new float[4][64];
        private final float[] cbBlock = new float[64];
        private final float[] crBlock = new float[64];
        private final int[] quantised = new int[64];
        private int predY;
        private int predCb;
        private int predCr;

        Run(int[] rgb, int width, int height, int quality) {
            this.rgb = rgb;
            this.width = width;
            this.height = height;
            qY = JpegTables.scaledQuant(JpegTables.STD_LUMINANCE_QUANT, quality);
            qC = JpegTables.scaledQuant(JpegTables.STD_CHROMINANCE_QUANT, quality);
            for (int r = 0; r < 8; r++) {
                for (int c = 0; c < 8; c++) {
                    int i = r * 8 + c;
                    divY[i] = (float) (1.0 / (qY[i] * AAN[r] * AAN[c] * 8.0));
                    divC[i] = (float) (1.0 / (qC[i] * AAN[r] * AAN[c] * 8.0));
                }
            }
            out = new byte[Math.max(4096, (int) Math.min(Integer.MAX_VALUE - 64, (long) width * height / 4))];
        }

        byte[] encode() {
            writeHeaders();
            int mcusX = (width + 15) / 16;
            int mcusY = (height + 15) / 16;
            for (int my = 0; my < mcusY; my++) {
                for (int mx = 0; mx < mcusX; mx++) {
                    loadMcu(mx * 16, my * 16);
                    for (int i = 0; i < 4; i++) {
                        predY = encodeBlock(yBlocks[i], divY, predY, DC_Y, AC_Y);
                    }
                    predCb = encodeBlock(cbBlock, divC, predCb, DC_C, AC_C);
                    predCr = encodeBlock(crBlock, divC, predCr, DC_C, AC_C);
                }
            }
            if (bitCnt > 0) {
                putBits((1 << (8 - bitCnt)) - 1, 8 - bitCnt);
            }
            marker(0xD9);
            return Arrays.copyOf(out, n);
        }

        /** Colour conversion and 2x2 chroma averaging of the 16x16 pixels at (x0, y0), edges replicated. */
        private void loadMcu(int x0, int y0) {
            float[] cb = cbBlock;
            float[] cr = crBlock;
            Arrays.fill(cb, 0f);
            Arrays.fill(cr, 0f);
            int maxX = width - 1;
            int maxY = height - 1;
            for (int dy = 0; dy < 16; dy++) {
                int y = Math.min(y0 + dy, maxY);
                int row = y * width;
                float[] yb0 = yBlocks[(dy >> 3) * 2];
                float[] yb1 = yBlocks[(dy >> 3) * 2 + 1];
                int by = (dy & 7) * 8;
                int cRow = (dy >> 1) * 8;
                for (int dx = 0; dx < 16; dx++) {
                    int x = Math.min(x0 + dx, maxX);
                    int p = rgb[row + x];
                    int r = (p >> 16) & 0xFF;
                    int g = (p >> 8) & 0xFF;
                    int b = p & 0xFF;
                    float yy = 0.299f * r + 0.587f * g + 0.114f * b - 128f;
                    if (dx < 8) {
                        yb0[by + dx] = yy;
                    } else {
                        yb1[by + dx - 8] = yy;
                    }
                    int ci = cRow + (dx >> 1);
                    cb[ci] += -0.168736f * r - 0.331264f * g + 0.5f * b;
                    cr[ci] += 0.5f * r - 0.418688f * g - 0.081312f * b;
                }
            }
            for (int i = 0; i < 64; i++) {
                cb[i] *= 0.25f;
                cr[i] *= 0.25f;
            }
        }

        private int encodeBlock(float[] data, float[] div, int pred, Codes dc, Codes ac) {
            fdct(data);
            int[] q = quantised;
            for (int i = 0; i < 64; i++) {
                q[i] = Math.round(data[i] * div[i]);
            }
            int dcValue = q[0];
            int diff = Math.max(-2047, Math.min(2047, dcValue - pred));
            int cat = category(diff);
            putBits(dc.code[cat], dc.size[cat]);
            if (cat > 0) {
                putBits(diff < 0 ? diff - 1 : diff, cat);
            }
            int run = 0;
            for (int k = 1; k < 64; k++) {
                int v = q[ZZ[k]];
                if (v == 0) {
                    run++;
                    continue;
                }
                while (run > 15) {
                    putBits(ac.code[0xF0], ac.size[0xF0]);
                    run -= 16;
                }
                v = Math.max(-1023, Math.min(1023, v));
                int c = category(v);
                int sym = (run << 4) | c;
                putBits(ac.code[sym], ac.size[sym]);
                putBits(v < 0 ? v - 1 : v, c);
                run = 0;
            }
            if (run > 0) {
                putBits(ac.code[0], ac.size[0]);
            }
            return pred + diff;
        }

        private static int category(int v) {
            return 32 - Integer.numberOfLeadingZeros(v < 0 ? -v : v);
        }

        /** Forward DCT (AAN, floating point), in place; the outputs carry the AAN scale factors. */
        private static void fdct(float[] d) {
            for (int p = 0; p < 64; p += 8) {
                float tmp0 = d[p] + d[p + 7];
                float tmp7 = d[p] - d[p + 7];
                float tmp1 = d[p + 1] + d[p + 6];
                float tmp6 = d[p + 1] - d[p + 6];
                float tmp2 = d[p + 2] + d[p + 5];
                float tmp5 = d[p + 2] - d[p + 5];
                float tmp3 = d[p + 3] + d[p + 4];
                float tmp4 = d[p + 3] - d[p + 4];

                float tmp10 = tmp0 + tmp3;
                float tmp13 = tmp0 - tmp3;
                float tmp11 = tmp1 + tmp2;
                float tmp12 = tmp1 - tmp2;
                d[p] = tmp10 + tmp11;
                d[p + 4] = tmp10 - tmp11;
                float z1 = (tmp12 + tmp13) * 0.707106781f;
                d[p + 2] = tmp13 + z1;
                d[p + 6] = tmp13 - z1;

                tmp10 = tmp4 + tmp5;
                tmp11 = tmp5 + tmp6;
                tmp12 = tmp6 + tmp7;
                float z5 = (tmp10 - tmp12) * 0.382683433f;
                float z2 = 0.541196100f * tmp10 + z5;
                float z4 = 1.306562965f * tmp12 + z5;
                float z3 = tmp11 * 0.707106781f;
                float z11 = tmp7 + z3;
                float z13 = tmp7 - z3;
                d[p + 5] = z13 + z2;
                d[p + 3] = z13 - z2;
                d[p + 1] = z11 + z4;
                d[p + 7] = z11 - z4;
            }
            for (int p = 0; p < 8; p++) {
                float tmp0 = d[p] + d[p + 56];
                float tmp7 = d[p] - d[p + 56];
                float tmp1 = d[p + 8] + d[p + 48];
                float tmp6 = d[p + 8] - d[p + 48];
                float tmp2 = d[p + 16] + d[p + 40];
                float tmp5 = d[p + 16] - d[p + 40];
                float tmp3 = d[p + 24] + d[p + 32];
                float tmp4 = d[p + 24] - d[p + 32];

                float tmp10 = tmp0 + tmp3;
                float tmp13 = tmp0 - tmp3;
                float tmp11 = tmp1 + tmp2;
                float tmp12 = tmp1 - tmp2;
                d[p] = tmp10 + tmp11;
                d[p + 32] = tmp10 - tmp11;
                float z1 = (tmp12 + tmp13) * 0.707106781f;
                d[p + 16] = tmp13 + z1;
                d[p + 48] = tmp13 - z1;

                tmp10 = tmp4 + tmp5;
                tmp11 = tmp5 + tmp6;
                tmp12 = tmp6 + tmp7;
                float z5 = (tmp10 - tmp12) * 0.382683433f;
                float z2 = 0.541196100f * tmp10 + z5;
                float z4 = 1.306562965f * tmp12 + z5;
                float z3 = tmp11 * 0.707106781f;
                float z11 = tmp7 + z3;
                float z13 = tmp7 - z3;
                d[p + 40] = z13 + z2;
                d[p + 24] = z13 - z2;
                d[p + 8] = z11 + z4;
                d[p + 56] = z11 - z4;
            }
        }

        // ------------------------------------------------------------------------------ output

        private void ensure(int extra) {
            if (n + extra > out.length) {
                out = Arrays.copyOf(out, Math.max(out.length * 2, n + extra));
            }
        }

        private void putBits(int value, int size) {
            bitBuf = (bitBuf << size) | (value & ((1 << size) - 1));
            bitCnt += size;
            while (bitCnt >= 8) {
                int b = (bitBuf >> (bitCnt - 8)) & 0xFF;
                bitCnt -= 8;
                if (n + 2 > out.length) {
                    ensure(2);
                }
                out[n++] = (byte) b;
                if (b == 0xFF) {
                    out[n++] = 0;
                }
            }
        }

        private void u8(int v) {
            ensure(1);
            out[n++] = (byte) v;
        }

        private void u16(int v) {
            u8(v >> 8);
            u8(v);
        }

        private void marker(int m) {
            u8(0xFF);
            u8(m);
        }

        private void writeHeaders() {
            marker(0xD8);
            // JFIF APP0: version 1.01, no density unit, 1:1 aspect, no thumbnail
            marker(0xE0);
            u16(16);
            u8('J');
            u8('F');
            u8('I');
            u8('F');
            u8(0);
            u8(1);
            u8(1);
            u8(0);
            u16(1);
            u16(1);
            u8(0);
            u8(0);
            // DQT
            marker(0xDB);
            u16(2 + 2 * 65);
            u8(0);
            for (int k = 0; k < 64; k++) {
                u8(qY[ZZ[k]]);
            }
            u8(1);
            for (int k = 0; k < 64; k++) {
                u8(qC[ZZ[k]]);
            }
            // SOF0
            marker(0xC0);
            u16(8 + 3 * 3);
            u8(8);
            u16(height);
            u16(width);
            u8(3);
            u8(1);
            u8(0x22);
            u8(0);
            u8(2);
            u8(0x11);
            u8(1);
            u8(3);
            u8(0x11);
            u8(1);
            // DHT
            marker(0xC4);
            u16(2 + 4 * 17 + 12 + 12 + 162 + 162);
            huffmanTable(0x00, JpegTables.DC_LUMINANCE_BITS, JpegTables.DC_LUMINANCE_VALUES);
            huffmanTable(0x10, JpegTables.AC_LUMINANCE_BITS, JpegTables.AC_LUMINANCE_VALUES);
            huffmanTable(0x01, JpegTables.DC_CHROMINANCE_BITS, JpegTables.DC_CHROMINANCE_VALUES);
            huffmanTable(0x11, JpegTables.AC_CHROMINANCE_BITS, JpegTables.AC_CHROMINANCE_VALUES);
            // SOS
            marker(0xDA);
            u16(6 + 2 * 3);
            u8(3);
            u8(1);
            u8(0x00);
            u8(2);
            u8(0x11);
            u8(3);
            u8(0x11);
            u8(0);
            u8(63);
            u8(0);
        }

        private void huffmanTable(int classAndId, int[] bits, int[] values) {
            u8(classAndId);
            for (int b : bits) {
                u8(b);
            }
            for (int v : values) {
                u8(v);
            }
        }
    }
}
