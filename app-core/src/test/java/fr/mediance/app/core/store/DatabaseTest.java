package fr.mediance.app.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.mediance.protocol.GeoPointDto;
import fr.mediance.protocol.ResidentDto;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    static final String NAME = "Zoubida-Quenotte";

    @TempDir
    Path dir;

    static ResidentDto resident(String id) {
        return new ResidentDto(
                id,
                "s1",
                "D-1",
                "Mme",
                NAME,
                "Fatima",
                LocalDate.of(1948, 3, 12),
                "06 12 34 56 78",
                "12 rue des Lilas",
                "13015",
                "Marseille",
                "Interphone en panne",
                "elderly",
                "u1");
    }

    private static boolean contains(Path file, String text) throws IOException {
        if (!Files.exists(file)) {
            return false;
        }
        byte[] hay = Files.readAllBytes(file);
        for (byte[] needle : List.of(
                text.getBytes(StandardCharsets.UTF_8),
                text.getBytes(StandardCharsets.UTF_16LE),
                text.getBytes(StandardCharsets.UTF_16BE))) {
            outer:
            for (int i = 0; i + needle.length <= hay.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (hay[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return true;
            }
        }
        return false;
    }

    @Test
    void aNewDatabaseIsMigratedToTheLatestSchema() {
        try (Database db = Database.open(dir.resolve("a.db"), Crypto.randomBytes(32))) {
            assertThat(db.userVersion()).isEqualTo(Migrations.latestVersion());
            List<String> tables = db.read(
                    (Tx tx) -> tx.query("SELECT name FROM sqlite_master WHERE type = 'table'", r -> r.string("name")));
            assertThat(tables)
                    .contains(
                            "settings",
                            "residents",
                            "appointments",
                            "visit_reports",
                            "documents",
                            "codes",
                            "users",
                            "outbox",
                            "deferred_changes",
                            "residents_fts");
        }
    }

    @Test
    void aResidentsPlaceOnTheMapIsKeptWholeAndAnEditOfAnotherFieldKeepsIt() {
        GeoPointDto pin = new GeoPointDto(43.3110405, 5.3791502, GeoPointDto.SOURCE_BAN, GeoPointDto.PRECISION_STREET);
        try (Database db = Database.open(dir.resolve("geo.db"), Crypto.randomBytes(32))) {
            db.inTransaction(tx -> {
                Records.upsert(tx, resident("r1").withLocation(pin), 3L, Instant.now(), null);
            });
            ResidentDto stored = db.read((Tx tx) -> Records.load(tx, fr.mediance.protocol.EntityType.RESIDENT, "r1"))
                    .map(ResidentDto.class::cast)
                    .orElseThrow();
            assertThat(stored.location()).isEqualTo(pin);
            ResidentDto phoned = fr.mediance.app.core.resident.ResidentFields.with(
                    stored, java.util.Map.of("phone", "06 99 99 99 99"));
            assertThat(phoned.location()).isEqualTo(pin);
            assertThat(fr.mediance.app.core.resident.ResidentFields.changed(
                            stored, phoned.withLocation(GeoPointDto.manual(43.3, 5.4)), java.util.List.of("location")))
                    .containsExactly("location");
        }
    }

    @Test
    void theFileAndTheWalNeverHoldAResidentNameInClear() throws IOException {
        Path file = dir.resolve("clear.db");
        byte[] key = Crypto.randomBytes(32);
        try (Database db = Database.open(file, key)) {
            db.inTransaction(tx -> {
                Records.upsert(tx, resident("r1"), null, Instant.now(), null);
            });
            // while open, the change sits in the WAL
            assertThat(contains(Path.of(file + "-wal"), NAME)).isFalse();
            assertThat(contains(file, NAME)).isFalse();
        }
        assertThat(contains(file, NAME)).isFalse();
        assertThat(contains(Path.of(file + "-wal"), NAME)).isFalse();
        assertThat(contains(file, "SQLite format 3")).isFalse();
        try (Database db = Database.open(file, key)) {
            assertThat(db.read((Tx tx) -> tx.queryOne("SELECT last_name FROM residents", r -> r.string("last_name"))))
                    .contains(NAME);
        }
    }

    @Test
    void aWrongKeyCannotOpenTheDatabaseAndSaysSoInFrench() {
        Path file = dir.resolve("k.db");
        byte[] key = Crypto.randomBytes(32);
        try (Database db = Database.open(file, key)) {
            db.inTransaction(tx -> {
                tx.putSetting("x", "1");
            });
        }
        assertThatThrownBy(() -> Database.open(file, Crypto.randomBytes(32)))
                .isInstanceOfSatisfying(StoreException.class, e -> {
                    assertThat(e.kind()).isEqualTo(StoreException.Kind.WRONG_KEY);
                    assertThat(e.userMessage()).startsWith("Code PIN incorrect");
                });
        try (Database db = Database.open(file, key)) {
            assertThat(db.read((Tx tx) -> tx.setting("x"))).contains("1");
        }
    }

    @Test
    void anExceptionInsideATransactionLeavesNothing() {
        try (Database db = Database.open(dir.resolve("t.db"), Crypto.randomBytes(32))) {
            assertThatThrownBy(() -> db.inTransaction((java.util.function.Consumer<Tx>) tx -> {
                        Records.upsert(tx, resident("r1"), null, Instant.now(), null);
                        tx.putSetting("k", "v");
                        throw new IllegalStateException("boom");
                    }))
                    .hasMessage("boom");
            assertThat(db.read((Tx tx) -> tx.queryLong("SELECT count(*) FROM residents")))
                    .isZero();
            assertThat(db.read((Tx tx) -> tx.setting("k"))).isEmpty();
        }
    }

    @Test
    void afterCommitActionsRunOnlyWhenTheTransactionCommits() {
        try (Database db = Database.open(dir.resolve("c.db"), Crypto.randomBytes(32))) {
            int[] runs = new int[1];
            db.inTransaction(tx -> {
                tx.afterCommit(() -> runs[0]++);
            });
            assertThatThrownBy(() -> db.inTransaction((java.util.function.Consumer<Tx>) tx -> {
                tx.afterCommit(() -> runs[0]++);
                throw new IllegalStateException("rollback");
            }));
            assertThat(runs[0]).isEqualTo(1);
        }
    }

    @Test
    void aClosedDatabaseSaysItIsLocked() {
        Database db = Database.open(dir.resolve("l.db"), Crypto.randomBytes(32));
        db.close();
        assertThatThrownBy(db::userVersion)
                .isInstanceOfSatisfying(
                        StoreException.class, e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.LOCKED));
    }
}
