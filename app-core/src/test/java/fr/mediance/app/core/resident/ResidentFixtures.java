package fr.mediance.app.core.resident;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.testing.TestCores;
import fr.mediance.protocol.CodeDto;
import fr.mediance.protocol.ResidentDto;
import fr.mediance.protocol.Role;
import fr.mediance.testing.FakeOfficeServer;
import fr.mediance.testing.MutableClock;
import java.nio.file.Path;

/** An office with the code lists of the resident's file, consents and mandates, and a few residents. */
public final class ResidentFixtures {
    private ResidentFixtures() {}

    public static void codes(FakeOfficeServer server) {
        server.addUser("u-c1", "conseil1", TestCores.PASSWORD, Role.COUNSELLOR);
        server.addUser("u-c2", "conseil2", TestCores.PASSWORD, Role.COUNSELLOR);
        server.addUser("u-co", "coord", TestCores.PASSWORD, Role.COORDINATOR);
        server.addUser("u-ad", "admin", TestCores.PASSWORD, Role.ADMIN);
        code(server, "domain", "energie", "Énergie", null);
        code(server, "domain", "eau", "Eau", null);
        code(server, "domain", "logement", "Logement", null);
        code(server, "mandate_duration", "1j", "1 jour", "P1D");
        code(server, "mandate_duration", "1m", "1 mois", "P1M");
        code(server, "mandate_duration", "6m", "6 mois", "P6M");
        code(server, "mandate_duration", "1a", "1 an", "P1Y");
        code(server, "consent_scope", "information_notice", "Notice d'information", null);
        code(server, "consent_scope", "share_with_partner", "Partage avec un partenaire", null);
        code(server, "consent_scope", "contact_creditor", "Contact d'un créancier", null);
        code(server, "consent_scope", "photo_documents", "Photos de documents", null);
        code(server, "setting", "information_notice", "Notice d'information", "2026-03");
        code(server, "document_type", "signature", "Signature", "P2Y");
        code(server, "document_type", "facture", "Facture", "P1Y");
        code(server, "legal_protection", "aucune", "Aucune", null);
        code(server, "legal_protection", "curatelle_renforcee", "Curatelle renforcée", null);
        code(server, "legal_protection", "tutelle", "Tutelle", null);
        code(server, "household_role", "declarant", "Déclarant", null);
        code(server, "household_role", "enfant_moins_14", "Enfant de moins de 14 ans", null);
        code(server, "accommodation_mode", "locataire_social", "Locataire du parc social", null);
        code(server, "medium", "home_visit", "Visite à domicile", null);
        code(server, "action_type", "appel_creancier", "Appel au créancier", null);
        code(server, "action_result", "obtenu", "Obtenu", null);
        code(server, "orientation_target", "ccas", "CCAS", null);
        resident(server, "r1", "D-001", "Bénali", "Fatima", "06 12 34 56 78", "12 rue des Lilas", "13015");
        resident(server, "r2", "D-002", "Martin", "Éloïse", "04 91 00 11 22", "3 avenue du Port", "13002");
        resident(server, "r3", "D-003", "Nguyen", "Thi Lan", null, "48 boulevard National", "13003");
        resident(server, "r4", "D-104", "Benoît", "Marc", "07 00 00 00 01", "7 traverse des Pins", "13012");
    }

    static void code(FakeOfficeServer server, String list, String code, String label, String value) {
        server.serverWrite(new CodeDto(list, code, label, null, 1, true, value));
    }

    static void resident(
            FakeOfficeServer server,
            String id,
            String file,
            String last,
            String first,
            String phone,
            String street,
            String postcode) {
        server.serverWrite(new ResidentDto(
                id, "s1", file, null, last, first, null, phone, street, postcode, "Marseille", null, null, "u-c1"));
    }

    /** A counsellor's synced core. */
    public static CoreContext counsellor(Path dir, MutableClock clock, FakeOfficeServer server) {
        return synced(dir, clock, server, "conseil1");
    }

    /** A coordinator's synced core. */
    public static CoreContext coordinator(Path dir, MutableClock clock, FakeOfficeServer server) {
        return synced(dir, clock, server, "coord");
    }

    /** The synced core of {@code username}, one of the accounts of {@link #codes}. */
    public static CoreContext synced(Path dir, MutableClock clock, FakeOfficeServer server, String username) {
        CoreContext core = TestCores.signedIn(dir, clock, server, username);
        core.sync().syncNow().join();
        return core;
    }
}
