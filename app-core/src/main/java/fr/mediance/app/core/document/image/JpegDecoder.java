package fr.mediance.app.core.document.image;

import java.util.Arrays;
import java.util.Objects;

/**
 * A JPEG decoder in plain Java (java.base only: no AWT, no ImageIO), so that it also runs in a native mobile image.
 *
 * <p>Reads baseline and extended sequential Huffman JPEGs (SOF0, SOF1) and progressive ones (SOF2), 8-bit,
 * grey or three-component (YCbCr, or RGB when an Adobe marker or the component ids say so), with any integral
 * chroma subsampling (4:4:4, 4:2:2, 4:2:0, 4:1:1, 4:4:0...), restart intervals, and the EXIF orientation tag,
 * which is applied so that the pixels come out upright. Missing Huffman tables fall back to the standard ones
 * (as motion-JPEG frames expect). Arithmetic coding, lossless, hierarchical, 12-bit and CMYK/YCCK JPEGs are
 * refused with an {@link ImageFormatException}.
 *
 * <p>When the caller only needs the picture at a smaller size, {@link #decode(byte[], int)} decodes directly at
 * 1/2, 1/4 or 1/8 scale with reduced inverse DCTs (4x4, 2x2, DC only), which is both faster and uses less memory;
 * the result is never smaller than the hint on its long edge.
 *
 * <p>Damaged data ends in an {@link ImageFormatException} rather than in an endless loop or an outsized
 * allocation: the declared size is bounded, the number of scans is bounded, and reading past the end of the
 * entropy-coded data by more than a couple of bytes is an error.
 */
public final class JpegDecoder {

    /** Largest picture accepted, in source pixels (a 108 MP phone sensor is 12000 x 9000). */
    static final long MAX_PIXELS = 150_000_000L;
    /** Progressive (and multi-scan) pictures keep all coefficients in memory: 2 bytes per sample. */
    static final long MAX_BUFFERED_SAMPLES = 90_000_000L;

    static final int MAX_SCANS = 1000;

    private static final int[] ZZ = JpegTables.ZIGZAG;

    private JpegDecoder() {}

    /**
     * Decodes a JPEG.
     *
     * @param jpeg        the file's bytes
     * @param maxEdgeHint the long edge the caller will scale the picture down to; the decoder may then decode at
     *                    1/2, 1/4 or 1/8 scale, as long as the long edge of the result stays at least this large.
     *                    Zero or negative: full size.
     * @return the upright pixels
     * @throws ImageFormatException not a JPEG, a damaged JPEG, or an unsupported variant
     */
    public static DecodedImage decode(byte[] jpeg, int maxEdgeHint) {
        Objects.requireNonNull(jpeg, "jpeg");
        return new JpegDecoder.Run(jpeg, maxEdgeHint, false).decode();
    }

    /** Reads the headers only (size, components, progressive, orientation), without decoding the picture. */
    public static JpegInfo readInfo(byte[] jpeg) {
        Objects.requireNonNull(jpeg, "jpeg");
        Run run = new Run(jpeg, 0, true);
        run.decode();
        return new JpegInfo(run.width, run.height, run.comps.length, run.progressive, run.orientation);
    }

    /** Whether the bytes start like a JPEG file (SOI marker followed by another marker). */
    public static boolean looksLikeJpeg(byte[] data) {
        return data != null
                && data.length >= 3
                && (data[0] & 0xFF) == 0xFF
                && (data[1] & 0xFF) == 0xD8
                && (data[2] & 0xFF) == 0xFF;
    }

    // ------------------------------------------------------------------------------------------------------

    /** A Huffman table ready for decoding: a 9-bit lookup table plus canonical-code bounds for longer codes. */
    static final class Huffman {
        static final int FAST_BITS = 9;
        /** (length << 8) | symbol for codes of at most FAST_BITS bits, 0 when the prefix needs the slow path. */
        final short[] fast = new short[1 << FAST_BITS];

        final int[] maxCode = new int[18];
        final int[] minCode = new int[17];
        final int[] valPtr = new int[17];
        final int[] values;
        /**
         * For AC tables: (value << 8) | (run << 4) | bits used, when a code and its magnitude bits fit in
         * FAST_BITS together; 0 otherwise.
         */
        final int[] fastAc = new int[1 << FAST_BITS];

