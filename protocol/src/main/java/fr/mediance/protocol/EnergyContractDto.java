package fr.mediance.protocol;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A household's energy contract (domain brief §2.12): the energy (codes of {@link EnergyRecords#ENERGIES}), the
 * supplier (a "partner" code), the offer (regulated {@code trv} or {@code market}), the delivery point (PDL for
 * electricity, PCE for gas), the subscribed power in kVA (electricity), a smart meter (Linky, Gazpar; null: not
 * known), the billing mode, the customer number, the day of the last meter reading, the chèques énergie received
 * and the supply-state history. A resident may hold several (electricity and gas).
 */
public record EnergyContractDto(
        String id,
        String structureId,
        String residentId,
        String energy,
        String supplier,
        String offer,
        String deliveryPoint,
        Long subscribedKva,
        Boolean smartMeter,
        String billingMode,
        String customerNumber,
        LocalDate lastReadingDate,
        List<ChequeEnergieDto> chequesEnergie,
        List<SupplyStateDto> supplyStates)
        implements EntityDto {
    public EnergyContractDto {
        chequesEnergie = chequesEnergie == null ? List.of() : List.copyOf(chequesEnergie);
        supplyStates = supplyStates == null ? List.of() : List.copyOf(supplyStates);
    }

    /** The latest supply state (by date, then by position in the history), if any was recorded. */
    public Optional<SupplyStateDto> currentSupplyState() {
        SupplyStateDto latest = null;
        for (SupplyStateDto s : supplyStates) {
            if (s.date() != null && (latest == null || !s.date().isBefore(latest.date()))) {
                latest = s;
            }
        }
        return Optional.ofNullable(latest);
    }

    /** The history sorted by date, oldest first. */
    public List<SupplyStateDto> supplyStatesByDate() {
        return supplyStates.stream()
                .filter(s -> s.date() != null)
                .sorted(Comparator.comparing(SupplyStateDto::date))
                .toList();
    }

    /** The same contract with one more state appended to its history. */
    public EnergyContractDto withSupplyState(SupplyStateDto state) {
        List<SupplyStateDto> states = new java.util.ArrayList<>(supplyStates);
        states.add(state);
        return new EnergyContractDto(
                id,
                structureId,
                residentId,
                energy,
                supplier,
                offer,
                deliveryPoint,
                subscribedKva,
                smartMeter,
                billingMode,
                customerNumber,
                lastReadingDate,
                chequesEnergie,
                states);
    }
}
