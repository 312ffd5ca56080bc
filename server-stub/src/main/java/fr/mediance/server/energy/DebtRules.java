package fr.mediance.server.energy;

import fr.mediance.protocol.DebtDto;
import fr.mediance.protocol.EnergyContractDto;
import fr.mediance.protocol.EnergyRecords;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.ListNames;
import fr.mediance.protocol.OperationResultDto;
import fr.mediance.rules.EnergyProcedure;
import fr.mediance.rules.RuleException;
import fr.mediance.server.code.LegalValuesStore;
import fr.mediance.server.db.Tx;
import fr.mediance.server.partner.PartnerRules;
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
 * Debts (unpaid bills): written by a counsellor who follows the resident, or by the coordination or the admin; the
 * fields checked by {@link EnergyRecords} (as on the device), the category from its list, the creditor from the partner
 * directory (an active partner, unless an existing debt keeps the one it named), and,
 * for an energy debt, the dates in an order the procedure can have ({@link EnergyProcedure#unpaidTimeline}: the due
 * date not before the issue, the first reminder not before the bill is unpaid, the second letter after the first).
 * An energy debt names a live contract of the same resident. Seen like the contracts.
 */
public final class DebtRules extends RecordRules<DebtDto> {

    public DebtRules() {
        super(EntityType.DEBT, DebtDto.class);
    }

    @Override
    public void validate(Tx tx, DebtDto d, LocalDate today) {
        EnergyContractRules.refuseFirst(EnergyRecords.debtProblems(d));
        FieldChecks.code(tx, "creditorCategory", ListNames.CREDITOR_CATEGORY, d.creditorCategory(), true);
        PartnerRules.requirePartner(tx, "creditor", d.creditor(), d.creditor());
        if (DebtDto.ENERGY.equals(d.creditorCategory())) {
            try {
                new EnergyProcedure(LegalValuesStore.reference(tx))
                        .unpaidTimeline(
                                d.issueDate(),
                                Optional.ofNullable(d.dueDate()),
                                false,
                                Optional.ofNullable(d.firstReminderOn()),
                                Optional.ofNullable(d.secondLetterOn()));
            } catch (RuleException e) {
                throw RejectedOp.invalid(fieldOf(e), e.getMessage());
            }
        }
    }

    /** The field a refusal of the unpaid timeline is about. */
    static String fieldOf(RuleException e) {
        return switch (e.key()) {
            case "unpaid.due.before.issue" -> "dueDate";
            case "unpaid.first.before.unpaid" -> "firstReminderOn";
            default -> "secondLetterOn";
        };
    }

    @Override
    public OperationResultDto apply(Operation c, DebtDto pushed) {
        DebtDto debt = c.inCallersStructure(pushed);
        validate(c.tx(), debt, c.today());
        c.requireAuthorRole();
        ResidentFiles.requireVisible(c, debt.residentId());
        Optional<StoredEntity> existing = c.existing(EntityType.DEBT, debt.id());
        PartnerRules.requirePartner(
                c.tx(),
                "creditor",
                debt.creditor(),
                existing.map(e -> ((DebtDto) e.data()).creditor()).orElse(null));
        if (existing.isPresent()) {
            DebtDto before = (DebtDto) existing.get().data();
            if (before.equals(debt)) {
                return c.applied(existing.get().version());
            }
            if (!before.residentId().equals(debt.residentId())) {
                throw RejectedOp.invalid("residentId", "Un impayé reste attaché à la même personne (« residentId »).");
            }
        }
        if (debt.contractId() != null) {
            StoredEntity contract =
                    c.inStructure(EntityType.ENERGY_CONTRACT, debt.contractId(), "Contrat « contractId » introuvable.");
            if (contract.deleted()
                    || !((EnergyContractDto) contract.data()).residentId().equals(debt.residentId())) {
                throw RejectedOp.notFound("Contrat « contractId » introuvable pour cette personne.");
            }
        }
        return c.applied(c.save(debt));
    }

    @Override
    public void checkDelete(Operation c, StoredEntity existing) {
        c.requireAuthorRole();
        DebtDto debt = (DebtDto) existing.data();
        ResidentFiles.requireVisible(c, debt.residentId());
        boolean inPlan = c
                .tx()
                .query(
                        "SELECT data FROM payment_plans WHERE resident_id = ? AND deleted = 0",
                        rs -> fr.mediance.protocol.json.MedianceJson.gson()
                                .fromJson(rs.getString(1), fr.mediance.protocol.PaymentPlanDto.class),
                        debt.residentId())
                .stream()
                .anyMatch(p -> p.debtIds().contains(debt.id()));
        if (inPlan) {
            throw RejectedOp.forbidden(
                    "Un échéancier porte sur cette dette : elle reste au dossier (marquez-la payée ou "
                            + "remise si c'est le cas).");
        }
    }

    @Override
    public boolean sees(Viewer viewer, StoredEntity stored, DebtDto debt) {
        return viewer.seesWholeStructure() || viewer.follows(debt.residentId());
    }
}
