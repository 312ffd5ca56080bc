package fr.mediance.server.code;

import fr.mediance.protocol.CodeDto;

import java.util.ArrayList;
import java.util.List;

/**
 * The reference code lists seeded on first start (domain brief §2.2, §2.5, §2.6, §5.1, §5.7). An admin can
 * edit them later through sync; seeding only adds entries that were never stored.
 */
public final class CodeLists {
    public static final String DOMAIN = "domain";
    public static final String MEDIUM = "medium";
    public static final String DOCUMENT_TYPE = "document_type";
    public static final String APPOINTMENT_TYPE = "appointment_type";
    public static final String APPOINTMENT_STATUS = "appointment_status";
    public static final String MOBILITY_REASON = "mobility_reason";

    private CodeLists() {
    }

    public static List<CodeDto> seed() {
        List<CodeDto> all = new ArrayList<>();
        list(all, DOMAIN,
                "energie", "Énergie",
                "eau", "Eau",
                "telecom", "Télécom / internet",
                "transport", "Transport",
                "budget", "Budget",
                "credit", "Crédit / endettement",
                "assurances", "Assurances",
                "logement", "Logement",
                "caf", "Démarches administratives – CAF",
                "administratif", "Démarches administratives – France Travail, CPAM, CARSAT, impôts, MDPH",
                "contentieux", "Contentieux / litiges",
                "courriers", "Courriers",
                "numerique", "Numérique",
                "autre", "Autre");
        list(all, MEDIUM,
                "home_visit", "Visite à domicile",
                "desk_planned", "Permanence sur rendez-vous",
                "desk_spontaneous", "Permanence sans rendez-vous",
                "phone", "Téléphone",
                "external", "Extérieur",
                "mail", "Courrier",
                "email", "E-mail",
                "video", "Visio",
                "third_party", "Contact avec un tiers");
        list(all, DOCUMENT_TYPE,
                "facture", "Facture",
                "relance", "Lettre de relance / mise en demeure",
                "avis_imposition", "Avis d'imposition / de non-imposition",
                "attestation_caf", "Attestation CAF",
                "releve_compte", "Relevé de compte",
                "quittance_loyer", "Quittance de loyer / avis d'échéance",
                "piece_identite", "Pièce d'identité / titre de séjour",
                "justificatif_domicile", "Justificatif de domicile",
                "echeancier", "Échéancier",
                "notification_indu", "Notification d'indu",
                "autre", "Autre");
        list(all, APPOINTMENT_TYPE,
                "home_visit", "Visite à domicile",
                "desk", "Permanence",
                "phone", "Téléphone",
                "video", "Visio");
        list(all, APPOINTMENT_STATUS,
                "proposed", "Proposé",
                "confirmed", "Confirmé",
                "done", "Réalisé",
                "cancelled_by_resident", "Annulé par la personne",
                "no_show", "Absence",
                "cancelled_by_structure", "Annulé par la structure");
        list(all, MOBILITY_REASON,
                "elderly", "Personne âgée",
                "disability", "Handicap",
                "infant", "Nourrisson au foyer",
                "illness", "Maladie ou convalescence",
                "no_transport", "Sans moyen de transport",
                "other", "Autre");
        return List.copyOf(all);
    }

    private static void list(List<CodeDto> out, String list, String... codeLabelPairs) {
        for (int i = 0; i < codeLabelPairs.length; i += 2) {
            out.add(new CodeDto(list, codeLabelPairs[i], codeLabelPairs[i + 1], null, (i / 2 + 1) * 10, true));
        }
    }
}
