package fr.mediance.protocol;

import java.time.LocalDate;
import java.util.List;

/**
 * The energy block of a home visit (domain brief §2.6): meters checked, Linky present (null: not known), the
 * supply state ("supply_state": normal, limited, cut) with the limited power in kVA and since when, heating
 * type ("heating_type"), energy-saving advice given ("eco_gesture" codes), equipment issues spotted
 * ("equipment_issue" codes) and an orientation towards renovation or the landlord ("renovation_orientation").
 */
public record EnergyCheckDto(
        boolean metersChecked,
        Boolean linky,
        String supplyState,
        Long limitedKva,
        LocalDate supplyStateSince,
        String heatingType,
        List<String> ecoGestures,
        List<String> equipmentIssues,
        String renovationOrientation) {
    public EnergyCheckDto {
        ecoGestures = ecoGestures == null ? List.of() : List.copyOf(ecoGestures);
        equipmentIssues = equipmentIssues == null ? List.of() : List.copyOf(equipmentIssues);
    }
}
