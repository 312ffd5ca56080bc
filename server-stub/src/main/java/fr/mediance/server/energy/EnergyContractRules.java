package fr.mediance.server.energy;

import fr.mediance.protocol.EnergyContractDto;
import fr.mediance.protocol.EnergyRecords;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.OperationResultDto;
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
 * A household's energy contracts: written by a counsellor who follows the resident, or by the coordination or the
 * admin; the fields checked by {@link EnergyRecords} (the device runs the same checks), the supplier from the
 * partner directory (an active partner, unless an existing contract keeps the one it named). A contract stays about the same resident and the same energy. Deleted by those who may write it,
 * unless a debt still refers to it. Seen by the structure's staff and the counsellors who follow the resident.
 */
public final class EnergyContractRules extends RecordRules<EnergyContractDto> {

    public EnergyContractRules() {
        super(EntityType.ENERGY_CONTRACT, EnergyContractDto.class);
    }

    @Override
    public void validate(Tx tx, EnergyContractDto c, LocalDate today) {
        refuseFirst(EnergyRecords.contractProblems(c));
        PartnerRules.requirePartner(tx, "supplier", c.supplier(), c.supplier());
    }

    /** The first problem the shared checks found, as the refusal of the operation. */
    static void refuseFirst(List<EnergyRecords.Problem> problems) {
        if (!problems.isEmpty()) {
            EnergyRecords.Problem p = problems.get(0);
            throw RejectedOp.invalid(p.field(), p.message());
        }
    }

    @Override
    public OperationResultDto apply(Operation c, EnergyContractDto pushed) {
        EnergyContractDto contract = c.inCallersStructure(pushed);
        validate(c.tx(), contract, c.today());
        c.requireAuthorRole();
        ResidentFiles.requireVisible(c, contract.residentId());
        Optional<StoredEntity> existing = c.existing(EntityType.ENERGY_CONTRACT, contract.id());
        PartnerRules.requirePartner(
                c.tx(),
                "supplier",
                contract.supplier(),
                existing.map(e -> ((EnergyContractDto) e.data()).supplier()).orElse(null));
        if (existing.isPresent()) {
            EnergyContractDto before = (EnergyContractDto) existing.get().data();
            if (before.equals(contract)) {
                return c.applied(existing.get().version());
            }
            if (!before.residentId().equals(contract.residentId())) {
                throw RejectedOp.invalid(
                        "residentId", "Un contrat d'énergie reste attaché à la même personne (« residentId »).");
            }
            if (!before.energy().equals(contract.energy())) {
                throw RejectedOp.invalid(
                        "energy", "L'énergie d'un contrat ne change pas : enregistrez un autre contrat (« energy »).");
            }
        }
        return c.applied(c.save(contract));
    }

    @Override
    public void checkDelete(Operation c, StoredEntity existing) {
        c.requireAuthorRole();
        ResidentFiles.requireVisible(c, ((EnergyContractDto) existing.data()).residentId());
        if (c.tx().exists("SELECT 1 FROM debts WHERE contract_id = ? AND deleted = 0", existing.id())) {
            throw RejectedOp.forbidden("Un impayé se rapporte encore à ce contrat : supprimez-le ou rattachez-le à un "
                    + "autre contrat d'abord.");
        }
    }

    @Override
    public boolean sees(Viewer viewer, StoredEntity stored, EnergyContractDto contract) {
        return viewer.seesWholeStructure() || viewer.follows(contract.residentId());
    }
}