        Huffman(int[] bits, int[] values) {
            this.values = values;
            int code = 0;
            int k = 0;
            for (int len = 1; len <= 16; len++) {
                int n = bits[len - 1];
                valPtr[len] = k;
                minCode[len] = code;
                code += n;
                k += n;
                if (code > (1 << len)) {
                    throw ImageFormatException.damaged();
                }
                maxCode[len] = n > 0 ? code - 1 : -1;
                code <<= 1;
            }
            maxCode[17] = Integer.MAX_VALUE;
            if (k > values.length) {
                throw ImageFormatException.damaged();
            }
            code = 0;
            k = 0;
            for (int len = 1; len <= FAST_BITS; len++) {
                for (int i = 0; i < bits[len - 1]; i++) {
                    int first = code << (FAST_BITS - len);
                    int count = 1 << (FAST_BITS - len);
                    short entry = (short) ((len << 8) | (values[k] & 0xFF));
                    for (int j = 0; j < count; j++) {
                        fast[first + j] = entry;
                    }
                    code++;
                    k++;
                }
                code <<= 1;
            }
            for (int i = 0; i < fast.length; i++) {
                int f = fast[i];
                if (f == 0) {
                    continue;
                }
                int len = f >> 8;
                int rs = f & 0xFF;
                int run = rs >> 4;
                int size = rs & 15;
                if (size != 0 && len + size <= FAST_BITS) {
                    int m = (i >> (FAST_BITS - len - size)) & ((1 << size) - 1);
                    int v = m < (1 << (size - 1)) ? m - (1 << size) + 1 : m;
                    fastAc[i] = (v << 8) | (run << 4) | (len + size);
                }
            }
        }

        static Huffman standard(boolean ac, boolean chroma) {
            if (ac) {
                return chroma
                        ? new Huffman(JpegTables.AC_CHROMINANCE_BITS, JpegTables.AC_CHROMINANCE_VALUES)
                        : new Huffman(JpegTables.AC_LUMINANCE_BITS, JpegTables.AC_LUMINANCE_VALUES);
            }
            return chroma
                    ? new Huffman(JpegTables.DC_CHROMINANCE_BITS, JpegTables.DC_CHROMINANCE_VALUES)
                    : new Huffman(JpegTables.DC_LUMINANCE_BITS, JpegTables.DC_LUMINANCE_VALUES);
        }
    }

    /** One colour component of the frame. */
    static final class Component {
        int id;
        int h;
        int v;
        int tq;
        /** Blocks per line / column, padded to whole MCUs. */
        int blocksPerLine;

        int blocksPerColumn;
        /** Blocks actually covering the component (a non-interleaved scan codes only these). */
        int blocksWide;

        int blocksHigh;
        /** Size of the component at the output scale, without padding. */
        int scaledWidth;

        int scaledHeight;
        /** Output samples at the decoding scale, padded; stride = blocksPerLine * blockSize. */
        byte[] plane;

        int stride;
        /** Coefficients (natural order, not dequantised) when the picture is decoded scan by scan. */
        short[] coefs;

        int pred;
        Huffman dc;
        Huffman ac;
    }

    /** One decoding run over one file. */
    static final class Run {
        private final byte[] d;
        private final int len;
        private final int maxEdgeHint;
        private final boolean headersOnly;

        private int pos;

        // headers
        int width;
        int height;
        boolean progressive;
        int orientation = 1;
        Component[] comps = new Component[0];
        private boolean frameSeen;
        private boolean jfif;
        private int adobeTransform = -1;
        private final int[][] quant = new int[4][];
        private final Huffman[] dcTables = new Huffman[4];
        private final Huffman[] acTables = new Huffman[4];
        private int restartInterval;

        // geometry
        private int hMax;
        private int vMax;
        private int mcusPerLine;
        private int mcusPerColumn;
        private int scale = 1;
        private int blockSize = 8;
        private boolean buffered;
        private boolean planesReady;
        private int scans;
        private boolean completeScan;

        // entropy decoder state
        private int bitBuf;
        private int bitCnt;
        private boolean markerHit;
        private int fakeBytes;
        private int eobrun;
        private final int[] blk = new int[64];
        private final float[] ftmp = new float[64];
        private final int[] itmp = new int[64];

        Run(byte[] d, int maxEdgeHint, boolean headersOnly) {
            this.d = d;
            this.len = d.length;
            this.maxEdgeHint = maxEdgeHint;
            this.headersOnly = headersOnly;
        }

