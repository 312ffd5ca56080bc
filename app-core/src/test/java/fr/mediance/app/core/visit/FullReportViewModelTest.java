package fr.mediance.app.core.visit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.signature.Signature;
import fr.mediance.app.core.signature.SignatureService;
import fr.mediance.app.core.sync.OutboxItem;
import fr.mediance.app.core.task.TaskItem;
import fr.mediance.testing.FakeOfficeServer;
import fr.mediance.testing.MutableClock;
import fr.mediance.app.core.testing.TestCores;
import fr.mediance.protocol.ActionDto;
import fr.mediance.protocol.AppointmentDto;
import fr.mediance.protocol.CodeDto;
import fr.mediance.protocol.EnergyCheckDto;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.MandateDto;
import fr.mediance.protocol.ResidentDto;
import fr.mediance.protocol.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rules of the full report: actions on behalf, amounts, dates, signature, task rules, correction. */
public class FullReportViewModelTest {

    @TempDir
    Path dir;
    FakeOfficeServer server;
    MutableClock clock = new MutableClock(TestCores.T0); // Friday 27/11/2026, 09:00 in Paris
    CoreContext core;
    VisitReportViewModel vm;
    List<String> messages = new ArrayList<>();
    List<Signature> signed = new ArrayList<>();
    SignatureService signatures = (residentId, reportId, title, signature) -> {
        signed.add(signature);
        return "sig-" + signed.size();
    };

    public static MandateDto mandate(String id, List<String> domains, String from, String to, Instant revoked) {
        return new MandateDto(id, "s1", "r1", domains, List.of("EDF"), "P6M", LocalDate.parse(from), LocalDate.parse(to),
                revoked, true, "Domicile", List.of("u-c1"), null, null, "in_person", Instant.parse(from + "T10:00:00Z"));
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
        server.serverWrite(new CodeDto("task_rule", "fsl_check", "Vérifier la décision FSL", "demande_aide", 1, true, "60"));
        server.serverWrite(new CodeDto("task_rule", "orientation_feedback", "Demander un retour sur l'orientation",
                "orientation", 2, true, "15"));
    }

    @BeforeEach
    void setUp() {
        server = new FakeOfficeServer();
        server.addUser("u-c1", "conseil1", TestCores.PASSWORD, Role.COUNSELLOR);
        seedCodes(server);
        server.serverWrite(new ResidentDto("r1", "s1", "D-1", null, "Benali", "Fatima", null, "06 12 34 56 78",
                "12 rue des Lilas", "13015", "Marseille", null, null, "u-c1"));
        server.serverWrite(new AppointmentDto("a1", "s1", "r1", "u-c1", "home_visit",
                Instant.parse("2026-11-27T09:30:00Z"), Instant.parse("2026-11-27T10:30:00Z"), "confirmed", null, null, null));
        server.serverWrite(mandate("m-eau", List.of("eau"), "2026-11-01", "2027-04-30", null));
        server.serverWrite(mandate("m-old", List.of("energie"), "2026-01-01", "2026-06-30", null));
        core = TestCores.signedIn(dir, clock, server, "conseil1");
        assertThat(core.sync().syncNow().join().ok()).isTrue();
        vm = newViewModel();
        assertThat(vm.load("a1").join()).isTrue();
    }

    VisitReportViewModel newViewModel() {
        VisitReportViewModel m = new VisitReportViewModel(core.visits(), core.documents(), core.agenda(),
                core.residents(), core.reference(), () -> CompletableFuture.completedFuture(Optional.empty()),
                core.sync(), core.mandates()::activeCovering, signatures, clock, core.zone(),
                VisitReportViewModelTest.TEXTS, Runnable::run, Runnable::run);
        m.setOnMessage(messages::add);
        return m;
    }

    @AfterEach
    void tearDown() {
        core.close();
        server.close();
    }

    VisitReport saved() {
        return core.visits().find(vm.reportId()).orElseThrow();
    }

    void fillValid() {
        vm.mediumProperty().set("home_visit");
        vm.setDomainSelected("energie", true);
        vm.synthesisProperty().set("Facture EDF de 412,50 € en retard ; échéancier demandé.");
    }

