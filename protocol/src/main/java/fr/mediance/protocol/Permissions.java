package fr.mediance.protocol;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
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
     * The roles that may push each family of records at all (the family's own rules then decide what each may
     * change: a counsellor only her own reports, the residents she follows...). The office reads the structure's
     * records and writes only: the resolution of conflicts, the reference lists and the partner directory (the
     * structure's settings, no resident's data), a resident's legal protection, follow-up tasks for a counsellor of its structure, and its own
     * private notes. Blob statuses are the server's: nobody pushes them. The app offers nothing outside this table.
     */
    public static final Map<EntityType, Set<Role>> PUSHERS = pushers();

    private static Map<EntityType, Set<Role>> pushers() {
        Set<Role> household = EnumSet.of(Role.COUNSELLOR, Role.COORDINATOR, Role.ADMIN);
        Set<Role> staff = EnumSet.of(Role.COORDINATOR, Role.OFFICE, Role.ADMIN);
        Set<Role> everyone = EnumSet.allOf(Role.class);
        Map<EntityType, Set<Role>> m = new EnumMap<>(EntityType.class);
        for (EntityType t : EntityType.values()) {
            m.put(t, household);
        }
        m.put(EntityType.BLOB, EnumSet.noneOf(Role.class));
        m.put(EntityType.CODE, staff);
        m.put(EntityType.PARTNER, staff);
        m.put(EntityType.CONFLICT, staff);
        // the office changes a resident's legal protection and nothing else of the file (ResidentRules)
        m.put(EntityType.RESIDENT, EnumSet.of(Role.COUNSELLOR, Role.COORDINATOR, Role.OFFICE, Role.ADMIN));
        m.put(EntityType.TASK, everyone);
        m.put(EntityType.PRIVATE_NOTE, everyone);
        m.put(EntityType.ANONYMOUS_CONTACT, COLLEAGUES);
        Map<EntityType, Set<Role>> frozen = new EnumMap<>(EntityType.class);
        m.forEach((t, roles) -> frozen.put(
                t, Collections.unmodifiableSet(EnumSet.copyOf(roles.isEmpty() ? EnumSet.noneOf(Role.class) : roles))));
        return Collections.unmodifiableMap(frozen);
    }

    private Permissions() {}

    /** Whether {@code role} may push records of {@code family} at all ({@link #PUSHERS}); {@code false} for no role. */
    public static boolean mayPush(Role role, EntityType family) {
        return role != null && family != null && PUSHERS.get(family).contains(role);
    }

    /**
     * The roles that change a resident's legal protection (the measure and the representative) once it is recorded:
     * the office and the coordination (and the admin). A counsellor cannot lift or change one, so that nobody alone
     * can switch off the protection and then record a mandate the resident may not sign.
     */
    public static final Set<Role> LEGAL_PROTECTION_EDITORS =
            Collections.unmodifiableSet(EnumSet.of(Role.COORDINATOR, Role.OFFICE, Role.ADMIN));

    /** The fields of a resident's file that make its legal protection (wire names). */
    public static final List<String> LEGAL_PROTECTION_FIELDS = List.of("legalProtection", "legalRepresentative");

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
