package fr.mediance.server;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The server's version, written into a resource at build time. */
final class Version {
    private Version() {}

    static String current() {
        try (InputStream in = Version.class.getResourceAsStream("/mediance-server.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
