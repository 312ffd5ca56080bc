package fr.mediance.server.sync;

import fr.mediance.protocol.AidApplicationDto;
import fr.mediance.protocol.AnonymousContactDto;
import fr.mediance.protocol.AppointmentDto;
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
import fr.mediance.protocol.PrivateNoteDto;
import fr.mediance.protocol.RequestDto;
import fr.mediance.protocol.ResidentDto;
import fr.mediance.protocol.TaskDto;
import fr.mediance.protocol.VisitReportDto;
import java.util.Arrays;
import java.util.List;

/**
 * Where each synced entity lives and which of its fields are copied into indexed columns. Blob statuses are
 * not here: they live in the {@code blobs} table (see {@link EntityStore}).
 */
enum EntityTable {
    RESIDENT(EntityType.RESIDENT, "residents", "referent_id"),
    APPOINTMENT(EntityType.APPOINTMENT, "appointments", "resident_id", "counsellor_id", "starts_at", "status"),
    VISIT_REPORT(EntityType.VISIT_REPORT, "visit_reports", "resident_id", "counsellor_id", "supersedes"),
    DOCUMENT(
            EntityType.DOCUMENT,
            "documents",
            "resident_id",
            "visit_report_id",
            "sha256",
            "mime_type",
            "retention_until"),
    CODE(EntityType.CODE, "codes", "list_name", "code"),
    CONFLICT(
            EntityType.CONFLICT,
            "conflicts",
            "target_type",
            "target_id",
            "status",
            "server_author_id",
            "client_author_id"),
    TASK(EntityType.TASK, "tasks", "resident_id", "assignee_id", "status"),
    CONSENT(EntityType.CONSENT, "consents", "resident_id"),
    MANDATE(EntityType.MANDATE, "mandates", "resident_id"),
    PRIVATE_NOTE(EntityType.PRIVATE_NOTE, "private_notes", "resident_id", "author_id"),
    CASE(EntityType.CASE, "cases", "resident_id", "referent_id", "status", "opened_on", "closed_on"),
    REQUEST(EntityType.REQUEST, "requests", "resident_id", "case_id", "channel", "status", "received_on"),
    ANONYMOUS_CONTACT(EntityType.ANONYMOUS_CONTACT, "anonymous_contacts", "counsellor_id", "channel", "contact_day"),
    BUDGET(EntityType.BUDGET, "budgets", "resident_id", "author_id"),
    AID_APPLICATION(EntityType.AID_APPLICATION, "aid_applications", "resident_id", "status"),
    ENERGY_CONTRACT(EntityType.ENERGY_CONTRACT, "energy_contracts", "resident_id"),
    DEBT(EntityType.DEBT, "debts", "resident_id", "contract_id"),
    OVERINDEBTEDNESS_FILE(EntityType.OVERINDEBTEDNESS_FILE, "overindebtedness_files", "resident_id", "status"),
    PAYMENT_PLAN(EntityType.PAYMENT_PLAN, "payment_plans", "resident_id", "status"),
    PARTNER(EntityType.PARTNER, "partners", "type");

    final EntityType type;
    final String table;
    final List<String> indexColumns;

    EntityTable(EntityType type, String table, String... indexColumns) {
        this.type = type;
        this.table = table;
        this.indexColumns = Arrays.asList(indexColumns);
    }

    /** The indexed columns that name a person who may see the record through them (author, assignee...). */
    private static final List<String> PERSON_COLUMNS =
            List.of("counsellor_id", "assignee_id", "referent_id", "author_id", "server_author_id", "client_author_id");

    /**
     * The columns of the table that name a person who may see the record (with {@code created_by}, the author of
     * a document): every field the families' {@code sees} compare with the viewer's id is copied into one of them.
     */
    List<String> personColumns() {
        List<String> out = new java.util.ArrayList<>();
        for (String c : indexColumns) {
            if (PERSON_COLUMNS.contains(c)) {
                out.add(c);
            }
        }
        out.add("created_by");
        return out;
    }

    /**
     * The column naming the resident a counsellor may see the record through (following them), or null: the
     * resident's own id for a resident.
     */
    String residentColumn() {
        if (type == EntityType.RESIDENT) {
            return "id";
        }
        return indexColumns.contains("resident_id") ? "resident_id" : null;
    }

    /** Records everybody of the structure sees (code lists, partners): no column names who. */
    boolean seenByAll() {
        return residentColumn() == null && personColumns().size() == 1;
    }

    static EntityTable of(EntityType type) {
        for (EntityTable t : values()) {
            if (t.type == type) {
                return t;
            }
        }
        throw new IllegalArgumentException("no table for " + type);
    }

    private static String day(java.time.LocalDate d) {
        return d == null ? null : d.toString();
    }

    /** The values of {@link #indexColumns} for one record, in the same order. */
    Object[] indexValues(EntityDto dto) {
        if (dto instanceof ResidentDto r) {
            return new Object[] {r.referentId()};
        } else if (dto instanceof AppointmentDto a) {
            return new Object[] {a.residentId(), a.counsellorId(), a.start().toEpochMilli(), a.status()};
        } else if (dto instanceof VisitReportDto v) {
            return new Object[] {v.residentId(), v.counsellorId(), v.supersedes()};
        } else if (dto instanceof DocumentDto d) {
            return new Object[] {
                d.residentId(),
                d.visitReportId(),
                d.sha256(),
                d.mimeType(),
                d.retentionUntil() == null ? null : d.retentionUntil().toString()
            };
        } else if (dto instanceof CodeDto c) {
            return new Object[] {c.list(), c.code()};
        } else if (dto instanceof ConflictDto c) {
            return new Object[] {c.entity().code(), c.entityId(), c.status(), c.serverAuthorId(), c.clientAuthorId()};
        } else if (dto instanceof TaskDto t) {
            return new Object[] {t.residentId(), t.assigneeId(), t.status()};
        } else if (dto instanceof ConsentDto c) {
            return new Object[] {c.residentId()};
        } else if (dto instanceof MandateDto m) {
            return new Object[] {m.residentId()};
        } else if (dto instanceof PrivateNoteDto n) {
            return new Object[] {n.residentId(), n.authorId()};
        } else if (dto instanceof CaseDto k) {
            return new Object[] {k.residentId(), k.referentId(), k.status(), day(k.openedOn()), day(k.closedOn())};
        } else if (dto instanceof RequestDto q) {
            return new Object[] {q.residentId(), q.caseId(), q.channel(), q.status(), day(q.receivedOn())};
        } else if (dto instanceof AnonymousContactDto a) {
            return new Object[] {
                a.counsellorId(),
                a.channel(),
                a.at() == null
                        ? null
                        : java.time.LocalDate.ofInstant(a.at(), PushService.PARIS)
                                .toString()
            };
        } else if (dto instanceof fr.mediance.protocol.PaymentPlanDto p) {
            return new Object[] {p.residentId(), p.status()};
        } else if (dto instanceof fr.mediance.protocol.PartnerDto p) {
            return new Object[] {p.type()};
        } else if (dto instanceof OverindebtednessFileDto o) {
            return new Object[] {o.residentId(), o.status()};
        } else if (dto instanceof BudgetDto b) {
            return new Object[] {b.residentId(), b.authorId()};
        } else if (dto instanceof AidApplicationDto a) {
            return new Object[] {a.residentId(), a.status()};
        } else if (dto instanceof EnergyContractDto e) {
            return new Object[] {e.residentId()};
        } else if (dto instanceof DebtDto d) {
            return new Object[] {d.residentId(), d.contractId()};
        }
        throw new IllegalArgumentException(dto.getClass().getName());
    }
}
