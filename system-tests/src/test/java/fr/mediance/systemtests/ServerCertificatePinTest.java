package fr.mediance.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.sync.SyncReport;
import fr.mediance.testing.TestKeystores;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app remembers the server's certificate at enrolment (trust on first use) and refuses another one later,
 * against the real server over real HTTPS, with two self-signed keystores made at test time.
 */
@Timeout(240)
class ServerCertificatePinTest {
    private static final String DEMO_PASSWORD = "Mot-de-passe-demo-2026";
    private static final String STORE_PASSWORD = "magasin-de-test";

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path tmp;

    private ServerProcess server(Path data, int port, Path keystore) {
        return ServerProcess.start(
                data,
                port,
                true,
                Map.of("MEDIANCE_DEMO_PASSWORD", DEMO_PASSWORD, "MEDIANCE_TLS_KEYSTORE_PASSWORD", STORE_PASSWORD),
                Duration.ofSeconds(90),
                List.of("--tls-keystore", keystore.toString()));
    }

    private static CoreContext app(Path dir) {
        return CoreContext.builder(dir).pinIterations(1_000).autoSync(false).build();
    }

    @Test
    void aServerThatComesBackWithAnotherCertificateIsRefusedWithAFrenchMessage() {
        Path first = TestKeystores.generate(tmp.resolve("premier.p12"), STORE_PASSWORD);
        Path other = TestKeystores.generate(tmp.resolve("autre.p12"), STORE_PASSWORD);
        Path data = tmp.resolve("serveur");
        Path device = tmp.resolve("tablette");
        int port = ServerProcess.freePort();
        String url = "https://localhost:" + port;

        // enrolment over HTTPS with a self-signed certificate: accepted and remembered
        ServerProcess s = server(data, port, first);
        CoreContext tablet = app(device);
        try {
            tablet.login(url, "conseil1", DEMO_PASSWORD);
            tablet.choosePin("482913");
            assertThat(tablet.sync().syncNow().join().ok()).isTrue();
        } finally {
            s.stop();
        }

        // the same address now answers with another key: refused, in French, nothing sent
        s = server(data, port, other);
        try {
            SyncReport refused = tablet.sync().syncNow().join();
            assertThat(refused.ok()).isFalse();
            assertThat(refused.result()).isEqualTo(SyncReport.Result.FAILED);
            assertThat(refused.message())
                    .contains("ne présente plus le certificat enregistré lors de la première connexion");
            tablet.close();

            // the remembered key lives in the device's encrypted store: the app started again refuses too
            tablet = app(device);
            tablet.unlock("482913");
            assertThat(tablet.sync().syncNow().join().message()).contains("certificat enregistré");

            // a new device enrolled now remembers the new certificate
            CoreContext newcomer = app(tmp.resolve("nouvelle-tablette"));
            try {
                newcomer.login(url, "conseil2", DEMO_PASSWORD);
                newcomer.choosePin("482913");
                assertThat(newcomer.sync().syncNow().join().ok()).isTrue();
            } finally {
                newcomer.close();
            }
        } finally {
            s.stop();
        }

        // the enrolled server is back: accepted again
        s = server(data, port, first);
        try {
            SyncReport again = tablet.sync().syncNow().join();
            assertThat(again.ok()).as(again.message()).isTrue();
        } finally {
            s.stop();
            tablet.close();
        }
    }
}
