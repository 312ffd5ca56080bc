package fr.mediance.server.planning;

import fr.mediance.protocol.AppointmentDto;
import fr.mediance.protocol.CounsellorScheduleDto;
import fr.mediance.protocol.GeoPointDto;
import fr.mediance.protocol.RequestDto;
import fr.mediance.protocol.ResidentDto;
import fr.mediance.protocol.Role;
import fr.mediance.protocol.json.MedianceJson;
import fr.mediance.server.db.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rounds' tables ({@code planning_settings}, {@code counsellor_schedules}) and what a week's proposal reads from
 * the synced ones: the structure's counsellors, its live requests, the appointments and residents they concern.
 */
final class PlanningStore {
    /** How many ids one {@code IN (...)} list holds. */
    private static final int CHUNK = 500;

    /** An account, as far as the rounds need it. */
    record Account(String id, String structureId, String displayName, Role role, boolean active) {}

    /** The structure's saved settings (the office point null until placed). */
    record Settings(
            String officeAddress,
            GeoPointDto office,
            double detourFactor,
            double speedKmh,
            Instant updatedAt,
            String updatedBy) {}

    /** A saved schedule: what was saved (its days, lunch and days off), and when. */
    record SavedSchedule(CounsellorScheduleDto schedule, Instant updatedAt) {}

    Optional<Settings> settings(Tx tx, String structureId) {
        return tx.queryOne(
                "SELECT office_address, office_latitude, office_longitude, office_source, office_precision, "
                        + "detour_factor, speed_kmh, updated_at, updated_by FROM planning_settings "
                        + "WHERE structure_id = ?",
                rs -> {
                    String source = rs.getString("office_source");
                    GeoPointDto office = source == null
                            ? null
                            : new GeoPointDto(
                                    rs.getDouble("office_latitude"),
                                    rs.getDouble("office_longitude"),
                                    source,
                                    rs.getString("office_precision"));
                    return new Settings(
                            rs.getString("office_address"),
                            office,
                            rs.getDouble("detour_factor"),
                            rs.getDouble("speed_kmh"),
                            Instant.ofEpochMilli(rs.getLong("updated_at")),
                            rs.getString("updated_by"));
                },
                structureId);
    }

    void saveSettings(Tx tx, String structureId, Settings s) {
        tx.update("DELETE FROM planning_settings WHERE structure_id = ?", structureId);
        GeoPointDto o = s.office();
        tx.update(
                "INSERT INTO planning_settings (structure_id, office_address, office_latitude, office_longitude, "
                        + "office_source, office_precision, detour_factor, speed_kmh, updated_at, updated_by) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                structureId,
                s.officeAddress(),
                o == null ? null : o.latitude(),
                o == null ? null : o.longitude(),
                o == null ? null : o.source(),
                o == null ? null : o.precision(),
                s.detourFactor(),
                s.speedKmh(),
                s.updatedAt().toEpochMilli(),
                s.updatedBy());
    }

    Optional<SavedSchedule> schedule(Tx tx, String counsellorId) {
        return tx.queryOne(
                "SELECT data, updated_at FROM counsellor_schedules WHERE counsellor_id = ?",
                rs -> new SavedSchedule(
                        MedianceJson.gson().fromJson(rs.getString("data"), CounsellorScheduleDto.class),
                        Instant.ofEpochMilli(rs.getLong("updated_at"))),
                counsellorId);
    }

    /** The saved schedules of a structure, by counsellor. */
    Map<String, SavedSchedule> schedules(Tx tx, String structureId) {
        Map<String, SavedSchedule> all = new HashMap<>();
        tx.query(
                "SELECT counsellor_id, data, updated_at FROM counsellor_schedules WHERE structure_id = ?",
                rs -> all.put(
                        rs.getString("counsellor_id"),
                        new SavedSchedule(
                                MedianceJson.gson().fromJson(rs.getString("data"), CounsellorScheduleDto.class),
                                Instant.ofEpochMilli(rs.getLong("updated_at")))),
                structureId);
        return all;
    }

