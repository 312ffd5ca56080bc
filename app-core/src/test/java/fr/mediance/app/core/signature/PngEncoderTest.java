package fr.mediance.app.core.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.mediance.app.core.resident.SignatureFixtures;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PngEncoderTest {
    static BufferedImage decode(byte[] png) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    @Test
    void greyscalePixelsSurviveTheRoundTrip() throws IOException {
        int w = 7;
        int h = 5;
        byte[] pixels = new byte[w * h];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i * 37);
        }
        BufferedImage img = decode(PngEncoder.greyscale(w, h, pixels));
        assertThat(img.getWidth()).isEqualTo(w);
        assertThat(img.getHeight()).isEqualTo(h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                assertThat(img.getRaster().getSample(x, y, 0)).isEqualTo(pixels[y * w + x] & 0xff);
            }
        }
        assertThatThrownBy(() -> PngEncoder.greyscale(2, 2, new byte[3])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSignatureIsDarkInkOnWhiteAtTwiceThePadSizeWithSoftEdges() throws IOException {
        Signature s = new Signature(
                200, 100, List.of(List.of(new Signature.Point(20, 50.3), new Signature.Point(180, 50.3))));
        BufferedImage img = decode(SignatureRenderer.png(s));
        assertThat(img.getWidth()).isEqualTo(400);
        assertThat(img.getHeight()).isEqualTo(200);
        assertThat(img.getRaster().getSample(5, 5, 0)).isEqualTo(255);
        assertThat(img.getRaster().getSample(200, 100, 0)).isLessThan(40);
        boolean grey = false;
        for (int y = 90; y < 110; y++) {
            int v = img.getRaster().getSample(200, y, 0);
            grey |= v > 40 && v < 230;
        }
        assertThat(grey).as("anti-aliased edge").isTrue();
        assertThat(img.getRaster().getSample(200, 110, 0)).isEqualTo(255);
        // round caps: ink a little before the first point, none far before it
        assertThat(img.getRaster().getSample(38, 100, 0)).isLessThan(128);
        assertThat(img.getRaster().getSample(30, 100, 0)).isEqualTo(255);
    }

    @Test
    void aWholeSignatureCompressesWell() throws IOException {
        byte[] png = SignatureRenderer.png(SignatureFixtures.scribble());
        assertThat(png.length).isLessThan(20_000);
        assertThat(decode(png).getWidth()).isEqualTo(800);
    }
}
