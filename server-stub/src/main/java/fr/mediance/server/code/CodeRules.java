package fr.mediance.server.code;

import fr.mediance.protocol.CodeDto;
import fr.mediance.protocol.CodeValues;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.Limits;
import fr.mediance.protocol.ListNames;
import fr.mediance.protocol.OperationResultDto;
import fr.mediance.server.db.Tx;
import fr.mediance.server.partner.PartnerRules;
import fr.mediance.server.sync.FieldChecks;
import fr.mediance.server.sync.Operation;
import fr.mediance.server.sync.RecordRules;
import fr.mediance.server.sync.RejectedOp;
import fr.mediance.server.sync.StoredEntity;
import fr.mediance.server.sync.Viewer;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The reference code lists: shared by every structure and seen by everyone; written and deleted by the
 * coordination, the office and the admin. An entry belongs to a known list, has a well-formed code
 * ({@link Limits#CODE_PATTERN}, at most {@link Limits#MAX_CODE} characters) and the value its list needs (an ISO
 * period, a number of days up to {@link Limits#MAX_RULE_DAYS}, or a text of at most {@link Limits#MAX_CODE_VALUE}
 * characters); a motif's parent is a domain, a task rule's an action type, a partner's (if any) a creditor category. A deleted entry is not revived.
 * The "partner" list moved into the partner directory: an entry of it that an older device still sends is written
 * into the directory ({@link PartnerRules#fromOldCode}).
 */
public final class CodeRules extends RecordRules<CodeDto> {
    private static final Pattern CODE = Pattern.compile(Limits.CODE_PATTERN);
    private static final int MAX_LIST_NAME = 32;

    public CodeRules() {
        super(EntityType.CODE, CodeDto.class);
    }

    @Override
    public boolean global() {
        return true;
    }

    /** An entry of a code list: a known list, a well-formed code, and the value the list needs. */
    public static void shape(CodeDto c) {
        if (!CodeLists.NAMES.contains(c.list())) {
            throw RejectedOp.invalid("list", "La liste « " + FieldChecks.shorten(c.list()) + " » n'existe pas.");
        }
        if (c.list().length() > MAX_LIST_NAME || !CODE.matcher(c.list()).matches()) {
            throw RejectedOp.invalid(
                    "list",
                    "Le nom de liste « list » doit être en minuscules, sans espace " + "(" + MAX_LIST_NAME
                            + " caractères au plus).");
        }
        if (c.code().length() > Limits.MAX_CODE || !CODE.matcher(c.code()).matches()) {
            throw RejectedOp.invalid(
                    "code",
                    "Le code « code » doit être en minuscules, sans espace " + "(" + Limits.MAX_CODE
                            + " caractères au plus).");
        }
        FieldChecks.text("label", c.label(), Limits.MAX_SHORT_TEXT, true);
        if (c.parent() != null
                && (c.parent().length() > Limits.MAX_CODE
                        || !CODE.matcher(c.parent()).matches())) {
            throw RejectedOp.invalid("parent", "Le code parent « parent » est mal formé.");
        }
        FieldChecks.text("value", c.value(), Limits.MAX_CODE_VALUE, false);
        CodeValues.Kind kind = CodeValues.kind(c.list(), c.code());
        switch (kind) {
            case PERIOD, OPTIONAL_PERIOD -> {
                boolean optional = kind == CodeValues.Kind.OPTIONAL_PERIOD;
                if (!(optional && c.value() == null) && !CodeValues.isPeriod(c.value())) {
                    throw RejectedOp.invalid(
                            "value",
                            "La valeur « value » de ce code est une durée ISO 8601 "
                                    + "(par exemple P6M pour six mois, P1Y pour un an).");
                }
            }
            case DAYS -> {
                if (!CodeValues.isDays(c.value())) {
                    throw RejectedOp.invalid(
                            "value",
                            "La valeur « value » de ce code est un nombre de jours " + "(de 1 à " + Limits.MAX_RULE_DAYS
                                    + ").");
                }
            }
            case TEXT -> {}
            case LEGAL -> {
                java.util.Optional<String> problem = CodeValues.legalProblem(c.list(), c.code(), c.value());
                if (problem.isPresent()) {
                    throw RejectedOp.invalid("value", problem.get());
                }
            }
        }
    }

    @Override
    public void validate(Tx tx, CodeDto c, LocalDate today) {
        shape(c);
        switch (c.list()) {
            case ListNames.MOTIF -> FieldChecks.code(tx, "parent", ListNames.DOMAIN, c.parent(), true);
            case ListNames.TASK_RULE -> FieldChecks.code(tx, "parent", ListNames.ACTION_TYPE, c.parent(), true);
            case ListNames.AID_KIND -> FieldChecks.code(tx, "parent", ListNames.DOMAIN, c.parent(), false);
            case ListNames.AID_CHECKLIST -> {
                FieldChecks.code(tx, "parent", ListNames.AID_KIND, c.parent(), true);
                FieldChecks.code(tx, "value", ListNames.DOCUMENT_TYPE, c.value(), true);
            }
            case ListNames.PARTNER -> FieldChecks.code(tx, "parent", ListNames.CREDITOR_CATEGORY, c.parent(), false);
            default -> {}
        }
    }

    @Override
    public OperationResultDto apply(Operation c, CodeDto code) {
        requireEditor(c);
        validate(c.tx(), code, c.today());
        if (ListNames.PARTNER.equals(code.list())) {
            return c.applied(PartnerRules.fromOldCode(c, code));
        }
        Optional<StoredEntity> existing = c.find(EntityType.CODE, code.id());
        if (existing.isPresent() && existing.get().deleted()) {
            throw new RejectedOp(RejectedOp.ENTITY_DELETED, "Ce code a été supprimé.");
        }
        return c.applied(c.save(code));
    }

    @Override
    public void checkDelete(Operation c, StoredEntity existing) {
        requireEditor(c);
    }

    @Override
    public boolean sees(Viewer viewer, StoredEntity stored, CodeDto code) {
        return true;
    }

    private static void requireEditor(Operation c) {
        if (!c.byStaff()) {
            throw RejectedOp.forbidden(
                    "Seuls la coordination, le bureau et l'administration modifient les listes " + "de codes.");
        }
    }
}
