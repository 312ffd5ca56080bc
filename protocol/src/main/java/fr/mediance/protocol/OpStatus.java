package fr.mediance.protocol;

/** What the server did with one pushed operation. */
public enum OpStatus {
    /** Stored as sent. */
    APPLIED("applied"),
    /** Stored, merged with a newer server version field by field. */
    MERGED("merged"),
    /** Stored, but some field was changed by someone else too: a conflict record keeps both values. */
    CONFLICT("conflict"),
    /** Not stored; {@code code} and {@code message} say why. Retrying the same operation will not help. */
    REJECTED("rejected");

    private final String code;

    OpStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static OpStatus fromCode(String code) {
        for (OpStatus s : values()) {
            if (s.code.equals(code)) {
                return s;
            }
        }
        return null;
    }
}
