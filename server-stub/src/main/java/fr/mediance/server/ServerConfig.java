package fr.mediance.server;

import fr.mediance.server.http.Https;
import java.net.InetAddress;
import java.util.Set;

/**
 * What a start needs beyond its injected dependencies. {@code demoPassword} and {@code adminPassword} may be
 * null; {@code port} 0 picks a free port. {@code tls}: when set, the port serves HTTPS only (plain HTTP is off);
 * null serves plain HTTP (behind a reverse proxy that terminates TLS, or for tests). {@code trustedProxies}: the
 * addresses whose forwarding headers are believed (empty: nobody's).
 */
public record ServerConfig(
        int port,
        boolean demo,
        String demoPassword,
        String adminPassword,
        Https.Keystore tls,
        Set<InetAddress> trustedProxies) {
    public ServerConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        trustedProxies = trustedProxies == null ? Set.of() : Set.copyOf(trustedProxies);
    }

    public ServerConfig(int port, boolean demo, String demoPassword, String adminPassword) {
        this(port, demo, demoPassword, adminPassword, null, Set.of());
    }

    /** The same with HTTPS from {@code keystore}. */
    public ServerConfig withTls(Https.Keystore keystore) {
        return new ServerConfig(port, demo, demoPassword, adminPassword, keystore, trustedProxies);
    }

    /** The same believing the forwarding headers of {@code proxies}. */
    public ServerConfig withTrustedProxies(Set<InetAddress> proxies) {
        return new ServerConfig(port, demo, demoPassword, adminPassword, tls, proxies);
    }

    @Override
    public String toString() {
        return "ServerConfig[port=" + port + ", demo=" + demo + ", tls=" + (tls != null) + "]";
    }
}
