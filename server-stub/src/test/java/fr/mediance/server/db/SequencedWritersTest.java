package fr.mediance.server.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a database whose writers are serialised by a lock (PostgreSQL's change sequence), a writer waiting for its
 * turn holds no connection: reads and other writes still get one.
 */
class SequencedWritersTest {
    @TempDir
    Path dir;

    private HikariDataSource pool;

    @BeforeEach
    void open() {
        pool = DataSources.sqlite(dir.resolve("t.db"));
    }

    @AfterEach
    void close() {
        pool.close();
    }

    /** PostgreSQL's rule (writers serialised by a lock), on real connections of a small file. */
    private Database serialisedWriters() {
        return new Database(pool, new PostgresDialect());
    }

    @Test
    void aWriterWaitingForItsTurnHoldsNoConnectionAndWritersRunInTurn() throws Exception {
        Database db = serialisedWriters();
        CountDownLatch firstInside = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger mostInside = new AtomicInteger();
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> db.inSequencedTransaction(tx -> {
            mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
            firstInside.countDown();
            try {
                releaseFirst.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inside.decrementAndGet();
            return null;
        }));
        assertThat(firstInside.await(10, TimeUnit.SECONDS)).isTrue();
        int activeWithOne = pool.getHikariPoolMXBean().getActiveConnections();

        CompletableFuture<Void> waiting = CompletableFuture.allOf(
                CompletableFuture.runAsync(() -> db.inSequencedTransaction(tx -> {
                    mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                    inside.decrementAndGet();
                    return null;
                })),
                CompletableFuture.runAsync(() -> db.inSequencedTransaction(tx -> {
                    mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                    inside.decrementAndGet();
                    return null;
                })));
        for (int i = 0; i < 1_000 && db.waitingSequencedWriters() < 2; i++) {
            Thread.sleep(10);
        }
        assertThat(db.waitingSequencedWriters()).isEqualTo(2);
        // the waiting writers take no connection, so a read gets one (the pool has 4)
        assertThat(db.read(tx -> tx.queryLong("SELECT 1")).orElseThrow()).isEqualTo(1L);
        assertThat(waiting).isNotDone();
        assertThat(pool.getHikariPoolMXBean().getActiveConnections()).isEqualTo(activeWithOne);

        releaseFirst.countDown();
        first.get(10, TimeUnit.SECONDS);
        waiting.get(10, TimeUnit.SECONDS);
        assertThat(mostInside).hasValue(1);
    }

    @Test
    void onSqliteSequencedWritesAreOrdinaryTransactions() {
        Database db = new Database(pool, new SqliteDialect());
        assertThat(db.inSequencedTransaction(tx -> tx.queryLong("SELECT 3")).orElseThrow())
                .isEqualTo(3L);
    }
}
