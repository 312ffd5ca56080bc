package fr.mediance.app.core.planning;

import static fr.mediance.app.core.planning.PlanningViewModel.*;
import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.planning.PlanningViewModel.ResidentMode;
import fr.mediance.app.core.testing.TestCores;
import fr.mediance.protocol.Limits;
import fr.mediance.protocol.ResidentDto;
import fr.mediance.protocol.Role;
import fr.mediance.testing.FakeOfficeServer;
import fr.mediance.testing.MutableClock;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanningViewModelTest {

    static final ResourceBundle TEXTS = ResourceBundle.getBundle("fr.mediance.app.core.messages");

    @TempDir
    Path dir;

    FakeOfficeServer server;
    MutableClock clock = new MutableClock(TestCores.T0); // 27/11/2026
    CoreContext core;
    PlanningViewModel vm;
    List<String> messages = new ArrayList<>();

    @BeforeEach
    void setUp() {
        server = new FakeOfficeServer();
        server.addUser("u-k1", "coord", TestCores.PASSWORD, Role.COORDINATOR);
        server.addUser("u-c1", "conseil1", TestCores.PASSWORD, Role.COUNSELLOR);
        server.addCode("mobility_reason", "mobilite_reduite", "Mobilité réduite", 1);
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
        core = TestCores.signedIn(dir, clock, server, "coord");
        assertThat(core.sync().syncNow().join().ok()).isTrue();
        vm = new PlanningViewModel(
                core.residents(),
                core.agenda(),
                core.reference(),
                core.sync(),
                clock,
                core.zone(),
                TEXTS,
                Runnable::run,
                Runnable::run);
        vm.setOnMessage(messages::add);
        vm.refresh();
    }

    @AfterEach
    void tearDown() {
        core.close();
        server.close();
    }

    void appointment(String date, String start, String duration) {
        vm.counsellorProperty().set(vm.counsellors().get(0));
        vm.field(DATE).set(date);
        vm.field(START).set(start);
        vm.field(DURATION).set(duration);
    }

    @Test
    void loads_the_counsellors_the_motifs_and_the_residents() {
        assertThat(vm.counsellors()).extracting(u -> u.id()).containsExactly("u-c1");
        assertThat(vm.mobilityReasons()).extracting(c -> c.label()).containsExactly("Mobilité réduite");
        assertThat(vm.searchResults()).extracting(r -> r.id()).containsExactly("r1");
        vm.searchProperty().set("lilas");
        assertThat(vm.searchResults()).hasSize(1);
        vm.searchProperty().set("zzz");
        assertThat(vm.searchResults()).isEmpty();
    }

    @Test
    void an_impossible_date_is_reported_beside_the_field_as_it_is_typed() {
        vm.field(DATE).set("31/02/2027");
        assertThat(vm.errorProperty(DATE).get()).startsWith("Date impossible");
        vm.field(DATE).set("2027-02-03");
        assertThat(vm.errorProperty(DATE).get()).startsWith("Date impossible");
        vm.field(DATE).set("03/02/2027");
        assertThat(vm.errorProperty(DATE).get()).isEmpty();
    }

    @Test
    void a_past_date_is_refused() {
        vm.field(DATE).set("26/11/2026");
        assertThat(vm.errorProperty(DATE).get()).isEqualTo("La date est déjà passée.");
    }

    @Test
    void an_impossible_time_is_reported_and_9h30_is_understood() {
        vm.field(START).set("25:00");
        assertThat(vm.errorProperty(START).get()).startsWith("Heure impossible");
        vm.field(START).set("9h30");
        assertThat(vm.errorProperty(START).get()).isEmpty();
    }

    @Test
    void an_end_before_the_start_is_refused() {
        vm.field(DURATION).set("0");
        assertThat(vm.errorProperty(DURATION).get()).isEqualTo("La fin du rendez-vous doit être après son début.");
        vm.field(START).set("23:30");
        vm.field(DURATION).set("60");
        assertThat(vm.errorProperty(DURATION).get()).isEqualTo("La fin du rendez-vous doit être après son début.");
        vm.field(DURATION).set("abc");
        assertThat(vm.errorProperty(DURATION).get()).startsWith("Durée invalide");
    }

    @Test
    void submitting_an_empty_form_marks_every_required_field_and_keeps_what_was_typed() {
        vm.residentModeProperty().set(ResidentMode.NEW);
        vm.field(FIRST_NAME).set("Awa");
        vm.field(NOTES).set("Sonner deux fois");

        assertThat(vm.submit().join()).isFalse();

        assertThat(vm.errorProperty(LAST_NAME).get()).isEqualTo("Ce champ est obligatoire.");
        assertThat(vm.errorProperty(STREET).get()).isEqualTo("Ce champ est obligatoire.");
        assertThat(vm.errorProperty(POSTCODE).get()).isEqualTo("Ce champ est obligatoire.");
        assertThat(vm.errorProperty(CITY).get()).isEqualTo("Ce champ est obligatoire.");
        assertThat(vm.errorProperty(DATE).get()).isEqualTo("Ce champ est obligatoire.");
        assertThat(vm.errorProperty(START).get()).isEqualTo("Ce champ est obligatoire.");
        assertThat(vm.errorProperty(COUNSELLOR).get()).isNotBlank();
        assertThat(vm.errorProperty(FIRST_NAME).get()).isEmpty();
        assertThat(vm.formErrorProperty().get()).startsWith("Le formulaire contient des erreurs");
        assertThat(vm.field(FIRST_NAME).get()).isEqualTo("Awa");
        assertThat(vm.field(NOTES).get()).isEqualTo("Sonner deux fois");
        assertThat(core.residents().search("", 10)).hasSize(1);
    }

    @Test
    void an_existing_resident_must_be_picked() {
        appointment("01/12/2026", "09:30", "60");
        assertThat(vm.submit().join()).isFalse();
        assertThat(vm.errorProperty(RESIDENT).get()).isEqualTo("Choisissez un usager ou créez-en un.");
    }

    @Test
    void over_long_text_and_a_bad_postcode_are_reported_beside_their_fields() {
        vm.residentModeProperty().set(ResidentMode.NEW);
        vm.field(LAST_NAME).set("x".repeat(Limits.MAX_SHORT_TEXT + 5));
        vm.field(POSTCODE).set("1301");
        assertThat(vm.errorProperty(LAST_NAME).get()).startsWith("Texte trop long : 200 caractères au plus");
        assertThat(vm.errorProperty(POSTCODE).get()).isEqualTo("Code postal invalide : 5 chiffres.");
    }

    @Test
    void plans_a_home_appointment_for_an_existing_resident() {
        vm.selectedResidentProperty().set(vm.searchResults().get(0));
        appointment("01/12/2026", "09:30", "90");

        assertThat(vm.submit().join()).isTrue();

        assertThat(vm.planned()).hasSize(1);
        PlanningViewModel.PlannedRow row = vm.planned().get(0);
        assertThat(row.when()).isEqualTo("01/12/2026 · 09:30 – 11:00");
        assertThat(row.residentName()).isEqualTo("Fatima Benali");
        assertThat(messages.get(0)).startsWith("Rendez-vous planifié le 01/12/2026 à 09:30 avec ");
        assertThat(vm.field(START).get()).isEmpty();
        assertThat(core.sync().pendingItems()).isNotEmpty();
    }

    @Test
    void creates_a_new_resident_and_the_appointment_together() {
        vm.residentModeProperty().set(ResidentMode.NEW);
        vm.field(LAST_NAME).set("Diallo");
        vm.field(FIRST_NAME).set("Awa");
        vm.field(STREET).set("5 place Castellane");
        vm.field(POSTCODE).set("13006");
        vm.field(CITY).set("Marseille");
        vm.field(ACCESS_NOTES).set("3e étage sans ascenseur");
        vm.mobilityReasonProperty().set("mobilite_reduite");
        appointment("02/12/2026", "14:00", "60");

        assertThat(vm.submit().join()).isTrue();

        assertThat(core.residents().search("Diallo", 10))
                .extracting(r -> r.accessNotes())
                .containsExactly("3e étage sans ascenseur");
        assertThat(vm.planned())
                .extracting(PlanningViewModel.PlannedRow::residentName)
                .containsExactly("Awa Diallo");
        assertThat(vm.residentModeProperty().get()).isEqualTo(ResidentMode.EXISTING);
        assertThat(vm.selectedResidentProperty().get().lastName()).isEqualTo("Diallo");
    }

    @Test
    void a_ten_minute_appointment_is_refused_beside_the_duration() {
        vm.field(DURATION).set("10");
        assertThat(vm.errorProperty(DURATION).get())
                .isEqualTo("Durée invalide : un nombre de minutes entre " + Limits.MIN_APPOINTMENT_MINUTES + " et "
                        + Limits.MAX_APPOINTMENT_MINUTES + ".");
        vm.field(DURATION).set(String.valueOf(Limits.MIN_APPOINTMENT_MINUTES));
        assertThat(vm.errorProperty(DURATION).get()).isEmpty();
    }

    @Test
    void a_date_in_2206_is_refused_offline_beside_the_field() {
        vm.field(DATE).set("03/02/2206");
        assertThat(vm.errorProperty(DATE).get())
                .isEqualTo("Date peu plausible : l'année doit être comprise entre 2000 et 2100.");
    }

    @Test
    void a_new_resident_is_offered_only_to_an_account_that_may_create_one() {
        assertThat(vm.residentCreationOfferedProperty().get()).isTrue();
        server.addUser("u-of", "bureau", TestCores.PASSWORD, Role.OFFICE);
        try (CoreContext office = TestCores.signedIn(dir.resolve("office"), clock, server, "bureau")) {
            assertThat(office.sync().syncNow().join().ok()).isTrue();
            PlanningViewModel offices = new PlanningViewModel(
                    office.residents(),
                    office.agenda(),
                    office.reference(),
                    office.sync(),
                    clock,
                    office.zone(),
                    TEXTS,
                    Runnable::run,
                    Runnable::run);
            assertThat(offices.residentCreationOfferedProperty().get()).isFalse();
            offices.dispose();
        }
    }
}
