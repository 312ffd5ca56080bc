package fr.mediance.server.partner;

import fr.mediance.protocol.PartnerDto;
import fr.mediance.protocol.PartnerServiceDto;
import java.util.ArrayList;
import java.util.List;

/**
 * The partner directory seeded on first start (domain brief §5.2): the national organisations every Point Service aux
 * Particuliers deals with (energy suppliers — with the codes of the former "partner" list, which debts and contracts
 * already name —, network operators, water, telecom, mediators, Banque de France), and, for the demo, the public
 * desks of the Bouches-du-Rhône (CAF, CPAM, CARSAT Sud-Est, the Département's FSL, a CCAS, associations). Only the
 * public contact details of organisations: never a resident's data. The numbers are the organisations' public lines as
 * published; the office checks and edits them like any entry.
 */
public final class PartnerDirectory {
    private static final List<String> NONE = List.of();

    private PartnerDirectory() {}

    /** The national directory, seeded on every server. */
    public static List<PartnerDto> national() {
        List<PartnerDto> out = new ArrayList<>();
        out.add(
                partner(
                        "edf",
                        "fournisseur_energie",
                        "EDF",
                        List.of("energie"),
                        "https://particulier.edf.fr",
                        service(
                                "clients",
                                "Service clients particuliers",
                                null,
                                null,
                                null,
                                "09 69 32 15 15",
                                "Lun–sam 8h–20h",
                                List.of("facture"),
                                "Numéro non surtaxé. Avec le mandat du résident et son numéro de client."),
                        service(
                                "solidarite",
                                "Accompagnement énergie (solidarité)",
                                null,
                                null,
                                null,
                                "09 69 36 11 11",
                                "Lun–ven 8h–18h",
                                List.of("facture", "justificatif_dette", "attestation_cheque_energie"),
                                "Pour les travailleurs sociaux et médiateurs : délai de paiement, maintien de la fourniture.")));
        out.add(partner(
                "engie",
                "fournisseur_energie",
                "Engie",
                List.of("energie"),
                "https://particuliers.engie.fr",
                service(
                        "clients",
                        "Service clients",
                        null,
                        null,
                        null,
                        "09 69 39 99 93",
                        "Lun–ven 8h–21h, sam 8h30–17h",
                        List.of("facture"),
                        null)));
        out.add(partner(
                "totalenergies",
                "fournisseur_energie",
                "TotalEnergies",
                List.of("energie"),
                "https://www.totalenergies.fr",
                service(
                        "clients",
                        "Service clients",
                        null,
                        null,
                        null,
                        "09 70 80 69 69",
                        "Lun–ven 8h–20h, sam 9h–17h",
                        List.of("facture"),
                        null)));
        out.add(partner("ekwateur", "fournisseur_energie", "ekWateur", List.of("energie"), null));
        out.add(partner("mint", "fournisseur_energie", "Mint Énergie", List.of("energie"), null));
        out.add(partner("vattenfall", "fournisseur_energie", "Vattenfall", List.of("energie"), null));
        out.add(partner("octopus", "fournisseur_energie", "Octopus Energy", List.of("energie"), null));
        out.add(partner("es", "fournisseur_energie", "ÉS (Électricité de Strasbourg)", List.of("energie"), null));
        out.add(partner("regie", "fournisseur_energie", "Régie locale (ELD)", List.of("energie"), null));
        out.add(partner("reseau_chaleur", "fournisseur_energie", "Réseau de chaleur", List.of("energie"), null));
        out.add(partner(
                "fioul_gpl", "fournisseur_energie", "Fournisseur de fioul ou de GPL", List.of("energie"), null));
        out.add(partner(
                "autre_fournisseur", "fournisseur_energie", "Autre fournisseur d'énergie", List.of("energie"), null));
        out.add(partner(
                "enedis",
                "gestionnaire_reseau",
                "Enedis",
                NONE,
                "https://www.enedis.fr",
                service(
                        "depannage_13",
                        "Dépannage électricité (Bouches-du-Rhône)",
                        null,
                        null,
                        null,
                        "09 72 67 50 13",
                        "24 h sur 24, 7 jours sur 7",
                        NONE,
                        "Coupure, panne, compteur Linky : le gestionnaire du réseau, pas le fournisseur."),
                service(
                        "raccordement",
                        "Raccordement et compteur Linky",
                        null,
                        null,
                        null,
                        "09 70 83 19 70",
                        "Lun–ven 8h–17h",
                        NONE,
                        null)));
        out.add(partner(
                "grdf",
                "gestionnaire_reseau",
                "GRDF",
                NONE,
                "https://www.grdf.fr",
                service(
                        "urgence",
                        "Urgence sécurité gaz",
                        null,
                        null,
                        null,
                        "0 800 47 33 33",
                        "24 h sur 24, 7 jours sur 7",
                        NONE,
                        "Odeur de gaz, manque de gaz : appel gratuit."),
                service(
                        "accueil",
                        "Accueil raccordement et compteur Gazpar",
                        null,
                        null,
                        null,
                        "09 69 36 35 34",
                        "Lun–ven 8h–21h, sam 8h–20h",
                        NONE,
                        null)));
        out.add(partner(
                "veolia",
                "eau",
                "Veolia Eau",
                List.of("eau"),
                "https://www.service.eau.veolia.fr",
                service(
                        "clients",
                        "Service clients",
                        null,
                        null,
                        null,
                        "09 69 32 35 29",
                        "Lun–ven 8h–19h, sam 9h–12h",
                        List.of("facture"),
                        null)));
        out.add(partner(
                "suez",
                "eau",
                "Suez Eau France",
                List.of("eau"),
                "https://www.toutsurmoneau.fr",
                service(
                        "clients",
                        "Service clients",
                        null,
                        null,
                        null,
                        "09 77 40 84 08",
                        "Lun–ven 8h–19h",
                        List.of("facture"),
                        null)));
        out.add(partner(
                "orange",
                "telecom",
                "Orange",
                List.of("telecom"),
                "https://www.orange.fr",
                service(
                        "clients",
                        "Service clients",
                        null,
                        null,
                        null,
                        "3900",
                        "Lun–sam 8h–20h",
                        List.of("facture"),
                        null)));
        out.add(partner(
                "sfr",
                "telecom",
                "SFR",
                List.of("telecom"),
                "https://www.sfr.fr",
                service(
                        "clients",
                        "Service clients",
                        null,
                        null,
                        null,
                        "1023",
                        "Lun–sam 8h–22h",
                        List.of("facture"),
                        null)));
        out.add(partner(
                "bouygues_telecom",
                "telecom",
                "Bouygues Telecom",
                List.of("telecom"),
                "https://www.bouyguestelecom.fr",
                service(
                        "clients",
                        "Service clients",
                        null,
                        null,
                        null,
                        "1064",
                        "Lun–sam 8h–20h",
                        List.of("facture"),
                        null)));
        out.add(partner(
                "free",
                "telecom",
                "Free",
                List.of("telecom"),
                "https://www.free.fr",
                service(
                        "clients",
                        "Assistance",
                        null,
                        null,
                        null,
                        "3244",
                        "7 jours sur 7, 8h–22h",
                        List.of("facture"),
                        null)));
        out.add(partner(
                "mne",
                "mediateur",
                "Médiateur national de l'énergie",
                NONE,
                "https://www.energie-mediateur.fr",
                service(
                        "energie_info",
                        "Énergie-Info (information et saisine)",
                        "Libre réponse 59252",
                        "75443",
                        "Paris Cedex 09",
                        "0 800 112 212",
                        "Lun–ven 8h30–18h30",
                        List.of("facture", "relance", "courrier"),
                        "Saisine après une réclamation écrite au fournisseur restée sans réponse satisfaisante deux"
                                + " mois.")));
        out.add(partner(
                "mediateur_eau",
                "mediateur",
                "Médiation de l'eau",
                NONE,
                "https://www.mediation-eau.fr",
                service(
                        "saisine",
                        "Saisine du médiateur",
                        "BP 40463",
                        "75366",
                        "Paris Cedex 08",
                        null,
                        null,
                        List.of("facture", "courrier"),
                        "Après une réclamation écrite au service clients du distributeur.")));
        out.add(partner(
                "defenseur_droits",
                "mediateur",
                "Défenseur des droits",
                NONE,
                "https://www.defenseurdesdroits.fr",
                service(
                        "accueil",
                        "Plateforme téléphonique",
                        null,
                        null,
                        null,
                        "09 69 39 00 00",
                        "Lun–ven 8h30–19h30",
                        NONE,
                        null)));
        out.add(partner(
                "france_travail",
                "france_travail",
                "France Travail",
                List.of("indus"),
                "https://www.francetravail.fr",
                service(
                        "accueil",
                        "Service aux demandeurs d'emploi",
                        null,
                        null,
                        null,
                        "3949",
                        "Lun–ven 8h30–17h",
                        List.of("attestation_france_travail", "notification_indu"),
                        null)));
        out.add(partner(
                "dgfip",
                "dgfip",
                "Finances publiques (impots.gouv.fr)",
                List.of("impots", "amendes"),
                "https://www.impots.gouv.fr",
                service(
                        "particuliers",
                        "Service des impôts des particuliers",
                        null,
                        null,
                        null,
                        "0 809 401 401",
                        "Lun–ven 8h30–19h",
                        List.of("avis_imposition"),
                        "Délais de paiement, remise gracieuse : par la messagerie sécurisée ou au SIP.")));
        return out;
    }

