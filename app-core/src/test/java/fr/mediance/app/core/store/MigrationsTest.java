package fr.mediance.app.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationsTest {
    @TempDir
    Path dir;

    final byte[] key = Crypto.randomBytes(32);

    /** A store file {@code name} migrated up to {@code version} only, with what {@code data} writes in it. */
    private Path storeAt(String name, int version, Consumer<Tx> data) {
        Path file = dir.resolve(name);
        try (Database db = Database.openWithoutMigrating(file, key)) {
            Migrations.applyUpTo(db, version);
            assertThat(db.userVersion()).isEqualTo(version);
            db.inTransaction(data);
        }
        return file;
    }

    @Test
    void theListStartsWithTheReleasedVersionsAndPassesTheOrderCheck() {
        assertThat(Migrations.ALL.stream().map(Migration::version).toList()).startsWith(1, 2, 3, 4, 8, 9);
        assertThat(Migrations.RELEASED).containsExactly(1, 2, 3, 4, 8, 9);
        Migrations.checkOrder(Migrations.ALL, Migrations.RELEASED); // what every opening of a store checks
    }

    @Test
    void releasedMigrationsAreNeverEdited() throws Exception {
        // SHA-256 of "version\nsql" of each released migration: devices in the field ran exactly this text.
        Map<Integer, String> fingerprints = Map.of(
                1, "3320241b03bbfd3bbabc70da9227dd08572f31305c9c3012792c11841f877427",
                2, "c736afd8d9da5224410aff3d20ff3d73d4feb04c2afe26f9bc6b91ceb83ec838",
                3, "5c20255ba6b4704e83445a109ad2a5806439b70205ed267df01adacf44784de6",
                4, "92fd448999bf6a4befd44ac43b3ec85643e27164659387bdd2ced54d91c2be1c",
                8, "49b3a50315b6462fb9cda71d4ec9f851cee956fda0c572d69a2a3168e43bb6d2",
                9, "c6cc71830a786241835c62720c8efec0bf2e8d46dc67bb2583be0f3ea8cc8a14");
        assertThat(fingerprints.keySet()).containsExactlyInAnyOrderElementsOf(Migrations.RELEASED);
        Map<Integer, String> actual = new TreeMap<>();
        for (Migration m : Migrations.ALL) {
            if (Migrations.RELEASED.contains(m.version())) {
                byte[] digest = MessageDigest.getInstance("SHA-256")
                        .digest((m.version() + "\n" + m.sql()).getBytes(StandardCharsets.UTF_8));
                actual.put(m.version(), HexFormat.of().formatHex(digest));
            }
        }
        assertThat(actual).isEqualTo(new TreeMap<>(fingerprints));
    }

    @Test
    void migrationsWrittenSinceTheLastReleaseArePinnedToo() throws Exception {
        // Not yet in RELEASED (no device has run them), but pinned so that an edit is a conscious one: when a release
        // ships them, their fingerprints move to the map above.
        Map<Integer, String> pending = Map.ofEntries(
                Map.entry(10, "e8790df05ae44be358109025009703b6cc010c6cce15c78c60b7f16e570d9969"),
                Map.entry(11, "16e500618d9f9b96f39355b97c7ceab0d2825545effc703d2dc5e82ebe9527e8"),
                Map.entry(12, "50d4194e8209096cfc3b81a0a2712295e6db41a015b00ae84dd99a4f83c413d3"),
                Map.entry(13, "ec432a86b1547af1d79a1ae339f92d50955ebcca24458c4ba27e08c154305bf1"),
                Map.entry(14, "f2c0b1343586a6457473f22f1e71dc5fe2a174218787e217202f57e7d2909c7f"),
                Map.entry(15, "50b7d855ed3cb8e1aa718fb533557326a8a8b5fe35f0682b6f63b2ad2a25637d"),
                Map.entry(16, "b57870cbfd238288d264019aee82745677bd1e34715afddf322361adbf7b1040"),
                Map.entry(17, "7b9b16b1d35fb3bb3fa7e641bf34945c47ccbc05b915a7d5ca11b77a94c5190d"),
                Map.entry(18, "f1a81acbc9a02c39db5dfbe7ae222532ccfe1b83ad5976694267611092bfb6f3"),
                Map.entry(19, "c530cab41fbcd7b08e00bb0e3f881f15334ed5ccd92def0bcdf401f2792199a9"),
                Map.entry(20, "d1ba69ac1452facf1aca59918ddcd6c6ba12819dd0a603cc12e0694d34fb8388"),
                Map.entry(21, "eb950c01eabab1a09807680b380980c538b0bebf6f4505505fb468a38c169d36"));
        Map<Integer, String> actual = new TreeMap<>();
        for (Migration m : Migrations.ALL) {
            if (!Migrations.RELEASED.contains(m.version())) {
                byte[] digest = MessageDigest.getInstance("SHA-256")
                        .digest((m.version() + "\n" + m.sql()).getBytes(StandardCharsets.UTF_8));
                actual.put(m.version(), HexFormat.of().formatHex(digest));
            }
        }
        assertThat(actual).isEqualTo(new TreeMap<>(pending));
    }

    @Test
    void thePartnerCodesOfAVersion14StoreMoveIntoTheDirectory() {
        Path file = storeAt("v14.db", 14, tx -> {
            tx.update("INSERT INTO codes(id, list, code, label, parent, sort_order, active) "
                    + "VALUES ('partner:edf', 'partner', 'edf', 'EDF', 'energie', 10, 1)");
            tx.update("INSERT INTO codes(id, list, code, label, parent, sort_order, active) "
                    + "VALUES ('partner:ancien', 'partner', 'ancien', 'Ancien fournisseur', NULL, 20, 0)");
        });
        try (Database db = Database.openWithoutMigrating(file, key)) {
            Migrations.applyUpTo(db, 16);
            db.read(tx -> {
                assertThat(tx.query("SELECT data FROM partners ORDER BY id", Records::partner))
                        .containsExactly(
                                new fr.mediance.protocol.PartnerDto(
                                        "ancien", "autre", "Ancien fournisseur", List.of(), List.of(), null, false),
                                new fr.mediance.protocol.PartnerDto(
                                        "edf",
                                        "fournisseur_energie",
                                        "EDF",
                                        List.of("energie"),
                                        List.of(),
                                        null,
                                        true));
                assertThat(tx.exists("SELECT 1 FROM codes WHERE list = 'partner'"))
                        .isFalse();
                assertThat(tx.exists("SELECT 1 FROM partners WHERE categories = ',energie,' AND active = 1"))
                        .isTrue();
                return null;
            });
        }
    }

    static Migration extra(int version) {
        return new Migration(version, "extra " + version, "CREATE TABLE extra_" + version + " (id TEXT PRIMARY KEY);");
    }

    static List<Migration> with(Migration... more) {
        List<Migration> all = new ArrayList<>(Migrations.ALL);
        all.addAll(List.of(more));
        return all;
    }

    /** The number the next migration must take. */
    static final int NEXT = Migrations.latestVersion() + 1;

    @Test
    void aMigrationPutInAGapOfTheReleasedVersionsIsRefusedAndAStoreAtTheLatestIsLeftUntouched() {
        // A V5 put between V4 and V8 would never run on a device already at 9 or later.
        List<Migration> withGap = new ArrayList<>(Migrations.ALL);
        withGap.add(4, extra(5));
        Path file = dir.resolve("latest.db");
        Database.open(file, key).close();

        try (Database db = Database.openWithoutMigrating(file, key)) {
            assertThatThrownBy(() -> Migrations.applyUpTo(db, NEXT, withGap, Migrations.RELEASED))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("released version 8");
            assertThat(db.userVersion()).isEqualTo(Migrations.latestVersion());
            assertThat(db.read((Tx tx) -> tx.exists("SELECT 1 FROM sqlite_master WHERE name = 'extra_5'")))
                    .isFalse();
        }
    }

    @Test
    void aMigrationAppendedWithANumberNotAboveTheLastIsRefused() {
        assertThatThrownBy(() -> Migrations.checkOrder(with(extra(5)), Migrations.RELEASED))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("must be numbered " + NEXT);
        assertThatThrownBy(() -> Migrations.checkOrder(with(extra(NEXT - 1)), Migrations.RELEASED))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("must be numbered " + NEXT);
    }

    @Test
    void aMigrationAppendedWithAGapIsRefusedSoThatNoneCanBeSlippedInLater() {
        assertThatThrownBy(() -> Migrations.checkOrder(with(extra(NEXT + 1)), Migrations.RELEASED))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("must be numbered " + NEXT);
        assertThatThrownBy(() -> Migrations.checkOrder(with(extra(NEXT), extra(NEXT + 2)), Migrations.RELEASED))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("must be numbered " + (NEXT + 1));
    }

    @Test
    void aReleasedVersionRemovedOrRenumberedIsRefused() {
        List<Migration> renumbered = new ArrayList<>(Migrations.ALL);
        renumbered.set(4, new Migration(5, "indexes for big stores", Migrations.V8.sql()));
        assertThatThrownBy(() -> Migrations.checkOrder(renumbered, Migrations.RELEASED))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("released version 8");
        assertThatThrownBy(() -> Migrations.checkOrder(Migrations.ALL.subList(0, 5), Migrations.RELEASED))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("released version 9");
    }

    @Test
    void aMigrationAppendedAsLastPlusOneRunsOnAStoreAtTheLatest() {
        Path file = dir.resolve("next.db");
        Database.open(file, key).close();

        try (Database db = Database.openWithoutMigrating(file, key)) {
            Migrations.applyUpTo(db, NEXT, with(extra(NEXT)), Migrations.RELEASED);
            assertThat(db.userVersion()).isEqualTo(NEXT);
            assertThat(db.read((Tx tx) -> tx.exists("SELECT 1 FROM sqlite_master WHERE name = 'extra_" + NEXT + "'")))
                    .isTrue();
        }
    }

    @Test
    void aStoreAtAVersionThisAppNeverHadIsRefused() {
        Path file = storeAt("unknown.db", 4, tx -> {
            tx.update("PRAGMA user_version = 6");
        });

        assertThatThrownBy(() -> Database.open(file, key))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("schema 6");
    }

    @Test
    void version8IndexesTheCounsellorsDayAndThePhotoStatesOfAVersion4Store() {
        Path file = storeAt("v4.db", 4, tx -> {
            tx.update("""
                    INSERT INTO appointments(id, counsellor_id, type, start_at, end_at, status, updated_at)
                    VALUES ('a1', 'u1', 'home_visit', 1000, 2000, 'confirmed', 0)
                    """);
        });
        try (Database db = Database.open(file, key)) {
            assertThat(db.userVersion()).isEqualTo(Migrations.latestVersion());
            List<String> dayPlan = db.read((Tx tx) -> tx.query("""
                    EXPLAIN QUERY PLAN SELECT id FROM appointments WHERE counsellor_id = ? AND start_at >= ? AND start_at < ?
                    """, r -> r.string("detail"), "u1", 0, 5000));
            assertThat(String.join("\n", dayPlan)).contains("appointments_by_counsellor");
            List<String> photoPlan = db.read((Tx tx) -> tx.query(
                    "EXPLAIN QUERY PLAN SELECT count(*) FROM documents WHERE blob_state = ?",
                    r -> r.string("detail"),
                    "WAITING_UPLOAD"));
            assertThat(String.join("\n", photoPlan)).contains("documents_by_blob_state");
            assertThat(db.read((Tx tx) ->
                            tx.query("SELECT id FROM appointments WHERE counsellor_id = 'u1'", r -> r.string("id"))))
                    .containsExactly("a1");
        }
    }

    @Test
    void version21KeepsAVersion20AgendaAndRecordsOwnChangesOnlyOnceSomethingWasSeen() {
        Path file = storeAt("v20.db", 20, tx -> {
            tx.update("""
                    INSERT INTO appointments(id, counsellor_id, type, start_at, end_at, status, updated_at)
                    VALUES ('a1', 'u1', 'home_visit', 1000, 2000, 'confirmed', 0)
                    """);
        });
        try (Database db = Database.open(file, key)) {
            assertThat(db.userVersion()).isEqualTo(Migrations.latestVersion());
            String outbox =
                    "INSERT INTO outbox(op_id, entity, entity_id, created_at) VALUES (?, 'appointment', 'a1', 0)";
            db.inTransaction((Tx tx) -> {
                tx.update(outbox, "op1"); // nothing seen yet: nothing recorded
            });
            assertThat(db.read((Tx tx) -> tx.exists("SELECT 1 FROM agenda_seen_appointments")))
                    .isFalse();
            db.inTransaction((Tx tx) -> {
                tx.update("INSERT INTO agenda_seen(account_id, seen_at) VALUES ('u1', 0)");
                tx.update("UPDATE appointments SET start_at = 3000 WHERE id = 'a1'");
                return tx.update(outbox, "op2");
            });
            assertThat(db.read((Tx tx) -> tx.query(
                            "SELECT start_at FROM agenda_seen_appointments WHERE account_id = 'u1' AND appointment_id = 'a1'",
                            r -> r.longValue("start_at"))))
                    .containsExactly(3000L);
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
        Path file = storeAt("v1.db", 1, tx -> {
            tx.update("""
                    INSERT INTO residents(id, last_name, first_name, phone, version, updated_at)
                    VALUES ('r1', 'Zoubida', 'Amina', '06 12 34 56 78', 3, 0)
                    """);
        });
        try (Database db = Database.open(file, key)) {
            assertThat(db.userVersion()).isEqualTo(Migrations.latestVersion());
            List<String> hits = db.read((Tx tx) -> tx.query(
                    "SELECT id FROM residents_fts WHERE residents_fts MATCH ?", r -> r.string("id"), "\"zoubida\"*"));
            assertThat(hits).containsExactly("r1");
            assertThat(db.read((Tx tx) -> Records.version(tx, fr.mediance.protocol.EntityType.RESIDENT, "r1")))
                    .contains(3L);
        }
    }

    @Test
    void version2DataGainsConflictsBlobStatusUploadsAndOriginalsInVersion3() {
        Path file = storeAt("v2.db", 2, tx -> {
            tx.update("""
                    INSERT INTO documents(id, visit_report_id, sha256, size_bytes, blob_state, version, updated_at)
                    VALUES ('d1', 'v1', ?, 10, 'WAITING_UPLOAD', NULL, 0)
                    """, "ab".repeat(32));
            tx.update("""
                    INSERT INTO outbox(op_id, entity, entity_id, payload, summary, created_at)
                    VALUES ('op1', 'document', 'd1', '{}', 'Photo', 0)
                    """);
        });
        try (Database db = Database.open(file, key)) {
            assertThat(db.userVersion()).isEqualTo(Migrations.latestVersion());
            db.inTransaction(tx -> {
                Records.upsert(
                        tx,
                        new fr.mediance.protocol.ConflictDto(
                                "c1",
                                "s1",
                                fr.mediance.protocol.EntityType.RESIDENT,
                                "r1",
                                "phone",
                                "1",
                                "2",
                                "3",
                                "u1",
                                "u2",
                                Instant.EPOCH,
                                "open",
                                null,
                                null,
                                null),
                        7L,
                        Instant.now(),
                        null);
                Records.upsert(
                        tx,
                        new fr.mediance.protocol.BlobStatusDto("ab".repeat(32), 10, Instant.EPOCH, true),
                        8L,
                        Instant.now(),
                        null);
                tx.update(
                        "INSERT INTO uploads(sha256, size_bytes, upload_url, committed_offset, updated_at) VALUES (?, 10, '/u/1', 4, 0)",
                        "ab".repeat(32));
            });
            assertThat(db.read((Tx tx) -> Records.load(tx, fr.mediance.protocol.EntityType.CONFLICT, "c1")))
                    .hasValueSatisfying(c -> assertThat(((fr.mediance.protocol.ConflictDto) c).clientValue())
                            .isEqualTo("3"));
            assertThat(db.read((Tx tx) -> Records.version(tx, fr.mediance.protocol.EntityType.BLOB, "ab".repeat(32))))
                    .contains(8L);
            assertThat(db.read((Tx tx) -> tx.queryOne(
                            "SELECT original_sha256, blob_state FROM documents WHERE id = 'd1'",
                            r -> r.string("original_sha256") + "/" + r.string("blob_state"))))
                    .contains("null/WAITING_UPLOAD");
            assertThat(db.read((Tx tx) -> tx.queryOne(
                            "SELECT sent_at FROM outbox WHERE op_id = 'op1'", r -> r.optionalLong("sent_at"))))
                    .isEmpty();
        }
    }

    @Test
    void version3DataKeepsEverythingAndIsSearchableByPhoneDigitsInVersion4() {
        Path file = storeAt("v3.db", 3, tx -> {
            tx.update("""
                    INSERT INTO residents(id, last_name, first_name, phone, street, city, version, updated_at)
                    VALUES ('r1', 'Benali', 'Fatima', '06 12 34 56 78', '12 rue des Lilas', 'Marseille', 3, 0)
                    """);
            tx.update("""
                    INSERT INTO visit_reports(id, resident_id, counsellor_id, medium, domains, synthesis, version,
                      updated_at)
                    VALUES ('v1', 'r1', 'u1', 'home_visit', '["energie"]', 'Facture impayée', 2, 0)
                    """);
            tx.update(
                    "INSERT INTO codes(id, list, code, label, version) VALUES ('domain:eau', 'domain', 'eau', 'Eau', 1)");
        });
        try (Database db = Database.open(file, key)) {
            assertThat(db.userVersion()).isEqualTo(Migrations.latestVersion());
            db.inTransaction(tx -> {
                tx.update("UPDATE residents SET phone_digits = '0612345678' WHERE id = 'r1'");
            });
            assertThat(db.read((Tx tx) -> tx.query(
                            "SELECT id FROM residents_fts WHERE residents_fts MATCH ?",
                            r -> r.string("id"),
                            "\"061234\"*")))
                    .containsExactly("r1");
            fr.mediance.protocol.ResidentDto r = (fr.mediance.protocol.ResidentDto)
                    db.read((Tx tx) -> Records.load(tx, fr.mediance.protocol.EntityType.RESIDENT, "r1"))
                            .orElseThrow();
            assertThat(r.lastName()).isEqualTo("Benali");
            assertThat(r.household()).isEmpty();
            assertThat(r.mainResidence()).isNull();
            fr.mediance.protocol.VisitReportDto v = (fr.mediance.protocol.VisitReportDto)
                    db.read((Tx tx) -> Records.load(tx, fr.mediance.protocol.EntityType.VISIT_REPORT, "v1"))
                            .orElseThrow();
            assertThat(v.domains()).containsExactly("energie");
            assertThat(v.actions()).isEmpty();
            assertThat(v.energy()).isNull();
            assertThat(db.read((Tx tx) -> Records.load(tx, fr.mediance.protocol.EntityType.CODE, "domain:eau")))
                    .contains(new fr.mediance.protocol.CodeDto("domain", "eau", "Eau", null, 0, true, null));
        }
    }

    @Test
    void searchIgnoresAccentsAndCaseAfterVersion2() {
        try (Database db = Database.open(dir.resolve("fts.db"), key)) {
            db.inTransaction(tx -> {
                Records.upsert(
                        tx,
                        new fr.mediance.protocol.ResidentDto(
                                "r2",
                                "s1",
                                null,
                                null,
                                "Bénédicte",
                                "Éloïse",
                                null,
                                null,
                                "1 rue",
                                "13001",
                                "Marseille",
                                null,
                                null,
                                null),
                        null,
                        Instant.now(),
                        null);
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
            assertThat(db.read((Tx tx) ->
                            tx.queryLong("SELECT count(*) FROM residents_fts WHERE residents_fts MATCH 'martin'")))
                    .isEqualTo(1);
            assertThat(db.read((Tx tx) ->
                            tx.queryLong("SELECT count(*) FROM residents_fts WHERE residents_fts MATCH 'zoubida'")))
                    .isZero();
            db.inTransaction(tx -> {
                tx.update("DELETE FROM residents WHERE id = 'r1'");
            });
            assertThat(db.read((Tx tx) -> tx.queryLong("SELECT count(*) FROM residents_fts")))
                    .isZero();
        }
    }
}
