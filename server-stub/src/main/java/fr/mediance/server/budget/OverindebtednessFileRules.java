package fr.mediance.server.budget;

import static fr.mediance.server.sync.FieldChecks.id;
import static fr.mediance.server.sync.FieldChecks.instant;

import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.FieldErrorDto;
import fr.mediance.protocol.OperationResultDto;
import fr.mediance.protocol.OverindebtednessFileDto;
import fr.mediance.protocol.OverindebtednessFiles;
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
 * Overindebtedness files: checked by the same rule as on the tablet ({@link OverindebtednessFiles#problem});
 * written by whoever may see the resident and write about them, about the same resident for good; never deleted
 * (a file is closed). Seen by the structure's staff and the counsellors who follow the resident.
 */
public final class OverindebtednessFileRules extends RecordRules<OverindebtednessFileDto> {

    public OverindebtednessFileRules() {
        super(EntityType.OVERINDEBTEDNESS_FILE, OverindebtednessFileDto.class);
    }

    @Override
    public void validate(Tx tx, OverindebtednessFileDto f, LocalDate today) {
        id("id", f.id(), true);
        id("residentId", f.residentId(), true);
        instant("updatedAt", f.updatedAt());
        Optional<FieldErrorDto> problem = OverindebtednessFiles.problem(f);
        if (problem.isPresent()) {
            throw RejectedOp.invalid(problem.get().field(), problem.get().message());
        }
    }

    @Override
    public OperationResultDto apply(Operation c, OverindebtednessFileDto pushed) {
        OverindebtednessFileDto file = c.inCallersStructure(pushed);
        validate(c.tx(), file, c.today());
        c.requireAuthorRole();
        ResidentFiles.requireVisible(c, file.residentId());
        Optional<StoredEntity> existing = c.existing(EntityType.OVERINDEBTEDNESS_FILE, file.id());
        if (existing.isPresent()) {
            OverindebtednessFileDto before =
                    (OverindebtednessFileDto) existing.get().data();
            if (!before.residentId().equals(file.residentId())) {
                throw RejectedOp.invalid("residentId", "Un dossier de surendettement reste attaché au même foyer.");
            }
            if (before.equals(file)) {
                return c.applied(existing.get().version());
            }
        }
        return c.applied(c.save(file));
    }

    @Override
    public void checkDelete(Operation c, StoredEntity existing) {
        throw RejectedOp.forbidden("Un dossier de surendettement ne se supprime pas : il se clôture.");
    }

    @Override
    public boolean sees(Viewer viewer, StoredEntity stored, OverindebtednessFileDto file) {
        return viewer.seesWholeStructure() || viewer.follows(file.residentId());
    }
}
