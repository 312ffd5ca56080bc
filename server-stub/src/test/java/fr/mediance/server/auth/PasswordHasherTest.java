package fr.mediance.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    @Test
    void aCheckAcceptsTheRightPasswordOnly() {
        PasswordHasher hasher = new PasswordHasher(1);
        String hash = hasher.hash("Un mot de passe assez long");
        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(hasher.verify("Un mot de passe assez long", hash)).isTrue();
        assertThat(hasher.verify("un mot de passe assez long", hash)).isFalse();
        assertThat(hasher.verifyDummy("Un mot de passe assez long")).isFalse();
    }

    /**
     * Each check holds 19 MiB (and more while it runs): 50 logins at once ran a server with a 512 MB heap out of
     * memory, and every one of them failed. Checks beyond the bound wait their turn, and all succeed.
     */
    @Test
    void concurrentChecksAreBoundedAndAllSucceed() throws Exception {
        PasswordHasher hasher = new PasswordHasher(2);
        String hash = hasher.hash("Un mot de passe assez long");
        int callers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return hasher.verify("Un mot de passe assez long", hash);
                }));
            }
            start.countDown();
            for (Future<Boolean> r : results) {
                assertThat(r.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(hasher.mostInFlight()).isBetween(1, 2);
    }
}
