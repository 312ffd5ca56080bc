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

class PinViewModelTest {

    static final ResourceBundle TEXTS = ResourceBundle.getBundle("fr.mediance.app.core.messages");

    @TempDir
    Path dir;

    FakeOfficeServer server;
    MutableClock clock = new MutableClock(TestCores.T0);
    CoreContext core;

    @BeforeEach
    void setUp() {
        server = new FakeOfficeServer();
        server.addUser("u-c1", "conseil1", TestCores.PASSWORD, Role.COUNSELLOR);
        core = TestCores.open(dir, clock);
        core.login(server.url(), "conseil1", TestCores.PASSWORD);
    }

    @AfterEach
    void tearDown() {
        core.close();
        server.close();
    }

    PinViewModel pin(PinViewModel.Mode mode) {
        return new PinViewModel(mode, core.session(), clock, TEXTS, Runnable::run, Runnable::run);
    }

    static void type(PinViewModel vm, String digits) {
        for (char c : digits.toCharArray()) {
            vm.digit(c);
        }
    }

    @Test
    void six_digits_ask_for_the_confirmation() {
        PinViewModel vm = pin(PinViewModel.Mode.CHOOSE);
        assertThat(vm.headingProperty().get()).isEqualTo("Choisissez un code PIN");

        type(vm, "246810");

        assertThat(vm.stepProperty().get()).isEqualTo(PinViewModel.Step.CONFIRM);
        assertThat(vm.headingProperty().get()).isEqualTo("Confirmez le code PIN");
        assertThat(vm.lengthProperty().get()).isZero();
        assertThat(core.state()).isEqualTo(SessionState.PIN_REQUIRED);
    }

    @Test
    void two_different_codes_start_again_with_a_message() {
        PinViewModel vm = pin(PinViewModel.Mode.CHOOSE);
        type(vm, "246810");
        type(vm, "246811");

        assertThat(vm.stepProperty().get()).isEqualTo(PinViewModel.Step.ENTER);
        assertThat(vm.errorProperty().get()).isNotBlank();
        assertThat(core.state()).isEqualTo(SessionState.PIN_REQUIRED);
    }

    @Test
    void the_same_code_twice_creates_the_store_and_unlocks() {
        PinViewModel vm = pin(PinViewModel.Mode.CHOOSE);
        type(vm, "246810");
        type(vm, "246810");

        assertThat(core.state()).isEqualTo(SessionState.UNLOCKED);
        assertThat(vm.errorProperty().get()).isEmpty();
    }

    @Test
    void erase_removes_the_last_digit_and_letters_are_ignored() {
        PinViewModel vm = pin(PinViewModel.Mode.CHOOSE);
        type(vm, "12a3");
        vm.erase();
        assertThat(vm.lengthProperty().get()).isEqualTo(2);
    }

    @Test
    void submitting_fewer_than_six_digits_says_so() {
        PinViewModel vm = pin(PinViewModel.Mode.CHOOSE);
        type(vm, "123");
        vm.submit();
        assertThat(vm.errorProperty().get()).isEqualTo("Le code PIN doit comporter exactement 6 chiffres.");
    }

    @Test
    void unlock_with_a_wrong_pin_shows_an_error_then_the_right_one_unlocks() {
        core.choosePin(TestCores.PIN);
        core.session().lock();
        PinViewModel vm = pin(PinViewModel.Mode.UNLOCK);
        assertThat(vm.headingProperty().get()).startsWith("Bonjour");

        type(vm, "000000");
        assertThat(core.state()).isEqualTo(SessionState.LOCKED);
        assertThat(vm.errorProperty().get()).isNotBlank();

        type(vm, TestCores.PIN);
        assertThat(core.state()).isEqualTo(SessionState.UNLOCKED);
        assertThat(vm.errorProperty().get()).isEmpty();
    }

    @Test
    void after_many_wrong_pins_the_wait_is_announced_in_seconds() {
        core.choosePin(TestCores.PIN);
        core.session().lock();
        PinViewModel vm = pin(PinViewModel.Mode.UNLOCK);
        for (int i = 0; i < 6; i++) {
            type(vm, "000000");
        }
        assertThat(core.session().unlockBlockedUntil()).isPresent();
        type(vm, TestCores.PIN);
        assertThat(vm.errorProperty().get()).startsWith("Trop d'essais. Réessayez dans");
        assertThat(core.state()).isEqualTo(SessionState.LOCKED);
    }
}
