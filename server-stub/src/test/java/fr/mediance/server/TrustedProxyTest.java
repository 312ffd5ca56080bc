package fr.mediance.server;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.server.http.Https;
import io.javalin.Javalin;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code X-Forwarded-For} is believed only from the configured reverse proxy. */
class TrustedProxyTest {

    private static String seenAddress(Set<InetAddress> proxies) throws Exception {
        Javalin app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.jetty.modifyHttpConfiguration(http -> http.addCustomizer(Https.trustedProxies(proxies)));
            cfg.routes.get("/ip", ctx -> ctx.result(ctx.ip()));
        });
        app.start("127.0.0.1", 0);
        try {
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/ip"))
                                    .header("X-Forwarded-For", "203.0.113.7")
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
        } finally {
            app.stop();
        }
    }

    @Test
    void theConfiguredProxyGivesTheClientsAddress() throws Exception {
        assertThat(seenAddress(Https.parseAddresses("127.0.0.1"))).isEqualTo("203.0.113.7");
    }

    @Test
    void anyoneElsesForwardingHeaderIsIgnored() throws Exception {
        assertThat(seenAddress(Https.parseAddresses("10.9.8.7"))).isEqualTo("127.0.0.1");
    }

    @Test
    void namesAreNotAddresses() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Https.parseAddresses("proxy.example"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
