package fr.mediance.server;

import fr.mediance.protocol.ApiPaths;
import fr.mediance.protocol.Role;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Every route of the API in one declarative list: its method and path, the roles that may call it (none: no account
 * needed) and its scope, the rule that narrows what a caller reaches. The controllers check the roles
 * ({@code Authenticator.require}); {@link ServerApp#registeredRoutes()} must equal this table (a test fails
 * otherwise), and the role × route matrix test is generated from it. A new route is one line here.
 */
public final class RouteTable {
    /** No account needed. */
    public static final Set<Role> NONE = Collections.unmodifiableSet(EnumSet.noneOf(Role.class));
    /** Every signed-in account. */
    public static final Set<Role> ANY = Collections.unmodifiableSet(EnumSet.allOf(Role.class));
    /** Who follows residents and the admin: those who capture documents. */
    public static final Set<Role> AUTHORS =
            Collections.unmodifiableSet(EnumSet.of(Role.COUNSELLOR, Role.COORDINATOR, Role.ADMIN));
    /** The structure's staff. */
    public static final Set<Role> STAFF =
            Collections.unmodifiableSet(EnumSet.of(Role.COORDINATOR, Role.OFFICE, Role.ADMIN));

    /** Who manages phone-calendar links: the counsellor (their own), the coordination and the admin. */
    public static final Set<Role> CALENDAR_LINK_MANAGERS =
            Collections.unmodifiableSet(EnumSet.of(Role.COUNSELLOR, Role.COORDINATOR, Role.ADMIN));
    /** Who exports or prints a counsellor's days: the counsellor (their own) and the structure's staff. */
    public static final Set<Role> ROUND_READERS =
            Collections.unmodifiableSet(EnumSet.of(Role.COUNSELLOR, Role.COORDINATOR, Role.OFFICE, Role.ADMIN));

    /** Who plans the rounds: the coordination and the admin. */
    public static final Set<Role> PLANNERS = Collections.unmodifiableSet(EnumSet.of(Role.COORDINATOR, Role.ADMIN));
    /** Who reads a counsellor's hours: the counsellor (their own), the coordination and the admin. */
    public static final Set<Role> SCHEDULE_READERS =
            Collections.unmodifiableSet(EnumSet.of(Role.COUNSELLOR, Role.COORDINATOR, Role.ADMIN));

    /** The office and the admin. */
    public static final Set<Role> OFFICE_ADMIN = Collections.unmodifiableSet(EnumSet.of(Role.OFFICE, Role.ADMIN));
    /** The admin alone. */
    public static final Set<Role> ADMIN = Collections.unmodifiableSet(EnumSet.of(Role.ADMIN));

    /** What a caller allowed on a route may reach through it. */
    public enum Scope {
        /** Nothing personal (health, the tus options). */
        PUBLIC,
        /** The caller's own credentials or account. */
        SELF,
        /** The caller's structure (accounts, figures). */
        STRUCTURE,
        /** Each pushed operation is checked against {@code Permissions.PUSHERS} and the family's rules. */
        PER_OPERATION,
        /** The records the caller may see (Visibility): a counsellor, the residents she follows. */
        VISIBLE_RECORDS,
        /** A blob through a document the caller may see whose author sent it (else 404). */
        VISIBLE_DOCUMENTS,
        /** Blobs the caller sent (HEAD, held): others' are answered as absent. */
        OWN_BLOBS,
        /** The uploads the caller created (anyone else: 404). */
        OWN_UPLOADS,
        /**
         * The accounts the caller manages in her structure (the admin: every one; the office: the counsellors'),
         * and their devices; anyone else's answered 403, another structure's 404.
         */
        MANAGED_ACCOUNTS,
        /**
         * A counsellor's own appointments (a counsellor: herself only, else 403); the coordination, the office and the
         * admin: any counsellor of their structure (another structure's: 404).
         */
        COUNSELLOR_DAYS,
        /** A phone-calendar feed: the secret in the address is the credential; an unknown or revoked one: 404. */
        SECRET_LINK,
        /** The server's own maintenance (retention runs): every structure, nothing answered but counts. */
        SERVER
    }

    /** One route: {@code roles} empty means no account needed. */
    public record Route(String method, String path, Set<Role> roles, Scope scope) {
        public boolean open() {
            return roles.isEmpty();
        }

        public String key() {
            return method + " " + path;
        }
    }