    /** The public desks of the Bouches-du-Rhône, for the demo (the demo structure is in Marseille). */
    public static List<PartnerDto> bouchesDuRhone() {
        List<PartnerDto> out = new ArrayList<>();
        out.add(partner(
                "caf_13",
                "caf",
                "CAF des Bouches-du-Rhône",
                List.of("indus"),
                "https://www.caf.fr/allocataires/caf-des-bouches-du-rhone",
                service(
                        "accueil",
                        "Accueil sur rendez-vous",
                        "215 chemin de Gibbes",
                        "13014",
                        "Marseille",
                        "3230",
                        "Lun–ven 8h30–16h, sur rendez-vous",
                        List.of("piece_identite", "justificatif_domicile", "rib"),
                        "Rendez-vous à prendre sur caf.fr ou au 3230."),
                service(
                        "action_sociale",
                        "Travailleurs sociaux CAF (aide financière)",
                        "215 chemin de Gibbes",
                        "13014",
                        "Marseille",
                        "3230",
                        "Lun–ven 9h–12h",
                        List.of("attestation_caf", "quittance_loyer", "releve_compte"),
                        null)));
        out.add(partner(
                "cpam_13",
                "cpam",
                "CPAM des Bouches-du-Rhône",
                List.of("indus", "sante"),
                "https://www.ameli.fr/bouches-du-rhone",
                service(
                        "accueil",
                        "Accueil Marseille",
                        "8 rue Jules Moulet",
                        "13006",
                        "Marseille",
                        "3646",
                        "Lun–ven 8h30–16h30",
                        List.of("piece_identite", "justificatif_domicile"),
                        null),
                service(
                        "pfidass",
                        "Mission accompagnement santé (PFIDASS)",
                        "8 rue Jules Moulet",
                        "13006",
                        "Marseille",
                        "3646",
                        "Lun–ven 9h–12h, 13h30–16h",
                        List.of("avis_imposition", "attestation_caf"),
                        "Renoncement aux soins, complémentaire santé solidaire.")));
        out.add(partner(
                "carsat_sud_est",
                "carsat",
                "CARSAT Sud-Est",
                NONE,
                "https://www.carsat-sudest.fr",
                service(
                        "service_social",
                        "Service social régional",
                        "35 rue George",
                        "13005",
                        "Marseille",
                        "3646",
                        "Lun–ven 8h30–16h30",
                        List.of("releve_pension", "avis_imposition"),
                        "Aide au maintien à domicile, prévention de la perte d'autonomie."),
                service(
                        "retraite",
                        "Retraite (conseillers)",
                        "35 rue George",
                        "13005",
                        "Marseille",
                        "3960",
                        "Lun–ven 8h–17h",
                        List.of("piece_identite", "releve_pension"),
                        null)));
        out.add(partner(
                "bdf_marseille",
                "banque_de_france",
                "Banque de France – Marseille",
                NONE,
                "https://particuliers.banque-france.fr",
                service(
                        "surendettement",
                        "Secrétariat de la commission de surendettement",
                        "1 place Estrangin-Pastré",
                        "13006",
                        "Marseille",
                        "3414",
                        "Lun–ven 8h45–12h15, sur rendez-vous l'après-midi",
                        List.of(
                                "piece_identite",
                                "justificatif_domicile",
                                "avis_imposition",
                                "bulletin_salaire",
                                "releve_compte",
                                "contrat_credit",
                                "quittance_loyer",
                                "facture"),
                        "Dépôt du dossier sur papier ou en ligne ; le numéro 3414 répond aussi aux questions.")));
        out.add(partner(
                "departement_13",
                "departement",
                "Conseil départemental des Bouches-du-Rhône",
                NONE,
                "https://www.departement13.fr",
                service(
                        "fsl",
                        "Fonds de solidarité logement (FSL) – énergie et eau",
                        "4 quai d'Arenc",
                        "13002",
                        "Marseille",
                        "04 13 31 13 13",
                        "Lun–ven 9h–12h, 14h–16h30",
                        List.of(
                                "piece_identite",
                                "justificatif_domicile",
                                "attestation_caf",
                                "avis_imposition",
                                "justificatif_dette",
                                "facture",
                                "rib"),
                        "Le dossier est instruit par un travailleur social (MDS, CCAS ou association)."),
                service(
                        "mds_marseille_3",
                        "Maison départementale de la solidarité – Marseille 3e",
                        "7 rue Pierre Dupré",
                        "13003",
                        "Marseille",
                        "04 13 31 56 00",
                        "Lun–ven 8h30–12h, 13h30–17h",
                        List.of("piece_identite", "justificatif_domicile"),
                        null)));
        out.add(partner(
                "ccas_marseille",
                "ccas",
                "CCAS de Marseille",
                NONE,
                "https://www.marseille.fr/social",
                service(
                        "accueil",
                        "Accueil et aides facultatives",
                        "62 rue de Forbin",
                        "13002",
                        "Marseille",
                        "04 91 14 58 00",
                        "Lun–ven 8h30–12h, 13h30–16h",
                        List.of("piece_identite", "justificatif_domicile", "attestation_caf", "releve_compte"),
                        null)));
        out.add(partner(
                "udaf_13",
                "association",
                "UDAF des Bouches-du-Rhône",
                NONE,
                "https://www.udaf13.fr",
                service(
                        "pcb",
                        "Point Conseil Budget",
                        "143 avenue des Chutes Lavie",
                        "13013",
                        "Marseille",
                        "04 91 10 06 00",
                        "Lun–ven 9h–12h, 14h–17h, sur rendez-vous",
                        List.of("releve_compte", "avis_imposition", "contrat_credit"),
                        null)));
        out.add(partner(
                "cresus",
                "association",
                "Crésus",
                NONE,
                "https://www.cresus.org",
                service(
                        "ecoute",
                        "Plateforme d'accompagnement budgétaire",
                        null,
                        null,
                        null,
                        "09 70 82 08 20",
                        "Lun–ven 9h–17h",
                        List.of("releve_compte", "contrat_credit"),
                        "Surendettement, crédits : rendez-vous téléphonique.")));
        out.add(partner(
                "adil_13",
                "association",
                "ADIL des Bouches-du-Rhône",
                NONE,
                "https://www.adil13.org",
                service(
                        "conseil",
                        "Conseil juridique logement",
                        "7 cours Jean Ballard",
                        "13001",
                        "Marseille",
                        "04 96 11 12 00",
                        "Lun–ven 9h–12h30, 13h30–17h",
                        List.of("bail", "quittance_loyer", "commandement_payer"),
                        "Impayés de loyer, expulsion, charges : conseil gratuit.")));
        out.add(partner(
                "13_habitat",
                "bailleur_social",
                "13 Habitat",
                List.of("loyer"),
                "https://www.13habitat.fr",
                service(
                        "clients",
                        "Relation clients",
                        "80 rue Albe",
                        "13004",
                        "Marseille",
                        "04 91 11 98 00",
                        "Lun–ven 8h30–12h, 13h30–16h30",
                        List.of("quittance_loyer", "bail"),
                        "Plan d'apurement des loyers impayés.")));
        return out;
    }

    static PartnerDto partner(
            String id,
            String type,
            String name,
            List<String> categories,
            String website,
            PartnerServiceDto... services) {
        return new PartnerDto(id, type, name, categories, List.of(services), website, true);
    }

    static PartnerServiceDto service(
            String id,
            String name,
            String address,
            String postcode,
            String city,
            String phone,
            String hours,
            List<String> documents,
            String note) {
        return new PartnerServiceDto(id, name, address, postcode, city, phone, null, hours, documents, note);
    }
}