        DecodedImage decode() {
            if (!looksLikeJpeg(d)) {
                throw ImageFormatException.notAnImage();
            }
            pos = 2;
            boolean eoi = false;
            loop:
            while (true) {
                int m = nextMarker();
                switch (m) {
                    case -1:
                        break loop;
                    case 0xD9:
                        eoi = true;
                        break loop;
                    case 0xD8, 0x01:
                        break;
                    case 0xC0, 0xC1, 0xC2:
                        readFrame(m == 0xC2);
                        if (headersOnly) {
                            return null;
                        }
                        break;
                    case 0xC3:
                        throw ImageFormatException.unsupported("JPEG sans perte");
                    case 0xC5, 0xC6, 0xC7, 0xCD, 0xCE, 0xCF, 0xDE:
                        throw ImageFormatException.unsupported("JPEG hiérarchique");
                    case 0xC9, 0xCA, 0xCB, 0xCC:
                        throw ImageFormatException.unsupported("codage arithmétique");
                    case 0xC4:
                        readHuffmanTables();
                        break;
                    case 0xDB:
                        readQuantTables();
                        break;
                    case 0xDD: {
                        int end = segmentEnd();
                        if (end - pos < 2) {
                            throw ImageFormatException.damaged();
                        }
                        restartInterval = u16(pos);
                        pos = end;
                        break;
                    }
                    case 0xDA:
                        if (!frameSeen) {
                            throw ImageFormatException.damaged();
                        }
                        readScan();
                        break;
                    case 0xE0: {
                        int end = segmentEnd();
                        if (end - pos >= 5
                                && d[pos] == 'J'
                                && d[pos + 1] == 'F'
                                && d[pos + 2] == 'I'
                                && d[pos + 3] == 'F'
                                && d[pos + 4] == 0) {
                            jfif = true;
                        }
                        pos = end;
                        break;
                    }
                    case 0xE1: {
                        int end = segmentEnd();
                        readExif(pos, end);
                        pos = end;
                        break;
                    }
                    case 0xEE: {
                        int end = segmentEnd();
                        if (end - pos >= 12
                                && d[pos] == 'A'
                                && d[pos + 1] == 'd'
                                && d[pos + 2] == 'o'
                                && d[pos + 3] == 'b'
                                && d[pos + 4] == 'e') {
                            adobeTransform = d[pos + 11] & 0xFF;
                        }
                        pos = end;
                        break;
                    }
                    default:
                        if (m >= 0xD0 && m <= 0xD7) {
                            break; // stray restart marker between segments
                        }
                        pos = segmentEnd();
                }
            }
            if (!frameSeen || scans == 0) {
                throw ImageFormatException.damaged();
            }
            if (!eoi && (buffered || !completeScan)) {
                // a progressive picture cut between scans, or a sequential one cut in its scan
                throw ImageFormatException.damaged();
            }
            return finish();
        }

        // ---------------------------------------------------------------------------------- segments

        /** Position after the next marker code; -1 at the end of the data. Skips stray bytes and fill bytes. */
        private int nextMarker() {
            while (true) {
                while (pos < len && d[pos] != (byte) 0xFF) {
                    pos++;
                }
                while (pos < len && d[pos] == (byte) 0xFF) {
                    pos++;
                }
                if (pos >= len) {
                    return -1;
                }
                int m = d[pos++] & 0xFF;
                if (m != 0) {
                    return m;
                }
            }
        }

        private int u16(int at) {
            if (at + 1 >= len) {
                throw ImageFormatException.damaged();
            }
            return ((d[at] & 0xFF) << 8) | (d[at + 1] & 0xFF);
        }

        private int u8(int at, int end) {
            if (at >= end) {
                throw ImageFormatException.damaged();
            }
            return d[at] & 0xFF;
        }

        /** Reads the segment length at pos, moves pos past it and returns the segment's end. */
        private int segmentEnd() {
            int length = u16(pos);
            if (length < 2 || pos + length > len) {
                throw ImageFormatException.damaged();
            }
            int end = pos + length;
            pos += 2;
            return end;
        }

        private void readQuantTables() {
            int end = segmentEnd();
            while (pos < end) {
                int pq = u8(pos, end) >> 4;
                int tq = u8(pos, end) & 15;
                pos++;
                if (tq > 3 || pq > 1) {
                    throw ImageFormatException.damaged();
                }
                int[] q = new int[64];
                for (int k = 0; k < 64; k++) {
                    int v;
                    if (pq == 0) {
                        v = u8(pos, end);
                        pos++;
                    } else {
                        if (pos + 1 >= end) {
                            throw ImageFormatException.damaged();
                        }
                        v = u16(pos);
                        pos += 2;
                    }
                    q[ZZ[k]] = v;
                }
                quant[tq] = q;
            }
            pos = end;
        }

