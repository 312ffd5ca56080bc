package fr.mediance.app.core.visit;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.protocol.ActionDto;
import fr.mediance.protocol.Limits;
import fr.mediance.protocol.MandateDto;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The actions of a visit: what they need, amounts and dates typed the French way, actions on behalf and mandates. */
class ActionsViewModelTest extends VisitTestBed.ReportTest {

    ActionsViewModel actions;
    ActionEditor editor;

    @BeforeEach
    void openPart() {
        actions = vm.actions();
        editor = actions.editor();
    }

    @Test
    void an_action_on_behalf_without_an_active_mandate_is_refused_beside_the_field_and_the_text_stays() {
        bed.fillValid();
        bed.typeAction("appel_creancier", "energie", true);

        assertThat(editor.mandateOptions()).isEmpty(); // the energy mandate has expired
        assertThat(actions.saveAction().join()).isFalse();

        assertThat(editor.errorProperty("mandate").get())
                .startsWith("Aucun mandat actif ne couvre ce domaine à cette date");
        assertThat(editor.openProperty().get()).isTrue();
        assertThat(editor.targetProperty().get()).isEqualTo("EDF Solidarité");
        assertThat(actions.items()).isEmpty();
        assertThat(saved().actions()).isEmpty();
        assertThat(saved().synthesis()).startsWith("Facture EDF"); // the rest of the report is saved
    }

    @Test
    void an_action_on_behalf_with_a_covering_mandate_is_accepted_with_that_mandate() {
        bed.server.serverWrite(FullReportViewModelTest.mandate(
                "m-energie", List.of("energie", "eau"), "2026-11-01", "2027-04-30", null));
        bed.core.sync().syncNow().join();
        bed.fillValid();
        bed.typeAction("appel_creancier", "energie", true);

        assertThat(editor.mandateOptions())
                .extracting(ActionEditor.MandateChoice::id)
                .containsExactly("m-energie");
        assertThat(editor.mandateOptions().get(0).label())
                .isEqualTo("Mandat du 01/11/2026 au 30/04/2027 — Énergie, Eau");
        assertThat(editor.mandateIdProperty().get()).isEqualTo("m-energie"); // the only one: chosen
        assertThat(actions.saveAction().join()).isTrue();

        ActionDto a = saved().actions().get(0);
        assertThat(a.onBehalf()).isTrue();
        assertThat(a.mandateId()).isEqualTo("m-energie");
        assertThat(a.date()).isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(actions.actionDetails(a))
                .contains("Pour le compte de la personne (Mandat du 01/11/2026 au 30/04/2027 — Énergie, Eau)");
    }

    @Test
    void a_mandate_of_another_domain_or_revoked_or_expired_does_not_cover_the_action() {
        bed.server.serverWrite(FullReportViewModelTest.mandate(
                "m-revoked", List.of("energie"), "2026-11-01", "2027-04-30", Instant.parse("2026-11-20T10:00:00Z")));
        bed.core.sync().syncNow().join();
        bed.fillValid();
        bed.typeAction("appel_creancier", "energie", true);
        assertThat(actions.saveAction().join()).isFalse();
        assertThat(editor.errorProperty("mandate").get()).isNotEmpty();

        editor.domainProperty().set("eau"); // the water mandate is active
        assertThat(editor.mandateIdProperty().get()).isEqualTo("m-eau");
        assertThat(actions.saveAction().join()).isTrue();

        // an action dated after the end of the mandate is not covered either
        bed.typeAction("appel_creancier", "eau", true);
        editor.dateProperty().set("02/05/2027");
        assertThat(actions.saveAction().join()).isFalse();
        assertThat(saved().actions()).hasSize(1);
    }

    @Test
    void a_mandate_naming_another_agent_does_not_cover_my_action_as_on_the_server() {
        MandateDto colleagues =
                FullReportViewModelTest.mandate("m-colleague", List.of("energie"), "2026-11-01", "2027-04-30", null);
        bed.server.serverWrite(new MandateDto(
                colleagues.id(),
                colleagues.structureId(),
                colleagues.residentId(),
                colleagues.demarches(),
                colleagues.creditors(),
                colleagues.duration(),
                colleagues.startDate(),
                colleagues.endDate(),
                null,
                true,
                colleagues.place(),
                List.of("u-c2"),
                null,
                null,
                colleagues.channel(),
                colleagues.signedAt()));
        bed.core.sync().syncNow().join();
        bed.fillValid();
        bed.typeAction("appel_creancier", "energie", true);

        assertThat(editor.mandateOptions()).isEmpty();
        assertThat(actions.saveAction().join()).isFalse();
        assertThat(editor.errorProperty("mandate").get()).contains("mandataire");

        VisitReport r = saved().withVisitAttested(true)
                .withActions(List.of(new ActionDto(
                        "x",
                        "appel_creancier",
                        "energie",
                        "EDF",
                        LocalDate.of(2026, 11, 27),
                        null,
                        null,
                        null,
                        null,
                        true,
                        "m-colleague",
                        null)));
        bed.core.visits().saveDraft(r);
        assertThat(bed.core.visits().complete(r.id()).fieldErrors()).containsKey("action.0.mandate");
    }

