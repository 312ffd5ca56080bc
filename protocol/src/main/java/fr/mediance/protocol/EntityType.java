package fr.mediance.protocol;

/** The synchronised entities. The wire form is {@link #code()}. */
public enum EntityType {
    RESIDENT("resident"),
    APPOINTMENT("appointment"),
    VISIT_REPORT("visit_report"),
    DOCUMENT("document"),
    /** An entry of an editable code list (domains, document types, media...). */
    CODE("code"),
    /**
     * Two people changed the same field of a shared record: the server kept both values in a conflict record
     * that an office or coordinator resolves (by pushing it back with a resolution).
     */
    CONFLICT("conflict"),
    /** Server-owned: the bytes of a blob have arrived and been verified. Its id is the SHA-256. */
    BLOB("blob"),
    /** A follow-up task assigned to a counsellor. */
    TASK("task"),
    /** A consent given by a resident (the information notice acknowledged is one). */
    CONSENT("consent"),
    /** A resident's mandate to act on their behalf. */
    MANDATE("mandate"),
    /** A counsellor's note on a resident that only its author sees. */
    PRIVATE_NOTE("private_note"),
    /** A resident's case (accompagnement): at most one not closed per resident. */
    CASE("case"),
    /** A request (demande) about a resident. */
    REQUEST("request"),
    /** A desk or phone contact with no resident file: counted, never identified. */
    ANONYMOUS_CONTACT("anonymous_contact"),
    /** A household's budget sheet on one day, written by a counsellor who follows the resident. */
    BUDGET("budget"),
    /** An application for financial aid (FSL, CCAS, CAF…) with its documents checklist and decision. */
    AID_APPLICATION("aid_application"),
    /** A household's energy contract, with its chèques énergie and supply-state history. */
    ENERGY_CONTRACT("energy_contract"),
    /** An unpaid bill (a debt), with the dates of the creditor's procedure. */
    DEBT("debt"),
    /** A household's overindebtedness file at the Banque de France, with its decisions. */
    OVERINDEBTEDNESS_FILE("overindebtedness_file"),
    /** A payment plan (échéancier) of one or more debts of a household, with its instalments. */
    PAYMENT_PLAN("payment_plan"),
    /** An organisation of the partner directory, with its services: shared by every structure, like the codes. */
    PARTNER("partner");

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
        } else if (dto instanceof ConflictDto) {
            return CONFLICT;
        } else if (dto instanceof BlobStatusDto) {
            return BLOB;
        } else if (dto instanceof TaskDto) {
            return TASK;
        } else if (dto instanceof ConsentDto) {
            return CONSENT;
        } else if (dto instanceof MandateDto) {
            return MANDATE;
        } else if (dto instanceof PrivateNoteDto) {
            return PRIVATE_NOTE;
        } else if (dto instanceof CaseDto) {
            return CASE;
        } else if (dto instanceof RequestDto) {
            return REQUEST;
        } else if (dto instanceof AnonymousContactDto) {
            return ANONYMOUS_CONTACT;
        } else if (dto instanceof BudgetDto) {
            return BUDGET;
        } else if (dto instanceof AidApplicationDto) {
            return AID_APPLICATION;
        } else if (dto instanceof EnergyContractDto) {
            return ENERGY_CONTRACT;
        } else if (dto instanceof DebtDto) {
            return DEBT;
        } else if (dto instanceof OverindebtednessFileDto) {
            return OVERINDEBTEDNESS_FILE;
        } else if (dto instanceof PaymentPlanDto) {
            return PAYMENT_PLAN;
        } else if (dto instanceof PartnerDto) {
            return PARTNER;
        }
        throw new IllegalArgumentException("unknown entity payload " + dto.getClass());
    }
}
