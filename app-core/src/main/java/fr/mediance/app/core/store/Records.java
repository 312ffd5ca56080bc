package fr.mediance.app.core.store;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import fr.mediance.protocol.AppointmentDto;
import fr.mediance.protocol.BlobStatusDto;
import fr.mediance.protocol.ConflictDto;
import fr.mediance.protocol.CodeDto;
import fr.mediance.protocol.DocumentDto;
import fr.mediance.protocol.EntityDto;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.ResidentDto;
import fr.mediance.protocol.VisitReportDto;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The mapping between the synchronised records and their tables, in one place: the features write through
 * it, and the pull applies the server's records through it. Local-only columns (a document's
 * {@code blob_state}) are kept when a record is overwritten.
 */
public final class Records {
    /** Document blob states stored in {@code documents.blob_state}. */
    public static final String BLOB_LOCAL = "LOCAL";
    public static final String BLOB_WAITING_UPLOAD = "WAITING_UPLOAD";
    public static final String BLOB_UPLOADED = "UPLOADED";
    public static final String BLOB_NOT_DOWNLOADED = "NOT_DOWNLOADED";
    public static final String BLOB_AWAITED = "AWAITED";
    public static final String BLOB_CACHED = "CACHED";

    private Records() {
    }

    private static String table(EntityType type) {
        return switch (type) {
            case RESIDENT -> "residents";
            case APPOINTMENT -> "appointments";
            case VISIT_REPORT -> "visit_reports";
            case DOCUMENT -> "documents";
            case CODE -> "codes";
            case CONFLICT -> "conflicts";
            case BLOB -> "blob_status";
        };
    }

    private static String idColumn(EntityType type) {
        return type == EntityType.BLOB ? "sha256" : "id";
    }

    /** The stored server version of a record; empty if unknown or never acknowledged. */
    public static Optional<Long> version(Tx tx, EntityType type, String id) {
        return tx.queryOne("SELECT version FROM " + table(type) + " WHERE " + idColumn(type) + " = ?", r -> r.optionalLong("version"), id);
    }

    public static boolean exists(Tx tx, EntityType type, String id) {
        return tx.exists("SELECT 1 FROM " + table(type) + " WHERE " + idColumn(type) + " = ?", id);
    }

    /** Records the server version after an acknowledgement (never goes backwards). */
    public static void setVersion(Tx tx, EntityType type, String id, long version) {
        tx.update("UPDATE " + table(type) + " SET version = ? WHERE " + idColumn(type)
                        + " = ? AND (version IS NULL OR version < ?)",
                version, id, version);
    }

    public static void delete(Tx tx, EntityType type, String id) {
        tx.update("DELETE FROM " + table(type) + " WHERE " + idColumn(type) + " = ?", id);
    }

