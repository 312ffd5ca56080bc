package fr.mediance.server.casework;

import static fr.mediance.server.sync.FieldChecks.code;
import static fr.mediance.server.sync.FieldChecks.codes;
import static fr.mediance.server.sync.FieldChecks.id;
import static fr.mediance.server.sync.FieldChecks.instant;

import fr.mediance.protocol.CaseDto;
import fr.mediance.protocol.Casework;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.ListNames;
import fr.mediance.protocol.OperationResultDto;
import fr.mediance.protocol.RequestDto;
import fr.mediance.protocol.Role;
import fr.mediance.server.db.Tx;
import fr.mediance.server.resident.ResidentFiles;
import fr.mediance.server.sync.Operation;
import fr.mediance.server.sync.RecordRules;
import fr.mediance.server.sync.RejectedOp;
import fr.mediance.server.sync.StoredEntity;
import fr.mediance.server.sync.Viewer;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Requests (demandes). A counsellor records and updates the requests about residents she follows; the
 * coordination, the office and the admin those of their structure, and only the coordination deletes one. A request
 * stays about the same resident, and its case, when the server has it, is a case of that resident (the case may
 * arrive after the request, as a task's report may). Seen by the structure's staff and the counsellors who follow
 * its resident.
 */
public final class RequestRules extends RecordRules<RequestDto> {
    public RequestRules() {
        super(EntityType.REQUEST, RequestDto.class);
    }

    @Override
    public void validate(Tx tx, RequestDto r, LocalDate today) {
        id("id", r.id(), true);
        id("residentId", r.residentId(), true);
        id("caseId", r.caseId(), false);
        id("visitReportId", r.visitReportId(), false);
        Optional<Casework.Violation> v = Casework.check(r, today.plusDays(1));
        if (v.isPresent()) {
            throw RejectedOp.invalid(v.get().field(), v.get().message());
        }
        code(tx, "referrer", ListNames.REFERRER, r.referrer(), false);
        codes(tx, "domains", ListNames.DOMAIN, r.domains());
        instant("createdAt", r.createdAt());
    }

    @Override
    public OperationResultDto apply(Operation c, RequestDto pushed) {
        RequestDto r = c.inCallersStructure(pushed);
        validate(c.tx(), r, c.today());
        boolean counsellor = c.user().is(Role.COUNSELLOR);
        if (!c.byStaff() && !counsellor) {
            throw RejectedOp.forbidden("Votre rôle ne permet pas d'enregistrer une demande.");
        }
        Optional<StoredEntity> existing = c.existing(EntityType.REQUEST, r.id());
        RequestDto before = existing.map(e -> (RequestDto) e.data()).orElse(null);
        if (before == null) {
            ResidentFiles.live(c, r.residentId());
        } else if (!before.residentId().equals(r.residentId())) {
            throw RejectedOp.invalid("residentId", "Une demande reste celle de la même personne (« residentId »).");
        }
        if (counsellor) {
            ResidentFiles.requireVisible(c, r.residentId());
        }
        if (before != null && before.equals(r)) {
            return c.applied(existing.get().version());
        }
        if (r.caseId() != null) {
            c.find(EntityType.CASE, r.caseId())
                    .filter(e -> !c.structure().equals(e.structureId())
                            || !((CaseDto) e.data()).residentId().equals(r.residentId()))
                    .ifPresent(e -> {
                        throw RejectedOp.notFound("Accompagnement « caseId » introuvable pour cette personne.");
                    });
        }
        return c.applied(c.save(r));
    }

    @Override
    public void checkDelete(Operation c, StoredEntity existing) {
        onlyCoordinationDeletes(c);
    }

    @Override
    public boolean sees(Viewer viewer, StoredEntity stored, RequestDto r) {
        return viewer.seesWholeStructure() || viewer.follows(r.residentId());
    }
}
