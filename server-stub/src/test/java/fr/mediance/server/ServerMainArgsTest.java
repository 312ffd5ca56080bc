package fr.mediance.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerMainArgsTest {
    @Test
    void readsTheOptions() throws Exception {
        ServerMain.Options o =
                ServerMain.parse(new String[] {"--data-dir", "/tmp/d", "--port", "0", "--demo"}, Map.of());
        assertThat(o).isEqualTo(new ServerMain.Options(Path.of("/tmp/d"), 0, true, null));
    }

    @Test
    void theDatabaseUrlComesFromTheEnvironmentUnlessGiven() throws Exception {
        Map<String, String> env = Map.of("MEDIANCE_DATABASE_URL", "jdbc:postgresql://h/env");
        assertThat(ServerMain.parse(new String[] {"--data-dir", "d"}, env).databaseUrl())
                .isEqualTo("jdbc:postgresql://h/env");
        assertThat(ServerMain.parse(new String[] {"--data-dir", "d", "--database-url", "jdbc:postgresql://h/arg"}, env)
                        .databaseUrl())
                .isEqualTo("jdbc:postgresql://h/arg");
        assertThat(ServerMain.parse(new String[] {"--data-dir", "d"}, Map.of()).port())
                .isEqualTo(8080);
    }

    @Test
    void refusesWhatItCannotUse() {
        assertThatThrownBy(() -> ServerMain.parse(new String[] {"--port", "1"}, Map.of()))
                .hasMessageContaining("--data-dir");
        assertThatThrownBy(() -> ServerMain.parse(new String[] {"--data-dir", "d", "--port", "70000"}, Map.of()))
                .hasMessageContaining("port");
        assertThatThrownBy(() -> ServerMain.parse(new String[] {"--data-dir", "d", "--verbeux"}, Map.of()))
                .hasMessageContaining("--verbeux");
        assertThatThrownBy(() ->
                        ServerMain.parse(new String[] {"--data-dir", "d", "--database-url", "mysql://x"}, Map.of()))
                .hasMessageContaining("jdbc:postgresql:");
        assertThatThrownBy(
                        () -> ServerMain.parse(new String[] {"--data-dir", "d", "--demo-counsellors", "1"}, Map.of()))
                .hasMessageContaining("entre 2 et 1000");
        assertThatThrownBy(() ->
                        ServerMain.parse(new String[] {"--data-dir", "d", "--demo-counsellors", "beaucoup"}, Map.of()))
                .hasMessageContaining("beaucoup");
    }

    @Test
    void theGeocodingServiceIsAnHttpAddress() throws Exception {
        assertThat(ServerMain.parse(
                                new String[] {"--data-dir", "d", "--geocoder-url", "https://data.geopf.fr/geocodage"},
                                Map.of())
                        .geocoder())
                .isEqualTo(java.net.URI.create("https://data.geopf.fr/geocodage"));
        assertThat(ServerMain.parse(new String[] {"--data-dir", "d"}, Map.of()).geocoder())
                .isNull();
        assertThatThrownBy(() ->
                        ServerMain.parse(new String[] {"--data-dir", "d", "--geocoder-url", "ftp://x/y"}, Map.of()))
                .hasMessageContaining("--geocoder-url attend une adresse http(s)://");
    }

    @Test
    void aBiggerDemoTeamImpliesTheDemo() throws Exception {
        ServerMain.Options o =
                ServerMain.parse(new String[] {"--data-dir", "d", "--demo-counsellors", "200"}, Map.of());
        assertThat(o.demo()).isTrue();
        assertThat(o.demoCounsellors()).isEqualTo(200);
        assertThat(ServerMain.parse(new String[] {"--data-dir", "d", "--demo"}, Map.of())
                        .demoCounsellors())
                .isEqualTo(2);
    }

    @Test
    void tlsObjectStoreAndProxyOptionsNeedTheirEnvironment() throws Exception {
        assertThatThrownBy(
                        () -> ServerMain.parse(new String[] {"--data-dir", "d", "--tls-keystore", "k.p12"}, Map.of()))
                .hasMessageContaining("MEDIANCE_TLS_KEYSTORE_PASSWORD");
        assertThatThrownBy(() -> ServerMain.parse(new String[] {"--data-dir", "d", "--blob-store", "s3://b"}, Map.of()))
                .hasMessageContaining("MEDIANCE_S3_ENDPOINT");
        assertThatThrownBy(() -> ServerMain.parse(
                        new String[] {"--data-dir", "d", "--blob-store", "/srv/b"},
                        Map.of(
                                "MEDIANCE_S3_ENDPOINT",
                                "http://x",
                                "MEDIANCE_S3_ACCESS_KEY",
                                "a",
                                "MEDIANCE_S3_SECRET_KEY",
                                "s")))
                .hasMessageContaining("s3://");
        assertThatThrownBy(() ->
                        ServerMain.parse(new String[] {"--data-dir", "d", "--trusted-proxy", "proxy.lan"}, Map.of()))
                .hasMessageContaining("adresse IP");
        ServerMain.Options o = ServerMain.parse(
                new String[] {
                    "--data-dir",
                    "d",
                    "--tls-keystore",
                    "k.p12",
                    "--trusted-proxy",
                    "10.0.0.5",
                    "--blob-store",
                    "s3://b"
                },
                Map.of(
                        "MEDIANCE_TLS_KEYSTORE_PASSWORD", "p",
                        "MEDIANCE_S3_ENDPOINT", "http://x",
                        "MEDIANCE_S3_ACCESS_KEY", "a",
                        "MEDIANCE_S3_SECRET_KEY", "s"));
        assertThat(o.tlsKeystore()).isEqualTo(Path.of("k.p12"));
        assertThat(o.blobStore()).isEqualTo("s3://b");
        assertThat(o.trustedProxies()).containsExactly(java.net.InetAddress.getByName("10.0.0.5"));
    }

    @Test
    void theRoadNetworkIsAnExistingFile(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path extract = java.nio.file.Files.writeString(dir.resolve("zone.osm.pbf"), "x");
        assertThat(ServerMain.parse(new String[] {"--data-dir", "d", "--road-network", extract.toString()}, Map.of())
                        .roadNetwork())
                .isEqualTo(extract.toAbsolutePath());
        assertThat(ServerMain.parse(new String[] {"--data-dir", "d"}, Map.of()).roadNetwork())
                .isNull();
        assertThatThrownBy(() -> ServerMain.parse(
                        new String[] {
                            "--data-dir",
                            "d",
                            "--road-network",
                            dir.resolve("absent.osm.pbf").toString()
                        },
                        Map.of()))
                .hasMessageContaining("--road-network : le fichier")
                .hasMessageContaining("absent.osm.pbf")
                .hasMessageContaining("introuvable");
        assertThatThrownBy(() ->
                        ServerMain.parse(new String[] {"--data-dir", "d", "--road-network", dir.toString()}, Map.of()))
                .hasMessageContaining("ne peut pas être lu");
        assertThatThrownBy(() -> ServerMain.parse(new String[] {"--data-dir", "d", "--road-network"}, Map.of()))
                .hasMessageContaining("--road-network attend une valeur");
        assertThat(ServerMain.USAGE).contains("--road-network FICHIER");
    }
}
