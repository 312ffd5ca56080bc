package fr.mediance.protocol;

/** The synchronised entities. The wire form is {@link #code()}. */
public enum EntityType {
    RESIDENT("resident"),
    APPOINTMENT("appointment"),
    VISIT_REPORT("visit_report"),
    DOCUMENT("document"),
    /** An entry of an editable code list (domains, document types, media...). */
    CODE("code");

    private final String code;

    EntityType(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static EntityType fromCode(String code) {
        for (EntityType t : values()) {
            if (t.code.equals(code)) {
                return t;
            }
        }
        return null;
    }

    /** The entity type of a payload. */
    public static EntityType of(EntityDto dto) {
        if (dto instanceof ResidentDto) {
            return RESIDENT;
        } else if (dto instanceof AppointmentDto) {
            return APPOINTMENT;
        } else if (dto instanceof VisitReportDto) {
            return VISIT_REPORT;
        } else if (dto instanceof DocumentDto) {
            return DOCUMENT;
        } else if (dto instanceof CodeDto) {
            return CODE;
        }
        throw new IllegalArgumentException("unknown entity payload " + dto.getClass());
    }
}
