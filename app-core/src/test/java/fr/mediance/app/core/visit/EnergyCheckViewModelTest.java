package fr.mediance.app.core.visit;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.protocol.EnergyCheckDto;
import fr.mediance.protocol.Limits;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The energy check of a home visit. */
class EnergyCheckViewModelTest extends VisitTestBed.ReportTest {

    EnergyCheckViewModel energy;

    @BeforeEach
    void openPart() {
        energy = vm.energy();
    }

    @Test
    void the_energy_block_is_for_home_visits_and_the_power_only_when_limited() {
        bed.fillValid();
        assertThat(energy.visibleProperty().get()).isTrue();
        energy.metersCheckedProperty().set(true);
        energy.linkyProperty().set(Boolean.TRUE);
        energy.supplyStateProperty().set("normal");
        assertThat(energy.kvaVisibleProperty().get()).isFalse();
        energy.supplyStateProperty().set("limited");
        assertThat(energy.kvaVisibleProperty().get()).isTrue();
        energy.kvaProperty().set("3");
        energy.heatingTypeProperty().set("electric");
        energy.setEcoGesture("thermostat", true);
        energy.setEquipmentIssue("old_fridge", true);
        energy.renovationProperty().set("france_renov");

        EnergyCheckDto e = saved().energy();
        assertThat(e.metersChecked()).isTrue();
        assertThat(e.linky()).isTrue();
        assertThat(e.supplyState()).isEqualTo("limited");
        assertThat(e.limitedKva()).isEqualTo(3L);
        assertThat(e.ecoGestures()).containsExactly("thermostat");
        assertThat(e.equipmentIssues()).containsExactly("old_fridge");
        assertThat(e.renovationOrientation()).isEqualTo("france_renov");

        energy.supplyStateProperty().set("normal");
        assertThat(saved().energy().limitedKva()).isNull();
        vm.contact().mediumProperty().set("phone");
        assertThat(energy.visibleProperty().get()).isFalse();
        assertThat(saved().energy()).isNull();
    }

    @Test
    void a_power_beyond_a_household_meter_is_refused_beside_the_field() {
        bed.fillValid();
        energy.supplyStateProperty().set("limited");
        energy.kvaProperty().set(String.valueOf(Limits.MAX_KVA + 1));
        assertThat(energy.errorProperty("energy.kva").get())
                .isEqualTo("Indiquez une puissance entière entre 1 et 36 kVA.");
        energy.kvaProperty().set("6");
        assertThat(energy.errorProperty("energy.kva").get()).isEmpty();
        assertThat(saved().energy().limitedKva()).isEqualTo(6L);
    }

    @Test
    void an_impossible_date_is_reported_blocks_the_end_and_the_rest_is_saved() {
        bed.fillValidAttested();
        energy.supplySinceProperty().set("30/02/2026");
        assertThat(energy.errorProperty("energy.since").get()).startsWith("Date invalide");
        assertThat(vm.complete().join()).isFalse();
        assertThat(saved().synthesis()).startsWith("Facture EDF");
        assertThat(saved().completed()).isFalse();

        energy.supplySinceProperty().set("15/11/2026");
        assertThat(saved().energy().supplyStateSince()).isEqualTo(LocalDate.of(2026, 11, 15));
    }

    @Test
    void the_check_shows_the_households_contracts_and_records_the_state_seen_in_a_contracts_history() {
        fr.mediance.protocol.EnergyContractDto c = bed.core
                .energy()
                .saveContract(new fr.mediance.protocol.EnergyContractDto(
                        null,
                        null,
                        "r1",
                        "electricite",
                        null,
                        null,
                        null,
                        6L,
                        true,
                        null,
                        null,
                        null,
                        java.util.List.of(),
                        java.util.List.of()))
                .value();
        energy.useContracts(bed.core.energy(), bed.core.reference());
        assertThat(energy.contractLines())
                .containsExactly(
                        new EnergyCheckViewModel.ContractLine(
                                c.id(),
                                "Électricité · Fournisseur non renseigné — État de la fourniture non renseigné (6 kVA souscrits)"));

        bed.fillValid();
        energy.supplyStateProperty().set("limited");
        energy.kvaProperty().set("3");
        energy.supplySinceProperty().set("15/11/2026");
        assertThat(energy.recordOnContract(c.id()).join()).isTrue();

        fr.mediance.protocol.SupplyStateDto state = bed.core
                .energy()
                .contract(c.id())
                .orElseThrow()
                .currentSupplyState()
                .orElseThrow();
        assertThat(state.state()).isEqualTo("limited");
        assertThat(state.kva()).isEqualTo(3L);
        assertThat(state.date()).isEqualTo(LocalDate.of(2026, 11, 15));
        assertThat(state.source()).isEqualTo("visit");
        assertThat(state.visitReportId()).isEqualTo(vm.reportId());
        assertThat(energy.contractLines().get(0).text())
                .endsWith("Puissance réduite à 3 kVA depuis le 15/11/2026 (6 kVA souscrits)");
        assertThat(bed.messages).contains("État de la fourniture ajouté à l'historique du contrat.");
    }
}
