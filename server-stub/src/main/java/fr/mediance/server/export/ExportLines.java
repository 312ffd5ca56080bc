package fr.mediance.server.export;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import fr.mediance.protocol.EntityDto;
import fr.mediance.protocol.EntityType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The readable form of an export, shared by the HTML and the PDF: titles, then « libellé : valeur » lines, nested
 * records indented. Field names get a French label where one is known; ids of colleagues and partners become their
 * names; dates read {@code dd/MM/yyyy}; amounts in cents read in euros.
 */
final class ExportLines {
    enum Kind {
        TITLE,
        HEADING,
        SUBHEADING,
        LINE,
        NOTE
    }

    record Line(Kind kind, String text, int depth) {}

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final Set<String> HIDDEN = Set.of("id", "structureId", "residentId", "version");

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("fileNumber", "Numéro de dossier"),
            Map.entry("civility", "Civilité"),
            Map.entry("lastName", "Nom"),
            Map.entry("firstName", "Prénom"),
            Map.entry("birthName", "Nom de naissance"),
            Map.entry("birthDate", "Date de naissance"),
            Map.entry("birthYear", "Année de naissance"),
            Map.entry("phone", "Téléphone"),
            Map.entry("email", "Courriel"),
            Map.entry("street", "Adresse"),
            Map.entry("postcode", "Code postal"),
            Map.entry("city", "Commune"),
            Map.entry("accessNotes", "Accès au logement"),
            Map.entry("mobilityReason", "Motif de mobilité"),
            Map.entry("referentId", "Référent"),
            Map.entry("counsellorId", "Conseiller"),
            Map.entry("assigneeId", "Chargé de la tâche"),
            Map.entry("authorId", "Auteur"),
            Map.entry("recordedBy", "Enregistré par"),
            Map.entry("status", "Statut"),
            Map.entry("household", "Foyer"),
            Map.entry("contacts", "Personnes à contacter"),
            Map.entry("role", "Rôle"),
            Map.entry("relation", "Lien"),
            Map.entry("synthesis", "Synthèse"),
            Map.entry("legalProtection", "Protection juridique"),
            Map.entry("legalRepresentative", "Représentant légal"),
            Map.entry("accommodationMode", "Mode d'hébergement"),
            Map.entry("landlord", "Bailleur"),
            Map.entry("socioProfessional", "Catégorie socio-professionnelle"),
            Map.entry("orientationIn", "Orienté par"),
            Map.entry("orientingPartner", "Partenaire orienteur"),
            Map.entry("language", "Langue"),
            Map.entry("actions", "Actions"),
            Map.entry("orientations", "Orientations"),
            Map.entry("type", "Type"),
            Map.entry("title", "Titre"),
            Map.entry("text", "Texte"),
            Map.entry("notes", "Notes"),
            Map.entry("date", "Date"),
            Map.entry("dueDate", "Échéance"),
            Map.entry("start", "Début"),
            Map.entry("end", "Fin"),
            Map.entry("startsOn", "Début"),
            Map.entry("endsOn", "Fin"),
            Map.entry("openedOn", "Ouvert le"),
            Map.entry("closedOn", "Clos le"),
            Map.entry("receivedOn", "Reçue le"),
            Map.entry("channel", "Canal"),
            Map.entry("domains", "Domaines"),
            Map.entry("motifs", "Motifs"),
            Map.entry("scope", "Objet"),
            Map.entry("givenAt", "Donné le"),
            Map.entry("withdrawnAt", "Retiré le"),
            Map.entry("revokedAt", "Révoqué le"),
            Map.entry("mimeType", "Format"),
            Map.entry("sha256", "Empreinte du fichier"),
            Map.entry("retentionUntil", "Conservé jusqu'au"),
            Map.entry("supplierId", "Fournisseur"),
            Map.entry("creditorId", "Créancier"),
            Map.entry("amountCents", "Montant"),
            Map.entry("totalCents", "Montant total"),
            Map.entry("paidCents", "Montant payé"),
            Map.entry("instalments", "Échéances"),
            Map.entry("lines", "Lignes"),
            Map.entry("kind", "Nature"),
            Map.entry("decision", "Décision"),
            Map.entry("outcomes", "Résultats"),
            Map.entry("closingReason", "Motif de clôture"),
            Map.entry("summary", "Résumé"),
            Map.entry("noPhone", "Sans téléphone"),
            Map.entry("interpreterNeeded", "Interprète nécessaire"),
            Map.entry("mainResidence", "Résidence principale"),
            Map.entry("preferredContactTime", "Moment préféré pour être contacté"),
            Map.entry("name", "Nom"),
            Map.entry("link", "Lien"),
            Map.entry("caregiver", "Aidant"),
            Map.entry("livesIn", "Vit au domicile"),
            Map.entry("goals", "Objectifs"),
            Map.entry("createdAt", "Créé le"),
            Map.entry("updatedAt", "Modifié le"),
            Map.entry("caseId", "Accompagnement"),
            Map.entry("referrer", "Orienté par"),
            Map.entry("urgencies", "Urgences"),
            Map.entry("visitReportId", "Compte rendu"),
            Map.entry("sizeBytes", "Taille (octets)"),
            Map.entry("capturedAt", "Pris le"),
            Map.entry("documentType", "Type de document"),
            Map.entry("purpose", "Finalité"),
            Map.entry("agents", "Agents habilités"),
            Map.entry("duration", "Durée"),
            Map.entry("signedAt", "Signé le"),
            Map.entry("submittedAt", "Envoyé le"),
            Map.entry("dueOn", "Échéance"),
            Map.entry("paidOn", "Payé le"),
            Map.entry("agreedOn", "Accord du"),
            Map.entry("issuedOn", "Émise le"),
            Map.entry("category", "Catégorie"),
            Map.entry("energy", "Énergie"),
            Map.entry("contractId", "Contrat"));

    private final Map<String, String> names;
    private final List<Line> lines = new ArrayList<>();

    private ExportLines(Map<String, String> names) {
        this.names = names;
    }

    static List<Line> of(ResidentExport.Contents c) {
        ExportLines out = new ExportLines(c.names());
        String who =
                nonEmpty(c.resident().firstName()) + " " + nonEmpty(c.resident().lastName());
        out.add(Kind.TITLE, "Données détenues sur " + who.trim(), 0);
        out.add(
                Kind.NOTE,
                "Export au titre du droit d'accès (RGPD, article 15), produit le "
                        + TIME.format(c.generatedAt().atZone(PARIS)) + " par " + c.generatedBy()
                        + (c.structureName().isEmpty() ? "" : " (" + c.structureName() + ")") + ".",
                0);
        out.add(Kind.HEADING, "Identité et dossier", 0);
        out.fields(ResidentExport.tree(c.resident()), 0);
        for (Map.Entry<EntityType, String> s : ResidentExport.SECTIONS.entrySet()) {
            List<EntityDto> records = c.sections().getOrDefault(s.getKey(), List.of());
            out.add(Kind.HEADING, s.getValue() + " (" + records.size() + ")", 0);
            if (records.isEmpty()) {
                out.add(Kind.LINE, "Aucun.", 0);
            }
            int n = 1;
            for (EntityDto r : records) {
                out.add(Kind.SUBHEADING, s.getValue() + " n° " + n++, 0);
                out.fields(ResidentExport.tree(r), 0);
            }
        }
        out.add(Kind.HEADING, "À savoir", 0);
        out.add(Kind.NOTE, ResidentExport.PRIVATE_NOTES_NOTICE, 0);
        out.add(Kind.NOTE, ResidentExport.CONFLICTS_NOTICE, 0);
        return out.lines;
    }

    private void add(Kind kind, String text, int depth) {
        lines.add(new Line(kind, text, depth));
    }

    private void fields(JsonObject o, int depth) {
        for (Map.Entry<String, JsonElement> e : o.entrySet()) {
            if (HIDDEN.contains(e.getKey())) {
                continue;
            }
            JsonElement v = e.getValue();
            String label = label(e.getKey());
            if (v == null || v.isJsonNull()) {
                continue;
            }
            if (v.isJsonPrimitive()) {
                String text = value(e.getKey(), v.getAsString());
                if (!text.isEmpty()) {
                    add(Kind.LINE, label + " : " + text, depth);
                }
            } else if (v.isJsonObject()) {
                add(Kind.LINE, label + " :", depth);
                fields(v.getAsJsonObject(), depth + 1);
            } else if (v.isJsonArray()) {
                JsonArray a = v.getAsJsonArray();
                if (a.isEmpty()) {
                    continue;
                }
                if (a.get(0).isJsonPrimitive()) {
                    List<String> items = new ArrayList<>();
                    a.forEach(x -> items.add(value(e.getKey(), x.getAsString())));
                    add(Kind.LINE, label + " : " + String.join(", ", items), depth);
                } else {
                    add(Kind.LINE, label + " (" + a.size() + ") :", depth);
                    int i = 1;
                    for (JsonElement item : a) {
                        if (item.isJsonObject()) {
                            add(Kind.LINE, "— " + i++, depth + 1);
                            fields(item.getAsJsonObject(), depth + 2);
                        }
                    }
                }
            }
        }
    }

    private String value(String key, String raw) {
        String named = names.get(raw);
        if (named != null) {
            return named;
        }
        if ("true".equals(raw)) {
            return "oui";
        }
        if ("false".equals(raw)) {
            return "non";
        }
        if (key.endsWith("Cents")) {
            try {
                long cents = Long.parseLong(raw);
                return String.format(java.util.Locale.FRANCE, "%,.2f €", cents / 100.0)
                        .replace('\u202f', ' ');
            } catch (NumberFormatException e) {
                return raw;
            }
        }
        if (raw.length() == 10 && raw.charAt(4) == '-' && raw.charAt(7) == '-') {
            try {
                return DAY.format(LocalDate.parse(raw));
            } catch (DateTimeParseException e) {
                return raw;
            }
        }
        if (raw.length() >= 20 && raw.charAt(10) == 'T' && raw.endsWith("Z")) {
            try {
                return TIME.format(Instant.parse(raw).atZone(PARIS));
            } catch (DateTimeParseException e) {
                return raw;
            }
        }
        return raw;
    }

    private static String label(String key) {
        String l = LABELS.get(key);
        return l != null ? l : key;
    }

    private static String nonEmpty(String s) {
        return s == null ? "" : s;
    }
}
