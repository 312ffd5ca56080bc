package fr.mediance.server.export;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import fr.mediance.protocol.CodeDto;
import fr.mediance.protocol.DocumentDto;
import fr.mediance.protocol.EntityDto;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.PartnerDto;
import fr.mediance.protocol.PrivateNoteDto;
import fr.mediance.protocol.ResidentDto;
import fr.mediance.protocol.json.MedianceJson;
import fr.mediance.server.DomainException;
import fr.mediance.server.auth.AuthUser;
import fr.mediance.server.db.Database;
import fr.mediance.server.sync.EntityStore;
import fr.mediance.server.sync.StoredEntity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the structure holds about one resident (GDPR art. 15): the file with its household and contacts, and
 * every record about the resident, live, of the caller's structure, in the protocol's wire form. Private notes are
 * the exception: only the caller's own are included, because a private note is readable by its author only (domain
 * brief §8); the export says so.
 */
public final class ResidentExport {
    /** The sections after the resident's file, in the order they are printed, with their French titles. */
    static final Map<EntityType, String> SECTIONS = sections();

    public static final String PRIVATE_NOTES_NOTICE = "Les notes privées des professionnels ne figurent pas dans cet"
            + " export, sauf celles de la personne qui l'a produit : une note privée n'est lisible que par son auteur"
            + " (règles de confidentialité de la structure). L'habitant peut en demander communication à son auteur"
            + " ou au responsable du traitement, qui y répond dans le délai d'un mois.";

    public static final String CONFLICTS_NOTICE = "Les désaccords de saisie en attente (deux valeurs d'un même champ)"
            + " ne sont pas repris : la valeur retenue figure dans le dossier.";

    private static Map<EntityType, String> sections() {
        Map<EntityType, String> m = new LinkedHashMap<>();
        m.put(EntityType.CASE, "Accompagnements");
        m.put(EntityType.REQUEST, "Demandes");
        m.put(EntityType.APPOINTMENT, "Rendez-vous");
        m.put(EntityType.VISIT_REPORT, "Visites et comptes rendus (actions, orientations)");
        m.put(EntityType.TASK, "Tâches de suivi");
        m.put(EntityType.CONSENT, "Consentements");
        m.put(EntityType.MANDATE, "Mandats");
        m.put(EntityType.DOCUMENT, "Documents");
        m.put(EntityType.ENERGY_CONTRACT, "Contrats d'énergie");
        m.put(EntityType.DEBT, "Dettes");
        m.put(EntityType.PAYMENT_PLAN, "Échéanciers");
        m.put(EntityType.BUDGET, "Budgets");
        m.put(EntityType.AID_APPLICATION, "Demandes d'aide");
        m.put(EntityType.OVERINDEBTEDNESS_FILE, "Surendettement");
        m.put(EntityType.PRIVATE_NOTE, "Notes privées (de la personne qui a produit l'export)");
        return java.util.Collections.unmodifiableMap(m);
    }

    /** What was gathered: the file, the records by section, and names for the ids they hold. */
    public record Contents(
            ResidentDto resident,
            String structureName,
            Map<EntityType, List<EntityDto>> sections,
            Map<String, String> names,
            Instant generatedAt,
            String generatedBy) {
        public List<DocumentDto> documents() {
            return sections.getOrDefault(EntityType.DOCUMENT, List.of()).stream()
                    .map(DocumentDto.class::cast)
                    .toList();
        }
    }

    private final Database db;
    private final EntityStore store = new EntityStore();

    public ResidentExport(Database db) {
        this.db = db;
    }

    /** Gathers the export; 404 when the resident is not a live resident of the caller's structure. */
    public Contents gather(AuthUser caller, String residentId, Instant now) {
        return db.read(tx -> {
            StoredEntity resident = store.find(tx, EntityType.RESIDENT, residentId)
                    .filter(e -> !e.deleted() && caller.structureId().equals(e.structureId()))
                    .orElseThrow(() -> DomainException.notFound("not_found", "Cet habitant est introuvable."));
            Map<EntityType, List<EntityDto>> sections = new LinkedHashMap<>();
            for (EntityType type : SECTIONS.keySet()) {
                List<String> ids = store.idsAboutResident(tx, type, residentId);
                List<EntityDto> records = new ArrayList<>();
                for (StoredEntity e : store.findAll(tx, type, ids)) {
                    if (e.deleted() || !caller.structureId().equals(e.structureId())) {
                        continue;
                    }
                    if (e.data() instanceof PrivateNoteDto note && !caller.id().equals(note.authorId())) {
                        continue;
                    }
                    records.add(e.data());
                }
                records.sort(Comparator.comparing(EntityDto::id));
                sections.put(type, records);
            }
            Map<String, String> names = new HashMap<>();
            tx.query(
                    "SELECT id, display_name FROM users WHERE structure_id = ?",
                    rs -> names.put(rs.getString(1), rs.getString(2)),
                    caller.structureId());
            tx.query("SELECT data FROM partners WHERE deleted = 0", rs -> {
                PartnerDto p = MedianceJson.gson().fromJson(rs.getString(1), PartnerDto.class);
                return names.put(p.id(), p.name());
            });
            // labels of the codes (« elderly » reads « Personne âgée »); ids above take precedence
            tx.query("SELECT data FROM codes WHERE deleted = 0", rs -> {
                CodeDto code = MedianceJson.gson().fromJson(rs.getString(1), CodeDto.class);
                return code.label() == null ? null : names.putIfAbsent(code.code(), code.label());
            });
            String structure = tx.queryOne(
                            "SELECT name FROM structures WHERE id = ?", rs -> rs.getString(1), caller.structureId())
                    .orElse("");
            return new Contents(
                    (ResidentDto) resident.data(),
                    structure,
                    sections,
                    names,
                    now,
                    caller.displayName() == null ? caller.username() : caller.displayName());
        });
    }

    /** The machine-readable export: every record in the protocol's JSON, by entity type. */
    public static JsonObject json(Contents c) {
        JsonObject root = new JsonObject();
        root.addProperty("format", "mediance-resident-export/1");
        root.addProperty("generatedAt", c.generatedAt().toString());
        root.addProperty("generatedBy", c.generatedBy());
        root.addProperty("structure", c.structureName());
        root.add("resident", MedianceJson.gson().toJsonTree(c.resident(), ResidentDto.class));
        JsonObject sections = new JsonObject();
        c.sections().forEach((type, records) -> {
            JsonArray a = new JsonArray();
            for (EntityDto r : records) {
                a.add(MedianceJson.gson().toJsonTree(r, r.getClass()));
            }
            sections.add(type.code(), a);
        });
        root.add("records", sections);
        JsonArray notices = new JsonArray();
        notices.add(PRIVATE_NOTES_NOTICE);
        notices.add(CONFLICTS_NOTICE);
        root.add("notices", notices);
        return root;
    }

    /** The file as a JSON tree (for the readable renderings). */
    static JsonObject tree(EntityDto r) {
        JsonElement t = MedianceJson.gson().toJsonTree(r, r.getClass());
        return t.getAsJsonObject();
    }
}
