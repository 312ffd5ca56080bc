package fr.mediance.app.core.visit;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.protocol.CodeDto;
import fr.mediance.protocol.MandateDto;
import fr.mediance.testing.FakeOfficeServer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The full report as a whole: a terminated report is read-only in every part and a correction is a new version;
 * a phone call without appointment uses the same report. The code lists and mandates of the full report are
 * seeded here (the parts' tests and the office's use them too).
 */
public class FullReportViewModelTest extends VisitTestBed.ReportTest {

    public static MandateDto mandate(String id, List<String> domains, String from, String to, Instant revoked) {
        return new MandateDto(
                id,
                "s1",
                "r1",
                domains,
                List.of("EDF"),
                "P6M",
                LocalDate.parse(from),
                LocalDate.parse(to),
                revoked,
                true,
                "Domicile",
                List.of("u-c1"),
                null,
                null,
                "in_person",
                Instant.parse(from + "T10:00:00Z"));
    }

    public static void seedCodes(FakeOfficeServer server) {
        server.addCode("medium", "home_visit", "Visite à domicile", 1);
        server.addCode("medium", "phone", "Téléphone", 2);
        server.addCode("domain", "energie", "Énergie", 1);
        server.addCode("domain", "eau", "Eau", 2);
        server.serverWrite(new CodeDto("motif", "impaye_elec", "Impayé d'électricité", "energie", 1, true));
        server.serverWrite(new CodeDto("motif", "fuite", "Fuite", "eau", 2, true));
        server.addCode("person_present", "resident", "La personne", 1);
        server.addCode("person_present", "conjoint", "Conjoint·e", 2);
        server.addCode("action_type", "appel_creancier", "Appel au créancier", 1);
        server.addCode("action_type", "demande_aide", "Demande d'aide (FSL…)", 2);
        server.addCode("action_result", "pending", "En attente", 1);
        server.addCode("action_result", "obtained", "Obtenu", 2);
        server.addCode("orientation_target", "ccas", "CCAS", 1);
        server.addCode("orientation_mode", "warm", "Mise en relation", 1);
        server.addCode("supply_state", "normal", "Normale", 1);
        server.addCode("supply_state", "limited", "Puissance réduite", 2);
        server.addCode("heating_type", "electric", "Électrique", 1);
        server.addCode("eco_gesture", "thermostat", "Régler le thermostat", 1);
        server.addCode("equipment_issue", "old_fridge", "Réfrigérateur ancien", 1);
        server.addCode("renovation_orientation", "france_renov", "France Rénov'", 1);
        server.serverWrite(
                new CodeDto("task_rule", "fsl_check", "Vérifier la décision FSL", "demande_aide", 1, true, "60"));
        server.serverWrite(new CodeDto(
                "task_rule",
                "orientation_feedback",
                "Demander un retour sur l'orientation",
                "orientation",
                2,
                true,
                "15"));
    }

    @Test
    void a_frozen_report_is_read_only_and_a_correction_is_a_new_version() {
        bed.fillValidAttested();
        bed.typeAction("appel_creancier", "energie", false);
        vm.actions().saveAction().join();
        assertThat(vm.complete().join()).isTrue();
        String first = vm.reportId();

        vm.actions().newAction();
        assertThat(vm.actions().editor().openProperty().get()).isFalse();
        vm.actions().removeAction(vm.actions().items().get(0).id());
        vm.contact().setPersonPresent("conjoint", true);
        vm.contact().placeProperty().set("Ailleurs");
        assertThat(vm.actions().items()).hasSize(1);
        VisitReport frozen = bed.core.visits().find(first).orElseThrow();
        assertThat(frozen.place()).isNull();
        assertThat(frozen.personsPresent()).isEmpty();
        assertThat(bed.core.visits().saveDraft(frozen.withPlace("Ailleurs")).isOk())
                .isFalse();

        assertThat(vm.correct().join()).isTrue();
        VisitReport correction = saved();
        assertThat(correction.supersedes()).isEqualTo(first);
        assertThat(correction.completed()).isFalse();
        assertThat(correction.appointmentId()).isEqualTo("a1");
        vm.contact().placeProperty().set("Domicile");
        assertThat(saved().place()).isEqualTo("Domicile");
        assertThat(bed.core.visits().find(first).orElseThrow().place()).isNull();
        assertThat(vm.complete().join()).isTrue();
        assertThat(bed.core.visits().openForAppointment("a1").orElseThrow().id())
                .isEqualTo(correction.id());
    }

    @Test
    void a_phone_call_without_appointment_uses_the_same_report() {
        VisitReportViewModel call = bed.newViewModel();
        assertThat(call.startContact("r1", "phone").join()).isTrue();
        assertThat(call.residentNameProperty().get()).isEqualTo("Fatima Benali");
        assertThat(call.contact().mediumProperty().get()).isEqualTo("phone");
        assertThat(call.energy().visibleProperty().get()).isFalse();
        call.contact().setDomainSelected("eau", true);
        call.contact().synthesisProperty().set("Appel : la fuite est réparée.");
        call.signature().attestedProperty().set(true);
        assertThat(call.complete().join()).isTrue();
        VisitReport r = bed.core.visits().find(call.reportId()).orElseThrow();
        assertThat(r.appointmentId()).isNull();
        assertThat(r.medium()).isEqualTo("phone");
        assertThat(call.startContact("nobody", "phone").join()).isFalse();
    }
}
