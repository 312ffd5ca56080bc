package fr.mediance.app.core.store;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import fr.mediance.protocol.AidApplicationDto;
import fr.mediance.protocol.AnonymousContactDto;
import fr.mediance.protocol.AppointmentDto;
import fr.mediance.protocol.BlobStatusDto;
import fr.mediance.protocol.BudgetDto;
import fr.mediance.protocol.CaseDto;
import fr.mediance.protocol.CodeDto;
import fr.mediance.protocol.ConflictDto;
import fr.mediance.protocol.ConsentDto;
import fr.mediance.protocol.DebtDto;
import fr.mediance.protocol.DocumentDto;
import fr.mediance.protocol.EnergyContractDto;
import fr.mediance.protocol.EntityDto;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.MandateDto;
import fr.mediance.protocol.OverindebtednessFileDto;
import fr.mediance.protocol.PaymentPlanDto;
import fr.mediance.protocol.PrivateNoteDto;
import fr.mediance.protocol.RequestDto;
import fr.mediance.protocol.ResidentDto;
import fr.mediance.protocol.TaskDto;
import fr.mediance.protocol.VisitReportDto;
import fr.mediance.protocol.json.Adapters;
import fr.mediance.protocol.json.MedianceJson;
import fr.mediance.protocol.json.PaymentPlanAdapters;
import fr.mediance.protocol.json.RecordAdapter;
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

    private Records() {}

    private static String table(EntityType type) {
        return switch (type) {
            case RESIDENT -> "residents";
            case APPOINTMENT -> "appointments";
            case VISIT_REPORT -> "visit_reports";
            case DOCUMENT -> "documents";
            case CODE -> "codes";
            case CONFLICT -> "conflicts";
            case BLOB -> "blob_status";
            case TASK -> "tasks";
            case CONSENT -> "consents";
            case MANDATE -> "mandates";
            case PRIVATE_NOTE -> "private_notes";
            case BUDGET -> "budgets";
            case AID_APPLICATION -> "aid_applications";
            case OVERINDEBTEDNESS_FILE -> "overindebtedness_files";
            case CASE -> "cases";
            case REQUEST -> "requests";
            case ANONYMOUS_CONTACT -> "anonymous_contacts";
            case ENERGY_CONTRACT -> "energy_contracts";
            case DEBT -> "debts";
            case PAYMENT_PLAN -> "payment_plans";
            case PARTNER -> "partners";
        };
    }

    private static String idColumn(EntityType type) {
        return type == EntityType.BLOB ? "sha256" : "id";
    }

    /** The stored server version of a record; empty if unknown or never acknowledged. */
    public static Optional<Long> version(Tx tx, EntityType type, String id) {
        return tx.queryOne(
                "SELECT version FROM " + table(type) + " WHERE " + idColumn(type) + " = ?",
                r -> r.optionalLong("version"),
                id);
    }

    public static boolean exists(Tx tx, EntityType type, String id) {
        return tx.exists("SELECT 1 FROM " + table(type) + " WHERE " + idColumn(type) + " = ?", id);
    }

    /** Records the server version after an acknowledgement (never goes backwards). */
    public static void setVersion(Tx tx, EntityType type, String id, long version) {
        tx.update(
                "UPDATE " + table(type) + " SET version = ? WHERE " + idColumn(type)
                        + " = ? AND (version IS NULL OR version < ?)",
                version,
                id,
                version);
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
            tx.update(
                    """
                    INSERT INTO residents(id, structure_id, file_number, civility, last_name, first_name, birth_date, phone,
                      street, postcode, city, access_notes, mobility_reason, referent_id, version, updated_at,
                      status, birth_name, email, no_phone, preferred_contact_time, language, interpreter_needed,
                      accommodation_mode, landlord, main_residence, socio_professional, legal_protection,
                      legal_representative, orientation_in, orienting_partner, synthesis, household, contacts,
                      phone_digits, location)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                      ?, ?, ?)
                    ON CONFLICT(id) DO UPDATE SET structure_id = excluded.structure_id, file_number = excluded.file_number,
                      civility = excluded.civility, last_name = excluded.last_name, first_name = excluded.first_name,
                      birth_date = excluded.birth_date, phone = excluded.phone, street = excluded.street,
                      postcode = excluded.postcode, city = excluded.city, access_notes = excluded.access_notes,
                      mobility_reason = excluded.mobility_reason, referent_id = excluded.referent_id,
                      version = COALESCE(excluded.version, residents.version), updated_at = excluded.updated_at,
                      status = excluded.status, birth_name = excluded.birth_name, email = excluded.email,
                      no_phone = excluded.no_phone, preferred_contact_time = excluded.preferred_contact_time,
                      language = excluded.language, interpreter_needed = excluded.interpreter_needed,
                      accommodation_mode = excluded.accommodation_mode, landlord = excluded.landlord,
                      main_residence = excluded.main_residence, socio_professional = excluded.socio_professional,
                      legal_protection = excluded.legal_protection, legal_representative = excluded.legal_representative,
                      orientation_in = excluded.orientation_in, orienting_partner = excluded.orienting_partner,
                      synthesis = excluded.synthesis, household = excluded.household, contacts = excluded.contacts,
                      phone_digits = excluded.phone_digits, location = excluded.location
                    """,
                    r.id(),
                    r.structureId(),
                    r.fileNumber(),
                    r.civility(),
                    r.lastName() == null ? "" : r.lastName(),
                    r.firstName(),
                    r.birthDate(),
                    r.phone(),
                    r.street(),
                    r.postcode(),
                    r.city(),
                    r.accessNotes(),
                    r.mobilityReason(),
                    r.referentId(),
                    version,
                    now,
                    r.status(),
                    r.birthName(),
                    r.email(),
                    r.noPhone(),
                    r.preferredContactTime(),
                    r.language(),
                    r.interpreterNeeded(),
                    r.accommodationMode(),
                    r.landlord(),
                    r.mainResidence(),
                    r.socioProfessional(),
                    r.legalProtection(),
                    r.legalRepresentative(),
                    r.orientationIn(),
                    r.orientingPartner(),
                    r.synthesis(),
                    toJson(Adapters.HOUSEHOLD_MEMBER, r.household()),
                    toJson(Adapters.CONTACT_PERSON, r.contacts()),
                    digits(r.phone()),
                    objectJson(Adapters.GEO_POINT, r.location()));
        } else if (dto instanceof AppointmentDto a) {
            tx.update(
                    """
                    INSERT INTO appointments(id, structure_id, resident_id, counsellor_id, type, start_at, end_at, status,
                      address, notes, status_reason, version, updated_at, checklist, safety_notes, locked, request_id,
                      planned_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(id) DO UPDATE SET structure_id = excluded.structure_id, resident_id = excluded.resident_id,
                      counsellor_id = excluded.counsellor_id, type = excluded.type, start_at = excluded.start_at,
                      end_at = excluded.end_at, status = excluded.status, address = excluded.address, notes = excluded.notes,
                      status_reason = excluded.status_reason,
                      version = COALESCE(excluded.version, appointments.version), updated_at = excluded.updated_at,
                      checklist = excluded.checklist, safety_notes = excluded.safety_notes, locked = excluded.locked,
                      request_id = excluded.request_id, planned_by = COALESCE(excluded.planned_by, appointments.planned_by)
                    """,
                    a.id(),
                    a.structureId(),
                    a.residentId(),
                    a.counsellorId(),
                    a.type() == null ? "" : a.type(),
                    a.start(),
                    a.end() == null ? a.start() : a.end(),
                    a.status() == null ? "" : a.status(),
                    a.address(),
                    a.notes(),
                    a.statusReason(),
                    version,
                    now,
                    toJson(a.checklist()),
                    a.safetyNotes(),
                    a.locked(),
                    a.requestId(),
                    a.plannedBy());
        } else if (dto instanceof VisitReportDto v) {
            tx.update(
                    """
                    INSERT INTO visit_reports(id, structure_id, appointment_id, resident_id, counsellor_id, medium, domains,
                      synthesis, follow_up, follow_up_due, started_at, completed_at, supersedes, version, updated_at,
                      place, duration_minutes, persons_present, motifs, energy, actions, orientations,
                      resident_signature_document_id, visit_attested, check_in)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(id) DO UPDATE SET structure_id = excluded.structure_id,
                      appointment_id = excluded.appointment_id, resident_id = excluded.resident_id,
                      counsellor_id = excluded.counsellor_id, medium = excluded.medium, domains = excluded.domains,
                      synthesis = excluded.synthesis, follow_up = excluded.follow_up, follow_up_due = excluded.follow_up_due,
                      started_at = excluded.started_at, completed_at = excluded.completed_at,
                      supersedes = excluded.supersedes,
                      version = COALESCE(excluded.version, visit_reports.version), updated_at = excluded.updated_at,
                      place = excluded.place, duration_minutes = excluded.duration_minutes,
                      persons_present = excluded.persons_present, motifs = excluded.motifs, energy = excluded.energy,
                      actions = excluded.actions, orientations = excluded.orientations,
                      resident_signature_document_id = excluded.resident_signature_document_id,
                      visit_attested = excluded.visit_attested, check_in = excluded.check_in
                    """,
                    v.id(),
                    v.structureId(),
                    v.appointmentId(),
                    v.residentId(),
                    v.counsellorId(),
                    v.medium(),
                    toJson(v.domains()),
                    v.synthesis(),
                    v.followUp(),
                    v.followUpDue(),
                    v.startedAt(),
                    v.completedAt(),
                    v.supersedes(),
                    version,
                    now,
                    v.place(),
                    v.durationMinutes(),
                    toJson(v.personsPresent()),
                    toJson(v.motifs()),
                    objectJson(Adapters.ENERGY_CHECK, v.energy()),
                    toJson(Adapters.ACTION, v.actions()),
                    toJson(Adapters.ORIENTATION, v.orientations()),
                    v.residentSignatureDocumentId(),
                    v.visitAttested(),
                    objectJson(Adapters.CHECK_IN, v.checkIn()));
        } else if (dto instanceof DocumentDto d) {
            tx.update(
                    """
                    INSERT INTO documents(id, structure_id, visit_report_id, resident_id, type, sha256, mime_type, size_bytes,
                      captured_at, retention_until, blob_state, version, updated_at, title, issuer, amount_cents,
                      due_date, purpose, origin)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(id) DO UPDATE SET structure_id = excluded.structure_id,
                      visit_report_id = excluded.visit_report_id, resident_id = excluded.resident_id, type = excluded.type,
                      sha256 = excluded.sha256, mime_type = excluded.mime_type, size_bytes = excluded.size_bytes,
                      captured_at = excluded.captured_at, retention_until = excluded.retention_until,
                      version = COALESCE(excluded.version, documents.version), updated_at = excluded.updated_at,
                      title = excluded.title, issuer = excluded.issuer, amount_cents = excluded.amount_cents,
                      due_date = excluded.due_date, purpose = excluded.purpose, origin = excluded.origin
                    """,
                    d.id(),
                    d.structureId(),
                    d.visitReportId(),
                    d.residentId(),
                    d.type(),
                    d.sha256(),
                    d.mimeType(),
                    d.sizeBytes(),
                    d.capturedAt(),
                    d.retentionUntil(),
                    initialBlobState == null ? BLOB_NOT_DOWNLOADED : initialBlobState,
                    version,
                    now,
                    d.title(),
                    d.issuer(),
                    d.amountCents(),
                    d.dueDate(),
                    toJson(d.purpose()),
                    d.origin());
        } else if (dto instanceof fr.mediance.protocol.PartnerDto p) {
            String typeLabel = tx.queryOne(
                            "SELECT label FROM codes WHERE list = ? AND code = ?",
                            r -> r.string("label"),
                            fr.mediance.protocol.ListNames.PARTNER_TYPE,
                            p.type())
                    .orElse(null);
            tx.update(
                    """
                    INSERT INTO partners(id, type, name, categories, active, search_key, data, version)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(id) DO UPDATE SET type = excluded.type, name = excluded.name,
                      categories = excluded.categories, active = excluded.active, search_key = excluded.search_key,
                      data = excluded.data, version = COALESCE(excluded.version, partners.version)
                    """,
                    p.id(),
                    p.type(),
                    p.name() == null ? p.id() : p.name(),
                    "," + String.join(",", p.categories()) + ",",
                    p.active(),
                    fr.mediance.protocol.Partners.searchKey(p, typeLabel),
                    MedianceJson.gson().toJson(p, fr.mediance.protocol.PartnerDto.class),
                    version);
        } else if (dto instanceof CodeDto c) {
            tx.update(
                    """
                    INSERT INTO codes(id, list, code, label, parent, sort_order, active, version, value)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(id) DO UPDATE SET list = excluded.list, code = excluded.code, label = excluded.label,
                      parent = excluded.parent, sort_order = excluded.sort_order, active = excluded.active,
                      version = COALESCE(excluded.version, codes.version), value = excluded.value
                    """,
                    c.id(),
                    c.list(),
                    c.code(),
                    c.label(),
                    c.parent(),
                    c.sortOrder(),
                    c.active(),
                    version,
                    c.value());
        } else if (dto instanceof ConflictDto c) {
            tx.update(
                    """
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
                    """,
                    c.id(),
                    c.structureId(),
                    c.entity() == null ? "" : c.entity().code(),
                    c.entityId(),
                    c.field(),
                    c.baseValue(),
                    c.serverValue(),
                    c.clientValue(),
                    c.serverAuthorId(),
                    c.clientAuthorId(),
                    c.detectedAt(),
                    c.status() == null ? ConflictDto.OPEN : c.status(),
                    c.resolvedValue(),
                    c.resolvedBy(),
                    c.resolvedAt(),
                    version,
                    now);
        } else if (dto instanceof BlobStatusDto b) {
            tx.update("""
                    INSERT INTO blob_status(sha256, size_bytes, received_at, thumbnail, version, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT(sha256) DO UPDATE SET size_bytes = excluded.size_bytes,
                      received_at = excluded.received_at, thumbnail = excluded.thumbnail,
                      version = COALESCE(excluded.version, blob_status.version), updated_at = excluded.updated_at
                    """, b.sha256(), b.sizeBytes(), b.receivedAt(), b.thumbnail(), version, now);
        } else if (dto instanceof TaskDto t) {
            tx.update(
                    """
                    INSERT INTO tasks(id, structure_id, resident_id, visit_report_id, assignee_id, title, due_date, status,
                      rule_code, source_id, created_at, closed_at, version, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(id) DO UPDATE SET structure_id = excluded.structure_id, resident_id = excluded.resident_id,
                      visit_report_id = excluded.visit_report_id, assignee_id = excluded.assignee_id,
                      title = excluded.title, due_date = excluded.due_date, status = excluded.status,
                      rule_code = excluded.rule_code, source_id = excluded.source_id, created_at = excluded.created_at,
                      closed_at = excluded.closed_at,
                      version = COALESCE(excluded.version, tasks.version), updated_at = excluded.updated_at
                    """,
                    t.id(),
                    t.structureId(),
                    t.residentId(),
                    t.visitReportId(),
                    t.assigneeId(),
                    t.title() == null ? "" : t.title(),
                    t.dueDate(),
                    t.status() == null ? TaskDto.TODO : t.status(),
                    t.ruleCode(),
                    t.sourceId(),
                    t.createdAt(),
                    t.closedAt(),
                    version,
                    now);
        } else if (dto instanceof ConsentDto c) {
            tx.update(
                    """
                    INSERT INTO consents(id, structure_id, resident_id, scope, partner, notice_version, given_at,
                      withdrawn_at, signature_document_id, recorded_by, medium, version, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(id) DO UPDATE SET structure_id = excluded.structure_id, resident_id = excluded.resident_id,
                      scope = excluded.scope, partner = excluded.partner, notice_version = excluded.notice_version,
                      given_at = excluded.given_at, withdrawn_at = excluded.withdrawn_at,
                      signature_document_id = excluded.signature_document_id, recorded_by = excluded.recorded_by,
                      medium = excluded.medium,
                      version = COALESCE(excluded.version, consents.version), updated_at = excluded.updated_at
                    """,
                    c.id(),
                    c.structureId(),
                    c.residentId(),
                    c.scope(),
                    c.partner(),
                    c.noticeVersion(),
                    c.givenAt() == null ? now : c.givenAt(),
                    c.withdrawnAt(),
                    c.signatureDocumentId(),
                    c.recordedBy(),
                    c.medium(),
                    version,
                    now);
        } else if (dto instanceof MandateDto m) {
            tx.update(
                    """
                    INSERT INTO mandates(id, structure_id, resident_id, demarches, creditors, duration, start_date,
                      end_date, revoked_at, not_under_protection, place, agent_ids, resident_signature_document_id,
                      agent_signature_document_id, channel, signed_at, version, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(id) DO UPDATE SET structure_id = excluded.structure_id, resident_id = excluded.resident_id,
                      demarches = excluded.demarches, creditors = excluded.creditors, duration = excluded.duration,
                      start_date = excluded.start_date, end_date = excluded.end_date, revoked_at = excluded.revoked_at,
                      not_under_protection = excluded.not_under_protection, place = excluded.place,
                      agent_ids = excluded.agent_ids,
                      resident_signature_document_id = excluded.resident_signature_document_id,
                      agent_signature_document_id = excluded.agent_signature_document_id, channel = excluded.channel,
                      signed_at = excluded.signed_at,
                      version = COALESCE(excluded.version, mandates.version), updated_at = excluded.updated_at
                    """,
                    m.id(),
                    m.structureId(),
                    m.residentId(),
                    toJson(m.demarches()),
                    toJson(m.creditors()),
                    m.duration() == null ? "" : m.duration(),
                    m.startDate(),
                    m.endDate(),
                    m.revokedAt(),
                    m.notUnderProtection(),
                    m.place(),
                    toJson(m.agentIds()),
                    m.residentSignatureDocumentId(),
                    m.agentSignatureDocumentId(),
                    m.channel(),
                    m.signedAt(),
                    version,
                    now);
        } else if (dto instanceof PrivateNoteDto n) {
            tx.update(
                    """
                    INSERT INTO private_notes(id, structure_id, resident_id, author_id, text, note_updated_at, version,
                      updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(id) DO UPDATE SET structure_id = excluded.structure_id, resident_id = excluded.resident_id,
                      author_id = excluded.author_id, text = excluded.text, note_updated_at = excluded.note_updated_at,
                      version = COALESCE(excluded.version, private_notes.version), updated_at = excluded.updated_at
                    """, n.id(), n.structureId(), n.residentId(), n.authorId(), n.text(), n.updatedAt(), version, now);
        } else if (dto instanceof BudgetDto b) {
            tx.update(
                    """
                    INSERT INTO budgets(id, resident_id, author_id, snapshot_date, data, version, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(id) DO UPDATE SET resident_id = excluded.resident_id, author_id = excluded.author_id,
                      snapshot_date = excluded.snapshot_date, data = excluded.data,
                      version = COALESCE(excluded.version, budgets.version), updated_at = excluded.updated_at
                    """,
                    b.id(),
                    b.residentId(),
                    b.authorId(),
                    b.snapshotDate() == null ? null : b.snapshotDate().toString(),
                    MedianceJson.gson().toJson(b, BudgetDto.class),
                    version,
                    now);
        } else if (dto instanceof OverindebtednessFileDto o) {
            tx.update(
                    """
                    INSERT INTO overindebtedness_files(id, resident_id, status, started_on, data, version, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(id) DO UPDATE SET resident_id = excluded.resident_id, status = excluded.status,
                      started_on = excluded.started_on, data = excluded.data,
                      version = COALESCE(excluded.version, overindebtedness_files.version),
                      updated_at = excluded.updated_at
                    """,
                    o.id(),
                    o.residentId(),
                    o.status(),
                    o.startedOn() == null ? null : o.startedOn().toString(),
                    MedianceJson.gson().toJson(o, OverindebtednessFileDto.class),
                    version,
                    now);
        } else if (dto instanceof AidApplicationDto a) {
            tx.update(
                    """
                    INSERT INTO aid_applications(id, resident_id, status, opened_on, data, version, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(id) DO UPDATE SET resident_id = excluded.resident_id, status = excluded.status,
                      opened_on = excluded.opened_on, data = excluded.data,
                      version = COALESCE(excluded.version, aid_applications.version), updated_at = excluded.updated_at
                    """,
                    a.id(),
                    a.residentId(),
                    a.status(),
                    a.openedOn() == null ? null : a.openedOn().toString(),
                    MedianceJson.gson().toJson(a, AidApplicationDto.class),
                    version,
                    now);
        } else if (dto instanceof CaseDto k) {
            tx.update(
                    """
                    INSERT INTO cases(id, structure_id, resident_id, referent_id, opened_on, origin_request_id, domains,
                      goals, status, closed_on, closing_reason, outcomes, created_at, created_by, version, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(id) DO UPDATE SET structure_id = excluded.structure_id, resident_id = excluded.resident_id,
                      referent_id = excluded.referent_id, opened_on = excluded.opened_on,
                      origin_request_id = excluded.origin_request_id, domains = excluded.domains, goals = excluded.goals,
                      status = excluded.status, closed_on = excluded.closed_on, closing_reason = excluded.closing_reason,
                      outcomes = excluded.outcomes, created_at = excluded.created_at, created_by = excluded.created_by,
                      version = COALESCE(excluded.version, cases.version), updated_at = excluded.updated_at
                    """,
                    k.id(),
                    k.structureId(),
                    k.residentId(),
                    k.referentId(),
                    k.openedOn() == null ? "" : k.openedOn().toString(),
                    k.originRequestId(),
                    toJson(k.domains()),
                    toJson(k.goals()),
                    k.status(),
                    k.closedOn(),
                    k.closingReason(),
                    toJson(Adapters.CASE_OUTCOME, k.outcomes()),
                    k.createdAt(),
                    k.createdBy(),
                    version,
                    now);
        } else if (dto instanceof RequestDto q) {
            tx.update(
                    """
                    INSERT INTO requests(id, structure_id, resident_id, case_id, received_on, channel, referrer, domains,
                      urgencies, court_date, description, status, visit_report_id, created_at, created_by, version,
                      updated_at, home_visit)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(id) DO UPDATE SET structure_id = excluded.structure_id, resident_id = excluded.resident_id,
                      case_id = excluded.case_id, received_on = excluded.received_on, channel = excluded.channel,
                      referrer = excluded.referrer, domains = excluded.domains, urgencies = excluded.urgencies,
                      court_date = excluded.court_date, description = excluded.description, status = excluded.status,
                      visit_report_id = excluded.visit_report_id, created_at = excluded.created_at,
                      created_by = excluded.created_by,
                      version = COALESCE(excluded.version, requests.version), updated_at = excluded.updated_at,
                      home_visit = excluded.home_visit
                    """,
                    q.id(),
                    q.structureId(),
                    q.residentId(),
                    q.caseId(),
                    q.receivedOn() == null ? "" : q.receivedOn().toString(),
                    q.channel(),
                    q.referrer(),
                    toJson(q.domains()),
                    toJson(q.urgencies()),
                    q.courtDate(),
                    q.description(),
                    q.status(),
                    q.visitReportId(),
                    q.createdAt(),
                    q.createdBy(),
                    version,
                    now,
                    objectJson(Adapters.HOME_VISIT, q.homeVisit()));
        } else if (dto instanceof AnonymousContactDto a) {
            tx.update(
                    """
                    INSERT INTO anonymous_contacts(id, structure_id, counsellor_id, at, channel, domains, motifs,
                      action_types, age_band, duration_minutes, version, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(id) DO UPDATE SET structure_id = excluded.structure_id,
                      counsellor_id = excluded.counsellor_id, at = excluded.at, channel = excluded.channel,
                      domains = excluded.domains, motifs = excluded.motifs, action_types = excluded.action_types,
                      age_band = excluded.age_band, duration_minutes = excluded.duration_minutes,
                      version = COALESCE(excluded.version, anonymous_contacts.version), updated_at = excluded.updated_at
                    """,
                    a.id(),
                    a.structureId(),
                    a.counsellorId(),
                    a.at() == null ? now : a.at(),
                    a.channel(),
                    toJson(a.domains()),
                    toJson(a.motifs()),
                    toJson(a.actionTypes()),
                    a.ageBand(),
                    a.durationMinutes(),
                    version,
                    now);
        } else if (dto instanceof EnergyContractDto c) {
            tx.update(
                    """
                    INSERT INTO energy_contracts(id, structure_id, resident_id, energy, data, version, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(id) DO UPDATE SET structure_id = excluded.structure_id, resident_id = excluded.resident_id,
                      energy = excluded.energy, data = excluded.data,
                      version = COALESCE(excluded.version, energy_contracts.version), updated_at = excluded.updated_at
                    """,
                    c.id(),
                    c.structureId(),
                    c.residentId(),
                    c.energy(),
                    Adapters.ENERGY_CONTRACT.toJsonTree(c).toString(),
                    version,
                    now);
        } else if (dto instanceof DebtDto d) {
            tx.update(
                    """
                    INSERT INTO debts(id, structure_id, resident_id, contract_id, data, version, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(id) DO UPDATE SET structure_id = excluded.structure_id, resident_id = excluded.resident_id,
                      contract_id = excluded.contract_id, data = excluded.data,
                      version = COALESCE(excluded.version, debts.version), updated_at = excluded.updated_at
                    """,
                    d.id(),
                    d.structureId(),
                    d.residentId(),
                    d.contractId(),
                    Adapters.DEBT.toJsonTree(d).toString(),
                    version,
                    now);
        } else if (dto instanceof PaymentPlanDto p) {
            tx.update(
                    """
                    INSERT INTO payment_plans(id, structure_id, resident_id, status, data, version, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(id) DO UPDATE SET structure_id = excluded.structure_id, resident_id = excluded.resident_id,
                      status = excluded.status, data = excluded.data,
                      version = COALESCE(excluded.version, payment_plans.version), updated_at = excluded.updated_at
                    """,
                    p.id(),
                    p.structureId(),
                    p.residentId(),
                    p.status(),
                    PaymentPlanAdapters.PAYMENT_PLAN.toJsonTree(p).toString(),
                    version,
                    now);
        } else {
            throw new IllegalArgumentException("unknown record " + dto.getClass());
        }
    }

    /** The record as it would travel, or empty if absent. */
    public static Optional<EntityDto> load(Tx tx, EntityType type, String id) {
        return switch (type) {
            case RESIDENT ->
                tx.queryOne("SELECT * FROM residents WHERE id = ?", Records::resident, id)
                        .map(x -> x);
            case APPOINTMENT ->
                tx.queryOne("SELECT * FROM appointments WHERE id = ?", Records::appointment, id)
                        .map(x -> x);
            case VISIT_REPORT ->
                tx.queryOne("SELECT * FROM visit_reports WHERE id = ?", Records::visitReport, id)
                        .map(x -> x);
            case DOCUMENT ->
                tx.queryOne("SELECT * FROM documents WHERE id = ?", Records::document, id)
                        .map(x -> x);
            case CODE ->
                tx.queryOne("SELECT * FROM codes WHERE id = ?", Records::code, id)
                        .map(x -> x);
            case CONFLICT ->
                tx.queryOne("SELECT * FROM conflicts WHERE id = ?", Records::conflict, id)
                        .map(x -> x);
            case BLOB ->
                tx.queryOne("SELECT * FROM blob_status WHERE sha256 = ?", Records::blobStatus, id)
                        .map(x -> x);
            case TASK ->
                tx.queryOne("SELECT * FROM tasks WHERE id = ?", Records::task, id)
                        .map(x -> x);
            case CONSENT ->
                tx.queryOne("SELECT * FROM consents WHERE id = ?", Records::consent, id)
                        .map(x -> x);
            case MANDATE ->
                tx.queryOne("SELECT * FROM mandates WHERE id = ?", Records::mandate, id)
                        .map(x -> x);
            case PRIVATE_NOTE ->
                tx.queryOne("SELECT * FROM private_notes WHERE id = ?", Records::privateNote, id)
                        .map(x -> x);
            case BUDGET ->
                tx.queryOne("SELECT * FROM budgets WHERE id = ?", Records::budget, id)
                        .map(x -> x);
            case OVERINDEBTEDNESS_FILE ->
                tx.queryOne("SELECT * FROM overindebtedness_files WHERE id = ?", Records::overindebtednessFile, id)
                        .map(x -> x);
            case PARTNER ->
                tx.queryOne("SELECT data FROM partners WHERE id = ?", Records::partner, id)
                        .map(x -> x);
            case AID_APPLICATION ->
                tx.queryOne("SELECT * FROM aid_applications WHERE id = ?", Records::aidApplication, id)
                        .map(x -> x);
            case CASE ->
                tx.queryOne("SELECT * FROM cases WHERE id = ?", Records::caseRecord, id)
                        .map(x -> x);
            case REQUEST ->
                tx.queryOne("SELECT * FROM requests WHERE id = ?", Records::request, id)
                        .map(x -> x);
            case ANONYMOUS_CONTACT ->
                tx.queryOne("SELECT * FROM anonymous_contacts WHERE id = ?", Records::anonymousContact, id)
                        .map(x -> x);
            case ENERGY_CONTRACT ->
                tx.queryOne("SELECT data FROM energy_contracts WHERE id = ?", Records::energyContract, id)
                        .map(x -> x);
            case DEBT ->
                tx.queryOne("SELECT data FROM debts WHERE id = ?", Records::debt, id)
                        .map(x -> x);
            case PAYMENT_PLAN ->
                tx.queryOne("SELECT data FROM payment_plans WHERE id = ?", Records::paymentPlan, id)
                        .map(x -> x);
        };
    }

    public static PaymentPlanDto paymentPlan(Row r) {
        return PaymentPlanAdapters.PAYMENT_PLAN.fromJsonTree(JsonParser.parseString(r.string("data")));
    }

    public static ResidentDto resident(Row r) {
        return new ResidentDto(
                r.string("id"),
                r.string("structure_id"),
                r.string("file_number"),
                r.string("civility"),
                r.string("last_name"),
                r.string("first_name"),
                r.date("birth_date"),
                r.string("phone"),
                r.string("street"),
                r.string("postcode"),
                r.string("city"),
                r.string("access_notes"),
                r.string("mobility_reason"),
                r.string("referent_id"),
                r.string("status"),
                r.string("birth_name"),
                r.string("email"),
                r.bool("no_phone"),
                r.string("preferred_contact_time"),
                r.string("language"),
                r.bool("interpreter_needed"),
                r.string("accommodation_mode"),
                r.string("landlord"),
                r.optionalLong("main_residence") == null ? null : r.bool("main_residence"),
                r.string("socio_professional"),
                r.string("legal_protection"),
                r.string("legal_representative"),
                r.string("orientation_in"),
                r.string("orienting_partner"),
                r.string("synthesis"),
                fromJson(Adapters.HOUSEHOLD_MEMBER, r.string("household")),
                fromJson(Adapters.CONTACT_PERSON, r.string("contacts")),
                objectFromJson(Adapters.GEO_POINT, r.string("location")));
    }

    public static AppointmentDto appointment(Row r) {
        return new AppointmentDto(
                r.string("id"),
                r.string("structure_id"),
                r.string("resident_id"),
                r.string("counsellor_id"),
                r.string("type"),
                r.instant("start_at"),
                r.instant("end_at"),
                r.string("status"),
                r.string("address"),
                r.string("notes"),
                r.string("status_reason"),
                fromJson(r.string("checklist")),
                r.string("safety_notes"),
                r.bool("locked"),
                r.string("request_id"),
                r.string("planned_by"));
    }

    public static VisitReportDto visitReport(Row r) {
        return new VisitReportDto(
                r.string("id"),
                r.string("structure_id"),
                r.string("appointment_id"),
                r.string("resident_id"),
                r.string("counsellor_id"),
                r.string("medium"),
                fromJson(r.string("domains")),
                r.string("synthesis"),
                r.string("follow_up"),
                r.date("follow_up_due"),
                r.instant("started_at"),
                r.instant("completed_at"),
                r.string("supersedes"),
                r.string("place"),
                r.optionalLong("duration_minutes") == null ? null : r.intValue("duration_minutes"),
                fromJson(r.string("persons_present")),
                fromJson(r.string("motifs")),
                objectFromJson(Adapters.ENERGY_CHECK, r.string("energy")),
                fromJson(Adapters.ACTION, r.string("actions")),
                fromJson(Adapters.ORIENTATION, r.string("orientations")),
                r.string("resident_signature_document_id"),
                r.bool("visit_attested"),
                objectFromJson(Adapters.CHECK_IN, r.string("check_in")));
    }

    public static DocumentDto document(Row r) {
        return new DocumentDto(
                r.string("id"),
                r.string("structure_id"),
                r.string("visit_report_id"),
                r.string("resident_id"),
                r.string("type"),
                r.string("sha256"),
                r.string("mime_type"),
                r.longValue("size_bytes"),
                r.instant("captured_at"),
                r.date("retention_until"),
                r.string("title"),
                r.string("issuer"),
                r.optionalLong("amount_cents"),
                r.date("due_date"),
                fromJson(r.string("purpose")),
                r.string("origin"));
    }

    public static ConflictDto conflict(Row r) {
        return new ConflictDto(
                r.string("id"),
                r.string("structure_id"),
                EntityType.fromCode(r.string("entity")),
                r.string("entity_id"),
                r.string("field"),
                r.string("base_value"),
                r.string("server_value"),
                r.string("client_value"),
                r.string("server_author_id"),
                r.string("client_author_id"),
                r.instant("detected_at"),
                r.string("status"),
                r.string("resolved_value"),
                r.string("resolved_by"),
                r.instant("resolved_at"));
    }

    public static BlobStatusDto blobStatus(Row r) {
        return new BlobStatusDto(
                r.string("sha256"), r.longValue("size_bytes"), r.instant("received_at"), r.bool("thumbnail"));
    }

    public static CodeDto code(Row r) {
        return new CodeDto(
                r.string("list"),
                r.string("code"),
                r.string("label"),
                r.string("parent"),
                r.intValue("sort_order"),
                r.bool("active"),
                r.string("value"));
    }

    public static TaskDto task(Row r) {
        return new TaskDto(
                r.string("id"),
                r.string("structure_id"),
                r.string("resident_id"),
                r.string("visit_report_id"),
                r.string("assignee_id"),
                r.string("title"),
                r.date("due_date"),
                r.string("status"),
                r.string("rule_code"),
                r.string("source_id"),
                r.instant("created_at"),
                r.instant("closed_at"));
    }

    public static ConsentDto consent(Row r) {
        return new ConsentDto(
                r.string("id"),
                r.string("structure_id"),
                r.string("resident_id"),
                r.string("scope"),
                r.string("partner"),
                r.string("notice_version"),
                r.instant("given_at"),
                r.instant("withdrawn_at"),
                r.string("signature_document_id"),
                r.string("recorded_by"),
                r.string("medium"));
    }

    public static MandateDto mandate(Row r) {
        return new MandateDto(
                r.string("id"),
                r.string("structure_id"),
                r.string("resident_id"),
                fromJson(r.string("demarches")),
                fromJson(r.string("creditors")),
                r.string("duration"),
                r.date("start_date"),
                r.date("end_date"),
                r.instant("revoked_at"),
                r.bool("not_under_protection"),
                r.string("place"),
                fromJson(r.string("agent_ids")),
                r.string("resident_signature_document_id"),
                r.string("agent_signature_document_id"),
                r.string("channel"),
                r.instant("signed_at"));
    }

    public static OverindebtednessFileDto overindebtednessFile(Row r) {
        return MedianceJson.gson().fromJson(r.string("data"), OverindebtednessFileDto.class);
    }

    public static fr.mediance.protocol.PartnerDto partner(Row r) {
        return MedianceJson.gson().fromJson(r.string("data"), fr.mediance.protocol.PartnerDto.class);
    }

    public static AidApplicationDto aidApplication(Row r) {
        return MedianceJson.gson().fromJson(r.string("data"), AidApplicationDto.class);
    }

    public static BudgetDto budget(Row r) {
        return MedianceJson.gson().fromJson(r.string("data"), BudgetDto.class);
    }

    /** A contract from its stored JSON ({@code data}). */
    public static EnergyContractDto energyContract(Row r) {
        return Adapters.ENERGY_CONTRACT.fromJsonTree(JsonParser.parseString(r.string("data")));
    }

    /** A debt from its stored JSON ({@code data}). */
    public static DebtDto debt(Row r) {
        return Adapters.DEBT.fromJsonTree(JsonParser.parseString(r.string("data")));
    }

    public static PrivateNoteDto privateNote(Row r) {
        return new PrivateNoteDto(
                r.string("id"),
                r.string("structure_id"),
                r.string("resident_id"),
                r.string("author_id"),
                r.string("text"),
                r.instant("note_updated_at"));
    }

    public static CaseDto caseRecord(Row r) {
        return new CaseDto(
                r.string("id"),
                r.string("structure_id"),
                r.string("resident_id"),
                r.string("referent_id"),
                r.date("opened_on"),
                r.string("origin_request_id"),
                fromJson(r.string("domains")),
                fromJson(r.string("goals")),
                r.string("status"),
                r.date("closed_on"),
                r.string("closing_reason"),
                fromJson(Adapters.CASE_OUTCOME, r.string("outcomes")),
                r.instant("created_at"),
                r.string("created_by"));
    }

    public static RequestDto request(Row r) {
        return new RequestDto(
                r.string("id"),
                r.string("structure_id"),
                r.string("resident_id"),
                r.string("case_id"),
                r.date("received_on"),
                r.string("channel"),
                r.string("referrer"),
                fromJson(r.string("domains")),
                fromJson(r.string("urgencies")),
                r.date("court_date"),
                r.string("description"),
                r.string("status"),
                r.string("visit_report_id"),
                r.instant("created_at"),
                r.string("created_by"),
                objectFromJson(Adapters.HOME_VISIT, r.string("home_visit")));
    }

    public static AnonymousContactDto anonymousContact(Row r) {
        Long minutes = r.optionalLong("duration_minutes");
        return new AnonymousContactDto(
                r.string("id"),
                r.string("structure_id"),
                r.string("counsellor_id"),
                r.instant("at"),
                r.string("channel"),
                fromJson(r.string("domains")),
                fromJson(r.string("motifs")),
                fromJson(r.string("action_types")),
                r.string("age_band"),
                minutes == null ? null : minutes.intValue());
    }

    /** The digits of a phone number ("06 12 34 56 78" → "0612345678"), for search; null if none. */
    public static String digits(String phone) {
        if (phone == null) {
            return null;
        }
        StringBuilder b = new StringBuilder(phone.length());
        for (int i = 0; i < phone.length(); i++) {
            char c = phone.charAt(i);
            if (c >= '0' && c <= '9') {
                b.append(c);
            }
        }
        return b.length() == 0 ? null : b.toString();
    }

    /** A list of nested wire records as JSON text, written by their adapter (no reflection). */
    public static <T> String toJson(RecordAdapter<T> adapter, List<T> values) {
        JsonArray a = new JsonArray();
        for (T v : values) {
            a.add(adapter.toJsonTree(v));
        }
        return a.toString();
    }

    public static <T> List<T> fromJson(RecordAdapter<T> adapter, String json) {
        List<T> out = new ArrayList<>();
        if (json == null || json.isBlank()) {
            return out;
        }
        for (JsonElement e : JsonParser.parseString(json).getAsJsonArray()) {
            out.add(adapter.fromJsonTree(e));
        }
        return out;
    }

    /** One nested wire record as JSON text; null stays null. */
    public static <T> String objectJson(RecordAdapter<T> adapter, T value) {
        return value == null ? null : adapter.toJsonTree(value).toString();
    }

    public static <T> T objectFromJson(RecordAdapter<T> adapter, String json) {
        return json == null || json.isBlank() ? null : adapter.fromJsonTree(JsonParser.parseString(json));
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
