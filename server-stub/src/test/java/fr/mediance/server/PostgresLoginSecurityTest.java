package fr.mediance.server;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.protocol.Accounts;
import fr.mediance.protocol.ApiPaths;
import fr.mediance.protocol.LoginRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/** The atomic failure count, the throttle's upsert and the single use of a TOTP step, on PostgreSQL. */
@EnabledIfEnvironmentVariable(
        named = TestDatabase.PG_URL,
        matches = ".+",
        disabledReason = "MEDIANCE_TEST_PG_URL (et _USER, _PASSWORD) non défini : tests PostgreSQL ignorés")
class PostgresLoginSecurityTest {
    @TempDir
    Path dir;

    TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.demoPostgres(dir);
    }

    @AfterEach
    void stop() {
        server.close();
        server.db.close();
    }

    @Test
    void concurrentFailuresAreEachCountedAndThenThrottled() throws Exception {
        int n = 12;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                answers.add(pool.submit(() -> {
                    go.await();
                    return server.login("conseil2", "mauvais-" + k, "pg-" + k).status();
                }));
            }
            go.countDown();
            int wrong = 0;
            for (Future<Integer> a : answers) {
                if (a.get() == 401) {
                    wrong++;
                }
            }
            assertThat(server.count("SELECT failed_logins FROM users WHERE username = 'conseil2'"))
                    .isEqualTo(wrong);
            assertThat(wrong).isGreaterThan(1);
        } finally {
            pool.shutdownNow();
        }
        TestServer.Response after = server.login("conseil2", TestServer.PASSWORD, "pg-x");
        assertThat(after.status()).isEqualTo(429);
        assertThat(after.problem().code()).isEqualTo(Accounts.TOO_MANY_ATTEMPTS);
    }

    @Test
    void aTotpCodeServesOnce() {
        String code = server.totpCode("bureau"); // a step not used yet (the snapshot's logins used one)
        assertThat(server.post(
                                ApiPaths.LOGIN,
                                null,
                                new LoginRequest("bureau", TestServer.PASSWORD, "a", code, null, null))
                        .status())
                .isEqualTo(200);
        assertThat(server.post(
                                ApiPaths.LOGIN,
                                null,
                                new LoginRequest("bureau", TestServer.PASSWORD, "b", code, null, null))
                        .problem()
                        .code())
                .isEqualTo(Accounts.INVALID_TOTP);
    }
}
