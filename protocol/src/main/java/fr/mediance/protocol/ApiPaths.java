package fr.mediance.protocol;

/**
 * Every HTTP path of the office API, shared by the client's Retrofit interface and the server's route
 * table. Path parameters use the {@code {name}} syntax that both Retrofit and Javalin understand.
 */
public final class ApiPaths {
    public static final String PREFIX = "/api/v1";

    public static final String HEALTH = PREFIX + "/health";
    public static final String LOGIN = PREFIX + "/auth/login";
    public static final String REFRESH = PREFIX + "/auth/refresh";
    public static final String LOGOUT = PREFIX + "/auth/logout";
    public static final String ME = PREFIX + "/me";
    /** GET the active accounts of the caller's structure ({@link UsersResponse}); {@code role} filters. */
    public static final String USERS = PREFIX + "/users";

    public static final String PARAM_ROLE = "role";

    /** POST a {@link LoginRequest} (credentials): a new TOTP secret ({@link TotpEnrolmentDto}) for an account not enrolled. */
    public static final String TOTP_ENROL = PREFIX + "/auth/totp";
    /** GET the accounts the caller manages ({@link AccountsResponse}); POST an {@link AccountRequest} to create one. */
    public static final String ACCOUNTS = PREFIX + "/accounts";

    public static final String PARAM_ACCOUNT_ID = "accountId";
    /** PUT an {@link AccountRequest}: display name, role, active. */
    public static final String ACCOUNT = ACCOUNTS + "/{" + PARAM_ACCOUNT_ID + "}";
    /** POST: a new temporary password ({@link AccountPasswordDto}); the second factor is enrolled again. */
    public static final String ACCOUNT_RESET = ACCOUNT + "/reset";
    /** GET the account's devices ({@link DevicesResponse}). */
    public static final String ACCOUNT_DEVICES = ACCOUNT + "/devices";

    public static final String PARAM_DEVICE_REF = "deviceRef";
    /** POST: revokes a device (its store is wiped after it has pushed what it holds); answers its {@link DeviceDto}. */
    public static final String DEVICE_REVOKE = PREFIX + "/devices/{" + PARAM_DEVICE_REF + "}/revoke";

    /**
     * GET with {@link #PARAM_FROM} and {@link #PARAM_TO} (ISO dates, inclusive) and optionally
     * {@link #PARAM_HIDE_SMALL_COUNTS}; answers a {@link FiguresResponse}. Coordination, office and admin only.
     */
    public static final String FIGURES = PREFIX + "/figures";

    /** The register of rights requests (GDPR): list and record (office, coordinator, admin). */
    public static final String GDPR_REQUESTS = PREFIX + "/gdpr/requests";
    /** One rights request: update (extend, answer). */
    public static final String GDPR_REQUEST = GDPR_REQUESTS + "/{id}";
    /** Carries out an erasure request: the resident's file is anonymised (office, admin). */
    public static final String GDPR_REQUEST_ERASE = GDPR_REQUEST + "/erase";
    /** Runs the daily GDPR retention now (admin). */
    public static final String GDPR_RETENTION_RUN = PREFIX + "/gdpr/retention/run";

    public static String gdprRequest(String id) {
        return GDPR_REQUESTS + "/" + id;
    }

    public static final String PARAM_FROM = "from";
    public static final String PARAM_TO = "to";
    public static final String PARAM_HIDE_SMALL_COUNTS = "hideSmallCounts";

    /** POST a {@link PushRequest}; answers a {@link PushResponse}. */
    public static final String SYNC_PUSH = PREFIX + "/sync/push";
    /** GET with {@link #PARAM_SINCE} and {@link #PARAM_LIMIT}; answers a {@link ChangesResponse}. */
    public static final String SYNC_CHANGES = PREFIX + "/sync/changes";

    public static final String PARAM_SINCE = "since";
    public static final String PARAM_LIMIT = "limit";

    /** PUT the bytes of a blob (HEAD: does the server have it; GET: download it). */
    public static final String BLOB = PREFIX + "/blobs/{" + ApiPaths.PARAM_SHA256 + "}";

    public static final String PARAM_SHA256 = "sha256";
    /**
     * POST a {@link BlobsHeldRequest}: which of these blobs the server already holds (among those the caller may
     * see); answers a {@link BlobsHeldResponse}. One request before a batch of uploads instead of a HEAD per blob.
     */
    public static final String BLOBS_HELD = PREFIX + "/blobs/held";
    /** GET a small JPEG preview of an image blob (long edge {@link Limits#THUMBNAIL_EDGE} px). */
    public static final String BLOB_THUMBNAIL = BLOB + "/thumbnail";

    /** Resumable uploads, tus 1.0 (see {@link Tus}): OPTIONS and POST here, HEAD/PATCH/DELETE on {@link #UPLOAD}. */
    public static final String UPLOADS = PREFIX + "/uploads";

    public static final String UPLOAD = UPLOADS + "/{" + ApiPaths.PARAM_UPLOAD_ID + "}";
    public static final String PARAM_UPLOAD_ID = "uploadId";

