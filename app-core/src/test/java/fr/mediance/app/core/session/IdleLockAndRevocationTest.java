package fr.mediance.app.core.session;

import static fr.mediance.app.core.testing.TestCores.PASSWORD;
import static fr.mediance.app.core.testing.TestCores.PIN;
import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.Outcome;
import fr.mediance.app.core.sync.SyncReport;
import fr.mediance.app.core.testing.TestCores;
import fr.mediance.protocol.Accounts;
import fr.mediance.protocol.Role;
import fr.mediance.protocol.Totp;
import fr.mediance.testing.FakeOfficeServer;
import fr.mediance.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The automatic lock (5 minutes without input, return from the background), the second factor, a revoked device. */
class IdleLockAndRevocationTest {
    @TempDir
    Path dir;

    final FakeOfficeServer server = new FakeOfficeServer();
    final MutableClock clock = new MutableClock(TestCores.T0);

    {
        server.addUser("u-c1", "conseil1", PASSWORD, Role.COUNSELLOR);
        server.addUser("u-b", "bureau", PASSWORD, Role.OFFICE);
    }

    @AfterEach
    void close() {
        server.close();
    }

    @Test
    void fiveMinutesWithoutInputLockTheStoreAndThePinOpensItAgain() {
        try (CoreContext core = TestCores.signedIn(dir, clock, server, "conseil1")) {
            IdleLock lock = core.idleLock();
            clock.advance(Duration.ofMinutes(4));
            assertThat(lock.check()).isFalse();
            lock.userActivity();
            clock.advance(Duration.ofMinutes(4).plusSeconds(59));
            assertThat(lock.check()).isFalse();
            assertThat(core.state()).isEqualTo(SessionState.UNLOCKED);
            clock.advance(Duration.ofSeconds(1));
            assertThat(lock.check()).isTrue();
            assertThat(core.state()).isEqualTo(SessionState.LOCKED);

            core.unlock(PIN);
            assertThat(core.state()).isEqualTo(SessionState.UNLOCKED);
            assertThat(lock.check()).as("the unlock counts as input").isFalse();
        }
    }

    @Test
    void comingBackFromTheBackgroundAsksForThePin() {
        try (CoreContext core = TestCores.signedIn(dir, clock, server, "conseil1")) {
            core.appPaused();
            core.appResumed();
            assertThat(core.state()).isEqualTo(SessionState.LOCKED);
            Outcome<AccountInfo> wrong = core.session().unlock("000000".toCharArray());
            assertThat(wrong.isOk()).isFalse();
            assertThat(core.state()).isEqualTo(SessionState.LOCKED);
        }
    }

    @Test
    void theOfficeSignsInWithItsSecondFactorCode() {
        server.requireTotp("bureau", Accounts.DEMO_TOTP_SECRET);
        try (CoreContext core = TestCores.open(dir, clock)) {
            Outcome<AccountInfo> first = core.session().login(server.url(), "bureau", PASSWORD.toCharArray());
            assertThat(first.fieldErrors()).containsKey("totpCode");
            assertThat(first.fieldErrors().get("totpCode")).contains("code à 6 chiffres");
            String code = Totp.code(Accounts.DEMO_TOTP_SECRET, Instant.now());
            core.login(server.url(), "bureau", PASSWORD, code);
            assertThat(core.state()).isEqualTo(SessionState.PIN_REQUIRED);
        }
    }

    @Test
    void aRevokedDevicePushesWhatItHoldsThenWipesItsStoreAndKeys() throws Exception {
        try (CoreContext core = TestCores.signedIn(dir, clock, server, "conseil1")) {
            assertThat(core.sync().syncNow().join().ok()).isTrue();
            core.residents()
                    .create(new fr.mediance.app.core.resident.ResidentForm(
                            "Mme",
                            "Martin",
                            "Lucie",
                            null,
                            "06 12 34 56 78",
                            "12 rue des Lilas",
                            "13015",
                            "Marseille",
                            null,
                            null,
                            null));
            assertThat(core.session().unsentChanges()).isPositive();
            String device = core.session().account().orElseThrow().deviceId();
            server.revokeDeviceForWipe(device);

            SyncReport report = core.sync().syncNow().join();

            assertThat(report.pushed()).isEqualTo(1);
            assertThat(report.message()).contains("retiré par votre structure");
            assertThat(core.state()).isEqualTo(SessionState.NO_ACCOUNT);
            assertThat(server.loggedOut(device)).isTrue();
            try (var left = Files.list(dir)) {
                assertThat(left.map(p -> p.getFileName().toString()))
                        .noneMatch(n -> n.endsWith(".db") || n.contains("account"));
            }
            assertThat(core.session().notice())
                    .hasValueSatisfying(m -> assertThat(m).contains("effacées"));
        }
    }
}
