package fr.mediance.server;

import fr.mediance.server.demo.DemoSeeder;
import fr.mediance.server.http.Https;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Set;

/**
 * What a start needs beyond its injected dependencies. {@code demoPassword} and {@code adminPassword} may be
 * null; {@code port} 0 picks a free port. {@code tls}: when set, the port serves HTTPS only (plain HTTP is off);
 * null serves plain HTTP (behind a reverse proxy that terminates TLS, or for tests). {@code trustedProxies}: the
 * addresses whose forwarding headers are believed (empty: nobody's). {@code demoCounsellors} is how many
 * counsellors the demo structure has ({@link DemoSeeder#DEFAULT_COUNSELLORS} unless asked, for demonstrations and
 * load tests of a bigger team). {@code geocoder}: the public geocoding service to place residents whose address the
 * imported address base does not know (null: the imported base only, no network). {@code roadNetwork}: an
 * OpenStreetMap extract of the office's area whose road times the rounds use (null: the straight-line estimate only).
 */
public record ServerConfig(
        int port,
        boolean demo,
        String demoPassword,
        String adminPassword,
        Https.Keystore tls,
        Set<InetAddress> trustedProxies,
        int demoCounsellors,
        java.net.URI geocoder,
        Path roadNetwork) {
    public ServerConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        trustedProxies = trustedProxies == null ? Set.of() : Set.copyOf(trustedProxies);
        if (demoCounsellors < DemoSeeder.DEFAULT_COUNSELLORS || demoCounsellors > DemoSeeder.MAX_COUNSELLORS) {
            throw new IllegalArgumentException("demo counsellors out of range: " + demoCounsellors);
        }
    }

    /** Plain HTTP, nobody's forwarding headers believed, the default demo (two counsellors) when {@code demo}. */
    public ServerConfig(int port, boolean demo, String demoPassword, String adminPassword) {
        this(port, demo, demoPassword, adminPassword, DemoSeeder.DEFAULT_COUNSELLORS);
    }

    /** The same with a demo of {@code demoCounsellors} counsellors. */
    public ServerConfig(int port, boolean demo, String demoPassword, String adminPassword, int demoCounsellors) {
        this(port, demo, demoPassword, adminPassword, null, Set.of(), demoCounsellors, null, null);
    }

    /** The same with HTTPS from {@code keystore}. */
    public ServerConfig withTls(Https.Keystore keystore) {
        return new ServerConfig(
                port,
                demo,
                demoPassword,
                adminPassword,
                keystore,
                trustedProxies,
                demoCounsellors,
                geocoder,
                roadNetwork);
    }

    /** The same believing the forwarding headers of {@code proxies}. */
    public ServerConfig withTrustedProxies(Set<InetAddress> proxies) {
        return new ServerConfig(
                port, demo, demoPassword, adminPassword, tls, proxies, demoCounsellors, geocoder, roadNetwork);
    }

    /** The same asking {@code service} for the addresses the imported base does not know. */
    public ServerConfig withGeocoder(java.net.URI service) {
        return new ServerConfig(
                port, demo, demoPassword, adminPassword, tls, trustedProxies, demoCounsellors, service, roadNetwork);
    }

    /** The same with the road times of the OpenStreetMap extract {@code extract} (null: straight-line estimate). */
    public ServerConfig withRoadNetwork(Path extract) {
        return new ServerConfig(
                port, demo, demoPassword, adminPassword, tls, trustedProxies, demoCounsellors, geocoder, extract);
    }

    @Override
    public String toString() {
        return "ServerConfig[port=" + port + ", demo=" + demo + ", demoCounsellors=" + demoCounsellors + ", tls="
                + (tls != null) + ", geocoder=" + (geocoder != null) + ", roadNetwork=" + (roadNetwork != null) + "]";
    }
}