        private void readHuffmanTables() {
            int end = segmentEnd();
            while (pos < end) {
                int tc = u8(pos, end) >> 4;
                int th = u8(pos, end) & 15;
                pos++;
                if (tc > 1 || th > 3) {
                    throw ImageFormatException.damaged();
                }
                int[] bits = new int[16];
                int total = 0;
                for (int i = 0; i < 16; i++) {
                    bits[i] = u8(pos++, end);
                    total += bits[i];
                }
                if (total > 256 || pos + total > end) {
                    throw ImageFormatException.damaged();
                }
                int[] values = new int[total];
                for (int i = 0; i < total; i++) {
                    values[i] = d[pos++] & 0xFF;
                }
                Huffman table = new Huffman(bits, values);
                if (tc == 0) {
                    dcTables[th] = table;
                } else {
                    acTables[th] = table;
                }
            }
            pos = end;
        }

        private void readExif(int start, int end) {
            if (end - start < 14
                    || d[start] != 'E'
                    || d[start + 1] != 'x'
                    || d[start + 2] != 'i'
                    || d[start + 3] != 'f'
                    || d[start + 4] != 0
                    || d[start + 5] != 0) {
                return;
            }
            int tiff = start + 6;
            boolean little;
            if (d[tiff] == 'I' && d[tiff + 1] == 'I') {
                little = true;
            } else if (d[tiff] == 'M' && d[tiff + 1] == 'M') {
                little = false;
            } else {
                return;
            }
            int size = end - tiff;
            if (tiffU16(tiff, 2, little) != 42) {
                return;
            }
            long ifd = tiffU32(tiff, 4, little);
            if (ifd < 8 || ifd + 2 > size) {
                return;
            }
            int count = tiffU16(tiff, (int) ifd, little);
            for (int i = 0; i < count; i++) {
                int entry = (int) ifd + 2 + i * 12;
                if (entry + 12 > size) {
                    return;
                }
                if (tiffU16(tiff, entry, little) == 0x0112) {
                    int type = tiffU16(tiff, entry + 2, little);
                    int value = type == 3
                            ? tiffU16(tiff, entry + 8, little)
                            : type == 4 ? (int) tiffU32(tiff, entry + 8, little) : 1;
                    orientation = value >= 1 && value <= 8 ? value : 1;
                    return;
                }
            }
        }

        private int tiffU16(int tiff, int off, boolean little) {
            int a = d[tiff + off] & 0xFF;
            int b = d[tiff + off + 1] & 0xFF;
            return little ? a | (b << 8) : (a << 8) | b;
        }

        private long tiffU32(int tiff, int off, boolean little) {
            long a = tiffU16(tiff, off, little);
            long b = tiffU16(tiff, off + 2, little);
            return little ? a | (b << 16) : (a << 16) | b;
        }

        private void readFrame(boolean isProgressive) {
            if (frameSeen) {
                throw ImageFormatException.damaged();
            }
            int end = segmentEnd();
            if (end - pos < 6) {
                throw ImageFormatException.damaged();
            }
            int precision = d[pos] & 0xFF;
            height = u16(pos + 1);
            width = u16(pos + 3);
            int nc = d[pos + 5] & 0xFF;
            pos += 6;
            if (precision == 12 || precision == 16) {
                throw ImageFormatException.unsupported(precision + " bits par composante");
            }
            if (precision != 8) {
                throw ImageFormatException.damaged();
            }
            if (width == 0 || height == 0) {
                throw ImageFormatException.unsupported("hauteur définie par DNL");
            }
            if (nc == 4) {
                throw ImageFormatException.unsupported("CMYK");
            }
            if (nc != 1 && nc != 3) {
                throw ImageFormatException.damaged();
            }
            if (end - pos < nc * 3) {
                throw ImageFormatException.damaged();
            }
            progressive = isProgressive;
            comps = new Component[nc];
            for (int i = 0; i < nc; i++) {
                Component c = new Component();
                c.id = d[pos] & 0xFF;
                c.h = (d[pos + 1] & 0xFF) >> 4;
                c.v = d[pos + 1] & 15;
                c.tq = d[pos + 2] & 0xFF;
                pos += 3;
                if (c.h < 1 || c.h > 4 || c.v < 1 || c.v > 4 || c.tq > 3) {
                    throw ImageFormatException.damaged();
                }
                comps[i] = c;
            }
            pos = end;
            frameSeen = true;
            if (headersOnly) {
                return;
            }
            if ((long) width * height > MAX_PIXELS) {
                throw ImageFormatException.tooLarge();
            }
            if (nc == 1) {
                comps[0].h = 1; // a lone component is never subsampled
                comps[0].v = 1;
            }
            for (Component c : comps) {
                hMax = Math.max(hMax, c.h);
                vMax = Math.max(vMax, c.v);
            }
            for (Component c : comps) {
                if (hMax % c.h != 0 || vMax % c.v != 0) {
                    throw ImageFormatException.unsupported("sous-échantillonnage fractionnaire");
                }
            }
            mcusPerLine = ceilDiv(width, 8 * hMax);
            mcusPerColumn = ceilDiv(height, 8 * vMax);
            int longEdge = Math.max(width, height);
            scale = 1;
            if (maxEdgeHint > 0) {
                while (scale < 8 && (long) longEdge >= (long) maxEdgeHint * scale * 2) {
                    scale *= 2;
                }
            }
            blockSize = 8 / scale;
            for (Component c : comps) {
                c.blocksPerLine = mcusPerLine * c.h;
                c.blocksPerColumn = mcusPerColumn * c.v;
                int cw = ceilDiv(width * c.h, hMax);
                int ch = ceilDiv(height * c.v, vMax);
                c.blocksWide = ceilDiv(cw, 8);
                c.blocksHigh = ceilDiv(ch, 8);
                c.scaledWidth = Math.max(1, ceilDiv(width * c.h, hMax * scale));
                c.scaledHeight = Math.max(1, ceilDiv(height * c.v, vMax * scale));
            }
        }

