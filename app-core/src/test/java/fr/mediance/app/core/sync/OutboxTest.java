package fr.mediance.app.core.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.mediance.app.core.resident.ResidentForm;
import fr.mediance.app.core.resident.SqliteResidentService;
import fr.mediance.app.core.session.AccountInfo;
import fr.mediance.app.core.store.BlobFiles;
import fr.mediance.app.core.store.Crypto;
import fr.mediance.app.core.store.Database;
import fr.mediance.app.core.store.Records;
import fr.mediance.app.core.store.StoreException;
import fr.mediance.app.core.store.StoreHolder;
import fr.mediance.app.core.store.Tx;
import fr.mediance.app.core.testing.TestCores;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.OperationDto;
import fr.mediance.protocol.ResidentDto;
import fr.mediance.protocol.Role;
import fr.mediance.testing.MutableClock;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxTest {
    @TempDir
    Path dir;

    final MutableClock clock = new MutableClock(TestCores.T0);
    final byte[] key = Crypto.randomBytes(32);
    final Outbox outbox = new Outbox(clock);
    Database db;

    Database open() {
        db = Database.open(dir.resolve("o.db"), key);
        return db;
    }

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    static ResidentDto resident(String id, String phone) {
        return new ResidentDto(
                id, "s1", null, null, "Benali", "Fatima", null, phone, "1 rue", "13001", "Marseille", null, null, null);
    }

    void save(ResidentDto r) {
        db.inTransaction(tx -> {
            Records.upsert(tx, r, null, clock.instant(), null);
            outbox.enqueue(tx, r, "Résident");
        });
    }

    @Test
    void aFailureBetweenTheChangeAndItsOperationLeavesNeither() {
        open();
        assertThatThrownBy(() -> db.inTransaction((Consumer<Tx>) tx -> {
            Records.upsert(tx, resident("r1", "06"), null, clock.instant(), null);
            throw new IllegalStateException("crash before the outbox entry");
        }));
        assertThatThrownBy(() -> db.inTransaction((Consumer<Tx>) tx -> {
            ResidentDto r = resident("r2", "06");
            Records.upsert(tx, r, null, clock.instant(), null);
            outbox.enqueue(tx, r, "Résident");
            throw new IllegalStateException("crash after the outbox entry");
        }));
        long residents = db.read((Tx tx) -> tx.queryLong("SELECT count(*) FROM residents"));
        long ops = db.read((Tx tx) -> tx.queryLong("SELECT count(*) FROM outbox"));
        assertThat(residents).isZero();
        assertThat(ops).isZero();
    }

    @Test
    void aServiceWhoseOutboxWriteFailsSavesNothing() {
        open();
        db.inTransaction(tx -> {
            tx.script("""
                    CREATE TRIGGER outbox_full BEFORE INSERT ON outbox BEGIN
                      SELECT RAISE(ABORT, 'outbox full');
                    END;
                    """);
        });
        StoreHolder holder = new StoreHolder();
        holder.open(db, new BlobFiles(dir.resolve("blobs"), key));
        AccountInfo me = new AccountInfo("u1", "coord", "Coord", Role.COORDINATOR, "s1", "http://x", "d1");
        SqliteResidentService residents = new SqliteResidentService(holder, outbox, () -> me, clock);

        assertThatThrownBy(() -> residents.create(new ResidentForm(
                        null, "Martin", "Paul", null, null, "1 rue", "13001", "Marseille", null, null, null)))
                .isInstanceOf(StoreException.class);

        assertThat(residents.search("", 10)).isEmpty();
    }

    @Test
    void operationsKeepTheirOrderAndSurviveReopening() {
        open();
        save(resident("r1", "01"));
        save(resident("r2", "02"));
        save(resident("r1", "03"));
        List<String> before = db.read((Tx tx) -> outbox.nextBatch(tx, 10)).stream()
                .map(p -> p.op().opId())
                .toList();
        db.close();

        open();
        List<Outbox.Pending> after = db.read((Tx tx) -> outbox.nextBatch(tx, 10));
        assertThat(after).extracting(p -> p.op().opId()).containsExactlyElementsOf(before);
        assertThat(after).extracting(p -> ((ResidentDto) p.op().data()).phone()).containsExactly("01", "02", "03");
        assertThat(after).extracting(p -> p.op().entityId()).containsExactly("r1", "r2", "r1");
    }

    @Test
    void theBaseVersionIsTheServerVersionKnownWhenTheChangeWasMade() {
        open();
        db.inTransaction(tx -> {
            Records.upsert(tx, resident("r1", "01"), 7L, clock.instant(), null);
        });
        save(resident("r1", "02"));
        save(resident("new", "03"));
        List<OperationDto> ops = db.read((Tx tx) -> outbox.nextBatch(tx, 10)).stream()
                .map(Outbox.Pending::op)
                .toList();
        assertThat(ops).extracting(OperationDto::baseVersion).containsExactly(7L, null);
    }

    @Test
    void aQuarantinedOperationIsKeptWithItsReasonAndSkipped() {
        open();
        save(resident("r1", "01"));
        save(resident("r2", "02"));
        String first = db.read((Tx tx) -> outbox.nextBatch(tx, 10)).get(0).op().opId();
        db.inTransaction(tx -> {
            outbox.quarantine(tx, first, "forbidden", "Refusé.");
        });
        List<Outbox.Pending> next = db.read((Tx tx) -> outbox.nextBatch(tx, 10));
        assertThat(next).extracting(p -> p.op().entityId()).containsExactly("r2");
        List<OutboxItem> quarantined = db.read((Tx tx) -> outbox.items(tx, OutboxItem.State.QUARANTINED));
        assertThat(quarantined).singleElement().satisfies(i -> {
            assertThat(i.opId()).isEqualTo(first);
            assertThat(i.reasonMessage()).isEqualTo("Refusé.");
            assertThat(i.attempts()).isEqualTo(1);
        });
        boolean waiting = db.read((Tx tx) -> outbox.hasLocalChange(tx, EntityType.RESIDENT, "r1"));
        assertThat(waiting).isTrue();
    }

    @Test
    void listenersHearOnlyCommittedChanges() {
        open();
        int[] heard = new int[1];
        outbox.addListener(() -> heard[0]++);
        save(resident("r1", "01"));
        assertThatThrownBy(() -> db.inTransaction((Consumer<Tx>) tx -> {
            outbox.enqueue(tx, resident("r2", "02"), "x");
            throw new IllegalStateException("rollback");
        }));
        assertThat(heard[0]).isEqualTo(1);
    }
}
