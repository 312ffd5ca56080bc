package fr.mediance.app.core.visit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.agenda.AppointmentStatus;
import fr.mediance.app.core.platform.CapturedImage;
import fr.mediance.app.core.platform.DocumentCapture;
import fr.mediance.testing.FakeOfficeServer;
import fr.mediance.testing.MutableClock;
import fr.mediance.app.core.testing.TestCores;
import fr.mediance.protocol.AppointmentDto;
import fr.mediance.protocol.Limits;
import fr.mediance.protocol.ResidentDto;
import fr.mediance.protocol.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class VisitReportViewModelTest {

    static final ResourceBundle TEXTS = ResourceBundle.getBundle("fr.mediance.app.core.messages");
    static final byte[] JPEG = realJpeg();

    /** A real JPEG of a bill (the device shrinks and re-encodes what it attaches, so it must be decodable). */
    public static byte[] realJpeg() {
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(320, 240,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
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

    @TempDir
    Path dir;
    FakeOfficeServer server;
    MutableClock clock = new MutableClock(TestCores.T0);
    CoreContext core;
    VisitReportViewModel vm;
    List<String> messages = new ArrayList<>();
    Optional<CapturedImage> nextCapture = Optional.of(new CapturedImage(JPEG, "image/jpeg", "facture.jpg"));

    @BeforeEach
    void setUp() {
        server = new FakeOfficeServer();
        server.addUser("u-c1", "conseil1", TestCores.PASSWORD, Role.COUNSELLOR);
        server.addCode("medium", "home_visit", "Visite à domicile", 1);
        server.addCode("medium", "phone", "Téléphone", 2);
        server.addCode("domain", "energie", "Énergie", 1);
        server.addCode("domain", "budget", "Budget", 2);
        server.addCode("document_type", "facture", "Facture", 1);
        server.addCode("document_type", "avis_imposition", "Avis d'imposition", 2);
        server.serverWrite(new ResidentDto("r1", "s1", "D-1", null, "Benali", "Fatima", null, "06 12 34 56 78",
                "12 rue des Lilas", "13015", "Marseille", "Digicode 1234B", null, "u-c1"));
        server.serverWrite(new AppointmentDto("a1", "s1", "r1", "u-c1", "home_visit",
                Instant.parse("2026-11-27T09:30:00Z"), Instant.parse("2026-11-27T10:30:00Z"), "confirmed", null, null, null));
        core = TestCores.signedIn(dir, clock, server, "conseil1");
        assertThat(core.sync().syncNow().join().ok()).isTrue();
        DocumentCapture capture = () -> CompletableFuture.completedFuture(nextCapture);
        vm = new VisitReportViewModel(core.visits(), core.documents(), core.agenda(), core.reference(), capture,
                core.sync(), clock, core.zone(), TEXTS, Runnable::run, Runnable::run);
        vm.setOnMessage(messages::add);
        assertThat(vm.load("a1").join()).isTrue();
    }

    @AfterEach
    void tearDown() {
        core.close();
        server.close();
    }

    VisitReport saved() {
        return core.visits().find(vm.reportId()).orElseThrow();
    }

    void fillValid() {
        vm.mediumProperty().set("home_visit");
        vm.setDomainSelected("energie", true);
        vm.synthesisProperty().set("Facture EDF de 412 € en retard ; échéancier demandé.");
        vm.attestedProperty().set(true);
    }

    @Test
    void shows_the_resident_the_time_and_the_choices_from_the_code_lists() {
        assertThat(vm.residentNameProperty().get()).isEqualTo("Fatima Benali");
        assertThat(vm.addressProperty().get()).contains("12 rue des Lilas");
        assertThat(vm.accessNotesProperty().get()).isEqualTo("Digicode 1234B");
        assertThat(vm.phoneProperty().get()).isEqualTo("06 12 34 56 78");
        assertThat(vm.whenTextProperty().get()).isEqualTo("27/11/2026 · 10:30 – 11:30");
        assertThat(vm.mediumOptions()).extracting(c -> c.code()).containsExactly("home_visit", "phone");
        assertThat(vm.domainOptions()).extracting(c -> c.label()).containsExactly("Énergie", "Budget");
        assertThat(vm.mediumProperty().get()).isEqualTo("home_visit");
        assertThat(vm.frozenProperty().get()).isFalse();
    }

    @Test
    void every_change_is_saved_on_the_device_at_once() {
        vm.synthesisProperty().set("Courrier de la CAF expliqué.");
        vm.setDomainSelected("budget", true);
        vm.followUpProperty().set("Rappeler la CAF");
        vm.followUpDueProperty().set("04/12/2026");

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
        vm.synthesisProperty().set("Brouillon");
        VisitReportViewModel again = new VisitReportViewModel(core.visits(), core.documents(), core.agenda(),
                core.reference(), () -> CompletableFuture.completedFuture(Optional.empty()), core.sync(), clock, core.zone(),
                TEXTS, Runnable::run, Runnable::run);
        again.load("a1").join();
        assertThat(again.synthesisProperty().get()).isEqualTo("Brouillon");
        assertThat(again.reportId()).isEqualTo(vm.reportId());
    }

    @Test
    void an_impossible_due_date_is_reported_beside_the_field_and_the_text_stays() {
        vm.followUpDueProperty().set("31/02/2027");
        assertThat(vm.followUpDueErrorProperty().get()).isEqualTo("Date invalide : utilisez le format jj/mm/aaaa.");
        assertThat(vm.followUpDueProperty().get()).isEqualTo("31/02/2027");

        vm.followUpDueProperty().set("28/02/2027");
        assertThat(vm.followUpDueErrorProperty().get()).isEmpty();
    }

    @Test
    void an_over_long_synthesis_is_reported_as_it_is_typed() {
        vm.synthesisProperty().set("x".repeat(Limits.MAX_LONG_TEXT + 1));
        assertThat(vm.synthesisErrorProperty().get()).startsWith("Texte trop long : 20");
    }

    @Test
    void terminating_an_incomplete_report_shows_a_message_per_missing_field_and_keeps_it_editable() {
        vm.mediumProperty().set(null);

        boolean done = vm.complete().join();

        assertThat(done).isFalse();
        assertThat(vm.frozenProperty().get()).isFalse();
        assertThat(vm.domainsErrorProperty().get()).isNotBlank();
        assertThat(vm.synthesisErrorProperty().get()).isNotBlank();
        assertThat(vm.formErrorProperty().get()).startsWith("Le compte rendu est incomplet");
        // fixing a field clears its message
        vm.setDomainSelected("energie", true);
        assertThat(vm.domainsErrorProperty().get()).isEmpty();
    }

    @Test
    void terminating_freezes_the_report_marks_the_appointment_done_and_queues_it() {
        fillValid();

        assertThat(vm.complete().join()).isTrue();

        assertThat(vm.frozenProperty().get()).isTrue();
        assertThat(vm.completedTextProperty().get()).startsWith("Visite terminée le 27/11/2026 à 09:00");
        assertThat(saved().completed()).isTrue();
        assertThat(core.agenda().find("a1").orElseThrow().status()).isEqualTo(AppointmentStatus.DONE);
        assertThat(core.sync().pendingItems()).isNotEmpty();
        assertThat(messages).contains("Visite terminée. Le compte rendu sera envoyé à la prochaine synchronisation.");
    }

    @Test
    void a_frozen_report_ignores_further_edits() {
        fillValid();
        vm.complete().join();

        vm.synthesisProperty().set("modifié après coup");
        vm.setDomainSelected("budget", true);

        assertThat(saved().synthesis()).startsWith("Facture EDF");
        assertThat(saved().domains()).containsExactly("energie");
        assertThat(vm.addPhoto().join()).isFalse();
    }

    @Test
    void a_photo_needs_a_document_type() {
        assertThat(vm.addPhoto().join()).isFalse();
        assertThat(vm.photoTypeErrorProperty().get()).isEqualTo("Indiquez le type de ce document.");
        assertThat(vm.photos()).isEmpty();
    }

    @Test
    void a_photo_is_attached_with_its_type_then_removed() {
        vm.newPhotoTypeProperty().set("facture");

        assertThat(vm.addPhoto().join()).isTrue();

        assertThat(vm.photos()).hasSize(1);
        VisitReportViewModel.PhotoRow row = vm.photos().get(0);
        assertThat(row.typeLabel()).isEqualTo("Facture");
        assertThat(vm.photoBytes(row.documentId()).join()).hasValueSatisfying(b -> assertThat(b).startsWith(0xFF, 0xD8));
        assertThat(core.documents().photos(vm.reportId())).hasSize(1);

        assertThat(vm.removePhoto(row.documentId()).join()).isTrue();
        assertThat(vm.photos()).isEmpty();
        assertThat(core.documents().photos(vm.reportId())).isEmpty();
    }

    @Test
    void each_photo_says_where_it_stands_on_its_way_to_the_office() {
        vm.newPhotoTypeProperty().set("facture");
        assertThat(vm.addPhoto().join()).isTrue();
        assertThat(vm.photos().get(0).stateText()).isEqualTo("Sur l'appareil");
        assertThat(vm.photos().get(0).showsProgress()).isFalse();

        fillValid();
        assertThat(vm.complete().join()).isTrue();
        assertThat(vm.photos().get(0).stateText()).isEqualTo("En attente");
        assertThat(vm.photos().get(0).delivery()).isEqualTo(fr.mediance.app.core.sync.Delivery.QUEUED);
        assertThat(vm.deliveryTextProperty().get())
                .isEqualTo("En attente d'envoi : le compte rendu partira à la prochaine synchronisation.");

        List<String> seen = new ArrayList<>();
        vm.photos().addListener((javafx.collections.ListChangeListener<VisitReportViewModel.PhotoRow>) c ->
                vm.photos().forEach(r -> seen.add(r.stateText())));
        assertThat(core.sync().syncNow().join().ok()).isTrue();

        assertThat(vm.photos().get(0).stateText()).isEqualTo("Reçue par le bureau");
        assertThat(vm.photos().get(0).percent()).isEqualTo(100);
        assertThat(seen).last().isEqualTo("Reçue par le bureau");
        assertThat(vm.deliveryTextProperty().get()).isEqualTo("Compte rendu et photos reçus par le bureau.");
        assertThat(seen).allMatch(t -> t.equals("Reçue par le bureau") || t.matches("Envoi \\d+ %|En attente"));
    }

    @Test
    void a_closed_report_stops_following_its_photos() {
        vm.newPhotoTypeProperty().set("facture");
        vm.addPhoto().join();
        fillValid();
        vm.complete().join();
        vm.dispose();

        core.sync().syncNow().join();

        assertThat(vm.photos().get(0).stateText()).isEqualTo("En attente");
        vm.watchTransfers(true); // shown again: read afresh
        assertThat(vm.photos().get(0).stateText()).isEqualTo("Reçue par le bureau");
    }

    @Test
    void a_cancelled_capture_adds_nothing() {
        nextCapture = Optional.empty();
        vm.newPhotoTypeProperty().set("facture");
        assertThat(vm.addPhoto().join()).isFalse();
        assertThat(vm.photos()).isEmpty();
        assertThat(vm.capturingProperty().get()).isFalse();
    }

    @Test
    void an_unknown_appointment_says_so_in_french() {
        VisitReportViewModel other = new VisitReportViewModel(core.visits(), core.documents(), core.agenda(),
                core.reference(), () -> CompletableFuture.completedFuture(Optional.empty()), core.sync(), clock, core.zone(),
                TEXTS, Runnable::run, Runnable::run);
        assertThat(other.load("nope").join()).isFalse();
        assertThat(other.formErrorProperty().get()).isEqualTo("Ce rendez-vous n'est plus sur cet appareil.");
    }
}
