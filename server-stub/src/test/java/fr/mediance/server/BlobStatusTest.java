package fr.mediance.server;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.protocol.ApiPaths;
import fr.mediance.protocol.BlobStatusDto;
import fr.mediance.protocol.ChangeDto;
import fr.mediance.protocol.ChangesResponse;
import fr.mediance.protocol.DocumentDto;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.Limits;
import fr.mediance.protocol.OpStatus;
import fr.mediance.protocol.OperationDto;
import fr.mediance.protocol.PushRequest;
import fr.mediance.protocol.PushResponse;
import fr.mediance.server.demo.DemoSeeder;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The status of received blobs as a synced record, scoped like the documents that refer to them, and the
 * thumbnails the office list shows.
 */
class BlobStatusTest {
    @TempDir
    static Path dir;

    static TestServer server;
    static TusClient tus;
    static String conseil1;
    static String conseil2;
    static String bureau;
    static String coord;

    @BeforeAll
    static void start() {
        server = TestServer.demoCopy(dir);
        tus = new TusClient(server);
        conseil1 = server.token("conseil1");
        conseil2 = server.token("conseil2");
        bureau = server.token("bureau");
        coord = server.token("coord");
    }

    @AfterAll
    static void stop() {
        server.close();
        server.db.close();
    }

    static String cursor(String token) {
        return pull(token, null).cursor();
    }

    /** Every change after {@code since}, with the last cursor. */
    static ChangesResponse pull(String token, String since) {
        List<ChangeDto> all = new ArrayList<>();
        String cursor = since;
        ChangesResponse page;
        do {
            page = server.get(
                            ApiPaths.SYNC_CHANGES + "?limit=" + Limits.MAX_CHANGES_PAGE
                                    + (cursor == null ? "" : "&since=" + cursor),
                            token)
                    .as(ChangesResponse.class);
            all.addAll(page.changes());
            cursor = page.cursor();
        } while (page.hasMore());
        return new ChangesResponse(all, cursor, false);
    }

    static List<BlobStatusDto> statuses(ChangesResponse feed) {
        return feed.changes().stream()
                .filter(c -> c.entity() == EntityType.BLOB)
                .map(c -> (BlobStatusDto) c.data())
                .toList();
    }

    static void pushDocument(String token, String sha, String mime, long size) {
        DocumentDto d = new DocumentDto(
                UUID.randomUUID().toString(),
                null,
                null,
                DemoSeeder.residentId(1),
                "facture",
                sha,
                mime,
                size,
                null,
                null);
        PushResponse r = server.post(
                        ApiPaths.SYNC_PUSH,
                        token,
                        new PushRequest(
                                "t",
                                List.of(new OperationDto(
                                        UUID.randomUUID().toString(), EntityType.DOCUMENT, d.id(), null, false, d))))
                .as(PushResponse.class);
        assertThat(r.results().get(0).status()).isEqualTo(OpStatus.APPLIED);
    }

