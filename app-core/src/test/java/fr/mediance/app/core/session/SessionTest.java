package fr.mediance.app.core.session;

import static fr.mediance.app.core.testing.TestCores.PASSWORD;
import static fr.mediance.app.core.testing.TestCores.PIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.Outcome;
import fr.mediance.app.core.resident.ResidentForm;
import fr.mediance.app.core.store.StoreException;
import fr.mediance.app.core.testing.TestCores;
import fr.mediance.protocol.Role;
import fr.mediance.testing.FakeOfficeServer;
import fr.mediance.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionTest {
    @TempDir
    Path dir;

    final FakeOfficeServer server = new FakeOfficeServer();
    final MutableClock clock = new MutableClock(TestCores.T0);

    {
        server.addUser("u-c1", "conseil1", PASSWORD, Role.COUNSELLOR);
        server.addUser("u-co", "coord", PASSWORD, Role.COORDINATOR);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void firstStartAsksToSignIn() {
        try (CoreContext core = TestCores.open(dir, clock)) {
            assertThat(core.state()).isEqualTo(SessionState.NO_ACCOUNT);
            assertThat(core.session().account()).isEmpty();
        }
    }

    @Test
    void signingInThenChoosingAPinOpensTheStore() {
        try (CoreContext core = TestCores.open(dir, clock)) {
            AccountInfo info = core.login(server.url(), "conseil1", PASSWORD);
            assertThat(info.role()).isEqualTo(Role.COUNSELLOR);
            assertThat(core.state()).isEqualTo(SessionState.PIN_REQUIRED);
            assertThat(core.session().stateProperty().get()).isEqualTo(SessionState.PIN_REQUIRED);

            core.choosePin(PIN);
            assertThat(core.state()).isEqualTo(SessionState.UNLOCKED);
            assertThat(core.residents().search("", 10)).isEmpty();
        }
    }

    @Test
    void badCredentialsAreRefusedInFrench() {
        try (CoreContext core = TestCores.open(dir, clock)) {
            Outcome<AccountInfo> r = core.session().login(server.url(), "conseil1", "faux".toCharArray());
            assertThat(r).isEqualTo(Outcome.failed("Identifiant ou mot de passe incorrect."));
            assertThat(core.state()).isEqualTo(SessionState.NO_ACCOUNT);
        }
    }

    @Test
    void anUnreachableServerIsReportedInFrench() {
        server.goOffline();
        try (CoreContext core = TestCores.open(dir, clock)) {
            Outcome<AccountInfo> r = core.session().login(server.url(), "conseil1", PASSWORD.toCharArray());
            assertThat(r.message()).startsWith("Serveur injoignable");
        }
    }

    @Test
    void emptyFieldsAreReportedPerField() {
        try (CoreContext core = TestCores.open(dir, clock)) {
            Outcome<AccountInfo> r = core.session().login(" ", "", new char[0]);
            assertThat(r.fieldErrors()).containsOnlyKeys("serverUrl", "username", "password");
        }
    }

    @Test
    void thePinMustBeSixDigitsTypedTwice() {
        try (CoreContext core = TestCores.open(dir, clock)) {
            core.login(server.url(), "conseil1", PASSWORD);
            assertThat(core.session()
                            .choosePin("12345".toCharArray(), "12345".toCharArray())
                            .fieldErrors())
                    .containsOnlyKeys("pin");
            assertThat(core.session()
                            .choosePin("123456".toCharArray(), "123465".toCharArray())
                            .fieldErrors())
                    .containsEntry("confirmation", "Les deux codes PIN ne sont pas identiques.");
            assertThat(core.state()).isEqualTo(SessionState.PIN_REQUIRED);
        }
    }

    @Test
    void theAccountFileHoldsNoSecret() throws Exception {
        try (CoreContext core = TestCores.signedIn(dir, clock, server, "conseil1")) {
            assertThat(core.state()).isEqualTo(SessionState.UNLOCKED);
        }
        String json = Files.readString(dir.resolve("account.json"), StandardCharsets.UTF_8);
        assertThat(json)
                .contains("conseil1", "PBKDF2-HMAC-SHA256", "deviceId")
                .doesNotContain(PASSWORD)
                .doesNotContain(PIN)
                .doesNotContain("refresh-")
                .doesNotContain("access-");
    }

    @Test
    void nextStartUnlocksOfflineWithThePin() {
        try (CoreContext core = TestCores.signedIn(dir, clock, server, "conseil1")) {
            core.residents();
        }
        server.goOffline();
        try (CoreContext core = TestCores.open(dir, clock)) {
            assertThat(core.state()).isEqualTo(SessionState.LOCKED);
            assertThatThrownBy(() -> core.residents().search("", 5)).isInstanceOf(StoreException.class);
            AccountInfo info = core.unlock(PIN);
            assertThat(info.username()).isEqualTo("conseil1");
            assertThat(core.state()).isEqualTo(SessionState.UNLOCKED);
        }
    }

    @Test
    void afterAnUnlockTheOfficeIsReachedAgainAndAfterALockNoMore() {
        try (CoreContext core = TestCores.signedIn(dir, clock, server, "conseil1")) {
            core.residents();
        }
        try (CoreContext core = TestCores.open(dir, clock)) {
            assertThat(((SessionManager) core.session()).remote()).isEmpty();
            core.unlock(PIN);
            assertThat(((SessionManager) core.session()).remote()).hasValueSatisfying(r -> {
                assertThat(r.baseUrl().toString()).startsWith(server.url());
                assertThat(r.health().isOk()).isTrue();
            });
            assertThat(((SessionManager) core.session()).remote().orElseThrow())
                    .isSameAs(((SessionManager) core.session()).remote().orElseThrow());

            core.session().lock();
            assertThat(((SessionManager) core.session()).remote()).isEmpty();
            core.unlock(PIN);
            assertThat(((SessionManager) core.session()).remote()).isPresent();
        }
    }

    @Test
    void aWrongPinIsRefusedInFrenchAndTheRightOneStillWorks() {
        try (CoreContext core = TestCores.signedIn(dir, clock, server, "conseil1")) {
            core.session().lock();
            Outcome<AccountInfo> wrong = core.session().unlock("654321".toCharArray());
            assertThat(wrong.message()).startsWith("Code PIN incorrect.");
            assertThat(core.state()).isEqualTo(SessionState.LOCKED);
            assertThat(core.session().unlock(PIN.toCharArray()).isOk()).isTrue();
        }
    }

    @Test
    void fiveWrongPinsInARowImposeAnIncreasingWait() {
        try (CoreContext core = TestCores.signedIn(dir, clock, server, "conseil1")) {
            core.session().lock();
            for (int i = 0; i < 4; i++) {
                assertThat(core.session().unlock("000000".toCharArray()).message())
                        .startsWith("Code PIN incorrect.");
            }
            assertThat(core.session().unlock("000000".toCharArray()).message()).contains("patientez 30 secondes");
            assertThat(core.session().unlockBlockedUntil()).contains(TestCores.T0.plusSeconds(30));
            // even the right PIN must wait
            assertThat(core.session().unlock(PIN.toCharArray()).message()).startsWith("Trop de codes PIN erronés");
            clock.advance(Duration.ofSeconds(31));
            assertThat(core.session().unlock("000000".toCharArray()).message()).contains("patientez 60 secondes");
            clock.advance(Duration.ofSeconds(61));
            assertThat(core.session().unlock(PIN.toCharArray()).isOk()).isTrue();
            core.session().lock();
            assertThat(core.session().unlock("000000".toCharArray()).message())
                    .startsWith("Code PIN incorrect. Encore 4");
        }
    }

    @Test
    void theWaitSurvivesARestart() {
        try (CoreContext core = TestCores.signedIn(dir, clock, server, "conseil1")) {
            core.session().lock();
            for (int i = 0; i < 5; i++) {
                core.session().unlock("000000".toCharArray());
            }
        }
        try (CoreContext core = TestCores.open(dir, clock)) {
            assertThat(core.session().unlock(PIN.toCharArray()).message()).startsWith("Trop de codes PIN erronés");
        }
    }

    @Test
    void delaysDoubleUpToOneHour() {
        assertThat(SessionManager.delayAfter(5)).isEqualTo(Duration.ofSeconds(30));
        assertThat(SessionManager.delayAfter(6)).isEqualTo(Duration.ofSeconds(60));
        assertThat(SessionManager.delayAfter(30)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void wipingIsRefusedWhileChangesAreUnsent() {
        try (CoreContext core = TestCores.signedIn(dir, clock, server, "coord")) {
            core.residents()
                    .create(new ResidentForm(
                            null, "Martin", "Paul", null, null, "1 rue", "13001", "Marseille", null, null, null));
            Outcome<Void> r = core.session().logout(true, false);
            assertThat(r.message()).startsWith("1 modification n'a pas encore été envoyée");
            assertThat(core.state()).isEqualTo(SessionState.UNLOCKED);
        }
    }

    @Test
    void wipingDeletesTheAccountTheDatabaseAndThePhotos() throws Exception {
        try (CoreContext core = TestCores.signedIn(dir, clock, server, "conseil1")) {
            assertThat(core.session().logout(true, false).isOk()).isTrue();
            assertThat(core.state()).isEqualTo(SessionState.NO_ACCOUNT);
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList())
                    .noneMatch(n -> n.startsWith("account") || n.startsWith("mediance.db") || n.equals("blobs"));
        }
    }

    @Test
    void loggingOutWithoutWipingKeepsTheDataBehindThePin() {
        try (CoreContext core = TestCores.signedIn(dir, clock, server, "coord")) {
            core.residents()
                    .create(new ResidentForm(
                            null, "Martin", "Paul", null, null, "1 rue", "13001", "Marseille", null, null, null));
            assertThat(core.session().logout(false, false).isOk()).isTrue();
            assertThat(core.state()).isEqualTo(SessionState.LOCKED);
            core.unlock(PIN);
            assertThat(core.residents().search("martin", 5)).hasSize(1);
        }
    }

    @Test
    void anUnreadableAccountFileIsSetAsideAndSignInIsAskedAgain() throws Exception {
        Files.writeString(dir.resolve("account.json"), "{ tronqué");
        try (CoreContext core = TestCores.open(dir, clock)) {
            assertThat(core.state()).isEqualTo(SessionState.NO_ACCOUNT);
        }
        assertThat(dir.resolve("account.json.unreadable")).exists();
    }
}
