package fr.mediance.app.core.casework;

import fr.mediance.protocol.CodeDto;
import fr.mediance.testing.FakeOfficeServer;

/** The code lists of casework, as the office seeds a few of them. */
final class CaseworkFixtures {
    private CaseworkFixtures() {}

    static void codes(FakeOfficeServer server) {
        code(server, "referrer", "edf_solidarite", "EDF Solidarité", null);
        code(server, "referrer", "resident", "La personne elle-même", null);
        code(server, "closing_reason", "goals_met", "Objectifs atteints", null);
        code(server, "closing_reason", "not_reached", "Ne répond plus / injoignable", null);
        code(server, "outcome", "fsl_granted", "Aide FSL accordée (montant)", "amount");
        code(server, "outcome", "cut_avoided", "Coupure évitée", null);
        code(server, "motif", "cheque_energie", "Chèque énergie", null);
        code(server, "action_type", "information_droits", "Information / explication de droits", null);
    }

    static void code(FakeOfficeServer server, String list, String code, String label, String value) {
        server.serverWrite(new CodeDto(list, code, label, null, 1, true, value));
    }
}
