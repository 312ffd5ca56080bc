package fr.mediance.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The audit log's shared rules (domain brief §2.17 and §8): its actions, the sizes of what a device sends, who
 * reads it and who exports a resident's file. The server and the app check the same things: the app never queues
 * an event the server would refuse.
 */
public final class Audit {
    public static final String CREATE = "create";
    public static final String READ = "read";
    public static final String UPDATE = "update";
    public static final String DELETE = "delete";
    public static final String EXPORT = "export";
    public static final String PRINT = "print";
    public static final String SHARE = "share";

    /** Every action, in the order the journal lists them. */
    public static final List<String> ACTIONS = List.of(CREATE, READ, UPDATE, DELETE, EXPORT, PRINT, SHARE);
    /** What a device may report: what it shows, prints or shares offline (its writes arrive by push). */
    public static final Set<String> DEVICE_ACTIONS = Set.of(READ, PRINT, SHARE, EXPORT);

    /** Entity type of an event about the audit log itself (reading the log is logged). */
    public static final String ENTITY_AUDIT_LOG = "audit_log";
    /** Entity type of an access export of a resident's file. */
    public static final String ENTITY_RESIDENT_EXPORT = "resident_export";

    /** Entity type of a phone-calendar feed link (created, revoked) and of a calendar's fetch of its feed. */
    public static final String ENTITY_CALENDAR_LINK = "calendar_link";
    /** Entity type of a counsellor's appointments exported as an {@code .ics} file. */
    public static final String ENTITY_CALENDAR_EXPORT = "calendar_export";
    /** Entity type of a counsellor's printed day sheet (one event per resident on it). */
    public static final String ENTITY_DAY_SHEET = "day_sheet";
    /**
     * Entity type of a week's proposal computed for the coordination (it names the waiting files and where their
     * residents live); its id is the week's Monday.
     */
    public static final String ENTITY_WEEK_PROPOSAL = "week_proposal";

    /** Events in one {@link AuditEventsRequest}. */
    public static final int MAX_EVENTS_PER_BATCH = 200;
    /** Characters of an event's summary (field names, never values). */
    public static final int MAX_SUMMARY = 500;
    /** Events in one page of the journal. */
    public static final int DEFAULT_PAGE = 50;

    public static final int MAX_PAGE = 500;
    /** Months the journal is kept: 6 to 12 (CNIL délibération 2021-122), 12 by default. */
    public static final int MIN_RETENTION_MONTHS = 6;

    public static final int MAX_RETENTION_MONTHS = 12;
    /** How far in the past or future a device's event time may be from the server's (a tablet offline for long). */
    public static final int MAX_DEVICE_EVENT_AGE_DAYS = 180;

    private Audit() {}

    /** Only the admin reads the journal. */
    public static boolean mayReadLog(Role role) {
        return role == Role.ADMIN;
    }

    /** The office, the coordination and the admin export what is held about a resident of their structure. */
    public static boolean mayExportResident(Role role) {
        return role == Role.OFFICE || role == Role.COORDINATOR || role == Role.ADMIN;
    }

    /** The entity types a device may name: every synced type. */
    public static boolean isEntityType(String code) {
        return code != null && EntityType.fromCode(code) != null;
    }

    /**
     * What is wrong with an event a device sends (French, one line per problem; empty when it is fine). The
     * account and device are not the device's to say: the server takes them from the token.
     */
    public static List<String> problems(AuditEventDto e) {
        List<String> out = new ArrayList<>();
        if (!isId(e.id())) {
            out.add("L'identifiant de l'événement doit faire de 1 à " + Limits.MAX_ID + " caractères.");
        }
        if (e.at() == null) {
            out.add("L'heure de l'événement est obligatoire.");
        }
        if (e.action() == null || !DEVICE_ACTIONS.contains(e.action())) {
            out.add("L'action doit être l'une de : "
                    + String.join(", ", DEVICE_ACTIONS.stream().sorted().toList()) + ".");
        }
        if (!isEntityType(e.entityType())) {
            out.add("Le type d'enregistrement « " + shorten(e.entityType()) + " » est inconnu.");
        }
        if (!isId(e.entityId())) {
            out.add("L'identifiant de l'enregistrement doit faire de 1 à " + Limits.MAX_ID + " caractères.");
        }
        if (e.residentId() != null && !isId(e.residentId())) {
            out.add("L'identifiant de l'habitant doit faire de 1 à " + Limits.MAX_ID + " caractères.");
        }
        if (e.summary() != null && e.summary().length() > MAX_SUMMARY) {
            out.add("Le résumé fait au plus " + MAX_SUMMARY + " caractères.");
        }
        return out;
    }

    private static boolean isId(String s) {
        return s != null && !s.isBlank() && s.length() <= Limits.MAX_ID;
    }

    private static String shorten(String s) {
        if (s == null) {
            return "";
        }
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
