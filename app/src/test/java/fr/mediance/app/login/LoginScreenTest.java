package fr.mediance.app.login;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.AppComposition;
import fr.mediance.app.agenda.AgendaView;
import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.session.SessionState;
import fr.mediance.app.shell.Screen;
import fr.mediance.app.testing.DemoOffice;
import fr.mediance.app.testing.UiTest;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** First start: "Connexion", then the PIN chosen twice, the agenda; then lock and unlock with the PIN. */
class LoginScreenTest extends UiTest {

    @TempDir
    Path dir;

    DemoOffice office;
    CoreContext core;
    AppComposition composition;

    @BeforeEach
    void setUp() throws Exception {
        office = new DemoOffice();
        core = office.core(dir);
        composition =
                show(() -> office.compose(core, () -> CompletableFuture.completedFuture(Optional.empty())), 800, 1100);
    }

    @AfterEach
    void tearDown() throws Exception {
        cleanUp();
        core.close();
        office.close();
    }

    void typePin(String pin) {
        for (char c : pin.toCharArray()) {
            clickOn("#pin-key-" + c);
        }
    }

    /** The gap left of the node and the gap right of it, in the scene. */
    double[] gaps(String query) {
        javafx.scene.Node n = node(query);
        javafx.geometry.Bounds b = n.localToScene(n.getBoundsInLocal());
        return new double[] {b.getMinX(), n.getScene().getWidth() - b.getMaxX()};
    }

    @Test
    void the_sign_in_card_and_the_pin_card_are_centred_on_a_tablet() {
        until(() -> exists("#login-card"));
        double[] login = gaps("#login-card");
        assertThat(login[0]).isGreaterThan(100);
        assertThat(Math.abs(login[0] - login[1])).isLessThan(2);
        clickOn("#login-username").write("conseil1");
        clickOn("#login-password").write(DemoOffice.PASSWORD);
        clickOn("#login-submit");
        until(() -> exists("#pin-root"));
        double[] pin = gaps("#pin-root");
        assertThat(Math.abs(pin[0] - pin[1])).isLessThan(2);
    }

    @Test
    void the_office_types_its_second_factor_code_when_the_server_asks_for_it() {
        office.server.requireTotp("bureau", fr.mediance.protocol.Accounts.DEMO_TOTP_SECRET);
        until(() -> exists("#login-card"));
        assertThat(visible("#login-totp")).isFalse();
        clickOn("#login-username").write("bureau");
        clickOn("#login-password").write(DemoOffice.PASSWORD);
        clickOn("#login-submit");
        until(() -> visible("#login-totp"));
        assertThat(text("#login-error")).contains("code à 6 chiffres");
        clickOn("#login-totp").write("12");
        clickOn("#login-submit");
        until(() -> visible("#login-totp-error"));
        assertThat(text("#login-totp-error")).isEqualTo("Le code de vérification fait 6 chiffres.");
        interact(() -> ((TextField) node("#login-totp")).clear());
        clickOn("#login-totp")
                .write(fr.mediance.protocol.Totp.code(
                        fr.mediance.protocol.Accounts.DEMO_TOTP_SECRET, java.time.Instant.now()));
        clickOn("#login-submit");
        until(() -> exists("#pin-root"));
    }

    @Test
    void a_new_office_account_enrols_its_second_factor_from_a_qr_code_then_signs_in_with_its_code() {
        office.server.requireTotpEnrolment("bureau");
        until(() -> exists("#login-card"));
        assertThat(visible("#login-totp-qr")).isFalse();
        clickOn("#login-username").write("bureau");
        clickOn("#login-password").write(DemoOffice.PASSWORD);
        clickOn("#login-submit");

        until(() -> visible("#login-totp-qr"));
        String secret = office.server.totpSecret("bureau");
        assertThat(secret).isNotNull();
        assertThat(text("#login-totp-secret").replace(" ", "")).isEqualTo(secret);
        javafx.scene.canvas.Canvas qr = (javafx.scene.canvas.Canvas) node("#login-totp-qr");
        assertThat(qr.getWidth()).isEqualTo(qr.getHeight()).isGreaterThan(100);
        clickOn("#login-totp").write(fr.mediance.protocol.Totp.code(secret, java.time.Instant.now()));
        clickOn("#login-submit");
        until(() -> exists("#pin-root"));
    }

    @Test
    void empty_fields_are_reported_in_french_beside_each_field() {
        assertThat(text("#app-title")).isEqualTo("Connexion");
        assertThat(((TextField) node("#login-server")).getText()).isEqualTo(office.server.url());

        clickOn("#login-submit");

        until(() -> visible("#login-username-error"));
        assertThat(text("#login-username-error")).isEqualTo("Indiquez votre identifiant.");
        assertThat(text("#login-password-error")).isEqualTo("Indiquez votre mot de passe.");
    }

