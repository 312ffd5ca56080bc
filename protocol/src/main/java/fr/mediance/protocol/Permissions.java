package fr.mediance.protocol;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a role may do, where the app and the office server must agree: the server refuses the operation, and the
 * app neither offers it nor accepts it offline (so nothing a user saves on the device is set aside at sync).
 */
public final class Permissions {
    /**
     * The roles that create a resident's file: a counsellor (on the tablet, offline: she becomes the resident's
     * referent, see {@link #creatorBecomesReferent}), the coordination and the admin.
     */
    public static final Set<Role> RESIDENT_CREATORS =
            Collections.unmodifiableSet(EnumSet.of(Role.COUNSELLOR, Role.COORDINATOR, Role.ADMIN));

    /**
     * The roles of the accounts a record may name as its counsellor, referent, assignee or agent: those who follow
     * residents.
     */
    public static final Set<Role> COLLEAGUES =
            Collections.unmodifiableSet(EnumSet.of(Role.COUNSELLOR, Role.COORDINATOR));

    /**
     * The roles that write a household's records (visit reports, documents, consents and mandates, budget sheets,
     * debts, energy contracts, aid applications, overindebtedness files…): those who follow residents, and the
     * admin. The office reads them.
     */
    public static final Set<Role> HOUSEHOLD_RECORD_AUTHORS =
            Collections.unmodifiableSet(EnumSet.of(Role.COUNSELLOR, Role.COORDINATOR, Role.ADMIN));

    /**
     * The roles that change a resident's legal protection (the measure and the representative) once it is recorded:
     * the office and the coordination (and the admin). A counsellor cannot lift or change one, so that nobody alone
     * can switch off the protection and then record a mandate the resident may not sign.
     */
    public static final Set<Role> LEGAL_PROTECTION_EDITORS =
            Collections.unmodifiableSet(EnumSet.of(Role.COORDINATOR, Role.OFFICE, Role.ADMIN));

    /** The fields of a resident's file that make its legal protection (wire names). */
    public static final List<String> LEGAL_PROTECTION_FIELDS = List.of("legalProtection", "legalRepresentative");

    private Permissions() {}

    /**
     * Whether {@code role} may change a resident's legal protection from {@code before} to {@code after} (a new file:
     * {@code before} null). Unchanged: yes. The office, the coordination and the admin: yes. Anyone else (a
     * counsellor) only records a protection where none was recorded (a new file, or a measure discovered at a
     * visit: the protection can only be added, never lifted or changed).
     */
    public static boolean mayChangeLegalProtection(Role role, ResidentDto before, ResidentDto after) {
        if (before == null
                || (Objects.equals(before.legalProtection(), after.legalProtection())
                        && Objects.equals(before.legalRepresentative(), after.legalRepresentative()))) {
            return true;
        }
        if (role != null && LEGAL_PROTECTION_EDITORS.contains(role)) {
            return true;
        }
        return !before.underProtection() && after.underProtection();
    }

    /** The French message of a refused change of legal protection. */
    public static String legalProtectionRefusal() {
        return "Seuls le bureau et la coordination modifient la protection juridique d'une personne "
                + "(« legalProtection », « legalRepresentative ») une fois enregistrée : signalez le changement "
                + "au bureau avec le jugement.";
    }

    /** Whether {@code role} may write a household's records; {@code false} for no role. */
    public static boolean mayWriteHouseholdRecords(Role role) {
        return role != null && HOUSEHOLD_RECORD_AUTHORS.contains(role);
    }

    /** Whether {@code role} may create a resident's file; {@code false} for no role. */
    public static boolean mayCreateResident(Role role) {
        return role != null && RESIDENT_CREATORS.contains(role);
    }

    /**
     * Whether a resident's file created by {@code role} names its creator as referent (so that she follows the
     * resident and receives them by sync): a counsellor's, yes; the coordination names any colleague, or none.
     */
    public static boolean creatorBecomesReferent(Role role) {
        return role == Role.COUNSELLOR;
    }

    /** Whether an account of {@code role} may be named as a record's counsellor, referent, assignee or agent. */
    public static boolean mayBeNamedColleague(Role role) {
        return role != null && COLLEAGUES.contains(role);
    }
}
