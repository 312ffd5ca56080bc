package fr.mediance.app.core.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.platform.Location;
import fr.mediance.app.core.platform.Position;
import fr.mediance.app.core.testing.TestCores;
import fr.mediance.app.core.testing.Visits;
import fr.mediance.protocol.CheckInDto;
import fr.mediance.protocol.VisitReportDto;
import fr.mediance.testing.FakeOfficeServer;
import fr.mediance.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Je suis arrivé·e": off by default, read only when on and tapped, recorded in the draft, sent with it. */
class CheckInViewModelTest {
    static final ResourceBundle TEXTS = ResourceBundle.getBundle("fr.mediance.app.core.messages");

    /** A position service that answers what it is given and counts the reads. */
    static final class FakeLocation implements Location {
        int reads;
        Optional<Position> next = Optional.empty();
        boolean available = true;

        @Override
        public boolean available() {
            return available;
        }

        @Override
        public CompletableFuture<Optional<Position>> current(Duration timeout) {
            reads++;
            return CompletableFuture.completedFuture(next);
        }
    }

    @TempDir
    Path dir;

    final FakeOfficeServer server = new FakeOfficeServer();
    final MutableClock clock = new MutableClock(Visits.NINE_PARIS);
    final FakeLocation location = new FakeLocation();
    CoreContext core;
    CheckInViewModel vm;
    String reportId;

    @BeforeEach
    void setUp() {
        Visits.seed(server, 1);
        core = TestCores.signedIn(dir, clock, server, "conseil1");
        assertThat(core.sync().syncNow().join().ok()).isTrue();
        reportId = core.visits().openForAppointment("apt-1").orElseThrow().id();
        vm = newModel();
    }

    CheckInViewModel newModel() {
        return new CheckInViewModel(core.checkIns(), location, clock, core.zone(), TEXTS, Runnable::run, Runnable::run);
    }

    @AfterEach
    void tearDown() {
        core.close();
        server.close();
    }

    @Test
    void off_by_default_nothing_is_read_even_when_tapped() {
        vm.setReport(reportId).join();

        assertThat(vm.visibleProperty().get()).isTrue();
        assertThat(vm.enabledProperty().get()).isFalse();
        assertThat(vm.checkIn().join()).isFalse();
        assertThat(location.reads).isZero();
        assertThat(core.checkIns().find(reportId)).isEmpty();
    }

    @Test
    void turned_on_nothing_is_read_until_the_tap_then_once() {
        location.next = Optional.of(new Position(43.3412345, 5.3698765, 12.4, Instant.parse("2026-11-27T08:02:00Z")));
        vm.setReport(reportId).join();
        vm.enabledProperty().set(true);
        assertThat(location.reads).isZero();

        assertThat(vm.checkIn().join()).isTrue();

        assertThat(location.reads).isEqualTo(1);
        assertThat(vm.statusTextProperty().get()).isEqualTo("Position enregistrée à 09:02 (± 12 m)");
        CheckInDto c = core.checkIns().find(reportId).orElseThrow();
        assertThat(c.latitudeE6()).isEqualTo(43341235L);
        assertThat(c.longitudeE6()).isEqualTo(5369877L);
        assertThat(c.accuracyMeters()).isEqualTo(12L);
        assertThat(c.at()).isEqualTo(Instant.parse("2026-11-27T08:02:00Z"));
    }

    @Test
    void the_setting_is_kept_on_the_device_and_the_position_shown_again() {
        location.next = Optional.of(new Position(43.3, 5.3, null, Instant.parse("2026-11-27T08:05:00Z")));
        vm.setReport(reportId).join();
        vm.enabledProperty().set(true);
        vm.checkIn().join();

        CheckInViewModel again = newModel();
        again.setReport(reportId).join();
        assertThat(again.enabledProperty().get()).isTrue();
        assertThat(again.recordedProperty().get()).isTrue();
        assertThat(again.statusTextProperty().get()).isEqualTo("Position enregistrée à 09:05");
        again.enabledProperty().set(false);
        assertThat(core.checkIns().enabled()).isFalse();
    }

