package fr.mediance.server.gdpr;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import fr.mediance.protocol.DocumentDto;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.MandateDto;
import fr.mediance.server.db.Tx;
import fr.mediance.server.geo.GeocodeQueue;
import fr.mediance.server.sync.EntityJson;
import fr.mediance.server.sync.EntityWriter;
import fr.mediance.server.sync.StoredEntity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Anonymises one resident's file in one transaction (domain brief §8: "delete or anonymise", as Mon Suivi Social
 * archives by anonymising the record and the mutation log). Field by field:
 *
 * <ul>
 *   <li><b>resident</b>: name « Anonyme », every other identity, address and free text removed (file number,
 *       civility, first and birth names, birth date, phone, street, e-mail, contact time, language, landlord, legal
 *       representative, orienting partner, synthesis, access notes), the household keeps its members' roles only,
 *       the contacts go. Kept for the figures: postcode and city (territory), status, mobility reason, accommodation,
 *       socio-professional category, legal protection measure, orientation, referent (an agent, not the person);</li>
 *   <li><b>appointments</b>: address, notes, reason, checklist and safety notes removed (type, times, status kept);</li>
 *   <li><b>visit reports</b>: synthesis replaced by « Contenu anonymisé. », follow-up, place and check-in position
 *       removed, the actions lose target, reference and note, the orientations their reason and feedback (types,
 *       domains, motifs, dates, amounts and results kept);</li>
 *   <li><b>tasks</b>: title replaced; <b>requests</b>: description removed; <b>cases</b>: goals removed (domains,
 *       dates, closing reason and outcomes kept); <b>budget sheets</b>: note and line labels removed (amounts and
 *       categories kept); <b>debts</b>: customer number and invoice references removed; <b>energy contracts</b>:
 *       delivery point and customer number removed; <b>aid applications</b>, <b>overindebtedness files</b> and
 *       <b>payment plans</b>: notes and refusal reason removed (amounts kept: the accounting of aids paid);</li>
 *   <li><b>documents</b> (and their files), <b>private notes</b> and the <b>conflicts</b> about the resident or their
 *       appointments become tombstones whose stored content is emptied too; the signatures of a mandate still
 *       within its own retention are kept with it (mandates are evidence for 6 years after their end, then purged
 *       by {@link GdprRetention});</li>
 *   <li><b>history</b>: every former version of the resident and their appointments ({@code record_versions}) is
 *       deleted (the anonymised one stays, for later merges); the stored answers of the operations on these records
 *       ({@code applied_operations.message}) are emptied; the change log holds no content (ids only); upload
 *       records of the deleted files are removed.</li>
 * </ul>
 *
 * Each anonymised record is saved as a new version, so every device that holds it receives it at its next pull and
 * keeps nothing identifying; the tombstones make devices delete documents, notes and conflicts.
 */
final class Anonymiser {
    static final String ANONYMOUS_NAME = "Anonyme";
    static final String ANONYMISED_TEXT = "Contenu anonymisé.";

    /** Household records: type and table, all with a {@code resident_id} column. */
    static final Map<EntityType, String> HOUSEHOLD_TABLES = Map.ofEntries(
            Map.entry(EntityType.APPOINTMENT, "appointments"),
            Map.entry(EntityType.VISIT_REPORT, "visit_reports"),
            Map.entry(EntityType.DOCUMENT, "documents"),
            Map.entry(EntityType.TASK, "tasks"),
            Map.entry(EntityType.CONSENT, "consents"),
            Map.entry(EntityType.MANDATE, "mandates"),
            Map.entry(EntityType.PRIVATE_NOTE, "private_notes"),
            Map.entry(EntityType.CASE, "cases"),
            Map.entry(EntityType.REQUEST, "requests"),
            Map.entry(EntityType.BUDGET, "budgets"),
            Map.entry(EntityType.AID_APPLICATION, "aid_applications"),
            Map.entry(EntityType.ENERGY_CONTRACT, "energy_contracts"),
            Map.entry(EntityType.DEBT, "debts"),
            Map.entry(EntityType.OVERINDEBTEDNESS_FILE, "overindebtedness_files"),
            Map.entry(EntityType.PAYMENT_PLAN, "payment_plans"));

