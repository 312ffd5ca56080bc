package fr.mediance.server;

/**
 * What a start needs beyond its injected dependencies. {@code demoPassword} and {@code adminPassword} may be
 * null; {@code port} 0 picks a free port.
 */
public record ServerConfig(int port, boolean demo, String demoPassword, String adminPassword) {
    public ServerConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    @Override
    public String toString() {
        return "ServerConfig[port=" + port + ", demo=" + demo + "]";
    }
}
