package fr.mediance.app.core.aid;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.resident.CounsellorStoreTest;
import fr.mediance.app.core.testing.TestCores;
import fr.mediance.protocol.AidApplicationDto;
import fr.mediance.protocol.CodeDto;
import fr.mediance.protocol.DocumentDto;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.ListNames;
import fr.mediance.protocol.OperationDto;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AidViewModelTest extends CounsellorStoreTest {
    static final ResourceBundle TEXTS = ResourceBundle.getBundle("fr.mediance.app.core.messages");

    final List<String> messages = new ArrayList<>();
    AidViewModel vm;

    @BeforeEach
    void openTheApplications() {
        server.serverWrite(new CodeDto(ListNames.DOMAIN, "logement", "Logement", null, 90, true));
        server.serverWrite(new CodeDto(ListNames.AID_KIND, "fsl_energie", "FSL énergie", "energie", 10, true));
        server.serverWrite(new CodeDto(ListNames.AID_KIND, "fsl_maintien", "FSL maintien", "logement", 20, true));
        server.serverWrite(new CodeDto(
                ListNames.AID_CHECKLIST,
                "fsl_energie-1",
                "Pièce d'identité",
                "fsl_energie",
                10,
                true,
                "piece_identite"));
        server.serverWrite(new CodeDto(
                ListNames.AID_CHECKLIST,
                "fsl_energie-2",
                "Justificatif de dette",
                "fsl_energie",
                20,
                true,
                "justificatif_dette"));
        server.serverWrite(new CodeDto(ListNames.DOCUMENT_TYPE, "piece_identite", "Pièce d'identité", null, 10, true));
        server.serverWrite(new CodeDto(
                ListNames.DOCUMENT_TYPE, "justificatif_dette", "Justificatif de dette certifié", null, 20, true));
        server.serverWrite(
                new CodeDto(ListNames.FSL_RULE, "02", "Aisne", null, 10, true, "delai=15;seul=energie,eau;qf=636"));
        server.serverWrite(new DocumentDto(
                "d-id",
                "s1",
                null,
                "r1",
                "piece_identite",
                "ab".repeat(32),
                "image/jpeg",
                1000,
                TestCores.T0,
                null,
                null,
                null,
                null,
                null,
                List.of(),
                "photo_in_app"));
        core.sync().syncNow().join();
        vm = new AidViewModel(
                core.aids(), core.energy(), core.reference(), clock, core.zone(), TEXTS, Runnable::run, Runnable::run);
        vm.setOnMessage(messages::add);
        vm.load("r1").join();
    }

    @Test
    void anFslApplicationOpensWithItsChecklistTickedFromTheHouseholdsDocumentsAndTheDepartementsRules() {
        assertThat(vm.items()).isEmpty();
        vm.start("fsl_energie", "02").join();
        assertThat(vm.formTitleProperty().get()).isEqualTo("FSL énergie, ouverte le 27/11/2026");
        assertThat(vm.checklist())
                .containsExactly(
                        new AidService.ChecklistItem("piece_identite", "Pièce d'identité", true),
                        new AidService.ChecklistItem("justificatif_dette", "Justificatif de dette certifié", false));
        assertThat(vm.checklistSummaryProperty().get()).isEqualTo("1 pièce(s) sur 2 fournie(s)");
        assertThat(vm.ruleTextProperty().get())
                .isEqualTo("FSL du 02 : pièces manquantes sous 15 jours, sinon le dossier est annulé ; le foyer dépose "
                        + "seul pour : eau, énergie ; plafond de quotient familial 636 €.");
        assertThat(vm.filingWarningProperty().get()).isEmpty();

        vm.statusProperty().set("waiting_for_documents");
        assertThat(vm.missingDocumentsDueOnProperty().get()).isEqualTo("12/12/2026");
        vm.requestedProperty().set("412,30");
        assertThat(vm.save().join()).isTrue();
        assertThat(messages).contains("Demande d'aide enregistrée sur l'appareil.");
        assertThat(vm.items()).extracting(AidViewModel.Item::title).containsExactly("FSL énergie");

        core.sync().syncNow().join();
        List<OperationDto> sent = server.operations.stream()
                .filter(o -> o.entity() == EntityType.AID_APPLICATION)
                .toList();
        assertThat(sent).hasSize(1);
        AidApplicationDto a = (AidApplicationDto) sent.get(0).data();
        assertThat(a.requestedCents()).isEqualTo(41_230L);
        assertThat(a.missingDocumentsDueOn()).isEqualTo(LocalDate.of(2026, 12, 12));
        assertThat(a.checklist()).containsExactly("piece_identite", "justificatif_dette");
        assertThat(a.departement()).isEqualTo("02");
    }

    @Test
    void aHouseholdThatMayNotFileAloneIsToldToSeeASocialWorker() {
        vm.start("fsl_maintien", "02").join();
        assertThat(vm.filingWarningProperty().get())
                .isEqualTo("Dans ce département, ce dossier est déposé par un travailleur social : orientez le foyer.");
        vm.departementProperty().set("13");
        assertThat(vm.ruleTextProperty().get())
                .isEqualTo("Aucune règle FSL enregistrée pour le 13 : le bureau peut l'ajouter dans les listes de "
                        + "référence.");
        assertThat(vm.filingWarningProperty().get()).isEmpty();
    }

    @Test
    void aDecisionNeedsItsDateAndAmountAndBadInputStaysBesideItsField() {
        vm.start("fsl_energie", "02").join();
        vm.statusProperty().set("granted");
        vm.decidedOnProperty().set("31/02/2026");
        vm.grantedProperty().set("3OO");
        assertThat(vm.save().join()).isFalse();
        assertThat(vm.error("decidedOn").get()).isEqualTo("Date attendue au format JJ/MM/AAAA, entre 2000 et 2100.");
        assertThat(vm.error("grantedCents").get()).isEqualTo("Saisissez un montant, par exemple 1\u00a0234,56.");
        assertThat(vm.grantedProperty().get()).isEqualTo("3OO");

        vm.decidedOnProperty().set("04/12/2026");
        vm.grantedProperty().set("");
        assertThat(vm.save().join()).isFalse();
        assertThat(vm.error("grantedCents").get()).isEqualTo("Indiquez le montant accordé.");
        assertThat(core.sync().pendingItems()).noneMatch(i -> i.entity() == EntityType.AID_APPLICATION);

        vm.grantedProperty().set("300");
        vm.paidToProperty().set("supplier");
        assertThat(vm.save().join()).isTrue();
        assertThat(core.aids().applications("r1").get(0).grantedCents()).isEqualTo(30_000L);
    }

    @Test
    void anFslApplicationMovesTheDebtsItIsForWhenFiledAndWhenGranted() {
        server.serverWrite(new CodeDto("creditor_category", "energie", "Énergie", null, 10, true));
        server.addPartner("edf", "fournisseur_energie", "EDF", "energie");
        core.sync().syncNow().join();
        var contract = core.energy()
                .saveContract(fr.mediance.app.core.energy.EnergyServiceTest.electricity("r1"))
                .value();
        var debt = core.energy()
                .saveDebt(fr.mediance.app.core.energy.EnergyServiceTest.bill("r1", contract.id()))
                .value();
        vm.load("r1").join();
        assertThat(vm.debts())
                .extracting(AidViewModel.DebtChoice::label)
                .containsExactly("EDF – 412,50\u00a0€ (facture du 01/10/2026)");

        vm.start("fsl_energie", "02").join();
        vm.toggleDebt(debt.id(), true);
        vm.statusProperty().set("submitted");
        vm.submittedOnProperty().set("01/12/2026");
        assertThat(vm.save().join()).isTrue();
        var pending = core.energy().debt(debt.id()).orElseThrow();
        assertThat(pending.status()).isEqualTo("fsl_pending");
        assertThat(pending.fslFiledOn()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(messages).contains("1 dette(s) passée(s) en « FSL en attente ».");

        vm.statusProperty().set("granted");
        vm.decidedOnProperty().set("04/12/2026");
        vm.grantedProperty().set("300");
        assertThat(vm.save().join()).isTrue();
        var granted = core.energy().debt(debt.id()).orElseThrow();
        assertThat(granted.status()).isEqualTo("fsl_granted");
        assertThat(granted.fslAidOn()).isEqualTo(LocalDate.of(2026, 12, 4));
        assertThat(granted.fslFiledOn()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(core.aids().applications("r1").get(0).debtIds()).containsExactly(debt.id());
    }
}
