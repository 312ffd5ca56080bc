package fr.mediance.app.core.document.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.mediance.testing.ReferenceImages;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PhotoDownscalerTest {

    /** A 4000 x 3000 photographed bill as a phone would store it: baseline 4:2:0, high quality. */
    private static final class Bill {
        static final BufferedImage PICTURE = ReferenceImages.bill(4000, 3000, 42);
        static final byte[] JPEG = ReferenceImages.jpeg(PICTURE, 0.92f, ReferenceImages.Sampling.S420, false, 0);
    }

    @Test
    void a_4000_by_3000_bill_comes_out_2000_wide_light_and_legible() {
        byte[] source = Bill.JPEG;
        long t0 = System.nanoTime();
        PhotoDownscaler.Result r = PhotoDownscaler.downscale(source, 2000, 80);
        long ms = (System.nanoTime() - t0) / 1_000_000;

        assertThat(r.width()).isEqualTo(2000);
        assertThat(r.height()).isEqualTo(1500);
        assertThat(r.sourceWidth()).isEqualTo(4000);
        assertThat(r.sourceHeight()).isEqualTo(3000);
        assertThat(r.changed()).isTrue();
        assertThat(r.jpeg().length).isLessThanOrEqualTo(600 * 1024);

        BufferedImage out = ReferenceImages.read(r.jpeg());
        assertThat(out.getWidth()).isEqualTo(2000);
        int[] reference = ReferenceImages.awtAreaAveraged(ReferenceImages.read(Bill.JPEG), 2000, 1500);
        int[] ours = ReferenceImages.rgb(out);
        double psnr = ReferenceImages.psnr(reference, ours);
        assertThat(psnr).isGreaterThan(28);
        // the text block alone (where legibility is at stake)
        double textPsnr =
                ReferenceImages.psnr(crop(reference, 2000, 150, 250, 1700, 700), crop(ours, 2000, 150, 250, 1700, 700));
        assertThat(textPsnr).isGreaterThan(28);
        System.out.printf(
                "4000x3000 bill (%d KB) -> %dx%d, %d KB at quality 80, PSNR %.1f dB (text %.1f dB), "
                        + "%d ms (first run, cold JVM)%n",
                Bill.JPEG.length / 1024, r.width(), r.height(), r.jpeg().length / 1024, psnr, textPsnr, ms);
    }

    private static int[] crop(int[] px, int w, int x0, int y0, int cw, int ch) {
        int[] out = new int[cw * ch];
        for (int y = 0; y < ch; y++) {
            System.arraycopy(px, (y0 + y) * w + x0, out, y * cw, cw);
        }
        return out;
    }

    @Test
    void a_portrait_photo_stored_sideways_comes_out_upright_and_without_exif() {
        byte[] sideways = ReferenceImages.withExif(Bill.JPEG, 6);
        PhotoDownscaler.Result r = PhotoDownscaler.downscale(sideways, 2000, 80);
        PhotoDownscaler.Result plain = PhotoDownscaler.downscale(Bill.JPEG, 2000, 80);

        assertThat(r.width()).isEqualTo(1500);
        assertThat(r.height()).isEqualTo(2000);
        assertThat(r.sourceWidth()).isEqualTo(3000);
        assertThat(r.sourceHeight()).isEqualTo(4000);
        assertNoMetadata(r.jpeg());
        assertThat(JpegDecoder.readInfo(r.jpeg()).orientation()).isEqualTo(1);
        // upright (X, Y) is stored (Y, 1499 - X): turned a quarter clockwise
        int[] up = ReferenceImages.rgb(ReferenceImages.read(r.jpeg()));
        int[] stored = ReferenceImages.rgb(ReferenceImages.read(plain.jpeg()));
        int[] turned = new int[up.length];
        for (int y = 0; y < 2000; y++) {
            for (int x = 0; x < 1500; x++) {
                turned[y * 1500 + x] = stored[(1499 - x) * 2000 + y];
            }
        }
        assertThat(ReferenceImages.psnr(turned, up)).isGreaterThan(35);
    }

    @Test
    void a_small_upright_jpeg_is_kept_but_loses_its_exif_and_gps() {
        byte[] plain =
                ReferenceImages.jpeg(ReferenceImages.bill(800, 600, 1), 0.8f, ReferenceImages.Sampling.S420, false, 0);
        byte[] withGps = ReferenceImages.withExif(plain, 1);
        assertThat(ReferenceImages.hasExifSegment(withGps)).isTrue();

        PhotoDownscaler.Result r = PhotoDownscaler.downscale(withGps, 2000, 80);

        assertThat(r.changed()).isFalse();
        assertThat(r.width()).isEqualTo(800);
        assertThat(r.height()).isEqualTo(600);
        assertThat(r.jpeg()).isEqualTo(plain); // the picture byte for byte, the EXIF gone
        assertNoMetadata(r.jpeg());
    }

    @Test
    void a_small_jpeg_stored_sideways_is_reencoded_upright() {
        byte[] plain =
                ReferenceImages.jpeg(ReferenceImages.bill(800, 600, 1), 0.8f, ReferenceImages.Sampling.S420, false, 0);
        PhotoDownscaler.Result r = PhotoDownscaler.downscale(ReferenceImages.withExif(plain, 8), 2000, 80);
        assertThat(r.changed()).isTrue();
        assertThat(r.width()).isEqualTo(600);
        assertThat(r.height()).isEqualTo(800);
        assertNoMetadata(r.jpeg());
    }

    @Test
    void a_heavy_jpeg_within_the_size_limit_is_reencoded_lighter() {
        BufferedImage noisy = ReferenceImages.photo(1600, 1200, 3);
        Random rnd = new Random(1);
        for (int y = 0; y < 1200; y++) {
            for (int x = 0; x < 1600; x++) {
                noisy.setRGB(x, y, noisy.getRGB(x, y) ^ (rnd.nextInt(64) * 0x010101));
            }
        }
        byte[] heavy = ReferenceImages.jpeg(noisy, 1.0f, ReferenceImages.Sampling.S444, false, 0);
        assertThat(heavy.length).isGreaterThan(PhotoDownscaler.KEEP_MAX_BYTES);

        PhotoDownscaler.Result r = PhotoDownscaler.downscale(heavy, 2000, 80);

        assertThat(r.changed()).isTrue();
        assertThat(r.width()).isEqualTo(1600);
        assertThat(r.jpeg().length).isLessThan(heavy.length);
    }

    @Test
    void a_progressive_jpeg_is_downscaled_too() {
        byte[] jpeg =
                ReferenceImages.jpeg(ReferenceImages.bill(1200, 900, 5), 0.9f, ReferenceImages.Sampling.S420, true, 0);
        PhotoDownscaler.Result r = PhotoDownscaler.downscale(jpeg, 500, 80);
        assertThat(r.width()).isEqualTo(500);
        assertThat(r.height()).isEqualTo(375);
        int[] reference = ReferenceImages.awtAreaAveraged(ReferenceImages.read(jpeg), 500, 375);
        assertThat(ReferenceImages.psnr(reference, ReferenceImages.rgb(ReferenceImages.read(r.jpeg()))))
                .isGreaterThan(28);
    }

    @Test
    void what_is_not_a_jpeg_is_refused_in_french() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        assertThatThrownBy(() -> PhotoDownscaler.downscale(png, 2000, 80))
                .isInstanceOf(ImageFormatException.class)
                .hasMessage("Format d'image non reconnu");
        assertThatThrownBy(() -> PhotoDownscaler.downscale("bonjour".getBytes(StandardCharsets.UTF_8), 2000, 80))
                .isInstanceOf(ImageFormatException.class)
                .hasMessage("Format d'image non reconnu");
    }

    @Test
    void a_damaged_jpeg_is_refused_even_when_it_would_be_kept() {
        byte[] plain =
                ReferenceImages.jpeg(ReferenceImages.bill(400, 300, 1), 0.8f, ReferenceImages.Sampling.S420, false, 0);
        byte[] cut = Arrays.copyOf(plain, plain.length / 2);
        assertThatThrownBy(() -> PhotoDownscaler.downscale(cut, 2000, 80))
                .isInstanceOf(ImageFormatException.class)
                .hasMessage("Image JPEG endommagée");
    }

    @Test
    void pixels_decoded_elsewhere_are_shrunk_and_laid_on_white() {
        int w = 900;
        int h = 3000;
        int[] argb = new int[w * h]; // fully transparent
        for (int i = 0; i < w * 100; i++) {
            argb[i] = 0xFF000000; // an opaque black band at the top
        }
        PhotoDownscaler.Result r = PhotoDownscaler.downscale(argb, w, h, 2000, 80);

        assertThat(r.width()).isEqualTo(600);
        assertThat(r.height()).isEqualTo(2000);
        assertThat(r.sourceWidth()).isEqualTo(900);
        assertThat(r.changed()).isTrue();
        int[] back = ReferenceImages.rgb(ReferenceImages.read(r.jpeg()));
        assertThat(back[1000 * 600 + 300] & 0xFF).isGreaterThan(245);
        assertThat(back[10 * 600 + 300] & 0xFF).isLessThan(10);

        byte[] same = PhotoDownscaler.encode(new int[] {0xFFFF0000, 0x00000000}, 2, 1, 90);
        int[] px = ReferenceImages.rgb(ReferenceImages.read(same));
        assertThat(px).hasSize(2);
    }

    @Test
    void sizes_fit_the_long_edge_and_are_never_enlarged() {
        assertThat(PhotoDownscaler.fit(4000, 3000, 2000)).containsExactly(2000, 1500);
        assertThat(PhotoDownscaler.fit(3000, 4000, 2000)).containsExactly(1500, 2000);
        assertThat(PhotoDownscaler.fit(4032, 3024, 2000)).containsExactly(2000, 1500);
        assertThat(PhotoDownscaler.fit(1999, 10, 2000)).containsExactly(1999, 10);
        assertThat(PhotoDownscaler.fit(9000, 2, 2000)).containsExactly(2000, 1);
    }

    private static void assertNoMetadata(byte[] jpeg) {
        assertThat(ReferenceImages.hasExifSegment(jpeg)).isFalse();
        String latin = new String(jpeg, StandardCharsets.ISO_8859_1);
        assertThat(latin).doesNotContain("Exif").doesNotContain("PhoneCam");
    }
}