    private final EntityWriter writer;

    Anonymiser(EntityWriter writer) {
        this.writer = writer;
    }

    /** One stored row: its type, id, structure, version, whether deleted, and JSON. */
    record Row(EntityType type, String id, String structureId, long version, boolean deleted, String data) {
        StoredEntity stored() {
            return new StoredEntity(type, id, structureId, version, deleted, EntityJson.read(type, data), null);
        }
    }

    static List<Row> rows(Tx tx, EntityType type, String table, String where, Object... args) {
        return tx.query(
                "SELECT id, structure_id, version, deleted, data FROM " + table + " WHERE " + where + " ORDER BY id",
                rs -> new Row(
                        type, rs.getString(1), rs.getString(2), rs.getLong(3), rs.getInt(4) != 0, rs.getString(5)),
                args);
    }

    /**
     * Anonymises the resident and their records; answers the SHA-256 of the files whose documents became
     * tombstones (the caller deletes those no live document refers to any more, after the commit).
     */
    Set<String> anonymise(Tx tx, String residentId, Instant now, Set<String> keptMandateDocuments) {
        Set<String> hashes = new LinkedHashSet<>();
        List<String> touched = new ArrayList<>();
        touched.add(residentId);
        for (Row r : rows(tx, EntityType.RESIDENT, "residents", "id = ?", residentId)) {
            rewrite(tx, r, "residents", scrubResident(r.data()), now);
        }
        List<String> appointments = new ArrayList<>();
        for (Map.Entry<EntityType, String> t : HOUSEHOLD_TABLES.entrySet()) {
            EntityType type = t.getKey();
            String table = t.getValue();
            for (Row r : rows(tx, type, table, "resident_id = ?", residentId)) {
                touched.add(r.id());
                switch (type) {
                    case DOCUMENT -> {
                        if (keptMandateDocuments.contains(r.id())) {
                            continue;
                        }
                        hashes.add(((DocumentDto) EntityJson.read(type, r.data())).sha256());
                        erase(tx, r, table, now, "title", "issuer");
                    }
                    case PRIVATE_NOTE -> erase(tx, r, table, now, "text");
                    case MANDATE -> {
                        // kept as evidence until its own retention (GdprRetention purges it then)
                    }
                    case APPOINTMENT -> {
                        appointments.add(r.id());
                        rewrite(tx, r, table, scrub(r.data(), type), now);
                    }
                    default -> rewrite(tx, r, table, scrub(r.data(), type), now);
                }
            }
        }
        List<String> targets = new ArrayList<>(appointments);
        targets.add(residentId);
        for (String target : targets) {
            for (Row c : rows(tx, EntityType.CONFLICT, "conflicts", "target_id = ?", target)) {
                touched.add(c.id());
                erase(tx, c, "conflicts", now, "baseValue", "serverValue", "clientValue", "resolvedValue");
            }
            tx.update(
                    "DELETE FROM record_versions WHERE entity_id = ? AND version < "
                            + "(SELECT MAX(version) FROM record_versions WHERE entity_id = ?)",
                    target,
                    target);
        }
        for (String id : touched) {
            tx.update("UPDATE applied_operations SET message = NULL WHERE entity_id = ?", id);
        }
        tx.update("UPDATE residents SET anonymised_at = ? WHERE id = ?", now.toEpochMilli(), residentId);
        GeocodeQueue.forget(tx, residentId);
        return hashes;
    }

    /** A mandate past its retention: tombstone, content emptied, its signatures too; answers their files. */
    Set<String> purgeMandate(Tx tx, Row mandate, Instant now) {
        Set<String> hashes = new LinkedHashSet<>();
        MandateDto m = (MandateDto) EntityJson.read(EntityType.MANDATE, mandate.data());
        for (String docId : new String[] {m.residentSignatureDocumentId(), m.agentSignatureDocumentId()}) {
            if (docId == null) {
                continue;
            }
            for (Row d : rows(tx, EntityType.DOCUMENT, "documents", "id = ?", docId)) {
                hashes.add(((DocumentDto) EntityJson.read(EntityType.DOCUMENT, d.data())).sha256());
                erase(tx, d, "documents", now, "title", "issuer");
            }
        }
        erase(tx, mandate, "mandates", now, "place", "creditors");
        tx.update("UPDATE applied_operations SET message = NULL WHERE entity_id = ?", mandate.id());
        return hashes;
    }