    /**
     * Inserts or replaces a record. {@code version} is the server version (null for a local change);
     * {@code now} the local update time. A new document gets {@code initialBlobState}; an existing one keeps its
     * state.
     */
    public static void upsert(Tx tx, EntityDto dto, Long version, Instant now, String initialBlobState) {
        if (dto instanceof ResidentDto r) {
            tx.update("""
                    INSERT INTO residents(id, structure_id, file_number, civility, last_name, first_name, birth_date, phone,
                      street, postcode, city, access_notes, mobility_reason, referent_id, version, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(id) DO UPDATE SET structure_id = excluded.structure_id, file_number = excluded.file_number,
                      civility = excluded.civility, last_name = excluded.last_name, first_name = excluded.first_name,
                      birth_date = excluded.birth_date, phone = excluded.phone, street = excluded.street,
                      postcode = excluded.postcode, city = excluded.city, access_notes = excluded.access_notes,
                      mobility_reason = excluded.mobility_reason, referent_id = excluded.referent_id,
                      version = COALESCE(excluded.version, residents.version), updated_at = excluded.updated_at
                    """, r.id(), r.structureId(), r.fileNumber(), r.civility(), r.lastName() == null ? "" : r.lastName(),
                    r.firstName(), r.birthDate(), r.phone(), r.street(), r.postcode(), r.city(), r.accessNotes(),
                    r.mobilityReason(), r.referentId(), version, now);
        } else if (dto instanceof AppointmentDto a) {
            tx.update("""
                    INSERT INTO appointments(id, structure_id, resident_id, counsellor_id, type, start_at, end_at, status,
                      address, notes, status_reason, version, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(id) DO UPDATE SET structure_id = excluded.structure_id, resident_id = excluded.resident_id,
                      counsellor_id = excluded.counsellor_id, type = excluded.type, start_at = excluded.start_at,
                      end_at = excluded.end_at, status = excluded.status, address = excluded.address, notes = excluded.notes,
                      status_reason = excluded.status_reason,
                      version = COALESCE(excluded.version, appointments.version), updated_at = excluded.updated_at
                    """, a.id(), a.structureId(), a.residentId(), a.counsellorId(), a.type() == null ? "" : a.type(),
                    a.start(), a.end() == null ? a.start() : a.end(), a.status() == null ? "" : a.status(), a.address(),
                    a.notes(), a.statusReason(), version, now);
        } else if (dto instanceof VisitReportDto v) {
            tx.update("""
                    INSERT INTO visit_reports(id, structure_id, appointment_id, resident_id, counsellor_id, medium, domains,
                      synthesis, follow_up, follow_up_due, started_at, completed_at, supersedes, version, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(id) DO UPDATE SET structure_id = excluded.structure_id,
                      appointment_id = excluded.appointment_id, resident_id = excluded.resident_id,
                      counsellor_id = excluded.counsellor_id, medium = excluded.medium, domains = excluded.domains,
                      synthesis = excluded.synthesis, follow_up = excluded.follow_up, follow_up_due = excluded.follow_up_due,
                      started_at = excluded.started_at, completed_at = excluded.completed_at,
                      supersedes = excluded.supersedes,
                      version = COALESCE(excluded.version, visit_reports.version), updated_at = excluded.updated_at
                    """, v.id(), v.structureId(), v.appointmentId(), v.residentId(), v.counsellorId(), v.medium(),
                    toJson(v.domains()), v.synthesis(), v.followUp(), v.followUpDue(), v.startedAt(), v.completedAt(),
                    v.supersedes(), version, now);
        } else if (dto instanceof DocumentDto d) {
            tx.update("""
                    INSERT INTO documents(id, structure_id, visit_report_id, resident_id, type, sha256, mime_type, size_bytes,
                      captured_at, retention_until, blob_state, version, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(id) DO UPDATE SET structure_id = excluded.structure_id,
                      visit_report_id = excluded.visit_report_id, resident_id = excluded.resident_id, type = excluded.type,
                      sha256 = excluded.sha256, mime_type = excluded.mime_type, size_bytes = excluded.size_bytes,
                      captured_at = excluded.captured_at, retention_until = excluded.retention_until,
                      version = COALESCE(excluded.version, documents.version), updated_at = excluded.updated_at
                    """, d.id(), d.structureId(), d.visitReportId(), d.residentId(), d.type(), d.sha256(), d.mimeType(),
                    d.sizeBytes(), d.capturedAt(), d.retentionUntil(),
                    initialBlobState == null ? BLOB_NOT_DOWNLOADED : initialBlobState, version, now);
        } else if (dto instanceof CodeDto c) {
            tx.update("""
                    INSERT INTO codes(id, list, code, label, parent, sort_order, active, version)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(id) DO UPDATE SET list = excluded.list, code = excluded.code, label = excluded.label,
                      parent = excluded.parent, sort_order = excluded.sort_order, active = excluded.active,
                      version = COALESCE(excluded.version, codes.version)
                    """, c.id(), c.list(), c.code(), c.label(), c.parent(), c.sortOrder(), c.active(), version);
        } else if (dto instanceof ConflictDto c) {
            tx.update("""
                    INSERT INTO conflicts(id, structure_id, entity, entity_id, field, base_value, server_value, client_value,
                      server_author_id, client_author_id, detected_at, status, resolved_value, resolved_by, resolved_at,
                      version, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(id) DO UPDATE SET structure_id = excluded.structure_id, entity = excluded.entity,
                      entity_id = excluded.entity_id, field = excluded.field, base_value = excluded.base_value,
                      server_value = excluded.server_value, client_value = excluded.client_value,
                      server_author_id = excluded.server_author_id, client_author_id = excluded.client_author_id,
                      detected_at = excluded.detected_at, status = excluded.status,
                      resolved_value = excluded.resolved_value, resolved_by = excluded.resolved_by,
                      resolved_at = excluded.resolved_at,
                      version = COALESCE(excluded.version, conflicts.version), updated_at = excluded.updated_at
                    """, c.id(), c.structureId(), c.entity() == null ? "" : c.entity().code(), c.entityId(),
                    c.field(), c.baseValue(), c.serverValue(), c.clientValue(), c.serverAuthorId(),
                    c.clientAuthorId(), c.detectedAt(), c.status() == null ? ConflictDto.OPEN : c.status(),
                    c.resolvedValue(), c.resolvedBy(), c.resolvedAt(), version, now);
        } else if (dto instanceof BlobStatusDto b) {
            tx.update("""
                    INSERT INTO blob_status(sha256, size_bytes, received_at, thumbnail, version, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT(sha256) DO UPDATE SET size_bytes = excluded.size_bytes,
                      received_at = excluded.received_at, thumbnail = excluded.thumbnail,
                      version = COALESCE(excluded.version, blob_status.version), updated_at = excluded.updated_at
                    """, b.sha256(), b.sizeBytes(), b.receivedAt(), b.thumbnail(), version, now);
        } else {
            throw new IllegalArgumentException("unknown record " + dto.getClass());
        }
    }

