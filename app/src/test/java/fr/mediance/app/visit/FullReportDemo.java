package fr.mediance.app.visit;

import fr.mediance.protocol.CodeDto;
import fr.mediance.protocol.MandateDto;
import fr.mediance.testing.FakeOfficeServer;
import java.time.LocalDate;
import java.util.List;

/** The code lists of the full report (§5) and a mandate of Fatima Benali, added to the demo office. */
public final class FullReportDemo {
    private FullReportDemo() {}

    public static void seed(FakeOfficeServer server, LocalDate today) {
        codes(
                server,
                "person_present",
                null,
                "resident",
                "La personne",
                "conjoint",
                "Conjoint·e",
                "enfant",
                "Enfant",
                "aidant",
                "Aidant·e");
        codes(
                server,
                "motif",
                "energie",
                "impaye_elec",
                "Impayé d'électricité / gaz",
                "coupure",
                "Coupure / réduction de puissance",
                "cheque_energie",
                "Chèque énergie");
        codes(server, "motif", "budget", "diagnostic", "Diagnostic budgétaire");
        codes(
                server,
                "action_type",
                null,
                "appel_creancier",
                "Appel au créancier / fournisseur",
                "echeancier",
                "Négociation d'échéancier",
                "demande_aide",
                "Demande d'aide (FSL, CCAS…)",
                "courrier",
                "Rédaction de courrier");
        codes(
                server,
                "action_result",
                null,
                "pending",
                "En attente",
                "obtained",
                "Obtenu",
                "refused",
                "Refusé",
                "partial",
                "Partiel",
                "no_answer",
                "Sans réponse");
        codes(
                server,
                "orientation_target",
                null,
                "mds",
                "Travailleur social du Département",
                "ccas",
                "CCAS",
                "france_renov",
                "France Rénov'",
                "pcb",
                "Point Conseil Budget");
        codes(
                server,
                "orientation_mode",
                null,
                "warm",
                "Mise en relation par téléphone",
                "info",
                "Information seule",
                "letter",
                "Courrier ou formulaire");
        codes(
                server,
                "orientation_feedback",
                null,
                "reached",
                "Contact établi",
                "taken",
                "Prise en charge",
                "not_reached",
                "Non joint");
        codes(server, "supply_state", null, "normal", "Normale", "limited", "Puissance réduite", "cut", "Coupée");
        codes(server, "heating_type", null, "electric", "Électrique", "gas", "Gaz", "collective", "Collectif");
        codes(
                server,
                "eco_gesture",
                null,
                "thermostat",
                "Régler le thermostat à 19 °C",
                "veille",
                "Éteindre les veilles",
                "dégivrage",
                "Dégivrer le congélateur");
        codes(
                server,
                "equipment_issue",
                null,
                "old_fridge",
                "Réfrigérateur ancien",
                "convectors",
                "Convecteurs électriques",
                "humidity",
                "Humidité");
        codes(server, "renovation_orientation", null, "france_renov", "France Rénov'", "landlord", "Bailleur");
        server.serverWrite(
                new CodeDto("task_rule", "fsl_check", "Vérifier la décision FSL", "demande_aide", 1, true, "60"));
        server.serverWrite(new CodeDto(
                "task_rule", "plan_call", "Appeler le fournisseur pour l'échéancier", "echeancier", 2, true, "15"));
        server.serverWrite(new CodeDto(
                "task_rule",
                "orientation_feedback",
                "Demander un retour sur l'orientation",
                "orientation",
                3,
                true,
                "7"));
        server.serverWrite(new MandateDto(
                "m-r1",
                "s1",
                "r1",
                List.of("energie", "eau"),
                List.of("EDF"),
                "P6M",
                today.minusDays(10),
                today.plusDays(170),
                null,
                true,
                "Domicile",
                List.of("u-c1"),
                null,
                null,
                "in_person",
                null));
    }

    private static void codes(FakeOfficeServer server, String list, String parent, String... pairs) {
        for (int i = 0; i < pairs.length; i += 2) {
            server.serverWrite(new CodeDto(list, pairs[i], pairs[i + 1], parent, i / 2 + 1, true));
        }
    }
}
