package fr.mediance.server.debt;

import fr.mediance.protocol.DebtDto;
import fr.mediance.protocol.DocumentDto;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.OperationResultDto;
import fr.mediance.protocol.PaymentPlanDto;
import fr.mediance.protocol.PaymentPlans;
import fr.mediance.server.db.Tx;
import fr.mediance.server.partner.PartnerRules;
import fr.mediance.server.resident.ResidentFiles;
import fr.mediance.server.sync.Operation;
import fr.mediance.server.sync.RecordRules;
import fr.mediance.server.sync.RejectedOp;
import fr.mediance.server.sync.StoredEntity;
import fr.mediance.server.sync.Viewer;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Payment plans (échéanciers): the fields checked by {@link PaymentPlans#problems} (as on the tablet), the creditor
 * from the partner directory; every debt of the plan is a live debt of the same resident, and the creditor's written
 * confirmation, when given, a document of that resident. Written by whoever may write about the resident, about the
 * same resident for good; never deleted (a plan is broken or completed). Seen by the structure's staff and the
 * counsellors who follow the resident, like the debts.
 */
public final class PaymentPlanRules extends RecordRules<PaymentPlanDto> {

    public PaymentPlanRules() {
        super(EntityType.PAYMENT_PLAN, PaymentPlanDto.class);
    }

    @Override
    public void validate(Tx tx, PaymentPlanDto p, LocalDate today) {
        refuseFirst(PaymentPlans.problems(p));
        PartnerRules.requirePartner(tx, "creditor", p.creditor(), p.creditor());
    }

    /** The first problem the shared check found, as the refusal of the operation. */
    static void refuseFirst(List<PaymentPlans.Problem> problems) {
        if (!problems.isEmpty()) {
            PaymentPlans.Problem p = problems.get(0);
            throw RejectedOp.invalid(p.field(), p.message());
        }
    }

    @Override
    public OperationResultDto apply(Operation c, PaymentPlanDto pushed) {
        PaymentPlanDto plan = c.inCallersStructure(pushed);
        validate(c.tx(), plan, c.today());
        c.requireAuthorRole();
        ResidentFiles.requireVisible(c, plan.residentId());
        Optional<StoredEntity> existing = c.existing(EntityType.PAYMENT_PLAN, plan.id());
        PartnerRules.requirePartner(
                c.tx(),
                "creditor",
                plan.creditor(),
                existing.map(e -> ((PaymentPlanDto) e.data()).creditor()).orElse(null));
        if (existing.isPresent()) {
            PaymentPlanDto before = (PaymentPlanDto) existing.get().data();
            if (before.equals(plan)) {
                return c.applied(existing.get().version());
            }
            if (!before.residentId().equals(plan.residentId())) {
                throw RejectedOp.invalid("residentId", "Un échéancier reste attaché au même foyer (« residentId »).");
            }
        }
        for (int i = 0; i < plan.debtIds().size(); i++) {
            String field = "debtIds[" + i + "]";
            Optional<StoredEntity> debt = c.find(EntityType.DEBT, plan.debtIds().get(i))
                    .filter(d -> c.structure().equals(d.structureId()))
                    .filter(d -> !d.deleted());
            if (debt.isEmpty()) {
                throw RejectedOp.notFound("Dette « " + field + " » introuvable.");
            }
            if (!((DebtDto) debt.get().data()).residentId().equals(plan.residentId())) {
                throw RejectedOp.invalid(field, "Un échéancier ne porte que sur des dettes de la même personne.");
            }
        }
        if (plan.confirmationDocumentId() != null) {
            Optional<StoredEntity> doc = c.find(EntityType.DOCUMENT, plan.confirmationDocumentId())
                    .filter(d -> c.structure().equals(d.structureId()))
                    .filter(d -> !d.deleted());
            if (doc.isEmpty()
                    || !plan.residentId().equals(((DocumentDto) doc.get().data()).residentId())) {
                throw RejectedOp.invalid(
                        "confirmationDocumentId", "La confirmation écrite doit être un document de la même personne.");
            }
        }
        return c.applied(c.save(plan));
    }

    @Override
    public void checkDelete(Operation c, StoredEntity existing) {
        throw RejectedOp.forbidden("Un échéancier ne se supprime pas : il est rompu ou soldé.");
    }

    @Override
    public boolean sees(Viewer viewer, StoredEntity stored, PaymentPlanDto plan) {
        return viewer.seesWholeStructure() || viewer.follows(plan.residentId());
    }
}
