package fr.mediance.app.core.office;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.testing.TestCores;
import fr.mediance.app.core.visit.FullReportViewModelTest;
import fr.mediance.app.core.visit.VisitReport;
import fr.mediance.protocol.ActionDto;
import fr.mediance.protocol.AppointmentDto;
import fr.mediance.protocol.EnergyCheckDto;
import fr.mediance.protocol.OrientationDto;
import fr.mediance.protocol.ResidentDto;
import fr.mediance.protocol.Role;
import fr.mediance.testing.FakeOfficeServer;
import fr.mediance.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.ResourceBundle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The office sees the whole of a report written on a tablet: details, energy, actions, orientations, tasks. */
class OfficeFullReportTest {
    static final ResourceBundle TEXTS = ResourceBundle.getBundle("fr.mediance.app.core.messages");

    @TempDir
    Path dir;

    FakeOfficeServer server;
    MutableClock clock = new MutableClock(TestCores.T0);
    CoreContext tablet;
    CoreContext office;

    @BeforeEach
    void setUp() throws Exception {
        server = new FakeOfficeServer();
        server.addUser("u-c1", "conseil1", TestCores.PASSWORD, Role.COUNSELLOR);
        server.addUser("u-o1", "bureau", TestCores.PASSWORD, Role.OFFICE);
        FullReportViewModelTest.seedCodes(server);
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
        server.serverWrite(FullReportViewModelTest.mandate("m1", List.of("energie"), "2026-11-01", "2027-04-30", null));
        tablet = TestCores.signedIn(Files.createDirectories(dir.resolve("tablet")), clock, server, "conseil1");
        tablet.sync().syncNow().join();
    }

    @AfterEach
    void tearDown() {
        tablet.close();
        if (office != null) {
            office.close();
        }
        server.close();
    }

    @Test
    void the_office_reads_every_part_of_the_report_and_the_tasks_it_created() {
        VisitReport draft = tablet.visits()
                .openForAppointment("a1")
                .orElseThrow()
                .withDomains(List.of("energie"))
                .withMotifs(List.of("impaye_elec"))
                .withPersonsPresent(List.of("conjoint"))
                .withSynthesis("Facture EDF impayée ; demande FSL déposée.")
                .withPlace("Domicile")
                .withDurationMinutes(50)
                .withEnergy(new EnergyCheckDto(
                        true,
                        null,
                        "limited",
                        3L,
                        LocalDate.of(2026, 11, 15),
                        "electric",
                        List.of("thermostat"),
                        List.of(),
                        null))
                .withActions(List.of(new ActionDto(
                        "act-1",
                        "demande_aide",
                        "energie",
                        "Conseil départemental",
                        LocalDate.of(2026, 11, 27),
                        "pending",
                        41_250L,
                        null,
                        "FSL-2026-118",
                        true,
                        "m1",
                        null)))
                .withOrientations(List.of(new OrientationDto(
                        "or-1", "ccas", "Aide alimentaire", LocalDate.of(2026, 11, 27), "warm", true, null)))
                .withPlannedTasks(List.of(new VisitReport.PlannedTask("Rappeler EDF", LocalDate.of(2026, 12, 4))))
                .withVisitAttested(true);
        assertThat(tablet.visits().saveDraft(draft).isOk()).isTrue();
        assertThat(tablet.visits().complete(draft.id()).isOk()).isTrue();
        assertThat(tablet.sync().syncNow().join().ok()).isTrue();

        office = TestCores.signedIn(dir.resolve("office"), clock, server, "bureau");
        assertThat(office.sync().syncNow().join().ok()).isTrue();
        OfficeReportViewModel vm = new OfficeReportViewModel(
                office.office(), office.reference(), office.zone(), TEXTS, Runnable::run, Runnable::run);
        assertThat(vm.load(draft.id()).join()).isTrue();

        assertThat(vm.placeTextProperty().get()).isEqualTo("Domicile");
        assertThat(vm.durationTextProperty().get()).isEqualTo("50 min");
        assertThat(vm.personsTextProperty().get()).isEqualTo("Conjoint·e");
        assertThat(vm.motifsTextProperty().get()).isEqualTo("Impayé d'électricité");
        assertThat(vm.energyLines())
                .containsExactly(
                        "Compteurs relevés",
                        "Compteur Linky : Ne sait pas",
                        "Fourniture : Puissance réduite (3 kVA) depuis le 15/11/2026",
                        "Chauffage : Électrique",
                        "Éco-gestes conseillés : Régler le thermostat");
        assertThat(vm.actions()).singleElement().satisfies(a -> {
            assertThat(a.title()).isEqualTo("Demande d'aide (FSL…) · Énergie");
            assertThat(a.details())
                    .containsExactly(
                            "Conseil départemental · 27/11/2026",
                            "Résultat : En attente",
                            "Montant demandé : 412,50\u00a0€",
                            "Référence : FSL-2026-118",
                            "Pour le compte de la personne (Mandat du 01/11/2026 au 30/04/2027 — Énergie)");
        });
        assertThat(vm.orientations()).singleElement().satisfies(o -> {
            assertThat(o.title()).isEqualTo("CCAS");
            assertThat(o.details())
                    .containsExactly(
                            "27/11/2026 · Mise en relation",
                            "Aide alimentaire",
                            "Transmission acceptée par la personne");
        });
        assertThat(vm.tasks())
                .containsExactly(
                        "Rappeler EDF — échéance 04/12/2026",
                        "Demander un retour sur l'orientation — échéance 12/12/2026",
                        "Vérifier la décision FSL — échéance 26/01/2027");
        assertThat(vm.signatureTextProperty().get()).isEqualTo("Visite attestée sans signature par le conseiller·ère.");
        assertThat(vm.supersedesTextProperty().get()).isEmpty();
    }
}
