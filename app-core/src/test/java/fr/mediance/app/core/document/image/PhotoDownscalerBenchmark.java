package fr.mediance.app.core.document.image;

import fr.mediance.testing.ReferenceImages;
import java.awt.image.BufferedImage;

/**
 * Prints how long a 4000 x 3000 photo takes to go through {@link PhotoDownscaler} on this JVM (informational;
 * not a test). Run from the IDE, or with java -cp on the test and main classes.
 */
public final class PhotoDownscalerBenchmark {

    private PhotoDownscalerBenchmark() {}

    public static void main(String[] args) {
        BufferedImage bill = ReferenceImages.bill(4000, 3000, 42);
        byte[] jpeg = ReferenceImages.jpeg(bill, 0.92f, ReferenceImages.Sampling.S420, false, 0);
        byte[] progressive = ReferenceImages.jpeg(bill, 0.92f, ReferenceImages.Sampling.S420, true, 0);
        System.out.printf(
                "source: 4000x3000 baseline %d KB, progressive %d KB%n", jpeg.length / 1024, progressive.length / 1024);
        for (int i = 0; i < 10; i++) {
            long t0 = System.nanoTime();
            PhotoDownscaler.Result r = PhotoDownscaler.downscale(jpeg, 2000, 80);
            long t1 = System.nanoTime();
            PhotoDownscaler.downscale(progressive, 2000, 80);
            long t2 = System.nanoTime();
            JpegDecoder.decode(jpeg, 0);
            long t3 = System.nanoTime();
            System.out.printf(
                    "run %d: downscale baseline %d ms (-> %dx%d, %d KB), progressive %d ms;"
                            + " full-size decode %d ms%n",
                    i,
                    (t1 - t0) / 1_000_000,
                    r.width(),
                    r.height(),
                    r.jpeg().length / 1024,
                    (t2 - t1) / 1_000_000,
                    (t3 - t2) / 1_000_000);
        }
    }
}
