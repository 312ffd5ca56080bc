package fr.mediance.server.casework;

import static fr.mediance.server.sync.FieldChecks.code;
import static fr.mediance.server.sync.FieldChecks.codes;
import static fr.mediance.server.sync.FieldChecks.id;
import static fr.mediance.server.sync.FieldChecks.instant;

import fr.mediance.protocol.CaseDto;
import fr.mediance.protocol.CaseOutcomeDto;
import fr.mediance.protocol.Casework;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.ListNames;
import fr.mediance.protocol.OperationResultDto;
import fr.mediance.protocol.Role;
import fr.mediance.server.db.Tx;
import fr.mediance.server.resident.ResidentFiles;
import fr.mediance.server.sync.Colleagues;
import fr.mediance.server.sync.Operation;
import fr.mediance.server.sync.RecordRules;
import fr.mediance.server.sync.RejectedOp;
import fr.mediance.server.sync.StoredEntity;
import fr.mediance.server.sync.Viewer;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Cases (accompagnements). A counsellor opens, updates, closes and reopens the cases of the residents she follows;
 * the coordination, the office and the admin those of their structure, and only the coordination deletes one. A
 * resident has at most one case that is not closed: a second one is refused ({@link #CASE_ALREADY_OPEN}), and so is
 * the reopening of an old case while another is open. A case stays about the same resident. Seen by the
 * structure's staff, its referent and the counsellors who follow its resident.
 */
public final class CaseRules extends RecordRules<CaseDto> {
    /** The refusal of a second case that is not closed for one resident. */
    public static final String CASE_ALREADY_OPEN = "case_already_open";

    private final Colleagues colleagues;

    public CaseRules(Colleagues colleagues) {
        super(EntityType.CASE, CaseDto.class);
        this.colleagues = colleagues;
    }

    @Override
    public void validate(Tx tx, CaseDto k, LocalDate today) {
        id("id", k.id(), true);
        id("residentId", k.residentId(), true);
        id("referentId", k.referentId(), false);
        id("originRequestId", k.originRequestId(), false);
        Optional<Casework.Violation> v = Casework.check(k);
        if (v.isPresent()) {
            throw RejectedOp.invalid(v.get().field(), v.get().message());
        }
        codes(tx, "domains", ListNames.DOMAIN, k.domains());
        code(tx, "closingReason", ListNames.CLOSING_REASON, k.closingReason(), false);
        for (CaseOutcomeDto o : k.outcomes()) {
            code(tx, "outcomes.code", ListNames.OUTCOME, o.code(), true);
        }
        instant("createdAt", k.createdAt());
    }

    @Override
    public OperationResultDto apply(Operation c, CaseDto pushed) {
        CaseDto k = c.inCallersStructure(pushed);
        validate(c.tx(), k, c.today());
        boolean counsellor = c.user().is(Role.COUNSELLOR);
        if (!c.byStaff() && !counsellor) {
            throw RejectedOp.forbidden("Votre rôle ne permet pas de modifier un accompagnement.");
        }
        Optional<StoredEntity> existing = c.existing(EntityType.CASE, k.id());
        CaseDto before = existing.map(e -> (CaseDto) e.data()).orElse(null);
        if (before == null) {
            ResidentFiles.live(c, k.residentId());
        } else if (!before.residentId().equals(k.residentId())) {
            throw RejectedOp.invalid(
                    "residentId", "Un accompagnement reste celui de la même personne (« residentId »).");
        }
        if (counsellor) {
            ResidentFiles.requireVisible(c, k.residentId());
        }
        if (before != null && before.equals(k)) {
            return c.applied(existing.get().version());
        }
        if (k.referentId() != null && (before == null || !k.referentId().equals(before.referentId()))) {
            colleagues.require(c, k.referentId(), "referentId");
        }
        if (!Casework.CASE_CLOSED.equals(k.status()) && anotherOpen(c.tx(), k)) {
            throw new RejectedOp(
                    CASE_ALREADY_OPEN,
                    "Cette personne a déjà un accompagnement en cours : un seul à la fois (clôturez l'autre d'abord).");
        }
        return c.applied(c.save(k));
    }

    private static boolean anotherOpen(Tx tx, CaseDto k) {
        return tx.exists(
                "SELECT 1 FROM cases WHERE resident_id = ? AND id <> ? AND status <> ? AND deleted = 0",
                k.residentId(),
                k.id(),
                Casework.CASE_CLOSED);
    }

    @Override
    public void checkDelete(Operation c, StoredEntity existing) {
        onlyCoordinationDeletes(c);
    }

    @Override
    public boolean sees(Viewer viewer, StoredEntity stored, CaseDto k) {
        return viewer.seesWholeStructure()
                || viewer.follows(k.residentId())
                || viewer.id().equals(k.referentId());
    }
}