    void typeAction(String type, String domain, boolean onBehalf) {
        vm.newAction();
        ActionEditor a = vm.actionEditor();
        a.typeProperty().set(type);
        a.domainProperty().set(domain);
        a.targetProperty().set("EDF Solidarité");
        a.onBehalfProperty().set(onBehalf);
    }

    @Test
    void an_action_on_behalf_without_an_active_mandate_is_refused_beside_the_field_and_the_text_stays() {
        fillValid();
        typeAction("appel_creancier", "energie", true);

        assertThat(vm.actionEditor().mandateOptions()).isEmpty(); // the energy mandate has expired
        assertThat(vm.saveAction().join()).isFalse();

        assertThat(vm.actionEditor().errorProperty("mandate").get())
                .startsWith("Aucun mandat actif ne couvre ce domaine à cette date");
        assertThat(vm.actionEditor().openProperty().get()).isTrue();
        assertThat(vm.actionEditor().targetProperty().get()).isEqualTo("EDF Solidarité");
        assertThat(vm.actions()).isEmpty();
        assertThat(saved().actions()).isEmpty();
        assertThat(saved().synthesis()).startsWith("Facture EDF"); // the rest of the report is saved
    }

    @Test
    void an_action_on_behalf_with_a_covering_mandate_is_accepted_with_that_mandate() {
        server.serverWrite(mandate("m-energie", List.of("energie", "eau"), "2026-11-01", "2027-04-30", null));
        core.sync().syncNow().join();
        fillValid();
        typeAction("appel_creancier", "energie", true);

        assertThat(vm.actionEditor().mandateOptions()).extracting(ActionEditor.MandateChoice::id)
                .containsExactly("m-energie");
        assertThat(vm.actionEditor().mandateOptions().get(0).label())
                .isEqualTo("Mandat du 01/11/2026 au 30/04/2027 — Énergie, Eau");
        assertThat(vm.actionEditor().mandateIdProperty().get()).isEqualTo("m-energie"); // the only one: chosen
        assertThat(vm.saveAction().join()).isTrue();

        ActionDto a = saved().actions().get(0);
        assertThat(a.onBehalf()).isTrue();
        assertThat(a.mandateId()).isEqualTo("m-energie");
        assertThat(a.date()).isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(vm.actionDetails(a)).contains("Pour le compte de la personne (Mandat du 01/11/2026 au 30/04/2027 — Énergie, Eau)");
    }

    @Test
    void a_mandate_of_another_domain_or_revoked_or_expired_does_not_cover_the_action() {
        server.serverWrite(mandate("m-revoked", List.of("energie"), "2026-11-01", "2027-04-30",
                Instant.parse("2026-11-20T10:00:00Z")));
        core.sync().syncNow().join();
        fillValid();
        typeAction("appel_creancier", "energie", true);
        assertThat(vm.saveAction().join()).isFalse();
        assertThat(vm.actionEditor().errorProperty("mandate").get()).isNotEmpty();

        vm.actionEditor().domainProperty().set("eau"); // the water mandate is active
        assertThat(vm.actionEditor().mandateIdProperty().get()).isEqualTo("m-eau");
        assertThat(vm.saveAction().join()).isTrue();

        // an action dated after the end of the mandate is not covered either
        typeAction("appel_creancier", "eau", true);
        vm.actionEditor().dateProperty().set("02/05/2027");
        assertThat(vm.saveAction().join()).isFalse();
        assertThat(saved().actions()).hasSize(1);
    }

    @Test
    void the_service_refuses_to_terminate_a_report_whose_action_on_behalf_names_no_covering_mandate() {
        fillValid();
        VisitReport r = saved().withVisitAttested(true).withActions(List.of(new ActionDto("x", "appel_creancier", "energie",
                "EDF", LocalDate.of(2026, 11, 27), null, null, null, null, true, "m-old", null)));
        core.visits().saveDraft(r);
        assertThat(core.visits().complete(r.id()).fieldErrors()).containsKey("action.0.mandate");
    }

