package fr.mediance.server.budget;

import static fr.mediance.server.sync.FieldChecks.id;
import static fr.mediance.server.sync.FieldChecks.instant;

import fr.mediance.protocol.BudgetDto;
import fr.mediance.protocol.Budgets;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.FieldErrorDto;
import fr.mediance.protocol.OperationResultDto;
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
 * Budget sheets: checked by the same rule as on the tablet ({@link Budgets#problem}); written by a counsellor,
 * the coordination or the admin about a resident they may see, in their own name; a sheet stays its author's and
 * about the same resident (a colleague starts a new snapshot). Not deleted: earlier snapshots are the household's
 * history. Seen by the structure's staff and the counsellors who follow the resident.
 */
public final class BudgetRules extends RecordRules<BudgetDto> {

    public BudgetRules() {
        super(EntityType.BUDGET, BudgetDto.class);
    }

    @Override
    public void validate(Tx tx, BudgetDto b, LocalDate today) {
        id("id", b.id(), true);
        id("residentId", b.residentId(), true);
        id("authorId", b.authorId(), true);
        instant("updatedAt", b.updatedAt());
        Optional<FieldErrorDto> problem = Budgets.problem(b);
        if (problem.isPresent()) {
            throw RejectedOp.invalid(problem.get().field(), problem.get().message());
        }
    }

    @Override
    public OperationResultDto apply(Operation c, BudgetDto pushed) {
        BudgetDto budget = c.inCallersStructure(pushed);
        validate(c.tx(), budget, c.today());
        c.requireAuthorRole();
        if (!c.user().id().equals(budget.authorId())) {
            throw RejectedOp.forbidden(
                    "Une fiche budgétaire est enregistrée au nom de son auteur : « authorId » doit être votre identifiant.");
        }
        ResidentFiles.requireVisible(c, budget.residentId());
        Optional<StoredEntity> existing = c.existing(EntityType.BUDGET, budget.id());
        if (existing.isPresent()) {
            BudgetDto before = (BudgetDto) existing.get().data();
            if (!before.authorId().equals(budget.authorId())) {
                throw RejectedOp.forbidden(
                        "Cette fiche budgétaire est celle d'un collègue : créez une nouvelle fiche.");
            }
            if (!before.residentId().equals(budget.residentId())) {
                throw RejectedOp.invalid("residentId", "Une fiche budgétaire reste attachée au même foyer.");
            }
            if (before.equals(budget)) {
                return c.applied(existing.get().version());
            }
        }
        return c.applied(c.save(budget));
    }

    @Override
    public void checkDelete(Operation c, StoredEntity existing) {
        throw RejectedOp.forbidden("Une fiche budgétaire ne se supprime pas : elle reste dans l'historique du foyer.");
    }

    @Override
    public boolean sees(Viewer viewer, StoredEntity stored, BudgetDto budget) {
        return viewer.seesWholeStructure() || viewer.follows(budget.residentId());
    }
}
