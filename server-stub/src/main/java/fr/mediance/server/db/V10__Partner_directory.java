package fr.mediance.server.db;

import fr.mediance.protocol.PartnerDto;
import fr.mediance.protocol.json.MedianceJson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The partner directory: a global synced table (no structure, like the codes), and the entries of the former
 * "partner" code list moved into it with the same codes, so that the debts and contracts that name them stay valid:
 * each becomes a partner (its label the name, its category the creditor category, inactive if the entry was deleted
 * or inactive) and the code entry a tombstone, both announced to every device.
 */
@SuppressWarnings("checkstyle:TypeName")
final class V10__Partner_directory extends BaseJavaMigration {

    private static final List<String> STATEMENTS = List.of("""
            CREATE TABLE partners (
                id TEXT PRIMARY KEY,
                structure_id TEXT,
                type TEXT,
                version BIGINT NOT NULL,
                deleted INTEGER NOT NULL DEFAULT 0,
                data TEXT NOT NULL,
                created_by TEXT,
                created_at BIGINT NOT NULL,
                updated_by TEXT,
                updated_at BIGINT NOT NULL)""", """
            CREATE INDEX partners_type ON partners (type)""");

    /** The type of a moved entry, from its creditor category. */
    private static final Map<String, String> TYPE_OF_CATEGORY = Map.of(
            "energie", "fournisseur_energie",
            "eau", "eau",
            "telecom", "telecom",
            "loyer", "bailleur_prive",
            "credit_conso", "organisme_credit",
            "credit_immobilier", "banque",
            "decouvert", "banque",
            "assurance", "assurance",
            "impots", "dgfip",
            "amendes", "dgfip");

    private record Entry(String id, String code, String label, String parent, boolean active) {}

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        try (Statement st = c.createStatement()) {
            for (String sql : STATEMENTS) {
                st.execute(sql);
            }
        }
        List<Entry> entries = new ArrayList<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT id, code, data, deleted FROM codes WHERE list_name = 'partner' ORDER BY code")) {
            while (rs.next()) {
                fr.mediance.protocol.CodeDto code =
                        MedianceJson.gson().fromJson(rs.getString(3), fr.mediance.protocol.CodeDto.class);
                entries.add(new Entry(
                        rs.getString(1),
                        rs.getString(2),
                        code.label(),
                        code.parent(),
                        code.active() && rs.getInt(4) == 0));
            }
        }
        long now = System.currentTimeMillis();
        for (Entry e : entries) {
            PartnerDto p = new PartnerDto(
                    e.code(),
                    e.parent() == null ? "autre" : TYPE_OF_CATEGORY.getOrDefault(e.parent(), "autre"),
                    e.label() == null || e.label().isBlank() ? e.code() : e.label(),
                    e.parent() == null ? List.of() : List.of(e.parent()),
                    List.of(),
                    null,
                    e.active());
            long partnerVersion = next(c);
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO partners (id, structure_id, type, version, deleted, data, created_at, updated_at) "
                            + "VALUES (?, NULL, ?, ?, 0, ?, ?, ?)")) {
                ps.setString(1, p.id());
                ps.setString(2, p.type());
                ps.setLong(3, partnerVersion);
                ps.setString(4, MedianceJson.gson().toJson(p, PartnerDto.class));
                ps.setLong(5, now);
                ps.setLong(6, now);
                ps.executeUpdate();
            }
            announce(c, partnerVersion, "partner", p.id(), false, now);
            long codeVersion = next(c);
            try (PreparedStatement ps =
                    c.prepareStatement("UPDATE codes SET deleted = 1, version = ?, updated_at = ? WHERE id = ?")) {
                ps.setLong(1, codeVersion);
                ps.setLong(2, now);
                ps.setString(3, e.id());
                ps.executeUpdate();
            }
            announce(c, codeVersion, "code", e.id(), true, now);
        }
    }

    private static long next(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE counters SET value = value + 1 WHERE name = 'change_seq' RETURNING value");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void announce(Connection c, long seq, String type, String id, boolean deleted, long now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO change_log (seq, entity_type, entity_id, "
                + "structure_id, audience_user_id, kind, deleted, changed_at) VALUES (?, ?, ?, NULL, NULL, "
                + "'change', ?, ?)")) {
            ps.setLong(1, seq);
            ps.setString(2, type);
            ps.setString(3, id);
            ps.setInt(4, deleted ? 1 : 0);
            ps.setLong(5, now);
            ps.executeUpdate();
        }
    }
}
