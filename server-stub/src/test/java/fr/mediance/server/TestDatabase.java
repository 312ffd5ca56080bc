package fr.mediance.server;

import com.zaxxer.hikari.HikariDataSource;
import fr.mediance.server.db.DataSources;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
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

    /** Needs MEDIANCE_TEST_PG_URL (and _USER, _PASSWORD); every call gets its own schema, dropped on close. */
    static TestDatabase postgres() {
        String url = System.getenv(PG_URL);
        String user = System.getenv("MEDIANCE_TEST_PG_USER");
        String password = System.getenv("MEDIANCE_TEST_PG_PASSWORD");
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16)
                .toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(url, user, password); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test schema", e);
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
                try (Connection c = DriverManager.getConnection(url, user, password);
                     Statement st = c.createStatement()) {
                    st.execute("DROP SCHEMA " + schema + " CASCADE");
                } catch (SQLException e) {
                    throw new IllegalStateException("cannot drop the test schema", e);
                }
            }
        };
    }
}