    /**
     * GET the audit log ({@link AuditPage}, newest first; admin only, and the reading is itself logged), filtered
     * by {@link #PARAM_RESIDENT}, {@link #PARAM_ACCOUNT}, {@link #PARAM_ACTION}, {@link #PARAM_FROM} and
     * {@link #PARAM_TO} (ISO dates, Europe/Paris, inclusive), paged by {@link #PARAM_BEFORE} and {@link #PARAM_LIMIT}.
     */
    public static final String AUDIT = PREFIX + "/audit";
    /** POST an {@link AuditEventsRequest} (a device's offline reads); answers an {@link AuditEventsReceipt}. */
    public static final String AUDIT_EVENTS = PREFIX + "/audit/events";

    public static final String PARAM_RESIDENT = "resident";
    public static final String PARAM_ACCOUNT = "account";
    public static final String PARAM_ACTION = "action";
    public static final String PARAM_BEFORE = "before";

    /**
     * GET everything held about one resident (GDPR art. 15) with {@link #PARAM_FORMAT} {@code pdf}, {@code html},
     * {@code json} or {@code zip} (the JSON, the PDF and the documents' files). Office, coordination and admin of the
     * resident's structure; logged as an export.
     */
    public static final String RESIDENT_EXPORT = PREFIX + "/residents/{" + ApiPaths.PARAM_RESIDENT_ID + "}/export";

    public static final String PARAM_RESIDENT_ID = "residentId";
    public static final String PARAM_FORMAT = "format";

    /**
     * The phone calendars (ICS). {@link #CALENDAR_LINKS}: GET a counsellor's feed links
     * ({@link CalendarLinksResponse}, never a token), POST to create one ({@link CalendarLinkCreatedDto}: its secret
     * shown once), both with {@link #PARAM_COUNSELLOR} (the caller when absent).
     */
    public static final String CALENDAR_LINKS = PREFIX + "/calendar/links";

    public static final String PARAM_LINK_ID = "linkId";
    /** DELETE: revokes a feed link (its feed answers 404 at once). */
    public static final String CALENDAR_LINK = CALENDAR_LINKS + "/{" + PARAM_LINK_ID + "}";

    public static final String PARAM_CALENDAR_TOKEN = "calendarToken";
    /** GET the feed of one link, without an account (calendar apps cannot sign in): the secret is the address. */
    public static final String CALENDAR_FEED = PREFIX + "/calendar/{" + PARAM_CALENDAR_TOKEN + "}.ics";
    /**
     * GET a counsellor's appointments as an {@code .ics} file, with {@link #PARAM_COUNSELLOR}, {@link #PARAM_FROM} and
     * {@link #PARAM_TO} (ISO dates, Europe/Paris, inclusive, at most {@link #CALENDAR_MAX_EXPORT_DAYS} days).
     */
    public static final String CALENDAR_EXPORT = PREFIX + "/calendar/export";
    /** GET a counsellor's printable day sheet (PDF), with {@link #PARAM_COUNSELLOR} and {@link #PARAM_DAY}. */
    public static final String DAY_SHEET = PREFIX + "/calendar/day-sheet";

    public static final String PARAM_COUNSELLOR = "counsellor";
    public static final String PARAM_DAY = "day";
    public static final int CALENDAR_MAX_EXPORT_DAYS = 31;

    /** The feed path of one secret. */
    public static String calendarFeed(String token) {
        return CALENDAR_FEED.replace("{" + PARAM_CALENDAR_TOKEN + "}", token);
    }

    /** The path of one feed link. */
    public static String calendarLink(String linkId) {
        return CALENDAR_LINK.replace("{" + PARAM_LINK_ID + "}", linkId);
    }

    /**
     * The rounds ({@link Rounds}). {@link #PLANNING_SETTINGS}: GET the structure's office point and travel settings
     * ({@link PlanningSettingsDto}), PUT them (coordination, admin).
     */
    public static final String PLANNING_SETTINGS = PREFIX + "/planning/settings";
    /** GET every active counsellor's working hours ({@link CounsellorSchedulesResponse}). */
    public static final String PLANNING_SCHEDULES = PREFIX + "/planning/schedules";

    public static final String PARAM_COUNSELLOR_ID = "counsellorId";
    /** GET one counsellor's working hours ({@link CounsellorScheduleDto}), PUT them (coordination, admin). */
    public static final String PLANNING_SCHEDULE = PLANNING_SCHEDULES + "/{" + PARAM_COUNSELLOR_ID + "}";
    /** POST a {@link WeekProposalRequest}: answers a {@link WeekProposalDto}, computed and not saved (coordination). */
    public static final String PLANNING_PROPOSALS = PREFIX + "/planning/proposals";

    /** The path of one counsellor's working hours. */
    public static String planningSchedule(String counsellorId) {
        return PLANNING_SCHEDULE.replace("{" + PARAM_COUNSELLOR_ID + "}", counsellorId);
    }

    /** Header on a blob upload: the SHA-256 the client computed, lowercase hex. Must match the path. */
    public static final String HEADER_CONTENT_SHA256 = "X-Content-SHA256";

    private ApiPaths() {}

    /** A path with its {@code {name}} parameter filled in. */
    public static String fill(String path, String name, String value) {
        return path.replace("{" + name + "}", value);
    }

    /** The blob path for one hash, e.g. {@code /api/v1/blobs/ab12...}. */
    public static String blob(String sha256) {
        return BLOB.replace("{" + PARAM_SHA256 + "}", sha256);
    }

    /** The export path for one resident. */
    public static String residentExport(String residentId) {
        return RESIDENT_EXPORT.replace("{" + PARAM_RESIDENT_ID + "}", residentId);
    }
}
