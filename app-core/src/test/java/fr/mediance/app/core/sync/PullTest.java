package fr.mediance.app.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.platform.ManualNetworkMonitor;
import fr.mediance.app.core.remote.RemoteClient;
import fr.mediance.app.core.remote.TokenStore;
import fr.mediance.app.core.store.BlobFiles;
import fr.mediance.app.core.store.Crypto;
import fr.mediance.app.core.store.Database;
import fr.mediance.app.core.store.StoreHolder;
import fr.mediance.app.core.store.Tx;
import fr.mediance.app.core.testing.TestCores;
import fr.mediance.protocol.CodeDto;
import fr.mediance.protocol.Role;
import fr.mediance.testing.FakeOfficeServer;
import fr.mediance.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sync engine on its own, over a store the test can reach into. */
class PullTest {
    @TempDir
    Path dir;

    final FakeOfficeServer server = new FakeOfficeServer();
    final MutableClock clock = new MutableClock(TestCores.T0);
    final StoreHolder store = new StoreHolder();
    Database db;
    SyncEngine engine;

    @BeforeEach
    void setUp() {
        server.addUser("u1", "coord", TestCores.PASSWORD, Role.COORDINATOR);
        byte[] key = Crypto.randomBytes(32);
        db = Database.open(dir.resolve("p.db"), key);
        store.open(db, new BlobFiles(dir.resolve("blobs"), key));
        RemoteClient client = new RemoteClient(server.url(), "dev-1", TokenStore.inMemory(), TestCores.http());
        client.login("coord", TestCores.PASSWORD.toCharArray());
        engine = new SyncEngine(
                store,
                new Outbox(clock),
                () -> Optional.of(client),
                new ManualNetworkMonitor(true),
                clock,
                Runnable::run,
                Runnable::run,
                new Backoff(new Random(1), Duration.ofSeconds(10), Duration.ofMinutes(10)),
                2);
    }

    @AfterEach
    void tearDown() {
        store.close();
        server.close();
    }

    long codes() {
        return db.read((Tx tx) -> tx.queryLong("SELECT count(*) FROM codes"));
    }

    Optional<String> cursor() {
        return db.read((Tx tx) -> tx.setting(SyncEngine.SETTING_CURSOR));
    }

    @Test
    void aPageThatCannotBeAppliedLeavesNeitherItsRecordsNorItsCursor() {
        server.addCode("domain", "a", "A", 1);
        server.addCode("domain", "b", "B", 2);
        server.addCode("domain", "c", "C", 3);
        server.addCode("domain", "poison", "P", 4);
        db.inTransaction(tx -> {
            tx.script("""
                    CREATE TRIGGER poison BEFORE INSERT ON codes WHEN new.code = 'poison' BEGIN
                      SELECT RAISE(ABORT, 'cannot store');
                    END;
                    """);
        });

        SyncReport report = engine.runOnce();

        assertThat(report.result()).isEqualTo(SyncReport.Result.FAILED);
        assertThat(report.message()).startsWith("La synchronisation a échoué");
        assertThat(codes()).isEqualTo(2); // page 1 (a, b) with its cursor; page 2 (c, poison) not at all
        assertThat(cursor()).contains("2");

        db.inTransaction(tx -> {
            tx.script("DROP TRIGGER poison;");
        });
        assertThat(engine.runOnce().ok()).isTrue();
        assertThat(codes()).isEqualTo(4);
        assertThat(cursor()).contains("4");
    }

    @Test
    void aPageAndItsCursorAreStoredTogether() {
        server.serverWrite(new CodeDto("medium", "home_visit", "Visite à domicile", null, 1, true));
        assertThat(engine.runOnce().pulled()).isEqualTo(1);
        assertThat(cursor()).contains("1");
        assertThat(engine.runOnce().pulled()).isZero();
    }

    @Test
    void anOlderVersionNeverReplacesANewerOne() {
        server.serverWrite(new CodeDto("domain", "x", "Nouveau", null, 1, true));
        engine.runOnce();
        db.inTransaction(tx -> {
            tx.update("UPDATE codes SET version = 99 WHERE code = 'x'");
        });
        server.serverWrite(new CodeDto("domain", "x", "Ancien", null, 1, true));
        engine.runOnce();
        String label =
                db.read((Tx tx) -> tx.queryOne("SELECT label FROM codes WHERE code = 'x'", r -> r.string("label"))
                        .orElseThrow());
        assertThat(label).isEqualTo("Nouveau");
    }
}