    @Test
    void amounts_are_read_the_french_way_and_letters_are_refused_beside_the_field() {
        fillValid();
        typeAction("demande_aide", "energie", false);
        vm.actionEditor().amountRequestedProperty().set("1 234,56 €");
        vm.actionEditor().amountObtainedProperty().set("abc");
        assertThat(vm.saveAction().join()).isFalse();
        assertThat(vm.actionEditor().errorProperty("amountObtained").get()).startsWith("Montant invalide");
        assertThat(vm.actionEditor().errorProperty("amountRequested").get()).isEmpty();
        assertThat(vm.actionEditor().amountObtainedProperty().get()).isEqualTo("abc");

        vm.actionEditor().amountObtainedProperty().set("12,5");
        assertThat(vm.saveAction().join()).isTrue();
        ActionDto a = saved().actions().get(0);
        assertThat(a.amountRequestedCents()).isEqualTo(123_456L);
        assertThat(a.amountObtainedCents()).isEqualTo(1_250L);
        assertThat(vm.actionDetails(a)).contains("Montant demandé : 1\u00a0234,56\u00a0€", "Montant obtenu : 12,50\u00a0€");
    }

    @Test
    void impossible_dates_are_reported_beside_their_fields_and_the_rest_is_saved() {
        fillValid();
        typeAction("demande_aide", "energie", false);
        vm.actionEditor().dateProperty().set("31/02/2026");
        assertThat(vm.saveAction().join()).isFalse();
        assertThat(vm.actionEditor().errorProperty("date").get()).startsWith("Date invalide");
        assertThat(vm.actionEditor().dateProperty().get()).isEqualTo("31/02/2026");

        vm.newTaskTitleProperty().set("Rappeler EDF");
        vm.newTaskDueProperty().set("31/02/2026");
        assertThat(vm.addTask()).isFalse();
        assertThat(vm.errorProperty("task.due").get()).startsWith("Date invalide");
        assertThat(vm.newTaskTitleProperty().get()).isEqualTo("Rappeler EDF");

        vm.supplySinceProperty().set("30/02/2026");
        assertThat(vm.errorProperty("energy.since").get()).startsWith("Date invalide");
        vm.durationProperty().set("une heure");
        assertThat(vm.errorProperty("duration").get()).startsWith("Indiquez une durée");
        vm.attestedProperty().set(true);
        assertThat(vm.complete().join()).isFalse();
        assertThat(saved().synthesis()).startsWith("Facture EDF");
        assertThat(saved().completed()).isFalse();

        vm.durationProperty().set("45");
        vm.supplySinceProperty().set("15/11/2026");
        assertThat(saved().durationMinutes()).isEqualTo(45);
        assertThat(saved().energy().supplyStateSince()).isEqualTo(LocalDate.of(2026, 11, 15));
    }

    @Test
    void an_action_needs_a_type_and_a_domain_and_an_orientation_a_target() {
        fillValid();
        vm.newAction();
        assertThat(vm.saveAction().join()).isFalse();
        assertThat(vm.actionEditor().errorProperty("type").get()).isEqualTo("Choisissez le type d'action.");
        assertThat(vm.actionEditor().errorProperty("domain").get()).isEqualTo("Choisissez le domaine de l'action.");

        vm.newOrientation();
        vm.orientationEditor().reasonProperty().set("Aide alimentaire");
        assertThat(vm.saveOrientation().join()).isFalse();
        assertThat(vm.orientationEditor().errorProperty("target").get())
                .isEqualTo("Choisissez vers qui la personne est orientée.");
        assertThat(vm.orientationEditor().reasonProperty().get()).isEqualTo("Aide alimentaire");
        vm.orientationEditor().targetProperty().set("ccas");
        vm.orientationEditor().consentProperty().set(true);
        assertThat(vm.saveOrientation().join()).isTrue();
        assertThat(saved().orientations()).singleElement().satisfies(o -> {
            assertThat(o.target()).isEqualTo("ccas");
            assertThat(o.consentToTransmit()).isTrue();
        });
    }

    @Test
    void over_long_text_is_reported_and_blocks_the_end_of_the_visit() {
        fillValid();
        vm.attestedProperty().set(true);
        vm.placeProperty().set("x".repeat(201));
        assertThat(vm.errorProperty("place").get()).startsWith("Texte trop long");
        assertThat(vm.complete().join()).isFalse();
        vm.placeProperty().set("Domicile");
        assertThat(vm.complete().join()).isTrue();
    }

