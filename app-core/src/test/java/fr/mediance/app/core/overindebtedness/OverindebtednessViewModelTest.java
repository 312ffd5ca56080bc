package fr.mediance.app.core.overindebtedness;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.resident.CounsellorStoreTest;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.OperationDto;
import fr.mediance.protocol.OverindebtednessFileDto;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OverindebtednessViewModelTest extends CounsellorStoreTest {
    static final ResourceBundle TEXTS = ResourceBundle.getBundle("fr.mediance.app.core.messages");

    final List<String> messages = new ArrayList<>();
    OverindebtednessViewModel vm;

    @BeforeEach
    void openTheFile() {
        vm = new OverindebtednessViewModel(core.overindebtedness(), TEXTS, Runnable::run, Runnable::run);
        vm.setOnMessage(messages::add);
        vm.load("r1").join();
    }

    @Test
    void anOnlineDraftSaysHowLongItIsKeptAndAnInadmissibilitySaysUntilWhenToAppeal() {
        assertThat(vm.statusProperty().get()).isEqualTo("preparing");
        assertThat(vm.startedOnProperty().get()).isEqualTo("27/11/2026");
        vm.channelProperty().set("online");
        assertThat(vm.deadlineProperty().get())
                .isEqualTo("Brouillon en ligne modifiable jusqu'au 27/05/2027 (6 mois), puis perdu.");

        vm.statusProperty().set("inadmissible");
        vm.filedOnProperty().set("01/12/2026");
        vm.admissibilityDecisionOnProperty().set("20/12/2026");
        assertThat(vm.deadlineProperty().get())
                .isEqualTo("Recours contre l'irrecevabilité possible jusqu'au 04/01/2027 (15 jours).");
        assertThat(vm.save().join()).isTrue();
        assertThat(messages).contains("Dossier de surendettement enregistré sur l'appareil.");

        core.sync().syncNow().join();
        List<OperationDto> sent = server.operations.stream()
                .filter(o -> o.entity() == EntityType.OVERINDEBTEDNESS_FILE)
                .toList();
        assertThat(sent).hasSize(1);
        OverindebtednessFileDto f = (OverindebtednessFileDto) sent.get(0).data();
        assertThat(f.status()).isEqualTo("inadmissible");
        assertThat(f.admissibilityDecisionOn()).isEqualTo(LocalDate.of(2026, 12, 20));
    }

    @Test
    void aStageWithoutItsDecisionIsRefusedBesideTheDateAndBadInputIsKept() {
        vm.statusProperty().set("plan");
        vm.filedOnProperty().set("01/12/2026");
        vm.admissibilityDecisionOnProperty().set("15/12/2026");
        vm.monthlyRepaymentProperty().set("2OO");
        assertThat(vm.save().join()).isFalse();
        assertThat(vm.error("monthlyRepaymentCents").get())
                .isEqualTo("Saisissez un montant, par exemple 1\u00a0234,56.");
        vm.monthlyRepaymentProperty().set("200");
        assertThat(vm.save().join()).isFalse();
        assertThat(vm.error("orientationDecisionOn").get()).isEqualTo("Indiquez la date de la décision d'orientation.");
        assertThat(core.overindebtedness().files("r1")).isEmpty();

        vm.orientationDecisionOnProperty().set("10/01/2027");
        vm.planMonthsProperty().set("84");
        assertThat(vm.save().join()).isTrue();
        assertThat(core.overindebtedness().files("r1").get(0).monthlyRepaymentCents())
                .isEqualTo(20_000L);
    }
}