    public static final List<Route> ALL = List.of(
            new Route("GET", ApiPaths.HEALTH, NONE, Scope.PUBLIC),
            new Route("POST", ApiPaths.LOGIN, NONE, Scope.SELF),
            new Route("POST", ApiPaths.REFRESH, NONE, Scope.SELF),
            new Route("POST", ApiPaths.LOGOUT, ANY, Scope.SELF),
            new Route("GET", ApiPaths.ME, ANY, Scope.SELF),
            new Route("GET", ApiPaths.USERS, ANY, Scope.STRUCTURE),
            new Route("GET", ApiPaths.FIGURES, STAFF, Scope.STRUCTURE),
            new Route("POST", ApiPaths.SYNC_PUSH, ANY, Scope.PER_OPERATION),
            new Route("GET", ApiPaths.SYNC_CHANGES, ANY, Scope.VISIBLE_RECORDS),
            new Route("PUT", ApiPaths.BLOB, AUTHORS, Scope.OWN_BLOBS),
            new Route("HEAD", ApiPaths.BLOB, ANY, Scope.OWN_BLOBS),
            new Route("GET", ApiPaths.BLOB, ANY, Scope.VISIBLE_DOCUMENTS),
            new Route("GET", ApiPaths.BLOB_THUMBNAIL, ANY, Scope.VISIBLE_DOCUMENTS),
            new Route("POST", ApiPaths.BLOBS_HELD, AUTHORS, Scope.OWN_BLOBS),
            new Route("OPTIONS", ApiPaths.UPLOADS, NONE, Scope.PUBLIC),
            new Route("OPTIONS", ApiPaths.UPLOAD, NONE, Scope.PUBLIC),
            new Route("POST", ApiPaths.UPLOADS, AUTHORS, Scope.OWN_UPLOADS),
            new Route("HEAD", ApiPaths.UPLOAD, ANY, Scope.OWN_UPLOADS),
            new Route("PATCH", ApiPaths.UPLOAD, ANY, Scope.OWN_UPLOADS),
            new Route("DELETE", ApiPaths.UPLOAD, ANY, Scope.OWN_UPLOADS),
            new Route("GET", ApiPaths.GDPR_REQUESTS, STAFF, Scope.STRUCTURE),
            new Route("POST", ApiPaths.GDPR_REQUESTS, STAFF, Scope.STRUCTURE),
            new Route("PUT", ApiPaths.GDPR_REQUEST, STAFF, Scope.STRUCTURE),
            new Route("POST", ApiPaths.GDPR_REQUEST_ERASE, OFFICE_ADMIN, Scope.STRUCTURE),
            new Route("POST", ApiPaths.GDPR_RETENTION_RUN, ADMIN, Scope.SERVER),
            new Route("POST", ApiPaths.AUDIT_EVENTS, ANY, Scope.SELF),
            new Route("GET", ApiPaths.AUDIT, ADMIN, Scope.STRUCTURE),
            new Route("GET", ApiPaths.RESIDENT_EXPORT, STAFF, Scope.STRUCTURE),
            new Route("POST", ApiPaths.TOTP_ENROL, NONE, Scope.SELF),
            new Route("GET", ApiPaths.ACCOUNTS, OFFICE_ADMIN, Scope.MANAGED_ACCOUNTS),
            new Route("POST", ApiPaths.ACCOUNTS, OFFICE_ADMIN, Scope.MANAGED_ACCOUNTS),
            new Route("PUT", ApiPaths.ACCOUNT, OFFICE_ADMIN, Scope.MANAGED_ACCOUNTS),
            new Route("POST", ApiPaths.ACCOUNT_RESET, OFFICE_ADMIN, Scope.MANAGED_ACCOUNTS),
            new Route("GET", ApiPaths.ACCOUNT_DEVICES, OFFICE_ADMIN, Scope.MANAGED_ACCOUNTS),
            new Route("POST", ApiPaths.DEVICE_REVOKE, OFFICE_ADMIN, Scope.MANAGED_ACCOUNTS),
            new Route("GET", ApiPaths.CALENDAR_LINKS, CALENDAR_LINK_MANAGERS, Scope.COUNSELLOR_DAYS),
            new Route("POST", ApiPaths.CALENDAR_LINKS, CALENDAR_LINK_MANAGERS, Scope.COUNSELLOR_DAYS),
            new Route("DELETE", ApiPaths.CALENDAR_LINK, CALENDAR_LINK_MANAGERS, Scope.COUNSELLOR_DAYS),
            new Route("GET", ApiPaths.CALENDAR_FEED, NONE, Scope.SECRET_LINK),
            new Route("GET", ApiPaths.CALENDAR_EXPORT, ROUND_READERS, Scope.COUNSELLOR_DAYS),
            new Route("GET", ApiPaths.DAY_SHEET, ROUND_READERS, Scope.COUNSELLOR_DAYS),
            new Route("GET", ApiPaths.PLANNING_SETTINGS, STAFF, Scope.STRUCTURE),
            new Route("PUT", ApiPaths.PLANNING_SETTINGS, PLANNERS, Scope.STRUCTURE),
            new Route("GET", ApiPaths.PLANNING_SCHEDULES, PLANNERS, Scope.STRUCTURE),
            new Route("GET", ApiPaths.PLANNING_SCHEDULE, SCHEDULE_READERS, Scope.COUNSELLOR_DAYS),
            new Route("PUT", ApiPaths.PLANNING_SCHEDULE, PLANNERS, Scope.STRUCTURE),
            new Route("POST", ApiPaths.PLANNING_PROPOSALS, PLANNERS, Scope.STRUCTURE));

    private RouteTable() {}
}
