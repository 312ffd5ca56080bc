package fr.mediance.app.core.agenda;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.platform.ExternalApps;
import fr.mediance.app.core.testing.TestCores;
import fr.mediance.protocol.ActionDto;
import fr.mediance.protocol.AppointmentDto;
import fr.mediance.protocol.DocumentDto;
import fr.mediance.protocol.OperationDto;
import fr.mediance.protocol.ResidentDto;
import fr.mediance.protocol.Role;
import fr.mediance.protocol.TaskDto;
import fr.mediance.protocol.VisitReportDto;
import fr.mediance.testing.FakeOfficeServer;
import fr.mediance.testing.MutableClock;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The panel read before leaving for an appointment, from a real store synchronised with a fake office. */
class AppointmentViewModelTest {

    static final ResourceBundle TEXTS = ResourceBundle.getBundle("fr.mediance.app.core.messages");

    /** A working stand-in for the device's apps: records what it was asked. */
    static final class RecordingApps implements ExternalApps {
        final List<String> calls = new ArrayList<>();
        final List<String> maps = new ArrayList<>();
        boolean phone = true;
        Result callResult = Result.OPENED;

        @Override
        public boolean canCall() {
            return phone;
        }

        @Override
        public Result call(String number) {
            calls.add(ExternalApps.telUri(number));
            return callResult;
        }

        @Override
        public boolean canShowMap() {
            return true;
        }

        @Override
        public Result showMap(String address) {
            maps.add(address);
            return Result.OPENED;
        }
    }

    @TempDir
    Path dir;

    FakeOfficeServer server;
    MutableClock clock = new MutableClock(TestCores.T0); // Friday 27/11/2026, 09:00 in Paris
    CoreContext core;
    RecordingApps apps = new RecordingApps();
    List<String> messages = new ArrayList<>();
    List<String> visits = new ArrayList<>();
    List<String> files = new ArrayList<>();
    AppointmentViewModel vm;

    @BeforeEach
    void setUp() {
        server = new FakeOfficeServer();
        server.addUser("u-c1", "conseil1", TestCores.PASSWORD, Role.COUNSELLOR);
        server.addCode("medium", "home_visit", "Visite à domicile", 1);
        server.addCode("document_type", "facture", "Facture", 1);
        server.addCode("document_type", "avis_imposition", "Avis d'imposition", 2);
        server.addCode("action_type", "demande_fsl", "Demande FSL", 1);
        server.addCode("action_type", "echeancier", "Demande d'échéancier", 2);
        server.addCode("action_result", "accorde", "Accordé", 1);
        server.addCode("cancel_reason", "hospitalisation", "Hospitalisation", 1);
        server.addCode("cancel_reason", "oubli", "Oubli du rendez-vous", 2);
        server.serverWrite(new ResidentDto(
                "r1",
                "s1",
                "D-1",
                null,
                "Benali",
                "Fatima",
                null,
                "06 12 34 56 78",
                "12 rue des Lilas",
                "13015",
                "Marseille",
                "Digicode 1234B",
                null,
                "u-c1"));
        server.serverWrite(new ResidentDto(
                "r2",
                "s1",
                "D-2",
                null,
                "Martin",
                "Jean",
                null,
                null,
                "3 avenue du Port",
                "13002",
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
                "Apporter le dossier FSL",
                null,
                List.of("Récupérer l'avis d'imposition 2025"),
                "Visite en binôme"));
        server.serverWrite(report("v-old", Instant.parse("2026-09-10T09:00:00Z"), "Premier contact.", List.of()));
        server.serverWrite(report(
                "v-last",
                Instant.parse("2026-10-12T09:00:00Z"),
                "Facture EDF de 412,30 € impayée.\nÉchéancier demandé.\nDossier FSL déposé.\nRappeler en décembre.",
                List.of(
                        new ActionDto(
                                "x1",
                                "demande_fsl",
                                "energie",
                                "FSL 13",
                                LocalDate.of(2026, 10, 12),
                                "accorde",
                                41230L,
                                41230L,
                                null,
                                false,
                                null,
                                null),
                        new ActionDto(
                                "x2",
                                "echeancier",
                                "energie",
                                "EDF",
                                LocalDate.of(2026, 10, 12),
                                null,
                                null,
                                null,
                                null,
                                false,
                                null,
                                null))));
        server.serverWrite(task("t1", "r1", "Vérifier la décision FSL", LocalDate.of(2026, 12, 11), TaskDto.TODO));
        server.serverWrite(task("t2", "r1", "Relancer EDF", LocalDate.of(2026, 11, 20), TaskDto.TODO));
        server.serverWrite(task("t3", "r1", "Envoyer le courrier", LocalDate.of(2026, 11, 1), TaskDto.DONE));
        server.serverWrite(task("t4", "r2", "Autre personne", LocalDate.of(2026, 11, 1), TaskDto.TODO));
        server.serverWrite(
                document("d1", "r1", "facture", "EDF", 41230L, LocalDate.of(2026, 12, 10), LocalDate.of(2027, 11, 27)));
        server.serverWrite(document("d2", "r1", "avis_imposition", null, null, null, LocalDate.of(2026, 12, 1)));
        server.serverWrite(
                document("d3", "r1", "facture", "Eau", 2000L, LocalDate.of(2027, 3, 1), LocalDate.of(2027, 11, 27)));
        core = TestCores.signedIn(dir, clock, server, "conseil1");
        assertThat(core.sync().syncNow().join().ok()).isTrue();
        vm = new AppointmentViewModel(
                core.agenda(), core.reference(), apps, clock, core.zone(), TEXTS, Runnable::run, Runnable::run);
        vm.setOnMessage(messages::add);
        vm.setOnOpenVisit(visits::add);
        vm.setOnOpenResident(files::add);
    }