    /** The record as it would travel, or empty if absent. */
    public static Optional<EntityDto> load(Tx tx, EntityType type, String id) {
        return switch (type) {
            case RESIDENT -> tx.queryOne("SELECT * FROM residents WHERE id = ?", Records::resident, id).map(x -> x);
            case APPOINTMENT -> tx.queryOne("SELECT * FROM appointments WHERE id = ?", Records::appointment, id).map(x -> x);
            case VISIT_REPORT -> tx.queryOne("SELECT * FROM visit_reports WHERE id = ?", Records::visitReport, id).map(x -> x);
            case DOCUMENT -> tx.queryOne("SELECT * FROM documents WHERE id = ?", Records::document, id).map(x -> x);
            case CODE -> tx.queryOne("SELECT * FROM codes WHERE id = ?", Records::code, id).map(x -> x);
            case CONFLICT -> tx.queryOne("SELECT * FROM conflicts WHERE id = ?", Records::conflict, id).map(x -> x);
            case BLOB -> tx.queryOne("SELECT * FROM blob_status WHERE sha256 = ?", Records::blobStatus, id).map(x -> x);
        };
    }

    public static ResidentDto resident(Row r) {
        return new ResidentDto(r.string("id"), r.string("structure_id"), r.string("file_number"), r.string("civility"),
                r.string("last_name"), r.string("first_name"), r.date("birth_date"), r.string("phone"),
                r.string("street"), r.string("postcode"), r.string("city"), r.string("access_notes"),
                r.string("mobility_reason"), r.string("referent_id"));
    }

    public static AppointmentDto appointment(Row r) {
        return new AppointmentDto(r.string("id"), r.string("structure_id"), r.string("resident_id"),
                r.string("counsellor_id"), r.string("type"), r.instant("start_at"), r.instant("end_at"),
                r.string("status"), r.string("address"), r.string("notes"), r.string("status_reason"));
    }

    public static VisitReportDto visitReport(Row r) {
        return new VisitReportDto(r.string("id"), r.string("structure_id"), r.string("appointment_id"),
                r.string("resident_id"), r.string("counsellor_id"), r.string("medium"), fromJson(r.string("domains")),
                r.string("synthesis"), r.string("follow_up"), r.date("follow_up_due"), r.instant("started_at"),
                r.instant("completed_at"), r.string("supersedes"));
    }

    public static DocumentDto document(Row r) {
        return new DocumentDto(r.string("id"), r.string("structure_id"), r.string("visit_report_id"),
                r.string("resident_id"), r.string("type"), r.string("sha256"), r.string("mime_type"),
                r.longValue("size_bytes"), r.instant("captured_at"), r.date("retention_until"));
    }

    public static ConflictDto conflict(Row r) {
        return new ConflictDto(r.string("id"), r.string("structure_id"), EntityType.fromCode(r.string("entity")),
                r.string("entity_id"), r.string("field"), r.string("base_value"), r.string("server_value"),
                r.string("client_value"), r.string("server_author_id"), r.string("client_author_id"),
                r.instant("detected_at"), r.string("status"), r.string("resolved_value"), r.string("resolved_by"),
                r.instant("resolved_at"));
    }

    public static BlobStatusDto blobStatus(Row r) {
        return new BlobStatusDto(r.string("sha256"), r.longValue("size_bytes"), r.instant("received_at"),
                r.bool("thumbnail"));
    }

    public static CodeDto code(Row r) {
        return new CodeDto(r.string("list"), r.string("code"), r.string("label"), r.string("parent"),
                r.intValue("sort_order"), r.bool("active"));
    }

    /** A list of strings as JSON text (no reflection). */
    public static String toJson(List<String> values) {
        JsonArray a = new JsonArray();
        for (String v : values) {
            a.add(v);
        }
        return a.toString();
    }

    public static List<String> fromJson(String json) {
        List<String> out = new ArrayList<>();
        if (json == null || json.isBlank()) {
            return out;
        }
        for (JsonElement e : JsonParser.parseString(json).getAsJsonArray()) {
            out.add(e.getAsString());
        }
        return out;
    }
}