        private void allocate(boolean needCoefficients) {
            buffered = needCoefficients;
            long samples = 0;
            for (Component c : comps) {
                samples += (long) c.blocksPerLine * c.blocksPerColumn * 64;
            }
            if (buffered && samples > MAX_BUFFERED_SAMPLES) {
                throw ImageFormatException.tooLarge();
            }
            for (Component c : comps) {
                c.stride = c.blocksPerLine * blockSize;
                c.plane = new byte[c.stride * c.blocksPerColumn * blockSize];
                if (buffered) {
                    c.coefs = new short[c.blocksPerLine * c.blocksPerColumn * 64];
                }
            }
            planesReady = true;
        }

        // ---------------------------------------------------------------------------------- scans

        private static final int MODE_STREAM = 0;
        private static final int MODE_SEQUENTIAL_BUFFERED = 1;
        private static final int MODE_DC_FIRST = 2;
        private static final int MODE_DC_REFINE = 3;
        private static final int MODE_AC_FIRST = 4;
        private static final int MODE_AC_REFINE = 5;

        private void readScan() {
            int end = segmentEnd();
            int ns = u8(pos, end);
            pos++;
            if (ns < 1 || ns > 4 || end - pos < ns * 2 + 3) {
                throw ImageFormatException.damaged();
            }
            Component[] sc = new Component[ns];
            int blocksInMcu = 0;
            for (int i = 0; i < ns; i++) {
                int id = d[pos] & 0xFF;
                int tables = d[pos + 1] & 0xFF;
                pos += 2;
                Component c = null;
                for (Component k : comps) {
                    if (k.id == id) {
                        c = k;
                    }
                }
                if (c == null) {
                    throw ImageFormatException.damaged();
                }
                for (int j = 0; j < i; j++) {
                    if (sc[j] == c) {
                        throw ImageFormatException.damaged();
                    }
                }
                boolean chroma = c != comps[0];
                int td = tables >> 4;
                int ta = tables & 15;
                if (td > 3 || ta > 3) {
                    throw ImageFormatException.damaged();
                }
                c.dc = dcTables[td] != null ? dcTables[td] : Huffman.standard(false, chroma);
                c.ac = acTables[ta] != null ? acTables[ta] : Huffman.standard(true, chroma);
                if (quant[c.tq] == null) {
                    throw ImageFormatException.damaged();
                }
                sc[i] = c;
                blocksInMcu += c.h * c.v;
            }
            int ss = d[pos] & 0xFF;
            int se = d[pos + 1] & 0xFF;
            int ah = (d[pos + 2] & 0xFF) >> 4;
            int al = d[pos + 2] & 15;
            pos = end;
            if (ns > 1 && blocksInMcu > 10) {
                throw ImageFormatException.damaged();
            }
            if (++scans > MAX_SCANS) {
                throw ImageFormatException.damaged();
            }
            int mode;
            if (progressive) {
                if (ss > se || se > 63 || al > 13 || (ss == 0 && se != 0) || (ss > 0 && ns != 1)) {
                    throw ImageFormatException.damaged();
                }
                if (ss == 0) {
                    mode = ah == 0 ? MODE_DC_FIRST : MODE_DC_REFINE;
                } else {
                    mode = ah == 0 ? MODE_AC_FIRST : MODE_AC_REFINE;
                }
            } else {
                ss = 0;
                se = 63;
                mode = MODE_STREAM;
            }
            if (!planesReady) {
                allocate(progressive || ns < comps.length);
            }
            if (buffered && mode == MODE_STREAM) {
                mode = MODE_SEQUENTIAL_BUFFERED;
            } else if (!buffered && scans > 1) {
                // a second full scan of a sequential picture that was streamed: ignore it
                skipEntropyData();
                return;
            }
            decodeScan(sc, mode, ss, se, ah, al);
        }

