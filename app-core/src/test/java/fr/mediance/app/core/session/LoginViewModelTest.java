package fr.mediance.app.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.CoreContext;
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

class LoginViewModelTest {

    static final ResourceBundle TEXTS = ResourceBundle.getBundle("fr.mediance.app.core.messages");

    @TempDir
    Path dir;

    FakeOfficeServer server;
    CoreContext core;
    LoginViewModel vm;

    @BeforeEach
    void setUp() {
        server = new FakeOfficeServer();
        server.addUser("u-c1", "conseil1", TestCores.PASSWORD, Role.COUNSELLOR);
        core = TestCores.open(dir, new MutableClock(TestCores.T0));
        vm = new LoginViewModel(core.session(), TEXTS, Runnable::run, Runnable::run, server.url());
    }

    @AfterEach
    void tearDown() {
        core.close();
        server.close();
    }

    @Test
    void pre_fills_the_server_address_given_at_start() {
        assertThat(vm.serverUrlProperty().get()).isEqualTo(server.url());
    }

    @Test
    void empty_fields_get_a_french_message_each_and_nothing_is_sent() {
        vm.serverUrlProperty().set("");
        var outcome = vm.login().join();

        assertThat(outcome.isOk()).isFalse();
        assertThat(vm.serverUrlErrorProperty().get()).isEqualTo("Indiquez l'adresse du serveur.");
        assertThat(vm.usernameErrorProperty().get()).isEqualTo("Indiquez votre identifiant.");
        assertThat(vm.passwordErrorProperty().get()).isEqualTo("Indiquez votre mot de passe.");
        assertThat(server.logins.get()).isZero();
    }

    @Test
    void an_address_that_is_not_http_is_refused_beside_the_field() {
        vm.serverUrlProperty().set("ftp://exemple.fr");
        vm.usernameProperty().set("conseil1");
        vm.passwordProperty().set(TestCores.PASSWORD);

        vm.login().join();

        assertThat(vm.serverUrlErrorProperty().get()).startsWith("Adresse invalide");
    }

    @Test
    void typing_again_clears_the_message_of_that_field() {
        vm.login().join();
        vm.usernameProperty().set("c");
        assertThat(vm.usernameErrorProperty().get()).isEmpty();
        assertThat(vm.passwordErrorProperty().get()).isNotEmpty();
    }

    @Test
    void a_wrong_password_shows_a_french_error_and_keeps_the_fields() {
        vm.usernameProperty().set("conseil1");
        vm.passwordProperty().set("faux");

        vm.login().join();

        assertThat(vm.errorProperty().get() + vm.passwordErrorProperty().get()).isNotBlank();
        assertThat(vm.usernameProperty().get()).isEqualTo("conseil1");
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(core.state()).isEqualTo(SessionState.NO_ACCOUNT);
    }

    @Test
    void signing_in_moves_to_the_pin_choice_and_forgets_the_password() {
        vm.usernameProperty().set("conseil1");
        vm.passwordProperty().set(TestCores.PASSWORD);

        var outcome = vm.login().join();

        assertThat(outcome.isOk()).isTrue();
        assertThat(core.state()).isEqualTo(SessionState.PIN_REQUIRED);
        assertThat(vm.passwordProperty().get()).isEmpty();
        assertThat(vm.errorProperty().get()).isEmpty();
    }

    @Test
    void an_unreachable_server_gives_a_french_message() {
        vm.serverUrlProperty().set("http://127.0.0.1:9");
        vm.usernameProperty().set("conseil1");
        vm.passwordProperty().set(TestCores.PASSWORD);

        vm.login().join();

        assertThat(vm.errorProperty().get()).isNotBlank().doesNotContain("Exception");
    }

    @Test
    void plain_http_to_another_machine_is_warned_and_waits_for_an_explicit_choice() {
        vm.serverUrlProperty().set("http://192.0.2.10:8080");
        vm.usernameProperty().set("conseil1");
        vm.passwordProperty().set(TestCores.PASSWORD);

        assertThat(vm.plainHttpWarningProperty().get()).startsWith("Attention : cette adresse commence par http://");
        var outcome = vm.login().join();

        assertThat(outcome.isOk()).isFalse();
        assertThat(vm.serverUrlErrorProperty().get()).startsWith("Confirmez d'abord");
        assertThat(core.state()).isEqualTo(SessionState.NO_ACCOUNT);

        vm.plainHttpAcceptedProperty().set(true);
        vm.serverUrlProperty().set("http://192.0.2.11:8080");
        assertThat(vm.plainHttpAcceptedProperty().get())
                .as("a new address needs a new choice")
                .isFalse();
    }

    @Test
    void https_and_this_machine_get_no_warning_and_the_choice_lets_plain_http_through() {
        for (String url : new String[] {"https://mediance.exemple.fr", "http://localhost:8080", "http://127.0.0.1:9"}) {
            vm.serverUrlProperty().set(url);
            assertThat(vm.plainHttpWarningProperty().get()).as(url).isEmpty();
        }
        String local = server.url();
        vm.serverUrlProperty().set(local.replace("127.0.0.1", "localhost"));
        vm.usernameProperty().set("conseil1");
        vm.passwordProperty().set(TestCores.PASSWORD);
        assertThat(vm.login().join().isOk()).isTrue();
    }
}
