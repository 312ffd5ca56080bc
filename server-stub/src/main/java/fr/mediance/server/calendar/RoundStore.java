package fr.mediance.server.calendar;

import fr.mediance.protocol.AppointmentDto;
import fr.mediance.protocol.ResidentDto;
import fr.mediance.protocol.Role;
import fr.mediance.protocol.json.MedianceJson;
import fr.mediance.server.db.Tx;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A counsellor's appointments over a period, with their residents, and the accounts they belong to. */
final class RoundStore {
    /** One appointment with its record version, its last change and its resident (null if gone). */
    record Visit(AppointmentDto appointment, long version, Instant updatedAt, ResidentDto resident) {}

    /** An account, as far as the calendars need it. */
    record Account(String id, String structureId, String username, String displayName, Role role, boolean active) {}

    /** The live appointments of a counsellor starting in {@code [from, to)}, in time order. */
    List<Visit> appointments(Tx tx, String structureId, String counsellorId, Instant from, Instant to) {
        return tx.query(
                "SELECT a.data, a.version, a.updated_at, r.data AS resident, r.deleted AS resident_deleted "
                        + "FROM appointments a LEFT JOIN residents r ON r.id = a.resident_id "
                        + "WHERE a.structure_id = ? AND a.counsellor_id = ? AND a.deleted = 0 "
                        + "AND a.starts_at >= ? AND a.starts_at < ? ORDER BY a.starts_at, a.id",
                rs -> {
                    String resident = rs.getString("resident");
                    boolean gone = resident == null || rs.getInt("resident_deleted") != 0;
                    return new Visit(
                            MedianceJson.gson().fromJson(rs.getString("data"), AppointmentDto.class),
                            rs.getLong("version"),
                            Instant.ofEpochMilli(rs.getLong("updated_at")),
                            gone ? null : MedianceJson.gson().fromJson(resident, ResidentDto.class));
                },
                structureId,
                counsellorId,
                from.toEpochMilli(),
                to.toEpochMilli());
    }

    Optional<Account> account(Tx tx, String id) {
        return tx.queryOne(
                "SELECT id, structure_id, username, display_name, role, active, disabled_at FROM users WHERE id = ?",
                rs -> new Account(
                        rs.getString("id"),
                        rs.getString("structure_id"),
                        rs.getString("username"),
                        rs.getString("display_name"),
                        Role.fromCode(rs.getString("role")),
                        rs.getInt("active") == 1 && Tx.nullableLong(rs, "disabled_at") == null),
                id);
    }
}
