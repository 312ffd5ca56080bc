package fr.mediance.server.sync;

/** One pushed operation refused by a rule: a stable code and a French sentence. Never leaves the push. */
public final class RejectedOp extends RuntimeException {
    public static final String INVALID_FIELD = "invalid_field";
    public static final String UNKNOWN_CODE = "unknown_code";
    public static final String FORBIDDEN = "forbidden";
    public static final String FORBIDDEN_FIELD = "forbidden_field";
    public static final String NOT_FOUND = "not_found";
    public static final String ENTITY_DELETED = "entity_deleted";
    public static final String REPORT_IMMUTABLE = "report_immutable";
    public static final String DOCUMENT_IMMUTABLE = "document_immutable";
    public static final String OP_ID_CONFLICT = "op_id_conflict";
    public static final String CONFLICT_RESOLVED = "conflict_resolved";
    public static final String REPORT_SUPERSEDED = "report_superseded";
    public static final String MANDATE_REQUIRED = "mandate_required";
    public static final String LEGAL_PROTECTION = "legal_protection";
    public static final String MANDATE_IMMUTABLE = "mandate_immutable";
    public static final String MANDATE_REVOKED = "mandate_revoked";
    public static final String CONSENT_IMMUTABLE = "consent_immutable";
    public static final String CONSENT_WITHDRAWN = "consent_withdrawn";
    public static final String TASK_TRANSITION = "task_transition";

    private final String code;

    public RejectedOp(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static RejectedOp invalid(String field, String message) {
        return new RejectedOp(INVALID_FIELD, message);
    }

    public static RejectedOp forbidden(String message) {
        return new RejectedOp(FORBIDDEN, message);
    }

    public static RejectedOp notFound(String message) {
        return new RejectedOp(NOT_FOUND, message);
    }
}