        private void skipEntropyData() {
            while (pos + 1 < len) {
                if (d[pos] == (byte) 0xFF && d[pos + 1] != 0 && (d[pos + 1] & 0xF8) != 0xD0) {
                    return;
                }
                pos++;
            }
            pos = len;
        }

        private void decodeScan(Component[] sc, int mode, int ss, int se, int ah, int al) {
            bitBuf = 0;
            bitCnt = 0;
            markerHit = false;
            fakeBytes = 0;
            eobrun = 0;
            for (Component c : comps) {
                c.pred = 0;
            }
            boolean single = sc.length == 1;
            int mcusX = single ? sc[0].blocksWide : mcusPerLine;
            int mcusY = single ? sc[0].blocksHigh : mcusPerColumn;
            int untilRestart = restartInterval;
            for (int my = 0; my < mcusY; my++) {
                for (int mx = 0; mx < mcusX; mx++) {
                    if (restartInterval > 0) {
                        if (untilRestart == 0) {
                            restart();
                            untilRestart = restartInterval;
                        }
                        untilRestart--;
                    }
                    if (single) {
                        decodeBlock(sc[0], mx, my, mode, ss, se, ah, al);
                    } else {
                        for (Component c : sc) {
                            for (int v = 0; v < c.v; v++) {
                                for (int h = 0; h < c.h; h++) {
                                    decodeBlock(c, mx * c.h + h, my * c.v + v, mode, ss, se, ah, al);
                                }
                            }
                        }
                    }
                    if (fakeBytes > 0 && (fakeBytes << 3) - bitCnt > 16) {
                        throw ImageFormatException.damaged(); // ran out of data
                    }
                }
            }
            if (sc.length == comps.length) {
                completeScan = true;
            }
        }

        private void restart() {
            bitBuf = 0;
            bitCnt = 0;
            fakeBytes = 0;
            eobrun = 0;
            for (Component c : comps) {
                c.pred = 0;
            }
            int m = nextMarker();
            if (m < 0xD0 || m > 0xD7) {
                throw ImageFormatException.damaged();
            }
            markerHit = false;
        }

        private void decodeBlock(Component c, int bx, int by, int mode, int ss, int se, int ah, int al) {
            switch (mode) {
                case MODE_STREAM: {
                    int last = decodeSequential(c, blk);
                    int bs = blockSize;
                    idct(blk, last, quant[c.tq], c.plane, by * bs * c.stride + bx * bs, c.stride);
                    break;
                }
                case MODE_SEQUENTIAL_BUFFERED: {
                    int last = decodeSequential(c, blk);
                    int off = (by * c.blocksPerLine + bx) * 64;
                    short[] out = c.coefs;
                    for (int k = 0; k <= last; k++) {
                        int z = ZZ[k];
                        out[off + z] = (short) blk[z];
                        blk[z] = 0;
                    }
                    break;
                }
                case MODE_DC_FIRST: {
                    int t = decodeHuffman(c.dc);
                    int diff = 0;
                    if (t != 0) {
                        if (t > 16) {
                            throw ImageFormatException.damaged();
                        }
                        diff = extend(getBits(t), t);
                    }
                    c.pred += diff;
                    c.coefs[(by * c.blocksPerLine + bx) * 64] = (short) (c.pred << al);
                    break;
                }
                case MODE_DC_REFINE:
                    if (getBits(1) != 0) {
                        c.coefs[(by * c.blocksPerLine + bx) * 64] |= (short) (1 << al);
                    }
                    break;
                case MODE_AC_FIRST:
                    decodeAcFirst(c, (by * c.blocksPerLine + bx) * 64, ss, se, al);
                    break;
                default:
                    decodeAcRefine(c, (by * c.blocksPerLine + bx) * 64, ss, se, al);
            }
        }

