package fr.mediance.protocol;

import java.util.List;

/**
 * The names of the editable code lists (domain brief §5) that records refer to. The entries are data: the
 * office edits them and they reach the devices by sync ({@link CodeDto}); only the list names are fixed.
 */
public final class ListNames {
    public static final String DOMAIN = "domain";
    /** Motifs; parent = a domain code. */
    public static final String MOTIF = "motif";

    public static final String MEDIUM = "medium";
    public static final String DOCUMENT_TYPE = "document_type";
    /** Démarches a document is needed for. */
    public static final String DOCUMENT_PURPOSE = "document_purpose";

    public static final String APPOINTMENT_TYPE = "appointment_type";
    public static final String APPOINTMENT_STATUS = "appointment_status";
    /** Reasons for cancelling or a no-show. */
    public static final String CANCEL_REASON = "cancel_reason";

    public static final String MOBILITY_REASON = "mobility_reason";
    public static final String RESIDENT_STATUS = "resident_status";
    public static final String ACCOMMODATION_MODE = "accommodation_mode";
    public static final String SOCIO_PROFESSIONAL = "socio_professional";
    public static final String LEGAL_PROTECTION = "legal_protection";
    public static final String ORIENTATION_IN = "orientation_in";
    public static final String HOUSEHOLD_ROLE = "household_role";
    public static final String PERSON_PRESENT = "person_present";
    public static final String ACTION_TYPE = "action_type";
    public static final String ACTION_RESULT = "action_result";
    public static final String ORIENTATION_TARGET = "orientation_target";
    public static final String ORIENTATION_MODE = "orientation_mode";
    public static final String ORIENTATION_FEEDBACK = "orientation_feedback";
    public static final String SUPPLY_STATE = "supply_state";
    public static final String HEATING_TYPE = "heating_type";
    public static final String ECO_GESTURE = "eco_gesture";
    public static final String EQUIPMENT_ISSUE = "equipment_issue";
    public static final String RENOVATION_ORIENTATION = "renovation_orientation";
    public static final String CONSENT_SCOPE = "consent_scope";
    /** Creditor categories of debts (domain brief §5.5): energie, eau, telecom... */
    public static final String CREDITOR_CATEGORY = "creditor_category";
    /**
     * Partners and creditors (domain brief §5.2): the list of older versions, whose entries now live in the partner
     * directory ({@link PartnerDto}, same codes). No longer seeded; an old device's entry is still accepted.
     */
    public static final String PARTNER = "partner";
    /** The types of the partner directory's organisations (fournisseur_energie, caf, mediateur...). */
    public static final String PARTNER_TYPE = "partner_type";
    /** value = an ISO period (P1D, P1M, P6M, P1Y). */
    public static final String MANDATE_DURATION = "mandate_duration";

    public static final String MANDATE_CHANNEL = "mandate_channel";
    /**
     * Rules that create follow-up tasks: code = the rule, label = the task title, parent = the action type
     * that triggers it (or "orientation" for every orientation), value = the delay in days.
     */
    public static final String TASK_RULE = "task_rule";
    /**
     * Settings of the service: e.g. "information_notice" (value = current version of the notice),
     * "retention_default" (value = ISO period for documents of a type with none).
     */
    public static final String SETTING = "setting";
    /** Who referred a resident's request (EDF Solidarité, a social worker, the resident...). */
    public static final String REFERRER = "referrer";
    /** Why a case was closed (domain brief §5.8, "process" outcomes). */
    public static final String CLOSING_REASON = "closing_reason";
    /** What a case obtained (domain brief §5.8); some carry an amount. */
    public static final String OUTCOME = "outcome";
    /**
     * The legal values the casework rules compute with (trêve, delays, chèque énergie barème and RSA by year): code =
     * the value's key ({@code fr.mediance.rules.LegalValues}), value = the value as text, checked on both sides.
     */
    public static final String LEGAL_VALUE = "legal_value";
    /** Kinds of financial aid (FSL énergie, eau…, CCAS, CAF, supplier's fund…); parent = the domain it is for. */
    public static final String AID_KIND = "aid_kind";
    /** The documents an aid's file needs: parent = an aid kind, value = a document type code. */
    public static final String AID_CHECKLIST = "aid_checklist";
    /** A département's FSL rules: code = the département ("13"), value = {@code delai=15;seul=energie,eau;qf=800}. */
    public static final String FSL_RULE = "fsl_rule";

    /** Every list, in the order of the domain brief (§5). A code of another list is refused on both sides. */
    public static final List<String> ALL = List.of(
            DOMAIN,
            MOTIF,
            MEDIUM,
            DOCUMENT_TYPE,
            DOCUMENT_PURPOSE,
            APPOINTMENT_TYPE,
            APPOINTMENT_STATUS,
            CANCEL_REASON,
            MOBILITY_REASON,
            RESIDENT_STATUS,
            ACCOMMODATION_MODE,
            SOCIO_PROFESSIONAL,
            LEGAL_PROTECTION,
            ORIENTATION_IN,
            HOUSEHOLD_ROLE,
            PERSON_PRESENT,
            ACTION_TYPE,
            ACTION_RESULT,
            ORIENTATION_TARGET,
            ORIENTATION_MODE,
            ORIENTATION_FEEDBACK,
            SUPPLY_STATE,
            HEATING_TYPE,
            ECO_GESTURE,
            EQUIPMENT_ISSUE,
            RENOVATION_ORIENTATION,
            CONSENT_SCOPE,
            CREDITOR_CATEGORY,
            PARTNER,
            MANDATE_DURATION,
            MANDATE_CHANNEL,
            TASK_RULE,
            SETTING,
            REFERRER,
            CLOSING_REASON,
            OUTCOME,
            LEGAL_VALUE,
            AID_KIND,
            AID_CHECKLIST,
            FSL_RULE,
            PARTNER_TYPE);

    private ListNames() {}
}