    @Test
    void no_fix_says_so_and_records_nothing() {
        vm.setReport(reportId).join();
        vm.enabledProperty().set(true);
        assertThat(vm.checkIn().join()).isFalse();
        assertThat(vm.statusTextProperty().get()).startsWith("Position introuvable");
        assertThat(core.checkIns().find(reportId)).isEmpty();
    }

    @Test
    void the_bar_follows_the_draft_of_an_appointment_and_hides_once_it_is_terminated() {
        vm.setAppointment("apt-1").join();
        assertThat(vm.visibleProperty().get()).isTrue();
        core.visits()
                .saveDraft(core.visits()
                        .find(reportId)
                        .orElseThrow()
                        .withDomains(List.of("energie"))
                        .withSynthesis("Visite faite.")
                        .withVisitAttested(true));
        assertThat(core.visits().complete(reportId).isOk()).isTrue();

        vm.refresh().join();

        assertThat(vm.visibleProperty().get()).isFalse();
        vm.setAppointment("apt-1").join();
        assertThat(vm.visibleProperty().get()).isFalse(); // no draft any more
    }

    @Test
    void unavailable_on_a_desktop_the_bar_is_hidden() {
        vm = new CheckInViewModel(
                core.checkIns(), Location.NONE, clock, core.zone(), TEXTS, Runnable::run, Runnable::run);
        core.checkIns().setEnabled(true);
        vm.setReport(reportId).join();
        assertThat(vm.visibleProperty().get()).isFalse();
        assertThat(vm.checkIn().join()).isFalse();
    }

    @Test
    void the_position_travels_with_the_completed_report_and_a_completed_report_hides_the_bar() {
        location.next = Optional.of(new Position(43.3, 5.3, 8.0, Instant.parse("2026-11-27T08:02:00Z")));
        vm.setReport(reportId).join();
        vm.enabledProperty().set(true);
        vm.checkIn().join();
        core.visits()
                .saveDraft(core.visits()
                        .find(reportId)
                        .orElseThrow()
                        .withDomains(List.of("energie"))
                        .withSynthesis("Arrivée enregistrée.")
                        .withVisitAttested(true)); // the form's save keeps the check-in
        assertThat(core.visits().complete(reportId).isOk()).isTrue();
        assertThat(core.sync().syncNow().join().ok()).isTrue();

        VisitReportDto sent = (VisitReportDto) server.operations.stream()
                .filter(o -> o.entityId().equals(reportId))
                .findFirst()
                .orElseThrow()
                .data();
        assertThat(sent.checkIn())
                .isEqualTo(new CheckInDto(43300000L, 5300000L, 8L, Instant.parse("2026-11-27T08:02:00Z")));
        vm.setReport(reportId).join();
        assertThat(vm.visibleProperty().get()).isFalse();
        assertThat(core.checkIns()
                        .record(reportId, location.next.get(), clock.instant())
                        .isOk())
                .isFalse();
    }

    @Test
    void a_position_the_office_would_refuse_is_not_recorded_and_says_why() {
        location.next = Optional.of(new Position(43.3, 5.3, 150_000.0, Instant.parse("2026-11-27T08:02:00Z")));
        vm.setReport(reportId).join();
        vm.enabledProperty().set(true);

        assertThat(vm.checkIn().join()).isFalse();

        assertThat(vm.statusTextProperty().get())
                .isEqualTo("Position trop imprécise (à plus de 100 km près) : "
                        + "elle n'est pas enregistrée. Réessayez à l'extérieur.");
        assertThat(core.checkIns().find(reportId)).isEmpty();
        assertThat(core.checkIns()
                        .record(
                                reportId,
                                new Position(91, 5.3, null, Instant.parse("2026-11-27T08:02:00Z")),
                                Instant.parse("2026-11-27T08:02:00Z"))
                        .message())
                .isEqualTo("Position invalide : elle n'est pas enregistrée. Réessayez.");
    }
}
