package fr.mediance.app.core.casework;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.resident.CounsellorStoreTest;
import fr.mediance.app.core.sync.OutboxItem;
import fr.mediance.app.core.visit.VisitReport;
import fr.mediance.protocol.CaseDto;
import fr.mediance.protocol.CaseOutcomeDto;
import fr.mediance.protocol.Casework;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.RequestDto;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CaseworkViewModelsTest extends CounsellorStoreTest {
    static final ResourceBundle TEXTS = ResourceBundle.getBundle("fr.mediance.app.core.messages");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
    final List<String> messages = new ArrayList<>();
    final List<String> opened = new ArrayList<>();

    @BeforeEach
    void seed() {
        CaseworkFixtures.codes(server);
        core.sync().syncNow().join();
    }

    CaseViewModel caseScreen() {
        CaseViewModel vm =
                new CaseViewModel(core.cases(), core.reference(), () -> TODAY, TEXTS, Runnable::run, Runnable::run);
        vm.setOnMessage(messages::add);
        vm.load("r1").join();
        return vm;
    }

    // --- the case in the resident's file

    @Test
    void aResidentWithoutCaseIsOfferedToOpenOneAndARequestOpensIt() {
        CaseViewModel vm = caseScreen();
        assertThat(vm.hasCaseProperty().get()).isFalse();
        assertThat(vm.statusTextProperty().get()).isEqualTo("Aucun accompagnement");
        vm.channelProperty().set(Casework.CHANNEL_PARTNER);
        vm.referrerProperty().set("edf_solidarite");
        vm.requestDomains().setAll("energie");
        vm.urgencyProperty(Casework.URGENCY_COURT_DATE).set(true);
        vm.courtDateProperty().set("12/01/2027");
        vm.descriptionProperty().set("Assignation reçue.");
        assertThat(vm.recordRequest().join()).isTrue();
        assertThat(vm.hasCaseProperty().get()).isTrue();
        assertThat(vm.statusTextProperty().get()).isEqualTo("En cours");
        assertThat(vm.openedTextProperty().get()).isEqualTo("Ouvert le 27/11/2026");
        assertThat(vm.requests())
                .singleElement()
                .isEqualTo(new CaseViewModel.RequestRow(
                        vm.requests().get(0).id(),
                        "27/11/2026 · Orientation d'un partenaire · EDF Solidarité",
                        "Énergie — Assignation reçue.",
                        "Audience le 12/01/2027",
                        "Nouvelle",
                        Casework.REQUEST_NEW));
        assertThat(vm.descriptionProperty().get()).isEmpty();
        assertThat(messages).containsExactly("Demande enregistrée.");

        assertThat(vm.requestStatusOptions()).extracting(Choice::label).contains("Orientée");
        assertThat(vm.setRequestStatus(vm.requests().get(0).id(), Casework.REQUEST_ORIENTED)
                        .join())
                .isTrue();
        assertThat(vm.requests().get(0).status()).isEqualTo("Orientée");
        assertThat(core.cases().requests("r1").get(0).status()).isEqualTo(Casework.REQUEST_ORIENTED);
    }

    @Test
    void aCourtDateWithoutItsDateIsShownBesideTheField() {
        CaseViewModel vm = caseScreen();
        vm.urgencyProperty(Casework.URGENCY_COURT_DATE).set(true);
        assertThat(vm.recordRequest().join()).isFalse();
        assertThat(vm.errorProperty("courtDate").get()).isEqualTo("Indiquez la date d'audience.");
        vm.courtDateProperty().set("31/02/2027");
        assertThat(vm.recordRequest().join()).isFalse();
        assertThat(vm.errorProperty("courtDate").get()).isEqualTo("Date invalide (jj/mm/aaaa).");
        assertThat(core.sync().pendingItems()).isEmpty();
    }

    @Test
    void goalsAndDomainsAreSavedThenTheCaseIsClosedWithItsOutcomesAndReopened() {
        CaseViewModel vm = caseScreen();
        assertThat(vm.openCase().join()).isTrue();
        vm.goalsProperty().set("Rétablir l'électricité\n\nDossier FSL");
        vm.domains().setAll("energie", "logement");
        assertThat(vm.save().join()).isTrue();
        CaseDto saved = core.cases().current("r1").orElseThrow();
        assertThat(saved.goals()).containsExactly("Rétablir l'électricité", "Dossier FSL");

        assertThat(vm.close().join()).isFalse();
        assertThat(vm.errorProperty("closingReason").get()).isEqualTo("Indiquez le motif de clôture.");
        vm.closingReasonProperty().set("goals_met");
        CaseViewModel.OutcomeLine fsl = vm.outcomes().stream()
                .filter(l -> l.choice().code().equals("fsl_granted"))
                .findFirst()
                .orElseThrow();
        assertThat(fsl.withAmount()).isTrue();
        fsl.selectedProperty().set(true);
        fsl.amountProperty().set("450,00 €");
        assertThat(vm.close().join()).isTrue();
        CaseDto closed = core.cases().cases("r1").get(0);
        assertThat(closed.outcomes()).containsExactly(new CaseOutcomeDto("fsl_granted", 45_000L));
        assertThat(vm.hasCaseProperty().get()).isFalse();
        assertThat(vm.canReopenProperty().get()).isTrue();
        assertThat(vm.history())
                .singleElement()
                .isEqualTo(new CaseViewModel.PastCase(
                        closed.id(),
                        "Du 27/11/2026 au 27/11/2026 · Objectifs atteints",
                        "Aide FSL accordée (montant) : " + fr.mediance.app.core.visit.FrenchInput.money(45_000L)));
        assertThat(vm.reopen().join()).isTrue();
        assertThat(vm.hasCaseProperty().get()).isTrue();
    }

    @Test
    void anOutcomeAmountThatIsNotAnAmountIsRefusedBesideTheOutcomes() {
        CaseViewModel vm = caseScreen();
        vm.openCase().join();
        vm.closingReasonProperty().set("goals_met");
        CaseViewModel.OutcomeLine fsl = vm.outcomes().stream()
                .filter(CaseViewModel.OutcomeLine::withAmount)
                .findFirst()
                .orElseThrow();
        fsl.selectedProperty().set(true);
        fsl.amountProperty().set("beaucoup");
        assertThat(vm.close().join()).isFalse();
        assertThat(vm.errorProperty("outcomes").get()).isEqualTo("Montant invalide (exemple : 1 234,56).");
        assertThat(core.cases().current("r1")).isPresent();
    }

    // --- a contact without appointment

    UnplannedContactViewModel contactScreen() {
        UnplannedContactViewModel vm = new UnplannedContactViewModel(
                core.cases(), core.visits(), core.residents(), core.reference(), TEXTS, Runnable::run, Runnable::run);
        vm.setOnMessage(messages::add);
        vm.setOnOpenReport(opened::add);
        vm.load().join();
        return vm;
    }

    @Test
    void aPhoneContactWithAResidentRecordsTheRequestAndOpensAPhoneReportThatAnswersIt() {
        UnplannedContactViewModel vm = contactScreen();
        vm.channelProperty().set(Casework.CHANNEL_PHONE);
        assertThat(vm.start().join()).isFalse();
        assertThat(vm.errorProperty("residentId").get())
                .isEqualTo("Choisissez la personne, ou passez en contact anonyme.");
        vm.queryProperty().set("bénali");
        vm.search().join();
        assertThat(vm.found())
                .extracting(UnplannedContactViewModel.Found::text)
                .containsExactly("Fatima Bénali · D-001");
        vm.choose(vm.found().get(0));
        vm.domains().setAll("energie");
        vm.urgencyProperty(Casework.URGENCY_POWER_REDUCED).set(true);
        assertThat(vm.start().join()).isTrue();

        VisitReport report = core.visits().find(opened.get(0)).orElseThrow();
        assertThat(report.medium()).isEqualTo("phone");
        assertThat(report.appointmentId()).isNull();
        RequestDto request = core.cases().requests("r1").get(0);
        assertThat(request.channel()).isEqualTo(Casework.CHANNEL_PHONE);
        assertThat(request.status()).isEqualTo(Casework.REQUEST_ANSWERED);
        assertThat(request.visitReportId()).isEqualTo(report.id());
        assertThat(request.urgencies()).containsExactly(Casework.URGENCY_POWER_REDUCED);
        assertThat(core.cases().current("r1")).map(CaseDto::id).contains(request.caseId());
    }

    @Test
    void anAnonymousContactIsOnlyADeskOrPhoneContactAndIsCountedWithoutAName() {
        UnplannedContactViewModel vm = contactScreen();
        vm.channelProperty().set(Casework.CHANNEL_HOME_VISIT);
        vm.anonymousProperty().set(true);
        assertThat(vm.channelProperty().get()).isEqualTo(Casework.CHANNEL_DESK);
        assertThat(vm.channelOptions()).extracting(Choice::code).containsExactly("desk", "phone");
        assertThat(vm.domainOptions()).extracting(Choice::code).contains("energie", "eau");
        vm.domains().setAll("eau");
        assertThat(vm.motifOptions()).as("the motifs of the ticked domains").isEmpty();
        vm.domains().clear();
        assertThat(vm.motifOptions()).extracting(Choice::code).contains("cheque_energie");
        assertThat(vm.recordAnonymous().join()).isFalse();
        assertThat(vm.errorProperty("domains").get()).isEqualTo("Choisissez au moins un domaine ou un motif.");
        vm.domains().setAll("energie");
        vm.actionTypes().setAll("information_droits");
        vm.ageBandProperty().set("65_plus");
        vm.durationProperty().set("douze");
        assertThat(vm.recordAnonymous().join()).isFalse();
        assertThat(vm.errorProperty("durationMinutes").get()).isEqualTo("Durée en minutes, de 1 à 1440.");
        vm.durationProperty().set("12");
        assertThat(vm.recordAnonymous().join()).isTrue();
        assertThat(core.cases().anonymousSince(TODAY)).singleElement().satisfies(a -> {
            assertThat(a.channel()).isEqualTo(Casework.CHANNEL_DESK);
            assertThat(a.durationMinutes()).isEqualTo(12);
            assertThat(a.ageBand()).isEqualTo("65_plus");
        });
        assertThat(vm.domains()).isEmpty();
        assertThat(core.sync().pendingItems())
                .extracting(OutboxItem::entity)
                .containsExactly(EntityType.ANONYMOUS_CONTACT);
        assertThat(messages).containsExactly("Contact anonyme enregistré.");
    }

    // --- a new file

    @Test
    void aNewFileWithTheNameAndBirthDateOfAPersonOnTheTabletAsksBeforeCreatingIt() {
        NewResidentViewModel vm = new NewResidentViewModel(core.residents(), TEXTS, Runnable::run, Runnable::run);
        vm.setOnOpen(opened::add);
        vm.setOnMessage(messages::add);
        assertThat(vm.mayCreate()).isTrue();
        vm.lastNameProperty().set("BENALI");
        vm.firstNameProperty().set("fatima");
        vm.streetProperty().set("12 rue des Lilas");
        vm.postcodeProperty().set("13015");
        vm.cityProperty().set("Marseille");
        assertThat(vm.create().join()).isFalse();
        assertThat(vm.confirmNeededProperty().get()).isTrue();
        assertThat(vm.duplicates()).singleElement().asString().startsWith("Fatima Bénali");
        assertThat(core.sync().pendingItems()).isEmpty();

        assertThat(vm.create().join()).as("created anyway, once confirmed").isTrue();
        assertThat(core.residents().find(opened.get(0)).orElseThrow().referentId())
                .isEqualTo("u-c1");
    }

    @Test
    void aNewFileIsCheckedBesideItsFields() {
        NewResidentViewModel vm = new NewResidentViewModel(core.residents(), TEXTS, Runnable::run, Runnable::run);
        vm.lastNameProperty().set("Diallo");
        vm.birthDateProperty().set("32/13/1950");
        assertThat(vm.create().join()).isFalse();
        assertThat(vm.errorProperty("birthDate").get()).isEqualTo("Date invalide (jj/mm/aaaa).");
        vm.birthDateProperty().set("");
        assertThat(vm.create().join()).isFalse();
        assertThat(vm.errorProperty("firstName").get()).isEqualTo("Ce champ est obligatoire.");
        assertThat(opened).isEmpty();
    }
}
