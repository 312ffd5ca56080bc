package fr.mediance.app.core.document;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.Outcome;
import fr.mediance.app.core.document.image.JpegDecoder;
import fr.mediance.app.core.document.image.JpegInfo;
import fr.mediance.app.core.platform.CapturedImage;
import fr.mediance.app.core.store.Crypto;
import fr.mediance.app.core.testing.TestCores;
import fr.mediance.app.core.testing.Visits;
import fr.mediance.app.core.visit.VisitReport;
import fr.mediance.protocol.DocumentDto;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.Limits;
import fr.mediance.testing.FakeOfficeServer;
import fr.mediance.testing.MutableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A photo is downscaled at attach; its original stays until the server has the photo; orphans go at unlock. */
class DocumentPipelineTest {
    static byte[] capture; // 2200 x 1100: larger than the upload edge

    @TempDir
    Path dir;

    final FakeOfficeServer server = new FakeOfficeServer();
    final MutableClock clock = new MutableClock(Visits.NINE_PARIS);
    CoreContext core;

    @BeforeAll
    static void picture() {
        capture = Visits.jpeg(2200, 1100, 1);
    }

    @AfterAll
    static void release() {
        capture = null;
    }

    @BeforeEach
    void setUp() {
        Visits.seed(server, 1);
        core = TestCores.signedIn(dir, clock, server, "conseil1");
        assertThat(core.sync().syncNow().join().ok()).isTrue();
    }

    @AfterEach
    void tearDown() {
        core.close();
        server.close();
    }

    VisitReport draft() {
        return core.visits().openForAppointment("apt-1").orElseThrow();
    }

    long blobFiles() throws IOException {
        try (Stream<Path> files = Files.walk(dir.resolve("blobs"))) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void theDownscaledPhotoIsWhatTheDocumentNamesAndWhatTravelsAndTheOriginalGoesOnlyAfterTheServerHasIt()
            throws IOException {
        VisitReport d = draft();
        PhotoItem p = core.documents()
                .attach(d.id(), new CapturedImage(capture, "image/jpeg", "f.jpg"), "facture")
                .value();

        byte[] stored = core.documents().readBytes(p.id()).orElseThrow();
        JpegInfo info = JpegDecoder.readInfo(stored);
        assertThat(Math.max(info.width(), info.height())).isEqualTo(Limits.PHOTO_MAX_EDGE);
        assertThat(p.sha256()).isEqualTo(Crypto.sha256Hex(stored));
        assertThat(p.sizeBytes()).isEqualTo(stored.length).isLessThan(capture.length);
        assertThat(core.documents().hasOriginal(p.id())).isTrue();
        assertThat(core.documents().readOriginal(p.id()))
                .hasValueSatisfying(o -> assertThat(o).isEqualTo(capture));
        assertThat(blobFiles()).isEqualTo(2);

        core.visits()
                .saveDraft(d.withDomains(List.of("energie"))
                        .withSynthesis("Facture.")
                        .withVisitAttested(true));
        core.visits().complete(d.id());
        server.fail("/api/v1/uploads", 503);
        core.sync().syncNow().join(); // the report travels, not the photo
        assertThat(core.documents().hasOriginal(p.id())).isTrue(); // kept until the server has the photo
        server.fail("/api/v1/uploads", 0);
        assertThat(core.sync().syncNow().join().ok()).isTrue();

        assertThat(server.blob(p.sha256())).isEqualTo(stored);
        assertThat(server.entity(EntityType.DOCUMENT, p.id())).isInstanceOfSatisfying(DocumentDto.class, doc -> {
            assertThat(doc.sha256()).isEqualTo(p.sha256());
            assertThat(doc.sizeBytes()).isEqualTo(stored.length);
        });
        assertThat(core.documents().hasOriginal(p.id())).isFalse();
        assertThat(core.documents().readOriginal(p.id()))
                .hasValueSatisfying(o -> assertThat(o).isEqualTo(stored));
        assertThat(blobFiles()).isEqualTo(1);
    }

    @Test
    void aDamagedJpegIsRefusedInFrenchAndOtherFormatsAreKeptAsCaptured() {
        VisitReport d = draft();
        byte[] damaged = new byte[5_000];
        damaged[0] = (byte) 0xFF;
        damaged[1] = (byte) 0xD8;
        damaged[2] = (byte) 0xFF;
        Outcome<PhotoItem> r =
                core.documents().attach(d.id(), new CapturedImage(damaged, "image/jpeg", null), "facture");
        assertThat(r.fieldErrors().get("image")).startsWith("Cette photo ne peut pas être lue");

        byte[] png = Visits.bytes(3_000, 2);
        PhotoItem p = core.documents()
                .attach(d.id(), new CapturedImage(png, "image/png", null), "facture")
                .value();
        assertThat(p.sha256()).isEqualTo(Crypto.sha256Hex(png));
        assertThat(p.mimeType()).isEqualTo("image/png");
        assertThat(core.documents().hasOriginal(p.id())).isFalse();
    }

    @Test
    void removingADraftPhotoDeletesItsOriginalToo() throws IOException {
        VisitReport d = draft();
        PhotoItem p = core.documents()
                .attach(d.id(), new CapturedImage(capture, "image/jpeg", null), "facture")
                .value();
        assertThat(blobFiles()).isEqualTo(2);

        assertThat(core.documents().remove(p.id()).isOk()).isTrue();

        assertThat(blobFiles()).isZero();
    }

    @Test
    void filesLeftByAKilledProcessAreRemovedAtUnlockAndNamedOnesKept() throws IOException {
        VisitReport d = draft();
        PhotoItem p = core.documents()
                .attach(d.id(), new CapturedImage(capture, "image/jpeg", null), "facture")
                .value();
        byte[] stored = core.documents().readBytes(p.id()).orElseThrow();
        core.close();
        // a photo written but whose row never committed, and a temporary file cut short
        Path shard = Files.createDirectories(dir.resolve("blobs").resolve("0f"));
        Files.write(shard.resolve("0f".repeat(32) + ".bin"), new byte[] {1, 2, 3});
        Files.write(shard.resolve("blob123.tmp"), new byte[] {4, 5});
        assertThat(blobFiles()).isEqualTo(4);

        core = TestCores.open(dir, clock);
        core.unlock(TestCores.PIN);

        assertThat(blobFiles()).isEqualTo(2);
        assertThat(core.documents().readBytes(p.id()))
                .hasValueSatisfying(b -> assertThat(b).isEqualTo(stored));
        assertThat(core.documents().readOriginal(p.id()))
                .hasValueSatisfying(o -> assertThat(o).isEqualTo(capture));
    }
}
