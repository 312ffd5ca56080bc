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
            assertThat(db.userVersion()).isEqualTo(Migrations.latestVersion());
            List<String> hits = db.read((Tx tx) -> tx.query(
                    "SELECT id FROM residents_fts WHERE residents_fts MATCH ?", r -> r.string("id"), "\"zoubida\"*"));
            assertThat(hits).containsExactly("r1");
            assertThat(db.read((Tx tx) -> Records.version(tx, fr.mediance.protocol.EntityType.RESIDENT, "r1"))).contains(3L);
        }
    }

    @Test
    void version2DataGainsConflictsBlobStatusUploadsAndOriginalsInVersion3() {
        Path file = dir.resolve("v2.db");
        try (Database db = Database.openWithoutMigrating(file, key)) {
            Migrations.applyUpTo(db, 2);
            db.inTransaction(tx -> {
                tx.update("""
                        INSERT INTO documents(id, visit_report_id, sha256, size_bytes, blob_state, version, updated_at)
                        VALUES ('d1', 'v1', ?, 10, 'WAITING_UPLOAD', NULL, 0)
                        """, "ab".repeat(32));
                tx.update("""
                        INSERT INTO outbox(op_id, entity, entity_id, payload, summary, created_at)
                        VALUES ('op1', 'document', 'd1', '{}', 'Photo', 0)
                        """);
            });
        }
        try (Database db = Database.open(file, key)) {
            assertThat(db.userVersion()).isEqualTo(3);
            db.inTransaction(tx -> {
                Records.upsert(tx, new fr.mediance.protocol.ConflictDto("c1", "s1",
                        fr.mediance.protocol.EntityType.RESIDENT, "r1", "phone", "1", "2", "3", "u1", "u2",
                        Instant.EPOCH, "open", null, null, null), 7L, Instant.now(), null);
                Records.upsert(tx, new fr.mediance.protocol.BlobStatusDto("ab".repeat(32), 10, Instant.EPOCH, true),
                        8L, Instant.now(), null);
                tx.update("INSERT INTO uploads(sha256, size_bytes, upload_url, committed_offset, updated_at) VALUES (?, 10, '/u/1', 4, 0)",
                        "ab".repeat(32));
            });
            assertThat(db.read((Tx tx) -> Records.load(tx, fr.mediance.protocol.EntityType.CONFLICT, "c1")))
                    .hasValueSatisfying(c -> assertThat(((fr.mediance.protocol.ConflictDto) c).clientValue()).isEqualTo("3"));
            assertThat(db.read((Tx tx) -> Records.version(tx, fr.mediance.protocol.EntityType.BLOB, "ab".repeat(32))))
                    .contains(8L);
            assertThat(db.read((Tx tx) -> tx.queryOne("SELECT original_sha256, blob_state FROM documents WHERE id = 'd1'",
                    r -> r.string("original_sha256") + "/" + r.string("blob_state")))).contains("null/WAITING_UPLOAD");
            assertThat(db.read((Tx tx) -> tx.queryOne("SELECT sent_at FROM outbox WHERE op_id = 'op1'",
                    r -> r.optionalLong("sent_at")))).isEmpty();
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