    static VisitReportDto report(String id, Instant completed, String synthesis, List<ActionDto> actions) {
        return new VisitReportDto(
                id,
                "s1",
                null,
                "r1",
                "u-c1",
                "home_visit",
                List.of("energie"),
                synthesis,
                null,
                null,
                completed.minusSeconds(3600),
                completed,
                null,
                null,
                null,
                List.of(),
                List.of(),
                null,
                actions,
                List.of(),
                null,
                true,
                null);
    }

    static TaskDto task(String id, String resident, String title, LocalDate due, String status) {
        return new TaskDto(id, "s1", resident, null, "u-c1", title, due, status, null, null, TestCores.T0, null);
    }

    static DocumentDto document(
            String id, String resident, String type, String issuer, Long cents, LocalDate due, LocalDate retention) {
        return new DocumentDto(
                id,
                "s1",
                null,
                resident,
                type,
                "ab".repeat(32),
                "image/jpeg",
                1000,
                Instant.parse("2026-10-12T09:00:00Z"),
                retention,
                null,
                issuer,
                cents,
                due,
                List.of(),
                "photo_in_app");
    }

    @AfterEach
    void tearDown() {
        core.close();
        server.close();
    }

    @Test
    void the_panel_shows_where_how_to_get_in_and_what_to_bring_back() {
        assertThat(vm.load("a1").join()).isTrue();

        assertThat(vm.residentNameProperty().get()).isEqualTo("Fatima Benali");
        assertThat(vm.whenTextProperty().get()).isEqualTo("Vendredi 27 novembre 2026 · 10:30 – 11:30");
        assertThat(vm.addressProperty().get()).isEqualTo("12 rue des Lilas, 13015 Marseille");
        assertThat(vm.accessNotesProperty().get()).isEqualTo("Digicode 1234B");
        assertThat(vm.safetyNotesProperty().get()).isEqualTo("Visite en binôme");
        assertThat(vm.notesProperty().get()).isEqualTo("Apporter le dossier FSL");
        assertThat(vm.checklist()).containsExactly("Récupérer l'avis d'imposition 2025");
        assertThat(vm.openVisitTextProperty().get()).isEqualTo("Commencer la visite");
        assertThat(vm.canChangeStatusProperty().get()).isTrue();
    }

    @Test
    void the_last_completed_contact_comes_with_the_first_lines_of_its_synthesis_and_its_actions() {
        vm.load("a1").join();

        assertThat(vm.lastContactTitleProperty().get()).isEqualTo("12/10/2026 · Visite à domicile");
        assertThat(vm.lastContactSynthesisProperty().get())
                .isEqualTo("Facture EDF de 412,30 € impayée.\nÉchéancier demandé.\nDossier FSL déposé…");
        assertThat(vm.lastContactActions())
                .containsExactly(
                        "Demande FSL – FSL 13 : Accordé (412,30\u00A0€)", "Demande d'échéancier – EDF : en attente");
    }

    @Test
    void open_follow_ups_of_that_resident_by_due_date_and_documents_due_or_leaving_soon() {
        vm.load("a1").join();

        assertThat(vm.tasks())
                .extracting(AppointmentViewModel.TaskRow::title)
                .containsExactly("Relancer EDF", "Vérifier la décision FSL");
        assertThat(vm.tasks().get(0).overdue()).isTrue();
        assertThat(vm.tasks().get(0).dueText()).isEqualTo("En retard (prévu le 20/11/2026)");
        assertThat(vm.tasks().get(1).dueText()).isEqualTo("Pour le 11/12/2026");
        assertThat(vm.documents())
                .extracting(AppointmentViewModel.DocumentRow::documentId)
                .containsExactly("d2", "d1");
        assertThat(vm.documents().get(1).title()).isEqualTo("Facture – EDF");
        assertThat(vm.documents().get(1).detail()).isEqualTo("À régler avant le 10/12/2026 · 412,30\u00A0€");
        assertThat(vm.documents().get(0).detail()).isEqualTo("Effacé de la tablette le 01/12/2026");
    }

