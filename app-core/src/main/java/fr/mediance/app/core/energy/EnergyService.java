package fr.mediance.app.core.energy;

import fr.mediance.app.core.Outcome;
import fr.mediance.protocol.DebtDto;
import fr.mediance.protocol.EnergyContractDto;
import fr.mediance.protocol.SupplyStateDto;
import java.util.List;
import java.util.Optional;

/**
 * A household's energy contracts and its debts (unpaid bills), on the device: read locally, written with their
 * outbox entry in one transaction, checked as the server checks them (the protocol's {@code EnergyRecords}, the
 * code lists, and the order of a debt's dates by the rules' unpaid timeline), so that nothing saved offline is
 * refused at sync. Field keys of {@link Outcome.Invalid} are the records' wire paths ("deliveryPoint",
 * "supplyStates[2].kva", "firstReminderOn"). Methods block briefly on the local database: call them off the FX
 * thread.
 */
public interface EnergyService {
    /** Whether the signed-in account may write contracts and debts (the office reads them). */
    boolean mayWrite();

    /** The resident's contracts, electricity first, then by energy code. */
    List<EnergyContractDto> contracts(String residentId);

    Optional<EnergyContractDto> contract(String contractId);

    /** The resident's debts, newest invoice first. */
    List<DebtDto> debts(String residentId);

    Optional<DebtDto> debt(String debtId);

    /**
     * Creates (a null or unknown id: a new id is given) or updates a contract of the signed-in user's structure.
     * The supply-state history is kept as given.
     */
    Outcome<EnergyContractDto> saveContract(EnergyContractDto contract);

    /**
     * Appends a supply state to a contract's history (a new id is given to it): the visit's energy check or the
     * "Nouvel état" of the contract.
     */
    Outcome<EnergyContractDto> addSupplyState(String contractId, SupplyStateDto state);

    /** Refused while a debt of the device still refers to the contract. */
    Outcome<Void> deleteContract(String contractId);

    /** Creates or updates a debt; an energy debt names a contract of the same resident. */
    Outcome<DebtDto> saveDebt(DebtDto debt);

    Outcome<Void> deleteDebt(String debtId);
}
