package fr.mediance.app.core.office;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.platform.CapturedImage;
import fr.mediance.app.core.testing.TestCores;
import fr.mediance.app.core.visit.VisitReport;
import fr.mediance.protocol.AppointmentDto;
import fr.mediance.protocol.ResidentDto;
import fr.mediance.protocol.Role;
import fr.mediance.testing.FakeOfficeServer;
import fr.mediance.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The office's list of received reports and one report, fed by a counsellor's tablet through the server. */
class OfficeReportsViewModelTest {

    static final ResourceBundle TEXTS = ResourceBundle.getBundle("fr.mediance.app.core.messages");
    static final byte[] PHOTO = fr.mediance.app.core.visit.VisitReportViewModelTest.realJpeg();

    @TempDir
    Path dir;

    FakeOfficeServer server;
    MutableClock clock = new MutableClock(TestCores.T0);
    CoreContext tablet;
    CoreContext office;
    List<String> opened = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        server = new FakeOfficeServer();
        server.addUser("u-c1", "conseil1", TestCores.PASSWORD, Role.COUNSELLOR);
        server.addUser("u-o1", "bureau", TestCores.PASSWORD, Role.OFFICE);
        server.addCode("medium", "home_visit", "Visite à domicile", 1);
        server.addCode("domain", "energie", "Énergie", 1);
        server.addCode("document_type", "facture", "Facture", 1);
        server.serverWrite(new ResidentDto(
                "r1",
                "s1",
                "D-1",
                null,
                "Benali",
                "Fatima",
                null,
                null,
                "12 rue des Lilas",
                "13015",
                "Marseille",
                null,
                null,
                "u-c1"));
        server.serverWrite(new AppointmentDto(
                "a1",
                "s1",
                "r1",
                "u-c1",
                "home_visit",
                Instant.parse("2026-11-27T09:30:00Z"),
                Instant.parse("2026-11-27T10:30:00Z"),
                "confirmed",
                null,
                null,
                null));
        tablet = TestCores.signedIn(Files.createDirectories(dir.resolve("tablet")), clock, server, "conseil1");
        tablet.sync().syncNow().join();
        VisitReport draft = tablet.visits()
                .openForAppointment("a1")
                .orElseThrow()
                .withDomains(List.of("energie"))
                .withSynthesis("Facture expliquée.")
                .withVisitAttested(true);
        tablet.visits().saveDraft(draft);
        assertThat(tablet.documents()
                        .attach(draft.id(), new CapturedImage(PHOTO, "image/jpeg", null), "facture")
                        .isOk())
                .isTrue();
        assertThat(tablet.visits().complete(draft.id()).isOk()).isTrue();
        office = TestCores.signedIn(Files.createDirectories(dir.resolve("office")), clock, server, "bureau");
    }

    @AfterEach
    void tearDown() {
        tablet.close();
        office.close();
        server.close();
    }

    OfficeReportsViewModel list() {
        return new OfficeReportsViewModel(
                office.office(), office.sync(), office.zone(), TEXTS, Runnable::run, Runnable::run, opened::add);
    }

    @Test
    void nothing_received_yet_is_an_empty_list() {
        OfficeReportsViewModel vm = list();
        vm.refresh();
        assertThat(vm.emptyProperty().get()).isTrue();
    }

    @Test
    void a_report_whose_photo_has_not_arrived_says_it_is_awaited() {
        tablet.sync().syncNow().join(); // the report travels; pretend its photo did not
        OfficeReportsViewModel vm = list();
        office.sync().syncNow().join();
        vm.refresh();

        assertThat(vm.items()).hasSize(1);
        OfficeReportsViewModel.Row row = vm.items().get(0);
        assertThat(row.residentName()).isEqualTo("Fatima Benali");
        assertThat(row.dateText()).isEqualTo("27/11/2026 · 09:00");
        assertThat(row.domainsText()).isEqualTo("Énergie");
        assertThat(row.photosText()).isEqualTo("1 photo");
        assertThat(row.counsellorText()).startsWith("par ");
        vm.open(row.reportId());
        assertThat(opened).containsExactly(row.reportId());
    }

    @Test
    void one_report_shows_its_fields_and_its_photo() {
        tablet.sync().syncNow().join();
        office.sync().syncNow().join();
        String id = office.office().receivedReports().get(0).reportId();
        OfficeReportViewModel vm = new OfficeReportViewModel(
                office.office(), office.reference(), office.zone(), TEXTS, Runnable::run, Runnable::run);

        assertThat(vm.load(id).join()).isTrue();

        assertThat(vm.titleProperty().get()).isEqualTo("Fatima Benali");
        assertThat(vm.mediumTextProperty().get()).isEqualTo("Visite à domicile");
        assertThat(vm.synthesisTextProperty().get()).isEqualTo("Facture expliquée.");
        assertThat(vm.followUpTextProperty().get()).isEqualTo("—");
        assertThat(vm.photos()).hasSize(1);
        OfficeReportViewModel.PhotoRow photo = vm.photos().get(0);
        assertThat(photo.typeLabel()).isEqualTo("Facture");
        assertThat(photo.available()).isTrue();
        assertThat(vm.photo(photo.documentId()).join().value()).startsWith(0xFF, 0xD8);
    }

    @Test
    void a_list_that_cannot_be_read_says_so_and_stops_loading() {
        OfficeReportsViewModel vm = list();
        office.session().lock(); // the store is closed under the screen

        vm.refresh();

        assertThat(vm.loadingProperty().get()).isFalse();
        assertThat(vm.loadErrorProperty().get())
                .isEqualTo("Les données n'ont pas pu être lues sur cet appareil. Réessayez.");
    }
}