        /** Baseline block into blk (natural order, quantised values); returns the zig-zag index of the last one. */
        private int decodeSequential(Component c, int[] out) {
            int t = decodeHuffman(c.dc);
            int diff = 0;
            if (t != 0) {
                if (t > 16) {
                    throw ImageFormatException.damaged();
                }
                diff = extend(getBits(t), t);
            }
            c.pred += diff;
            out[0] = c.pred;
            Huffman ac = c.ac;
            int last = 0;
            int k = 1;
            int[] fastAc = ac.fastAc;
            while (k < 64) {
                if (bitCnt < 16) {
                    fill();
                }
                int fa = fastAc[bitBuf >>> (32 - Huffman.FAST_BITS)];
                if (fa != 0) {
                    int used = fa & 15;
                    bitBuf <<= used;
                    bitCnt -= used;
                    k += (fa >> 4) & 15;
                    if (k > 63) {
                        throw ImageFormatException.damaged();
                    }
                    out[ZZ[k]] = fa >> 8;
                    last = k;
                    k++;
                    continue;
                }
                int rs = decodeHuffman(ac);
                int r = rs >> 4;
                int s = rs & 15;
                if (s == 0) {
                    if (r != 15) {
                        break;
                    }
                    k += 16;
                    continue;
                }
                k += r;
                if (k > 63) {
                    throw ImageFormatException.damaged();
                }
                out[ZZ[k]] = extend(getBits(s), s);
                last = k;
                k++;
            }
            return last;
        }

        private void decodeAcFirst(Component c, int off, int ss, int se, int al) {
            if (eobrun > 0) {
                eobrun--;
                return;
            }
            short[] co = c.coefs;
            Huffman ac = c.ac;
            int k = ss;
            while (k <= se) {
                int rs = decodeHuffman(ac);
                int r = rs >> 4;
                int s = rs & 15;
                if (s == 0) {
                    if (r < 15) {
                        eobrun = (1 << r) - 1;
                        if (r > 0) {
                            eobrun += getBits(r);
                        }
                        break;
                    }
                    k += 16;
                    continue;
                }
                k += r;
                if (k > se) {
                    throw ImageFormatException.damaged();
                }
                co[off + ZZ[k]] = (short) (extend(getBits(s), s) * (1 << al));
                k++;
            }
        }

        private void decodeAcRefine(Component c, int off, int ss, int se, int al) {
            short[] co = c.coefs;
            int p1 = 1 << al;
            int m1 = -1 << al;
            int k = ss;
            if (eobrun == 0) {
                Huffman ac = c.ac;
                for (; k <= se; k++) {
                    int rs = decodeHuffman(ac);
                    int r = rs >> 4;
                    int s = rs & 15;
                    int value = 0;
                    if (s != 0) {
                        if (s != 1) {
                            throw ImageFormatException.damaged();
                        }
                        value = getBits(1) != 0 ? p1 : m1;
                    } else if (r != 15) {
                        eobrun = 1 << r;
                        if (r > 0) {
                            eobrun += getBits(r);
                        }
                        break;
                    }
                    // skip r zero-history coefficients (refining the non-zero ones met on the way)
                    while (k <= se) {
                        int z = off + ZZ[k];
                        if (co[z] != 0) {
                            refine(co, z, p1, m1);
                        } else {
                            if (r == 0) {
                                break;
                            }
                            r--;
                        }
                        k++;
                    }
                    if (value != 0) {
                        if (k > se) {
                            throw ImageFormatException.damaged();
                        }
                        co[off + ZZ[k]] = (short) value;
                    }
                }
            }
            if (eobrun > 0) {
                for (; k <= se; k++) {
                    int z = off + ZZ[k];
                    if (co[z] != 0) {
                        refine(co, z, p1, m1);
                    }
                }
                eobrun--;
            }
        }

        private void refine(short[] co, int z, int p1, int m1) {
            if (getBits(1) != 0 && (co[z] & p1) == 0) {
                co[z] = (short) (co[z] >= 0 ? co[z] + p1 : co[z] + m1);
            }
        }

        // ---------------------------------------------------------------------------------- bits

        private void fill() {
            while (bitCnt <= 24) {
                int b = 0;
                if (!markerHit) {
                    if (pos >= len) {
                        markerHit = true;
                    } else {
                        b = d[pos] & 0xFF;
                        if (b == 0xFF) {
                            int next = pos + 1 < len ? d[pos + 1] & 0xFF : -1;
                            if (next == 0) {
                                pos += 2;
                            } else {
                                markerHit = true; // a marker (or the end): leave pos on it
                                b = 0;
                            }
                        } else {
                            pos++;
                        }
                    }
                }
                if (markerHit) {
                    fakeBytes++;
                }
                bitBuf |= b << (24 - bitCnt);
                bitCnt += 8;
            }
        }

