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
        return postgres(false);
    }

    /**
     * The shared schema filled with the snapshot taken by {@link SharedPostgresSchema#snapshot} (the demo data and
     * the demo accounts' tokens), or empty if there is none yet.
     */
    static TestDatabase postgres(boolean fromSnapshot) {
        String url = System.getenv(PG_URL);
        String user = System.getenv("MEDIANCE_TEST_PG_USER");
        String password = System.getenv("MEDIANCE_TEST_PG_PASSWORD");
        String schema = SharedPostgresSchema.name(url, user, password);
        SharedPostgresSchema.empty(url, user, password);
        if (fromSnapshot) {
            SharedPostgresSchema.restore(url, user, password);
        }
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

        private SharedPostgresSchema() {}

        static synchronized String name(String url, String user, String password) {
            if (schema == null) {
                String s = "t_"
                        + UUID.randomUUID()
                                .toString()
                                .replace("-", "")
                                .substring(0, 16)
                                .toLowerCase(Locale.ROOT);
                run(url, user, password, "CREATE SCHEMA " + s);
                Runtime.getRuntime()
                        .addShutdownHook(new Thread(() -> run(url, user, password, "DROP SCHEMA " + s + " CASCADE")));
                schema = s;
            }
            return schema;
        }

        /** Empties every table but the migration history, and restarts the change counter. */
        static synchronized void empty(String url, String user, String password) {
            try (Connection c = DriverManager.getConnection(url, user, password);
                    Statement st = c.createStatement()) {
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

        /** Copies every table of the shared schema into a snapshot schema. */
        static synchronized void snapshot(String url, String user, String password) {
            String copy = schema + "_snapshot";
            try (Connection c = DriverManager.getConnection(url, user, password);
                    Statement st = c.createStatement()) {
                st.execute("DROP SCHEMA IF EXISTS " + copy + " CASCADE");
                st.execute("CREATE SCHEMA " + copy);
                for (String t : tables(st)) {
                    st.execute("CREATE TABLE " + copy + "." + t + " AS SELECT * FROM " + schema + "." + t);
                }
                st.execute("CREATE TABLE " + copy + ".counters AS SELECT * FROM " + schema + ".counters");
            } catch (SQLException e) {
                throw new IllegalStateException("cannot snapshot the test schema", e);
            }
            Runtime.getRuntime()
                    .addShutdownHook(
                            new Thread(() -> run(url, user, password, "DROP SCHEMA IF EXISTS " + copy + " CASCADE")));
        }

        /** Fills the (emptied) shared schema from the snapshot, referenced tables first. */
        static synchronized void restore(String url, String user, String password) {
            String copy = schema + "_snapshot";
            try (Connection c = DriverManager.getConnection(url, user, password);
                    Statement st = c.createStatement()) {
                for (String t : referencedFirst(st, tables(st))) {
                    st.execute("INSERT INTO " + schema + "." + t + " SELECT * FROM " + copy + "." + t);
                }
                st.execute("UPDATE " + schema + ".counters SET value = (SELECT value FROM " + copy
                        + ".counters s WHERE s.name = counters.name)");
            } catch (SQLException e) {
                throw new IllegalStateException("cannot restore the test schema", e);
            }
        }

        private static List<String> tables(Statement st) throws SQLException {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT table_name FROM information_schema.tables "
                    + "WHERE table_schema = '" + schema + "' AND table_name NOT IN "
                    + "('flyway_schema_history', 'counters') ORDER BY table_name")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            return tables;
        }

        private static List<String> referencedFirst(Statement st, List<String> tables) throws SQLException {
            java.util.Map<String, java.util.Set<String>> needs = new java.util.HashMap<>();
            try (ResultSet rs = st.executeQuery("SELECT tc.table_name, ccu.table_name FROM "
                    + "information_schema.table_constraints tc JOIN information_schema.constraint_column_usage ccu "
                    + "ON tc.constraint_name = ccu.constraint_name AND tc.table_schema = ccu.table_schema "
                    + "WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = '" + schema + "'")) {
                while (rs.next()) {
                    if (!rs.getString(1).equals(rs.getString(2))) {
                        needs.computeIfAbsent(rs.getString(1), k -> new java.util.HashSet<>())
                                .add(rs.getString(2));
                    }
                }
            }
            List<String> ordered = new ArrayList<>();
            while (ordered.size() < tables.size()) {
                for (String t : tables) {
                    if (!ordered.contains(t) && ordered.containsAll(needs.getOrDefault(t, java.util.Set.of()))) {
                        ordered.add(t);
                    }
                }
            }
            return ordered;
        }

        private static void run(String url, String user, String password, String sql) {
            try (Connection c = DriverManager.getConnection(url, user, password);
                    Statement st = c.createStatement()) {
                st.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot run " + sql, e);
            }
        }
    }
}
