package fr.mediance.server.budget;

import static fr.mediance.server.sync.FieldChecks.id;
import static fr.mediance.server.sync.FieldChecks.instant;

import fr.mediance.protocol.AidApplicationDto;
import fr.mediance.protocol.AidApplications;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.FieldErrorDto;
import fr.mediance.protocol.ListNames;
import fr.mediance.protocol.OperationResultDto;
import fr.mediance.server.db.Tx;
import fr.mediance.server.resident.ResidentFiles;
import fr.mediance.server.sync.FieldChecks;
import fr.mediance.server.sync.Operation;
import fr.mediance.server.sync.RecordRules;
import fr.mediance.server.sync.RejectedOp;
import fr.mediance.server.sync.StoredEntity;
import fr.mediance.server.sync.Viewer;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Aid applications: checked by the same rule as on the tablet ({@link AidApplications#problem}), the kind and the
 * checklist's document types against the office's lists; written by whoever may see the resident and write about
 * them (a colleague takes an application over when the counsellor is away), about the same resident for good.
 * Not deleted: a dropped application is refused or left in preparation, and counts in the figures. Seen by the
 * structure's staff and the counsellors who follow the resident.
 */
public final class AidApplicationRules extends RecordRules<AidApplicationDto> {

    public AidApplicationRules() {
        super(EntityType.AID_APPLICATION, AidApplicationDto.class);
    }

    @Override
    public void validate(Tx tx, AidApplicationDto a, LocalDate today) {
        id("id", a.id(), true);
        id("residentId", a.residentId(), true);
        id("authorId", a.authorId(), false);
        instant("updatedAt", a.updatedAt());
        Optional<FieldErrorDto> problem = AidApplications.problem(a);
        if (problem.isPresent()) {
            throw RejectedOp.invalid(problem.get().field(), problem.get().message());
        }
        FieldChecks.code(tx, "kind", ListNames.AID_KIND, a.kind(), true);
        FieldChecks.codes(tx, "checklist", ListNames.DOCUMENT_TYPE, a.checklist());
        for (String debt : a.debtIds()) {
            id("debtIds", debt, true);
        }
    }

    @Override
    public OperationResultDto apply(Operation c, AidApplicationDto pushed) {
        AidApplicationDto application = c.inCallersStructure(pushed);
        validate(c.tx(), application, c.today());
        c.requireAuthorRole();
        ResidentFiles.requireVisible(c, application.residentId());
        Optional<StoredEntity> existing = c.existing(EntityType.AID_APPLICATION, application.id());
        if (existing.isPresent()) {
            AidApplicationDto before = (AidApplicationDto) existing.get().data();
            if (!before.residentId().equals(application.residentId())) {
                throw RejectedOp.invalid("residentId", "Une demande d'aide reste attachée au même foyer.");
            }
            if (before.equals(application)) {
                return c.applied(existing.get().version());
            }
        }
        return c.applied(c.save(application));
    }

    @Override
    public void checkDelete(Operation c, StoredEntity existing) {
        throw RejectedOp.forbidden("Une demande d'aide ne se supprime pas : indiquez sa décision ou son abandon.");
    }

    @Override
    public boolean sees(Viewer viewer, StoredEntity stored, AidApplicationDto application) {
        return viewer.seesWholeStructure() || viewer.follows(application.residentId());
    }
}