    @Test
    void plain_http_to_another_machine_is_warned_about_and_needs_an_explicit_choice() {
        assertThat(visible("#login-plain-http")).isFalse();
        interact(() -> ((TextField) node("#login-server")).setText("http://192.0.2.10:8080"));
        until(() -> visible("#login-plain-http"));
        assertThat(text("#login-plain-http")).startsWith("Attention : cette adresse commence par http://");
        clickOn("#login-username").write("conseil1");
        clickOn("#login-password").write(DemoOffice.PASSWORD);
        clickOn("#login-submit");

        until(() -> visible("#login-server-error"));
        assertThat(text("#login-server-error")).startsWith("Confirmez d'abord");
        assertThat(core.state()).isEqualTo(SessionState.NO_ACCOUNT);
        assertThat(exists("#login-plain-http-ok")).isTrue();
    }

    @Test
    void a_wrong_password_is_refused_with_a_french_message() {
        clickOn("#login-username").write("conseil1");
        clickOn("#login-password").write("pas-le-bon");
        clickOn("#login-submit");

        until(() -> visible("#login-error") || visible("#login-password-error"));
        assertThat(core.state()).isEqualTo(SessionState.NO_ACCOUNT);
        assertThat(text("#app-title")).isEqualTo("Connexion");
    }

    @Test
    void sign_in_choose_a_pin_then_lock_and_unlock() {
        clickOn("#login-username").write("conseil1");
        clickOn("#login-password").write(DemoOffice.PASSWORD);
        clickOn("#login-submit");

        until(() -> exists("#pin-heading") && "Choisissez un code PIN".equals(text("#pin-heading")));
        assertThat(text("#app-title")).isEqualTo("Code PIN");
        typePin("123456");
        until(() -> "Confirmez le code PIN".equals(text("#pin-heading")));
        typePin("123450");
        until(() -> visible("#pin-error"));
        assertThat(text("#pin-heading")).isEqualTo("Choisissez un code PIN");

        typePin("123456");
        until(() -> "Confirmez le code PIN".equals(text("#pin-heading")));
        typePin("123456");

        until(() -> exists("#agenda-heading"));
        assertThat(text("#app-title")).isEqualTo("Mes rendez-vous");
        assertThat(core.state()).isEqualTo(SessionState.UNLOCKED);
        assertThat(exists("#sync-indicator")).isTrue();

        // lock from the sync panel, then unlock with the PIN (offline: no server needed)
        clickOn("#nav-SYNC");
        until(() -> exists("#lock"));
        clickOn("#lock");
        until(() -> exists("#pin-heading") && text("#pin-heading").startsWith("Bonjour"));
        office.server.goOffline();
        typePin("999999");
        until(() -> visible("#pin-error"));
        assertThat(text("#pin-error")).startsWith("Code PIN incorrect");
        typePin("123456");
        until(() -> exists("#agenda-heading"));
        assertThat(core.state()).isEqualTo(SessionState.UNLOCKED);
    }

    @Test
    void the_agenda_built_while_the_pin_is_checked_is_the_one_shown_after_the_unlock() {
        clickOn("#login-username").write("conseil1");
        clickOn("#login-password").write(DemoOffice.PASSWORD);
        clickOn("#login-submit");
        until(() -> exists("#pin-heading") && "Choisissez un code PIN".equals(text("#pin-heading")));
        typePin("123456");
        until(() -> "Confirmez le code PIN".equals(text("#pin-heading")));
        typePin("123456");
        until(() -> exists("#agenda-heading"));
        interact(() -> assertThat(composition.preparedHome()).isEmpty()); // not on the PIN page

        core.session().lock();
        until(() -> exists("#pin-heading") && text("#pin-heading").startsWith("Bonjour"));
        interact(composition::prepareHome);
        Screen[] prepared = new Screen[1];
        interact(() -> prepared[0] = composition.preparedHome().orElseThrow());
        assertThat(prepared[0]).isInstanceOf(AgendaView.class);
        assertThat(prepared[0].node().getScene()).isNotSameAs(stage.getScene());

        typePin("123456");
        until(() -> exists("#agenda-heading"));
        interact(() -> {
            assertThat(composition.shell().navigator().current()).isSameAs(prepared[0]);
            assertThat(prepared[0].node().getScene()).isSameAs(stage.getScene());
            assertThat(composition.preparedHome()).isEmpty();
        });
    }
}