    @Test
    void the_service_refuses_to_terminate_a_report_whose_action_on_behalf_names_no_covering_mandate() {
        bed.fillValid();
        VisitReport r = saved().withVisitAttested(true)
                .withActions(List.of(new ActionDto(
                        "x",
                        "appel_creancier",
                        "energie",
                        "EDF",
                        LocalDate.of(2026, 11, 27),
                        null,
                        null,
                        null,
                        null,
                        true,
                        "m-old",
                        null)));
        bed.core.visits().saveDraft(r);
        assertThat(bed.core.visits().complete(r.id()).fieldErrors()).containsKey("action.0.mandate");
    }

    @Test
    void amounts_are_read_the_french_way_and_letters_are_refused_beside_the_field() {
        bed.fillValid();
        bed.typeAction("demande_aide", "energie", false);
        editor.amountRequestedProperty().set("1 234,56 €");
        editor.amountObtainedProperty().set("abc");
        assertThat(actions.saveAction().join()).isFalse();
        assertThat(editor.errorProperty("amountObtained").get()).startsWith("Montant invalide");
        assertThat(editor.errorProperty("amountRequested").get()).isEmpty();
        assertThat(editor.amountObtainedProperty().get()).isEqualTo("abc");

        editor.amountObtainedProperty().set("12,5");
        assertThat(actions.saveAction().join()).isTrue();
        ActionDto a = saved().actions().get(0);
        assertThat(a.amountRequestedCents()).isEqualTo(123_456L);
        assertThat(a.amountObtainedCents()).isEqualTo(1_250L);
        assertThat(actions.actionDetails(a))
                .contains("Montant demandé : 1\u00a0234,56\u00a0€", "Montant obtenu : 12,50\u00a0€");
    }

    @Test
    void an_amount_above_the_limit_both_sides_check_is_refused_offline_beside_the_field() {
        bed.fillValid();
        bed.typeAction("demande_aide", "energie", false);
        editor.amountRequestedProperty().set("2 000 000,00");
        assertThat(actions.saveAction().join()).isFalse();
        assertThat(editor.errorProperty("amountRequested").get())
                .isEqualTo("Montant trop élevé : 1\u00a0000\u00a0000,00\u00a0€ au plus.");
        assertThat(editor.amountRequestedProperty().get()).isEqualTo("2 000 000,00");
        assertThat(saved().actions()).isEmpty();

        editor.amountRequestedProperty().set("1 000 000,00");
        assertThat(actions.saveAction().join()).isTrue();
        assertThat(saved().actions().get(0).amountRequestedCents()).isEqualTo(Limits.MAX_AMOUNT_CENTS);
    }

    @Test
    void the_service_refuses_an_amount_above_the_limit() {
        ActionDto a = new ActionDto(
                "x",
                "demande_aide",
                "energie",
                "EDF",
                LocalDate.of(2026, 11, 27),
                null,
                Limits.MAX_AMOUNT_CENTS + 1,
                Limits.MAX_AMOUNT_CENTS,
                null,
                false,
                null,
                null);
        assertThat(bed.core.visits().validateAction("r1", a, LocalDate.of(2026, 11, 27)))
                .containsOnlyKeys("amountRequested");
    }

    @Test
    void an_impossible_date_is_reported_beside_its_field_and_the_text_stays() {
        bed.fillValid();
        bed.typeAction("demande_aide", "energie", false);
        editor.dateProperty().set("31/02/2026");
        assertThat(actions.saveAction().join()).isFalse();
        assertThat(editor.errorProperty("date").get()).startsWith("Date invalide");
        assertThat(editor.dateProperty().get()).isEqualTo("31/02/2026");
    }

    @Test
    void an_action_dated_in_a_year_the_server_refuses_is_refused_offline_beside_the_field() {
        bed.fillValid();
        bed.typeAction("demande_aide", "energie", false);
        editor.dateProperty().set("30/11/2206");
        assertThat(actions.saveAction().join()).isFalse();
        assertThat(editor.errorProperty("date").get())
                .isEqualTo("Date impossible : l'année doit être comprise entre 2000 et 2100.");
        assertThat(saved().actions()).isEmpty();
    }

    @Test
    void an_action_needs_a_type_and_a_domain() {
        bed.fillValid();
        actions.newAction();
        assertThat(actions.saveAction().join()).isFalse();
        assertThat(editor.errorProperty("type").get()).isEqualTo("Choisissez le type d'action.");
        assertThat(editor.errorProperty("domain").get()).isEqualTo("Choisissez le domaine de l'action.");
    }
}