        private int getBits(int n) {
            if (bitCnt < n) {
                fill();
            }
            int v = bitBuf >>> (32 - n);
            bitBuf <<= n;
            bitCnt -= n;
            return v;
        }

        private static int extend(int v, int n) {
            return v < (1 << (n - 1)) ? v - (1 << n) + 1 : v;
        }

        private int decodeHuffman(Huffman h) {
            if (bitCnt < 16) {
                fill();
            }
            int f = h.fast[bitBuf >>> (32 - Huffman.FAST_BITS)];
            if (f != 0) {
                int l = f >> 8;
                bitBuf <<= l;
                bitCnt -= l;
                return f & 0xFF;
            }
            int look = bitBuf >>> 16;
            for (int l = Huffman.FAST_BITS + 1; l <= 16; l++) {
                int code = look >>> (16 - l);
                if (code <= h.maxCode[l]) {
                    bitBuf <<= l;
                    bitCnt -= l;
                    return h.values[h.valPtr[l] + code - h.minCode[l]];
                }
            }
            throw ImageFormatException.damaged();
        }

        // ---------------------------------------------------------------------------------- IDCT

        private void idct(int[] b, int last, int[] q, byte[] out, int off, int stride) {
            if (last == 0 || blockSize == 1) {
                int dc = b[0] * q[0];
                b[0] = 0;
                if (last != 0) {
                    Arrays.fill(b, 0);
                }
                int v = clamp(((dc + 4) >> 3) + 128);
                byte bv = (byte) v;
                int bs = blockSize;
                for (int y = 0; y < bs; y++) {
                    int o = off + y * stride;
                    for (int x = 0; x < bs; x++) {
                        out[o + x] = bv;
                    }
                }
                return;
            }
            if (blockSize == 8) {
                Idct.idct8(b, q, out, off, stride, itmp);
            } else if (blockSize == 4) {
                Idct.idct4(b, q, out, off, stride, ftmp);
            } else {
                Idct.idct2(b, q, out, off, stride);
            }
            for (int k = 0; k <= last; k++) {
                b[ZZ[k]] = 0;
            }
        }

        // ---------------------------------------------------------------------------------- output

        private DecodedImage finish() {
            if (buffered) {
                for (Component c : comps) {
                    int[] q = quant[c.tq];
                    short[] co = c.coefs;
                    for (int by = 0; by < c.blocksPerColumn; by++) {
                        for (int bx = 0; bx < c.blocksPerLine; bx++) {
                            int off = (by * c.blocksPerLine + bx) * 64;
                            int last = 0;
                            for (int k = 63; k > 0; k--) {
                                if (co[off + ZZ[k]] != 0) {
                                    last = k;
                                    break;
                                }
                            }
                            for (int k = 0; k <= last; k++) {
                                int z = ZZ[k];
                                blk[z] = co[off + z];
                            }
                            idct(blk, last, q, c.plane, by * blockSize * c.stride + bx * blockSize, c.stride);
                        }
                    }
                    c.coefs = null;
                }
            }
            int outW = ceilDiv(width, scale);
            int outH = ceilDiv(height, scale);
            int[] rgb = new int[outW * outH];
            if (comps.length == 1) {
                Component c = comps[0];
                for (int y = 0; y < outH; y++) {
                    int o = y * outW;
                    int p = y * c.stride;
                    for (int x = 0; x < outW; x++) {
                        int g = c.plane[p + x] & 0xFF;
                        rgb[o + x] = 0xFF000000 | (g << 16) | (g << 8) | g;
                    }
                }
            } else {
                boolean rgbColour = adobeTransform == 0
                        || (adobeTransform < 0
                                && !jfif
                                && comps[0].id == 'R'
                                && comps[1].id == 'G'
                                && comps[2].id == 'B');
                ColourConverter.convert(comps, outW, outH, hMax, vMax, rgbColour, rgb);
            }
            for (Component c : comps) {
                c.plane = null;
            }
            int[] upright = Orientation.apply(rgb, outW, outH, orientation);
            boolean swap = orientation >= 5;
            return new DecodedImage(
                    upright,
                    swap ? outH : outW,
                    swap ? outW : outH,
                    swap ? height : width,
                    swap ? width : height,
                    orientation);
        }

        private static int ceilDiv(int a, int b) {
            return (a + b - 1) / b;
        }
    }

    static int clamp(int v) {
        return v < 0 ? 0 : Math.min(v, 255);
    }
}
