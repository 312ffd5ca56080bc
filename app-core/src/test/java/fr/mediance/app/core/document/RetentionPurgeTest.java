package fr.mediance.app.core.document;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.platform.CapturedImage;
import fr.mediance.app.core.store.Crypto;
import fr.mediance.app.core.testing.TestCores;
import fr.mediance.app.core.testing.Visits;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.OperationDto;
import fr.mediance.testing.FakeOfficeServer;
import fr.mediance.testing.MutableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Documents past their retention date leave the device: row, encrypted files, queued sending; nothing else. */
class RetentionPurgeTest {
    @TempDir
    Path dir;

    final FakeOfficeServer server = new FakeOfficeServer();
    final MutableClock clock = new MutableClock(Visits.NINE_PARIS); // Friday 27/11/2026
    CoreContext core;
    String reportId;

    @BeforeEach
    void setUp() {
        Visits.seed(server, 2);
        core = TestCores.signedIn(dir, clock, server, "conseil1");
        assertThat(core.sync().syncNow().join().ok()).isTrue();
        reportId = core.visits().openForAppointment("apt-1").orElseThrow().id();
    }

    @AfterEach
    void tearDown() {
        core.close();
        server.close();
    }

    String photo(String report, byte[] bytes, LocalDate retention) {
        String id = core.documents()
                .attach(report, new CapturedImage(bytes, "image/png", null), "facture")
                .value()
                .id();
        assertThat(core.documents()
                        .describe(id, new DocumentMetadata("facture", null, null, null, null, List.of(), retention))
                        .isOk())
                .isTrue();
        return id;
    }

    void complete(String report) {
        core.visits()
                .saveDraft(core.visits()
                        .find(report)
                        .orElseThrow()
                        .withDomains(List.of("energie"))
                        .withSynthesis("Factures photographiées.")
                        .withVisitAttested(true));
        assertThat(core.visits().complete(report).isOk()).isTrue();
    }

    long files() throws IOException {
        try (Stream<Path> s = Files.walk(dir.resolve("blobs"))) {
            return s.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void the_expired_documents_their_files_and_their_queued_sending_are_deleted_and_only_them() throws IOException {
        byte[] a = Visits.bytes(3000, 1);
        byte[] b = Visits.bytes(3000, 2);
        String expiring = photo(reportId, a, LocalDate.of(2026, 12, 1));
        String lastDay = photo(reportId, b, LocalDate.of(2026, 12, 2));
        String kept = photo(reportId, Visits.bytes(3000, 3), LocalDate.of(2027, 6, 1));
        complete(reportId); // queued for the server, not sent yet
        assertThat(files()).isEqualTo(3);

        clock.set(Instant.parse("2026-12-02T07:00:00Z")); // 08:00 in Paris on 02/12
        assertThat(core.retention().run()).isEqualTo(1);

        assertThat(core.documents().find(expiring)).isEmpty();
        assertThat(core.documents().find(lastDay)).isPresent();
        assertThat(core.documents().find(kept)).isPresent();
        assertThat(files()).isEqualTo(2);
        assertThat(core.documents().readBytes(lastDay)).isPresent();
        assertThat(Files.exists(dir.resolve("blobs"))
                        && Files.list(dir.resolve("blobs")).findAny().isPresent())
                .isTrue();
        assertThat(core.sync().syncNow().join().ok()).isTrue();
        assertThat(server.operations)
                .extracting(OperationDto::entityId)
                .doesNotContain(expiring)
                .contains(kept, reportId);
        assertThat(server.hasBlob(Crypto.sha256Hex(a))).isFalse();
        assertThat(server.hasBlob(Crypto.sha256Hex(b))).isTrue();
    }

    @Test
    void bytes_shared_with_a_kept_document_stay_on_the_device() throws IOException {
        byte[] same = Visits.bytes(3000, 7);
        String expiring = photo(reportId, same, LocalDate.of(2026, 12, 1));
        String other = core.visits().openForAppointment("apt-2").orElseThrow().id();
        String kept = photo(other, same, LocalDate.of(2027, 12, 1));

        clock.set(Instant.parse("2026-12-05T07:00:00Z"));
        assertThat(core.retention().run()).isEqualTo(1);

        assertThat(core.documents().find(expiring)).isEmpty();
        assertThat(core.documents().readBytes(kept))
                .hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(same));
        assertThat(files()).isEqualTo(1);
    }

    @Test
    void it_runs_once_a_day_and_at_each_unlock() throws IOException {
        String first = photo(reportId, Visits.bytes(3000, 4), LocalDate.of(2026, 12, 1));
        assertThat(core.retention().runIfDue()).isZero(); // nothing expired today; today's run is done
        clock.set(Instant.parse("2026-12-02T07:00:00Z"));
        assertThat(core.retention().runIfDue()).isEqualTo(1);
        assertThat(core.documents().find(first)).isEmpty();
        String second = photo(reportId, Visits.bytes(3000, 5), LocalDate.of(2026, 12, 2));
        clock.set(Instant.parse("2026-12-02T20:00:00Z"));
        assertThat(core.retention().runIfDue()).isZero(); // already ran today

        core.close();
        clock.set(Instant.parse("2026-12-03T07:00:00Z"));
        core = TestCores.open(dir, clock);
        core.unlock(TestCores.PIN);
        assertThat(core.documents().find(second)).isEmpty();
        assertThat(files()).isZero();
        assertThat(core.documents().photos(reportId)).isEmpty();
        assertThat(core.documents().forResident("res-1")).isEmpty();
    }

    @Test
    void the_purge_and_the_first_sync_after_an_unlock_wait_until_the_app_hands_them_on() {
        String expired = photo(reportId, Visits.bytes(3000, 6), LocalDate.of(2026, 12, 2));
        core.close();
        clock.set(Instant.parse("2026-12-03T07:00:00Z"));
        List<Runnable> held = new ArrayList<>();
        core = TestCores.builder(dir, clock)
                .autoSync(true)
                .afterUnlock(held::add)
                .build();
        int pages = server.changePages.get();

        core.unlock(TestCores.PIN);

        // the first screen has the store to itself: nothing purged, no sync yet
        assertThat(held).hasSize(1);
        assertThat(core.documents().find(expired)).isPresent();
        assertThat(server.changePages.get()).isEqualTo(pages);

        held.forEach(Runnable::run);

        assertThat(core.documents().find(expired)).isEmpty();
        assertThat(server.changePages.get()).isGreaterThan(pages);
    }

    @Test
    void documents_received_from_the_office_past_their_date_go_too() {
        server.serverWrite(new fr.mediance.protocol.DocumentDto(
                "office-doc",
                "s1",
                null,
                "res-1",
                "facture",
                "cd".repeat(32),
                "image/jpeg",
                10,
                Visits.NINE_PARIS,
                LocalDate.of(2026, 11, 30)));
        core.sync().syncNow().join();
        assertThat(core.documents().find("office-doc")).isPresent();
        clock.set(Instant.parse("2026-12-01T07:00:00Z"));
        assertThat(core.retention().run()).isEqualTo(1);
        assertThat(core.documents().find("office-doc")).isEmpty();
        assertThat(EntityType.DOCUMENT.code()).isNotBlank();
    }
}