    /** A document purged by its démarche's decision or the case's closure: a tombstone, content emptied. */
    String purgeDocument(Tx tx, Row document, Instant now) {
        String sha = ((DocumentDto) EntityJson.read(EntityType.DOCUMENT, document.data())).sha256();
        erase(tx, document, "documents", now, "title", "issuer");
        return sha;
    }

    /** A live record gets its scrubbed content as a new version; a tombstone only has its stored content scrubbed. */
    private void rewrite(Tx tx, Row r, String table, String scrubbed, Instant now) {
        if (r.deleted()) {
            tx.update("UPDATE " + table + " SET data = ? WHERE id = ?", scrubbed, r.id());
            return;
        }
        writer.save(tx, EntityJson.read(r.type(), scrubbed), r.structureId(), null, now, null, null);
    }

    /** Makes the record a tombstone (if not yet one) and empties the named fields of its stored content. */
    private void erase(Tx tx, Row r, String table, Instant now, String... fields) {
        if (!r.deleted()) {
            writer.delete(tx, r.stored(), null, now, null, null);
        }
        JsonObject o = JsonParser.parseString(r.data()).getAsJsonObject();
        for (String f : fields) {
            o.remove(f);
        }
        tx.update("UPDATE " + table + " SET data = ? WHERE id = ?", o.toString(), r.id());
    }

    static String scrubResident(String json) {
        JsonObject o = JsonParser.parseString(json).getAsJsonObject();
        for (String f : List.of(
                "fileNumber",
                "civility",
                "firstName",
                "birthDate",
                "phone",
                "street",
                "email",
                "birthName",
                "preferredContactTime",
                "language",
                "landlord",
                "legalRepresentative",
                "orientingPartner",
                "synthesis",
                "accessNotes",
                "location")) {
            o.remove(f);
        }
        o.add("lastName", new JsonPrimitive(ANONYMOUS_NAME));
        if (o.has("household") && o.get("household").isJsonArray()) {
            for (JsonElement m : o.getAsJsonArray("household")) {
                if (m.isJsonObject()) {
                    m.getAsJsonObject().remove("firstName");
                    m.getAsJsonObject().remove("birthYear");
                }
            }
        }
        o.add("contacts", new JsonArray());
        return o.toString();
    }

    static String scrub(String json, EntityType type) {
        JsonObject o = JsonParser.parseString(json).getAsJsonObject();
        switch (type) {
            case APPOINTMENT -> {
                remove(o, "address", "notes", "statusReason", "safetyNotes");
                o.add("checklist", new JsonArray());
            }
            case VISIT_REPORT -> {
                o.add("synthesis", new JsonPrimitive(ANONYMISED_TEXT));
                remove(o, "followUp", "place", "checkIn");
                each(o, "actions", "target", "reference", "note");
                each(o, "orientations", "reason", "feedback");
            }
            case TASK -> o.add("title", new JsonPrimitive("Tâche anonymisée"));
            case REQUEST -> remove(o, "description");
            case CASE -> o.add("goals", new JsonArray());
            case BUDGET -> {
                remove(o, "note");
                each(o, "lines", "label");
            }
            case DEBT -> remove(o, "customerNumber", "invoices");
            case ENERGY_CONTRACT -> remove(o, "deliveryPoint", "customerNumber");
            case AID_APPLICATION -> remove(o, "note", "refusalReason");
            case OVERINDEBTEDNESS_FILE, PAYMENT_PLAN -> remove(o, "note");
            default -> {}
        }
        return o.toString();
    }

    private static void remove(JsonObject o, String... fields) {
        for (String f : fields) {
            o.remove(f);
        }
    }

    private static void each(JsonObject o, String list, String... fields) {
        JsonElement l = o.get(list);
        if (l == null || l == JsonNull.INSTANCE || !l.isJsonArray()) {
            return;
        }
        for (JsonElement item : l.getAsJsonArray()) {
            if (item.isJsonObject()) {
                remove(item.getAsJsonObject(), fields);
            }
        }
    }
}
