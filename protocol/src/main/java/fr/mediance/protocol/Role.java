package fr.mediance.protocol;

/** What an account may do. The wire form is the lowercase {@link #code()}. */
public enum Role {
    COUNSELLOR("counsellor"),
    COORDINATOR("coordinator"),
    OFFICE("office"),
    ADMIN("admin");

    private final String code;

    Role(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The role for a wire code, or {@code null} if it is unknown. */
    public static Role fromCode(String code) {
        for (Role r : values()) {
            if (r.code.equals(code)) {
                return r;
            }
        }
        return null;
    }
}
