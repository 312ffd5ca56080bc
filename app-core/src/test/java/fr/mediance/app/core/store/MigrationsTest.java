package fr.mediance.app.core.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationsTest {
    @TempDir
    Path dir;
    final byte[] key = Crypto.randomBytes(32);

    @Test
    void versionsAreConsecutiveFromOne() {
        for (int i = 0; i < Migrations.ALL.size(); i++) {
            assertThat(Migrations.ALL.get(i).version()).isEqualTo(i + 1);
        }
    }

    @Test
    void fromEmptyEveryMigrationIsAppliedOnce() {
        Path file = dir.resolve("m.db");
        try (Database db = Database.open(file, key)) {
            assertThat(db.userVersion()).isEqualTo(Migrations.latestVersion());
        }
        try (Database db = Database.open(file, key)) { // reopening applies nothing twice
            assertThat(db.userVersion()).isEqualTo(Migrations.latestVersion());
        }
    }

    @Test
    void version1DataIsIndexedForSearchByVersion2() {
        Path file = dir.resolve("v1.db");
        try (Database db = Database.openWithoutMigrating(file, key)) {
            Migrations.applyUpTo(db, 1);
            assertThat(db.userVersion()).isEqualTo(1);
            db.inTransaction(tx -> {
                Records.upsert(tx, DatabaseTest.resident("r1"), 3L, Instant.now(), null);
            });
        }
        try (Database db = Database.open(file, key)) {
            assertThat(db.userVersion()).isEqualTo(2);
            List<String> hits = db.read((Tx tx) -> tx.query(
                    "SELECT id FROM residents_fts WHERE residents_fts MATCH ?", r -> r.string("id"), "\"zoubida\"*"));
            assertThat(hits).containsExactly("r1");
            assertThat(db.read((Tx tx) -> Records.version(tx, fr.mediance.protocol.EntityType.RESIDENT, "r1"))).contains(3L);
        }
    }

    @Test
    void searchIgnoresAccentsAndCaseAfterVersion2() {
        try (Database db = Database.open(dir.resolve("fts.db"), key)) {
            db.inTransaction(tx -> {
                Records.upsert(tx, new fr.mediance.protocol.ResidentDto("r2", "s1", null, null, "Bénédicte", "Éloïse",
                        null, null, "1 rue", "13001", "Marseille", null, null, null), null, Instant.now(), null);
            });
            List<String> hits = db.read((Tx tx) -> tx.query(
                    "SELECT id FROM residents_fts WHERE residents_fts MATCH ?", r -> r.string("id"), "\"benedicte\"*"));
            assertThat(hits).containsExactly("r2");
        }
    }

    @Test
    void theTriggersFollowUpdatesAndDeletes() {
        try (Database db = Database.open(dir.resolve("tr.db"), key)) {
            db.inTransaction(tx -> {
                Records.upsert(tx, DatabaseTest.resident("r1"), null, Instant.now(), null);
                tx.update("UPDATE residents SET last_name = 'Martin' WHERE id = 'r1'");
            });
            assertThat(db.read((Tx tx) -> tx.queryLong("SELECT count(*) FROM residents_fts WHERE residents_fts MATCH 'martin'")))
                    .isEqualTo(1);
            assertThat(db.read((Tx tx) -> tx.queryLong("SELECT count(*) FROM residents_fts WHERE residents_fts MATCH 'zoubida'")))
                    .isZero();
            db.inTransaction(tx -> {
                tx.update("DELETE FROM residents WHERE id = 'r1'");
            });
            assertThat(db.read((Tx tx) -> tx.queryLong("SELECT count(*) FROM residents_fts"))).isZero();
        }
    }
}