    @Test
    void a_resident_without_history_says_so() {
        server.serverWrite(new AppointmentDto(
                "a2",
                "s1",
                "r2",
                "u-c1",
                "desk",
                Instant.parse("2026-11-27T13:00:00Z"),
                Instant.parse("2026-11-27T14:00:00Z"),
                "confirmed",
                null,
                null,
                null));
        core.sync().syncNow().join();
        vm.load("a2").join();

        assertThat(vm.lastContactTitleProperty().get()).isEqualTo("Aucun contact terminé avec cette personne.");
        assertThat(vm.tasks()).extracting(AppointmentViewModel.TaskRow::title).containsExactly("Autre personne");
        assertThat(vm.documents()).isEmpty();
        assertThat(vm.canCallProperty().get()).isFalse(); // no phone number
        assertThat(vm.checklist()).isEmpty();
    }

    @Test
    void call_and_map_go_through_the_device_apps() {
        vm.load("a1").join();
        assertThat(vm.canCallProperty().get()).isTrue();
        assertThat(vm.canShowMapProperty().get()).isTrue();

        vm.call();
        vm.showMap();

        assertThat(apps.calls).containsExactly("tel:0612345678");
        assertThat(apps.maps).containsExactly("12 rue des Lilas, 13015 Marseille");
        assertThat(messages).isEmpty();
    }

    @Test
    void a_desktop_copies_the_number_and_says_so_and_a_platform_without_phone_hides_the_button() {
        apps.callResult = ExternalApps.Result.COPIED;
        vm.load("a1").join();
        vm.call();
        assertThat(messages).containsExactly("Numéro copié : 06 12 34 56 78. Composez-le sur votre téléphone.");

        apps.phone = false;
        vm.load("a1").join();
        assertThat(vm.canCallProperty().get()).isFalse();
        vm.call();
        assertThat(apps.calls).hasSize(1);
    }

    @Test
    void absent_needs_a_reason_beside_the_field_and_nothing_is_saved_without_it() {
        vm.load("a1").join();

        assertThat(vm.changeStatus(AppointmentViewModel.StatusChange.ABSENT).join())
                .isFalse();

        assertThat(vm.reasonErrorProperty().get()).isEqualTo("Choisissez un motif.");
        assertThat(core.agenda().find("a1").orElseThrow().status()).isEqualTo("confirmed");
        assertThat(vm.cancelReasons()).extracting(c -> c.code()).containsExactly("hospitalisation", "oubli");
        vm.reasonProperty().set("hospitalisation");
        assertThat(vm.reasonErrorProperty().get()).isEmpty();
    }

    @Test
    void cancelled_by_the_person_with_a_reason_sends_only_the_status_fields() {
        vm.load("a1").join();
        vm.reasonProperty().set("oubli");

        assertThat(vm.changeStatus(AppointmentViewModel.StatusChange.CANCELLED_BY_RESIDENT)
                        .join())
                .isTrue();

        AgendaItem saved = core.agenda().find("a1").orElseThrow();
        assertThat(saved.status()).isEqualTo("cancelled_by_resident");
        assertThat(saved.statusReason()).isEqualTo("oubli");
        assertThat(vm.statusLabelProperty().get()).isEqualTo("Annulé par l'usager · Oubli du rendez-vous");
        assertThat(vm.statusKindProperty().get()).isEqualTo(AgendaViewModel.StatusKind.CANCELLED);
        assertThat(messages).containsExactly("Statut enregistré : Annulé par l'usager · Oubli du rendez-vous.");
        assertThat(core.sync().syncNow().join().ok()).isTrue();
        OperationDto op = server.operations.get(server.operations.size() - 1);
        assertThat(op.entityId()).isEqualTo("a1");
        assertThat(op.changedFields()).containsExactlyInAnyOrder("status", "statusReason");
    }

    @Test
    void the_service_refuses_an_absence_without_reason_too() {
        assertThat(core.agenda().setStatus("a1", AppointmentStatus.NO_SHOW, " ").fieldErrors())
                .containsEntry("statusReason", "Choisissez un motif.");
    }

    @Test
    void a_done_appointment_cannot_be_marked_absent_and_opens_its_report() {
        server.serverWrite(new AppointmentDto(
                "a1",
                "s1",
                "r1",
                "u-c1",
                "home_visit",
                Instant.parse("2026-11-27T09:30:00Z"),
                Instant.parse("2026-11-27T10:30:00Z"),
                "done",
                null,
                null,
                null));
        core.sync().syncNow().join();
        vm.load("a1").join();

        assertThat(vm.canChangeStatusProperty().get()).isFalse();
        assertThat(vm.openVisitTextProperty().get()).isEqualTo("Ouvrir le compte rendu");
        vm.reasonProperty().set("oubli");
        assertThat(vm.changeStatus(AppointmentViewModel.StatusChange.ABSENT).join())
                .isFalse();
        vm.openVisit();
        vm.openResidentFile();
        assertThat(visits).containsExactly("a1");
        assertThat(files).containsExactly("r1");
    }

    @Test
    void an_unknown_appointment_is_not_loaded() {
        assertThat(vm.load("nope").join()).isFalse();
        assertThat(vm.loadedProperty().get()).isFalse();
    }
}
