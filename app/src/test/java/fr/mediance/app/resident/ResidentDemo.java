package fr.mediance.app.resident;

import fr.mediance.app.testing.DemoOffice;
import fr.mediance.protocol.CodeDto;

/** The code lists of the resident's file, consents and mandates, added to the demo office. */
public final class ResidentDemo {
    private ResidentDemo() {}

    public static void codes(DemoOffice office) {
        code(office, "mandate_duration", "1j", "1 jour", "P1D", 1);
        code(office, "mandate_duration", "1m", "1 mois", "P1M", 2);
        code(office, "mandate_duration", "6m", "6 mois", "P6M", 3);
        code(office, "mandate_duration", "1a", "1 an", "P1Y", 4);
        code(office, "consent_scope", "information_notice", "Notice d'information", null, 1);
        code(office, "consent_scope", "share_with_partner", "Partage d'informations avec un partenaire", null, 2);
        code(office, "consent_scope", "contact_creditor", "Contact d'un créancier en son nom", null, 3);
        code(office, "consent_scope", "photo_documents", "Photos de documents", null, 4);
        code(office, "setting", "information_notice", "Notice d'information", "2026-03", 1);
        code(office, "legal_protection", "aucune", "Aucune", null, 1);
        code(office, "legal_protection", "curatelle_renforcee", "Curatelle renforcée", null, 2);
        code(office, "legal_protection", "tutelle", "Tutelle", null, 3);
        code(office, "household_role", "declarant", "Déclarant(e)", null, 1);
        code(office, "household_role", "conjoint", "Conjoint(e)", null, 2);
        code(office, "household_role", "enfant_moins_14", "Enfant de moins de 14 ans", null, 3);
        code(office, "accommodation_mode", "locataire_social", "Locataire du parc social", null, 1);
        code(office, "accommodation_mode", "locataire_prive", "Locataire du parc privé", null, 2);
        code(office, "socio_professional", "retraite", "Retraité(e)", null, 1);
        code(office, "orientation_in", "partenaire", "Orientation d'un partenaire", null, 1);
        code(office, "resident_status", "actif", "Actif", null, 1);
    }

    private static void code(DemoOffice office, String list, String code, String label, String value, int order) {
        office.server.serverWrite(new CodeDto(list, code, label, null, order, true, value));
    }
}
