package fr.mediance.server.code;

import fr.mediance.protocol.CodeDto;
import fr.mediance.protocol.CodeValues;
import fr.mediance.protocol.ListNames;
import fr.mediance.rules.LegalValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The reference code lists seeded on first start (domain brief §2.2–§2.8, §2.14, §2.16, §5), in French with
 * stable lowercase codes. The office, the coordination and the admin edit them later through sync; seeding only
 * adds entries that were never stored. Some lists carry a parameter in {@link CodeDto#value()}: an ISO period
 * (mandate durations, document retention, the default retention), a number of days (task rules).
 */
public final class CodeLists {
    public static final String DOMAIN = ListNames.DOMAIN;
    public static final String MEDIUM = ListNames.MEDIUM;
    public static final String DOCUMENT_TYPE = ListNames.DOCUMENT_TYPE;
    public static final String APPOINTMENT_TYPE = ListNames.APPOINTMENT_TYPE;
    public static final String APPOINTMENT_STATUS = ListNames.APPOINTMENT_STATUS;
    public static final String MOBILITY_REASON = ListNames.MOBILITY_REASON;
    /** The setting whose value is the current version of the information notice. */
    public static final String SETTING_INFORMATION_NOTICE = "information_notice";
    /** The setting whose value is the retention of a document whose type has none (an ISO period). */
    public static final String SETTING_RETENTION_DEFAULT = CodeValues.SETTING_RETENTION_DEFAULT;

    /** Every list a code may belong to. */
    public static final Set<String> NAMES = Set.copyOf(ListNames.ALL);

    private CodeLists() {}

    public static List<CodeDto> seed() {
        List<CodeDto> all = new ArrayList<>();
        list(
                all,
                DOMAIN,
                "energie",
                "Énergie",
                "eau",
                "Eau",
                "telecom",
                "Télécom / internet",
                "transport",
                "Transport",
                "budget",
                "Budget",
                "credit",
                "Crédit / endettement",
                "assurances",
                "Assurances",
                "logement",
                "Logement",
                "caf",
                "Démarches administratives – CAF",
                "administratif",
                "Démarches administratives – France Travail, CPAM, CARSAT, impôts, MDPH",
                "contentieux",
                "Contentieux / litiges",
                "courriers",
                "Courriers",
                "numerique",
                "Numérique",
                "autre",
                "Autre");
        motifs(
                all,
                "energie",
                "energie_impaye",
                "Impayé d'électricité / gaz",
                "energie_coupure",
                "Coupure / réduction de puissance",
                "energie_contestation",
                "Contestation de facture / régularisation",
                "energie_contrat",
                "Changement de fournisseur / contrat",
                "energie_mensualisation",
                "Mensualisation",
                "energie_cheque",
                "Chèque énergie",
                "energie_maitrise",
                "Maîtrise de la consommation / éco-gestes");
        motifs(
                all,
                "eau",
                "eau_impaye",
                "Impayé d'eau",
                "eau_contestation",
                "Contestation de facture d'eau",
                "eau_fuite",
                "Fuite",
                "eau_fsl",
                "Aide FSL eau");
        motifs(
                all,
                "telecom",
                "telecom_impaye",
                "Impayé télécom",
                "telecom_contestation",
                "Contestation",
                "telecom_resiliation",
                "Résiliation",
                "telecom_offre_sociale",
                "Offre sociale",
                "telecom_maintien",
                "Maintien de ligne");
        motifs(
                all,
                "transport",
                "transport_abonnement",
                "Abonnement",
                "transport_tarif_solidaire",
                "Tarif solidaire",
                "transport_amende",
                "Amende / régularisation");
        motifs(
                all,
                "budget",
                "budget_diagnostic",
                "Diagnostic budgétaire",
                "budget_decouvert",
                "Découvert / frais bancaires",
                "budget_droit_compte",
                "Accès au compte (droit au compte)",
                "budget_microcredit",
                "Microcrédit",
                "budget_epargne",
                "Épargne");
        motifs(
                all,
                "credit",
                "credit_renouvelable",
                "Crédit renouvelable",
                "credit_rachat",
                "Rachat / renégociation",
                "credit_surendettement",
                "Surendettement (constitution, suivi de plan, recours)");
        motifs(
                all,
                "assurances",
                "assurance_habitation",
                "Assurance habitation",
                "assurance_auto",
                "Assurance auto",
                "assurance_sante",
                "Santé / mutuelle",
                "assurance_emprunteur",
                "Assurance emprunteur",
                "assurance_sinistre",
                "Sinistre",
                "assurance_resiliation",
                "Résiliation d'assurance");
        motifs(
                all,
                "logement",
                "logement_impaye",
                "Impayé de loyer / charges, plan d'apurement",
                "logement_expulsion",
                "Prévention des expulsions",
                "logement_social",
                "Demande de logement social",
                "logement_travaux",
                "Travaux / décence",
                "logement_apl",
                "APL");
        motifs(
                all,
                "caf",
                "caf_prestations",
                "RSA, prime d'activité, AL/APL, prestations familiales, AAH",
                "caf_indu",
                "Indu CAF",
                "caf_declaration",
                "Déclaration trimestrielle");
        motifs(
                all,
                "administratif",
                "admin_france_travail",
                "France Travail (inscription, actualisation, indu)",
                "admin_cpam",
                "CPAM (carte Vitale, C2S, indemnités journalières)",
                "admin_carsat",
                "CARSAT (retraite, ASPA)",
                "admin_impots",
                "Impôts (déclaration, paiement, remise, échéancier)",
                "admin_mdph",
                "MDPH");
        motifs(
                all,
                "contentieux",
                "contentieux_consommation",
                "Litige de consommation",
                "contentieux_commissaire",
                "Huissier / commissaire de justice",
                "contentieux_injonction",
                "Injonction de payer",
                "contentieux_saisie",
                "Saisie");
        motifs(
                all,
                "courriers",
                "courrier_redaction",
                "Rédaction de courrier",
                "courrier_lecture",
                "Lecture / explication de courrier");
        motifs(
                all,
                "numerique",
                "numerique_compte",
                "Création de compte",
                "numerique_franceconnect",
                "FranceConnect",
                "numerique_accompagnement",
                "Accompagnement en ligne");
        motifs(all, "autre", "autre", "Autre");
        list(
                all,
                MEDIUM,
                "home_visit",
                "Visite à domicile",
                "desk_planned",
                "Permanence sur rendez-vous",
                "desk_spontaneous",
                "Permanence sans rendez-vous",
                "phone",
                "Téléphone",
                "external",
                "Extérieur",
                "mail",
                "Courrier",
                "email",
                "E-mail",
                "video",
                "Visio",
                "third_party",
                "Contact avec un tiers");
        withValues(
                all,
                DOCUMENT_TYPE,
                "facture",
                "Facture",
                "P6M",
                "relance",
                "Lettre de relance / mise en demeure",
                "P6M",
                "avis_imposition",
                "Avis d'imposition / de non-imposition",
                "P1Y",
                "attestation_caf",
                "Attestation CAF",
                "P1Y",
                "releve_compte",
                "Relevé de compte",
                "P1Y",
                "quittance_loyer",
                "Quittance de loyer / avis d'échéance",
                "P6M",
                "piece_identite",
                "Pièce d'identité / titre de séjour",
                "P3M",
                "justificatif_domicile",
                "Justificatif de domicile",
                "P3M",
                "echeancier",
                "Échéancier",
                "P1Y",
                "notification_indu",
                "Notification d'indu",
                "P6M",
                "autre",
                "Autre",
                "P1Y",
                "livret_famille",
                "Livret de famille",
                "P3M",
                "jugement",
                "Jugement (divorce, pension alimentaire…)",
                "P1Y",
                "bulletin_salaire",
                "Bulletin de salaire",
                "P1Y",
                "attestation_france_travail",
                "Attestation France Travail",
                "P1Y",
                "releve_pension",
                "Relevé de pension",
                "P1Y",
                "rib",
                "RIB",
                "P1Y",
                "justificatif_dette",
                "Justificatif de dette certifié par le fournisseur",
                "P6M",
                "contrat_credit",
                "Contrat de crédit / tableau d'amortissement",
                "P1Y",
                "bail",
                "Bail",
                "P1Y",
                "attestation_logement",
                "Attestation de logement",
                "P1Y",
                "taxe_fonciere",
                "Taxe foncière",
                "P1Y",
                "attestation_contrat_energie",
                "Attestation de contrat d'électricité",
                "P6M",
                "attestation_cheque_energie",
                "Attestation chèque énergie",
                "P1Y",
                "commandement_payer",
                "Commandement de payer / assignation",
                "P6M",
                "proces_verbal_saisie",
                "Procès-verbal de saisie",
                "P6M",
                "plan_surendettement",
                "Plan de surendettement",
                "P1Y",
                "decision_protection",
                "Décision de protection juridique",
                "P1Y",
                "carte_grise",
                "Carte grise",
                "P1Y",
                "courrier",
                "Courrier",
                "P6M",
                "fiche_budgetaire",
                "Fiche budgétaire",
                "P1Y",
                "signature",
                "Signature",
                "P6Y",
                "mandat",
                "Mandat",
                "P6Y",
                "consentement",
                "Consentement",
                "P6Y",
                "compte_rendu",
                "Compte rendu de visite",
                "P1Y");
        list(
                all,
                ListNames.DOCUMENT_PURPOSE,
                "fsl",
                "FSL",
                "cheque_energie",
                "Chèque énergie",
                "surendettement",
                "Surendettement",
                "echeancier",
                "Échéancier",
                "caf",
                "CAF",
                "mediateur",
                "Médiateur",
                "autre",
                "Autre");
        list(
                all,
                APPOINTMENT_TYPE,
                "home_visit",
                "Visite à domicile",
                "desk",
                "Permanence",
                "phone",
                "Téléphone",
                "video",
                "Visio");
        list(
                all,
                APPOINTMENT_STATUS,
                "proposed",
                "Proposé",
                "confirmed",
                "Confirmé",
                "done",
                "Réalisé",
                "cancelled_by_resident",
                "Annulé par la personne",
                "no_show",
                "Absence",
                "cancelled_by_structure",
                "Annulé par la structure");
        list(
                all,
                ListNames.CANCEL_REASON,
                "resident_unavailable",
                "Personne indisponible",
                "resident_ill",
                "Personne malade ou hospitalisée",
                "resident_absent",
                "Personne absente au rendez-vous",
                "counsellor_unavailable",
                "Conseiller ou conseillère indisponible",
                "weather_transport",
                "Intempéries ou problème de transport",
                "no_longer_needed",
                "Démarche devenue inutile",
                "other",
                "Autre");
        list(
                all,
                MOBILITY_REASON,
                "elderly",
                "Personne âgée",
                "disability",
                "Handicap",
                "infant",
                "Nourrisson au foyer",
                "illness",
                "Maladie ou convalescence",
                "no_transport",
                "Sans moyen de transport",
                "other",
                "Autre");
        list(
                all,
                ListNames.RESIDENT_STATUS,
                "actif",
                "Actif",
                "inactif",
                "Inactif",
                "archive",
                "Archivé",
                "decede",
                "Décédé");
        list(
                all,
                ListNames.ACCOMMODATION_MODE,
                "owner",
                "Propriétaire",
                "social_tenant",
                "Locataire du parc social",
                "private_tenant",
                "Locataire du parc privé",
                "hosted",
                "Hébergé par un tiers",
                "emergency_housing",
                "Hébergement d'urgence (CHRS, CHU)",
                "makeshift",
                "Logement de fortune",
                "care_home",
                "EHPAD / résidence",
                "substandard",
                "Logement insalubre");
        list(
                all,
                ListNames.SOCIO_PROFESSIONAL,
                "employed",
                "Salarié",
                "retired",
                "Retraité",
                "job_seeker",
                "Demandeur d'emploi",
                "disability",
                "Invalidité / handicap",
                "sick_leave",
                "Arrêt maladie",
                "at_home",
                "Au foyer",
                "no_activity",
                "Sans activité",
                "other",
                "Autre");
        list(
                all,
                ListNames.LEGAL_PROTECTION,
                "tutelle",
                "Tutelle",
                "curatelle_simple",
                "Curatelle simple",
                "curatelle_renforcee",
                "Curatelle renforcée",
                "sauvegarde_justice",
                "Sauvegarde de justice",
                "habilitation_familiale",
                "Habilitation familiale",
                "masp",
                "Mesure d'accompagnement social personnalisé (MASP)",
                "maj",
                "Mesure d'accompagnement judiciaire (MAJ)",
                "mandat_protection_future",
                "Mandat de protection future");
        list(
                all,
                ListNames.ORIENTATION_IN,
                "spontaneous",
                "Démarche spontanée",
                "partner",
                "Partenaire (EDF, CAF, bailleur, CCAS…)",
                "social_worker",
                "Travailleur social",
                "elected_official",
                "Élu",
                "third_party_report",
                "Signalement d'un tiers");
        list(
                all,
                ListNames.HOUSEHOLD_ROLE,
                "declarant",
                "Déclarant",
                "spouse",
                "Conjoint",
                "child_under_14",
                "Enfant de moins de 14 ans",
                "child_14_plus",
                "Enfant de 14 ans ou plus",
                "other_adult",
                "Autre adulte");
        list(
                all,
                ListNames.PERSON_PRESENT,
                "resident",
                "La personne",
                "spouse",
                "Conjoint",
                "child",
                "Enfant",
                "caregiver",
                "Aidant",
                "relative",
                "Proche",
                "interpreter",
                "Interprète",
                "third_party",
                "Tiers");
        list(
                all,
                ListNames.ACTION_TYPE,
                "information_droits",
                "Information / explication de droits",
                "lecture_courrier",
                "Lecture / explication de courrier",
                "appel_creancier",
                "Appel au créancier / fournisseur",
                "negociation_echeancier",
                "Négociation d'échéancier",
                "demande_report",
                "Demande de report / suspension de recouvrement",
                "demande_retablissement",
                "Demande de rétablissement / maintien de fourniture",
                "contestation_facture",
                "Contestation de facture",
                "saisine_mediateur",
                "Saisine d'un médiateur",
                "demande_aide_fsl",
                "Demande d'aide FSL",
                "demande_aide",
                "Demande d'aide (CCAS, caisse de retraite, fonds fournisseur, association)",
                "demande_cheque_energie",
                "Demande de chèque énergie / envoi de l'attestation",
                "tarif_social",
                "Demande de tarif social / offre sociale",
                "dossier_surendettement",
                "Constitution d'un dossier de surendettement",
                "dossier_administratif",
                "Constitution d'un dossier CAF, CPAM, retraite ou MDPH",
                "declaration_en_ligne",
                "Déclaration / actualisation en ligne",
                "redaction_courrier",
                "Rédaction de courrier",
                "diagnostic_budgetaire",
                "Diagnostic budgétaire",
                "eco_gestes",
                "Conseils éco-gestes / relevé de compteur",
                "orientation",
                "Orientation",
                "accompagnement_physique",
                "Accompagnement physique");
        list(
                all,
                ListNames.ACTION_RESULT,
                "pending",
                "En attente",
                "obtained",
                "Obtenu",
                "refused",
                "Refusé",
                "partial",
                "Obtenu en partie",
                "no_answer",
                "Sans réponse");
        list(
                all,
                ListNames.ORIENTATION_TARGET,
                "mds",
                "Travailleur social du Département (MDS)",
                "ccas",
                "CCAS",
                "caf",
                "CAF (travailleur social, technicien)",
                "cpam",
                "CPAM (PFIDASS)",
                "carsat",
                "CARSAT (service social)",
                "msa",
                "MSA",
                "france_travail",
                "France Travail",
                "pcb",
                "Point conseil budget",
                "cresus",
                "Crésus",
                "udaf",
                "UDAF",
                "banque_de_france",
                "Banque de France",
                "adil",
                "ADIL",
                "point_justice",
                "Point-justice",
                "avocat",
                "Avocat / aide juridictionnelle",
                "france_renov",
                "France Rénov'",
                "bailleur",
                "Bailleur (travaux)",
                "france_services",
                "France Services",
                "conseiller_numerique",
                "Conseiller numérique",
                "aide_alimentaire",
                "Aide alimentaire",
                "associations",
                "Associations caritatives",
                "sante",
                "Services de santé",
                "mdph",
                "MDPH",
                "clic",
                "CLIC / services pour personnes âgées",
                "saad",
                "Service d'aide à domicile (SAAD)",
                "correspondant_solidarite",
                "Correspondant solidarité EDF / Engie",
                "mediateur",
                "Médiateur");
        list(
                all,
                ListNames.ORIENTATION_MODE,
                "warm_handover",
                "Mise en relation par téléphone",
                "information_only",
                "Information seule",
                "letter_or_form",
                "Courrier ou formulaire");
        list(
                all,
                ListNames.ORIENTATION_FEEDBACK,
                "reached",
                "Contact établi",
                "taken_in_charge",
                "Prise en charge",
                "not_reached",
                "Non joint");
        list(all, ListNames.SUPPLY_STATE, "normal", "Normale", "limited", "Puissance réduite", "cut", "Coupée");
        list(
                all,
                ListNames.HEATING_TYPE,
                "electric",
                "Électrique (convecteurs, radiateurs)",
                "heat_pump",
                "Pompe à chaleur",
                "individual_gas",
                "Gaz individuel",
                "collective",
                "Chauffage collectif",
                "fuel_oil",
                "Fioul",
                "wood",
                "Bois / granulés",
                "heat_network",
                "Réseau de chaleur",
                "none",
                "Aucun",
                "other",
                "Autre");
        list(
                all,
                ListNames.ECO_GESTURE,
                "temperature_19",
                "Chauffer à 19 °C dans les pièces de vie",
                "standby_off",
                "Éteindre les appareils en veille",
                "led",
                "Remplacer les ampoules par des LED",
                "defrost",
                "Dégivrer le réfrigérateur et le congélateur",
                "lid",
                "Cuire avec un couvercle",
                "water_heater_55",
                "Régler le chauffe-eau à 55 °C",
                "shower",
                "Préférer la douche au bain",
                "airing",
                "Aérer 5 à 10 minutes par jour",
                "wash_30",
                "Laver le linge à 30 °C",
                "off_peak",
                "Utiliser les heures creuses",
                "draught_proofing",
                "Calfeutrer portes et fenêtres");
        list(
                all,
                ListNames.EQUIPMENT_ISSUE,
                "old_fridge",
                "Réfrigérateur ancien",
                "convectors",
                "Convecteurs électriques énergivores",
                "humidity",
                "Humidité / moisissures",
                "single_glazing",
                "Fenêtres mal isolées",
                "water_heater",
                "Chauffe-eau défectueux",
                "water_leak",
                "Fuite d'eau",
                "unsafe_wiring",
                "Installation électrique dangereuse",
                "space_heater",
                "Chauffage d'appoint au pétrole ou au gaz",
                "other",
                "Autre");
        list(
                all,
                ListNames.RENOVATION_ORIENTATION,
                "none",
                "Aucune",
                "france_renov",
                "France Rénov'",
                "landlord",
                "Bailleur");
        list(
                all,
                ListNames.CONSENT_SCOPE,
                "information_notice",
                "Notice d'information remise",
                "share_with_partner",
                "Transmission à un partenaire",
                "contact_creditor",
                "Contact d'un créancier",
                "photo_documents",
                "Photographie des documents",
                "sensitive_data_health",
                "Données de santé");
        withValues(
                all,
                ListNames.MANDATE_DURATION,
                "one_day",
                "1 jour",
                "P1D",
                "one_month",
                "1 mois",
                "P1M",
                "six_months",
                "6 mois",
                "P6M",
                "one_year",
                "1 an",
                "P1Y");
        list(
                all,
                ListNames.MANDATE_CHANNEL,
                "tablet_signature",
                "Signature sur tablette",
                "paper",
                "Papier",
                "aidants_connect",
                "Aidants Connect");
        rules(
                all,
                "fsl_decision",
                "Vérifier la décision du FSL",
                "demande_aide_fsl",
                "60",
                "echeancier_check",
                "Vérifier le respect de l'échéancier",
                "negociation_echeancier",
                "15",
                "mediator_possible",
                "Saisine du médiateur possible si pas de réponse",
                "contestation_facture",
                "60",
                "cheque_energie_check",
                "Vérifier la réception du chèque énergie",
                "demande_cheque_energie",
                "30",
                "orientation_check",
                "Vérifier la prise en charge de l'orientation",
                "orientation",
                "15");
        withValues(
                all,
                ListNames.SETTING,
                SETTING_INFORMATION_NOTICE,
                "Notice d'information RGPD",
                "2026-1",
                SETTING_RETENTION_DEFAULT,
                "Durée de conservation par défaut des documents",
                "P6M");
        aids(all);
        int order = 10;
        for (Map.Entry<String, String> legal : LegalValues.defaults().entrySet()) {
            all.add(new CodeDto(
                    ListNames.LEGAL_VALUE,
                    legal.getKey(),
                    LegalValues.label(legal.getKey()),
                    null,
                    order,
                    true,
                    legal.getValue()));
            order += 10;
        }
        return List.copyOf(all);
    }

    /**
     * Aid kinds (domain brief §2.10; parent = the domain they are for), the documents an FSL file needs (§3.4,
     * §5.7; parent = the aid kind, value = the document type) and the FSL rules of the départements the brief
     * quotes (Aisne, Manche, Seine-et-Marne); the office adds its own département's.
     */
    private static void aids(List<CodeDto> all) {
        String[][] kinds = {
            {"fsl_energie", "FSL énergie", "energie"},
            {"fsl_eau", "FSL eau", "eau"},
            {"fsl_telecom", "FSL téléphone / internet", "telecom"},
            {"fsl_maintien", "FSL maintien dans le logement (loyer)", "logement"},
            {"fsl_acces", "FSL accès au logement", "logement"},
            {"cheque_energie", "Chèque énergie (réclamation)", "energie"},
            {"ccas", "Aide facultative du CCAS", "budget"},
            {"caf", "Aide financière de la CAF", "caf"},
            {"fonds_fournisseur", "Fonds de solidarité du fournisseur", "energie"},
            {"carsat", "Aide de la CARSAT / caisse de retraite", "budget"},
            {"caritatif", "Association caritative (Secours populaire, Secours catholique, Croix-Rouge)", "budget"},
            {"microcredit", "Microcrédit personnel", "credit"}
        };
        for (int i = 0; i < kinds.length; i++) {
            all.add(new CodeDto(ListNames.AID_KIND, kinds[i][0], kinds[i][1], kinds[i][2], (i + 1) * 10, true));
        }
        String[][] fslEnergy = {
            {"piece_identite", "Pièce d'identité / titre de séjour"},
            {"justificatif_domicile", "Justificatif de domicile"},
            {"avis_imposition", "Avis d'imposition / de non-imposition"},
            {"attestation_caf", "Attestation CAF (droits et paiements)"},
            {"bulletin_salaire", "Justificatifs de ressources des 3 derniers mois"},
            {"facture", "Factures concernées"},
            {"justificatif_dette", "Justificatif de dette certifié par le fournisseur"},
            {"rib", "RIB"}
        };
        int order = 10;
        for (String kind : List.of("fsl_energie", "fsl_eau")) {
            for (int j = 0; j < fslEnergy.length; j++) {
                all.add(new CodeDto(
                        ListNames.AID_CHECKLIST,
                        kind + "-" + (j + 1),
                        fslEnergy[j][1],
                        kind,
                        order,
                        true,
                        fslEnergy[j][0]));
                order += 10;
            }
        }
        withValues(
                all,
                ListNames.FSL_RULE,
                "02",
                "Aisne (quotient social ≤ 636 €)",
                "delai=15;seul=energie,eau;qf=636",
                "50",
                "Manche (QF ≤ 800 €, rapport social au-delà)",
                "delai=20;seul=energie,eau;qf=800",
                "77",
                "Seine-et-Marne (énergie, eau, téléphone ; dettes de moins d'un an)",
                "delai=15;seul=energie,eau,telecom");
    }

    private static void list(List<CodeDto> out, String list, String... codeLabelPairs) {
        for (int i = 0; i < codeLabelPairs.length; i += 2) {
            out.add(new CodeDto(list, codeLabelPairs[i], codeLabelPairs[i + 1], null, (i / 2 + 1) * 10, true));
        }
    }

    private static void withValues(List<CodeDto> out, String list, String... codeLabelValues) {
        for (int i = 0; i < codeLabelValues.length; i += 3) {
            out.add(new CodeDto(
                    list,
                    codeLabelValues[i],
                    codeLabelValues[i + 1],
                    null,
                    (i / 3 + 1) * 10,
                    true,
                    codeLabelValues[i + 2]));
        }
    }

    /** Motifs of one domain: their parent is the domain; their order follows the domains'. */
    private static void motifs(List<CodeDto> out, String domain, String... codeLabelPairs) {
        int base =
                (int) out.stream().filter(c -> c.list().equals(ListNames.MOTIF)).count();
        for (int i = 0; i < codeLabelPairs.length; i += 2) {
            out.add(new CodeDto(
                    ListNames.MOTIF, codeLabelPairs[i], codeLabelPairs[i + 1], domain, (base + i / 2 + 1) * 10, true));
        }
    }

    /** Task rules: code, title, the action type that triggers it, the delay in days. */
    private static void rules(List<CodeDto> out, String... codeLabelParentValue) {
        for (int i = 0; i < codeLabelParentValue.length; i += 4) {
            out.add(new CodeDto(
                    ListNames.TASK_RULE,
                    codeLabelParentValue[i],
                    codeLabelParentValue[i + 1],
                    codeLabelParentValue[i + 2],
                    (i / 4 + 1) * 10,
                    true,
                    codeLabelParentValue[i + 3]));
        }
    }
}
