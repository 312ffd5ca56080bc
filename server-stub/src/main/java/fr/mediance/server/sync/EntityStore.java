package fr.mediance.server.sync;

import fr.mediance.protocol.BlobStatusDto;
import fr.mediance.protocol.EntityDto;
import fr.mediance.protocol.EntityType;
import fr.mediance.server.db.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** SQL for the synced tables: one row per record, full JSON plus indexed columns, tombstones kept. */
public final class EntityStore {
    private static final int IN_CHUNK = 400;

    private static final String BLOB_COLUMNS = "sha256, size_bytes, created_at, thumbnail, version, uploaded_by";

    public Optional<StoredEntity> find(Tx tx, EntityType type, String id) {
        if (type == EntityType.BLOB) {
            return tx.queryOne(
                    "SELECT " + BLOB_COLUMNS + " FROM blobs WHERE sha256 = ? AND version IS NOT NULL",
                    EntityStore::mapBlob,
                    id);
        }
        EntityTable t = EntityTable.of(type);
        return tx.queryOne(
                "SELECT id, structure_id, version, deleted, data, created_by FROM " + t.table + " WHERE id = ?",
                rs -> map(type, rs),
                id);
    }

    public List<StoredEntity> findAll(Tx tx, EntityType type, Collection<String> ids) {
        List<String> all = new ArrayList<>(ids);
        List<StoredEntity> out = new ArrayList<>();
        for (int from = 0; from < all.size(); from += IN_CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + IN_CHUNK));
            String marks = String.join(", ", Collections.nCopies(chunk.size(), "?"));
            if (type == EntityType.BLOB) {
                out.addAll(tx.query(
                        "SELECT " + BLOB_COLUMNS + " FROM blobs WHERE version IS NOT NULL AND sha256 IN (" + marks
                                + ")",
                        EntityStore::mapBlob,
                        chunk.toArray()));
            } else {
                out.addAll(tx.query(
                        "SELECT id, structure_id, version, deleted, data, created_by FROM " + EntityTable.of(type).table
                                + " WHERE id IN (" + marks + ")",
                        rs -> map(type, rs),
                        chunk.toArray()));
            }
        }
        return out;
    }

    /**
     * Of these records, the ids of those a counsellor might see, by their indexed columns alone: a column naming
     * the viewer (author, assignee, referent...) or a resident they follow. A necessary condition of every
     * family's {@link EntityRules#sees} for a viewer who does not see the whole structure (their rules compare
     * the viewer only with fields copied into these columns), so the others need not be read: the rules still
     * decide for these. Records everybody sees (code lists, partners) are all kept.
     */
    Set<String> mayBeSeenBy(Tx tx, EntityType type, Collection<String> ids, String viewerId, Set<String> followed) {
        EntityTable t = EntityTable.of(type);
        if (t.seenByAll()) {
            return new HashSet<>(ids);
        }
        List<String> persons = t.personColumns();
        String resident = t.residentColumn();
        StringBuilder columns = new StringBuilder("id");
        for (String c : persons) {
            columns.append(", ").append(c);
        }
        if (resident != null && !resident.equals("id")) {
            columns.append(", ").append(resident);
        }
        Set<String> out = new HashSet<>();
        List<String> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += IN_CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + IN_CHUNK));
            tx.query(
                    "SELECT " + columns + " FROM " + t.table + " WHERE id IN ("
                            + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")",
                    rs -> {
                        String id = rs.getString(1);
                        boolean may = resident != null && followed.contains(rs.getString(resident));
                        for (int i = 0; i < persons.size() && !may; i++) {
                            may = viewerId.equals(rs.getString(2 + i));
                        }
                        if (may) {
                            out.add(id);
                        }
                        return id;
                    },
                    chunk.toArray());
        }
        return out;
    }

    /** A live document's reference to a blob: who captured it, about whom. */
    record BlobReference(String sha256, String createdBy, String residentId) {}

    /** The live documents of the structure that refer to one of these blobs. */
    List<BlobReference> blobReferences(Tx tx, String structureId, Collection<String> hashes) {
        List<String> all = new ArrayList<>(hashes);
        List<BlobReference> out = new ArrayList<>();
        for (int from = 0; from < all.size(); from += IN_CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + IN_CHUNK));
            List<Object> args = new ArrayList<>();
            args.add(structureId);
            args.addAll(chunk);
            out.addAll(tx.query(
                    "SELECT DISTINCT sha256, created_by, resident_id FROM documents WHERE structure_id = ? "
                            + "AND deleted = 0 AND " + BlobRegistry.CLAIMED + " AND sha256 IN ("
                            + String.join(", ", Collections.nCopies(chunk.size(), "?"))
                            + ")",
                    rs -> new BlobReference(rs.getString(1), rs.getString(2), rs.getString(3)),
                    args.toArray()));
        }
        return out;
    }

    /** A record's stored versions from {@code fromVersion} on, oldest first (residents and appointments). */
    List<RecordVersion> versionsFrom(Tx tx, EntityType type, String id, long fromVersion) {
        return tx.query(
                "SELECT version, data, changed_by FROM record_versions WHERE entity_type = ? AND entity_id = ? "
                        + "AND version >= ? ORDER BY version",
                rs -> new RecordVersion(rs.getLong(1), EntityJson.read(type, rs.getString(2)), rs.getString(3)),
                type.code(),
                id,
                fromVersion);
    }

    /**
     * The versions of a record (residents and appointments) that were in force at some moment from {@code moment}
     * until now: the one current at that moment (or the first, for a record created later) and every later one.
     */
    List<EntityDto> versionsInForceSince(Tx tx, EntityType type, String id, Instant moment) {
        return tx.query(
                "SELECT data FROM record_versions WHERE entity_type = ? AND entity_id = ? AND (changed_at > ? "
                        + "OR version = (SELECT MAX(version) FROM record_versions WHERE entity_type = ? "
                        + "AND entity_id = ? AND changed_at <= ?)) ORDER BY version",
                rs -> EntityJson.read(type, rs.getString(1)),
                type.code(),
                id,
                moment.toEpochMilli(),
                type.code(),
                id,
                moment.toEpochMilli());
    }

    void insertVersion(
            Tx tx,
            EntityType type,
            String id,
            long version,
            boolean deleted,
            EntityDto data,
            String userId,
            Instant now) {
        tx.update(
                "INSERT INTO record_versions (entity_type, entity_id, version, deleted, data, changed_by, changed_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)",
                type.code(),
                id,
                version,
                deleted,
                EntityJson.write(data),
                userId,
                now.toEpochMilli());
    }

    /** Inserts or replaces a record's current state. The creator is kept from the first write. */
    void upsert(Tx tx, String structureId, EntityDto data, long version, boolean deleted, String userId, Instant now) {
        EntityTable t = EntityTable.of(EntityType.of(data));
        List<String> columns = new ArrayList<>(List.of("id", "structure_id"));
        columns.addAll(t.indexColumns);
        columns.addAll(List.of("version", "deleted", "data", "created_by", "created_at", "updated_by", "updated_at"));
        List<Object> values = new ArrayList<>();
        values.add(data.id());
        values.add(structureId);
        values.addAll(Arrays.asList(t.indexValues(data)));
        values.addAll(Arrays.asList(
                version, deleted, EntityJson.write(data), userId, now.toEpochMilli(), userId, now.toEpochMilli()));
        List<String> updates = new ArrayList<>();
        for (String c : columns) {
            if (!c.equals("id") && !c.equals("created_by") && !c.equals("created_at")) {
                updates.add(c + " = excluded." + c);
            }
        }
        tx.update(
                "INSERT INTO " + t.table + " (" + String.join(", ", columns) + ") VALUES ("
                        + String.join(", ", Collections.nCopies(columns.size(), "?"))
                        + ") ON CONFLICT (id) DO UPDATE SET "
                        + String.join(", ", updates),
                values.toArray());
    }

    void markDeleted(Tx tx, EntityType type, String id, long version, String userId, Instant now) {
        tx.update(
                "UPDATE " + EntityTable.of(type).table + " SET deleted = 1, version = ?, updated_by = ?, "
                        + "updated_at = ? WHERE id = ?",
                version,
                userId,
                now.toEpochMilli(),
                id);
    }

    /** Residents a counsellor has a (not deleted) appointment with. */
    Set<String> residentsWithAppointments(Tx tx, String counsellorId) {
        return new HashSet<>(tx.query(
                "SELECT DISTINCT resident_id FROM appointments WHERE counsellor_id = ? " + "AND deleted = 0",
                rs -> rs.getString(1),
                counsellorId));
    }

    /** Residents of whom this counsellor is the referent. */
    Set<String> residentsOfReferent(Tx tx, String counsellorId) {
        return new HashSet<>(tx.query(
                "SELECT id FROM residents WHERE referent_id = ? AND deleted = 0", rs -> rs.getString(1), counsellorId));
    }

    /** The ids of the records of one table that are about a resident (tombstones included). */
    public List<String> idsAboutResident(Tx tx, EntityType type, String residentId) {
        return tx.query(
                "SELECT id FROM " + EntityTable.of(type).table + " WHERE resident_id = ?",
                rs -> rs.getString(1),
                residentId);
    }

    /**
     * The live appointments of one counsellor of a structure starting in {@code [fromMillis, toMillis)}, by start
     * (what an overlap check reads: the indexed {@code counsellor_id} and {@code starts_at} columns).
     */
    List<StoredEntity> appointmentsOf(Tx tx, String structureId, String counsellorId, long fromMillis, long toMillis) {
        return tx.query(
                "SELECT id, structure_id, version, deleted, data, created_by FROM appointments "
                        + "WHERE structure_id = ? AND counsellor_id = ? AND deleted = 0 AND starts_at >= ? "
                        + "AND starts_at < ? ORDER BY starts_at, id",
                rs -> map(EntityType.APPOINTMENT, rs),
                structureId,
                counsellorId,
                fromMillis,
                toMillis);
    }

    /** The open conflicts of a structure about records of one type, oldest first. */
    List<StoredEntity> openConflicts(Tx tx, String structureId, EntityType targetType) {
        return tx.query(
                "SELECT id, structure_id, version, deleted, data, created_by FROM conflicts "
                        + "WHERE structure_id = ? AND target_type = ? AND status = ? AND deleted = 0 ORDER BY id",
                rs -> map(EntityType.CONFLICT, rs),
                structureId,
                targetType.code(),
                fr.mediance.protocol.ConflictDto.OPEN);
    }

    /** The live documents of a structure that reference a blob. */
    List<StoredEntity> documentsWithBlob(Tx tx, String structureId, String sha256) {
        return tx.query(
                "SELECT id, structure_id, version, deleted, data, created_by FROM documents "
                        + "WHERE sha256 = ? AND structure_id = ? AND deleted = 0 AND " + BlobRegistry.CLAIMED
                        + " ORDER BY version",
                rs -> map(EntityType.DOCUMENT, rs),
                sha256,
                structureId);
    }

    private static StoredEntity mapBlob(ResultSet rs) throws SQLException {
        String sha = rs.getString("sha256");
        return new StoredEntity(
                EntityType.BLOB,
                sha,
                null,
                rs.getLong("version"),
                false,
                new BlobStatusDto(
                        sha,
                        rs.getLong("size_bytes"),
                        Instant.ofEpochMilli(rs.getLong("created_at")),
                        rs.getInt("thumbnail") == 1),
                rs.getString("uploaded_by"));
    }

    private static StoredEntity map(EntityType type, ResultSet rs) throws SQLException {
        return new StoredEntity(
                type,
                rs.getString("id"),
                rs.getString("structure_id"),
                rs.getLong("version"),
                rs.getInt("deleted") == 1,
                EntityJson.read(type, rs.getString("data")),
                rs.getString("created_by"));
    }
}
