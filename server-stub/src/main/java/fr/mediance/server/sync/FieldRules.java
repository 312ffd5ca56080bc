package fr.mediance.server.sync;

import fr.mediance.protocol.ActionDto;
import fr.mediance.protocol.AppointmentDto;
import fr.mediance.protocol.CheckInDto;
import fr.mediance.protocol.CodeDto;
import fr.mediance.protocol.ConsentDto;
import fr.mediance.protocol.ContactPersonDto;
import fr.mediance.protocol.DocumentDto;
import fr.mediance.protocol.EnergyCheckDto;
import fr.mediance.protocol.HouseholdMemberDto;
import fr.mediance.protocol.Limits;
import fr.mediance.protocol.ListNames;
import fr.mediance.protocol.MandateDto;
import fr.mediance.protocol.OrientationDto;
import fr.mediance.protocol.PrivateNoteDto;
import fr.mediance.protocol.ResidentDto;
import fr.mediance.protocol.TaskDto;
import fr.mediance.protocol.VisitReportDto;
import fr.mediance.server.code.CodeLists;
import fr.mediance.server.db.Tx;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
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
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    static final int MIN_YEAR = 2000;
    static final int MAX_YEAR = 2100;
    static final int MIN_BIRTH_YEAR = 1900;
    static final long MAX_CENTS = 100_000_000L;
    private static final int MAX_DURATION_MINUTES = 24 * 60;
    private static final long MAX_KVA = 36;
    private static final long MAX_ACCURACY_METERS = 100_000;
    private static final List<String> TASK_STATUSES = List.of(TaskDto.TODO, TaskDto.DONE, TaskDto.CANCELLED);
    private static final List<String> DOCUMENT_ORIGINS = List.of("photo_in_app", "scan", "partner", "generated");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

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
        if (r.birthDate() != null && (r.birthDate().isAfter(today) || r.birthDate().getYear() < MIN_BIRTH_YEAR)) {
            throw RejectedOp.invalid("birthDate", "La date de naissance « birthDate » n'est pas plausible.");
        }
        text("phone", r.phone(), Limits.MAX_SHORT_TEXT, false);
        text("street", r.street(), Limits.MAX_SHORT_TEXT, false);
        text("postcode", r.postcode(), Limits.MAX_SHORT_TEXT, false);
        text("city", r.city(), Limits.MAX_SHORT_TEXT, false);
        text("accessNotes", r.accessNotes(), Limits.MAX_LONG_TEXT, false);
        code(tx, "mobilityReason", CodeLists.MOBILITY_REASON, r.mobilityReason(), false);
        id("referentId", r.referentId(), false);
        code(tx, "status", ListNames.RESIDENT_STATUS, r.status(), false);
        text("birthName", r.birthName(), Limits.MAX_SHORT_TEXT, false);
        text("email", r.email(), Limits.MAX_SHORT_TEXT, false);
        if (r.email() != null && !r.email().isBlank() && !EMAIL.matcher(r.email()).matches()) {
            throw RejectedOp.invalid("email", "L'adresse électronique « email » n'est pas valide.");
        }
        text("preferredContactTime", r.preferredContactTime(), Limits.MAX_SHORT_TEXT, false);
        text("language", r.language(), Limits.MAX_SHORT_TEXT, false);
        code(tx, "accommodationMode", ListNames.ACCOMMODATION_MODE, r.accommodationMode(), false);
        text("landlord", r.landlord(), Limits.MAX_SHORT_TEXT, false);
        code(tx, "socioProfessional", ListNames.SOCIO_PROFESSIONAL, r.socioProfessional(), false);
        code(tx, "legalProtection", ListNames.LEGAL_PROTECTION, r.legalProtection(), false);
        text("legalRepresentative", r.legalRepresentative(), Limits.MAX_SHORT_TEXT, false);
        code(tx, "orientationIn", ListNames.ORIENTATION_IN, r.orientationIn(), false);
        text("orientingPartner", r.orientingPartner(), Limits.MAX_SHORT_TEXT, false);
        text("synthesis", r.synthesis(), Limits.MAX_LONG_TEXT, false);
        size("household", r.household());
        Set<String> ids = new HashSet<>();
        for (HouseholdMemberDto m : r.household()) {
            itemId("household", m.id(), ids);
            code(tx, "household.role", ListNames.HOUSEHOLD_ROLE, m.role(), true);
            text("household.firstName", m.firstName(), Limits.MAX_SHORT_TEXT, false);
            if (m.birthYear() != null && (m.birthYear() < MIN_BIRTH_YEAR || m.birthYear() > today.getYear())) {
                throw RejectedOp.invalid("household.birthYear", "L'année de naissance « birthYear » d'un membre du "
                        + "foyer doit être comprise entre " + MIN_BIRTH_YEAR + " et " + today.getYear() + ".");
            }
        }
        size("contacts", r.contacts());
        ids.clear();
        for (ContactPersonDto p : r.contacts()) {
            itemId("contacts", p.id(), ids);
            text("contacts.name", p.name(), Limits.MAX_SHORT_TEXT, true);
            text("contacts.link", p.link(), Limits.MAX_SHORT_TEXT, false);
            text("contacts.phone", p.phone(), Limits.MAX_SHORT_TEXT, false);
        }
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
        size("checklist", a.checklist());
        for (String item : a.checklist()) {
            text("checklist", item, Limits.MAX_SHORT_TEXT, true);
        }
        text("safetyNotes", a.safetyNotes(), Limits.MAX_LONG_TEXT, false);
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
        text("place", v.place(), Limits.MAX_SHORT_TEXT, false);
        if (v.durationMinutes() != null && (v.durationMinutes() < 0 || v.durationMinutes() > MAX_DURATION_MINUTES)) {
            throw RejectedOp.invalid("durationMinutes", "La durée « durationMinutes » doit être comprise entre 0 et "
                    + MAX_DURATION_MINUTES + " minutes.");
        }
        codes(tx, "personsPresent", ListNames.PERSON_PRESENT, v.personsPresent());
        codes(tx, "motifs", ListNames.MOTIF, v.motifs());
        if (v.energy() != null) {
            energy(tx, v.energy());
        }
        size("actions", v.actions());
        Set<String> ids = new HashSet<>();
        for (ActionDto a : v.actions()) {
            action(tx, a, ids);
        }
        size("orientations", v.orientations());
        ids.clear();
        for (OrientationDto o : v.orientations()) {
            itemId("orientations", o.id(), ids);
            code(tx, "orientations.target", ListNames.ORIENTATION_TARGET, o.target(), true);
            text("orientations.reason", o.reason(), Limits.MAX_LONG_TEXT, false);
            date("orientations.date", o.date(), false);
            code(tx, "orientations.mode", ListNames.ORIENTATION_MODE, o.mode(), false);
            code(tx, "orientations.feedback", ListNames.ORIENTATION_FEEDBACK, o.feedback(), false);
        }
        id("residentSignatureDocumentId", v.residentSignatureDocumentId(), false);
        if (v.checkIn() != null) {
            checkIn(v.checkIn());
        }
        text("synthesis", v.synthesis(), Limits.MAX_LONG_TEXT, false);
        text("followUp", v.followUp(), Limits.MAX_LONG_TEXT, false);
        date("followUpDue", v.followUpDue(), false);
        instant("startedAt", v.startedAt());
        instant("completedAt", v.completedAt());
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
        date("retentionUntil", d.retentionUntil(), false);
        text("title", d.title(), Limits.MAX_SHORT_TEXT, false);
        text("issuer", d.issuer(), Limits.MAX_SHORT_TEXT, false);
        amount("amountCents", d.amountCents());
        date("dueDate", d.dueDate(), false);
        codes(tx, "purpose", ListNames.DOCUMENT_PURPOSE, d.purpose());
        if (d.origin() != null && !DOCUMENT_ORIGINS.contains(d.origin())) {
            throw RejectedOp.invalid("origin", "L'origine « origin » doit être l'une de : "
                    + String.join(", ", DOCUMENT_ORIGINS) + ".");
        }
    }

    void task(Tx tx, TaskDto t) {
        id("id", t.id(), true);
        id("residentId", t.residentId(), true);
        id("visitReportId", t.visitReportId(), false);
        id("assigneeId", t.assigneeId(), true);
        text("title", t.title(), Limits.MAX_SHORT_TEXT, true);
        date("dueDate", t.dueDate(), true);
        if (!TASK_STATUSES.contains(t.status())) {
            throw RejectedOp.invalid("status", "Le statut « status » d'un suivi doit être todo, done ou cancelled.");
        }
        code(tx, "ruleCode", ListNames.TASK_RULE, t.ruleCode(), false);
        id("sourceId", t.sourceId(), false);
        boolean closed = !TaskDto.TODO.equals(t.status());
        if (closed && t.closedAt() == null) {
            throw RejectedOp.invalid("closedAt", "Un suivi fait ou annulé porte sa date de clôture « closedAt ».");
        }
        if (!closed && t.closedAt() != null) {
            throw RejectedOp.invalid("closedAt", "Un suivi à faire n'a pas de date de clôture « closedAt ».");
        }
        instant("createdAt", t.createdAt());
        instant("closedAt", t.closedAt());
    }

    void consent(Tx tx, ConsentDto c) {
        id("id", c.id(), true);
        id("residentId", c.residentId(), true);
        code(tx, "scope", ListNames.CONSENT_SCOPE, c.scope(), true);
        text("partner", c.partner(), Limits.MAX_SHORT_TEXT, false);
        text("noticeVersion", c.noticeVersion(), Limits.MAX_SHORT_TEXT, false);
        instant("givenAt", c.givenAt());
        instant("withdrawnAt", c.withdrawnAt());
        if (c.withdrawnAt() != null && c.withdrawnAt().isBefore(c.givenAt())) {
            throw RejectedOp.invalid("withdrawnAt", "Le retrait « withdrawnAt » précède le consentement « givenAt ».");
        }
        id("signatureDocumentId", c.signatureDocumentId(), false);
        id("recordedBy", c.recordedBy(), false);
        text("medium", c.medium(), Limits.MAX_SHORT_TEXT, false);
    }

    void mandate(Tx tx, MandateDto m) {
        id("id", m.id(), true);
        id("residentId", m.residentId(), true);
        if (m.demarches().isEmpty()) {
            throw RejectedOp.invalid("demarches", "Un mandat nomme au moins une démarche « demarches ».");
        }
        codes(tx, "demarches", ListNames.DOMAIN, m.demarches());
        size("creditors", m.creditors());
        for (String creditor : m.creditors()) {
            text("creditors", creditor, Limits.MAX_SHORT_TEXT, true);
        }
        code(tx, "duration", ListNames.MANDATE_DURATION, m.duration(), true);
        date("startDate", m.startDate(), true);
        date("endDate", m.endDate(), true);
        if (m.endDate().isBefore(m.startDate())) {
            throw RejectedOp.invalid("endDate", "La fin du mandat « endDate » précède son début « startDate ».");
        }
        instant("revokedAt", m.revokedAt());
        text("place", m.place(), Limits.MAX_SHORT_TEXT, false);
        size("agentIds", m.agentIds());
        for (String agent : m.agentIds()) {
            id("agentIds", agent, true);
        }
        id("residentSignatureDocumentId", m.residentSignatureDocumentId(), false);
        id("agentSignatureDocumentId", m.agentSignatureDocumentId(), false);
        code(tx, "channel", ListNames.MANDATE_CHANNEL, m.channel(), false);
        instant("signedAt", m.signedAt());
    }

    void privateNote(PrivateNoteDto n) {
        id("id", n.id(), true);
        id("residentId", n.residentId(), true);
        id("authorId", n.authorId(), true);
        text("text", n.text(), Limits.MAX_LONG_TEXT, false);
        instant("updatedAt", n.updatedAt());
    }

    private void energy(Tx tx, EnergyCheckDto e) {
        code(tx, "energy.supplyState", ListNames.SUPPLY_STATE, e.supplyState(), false);
        if (e.limitedKva() != null && (e.limitedKva() < 0 || e.limitedKva() > MAX_KVA)) {
            throw RejectedOp.invalid("energy.limitedKva", "La puissance limitée « limitedKva » doit être comprise "
                    + "entre 0 et " + MAX_KVA + " kVA.");
        }
        date("energy.supplyStateSince", e.supplyStateSince(), false);
        code(tx, "energy.heatingType", ListNames.HEATING_TYPE, e.heatingType(), false);
        codes(tx, "energy.ecoGestures", ListNames.ECO_GESTURE, e.ecoGestures());
        codes(tx, "energy.equipmentIssues", ListNames.EQUIPMENT_ISSUE, e.equipmentIssues());
        code(tx, "energy.renovationOrientation", ListNames.RENOVATION_ORIENTATION, e.renovationOrientation(), false);
    }

    private void action(Tx tx, ActionDto a, Set<String> ids) {
        itemId("actions", a.id(), ids);
        code(tx, "actions.type", ListNames.ACTION_TYPE, a.type(), true);
        code(tx, "actions.domain", ListNames.DOMAIN, a.domain(), a.onBehalf());
        text("actions.target", a.target(), Limits.MAX_SHORT_TEXT, false);
        date("actions.date", a.date(), false);
        code(tx, "actions.result", ListNames.ACTION_RESULT, a.result(), false);
        amount("actions.amountRequestedCents", a.amountRequestedCents());
        amount("actions.amountObtainedCents", a.amountObtainedCents());
        text("actions.reference", a.reference(), Limits.MAX_SHORT_TEXT, false);
        id("actions.mandateId", a.mandateId(), false);
        text("actions.note", a.note(), Limits.MAX_LONG_TEXT, false);
    }

    private static void checkIn(CheckInDto c) {
        if (Math.abs(c.latitudeE6()) > 90_000_000L) {
            throw RejectedOp.invalid("checkIn.latitudeE6", "La latitude « latitudeE6 » doit être comprise entre "
                    + "-90 et 90 degrés (en millionièmes).");
        }
        if (Math.abs(c.longitudeE6()) > 180_000_000L) {
            throw RejectedOp.invalid("checkIn.longitudeE6", "La longitude « longitudeE6 » doit être comprise entre "
                    + "-180 et 180 degrés (en millionièmes).");
        }
        if (c.accuracyMeters() != null && (c.accuracyMeters() < 0 || c.accuracyMeters() > MAX_ACCURACY_METERS)) {
            throw RejectedOp.invalid("checkIn.accuracyMeters", "La précision « accuracyMeters » doit être comprise "
                    + "entre 0 et " + MAX_ACCURACY_METERS + " mètres.");
        }
        if (c.at() == null) {
            throw RejectedOp.invalid("checkIn.at", "Le champ « checkIn.at » est obligatoire.");
        }
        instant("checkIn.at", c.at());
    }

    /** An entry of a code list: a known list, a well-formed code, and the value the list needs. */
    void code(CodeDto c) {
        if (!CodeLists.NAMES.contains(c.list())) {
            throw RejectedOp.invalid("list", "La liste « " + shorten(c.list()) + " » n'existe pas.");
        }
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
        text("value", c.value(), Limits.MAX_SHORT_TEXT, false);
        switch (CodeLists.valueKind(c)) {
            case PERIOD, OPTIONAL_PERIOD -> {
                boolean optional = CodeLists.valueKind(c) == CodeLists.ValueKind.OPTIONAL_PERIOD;
                if (!(optional && c.value() == null) && !CodeLists.isPeriod(c.value())) {
                    throw RejectedOp.invalid("value", "La valeur « value » de ce code est une durée ISO 8601 "
                            + "(par exemple P6M pour six mois, P1Y pour un an).");
                }
            }
            case DAYS -> {
                if (!CodeLists.isDays(c.value())) {
                    throw RejectedOp.invalid("value", "La valeur « value » de ce code est un nombre de jours "
                            + "(de 0 à " + CodeLists.MAX_RULE_DAYS + ").");
                }
            }
            case TEXT -> {
            }
        }
    }

    /** A motif belongs to a domain; a task rule is triggered by an action type. */
    void codeParent(Tx tx, CodeDto c) {
        switch (c.list()) {
            case ListNames.MOTIF -> code(tx, "parent", ListNames.DOMAIN, c.parent(), true);
            case ListNames.TASK_RULE -> code(tx, "parent", ListNames.ACTION_TYPE, c.parent(), true);
            default -> {
            }
        }
    }

    /** A date that is plausible for this service: from 2000 to 2100. */
    private static void date(String field, LocalDate value, boolean required) {
        if (value == null) {
            if (required) {
                throw RejectedOp.invalid(field, "Le champ « " + field + " » est obligatoire.");
            }
            return;
        }
        if (value.getYear() < MIN_YEAR || value.getYear() > MAX_YEAR) {
            throw RejectedOp.invalid(field, "La date « " + field + " » (" + DAY.format(value) + ") n'est pas "
                    + "plausible : elle doit être comprise entre " + MIN_YEAR + " et " + MAX_YEAR + ".");
        }
    }

    private static void instant(String field, Instant value) {
        if (value != null) {
            date(field, LocalDate.ofInstant(value, PushService.PARIS), false);
        }
    }

    /** An amount in euro cents: from 0 to 1 000 000,00 €. */
    private static void amount(String field, Long cents) {
        if (cents != null && (cents < 0 || cents > MAX_CENTS)) {
            throw RejectedOp.invalid(field, "Le montant « " + field + " » doit être compris entre 0 et "
                    + "1 000 000,00 € (en centimes : 0 à " + MAX_CENTS + ").");
        }
    }

    private static void size(String field, List<?> items) {
        if (items.size() > Limits.MAX_LIST_ITEMS) {
            throw RejectedOp.invalid(field, "Trop d'éléments dans « " + field + " » (" + items.size() + ", au plus "
                    + Limits.MAX_LIST_ITEMS + ").");
        }
    }

    /** An item of a nested list: an id, unique in its list. */
    private static void itemId(String field, String id, Set<String> seen) {
        id(field + ".id", id, true);
        if (!seen.add(id)) {
            throw RejectedOp.invalid(field, "L'identifiant « " + shorten(id) + " » apparaît deux fois dans « "
                    + field + " ».");
        }
    }

    /** A list of codes of one list, each once. */
    private void codes(Tx tx, String field, String list, List<String> values) {
        size(field, values);
        Set<String> seen = new HashSet<>();
        for (String v : values) {
            if (v == null || !seen.add(v)) {
                throw RejectedOp.invalid(field, "La valeur « " + shorten(String.valueOf(v)) + " » apparaît deux fois "
                        + "ou est vide dans « " + field + " ».");
            }
            code(tx, field, list, v, true);
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