    void saveSchedule(Tx tx, String structureId, CounsellorScheduleDto schedule, Instant at, String by) {
        tx.update("DELETE FROM counsellor_schedules WHERE counsellor_id = ?", schedule.counsellorId());
        tx.update(
                "INSERT INTO counsellor_schedules (counsellor_id, structure_id, data, updated_at, updated_by) "
                        + "VALUES (?, ?, ?, ?, ?)",
                schedule.counsellorId(),
                structureId,
                MedianceJson.gson().toJson(schedule),
                at.toEpochMilli(),
                by);
    }

    Optional<Account> account(Tx tx, String id) {
        return tx.queryOne(
                "SELECT id, structure_id, display_name, role, active, disabled_at FROM users WHERE id = ?",
                PlanningStore::account,
                id);
    }

    /** The active counsellors of a structure, by display name. */
    List<Account> activeCounsellors(Tx tx, String structureId) {
        return tx
                .query(
                        "SELECT id, structure_id, display_name, role, active, disabled_at FROM users "
                                + "WHERE structure_id = ? AND role = ? ORDER BY display_name, id",
                        PlanningStore::account,
                        structureId,
                        Role.COUNSELLOR.code())
                .stream()
                .filter(Account::active)
                .toList();
    }

    private static Account account(ResultSet rs) throws SQLException {
        return new Account(
                rs.getString("id"),
                rs.getString("structure_id"),
                rs.getString("display_name"),
                Role.fromCode(rs.getString("role")),
                rs.getInt("active") == 1 && Tx.nullableLong(rs, "disabled_at") == null);
    }

    /** The structure's live requests of a status, in order of receipt. */
    List<RequestDto> liveRequests(Tx tx, String structureId, String status) {
        return tx.query(
                "SELECT data FROM requests WHERE structure_id = ? AND deleted = 0 AND status = ? "
                        + "ORDER BY received_on, id",
                rs -> MedianceJson.gson().fromJson(rs.getString("data"), RequestDto.class),
                structureId,
                status);
    }

    /** The live residents among {@code ids}, by id. */
    Map<String, ResidentDto> residents(Tx tx, Collection<String> ids) {
        Map<String, ResidentDto> found = new HashMap<>();
        for (List<String> chunk : chunks(ids)) {
            tx.query(
                    "SELECT data FROM residents WHERE deleted = 0 AND id IN (" + marks(chunk.size()) + ")",
                    rs -> {
                        ResidentDto r = MedianceJson.gson().fromJson(rs.getString("data"), ResidentDto.class);
                        found.put(r.id(), r);
                        return r;
                    },
                    chunk.toArray());
        }
        return found;
    }

    /** The live appointments of these residents (every date), the latest first. */
    List<AppointmentDto> appointmentsOfResidents(Tx tx, String structureId, Collection<String> residentIds) {
        List<AppointmentDto> all = new ArrayList<>();
        for (List<String> chunk : chunks(residentIds)) {
            Object[] args = new Object[chunk.size() + 1];
            args[0] = structureId;
            for (int i = 0; i < chunk.size(); i++) {
                args[i + 1] = chunk.get(i);
            }
            all.addAll(tx.query(
                    "SELECT data FROM appointments WHERE structure_id = ? AND deleted = 0 AND resident_id IN ("
                            + marks(chunk.size()) + ")",
                    rs -> MedianceJson.gson().fromJson(rs.getString("data"), AppointmentDto.class),
                    args));
        }
        all.sort((a, b) -> b.start().compareTo(a.start()));
        return all;
    }

    /** The structure's live appointments starting in {@code [from, to)}, in time order. */
    List<AppointmentDto> appointmentsBetween(Tx tx, String structureId, Instant from, Instant to) {
        return tx.query(
                "SELECT data FROM appointments WHERE structure_id = ? AND deleted = 0 AND starts_at >= ? "
                        + "AND starts_at < ? ORDER BY starts_at, id",
                rs -> MedianceJson.gson().fromJson(rs.getString("data"), AppointmentDto.class),
                structureId,
                from.toEpochMilli(),
                to.toEpochMilli());
    }

    private static List<List<String>> chunks(Collection<String> ids) {
        List<String> all = new ArrayList<>(ids);
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            chunks.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
        }
        return chunks;
    }

    private static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }
}
