package fr.mediance.app.casework;

import fr.mediance.app.testing.DemoOffice;
import fr.mediance.protocol.CodeDto;

/** The code lists of casework in the demo office. */
public final class CaseworkDemo {
    private CaseworkDemo() {}

    public static void codes(DemoOffice office) {
        code(office, "medium", "desk_spontaneous", "Permanence sans rendez-vous", null, 4);
        code(office, "referrer", "resident", "La personne elle-même", null, 1);
        code(office, "referrer", "edf_solidarite", "EDF Solidarité", null, 2);
        code(office, "referrer", "social_worker", "Travailleur social (département, CCAS)", null, 3);
        code(office, "closing_reason", "goals_met", "Objectifs atteints", null, 1);
        code(office, "closing_reason", "autonomous", "Personne autonome", null, 2);
        code(office, "closing_reason", "not_reached", "Ne répond plus / injoignable", null, 3);
        code(office, "outcome", "cut_avoided", "Coupure évitée", null, 1);
        code(office, "outcome", "payment_plan", "Échéancier obtenu (montant mis en plan)", "amount", 2);
        code(office, "outcome", "fsl_granted", "Aide FSL accordée (montant)", "amount", 3);
        code(office, "outcome", "cheque_energie", "Chèque énergie obtenu / attestation envoyée", null, 4);
        code(office, "motif", "impaye_energie", "Impayé d'électricité / gaz", "energie", 1);
        code(office, "motif", "cheque_energie", "Chèque énergie", "energie", 2);
        code(office, "motif", "fuite", "Fuite d'eau", "eau", 3);
        code(office, "action_type", "information_droits", "Information / explication de droits", null, 1);
        code(office, "action_type", "lecture_courrier", "Lecture / explication de courrier", null, 2);
        code(office, "action_type", "appel_creancier", "Appel au créancier / fournisseur", null, 3);
    }

    private static void code(
            DemoOffice office, String list, String code, String label, String parentOrValue, int order) {
        boolean motif = list.equals("motif");
        office.server.serverWrite(new CodeDto(
                list, code, label, motif ? parentOrValue : null, order, true, motif ? null : parentOrValue));
    }
}
