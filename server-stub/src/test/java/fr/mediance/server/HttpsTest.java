package fr.mediance.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.mediance.protocol.ApiPaths;
import fr.mediance.server.http.Https;
import fr.mediance.testing.MutableClock;
import fr.mediance.testing.TestKeystores;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Defect 5: the server serves HTTPS itself from a PKCS12 keystore (made here, at test time). */
class HttpsTest {
    private static final String PASSWORD = "magasin-de-test";

    @TempDir
    static Path dir;

    static TestServer server;
    static X509Certificate certificate;

    @BeforeAll
    static void start() {
        Path keystore = TestKeystores.generate(dir.resolve("serveur.p12"), PASSWORD);
        certificate = TestKeystores.certificate(keystore, PASSWORD);
        Path data = dir.resolve("donnees");
        server = new TestServer(
                TestDatabase.sqlite(PrivateDir.of(data)),
                data,
                new MutableClock(TestServer.START),
                new ServerConfig(0, false, null, null).withTls(new Https.Keystore(keystore, PASSWORD.toCharArray())));
    }

    @AfterAll
    static void stop() {
        server.close();
        server.db.close();
    }

    private static HttpResponse<String> get(HttpClient client, String scheme) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create(scheme + "://localhost:" + server.app.port() + ApiPaths.HEALTH))
                        .timeout(Duration.ofSeconds(20))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesHttpsWithTheKeystoresCertificate() throws Exception {
        HttpClient trusting = HttpClient.newBuilder()
                .sslContext(TestKeystores.trusting(certificate))
                .build();
        HttpResponse<String> health = get(trusting, "https");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"ok\"");
        X509Certificate presented =
                (X509Certificate) health.sslSession().orElseThrow().getPeerCertificates()[0];
        assertThat(TestKeystores.sha256(presented)).isEqualTo(TestKeystores.sha256(certificate));
    }

    @Test
    void aClientThatDoesNotKnowTheCertificateIsRefused() {
        assertThatThrownBy(() -> get(HttpClient.newHttpClient(), "https")).isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void plainHttpIsNotServedWhenTlsIsOn() {
        HttpResponse<String> answer;
        try {
            answer = get(HttpClient.newHttpClient(), "http");
        } catch (Exception refused) {
            return;
        }
        assertThat(answer.statusCode()).isNotEqualTo(200);
        assertThat(answer.body()).doesNotContain("\"status\":\"ok\"");
    }

    @Test
    void aWrongPasswordStopsTheStartWithAFrenchMessage() {
        Path keystore = dir.resolve("serveur.p12");
        assertThatThrownBy(() -> Https.load(new Https.Keystore(keystore, "faux".toCharArray())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mot de passe");
    }

    /** Creates the data folder as the server does. */
    static final class PrivateDir {
        static Path of(Path data) {
            ServerMain.prepareDataDir(data);
            return data;
        }
    }
}
