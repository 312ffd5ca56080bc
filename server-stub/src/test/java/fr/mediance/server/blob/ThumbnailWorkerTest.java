package fr.mediance.server.blob;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The background worker makes a thumbnail only once the server is quiet; a request for it does not wait. */
class ThumbnailWorkerTest {
    @TempDir
    Path dir;

    private final ExecutorService worker = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        worker.shutdownNow();
    }

    private static String put(FileBlobStore store) throws Exception {
        BufferedImage img = new BufferedImage(800, 600, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        byte[] png = out.toByteArray();
        String sha =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(png));
        store.put(sha, new ByteArrayInputStream(png), png.length);
        return sha;
    }

    @Test
    void theWorkerWaitsForAQuietMomentBeforeEachThumbnail() throws Exception {
        FileBlobStore store = new FileBlobStore(dir);
        String sha = put(store);
        CountDownLatch waiting = new CountDownLatch(1);
        CountDownLatch quiet = new CountDownLatch(1);
        ThumbnailService thumbnails = new ThumbnailService(null, store, null, null, worker, Clock.systemUTC(), () -> {
            waiting.countDown();
            quiet.await();
        });

        thumbnails.schedule(sha);
        assertThat(waiting.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(store.thumbnailSize(sha)).as("not while requests are served").isEmpty();

        quiet.countDown();
        worker.submit(() -> {}).get(10, TimeUnit.SECONDS);
        assertThat(store.thumbnailSize(sha)).isPresent();
    }

    @Test
    void aRequestForTheThumbnailDoesNotWaitForTheWorker() throws Exception {
        FileBlobStore store = new FileBlobStore(dir);
        String sha = put(store);
        CountDownLatch never = new CountDownLatch(1);
        ThumbnailService thumbnails =
                new ThumbnailService(null, store, null, null, worker, Clock.systemUTC(), never::await);
        thumbnails.schedule(sha);

        assertThat(thumbnails.ensure(sha)).isTrue();
        assertThat(store.thumbnailSize(sha)).isPresent();
        never.countDown();
    }

    @Test
    void aWorkerStoppedWhileWaitingLeavesTheThumbnailToItsFirstRequest() throws Exception {
        FileBlobStore store = new FileBlobStore(dir);
        String sha = put(store);
        CountDownLatch waiting = new CountDownLatch(1);
        ThumbnailService thumbnails = new ThumbnailService(null, store, null, null, worker, Clock.systemUTC(), () -> {
            waiting.countDown();
            new CountDownLatch(1).await();
        });
        thumbnails.schedule(sha);
        assertThat(waiting.await(10, TimeUnit.SECONDS)).isTrue();

        worker.shutdownNow();
        assertThat(worker.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(store.thumbnailSize(sha)).isEmpty();
        assertThat(thumbnails.ensure(sha)).isTrue();
    }
}
