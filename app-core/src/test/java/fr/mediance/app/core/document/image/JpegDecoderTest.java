package fr.mediance.app.core.document.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import fr.mediance.testing.ReferenceImages;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class JpegDecoderTest {

    static Stream<Arguments> kinds() {
        List<Arguments> list = new ArrayList<>();
        int[][] sizes = {{1, 1}, {17, 9}, {8, 8}, {16, 16}, {33, 65}, {333, 221}};
        for (int[] s : sizes) {
            for (ReferenceImages.Sampling sampling : new ReferenceImages.Sampling[] {
                ReferenceImages.Sampling.S420,
                ReferenceImages.Sampling.S444,
                ReferenceImages.Sampling.S422,
                ReferenceImages.Sampling.S440
            }) {
                for (boolean progressive : new boolean[] {false, true}) {
                    for (int restart : new int[] {0, 3}) {
                        list.add(Arguments.of(s[0], s[1], sampling, progressive, restart));
                    }
                }
            }
        }
        return list.stream();
    }

    @ParameterizedTest(name = "{0}x{1} {2} progressive={3} restart={4}")
    @MethodSource("kinds")
    void decodes_colour_jpegs_like_imageio(
            int w, int h, ReferenceImages.Sampling sampling, boolean progressive, int restart) {
        byte[] jpeg =
                ReferenceImages.jpeg(ReferenceImages.photo(w, h, w * 31L + h), 0.85f, sampling, progressive, restart);
        int[] reference = ReferenceImages.rgb(ReferenceImages.read(jpeg));

        DecodedImage img = JpegDecoder.decode(jpeg, 0);

        assertThat(img.width()).isEqualTo(w);
        assertThat(img.height()).isEqualTo(h);
        assertThat(img.sourceWidth()).isEqualTo(w);
        assertThat(img.orientation()).isEqualTo(1);
        assertThat(ReferenceImages.meanAbsoluteError(reference, img.rgb())).isLessThan(1.0);
    }

    @ParameterizedTest(name = "{0}x{1} subsampled={2}")
    @CsvSource({"123,77,false", "123,77,true", "9,17,true", "200,150,true"})
    void decodes_sequential_jpegs_with_one_scan_per_component_like_imageio(int w, int h, boolean subsampled) {
        byte[] jpeg = ReferenceImages.nonInterleaved(ReferenceImages.photo(w, h, 4), subsampled);
        int[] reference = ReferenceImages.rgb(ReferenceImages.read(jpeg));

        DecodedImage img = JpegDecoder.decode(jpeg, 0);

        assertThat(img.width()).isEqualTo(w);
        assertThat(ReferenceImages.meanAbsoluteError(reference, img.rgb())).isLessThan(1.0);
        DecodedImage half = JpegDecoder.decode(jpeg, Math.max(w, h) / 2);
        assertThat(half.width()).isEqualTo((w + 1) / 2);
    }

    @Test
    void decodes_4_1_1_subsampling_close_to_imageio() {
        // libjpeg replicates chroma for 4x; this decoder interpolates: close, not identical
        byte[] jpeg = ReferenceImages.jpeg(
                ReferenceImages.photo(333, 221, 9), 0.85f, ReferenceImages.Sampling.S411, false, 0);
        DecodedImage img = JpegDecoder.decode(jpeg, 0);
        assertThat(ReferenceImages.meanAbsoluteError(ReferenceImages.rgb(ReferenceImages.read(jpeg)), img.rgb()))
                .isLessThan(3.0);
    }

    @ParameterizedTest(name = "{0}x{1} progressive={2} restart={3}")
    @MethodSource("greyKinds")
    void decodes_greyscale_jpegs_like_imageio(int w, int h, boolean progressive, int restart) {
        BufferedImage grey = ReferenceImages.toGray(ReferenceImages.photo(w, h, 5));
        byte[] jpeg = ReferenceImages.jpeg(grey, 0.85f, null, progressive, restart);
        BufferedImage ref = ReferenceImages.read(jpeg);
        // the raster, not getRGB: ImageIO's grey colour space would re-map the levels
        int[] samples = ref.getRaster().getSamples(0, 0, w, h, 0, (int[]) null);

        DecodedImage img = JpegDecoder.decode(jpeg, 0);

        assertThat(img.width()).isEqualTo(w);
        assertThat(img.height()).isEqualTo(h);
        long err = 0;
        for (int i = 0; i < samples.length; i++) {
            int p = img.rgb()[i];
            assertThat((p >> 16) & 0xFF).isEqualTo(p & 0xFF).isEqualTo((p >> 8) & 0xFF);
            err += Math.abs(samples[i] - (p & 0xFF));
        }
        assertThat((double) err / samples.length).isLessThan(1.0);
    }

    static Stream<Arguments> greyKinds() {
        return Stream.of(
                Arguments.of(1, 1, false, 0),
                Arguments.of(17, 9, false, 0),
                Arguments.of(17, 9, true, 0),
                Arguments.of(250, 120, false, 5),
                Arguments.of(250, 120, true, 5));
    }

    @Test
    void decodes_a_4001_by_2999_photo_at_full_and_reduced_scale() {
        BufferedImage src = ReferenceImages.photo(4001, 2999, 77);
        byte[] jpeg = ReferenceImages.jpeg(src, 0.9f, ReferenceImages.Sampling.S420, false, 0);
        BufferedImage ref = ReferenceImages.read(jpeg);

        DecodedImage full = JpegDecoder.decode(jpeg, 0);
        assertThat(full.width()).isEqualTo(4001);
        assertThat(full.height()).isEqualTo(2999);
        assertThat(ReferenceImages.meanAbsoluteError(ReferenceImages.rgb(ref), full.rgb()))
                .isLessThan(1.0);

        // hint 2000: decoded at 1/2 (ceil), never below the hint
        DecodedImage half = JpegDecoder.decode(jpeg, 2000);
        assertThat(half.width()).isEqualTo(2001);
        assertThat(half.height()).isEqualTo(1500);
        assertThat(half.sourceWidth()).isEqualTo(4001);
        assertThat(half.sourceHeight()).isEqualTo(2999);
        // 1/4 and 1/8
        assertThat(JpegDecoder.decode(jpeg, 1000).width()).isEqualTo(1001);
        assertThat(JpegDecoder.decode(jpeg, 500).width()).isEqualTo(501);
        assertThat(JpegDecoder.decode(jpeg, 10).width()).isEqualTo(501);
        // just above a power of two: stays at the larger scale
        assertThat(JpegDecoder.decode(jpeg, 2001).width()).isEqualTo(4001);
    }

    @ParameterizedTest(name = "hint {0}")
    @ValueSource(ints = {320, 160, 80})
    void reduced_scale_decoding_matches_an_area_average_of_the_full_picture(int hint) {
        BufferedImage src = ReferenceImages.bill(640, 480, 3);
        for (boolean progressive : new boolean[] {false, true}) {
            byte[] jpeg = ReferenceImages.jpeg(src, 0.9f, ReferenceImages.Sampling.S420, progressive, 0);
            DecodedImage img = JpegDecoder.decode(jpeg, hint);
            assertThat(img.width()).isEqualTo(hint);
            int[] reference = ReferenceImages.awtAreaAveraged(ReferenceImages.read(jpeg), img.width(), img.height());
            // the reduced IDCT is a sharper low-pass than a box: close to it, not identical
            assertThat(ReferenceImages.psnr(reference, img.rgb())).isGreaterThan(28);
        }
    }

    /** Stored picture: red top left, green top right, blue bottom left, white bottom right. */
    private static BufferedImage corners(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, w / 2, h / 2);
        g.setColor(Color.GREEN);
        g.fillRect(w / 2, 0, w - w / 2, h / 2);
        g.setColor(Color.BLUE);
        g.fillRect(0, h / 2, w / 2, h - h / 2);
        g.setColor(Color.WHITE);
        g.fillRect(w / 2, h / 2, w - w / 2, h - h / 2);
        g.dispose();
        return img;
    }

    static Stream<Arguments> orientations() {
        // expected upright corners: top left, top right, bottom left, bottom right
        return Stream.of(
                Arguments.of(1, new Color[] {Color.RED, Color.GREEN, Color.BLUE, Color.WHITE}),
                Arguments.of(2, new Color[] {Color.GREEN, Color.RED, Color.WHITE, Color.BLUE}),
                Arguments.of(3, new Color[] {Color.WHITE, Color.BLUE, Color.GREEN, Color.RED}),
                Arguments.of(4, new Color[] {Color.BLUE, Color.WHITE, Color.RED, Color.GREEN}),
                Arguments.of(5, new Color[] {Color.RED, Color.BLUE, Color.GREEN, Color.WHITE}),
                Arguments.of(6, new Color[] {Color.BLUE, Color.RED, Color.WHITE, Color.GREEN}),
                Arguments.of(7, new Color[] {Color.WHITE, Color.GREEN, Color.BLUE, Color.RED}),
                Arguments.of(8, new Color[] {Color.GREEN, Color.WHITE, Color.RED, Color.BLUE}));
    }

    @ParameterizedTest(name = "orientation {0}")
    @MethodSource("orientations")
    void applies_the_exif_orientation(int orientation, Color[] expected) {
        byte[] jpeg = ReferenceImages.withExif(
                ReferenceImages.jpeg(corners(64, 32), 0.9f, ReferenceImages.Sampling.S420, false, 0), orientation);

        assertThat(JpegDecoder.readInfo(jpeg).orientation()).isEqualTo(orientation);
        for (int hint : new int[] {0, 32}) {
            DecodedImage img = JpegDecoder.decode(jpeg, hint);
            boolean swapped = orientation >= 5;
            int w = img.width();
            int h = img.height();
            assertThat(w).isEqualTo((swapped ? 32 : 64) / (hint == 0 ? 1 : 2));
            assertThat(h).isEqualTo((swapped ? 64 : 32) / (hint == 0 ? 1 : 2));
            assertThat(img.sourceWidth()).isEqualTo(swapped ? 32 : 64);
            assertThat(img.orientation()).isEqualTo(orientation);
            int m = 2;
            assertColour(img.rgb()[m * w + m], expected[0]);
            assertColour(img.rgb()[m * w + w - 1 - m], expected[1]);
            assertColour(img.rgb()[(h - 1 - m) * w + m], expected[2]);
            assertColour(img.rgb()[(h - 1 - m) * w + w - 1 - m], expected[3]);
        }
    }

    private static void assertColour(int p, Color expected) {
        assertThat(Math.abs(((p >> 16) & 0xFF) - expected.getRed()))
                .as("red of %06x", p & 0xFFFFFF)
                .isLessThan(40);
        assertThat(Math.abs(((p >> 8) & 0xFF) - expected.getGreen()))
                .as("green of %06x", p & 0xFFFFFF)
                .isLessThan(40);
        assertThat(Math.abs((p & 0xFF) - expected.getBlue()))
                .as("blue of %06x", p & 0xFFFFFF)
                .isLessThan(40);
    }

    @Test
    void reads_headers_without_decoding() {
        byte[] jpeg =
                ReferenceImages.jpeg(ReferenceImages.photo(40, 30, 1), 0.8f, ReferenceImages.Sampling.S420, true, 0);
        JpegInfo info = JpegDecoder.readInfo(jpeg);
        assertThat(info).isEqualTo(new JpegInfo(40, 30, 3, true, 1));
        assertThat(info.uprightWidth()).isEqualTo(40);
        JpegInfo rotated = JpegDecoder.readInfo(ReferenceImages.withExif(jpeg, 8));
        assertThat(rotated.uprightWidth()).isEqualTo(30);
        assertThat(rotated.uprightHeight()).isEqualTo(40);
    }

    @Test
    void refuses_what_is_not_a_jpeg() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};
        for (byte[] data : new byte[][] {
            new byte[0], {(byte) 0xFF}, {(byte) 0xFF, (byte) 0xD8}, png, "%PDF-1.7".getBytes(StandardCharsets.US_ASCII)
        }) {
            assertThatThrownBy(() -> JpegDecoder.decode(data, 0))
                    .isInstanceOf(ImageFormatException.class)
                    .hasMessage("Format d'image non reconnu");
        }
    }

    @Test
    void a_truncated_jpeg_is_damaged() {
        for (boolean progressive : new boolean[] {false, true}) {
            byte[] jpeg = ReferenceImages.jpeg(
                    ReferenceImages.photo(200, 150, 2), 0.85f, ReferenceImages.Sampling.S420, progressive, 0);
            for (int cut : new int[] {3, 20, jpeg.length / 3, jpeg.length / 2, jpeg.length - 40}) {
                byte[] truncated = Arrays.copyOf(jpeg, cut);
                assertThatThrownBy(() -> JpegDecoder.decode(truncated, 0))
                        .as("cut at %d of %d, progressive %s", cut, jpeg.length, progressive)
                        .isInstanceOf(ImageFormatException.class)
                        .hasMessage("Image JPEG endommagée");
            }
        }
    }

    @Test
    void arithmetic_coding_is_refused_clearly() {
        byte[] jpeg =
                ReferenceImages.jpeg(ReferenceImages.photo(32, 32, 2), 0.85f, ReferenceImages.Sampling.S420, false, 0);
        for (int i = 0; i + 1 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xC0) {
                jpeg[i + 1] = (byte) 0xC9;
                break;
            }
        }
        assertThatThrownBy(() -> JpegDecoder.decode(jpeg, 0))
                .isInstanceOf(ImageFormatException.class)
                .hasMessageStartingWith("Variante de JPEG non prise en charge");
    }

    /** Fuzzing in the manner of a coverage-guided fuzzer, bounded and reproducible. */
    @Test
    void random_truncations_and_mutations_end_in_a_picture_or_an_image_format_exception() {
        BufferedImage src = ReferenceImages.photo(67, 45, 5);
        List<byte[]> seeds = List.of(
                ReferenceImages.jpeg(src, 0.8f, ReferenceImages.Sampling.S420, false, 0),
                ReferenceImages.jpeg(src, 0.8f, ReferenceImages.Sampling.S420, true, 0),
                ReferenceImages.jpeg(src, 0.8f, ReferenceImages.Sampling.S444, false, 2),
                ReferenceImages.jpeg(src, 0.8f, ReferenceImages.Sampling.S422, true, 3),
                ReferenceImages.withExif(ReferenceImages.jpeg(ReferenceImages.toGray(src), 0.8f, null, false, 0), 6));
        Random rnd = new Random(20240815L);
        Assertions.assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            int pictures = 0;
            for (int it = 0; it < 4000; it++) {
                byte[] seed = seeds.get(it % seeds.size());
                byte[] m = mutate(seed, rnd);
                int hint = rnd.nextBoolean() ? 0 : 30;
                try {
                    DecodedImage img = JpegDecoder.decode(m, hint);
                    assertThat(img.rgb()).hasSize(img.width() * img.height());
                    pictures++;
                } catch (ImageFormatException expected) {
                    assertThat(expected.getMessage()).isNotBlank();
                } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
                    fail("iteration " + it + ": " + e, e);
                }
                try {
                    PhotoDownscaler.downscale(m, 40, 80);
                } catch (ImageFormatException expected) {
                    // fine
                }
            }
            assertThat(pictures).isPositive();
        });
    }

    private static byte[] mutate(byte[] seed, Random rnd) {
        switch (rnd.nextInt(4)) {
            case 0:
                return Arrays.copyOf(seed, rnd.nextInt(seed.length));
            case 1: { // header bytes
                byte[] m = seed.clone();
                int n = 1 + rnd.nextInt(4);
                for (int k = 0; k < n; k++) {
                    m[rnd.nextInt(Math.min(400, m.length))] = (byte) rnd.nextInt(256);
                }
                return m;
            }
            case 2: { // bit flips anywhere
                byte[] m = seed.clone();
                int n = 1 + rnd.nextInt(4);
                for (int k = 0; k < n; k++) {
                    int p = rnd.nextInt(m.length);
                    m[p] ^= (byte) (1 << rnd.nextInt(8));
                }
                return m;
            }
            default: { // random bytes anywhere
                byte[] m = seed.clone();
                int n = 1 + rnd.nextInt(30);
                for (int k = 0; k < n; k++) {
                    m[rnd.nextInt(m.length)] = (byte) rnd.nextInt(256);
                }
                return m;
            }
        }
    }
}
