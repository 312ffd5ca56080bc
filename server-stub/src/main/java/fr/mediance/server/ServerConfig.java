package fr.mediance.server;

import fr.mediance.server.demo.DemoSeeder;

/**
 * What a start needs beyond its injected dependencies. {@code demoPassword} and {@code adminPassword} may be
 * null; {@code port} 0 picks a free port; {@code demoCounsellors} is how many counsellors the demo structure has
 * ({@link DemoSeeder#DEFAULT_COUNSELLORS} unless asked, for demonstrations and load tests of a bigger team).
 */
public record ServerConfig(int port, boolean demo, String demoPassword, String adminPassword, int demoCounsellors) {
    public ServerConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (demoCounsellors < DemoSeeder.DEFAULT_COUNSELLORS || demoCounsellors > DemoSeeder.MAX_COUNSELLORS) {
            throw new IllegalArgumentException("demo counsellors out of range: " + demoCounsellors);
        }
    }

    /** The default demo (two counsellors) when {@code demo}. */
    public ServerConfig(int port, boolean demo, String demoPassword, String adminPassword) {
        this(port, demo, demoPassword, adminPassword, DemoSeeder.DEFAULT_COUNSELLORS);
    }

    @Override
    public String toString() {
        return "ServerConfig[port=" + port + ", demo=" + demo + ", demoCounsellors=" + demoCounsellors + "]";
    }
}
