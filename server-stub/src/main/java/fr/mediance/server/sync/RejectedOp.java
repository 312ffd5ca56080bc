package fr.mediance.server.sync;

/** One pushed operation refused by a rule: a stable code and a French sentence. Never leaves the push. */
final class RejectedOp extends RuntimeException {
    static final String INVALID_FIELD = "invalid_field";
    static final String UNKNOWN_CODE = "unknown_code";
    static final String FORBIDDEN = "forbidden";
    static final String FORBIDDEN_FIELD = "forbidden_field";
    static final String NOT_FOUND = "not_found";
    static final String ENTITY_DELETED = "entity_deleted";
    static final String REPORT_IMMUTABLE = "report_immutable";
    static final String DOCUMENT_IMMUTABLE = "document_immutable";
    static final String OP_ID_CONFLICT = "op_id_conflict";
    static final String CONFLICT_RESOLVED = "conflict_resolved";
    static final String REPORT_SUPERSEDED = "report_superseded";
    static final String MANDATE_REQUIRED = "mandate_required";
    static final String LEGAL_PROTECTION = "legal_protection";
    static final String MANDATE_IMMUTABLE = "mandate_immutable";
    static final String MANDATE_REVOKED = "mandate_revoked";
    static final String CONSENT_IMMUTABLE = "consent_immutable";
    static final String CONSENT_WITHDRAWN = "consent_withdrawn";
    static final String TASK_TRANSITION = "task_transition";

    private final String code;

    RejectedOp(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    String code() {
        return code;
    }

    static RejectedOp invalid(String field, String message) {
        return new RejectedOp(INVALID_FIELD, message);
    }

    static RejectedOp forbidden(String message) {
        return new RejectedOp(FORBIDDEN, message);
    }

    static RejectedOp notFound(String message) {
        return new RejectedOp(NOT_FOUND, message);
    }
}
