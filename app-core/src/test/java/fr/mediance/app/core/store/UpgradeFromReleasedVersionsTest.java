package fr.mediance.app.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A device may be at any released version: a store created at each one, with a row in every table it has, is
 * upgraded to the latest on opening, keeps every value, and ends with the schema of a fresh store.
 */
class UpgradeFromReleasedVersionsTest {
    @TempDir
    Path dir;

    final byte[] key = Crypto.randomBytes(32);

    static List<Integer> releasedBeforeTheLatest() {
        return Migrations.RELEASED.stream()
                .filter(v -> v < Migrations.latestVersion())
                .toList();
    }

    @Test
    void everyReleasedVersionButTheLatestIsUpgraded() {
        assertThat(releasedBeforeTheLatest()).containsExactly(1, 2, 3, 4, 8, 9);
    }

    @ParameterizedTest(name = "from version {0}")
    @MethodSource("releasedBeforeTheLatest")
    void aStoreWithDataAtAReleasedVersionIsUpgradedWithItsDataIntactAndTheSchemaOfAFreshStore(int version) {
        Path file = dir.resolve("v" + version + ".db");
        Map<String, Content> before;
        try (Database db = Database.openWithoutMigrating(file, key)) {
            Migrations.applyUpTo(db, version);
            assertThat(db.userVersion()).isEqualTo(version);
            db.inTransaction(tx -> {
                for (String table : tables(tx)) {
                    fill(tx, table);
                }
            });
            before = db.read(UpgradeFromReleasedVersionsTest::contents);
        }
        assertThat(before)
                .containsKeys("residents", "appointments", "visit_reports", "documents", "outbox")
                .allSatisfy(
                        (table, content) -> assertThat(content.rows()).as(table).hasSize(2));

        try (Database db = Database.open(file, key)) {
            assertThat(db.userVersion()).isEqualTo(Migrations.latestVersion());
            Map<String, Content> after = db.read((Tx tx) -> contentsLike(tx, before));
            assertThat(after).isEqualTo(before);
            assertThat(db.read(UpgradeFromReleasedVersionsTest::schema)).isEqualTo(freshSchema());
            // the residents written at the old version are found by the search of the latest one, without accents
            assertThat(db.read((Tx tx) -> tx.query(
                            "SELECT id FROM residents_fts WHERE residents_fts MATCH ?",
                            r -> r.string("id"),
                            "\"helene\"*")))
                    .containsExactlyInAnyOrder("residents-1", "residents-2");
        }
    }

    private List<String> freshSchema() {
        try (Database db = Database.open(dir.resolve("fresh.db"), key)) {
            return db.read(UpgradeFromReleasedVersionsTest::schema);
        }
    }

    /** Every object of the schema (tables, indexes, triggers, full-text tables) as SQLite keeps it. */
    static List<String> schema(Tx tx) {
        return tx.query(
                "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name",
                r -> r.string("type") + " " + r.string("name") + " on " + r.string("tbl_name") + ": "
                        + r.string("sql"));
    }

    /** The store's own tables (not SQLite's, nor the full-text index and its shadow tables). */
    static List<String> tables(Tx tx) {
        return tx.query("""
                SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
                  AND name NOT LIKE 'residents_fts%' ORDER BY name
                """, r -> r.string("name"));
    }

    record Column(String name, String type, boolean autoKey) {}

    static List<Column> columns(Tx tx, String table) {
        return tx.query(
                "SELECT name, type, pk FROM pragma_table_info(?) ORDER BY cid",
                r -> new Column(
                        r.string("name"),
                        r.string("type"),
                        r.intValue("pk") == 1 && "INTEGER".equalsIgnoreCase(r.string("type"))),
                table);
    }

    /** Two rows in {@code table}, a distinct value in every column (texts with accents), so that any loss shows. */
    static void fill(Tx tx, String table) {
        List<Column> columns =
                columns(tx, table).stream().filter(c -> !c.autoKey()).toList();
        String names = String.join(", ", columns.stream().map(Column::name).toList());
        String marks = String.join(", ", columns.stream().map(c -> "?").toList());
        for (int row = 1; row <= 2; row++) {
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                Column c = columns.get(i);
                String type = c.type().toUpperCase(java.util.Locale.ROOT);
                if (c.name().equals("id")) {
                    values.add(table + "-" + row);
                } else if (type.contains("INT")) {
                    values.add(1_000L * row + i);
                } else if (type.contains("BLOB")) {
                    values.add(new byte[] {(byte) row, (byte) i, (byte) 0xE9});
                } else {
                    values.add("Hélène Lefèvre « " + table + "." + c.name() + " » " + row);
                }
            }
            tx.update("INSERT INTO " + table + " (" + names + ") VALUES (" + marks + ")", values.toArray());
        }
    }

    /** A table's columns and its rows, as lists of values in column order. */
    record Content(List<String> columns, List<List<Object>> rows) {}

    /** Every table of the store. */
    static Map<String, Content> contents(Tx tx) {
        Map<String, Content> out = new LinkedHashMap<>();
        for (String table : tables(tx)) {
            List<String> names = columns(tx, table).stream().map(Column::name).toList();
            out.put(table, new Content(names, rows(tx, table, names)));
        }
        return out;
    }

    /** The same tables and columns as {@code before} (the rows written at the old version, in the upgraded store). */
    static Map<String, Content> contentsLike(Tx tx, Map<String, Content> before) {
        Map<String, Content> out = new LinkedHashMap<>();
        before.forEach((table, content) ->
                out.put(table, new Content(content.columns(), rows(tx, table, content.columns()))));
        return out;
    }

    static List<List<Object>> rows(Tx tx, String table, List<String> names) {
        String sql = "SELECT " + String.join(", ", names) + " FROM " + table + " ORDER BY rowid";
        List<List<Object>> rows = new ArrayList<>();
        try (PreparedStatement ps = tx.connection().prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= names.size(); i++) {
                    Object v = rs.getObject(i);
                    row.add(
                            v instanceof byte[] b
                                    ? HexFormat.of().formatHex(b)
                                    : v instanceof Integer n ? n.longValue() : v);
                }
                rows.add(row);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
        return rows;
    }
}
