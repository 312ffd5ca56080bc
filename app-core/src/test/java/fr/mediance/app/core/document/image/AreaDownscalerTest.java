package fr.mediance.app.core.document.image;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.testing.ReferenceImages;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AreaDownscalerTest {

    @Test
    void a_flat_picture_stays_flat() {
        int[] src = new int[97 * 61];
        Arrays.fill(src, 0xFF336699);
        int[] out = AreaDownscaler.scale(src, 97, 61, 30, 19);
        assertThat(out).hasSize(30 * 19).containsOnly(0xFF336699);
    }

    @Test
    void fine_detail_averages_out_instead_of_aliasing() {
        // one-pixel black and white stripes: a point sampler would give all black or all white
        int w = 300;
        int h = 10;
        int[] src = new int[w * h];
        for (int i = 0; i < src.length; i++) {
            src[i] = (i % w) % 2 == 0 ? 0xFF000000 : 0xFFFFFFFF;
        }
        int[] out = AreaDownscaler.scale(src, w, h, 100, 5);
        for (int p : out) {
            assertThat(p & 0xFF).isBetween(80, 175);
        }
        int[] exact = AreaDownscaler.scale(src, w, h, 150, 5);
        for (int p : exact) {
            assertThat(p & 0xFF).isBetween(127, 128);
        }
    }

    @Test
    void agrees_with_awt_area_averaging() {
        BufferedImage src = ReferenceImages.bill(1003, 751, 2);
        int[] ours = AreaDownscaler.scale(ReferenceImages.rgb(src), 1003, 751, 400, 300);
        assertThat(ReferenceImages.psnr(ReferenceImages.awtAreaAveraged(src, 400, 300), ours))
                .isGreaterThan(40);
    }

    @Test
    void same_size_is_returned_as_is() {
        int[] src = {1, 2, 3, 4};
        assertThat(AreaDownscaler.scale(src, 2, 2, 2, 2)).isSameAs(src);
    }
}