    @Test
    void the_energy_block_is_for_home_visits_and_the_power_only_when_limited() {
        fillValid();
        assertThat(vm.energyVisibleProperty().get()).isTrue();
        vm.metersCheckedProperty().set(true);
        vm.linkyProperty().set(Boolean.TRUE);
        vm.supplyStateProperty().set("normal");
        assertThat(vm.kvaVisibleProperty().get()).isFalse();
        vm.supplyStateProperty().set("limited");
        assertThat(vm.kvaVisibleProperty().get()).isTrue();
        vm.kvaProperty().set("3");
        vm.heatingTypeProperty().set("electric");
        vm.setEcoGesture("thermostat", true);
        vm.setEquipmentIssue("old_fridge", true);
        vm.renovationProperty().set("france_renov");

        EnergyCheckDto e = saved().energy();
        assertThat(e.metersChecked()).isTrue();
        assertThat(e.linky()).isTrue();
        assertThat(e.supplyState()).isEqualTo("limited");
        assertThat(e.limitedKva()).isEqualTo(3L);
        assertThat(e.ecoGestures()).containsExactly("thermostat");
        assertThat(e.equipmentIssues()).containsExactly("old_fridge");
        assertThat(e.renovationOrientation()).isEqualTo("france_renov");

        vm.supplyStateProperty().set("normal");
        assertThat(saved().energy().limitedKva()).isNull();
        vm.mediumProperty().set("phone");
        assertThat(vm.energyVisibleProperty().get()).isFalse();
        assertThat(saved().energy()).isNull();
    }

    @Test
    void motifs_are_those_of_the_chosen_domains() {
        assertThat(vm.motifOptions()).isEmpty();
        vm.setDomainSelected("energie", true);
        assertThat(vm.motifOptions()).extracting(c -> c.code()).containsExactly("impaye_elec");
        vm.setMotifSelected("impaye_elec", true);
        vm.setPersonPresent("conjoint", true);
        assertThat(saved().motifs()).containsExactly("impaye_elec");
        assertThat(saved().personsPresent()).containsExactly("conjoint");
        vm.setDomainSelected("energie", false);
        assertThat(vm.motifOptions()).isEmpty();
        assertThat(saved().motifs()).isEmpty();
    }

    @Test
    void terminating_requires_the_resident_signature_or_the_attestation() {
        fillValid();
        assertThat(vm.complete().join()).isFalse();
        assertThat(vm.errorProperty("signature").get())
                .isEqualTo("Faites signer la personne, ou cochez « Visite attestée sans signature ».");
        assertThat(saved().completed()).isFalse();

        assertThat(vm.sign(new Signature(300, 120, List.of())).join()).isFalse(); // nothing drawn
        assertThat(vm.sign(new Signature(300, 120, List.of(List.of(new Signature.Point(1, 1),
                new Signature.Point(40, 30)))))).isCompletedWithValue(true);
        assertThat(vm.errorProperty("signature").get()).isEmpty();
        assertThat(vm.complete().join()).isTrue();
        assertThat(saved().residentSignatureDocumentId()).isEqualTo("sig-1");
        assertThat(saved().completed()).isTrue();
    }

