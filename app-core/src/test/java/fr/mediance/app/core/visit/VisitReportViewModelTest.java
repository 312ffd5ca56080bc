package fr.mediance.app.core.visit;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.agenda.AppointmentStatus;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The visit report as a whole: opening, the header, autosave, "Terminer la visite" and the frozen report. */
public class VisitReportViewModelTest extends VisitTestBed.ReportTest {

    static final ResourceBundle TEXTS = VisitTestBed.TEXTS;
    static final byte[] JPEG = realJpeg();

    /** A real JPEG of a bill (the device shrinks and re-encodes what it attaches, so it must be decodable). */
    public static byte[] realJpeg() {
        java.awt.image.BufferedImage img =
                new java.awt.image.BufferedImage(320, 240, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = img.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, 320, 240);
        g.setColor(java.awt.Color.DARK_GRAY);
        for (int y = 40; y < 220; y += 20) {
            g.fillRect(20, y, 180 + y % 60, 8);
        }
        g.dispose();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(img, "jpg", out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Override
    VisitTestBed open(Path dir) {
        return VisitTestBed.simple(dir);
    }

    @Test
    void shows_the_resident_the_time_and_the_choices_from_the_code_lists() {
        assertThat(vm.residentNameProperty().get()).isEqualTo("Fatima Benali");
        assertThat(vm.addressProperty().get()).contains("12 rue des Lilas");
        assertThat(vm.accessNotesProperty().get()).isEqualTo("Digicode 1234B");
        assertThat(vm.phoneProperty().get()).isEqualTo("06 12 34 56 78");
        assertThat(vm.whenTextProperty().get()).isEqualTo("27/11/2026 · 10:30 – 11:30");
        assertThat(vm.contact().mediumOptions()).extracting(c -> c.code()).containsExactly("home_visit", "phone");
        assertThat(vm.contact().domainOptions()).extracting(c -> c.label()).containsExactly("Énergie", "Budget");
        assertThat(vm.contact().mediumProperty().get()).isEqualTo("home_visit");
        assertThat(vm.frozenProperty().get()).isFalse();
    }

    @Test
    void every_change_is_saved_on_the_device_at_once() {
        vm.contact().synthesisProperty().set("Courrier de la CAF expliqué.");
        vm.contact().setDomainSelected("budget", true);
        vm.followUps().followUpProperty().set("Rappeler la CAF");
        vm.followUps().followUpDueProperty().set("04/12/2026");

        VisitReport r = saved();
        assertThat(r.synthesis()).isEqualTo("Courrier de la CAF expliqué.");
        assertThat(r.domains()).containsExactly("budget");
        assertThat(r.followUp()).isEqualTo("Rappeler la CAF");
        assertThat(r.followUpDue()).isEqualTo(LocalDate.of(2026, 12, 4));
        assertThat(r.completed()).isFalse();
        assertThat(vm.saveStatusProperty().get()).isEqualTo("Enregistré sur l'appareil à 09:00");
    }

    @Test
    void reopening_the_appointment_gives_back_the_draft() {
        vm.contact().synthesisProperty().set("Brouillon");
        VisitReportViewModel again = new VisitReportViewModel(
                bed.core.visits(),
                bed.core.documents(),
                bed.core.agenda(),
                bed.core.reference(),
                () -> CompletableFuture.completedFuture(Optional.empty()),
                bed.core.sync(),
                bed.clock,
                bed.core.zone(),
                TEXTS,
                Runnable::run,
                Runnable::run);
        again.load("a1").join();
        assertThat(again.contact().synthesisProperty().get()).isEqualTo("Brouillon");
        assertThat(again.reportId()).isEqualTo(vm.reportId());
    }

    @Test
    void terminating_an_incomplete_report_shows_a_message_per_missing_field_and_keeps_it_editable() {
        vm.contact().mediumProperty().set(null);

        boolean done = vm.complete().join();

        assertThat(done).isFalse();
        assertThat(vm.frozenProperty().get()).isFalse();
        assertThat(vm.contact().errorProperty("domains").get()).isNotBlank();
        assertThat(vm.contact().errorProperty("synthesis").get()).isNotBlank();
        assertThat(vm.formErrorProperty().get()).startsWith("Le compte rendu est incomplet");
        // fixing a field clears its message
        vm.contact().setDomainSelected("energie", true);
        assertThat(vm.contact().errorProperty("domains").get()).isEmpty();
    }

    @Test
    void terminating_freezes_the_report_marks_the_appointment_done_and_queues_it() {
        bed.fillValidAttested();

        assertThat(vm.complete().join()).isTrue();

        assertThat(vm.frozenProperty().get()).isTrue();
        assertThat(vm.completedTextProperty().get()).startsWith("Visite terminée le 27/11/2026 à 09:00");
        assertThat(saved().completed()).isTrue();
        assertThat(bed.core.agenda().find("a1").orElseThrow().status()).isEqualTo(AppointmentStatus.DONE);
        assertThat(bed.core.sync().pendingItems()).isNotEmpty();
        assertThat(bed.messages)
                .contains("Visite terminée. Le compte rendu sera envoyé à la prochaine synchronisation.");
    }

    @Test
    void a_frozen_report_ignores_further_edits() {
        bed.fillValidAttested();
        vm.complete().join();

        vm.contact().synthesisProperty().set("modifié après coup");
        vm.contact().setDomainSelected("budget", true);

        assertThat(saved().synthesis()).startsWith("Facture EDF");
        assertThat(saved().domains()).containsExactly("energie");
        assertThat(vm.photos().addPhoto().join()).isFalse();
    }

    /** The device's visit service, whose saves fail with a bug while {@code broken} holds. */
    static final class BreakableVisits implements VisitService {
        final VisitService real;
        boolean broken;

        BreakableVisits(VisitService real) {
            this.real = real;
        }

        @Override
        public Optional<VisitReport> openForAppointment(String appointmentId) {
            return real.openForAppointment(appointmentId);
        }

        @Override
        public Optional<VisitReport> find(String reportId) {
            return real.find(reportId);
        }

        @Override
        public Optional<VisitReport> startForResident(String residentId) {
            return real.startForResident(residentId);
        }

        @Override
        public Optional<VisitReport> startContact(String residentId, String medium) {
            return real.startContact(residentId, medium);
        }

        @Override
        public fr.mediance.app.core.Outcome<VisitReport> correct(String reportId) {
            return real.correct(reportId);
        }

        @Override
        public java.util.List<VisitReport> drafts() {
            return real.drafts();
        }

        @Override
        public fr.mediance.app.core.Outcome<VisitReport> saveDraft(VisitReport draft) {
            if (broken) {
                throw new IllegalStateException("a bug in the store");
            }
            return real.saveDraft(draft);
        }

        @Override
        public java.util.Map<String, String> validate(VisitReport draft) {
            return real.validate(draft);
        }

        @Override
        public java.util.Map<String, String> validateAction(
                String residentId, fr.mediance.protocol.ActionDto action, LocalDate visitDay) {
            return real.validateAction(residentId, action, visitDay);
        }

        @Override
        public java.util.Map<String, String> validateOrientation(fr.mediance.protocol.OrientationDto orientation) {
            return real.validateOrientation(orientation);
        }

        @Override
        public fr.mediance.app.core.Outcome<VisitReport> complete(String reportId) {
            return real.complete(reportId);
        }
    }

    @Test
    void a_save_that_fails_with_a_bug_is_logged_once_says_so_in_french_and_the_next_change_is_saved() {
        BreakableVisits visits = new BreakableVisits(bed.core.visits());
        VisitReportViewModel m = new VisitReportViewModel(
                visits,
                bed.core.documents(),
                bed.core.agenda(),
                bed.core.reference(),
                () -> CompletableFuture.completedFuture(Optional.empty()),
                bed.core.sync(),
                bed.clock,
                bed.core.zone(),
                TEXTS,
                Runnable::run,
                Runnable::run);
        assertThat(m.load("a1").join()).isTrue();
        java.util.List<java.util.logging.LogRecord> logged = new java.util.ArrayList<>();
        java.util.logging.Logger log =
                java.util.logging.Logger.getLogger(fr.mediance.app.core.BackgroundWork.class.getName());
        java.util.logging.Handler handler = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord r) {
                logged.add(r);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        log.addHandler(handler);
        try {
            visits.broken = true;
            m.contact().synthesisProperty().set("Perdu ?");
            m.flush().join();
            assertThat(m.saveStatusProperty().get()).isEqualTo(TEXTS.getString("visit.save.failed"));
            assertThat(logged).singleElement().satisfies(r -> {
                assertThat(r.getThrown()).hasMessage("a bug in the store");
                assertThat(r.getMessage()).doesNotContain("Perdu");
            });

            visits.broken = false;
            m.contact().synthesisProperty().set("Retrouvé");
            m.flush().join();
            assertThat(bed.core.visits().find(m.reportId()).orElseThrow().synthesis())
                    .isEqualTo("Retrouvé");
            assertThat(m.saveStatusProperty().get()).isEqualTo("Enregistré sur l'appareil à 09:00");
        } finally {
            log.removeHandler(handler);
        }
    }

    @Test
    void an_unknown_appointment_says_so_in_french() {
        VisitReportViewModel other = new VisitReportViewModel(
                bed.core.visits(),
                bed.core.documents(),
                bed.core.agenda(),
                bed.core.reference(),
                () -> CompletableFuture.completedFuture(Optional.empty()),
                bed.core.sync(),
                bed.clock,
                bed.core.zone(),
                TEXTS,
                Runnable::run,
                Runnable::run);
        assertThat(other.load("nope").join()).isFalse();
        assertThat(other.formErrorProperty().get()).isEqualTo("Ce rendez-vous n'est plus sur cet appareil.");
    }
}
