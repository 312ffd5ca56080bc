package fr.mediance.server.sync;

import fr.mediance.protocol.AppointmentDto;
import fr.mediance.protocol.CodeDto;
import fr.mediance.protocol.DocumentDto;
import fr.mediance.protocol.Limits;
import fr.mediance.protocol.ResidentDto;
import fr.mediance.protocol.VisitReportDto;
import fr.mediance.server.code.CodeLists;
import fr.mediance.server.db.Tx;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The shape of each record's fields: required ones, lengths from {@link Limits}, formats, and values that
 * must come from a code list. Rules about other records and about who may write are in
 * {@link OperationApplier}.
 */
final class FieldRules {
    static final int MAX_ID = 64;
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern MIME = Pattern.compile("[a-z0-9][a-z0-9.+-]*/[a-z0-9][a-z0-9.+-]*");
    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9_-]*");
    private static final int MAX_MIME = 100;

    private final EntityStore store;

    FieldRules(EntityStore store) {
        this.store = store;
    }

    void resident(Tx tx, ResidentDto r, LocalDate today) {
        id("id", r.id(), true);
        text("fileNumber", r.fileNumber(), Limits.MAX_SHORT_TEXT, false);
        text("civility", r.civility(), Limits.MAX_SHORT_TEXT, false);
        text("lastName", r.lastName(), Limits.MAX_SHORT_TEXT, true);
        text("firstName", r.firstName(), Limits.MAX_SHORT_TEXT, false);
        if (r.birthDate() != null && (r.birthDate().isAfter(today) || r.birthDate().getYear() < 1900)) {
            throw RejectedOp.invalid("birthDate", "La date de naissance « birthDate » n'est pas plausible.");
        }
        text("phone", r.phone(), Limits.MAX_SHORT_TEXT, false);
        text("street", r.street(), Limits.MAX_SHORT_TEXT, false);
        text("postcode", r.postcode(), Limits.MAX_SHORT_TEXT, false);
        text("city", r.city(), Limits.MAX_SHORT_TEXT, false);
        text("accessNotes", r.accessNotes(), Limits.MAX_LONG_TEXT, false);
        code(tx, "mobilityReason", CodeLists.MOBILITY_REASON, r.mobilityReason(), false);
        id("referentId", r.referentId(), false);
    }

    void appointment(Tx tx, AppointmentDto a) {
        id("id", a.id(), true);
        id("residentId", a.residentId(), true);
        id("counsellorId", a.counsellorId(), true);
        code(tx, "type", CodeLists.APPOINTMENT_TYPE, a.type(), true);
        code(tx, "status", CodeLists.APPOINTMENT_STATUS, a.status(), true);
        if (!a.end().isAfter(a.start())) {
            throw RejectedOp.invalid("end", "La fin du rendez-vous « end » doit être après son début « start ».");
        }
        text("address", a.address(), Limits.MAX_SHORT_TEXT, false);
        text("notes", a.notes(), Limits.MAX_LONG_TEXT, false);
        text("statusReason", a.statusReason(), Limits.MAX_SHORT_TEXT, false);
    }

    void report(Tx tx, VisitReportDto v) {
        id("id", v.id(), true);
        id("appointmentId", v.appointmentId(), false);
        id("residentId", v.residentId(), true);
        id("counsellorId", v.counsellorId(), true);
        code(tx, "medium", CodeLists.MEDIUM, v.medium(), true);
        if (v.domains().size() > Limits.MAX_LIST_ITEMS) {
            throw RejectedOp.invalid("domains", "Trop de domaines dans « domains » (au plus "
                    + Limits.MAX_LIST_ITEMS + ").");
        }
        Set<String> seen = new HashSet<>();
        for (String d : v.domains()) {
            if (!seen.add(d)) {
                throw RejectedOp.invalid("domains", "Le domaine « " + shorten(d) + " » apparaît deux fois.");
            }
            code(tx, "domains", CodeLists.DOMAIN, d, true);
        }
        text("synthesis", v.synthesis(), Limits.MAX_LONG_TEXT, false);
        text("followUp", v.followUp(), Limits.MAX_LONG_TEXT, false);
        if (v.startedAt() != null && v.completedAt() != null && v.completedAt().isBefore(v.startedAt())) {
            throw RejectedOp.invalid("completedAt", "La fin de l'entretien « completedAt » précède son début.");
        }
        id("supersedes", v.supersedes(), false);
        if (v.id().equals(v.supersedes())) {
            throw RejectedOp.invalid("supersedes", "Un compte rendu ne peut pas se remplacer lui-même.");
        }
    }

    void document(Tx tx, DocumentDto d) {
        id("id", d.id(), true);
        id("visitReportId", d.visitReportId(), false);
        id("residentId", d.residentId(), true);
        code(tx, "type", CodeLists.DOCUMENT_TYPE, d.type(), true);
        if (!SHA256.matcher(d.sha256()).matches()) {
            throw RejectedOp.invalid("sha256",
                    "Le champ « sha256 » doit contenir 64 caractères hexadécimaux en minuscules.");
        }
        if (d.mimeType().length() > MAX_MIME || !MIME.matcher(d.mimeType()).matches()) {
            throw RejectedOp.invalid("mimeType", "Le type « mimeType » doit être de la forme image/jpeg.");
        }
        if (d.sizeBytes() <= 0 || d.sizeBytes() > Limits.MAX_BLOB_BYTES) {
            throw RejectedOp.invalid("sizeBytes", "La taille « sizeBytes » doit être comprise entre 1 et "
                    + Limits.MAX_BLOB_BYTES + " octets.");
        }
    }

    void code(CodeDto c) {
        if (c.list().length() > 32 || !CODE.matcher(c.list()).matches()) {
            throw RejectedOp.invalid("list", "Le nom de liste « list » doit être en minuscules, sans espace "
                    + "(32 caractères au plus).");
        }
        if (c.code().length() > 31 || !CODE.matcher(c.code()).matches()) {
            throw RejectedOp.invalid("code", "Le code « code » doit être en minuscules, sans espace "
                    + "(31 caractères au plus).");
        }
        text("label", c.label(), Limits.MAX_SHORT_TEXT, true);
        if (c.parent() != null && (c.parent().length() > 31 || !CODE.matcher(c.parent()).matches())) {
            throw RejectedOp.invalid("parent", "Le code parent « parent » est mal formé.");
        }
    }

    static void id(String field, String value, boolean required) {
        if (value == null) {
            if (required) {
                throw RejectedOp.invalid(field, "Le champ « " + field + " » est obligatoire.");
            }
            return;
        }
        if (value.isBlank() || value.length() > MAX_ID || hasControl(value)) {
            throw RejectedOp.invalid(field, "L'identifiant « " + field + " » doit faire de 1 à " + MAX_ID
                    + " caractères.");
        }
    }

    private static void text(String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw RejectedOp.invalid(field, "Le champ « " + field + " » est obligatoire.");
            }
            return;
        }
        if (value.length() > max) {
            throw RejectedOp.invalid(field, "Le champ « " + field + " » est trop long (" + value.length()
                    + " caractères, au plus " + max + ").");
        }
    }

    private void code(Tx tx, String field, String list, String value, boolean required) {
        if (value == null || value.isEmpty()) {
            if (required) {
                throw RejectedOp.invalid(field, "Le champ « " + field + " » est obligatoire.");
            }
            return;
        }
        if (value.length() > MAX_ID || !store.codeExists(tx, list, value)) {
            throw new RejectedOp(RejectedOp.UNKNOWN_CODE, "Valeur inconnue pour « " + field + " » : « "
                    + shorten(value) + " » n'est pas dans la liste « " + list + " ».");
        }
    }

    private static boolean hasControl(String s) {
        return s.chars().anyMatch(Character::isISOControl);
    }

    static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
