package fr.mediance.app.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.session.AppViewModel.Page;
import fr.mediance.app.core.session.AppViewModel.Place;
import fr.mediance.app.core.testing.TestCores;
import fr.mediance.protocol.Role;
import fr.mediance.testing.FakeOfficeServer;
import fr.mediance.testing.MutableClock;
import java.nio.file.Path;
import java.util.ResourceBundle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppViewModelTest {

    static final ResourceBundle TEXTS = ResourceBundle.getBundle("fr.mediance.app.core.messages");

    @TempDir
    Path dir;

    FakeOfficeServer server;
    CoreContext core;

    @BeforeEach
    void setUp() {
        server = new FakeOfficeServer();
        server.addUser("u-c1", "conseil1", TestCores.PASSWORD, Role.COUNSELLOR);
        server.addUser("u-k1", "coord", TestCores.PASSWORD, Role.COORDINATOR);
        server.addUser("u-o1", "bureau", TestCores.PASSWORD, Role.OFFICE);
        core = TestCores.open(dir, new MutableClock(TestCores.T0));
    }

    @AfterEach
    void tearDown() {
        core.close();
        server.close();
    }

    AppViewModel vm() {
        return new AppViewModel(core.session(), TEXTS, Runnable::run, Runnable::run);
    }

    @Test
    void each_role_has_its_own_places_and_everyone_has_the_sync_panel() {
        assertThat(AppViewModel.placesFor(Role.COUNSELLOR))
                .containsExactly(Place.AGENDA, Place.TASKS, Place.RESIDENTS, Place.PARTNERS, Place.SYNC);
        assertThat(AppViewModel.placesFor(Role.COORDINATOR))
                .containsExactly(
                        Place.PLANNING,
                        Place.REQUESTS,
                        Place.MAP,
                        Place.RESIDENTS,
                        Place.PARTNERS,
                        Place.CONFLICTS,
                        Place.REFERENCE,
                        Place.SYNC);
        assertThat(AppViewModel.placesFor(Role.OFFICE))
                .containsExactly(
                        Place.REPORTS,
                        Place.RESIDENTS,
                        Place.PARTNERS,
                        Place.CONFLICTS,
                        Place.REFERENCE,
                        Place.GDPR,
                        Place.ACCOUNTS,
                        Place.SYNC);
        assertThat(AppViewModel.placesFor(Role.ADMIN))
                .containsExactly(
                        Place.PLANNING,
                        Place.REQUESTS,
                        Place.MAP,
                        Place.REPORTS,
                        Place.RESIDENTS,
                        Place.PARTNERS,
                        Place.CONFLICTS,
                        Place.REFERENCE,
                        Place.GDPR,
                        Place.AUDIT,
                        Place.ACCOUNTS,
                        Place.SYNC);
        assertThat(AppViewModel.placesFor(null)).isEmpty();
    }

    @Test
    void the_english_bundle_has_every_french_key() {
        ResourceBundle en = ResourceBundle.getBundle("fr.mediance.app.core.messages", java.util.Locale.ENGLISH);
        assertThat(en.getString("visit.complete")).isEqualTo("End the visit");
        assertThat(java.util.Collections.list(en.getKeys()))
                .containsExactlyInAnyOrderElementsOf(java.util.Collections.list(TEXTS.getKeys()));
        assertThat(TEXTS.getString("visit.complete")).isEqualTo("Terminer la visite");
    }

    @Test
    void first_start_shows_the_sign_in_with_no_navigation() {
        AppViewModel vm = vm();
        assertThat(vm.pageProperty().get()).isEqualTo(Page.LOGIN);
        assertThat(vm.places()).isEmpty();
        assertThat(vm.title(Page.LOGIN)).isEqualTo("Connexion");
    }

    @Test
    void follows_the_session_from_sign_in_to_the_counsellors_home() {
        AppViewModel vm = vm();
        core.login(server.url(), "conseil1", TestCores.PASSWORD);
        assertThat(vm.pageProperty().get()).isEqualTo(Page.CHOOSE_PIN);

        core.choosePin(TestCores.PIN);
        assertThat(vm.pageProperty().get()).isEqualTo(Page.HOME);
        assertThat(vm.roleProperty().get()).isEqualTo(Role.COUNSELLOR);
        assertThat(vm.places()).containsExactly(Place.AGENDA, Place.TASKS, Place.RESIDENTS, Place.PARTNERS, Place.SYNC);
        assertThat(vm.label(Place.AGENDA)).isEqualTo("Rendez-vous");
        assertThat(vm.userTextProperty().get()).endsWith("· Conseiller·ère");
    }

    @Test
    void locking_asks_for_the_pin_again() {
        AppViewModel vm = vm();
        core.login(server.url(), "bureau", TestCores.PASSWORD);
        core.choosePin(TestCores.PIN);
        assertThat(vm.places())
                .containsExactly(
                        Place.REPORTS,
                        Place.RESIDENTS,
                        Place.PARTNERS,
                        Place.CONFLICTS,
                        Place.REFERENCE,
                        Place.GDPR,
                        Place.ACCOUNTS,
                        Place.SYNC);
        assertThat(vm.label(Place.CONFLICTS)).isEqualTo("Conflits");

        vm.lock();

        assertThat(vm.pageProperty().get()).isEqualTo(Page.UNLOCK);
        assertThat(vm.places()).isEmpty();
    }

    @Test
    void logout_wipes_the_device_and_returns_to_the_sign_in() {
        AppViewModel vm = vm();
        core.login(server.url(), "coord", TestCores.PASSWORD);
        core.choosePin(TestCores.PIN);

        var outcome = vm.logout(false).join();

        assertThat(outcome.isOk()).isTrue();
        assertThat(vm.pageProperty().get()).isEqualTo(Page.LOGIN);
    }
}
