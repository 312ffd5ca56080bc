package fr.mediance.app.core.document.image;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.testing.ReferenceImages;
import java.awt.image.BufferedImage;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JpegEncoderTest {

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1,1", "17,9", "16,16", "31,33", "640,480"})
    void output_is_read_by_imageio_at_the_right_size(int w, int h) {
        BufferedImage src = ReferenceImages.photo(w, h, 11);
        byte[] jpeg = JpegEncoder.encode(ReferenceImages.rgb(src), w, h, 80);

        BufferedImage back = ReferenceImages.read(jpeg);

        assertThat(back.getWidth()).isEqualTo(w);
        assertThat(back.getHeight()).isEqualTo(h);
        if (w >= 100) { // tiny pictures with sharp colour edges lose more to 4:2:0
            assertThat(ReferenceImages.psnr(ReferenceImages.rgb(src), ReferenceImages.rgb(back)))
                    .isGreaterThan(30);
        }
        // and our decoder reads it the way ImageIO does
        assertThat(ReferenceImages.meanAbsoluteError(
                        ReferenceImages.rgb(back), JpegDecoder.decode(jpeg, 0).rgb()))
                .isLessThan(1.0);
    }

    @Test
    void a_photographed_bill_keeps_30_db_at_quality_80() {
        BufferedImage src = ReferenceImages.bill(1200, 900, 8);
        byte[] jpeg = JpegEncoder.encode(ReferenceImages.rgb(src), 1200, 900, 80);
        assertThat(ReferenceImages.psnr(ReferenceImages.rgb(src), ReferenceImages.rgb(ReferenceImages.read(jpeg))))
                .isGreaterThan(30);
    }

    @Test
    void size_decreases_with_quality() {
        BufferedImage src = ReferenceImages.bill(800, 600, 4);
        int[] rgb = ReferenceImages.rgb(src);
        int previous = Integer.MAX_VALUE;
        double previousPsnr = 99;
        for (int q : new int[] {98, 90, 80, 60, 40, 20, 5}) {
            byte[] jpeg = JpegEncoder.encode(rgb, 800, 600, q);
            double psnr = ReferenceImages.psnr(rgb, ReferenceImages.rgb(ReferenceImages.read(jpeg)));
            assertThat(jpeg.length).as("quality %d", q).isLessThan(previous);
            assertThat(psnr).as("quality %d", q).isLessThan(previousPsnr);
            previous = jpeg.length;
            previousPsnr = psnr;
        }
    }

    @Test
    void writes_a_plain_jfif_baseline_file_without_exif() {
        byte[] jpeg = JpegEncoder.encode(ReferenceImages.rgb(ReferenceImages.photo(50, 40, 1)), 50, 40, 80);
        assertThat(jpeg[0] & 0xFF).isEqualTo(0xFF);
        assertThat(jpeg[1] & 0xFF).isEqualTo(0xD8);
        assertThat(jpeg[3] & 0xFF).isEqualTo(0xE0);
        assertThat(new String(jpeg, 6, 4, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("JFIF");
        assertThat(ReferenceImages.hasExifSegment(jpeg)).isFalse();
        assertThat(jpeg[jpeg.length - 2] & 0xFF).isEqualTo(0xFF);
        assertThat(jpeg[jpeg.length - 1] & 0xFF).isEqualTo(0xD9);
        JpegInfo info = JpegDecoder.readInfo(jpeg);
        assertThat(info).isEqualTo(new JpegInfo(50, 40, 3, false, 1));
    }

    @Test
    void alpha_byte_is_ignored() {
        int[] opaque = ReferenceImages.rgb(ReferenceImages.photo(40, 40, 3));
        int[] noAlpha = opaque.clone();
        for (int i = 0; i < noAlpha.length; i++) {
            noAlpha[i] &= 0xFFFFFF;
        }
        assertThat(JpegEncoder.encode(noAlpha, 40, 40, 80)).isEqualTo(JpegEncoder.encode(opaque, 40, 40, 80));
    }

    @Test
    void standard_tables_are_consistent() {
        int[] expectedZigzag = {
            0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7,
            14, 21, 28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46,
            53, 60, 61, 54, 47, 55, 62, 63
        };
        assertThat(JpegTables.ZIGZAG).containsExactly(expectedZigzag);
        for (int[][] table : new int[][][] {
            {JpegTables.AC_LUMINANCE_BITS, JpegTables.AC_LUMINANCE_VALUES},
            {JpegTables.AC_CHROMINANCE_BITS, JpegTables.AC_CHROMINANCE_VALUES}
        }) {
            int count = 0;
            for (int b : table[0]) {
                count += b;
            }
            assertThat(count).isEqualTo(162).isEqualTo(table[1].length);
            Set<Integer> symbols = new HashSet<>();
            for (int v : table[1]) {
                symbols.add(v);
            }
            Set<Integer> all = new HashSet<>(Set.of(0x00, 0xF0));
            for (int run = 0; run < 16; run++) {
                for (int size = 1; size <= 10; size++) {
                    all.add(run << 4 | size);
                }
            }
            assertThat(symbols).isEqualTo(all);
        }
        assertThat(JpegTables.scaledQuant(JpegTables.STD_LUMINANCE_QUANT, 50))
                .containsExactly(JpegTables.STD_LUMINANCE_QUANT);
        assertThat(JpegTables.scaledQuant(JpegTables.STD_LUMINANCE_QUANT, 100)).containsOnly(1);
    }

    @Test
    void reduced_idcts_agree_with_the_textbook_formula() {
        Random rnd = new Random(8);
        int[] q = new int[64];
        java.util.Arrays.fill(q, 3);
        for (int n : new int[] {4, 2}) {
            byte[] fast = new byte[64];
            byte[] slow = new byte[64];
            for (int it = 0; it < 300; it++) {
                int[] coef = new int[64];
                for (int k = 0; k < 12; k++) {
                    coef[rnd.nextInt(64)] = rnd.nextInt(160) - 80;
                }
                coef[0] = rnd.nextInt(500) - 250;
                if (n == 4) {
                    Idct.idct4(coef, q, fast, 0, 8, new float[64]);
                } else {
                    Idct.idct2(coef, q, fast, 0, 8);
                }
                Idct.idctReduced(coef, q, slow, 0, 8, n, new float[64]);
                for (int y = 0; y < n; y++) {
                    for (int x = 0; x < n; x++) {
                        assertThat(Math.abs((fast[y * 8 + x] & 0xFF) - (slow[y * 8 + x] & 0xFF)))
                                .as("n=%d (%d,%d)", n, x, y)
                                .isLessThanOrEqualTo(1);
                    }
                }
            }
        }
    }

    @Test
    void integer_idct_agrees_with_the_textbook_formula() {
        Random rnd = new Random(7);
        int[] q = new int[64];
        java.util.Arrays.fill(q, 1);
        byte[] fast = new byte[64];
        byte[] slow = new byte[64];
        for (int it = 0; it < 500; it++) {
            int[] coef = new int[64];
            int n = 1 + rnd.nextInt(20);
            for (int k = 0; k < n; k++) {
                coef[rnd.nextInt(64)] = rnd.nextInt(400) - 200;
            }
            coef[0] = rnd.nextInt(1600) - 800;
            Idct.idct8(coef, q, fast, 0, 8, new int[64]);
            Idct.idctReduced(coef, q, slow, 0, 8, 8, new float[64]);
            for (int i = 0; i < 64; i++) {
                assertThat(Math.abs((fast[i] & 0xFF) - (slow[i] & 0xFF)))
                        .as("sample %d", i)
                        .isLessThanOrEqualTo(1);
            }
        }
    }
}