    /** A document photo: text on paper with uneven light, as a PNG or a JPEG. */
    static byte[] photo(String format, int width, int height) throws IOException {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        Random random = new Random(42);
        for (int y = 0; y < height; y += 8) {
            int shade = 200 + (55 * y / height);
            g.setColor(new Color(shade, shade, Math.max(0, shade - 10)));
            g.fillRect(0, y, width, 8);
        }
        g.setColor(Color.DARK_GRAY);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 28));
        for (int line = 1; line < height / 40; line++) {
            g.drawString("Facture n° " + random.nextInt(100000) + " – montant dû : 412,50 €", 40, line * 40);
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, format, out);
        return out.toByteArray();
    }

    @Test
    void aBlobsStatusReachesThoseWhoSeeADocumentThatRefersToIt() {
        byte[] file = TusClient.bytes(150_000, 21);
        String sha = TusClient.sha256Hex(file);
        pushDocument(conseil1, sha, "application/pdf", file.length);
        String c1 = cursor(conseil1);
        String c2 = cursor(conseil2);
        String office = cursor(bureau);
        assertThat(statuses(pull(conseil1, null)))
                .extracting(BlobStatusDto::sha256)
                .doesNotContain(sha);

        tus.upload(conseil1, file, Limits.DEFAULT_CHUNK_BYTES);

        BlobStatusDto expected = new BlobStatusDto(sha, file.length, TestServer.START, false);
        assertThat(statuses(pull(conseil1, c1))).containsExactly(expected);
        assertThat(statuses(pull(bureau, office))).containsExactly(expected);
        assertThat(statuses(pull(conseil2, c2))).isEmpty();
        ChangeDto change = pull(bureau, office).changes().stream()
                .filter(c -> c.entity() == EntityType.BLOB)
                .findFirst()
                .orElseThrow();
        assertThat(change.entityId()).isEqualTo(sha);
        assertThat(change.version()).isPositive();
    }

    @Test
    void aDocumentArrivingAfterItsBlobBringsTheBlobsStatusWithIt() {
        byte[] file = TusClient.bytes(40_000, 22);
        String sha = TusClient.sha256Hex(file);
        String c1 = cursor(conseil1);
        String office = cursor(bureau);
        assertThat(server.send(server.request(ApiPaths.blob(sha), conseil1)
                                .header(ApiPaths.HEADER_CONTENT_SHA256, sha)
                                .PUT(HttpRequest.BodyPublishers.ofByteArray(file)))
                        .status())
                .isEqualTo(201);
        assertThat(statuses(pull(conseil1, c1))).isEmpty();

        pushDocument(conseil1, sha, "application/pdf", file.length);

        ChangesResponse mine = pull(conseil1, c1);
        assertThat(mine.changes()).extracting(ChangeDto::entity).containsExactly(EntityType.DOCUMENT, EntityType.BLOB);
        assertThat(statuses(mine)).containsExactly(new BlobStatusDto(sha, file.length, TestServer.START, false));
        assertThat(statuses(pull(bureau, office)))
                .extracting(BlobStatusDto::sha256)
                .containsExactly(sha);
    }

    @Test
    void anImageGetsAThumbnailServedToThoseWhoMaySeeItsDocument() throws IOException {
        byte[] png = photo("png", 1200, 900);
        String sha = TusClient.sha256Hex(png);
        String c1 = cursor(conseil1);
        tus.upload(conseil1, png, Limits.DEFAULT_CHUNK_BYTES);
        assertThat(server.get(ApiPaths.BLOB_THUMBNAIL.replace("{sha256}", sha), coord)
                        .status())
                .as("no document refers to it yet")
                .isEqualTo(404);
        pushDocument(conseil1, sha, "image/png", png.length);

        for (String token : List.of(conseil1, bureau, coord)) {
            TestServer.Response r = server.get(ApiPaths.BLOB_THUMBNAIL.replace("{sha256}", sha), token);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.contentType()).isEqualTo("image/jpeg");
            BufferedImage thumb = ImageIO.read(new ByteArrayInputStream(r.bytes()));
            assertThat(thumb.getWidth()).isEqualTo(Limits.THUMBNAIL_EDGE);
            assertThat(thumb.getHeight()).isEqualTo(240);
        }
        TestServer.Response other = server.get(ApiPaths.BLOB_THUMBNAIL.replace("{sha256}", sha), conseil2);
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.problem().code()).isEqualTo("blob_not_found");
        assertThat(statuses(pull(conseil1, c1)))
                .containsExactly(new BlobStatusDto(sha, png.length, TestServer.START, true));

        byte[] jpeg = photo("jpeg", 600, 2000);
        String jpegSha = TusClient.sha256Hex(jpeg);
        tus.upload(conseil1, jpeg, Limits.DEFAULT_CHUNK_BYTES);
        pushDocument(conseil1, jpegSha, "image/jpeg", jpeg.length);
        BufferedImage tall = ImageIO.read(
                new ByteArrayInputStream(server.get(ApiPaths.BLOB_THUMBNAIL.replace("{sha256}", jpegSha), bureau)
                        .bytes()));
        assertThat(tall.getHeight()).isEqualTo(Limits.THUMBNAIL_EDGE);
        assertThat(tall.getWidth()).isEqualTo(96);
    }

    @Test
    void aFileThatIsNotAReadableImageHasNoThumbnailAndItsStatusSaysSo() {
        byte[] pdf = TusClient.bytes(20_000, 23);
        String pdfSha = TusClient.sha256Hex(pdf);
        tus.upload(conseil1, pdf, Limits.DEFAULT_CHUNK_BYTES);
        pushDocument(conseil1, pdfSha, "application/pdf", pdf.length);
        TestServer.Response none = server.get(ApiPaths.BLOB_THUMBNAIL.replace("{sha256}", pdfSha), bureau);
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.problem().code()).isEqualTo("thumbnail_unavailable");

        byte[] damaged = TusClient.bytes(30_000, 24);
        damaged[0] = (byte) 0xff;
        damaged[1] = (byte) 0xd8;
        damaged[2] = (byte) 0xff;
        String sha = TusClient.sha256Hex(damaged);
        String office = cursor(bureau);
        tus.upload(conseil1, damaged, Limits.DEFAULT_CHUNK_BYTES);
        pushDocument(conseil1, sha, "image/jpeg", damaged.length);
        TestServer.Response r = server.get(ApiPaths.BLOB_THUMBNAIL.replace("{sha256}", sha), bureau);
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.problem().code()).isEqualTo("thumbnail_unavailable");
        // looked like a JPEG when it arrived; once the decoding failed, the status says there is no thumbnail
        List<BlobStatusDto> corrected = statuses(pull(bureau, office));
        assertThat(corrected).containsExactly(new BlobStatusDto(sha, damaged.length, TestServer.START, false));
    }
}
