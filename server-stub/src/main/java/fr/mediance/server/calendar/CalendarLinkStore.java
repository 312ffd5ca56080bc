package fr.mediance.server.calendar;

import fr.mediance.protocol.CalendarLinkDto;
import fr.mediance.server.db.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The {@code calendar_links} table: a link's secret is never stored, only its SHA-256. */
final class CalendarLinkStore {
    /** One link as stored. */
    record Link(
            String id,
            String structureId,
            String counsellorId,
            String createdBy,
            Instant createdAt,
            Instant lastUsedAt,
            Instant revokedAt) {
        CalendarLinkDto toDto() {
            return new CalendarLinkDto(id, counsellorId, createdAt, createdBy, lastUsedAt, revokedAt);
        }
    }

    private static final String COLUMNS =
            "id, structure_id, counsellor_id, created_by, created_at, last_used_at, revoked_at";

    void insert(Tx tx, Link link, String tokenHash) {
        tx.update(
                "INSERT INTO calendar_links (id, structure_id, counsellor_id, token_hash, created_by, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)",
                link.id(),
                link.structureId(),
                link.counsellorId(),
                tokenHash,
                link.createdBy(),
                link.createdAt().toEpochMilli());
    }

    /** A counsellor's links, the newest first. */
    List<Link> ofCounsellor(Tx tx, String structureId, String counsellorId) {
        return tx.query(
                "SELECT " + COLUMNS + " FROM calendar_links WHERE structure_id = ? AND counsellor_id = ? "
                        + "ORDER BY created_at DESC, id",
                CalendarLinkStore::map,
                structureId,
                counsellorId);
    }

    Optional<Link> find(Tx tx, String id) {
        return tx.queryOne("SELECT " + COLUMNS + " FROM calendar_links WHERE id = ?", CalendarLinkStore::map, id);
    }

    Optional<Link> byTokenHash(Tx tx, String tokenHash) {
        return tx.queryOne(
                "SELECT " + COLUMNS + " FROM calendar_links WHERE token_hash = ?", CalendarLinkStore::map, tokenHash);
    }

    /** Answers whether the link was live and is now revoked. */
    boolean revoke(Tx tx, String id, Instant at, String by) {
        return tx.update(
                        "UPDATE calendar_links SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL",
                        at.toEpochMilli(),
                        by,
                        id)
                == 1;
    }

    void touch(Tx tx, String id, Instant at) {
        tx.update("UPDATE calendar_links SET last_used_at = ? WHERE id = ?", at.toEpochMilli(), id);
    }

    private static Link map(ResultSet rs) throws SQLException {
        Long used = Tx.nullableLong(rs, "last_used_at");
        Long revoked = Tx.nullableLong(rs, "revoked_at");
        return new Link(
                rs.getString("id"),
                rs.getString("structure_id"),
                rs.getString("counsellor_id"),
                rs.getString("created_by"),
                Instant.ofEpochMilli(rs.getLong("created_at")),
                used == null ? null : Instant.ofEpochMilli(used),
                revoked == null ? null : Instant.ofEpochMilli(revoked));
    }
}