    @Test
    void the_task_rules_create_the_right_tasks_with_their_due_dates_exactly_once() {
        fillValid();
        vm.attestedProperty().set(true);
        typeAction("demande_aide", "energie", false);
        vm.actionEditor().dateProperty().set("30/11/2026");
        assertThat(vm.saveAction().join()).isTrue();
        typeAction("appel_creancier", "energie", false); // no rule for this type
        assertThat(vm.saveAction().join()).isTrue();
        vm.newOrientation();
        vm.orientationEditor().targetProperty().set("ccas");
        assertThat(vm.saveOrientation().join()).isTrue();
        vm.newTaskTitleProperty().set("Rappeler EDF");
        vm.newTaskDueProperty().set("04/12/2026");
        assertThat(vm.addTask()).isTrue();
        assertThat(saved().plannedTasks()).containsExactly(new VisitReport.PlannedTask("Rappeler EDF",
                LocalDate.of(2026, 12, 4)));
        assertThat(core.tasks().mine()).isEmpty(); // nothing before the end of the visit

        assertThat(vm.complete().join()).isTrue();

        List<TaskItem> tasks = core.tasks().mine();
        assertThat(tasks).extracting(TaskItem::title, TaskItem::dueDate).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Rappeler EDF", LocalDate.of(2026, 12, 4)),
                org.assertj.core.groups.Tuple.tuple("Demander un retour sur l'orientation", LocalDate.of(2026, 12, 12)),
                org.assertj.core.groups.Tuple.tuple("Vérifier la décision FSL", LocalDate.of(2027, 1, 29)));
        assertThat(tasks).allSatisfy(t -> {
            assertThat(t.residentName()).isEqualTo("Fatima Benali");
            assertThat(t.assigneeId()).isEqualTo("u-c1");
            assertThat(t.visitReportId()).isEqualTo(vm.reportId());
        });
        assertThat(tasks).filteredOn(t -> t.ruleCode() != null).extracting(TaskItem::ruleCode)
                .containsExactlyInAnyOrder("fsl_check", "orientation_feedback");
        assertThat(core.sync().pendingItems()).filteredOn(i -> i.entity() == EntityType.TASK).hasSize(3);

        // a correction repeats the actions: the rules do not create their tasks twice
        String first = vm.reportId();
        assertThat(vm.correct().join()).isTrue();
        assertThat(vm.reportId()).isNotEqualTo(first);
        assertThat(vm.frozenProperty().get()).isFalse();
        assertThat(vm.actions()).hasSize(2);
        assertThat(vm.complete().join()).isTrue();
        assertThat(core.tasks().mine()).hasSize(3);
    }

    @Test
    void a_frozen_report_is_read_only_and_a_correction_is_a_new_version() {
        fillValid();
        vm.attestedProperty().set(true);
        typeAction("appel_creancier", "energie", false);
        vm.saveAction().join();
        assertThat(vm.complete().join()).isTrue();
        String first = vm.reportId();

        vm.newAction();
        assertThat(vm.actionEditor().openProperty().get()).isFalse();
        vm.removeAction(vm.actions().get(0).id());
        vm.setPersonPresent("conjoint", true);
        vm.placeProperty().set("Ailleurs");
        assertThat(vm.actions()).hasSize(1);
        VisitReport frozen = core.visits().find(first).orElseThrow();
        assertThat(frozen.place()).isNull();
        assertThat(frozen.personsPresent()).isEmpty();
        assertThat(core.visits().saveDraft(frozen.withPlace("Ailleurs")).isOk()).isFalse();

        assertThat(vm.correct().join()).isTrue();
        VisitReport correction = saved();
        assertThat(correction.supersedes()).isEqualTo(first);
        assertThat(correction.completed()).isFalse();
        assertThat(correction.appointmentId()).isEqualTo("a1");
        vm.placeProperty().set("Domicile");
        assertThat(saved().place()).isEqualTo("Domicile");
        assertThat(core.visits().find(first).orElseThrow().place()).isNull();
        assertThat(vm.complete().join()).isTrue();
        assertThat(core.visits().openForAppointment("a1").orElseThrow().id()).isEqualTo(correction.id());
    }

    @Test
    void a_phone_call_without_appointment_uses_the_same_report() {
        VisitReportViewModel call = newViewModel();
        assertThat(call.startContact("r1", "phone").join()).isTrue();
        assertThat(call.residentNameProperty().get()).isEqualTo("Fatima Benali");
        assertThat(call.mediumProperty().get()).isEqualTo("phone");
        assertThat(call.energyVisibleProperty().get()).isFalse();
        call.setDomainSelected("eau", true);
        call.synthesisProperty().set("Appel : la fuite est réparée.");
        call.attestedProperty().set(true);
        assertThat(call.complete().join()).isTrue();
        VisitReport r = core.visits().find(call.reportId()).orElseThrow();
        assertThat(r.appointmentId()).isNull();
        assertThat(r.medium()).isEqualTo("phone");
        assertThat(call.startContact("nobody", "phone").join()).isFalse();
    }
}
