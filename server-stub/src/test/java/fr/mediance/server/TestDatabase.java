package fr.mediance.server;

import com.zaxxer.hikari.HikariDataSource;
import fr.mediance.server.db.DataSources;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** A fresh, empty database for one test: a SQLite file, or a new schema in the PostgreSQL of the environment. */
public interface TestDatabase extends AutoCloseable {
    String PG_URL = "MEDIANCE_TEST_PG_URL";

    HikariDataSource dataSource();

    @Override
    void close();

    static TestDatabase sqlite(Path dir) {
        HikariDataSource ds = DataSources.sqlite(dir.resolve("mediance.db"));
        return new TestDatabase() {
            @Override
            public HikariDataSource dataSource() {
                return ds;
            }

            @Override
            public void close() {
                ds.close();
            }
        };
    }

    /**
     * Needs MEDIANCE_TEST_PG_URL (and _USER, _PASSWORD). One schema serves the whole test run (migrated by the
     * first server start, dropped when the JVM exits); each call empties its tables first, which is much faster
     * than migrating a new schema for every test.
     */
    static TestDatabase postgres() {
        String url = System.getenv(PG_URL);
        String user = System.getenv("MEDIANCE_TEST_PG_USER");
        String password = System.getenv("MEDIANCE_TEST_PG_PASSWORD");
        String schema = SharedPostgresSchema.name(url, user, password);
        SharedPostgresSchema.empty(url, user, password);
        String scoped = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        HikariDataSource ds = DataSources.postgres(scoped, user, password);
        return new TestDatabase() {
            @Override
            public HikariDataSource dataSource() {
                return ds;
            }

            @Override
            public void close() {
                ds.close();
            }
        };
    }

    /** The schema shared by the PostgreSQL tests of one run. */
    final class SharedPostgresSchema {
        private static String schema;

        private SharedPostgresSchema() {
        }

        static synchronized String name(String url, String user, String password) {
            if (schema == null) {
                String s = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16)
                        .toLowerCase(Locale.ROOT);
                run(url, user, password, "CREATE SCHEMA " + s);
                Runtime.getRuntime().addShutdownHook(new Thread(
                        () -> run(url, user, password, "DROP SCHEMA " + s + " CASCADE")));
                schema = s;
            }
            return schema;
        }

        /** Empties every table but the migration history, and restarts the change counter. */
        static synchronized void empty(String url, String user, String password) {
            try (Connection c = DriverManager.getConnection(url, user, password); Statement st = c.createStatement()) {
                List<String> tables = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("SELECT table_name FROM information_schema.tables "
                        + "WHERE table_schema = '" + schema + "' AND table_name NOT IN "
                        + "('flyway_schema_history', 'counters')")) {
                    while (rs.next()) {
                        tables.add(schema + "." + rs.getString(1));
                    }
                }
                if (!tables.isEmpty()) {
                    st.execute("TRUNCATE " + String.join(", ", tables) + " CASCADE");
                    st.execute("UPDATE " + schema + ".counters SET value = 0");
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot empty the test schema", e);
            }
        }

        private static void run(String url, String user, String password, String sql) {
            try (Connection c = DriverManager.getConnection(url, user, password); Statement st = c.createStatement()) {
                st.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot run " + sql, e);
            }
        }
    }
}
