package fr.mediance.app.core.resident;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.testing.TestCores;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.OperationDto;
import fr.mediance.protocol.PrivateNoteDto;
import fr.mediance.protocol.ResidentDto;
import fr.mediance.testing.FakeOfficeServer;
import fr.mediance.testing.MutableClock;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResidentFileViewModelTest {
    static final ResourceBundle TEXTS = ResourceBundle.getBundle("fr.mediance.app.core.messages");

    @TempDir
    Path dir;

    final FakeOfficeServer server = new FakeOfficeServer();
    final MutableClock clock = new MutableClock(TestCores.T0);
    final ManualExecutor pause = new ManualExecutor();
    final List<String> messages = new ArrayList<>();
    CoreContext core;
    ResidentFileViewModel vm;

    @BeforeEach
    void setUp() {
        ResidentFixtures.codes(server);
        core = ResidentFixtures.counsellor(dir, clock, server);
        vm = new ResidentFileViewModel(
                core.residentFiles(),
                core.consents(),
                core.mandates(),
                core.reference(),
                core.sync(),
                clock,
                core.zone(),
                TEXTS,
                pause,
                Runnable::run,
                Runnable::run);
        vm.setOnMessage(messages::add);
        assertThat(vm.load("r1").join()).isTrue();
    }

    @AfterEach
    void tearDown() {
        core.close();
        server.close();
    }

    ResidentDto stored() {
        return core.residentFiles().file("r1").orElseThrow().resident();
    }

    List<OperationDto> residentOps() {
        core.sync().syncNow().join();
        return server.operations.stream()
                .filter(o -> o.entity() == EntityType.RESIDENT)
                .toList();
    }

    @Test
    void theFileIsShownAndTheFactualReminderIsThere() {
        assertThat(vm.titleProperty().get()).isEqualTo("Fatima Bénali");
        assertThat(vm.subtitleProperty().get()).isEqualTo("Dossier D-001 · 12 rue des Lilas, 13015 Marseille");
        assertThat(vm.field("phone").get()).isEqualTo("06 12 34 56 78");
        assertThat(vm.factualReminder()).contains("faits").contains("la personne peut demander à lire ces notes");
        assertThat(vm.choices("legalProtection")).extracting(c -> c.code()).contains("tutelle");
    }

    @Test
    void typingIsSavedOnceAfterThePauseAsAFieldLevelUpdate() {
        vm.field("phone").set("07");
        vm.field("phone").set("07 11");
        vm.field("phone").set("07 11 22 33 44");
        assertThat(stored().phone()).isEqualTo("06 12 34 56 78");
        assertThat(vm.saveStatusProperty().get()).isEqualTo("Enregistrement…");
        pause.runAll();
        assertThat(stored().phone()).isEqualTo("07 11 22 33 44");
        assertThat(vm.saveStatusProperty().get()).isEqualTo("Enregistré sur l'appareil à 09:00");
        assertThat(residentOps())
                .singleElement()
                .satisfies(o -> assertThat(o.changedFields()).containsExactly("phone"));
    }

    @Test
    void anImpossibleBirthDateStaysInTheFieldWithItsMessageAndIsNotSaved() {
        vm.field("birthDate").set("31/02/1948");
        assertThat(vm.errorProperty("birthDate").get())
                .isEqualTo("Date invalide : saisissez jj/mm/aaaa (exemple : 05/03/1948).");
        vm.field("birthDate").set("05/03/1848");
        assertThat(vm.errorProperty("birthDate").get()).isEqualTo("Date de naissance peu plausible : avant 1906.");
        vm.field("birthDate").set("05/03/2027");
        assertThat(vm.errorProperty("birthDate").get())
                .isEqualTo("La date de naissance ne peut pas être dans le futur.");
        pause.runAll();
        assertThat(vm.field("birthDate").get()).isEqualTo("05/03/2027");
        assertThat(stored().birthDate()).isNull();
        assertThat(core.sync().pendingItems()).isEmpty();
        vm.field("birthDate").set("05/03/1948");
        assertThat(vm.errorProperty("birthDate").get()).isEmpty();
        pause.runAll();
        assertThat(stored().birthDate()).isEqualTo(LocalDate.of(1948, 3, 5));
    }

    @Test
    void badShapesAreShownBesideTheirFieldsAndNothingTypedIsLost() {
        vm.field("lastName").set(" ");
        vm.field("email").set("fatima.benali@");
        vm.field("postcode").set("13 015");
        vm.field("phone").set("06 12 AB");
        vm.field("city").set("M".repeat(201));
        vm.field("synthesis").set("x".repeat(20_001));
        pause.runAll();
        assertThat(vm.errorProperty("lastName").get()).isEqualTo("Ce champ est obligatoire.");
        assertThat(vm.errorProperty("email").get()).isEqualTo("Adresse e-mail invalide (exemple : nom@exemple.fr).");
        assertThat(vm.errorProperty("postcode").get()).isEqualTo("Code postal invalide (5 chiffres).");
        assertThat(vm.errorProperty("phone").get())
                .isEqualTo("Numéro de téléphone invalide (exemple : 06 12 34 56 78).");
        assertThat(vm.errorProperty("city").get()).isEqualTo("Ce texte est trop long (200 caractères au plus).");
        assertThat(vm.errorProperty("synthesis").get()).isEqualTo("Ce texte est trop long (20000 caractères au plus).");
        assertThat(vm.field("email").get()).isEqualTo("fatima.benali@");
        assertThat(vm.field("synthesis").get()).hasSize(20_001);
        assertThat(stored().lastName()).isEqualTo("Bénali");
        assertThat(core.sync().pendingItems()).isEmpty();
        // a valid field typed meanwhile is saved on its own
        vm.field("email").set("fatima.benali@exemple.fr");
        pause.runAll();
        assertThat(stored().email()).isEqualTo("fatima.benali@exemple.fr");
        assertThat(stored().city()).isEqualTo("Marseille");
    }

    @Test
    void aCodedFieldAndTheProtectionNoticeFollowTheFile() {
        vm.field("legalRepresentative").set("UDAF 13, 04 91 00 00 00");
        vm.code("legalProtection").set("tutelle");
        pause.runAll();
        assertThat(stored().legalProtection()).isEqualTo("tutelle");
        assertThat(vm.protectionProperty().get()).contains("Tutelle").contains("UDAF 13, 04 91 00 00 00");
        vm.noPhoneProperty().set(true);
        vm.mainResidenceProperty().set(Boolean.TRUE);
        pause.runAll();
        assertThat(stored().noPhone()).isTrue();
        assertThat(stored().mainResidence()).isTrue();
    }

    @Test
    void householdMembersAreCheckedThenSavedAsAWholeList() {
        vm.memberRoleProperty().set("enfant_moins_14");
        vm.memberFirstNameProperty().set("Yanis");
        vm.memberBirthYearProperty().set("215");
        assertThat(vm.addMember()).isFalse();
        assertThat(vm.errorProperty("member").get()).isEqualTo("Année invalide : 4 chiffres, entre 1906 et 2026.");
        assertThat(vm.memberFirstNameProperty().get()).isEqualTo("Yanis");
        vm.memberBirthYearProperty().set("2015");
        assertThat(vm.addMember()).isTrue();
        assertThat(vm.memberFirstNameProperty().get()).isEmpty();
        pause.runAll();
        assertThat(stored().household()).singleElement().satisfies(m -> {
            assertThat(m.birthYear()).isEqualTo(2015);
            assertThat(m.firstName()).isEqualTo("Yanis");
        });
        assertThat(vm.memberLine(vm.household().get(0))).isEqualTo("Enfant de moins de 14 ans · Yanis · né(e) en 2015");
        vm.contactNameProperty().set("Samia Bénali");
        vm.contactLinkProperty().set("fille");
        vm.contactPhoneProperty().set("pas de téléphone");
        assertThat(vm.addContact()).isFalse();
        vm.contactPhoneProperty().set("06 22 33 44 55");
        vm.contactCaregiverProperty().set(true);
        assertThat(vm.addContact()).isTrue();
        vm.removeMember(vm.household().get(0).id());
        pause.runAll();
        assertThat(stored().household()).isEmpty();
        assertThat(stored().contacts())
                .singleElement()
                .satisfies(c -> assertThat(c.caregiver()).isTrue());
        assertThat(vm.contactLine(vm.contacts().get(0))).isEqualTo("fille · 06 22 33 44 55 · aidant(e)");
    }

    @Test
    void anotherAuthorsPrivateNoteIsNeverShownAndMineIsSaved() {
        server.serverWrite(new PrivateNoteDto("n-karim", "s1", "r1", "u-c2", "Note de Karim", TestCores.T0));
        core.sync().syncNow().join();
        vm.load("r1").join();
        assertThat(vm.privateNoteProperty().get()).isEmpty();
        vm.privateNoteProperty().set("Préfère les rendez-vous le matin.");
        pause.runAll();
        assertThat(core.residentFiles().myNote("r1"))
                .get()
                .extracting(PrivateNoteDto::text)
                .isEqualTo("Préfère les rendez-vous le matin.");
        vm.load("r1").join();
        assertThat(vm.privateNoteProperty().get()).isEqualTo("Préfère les rendez-vous le matin.");
    }

    @Test
    void consentsAndMandatesAreListedWithdrawnAndRevoked() {
        core.consents().give("r1", "contact_creditor", "EDF", "screen", null).value();
        core.mandates()
                .create(
                        new fr.mediance.app.core.consent.MandateService.MandateForm(
                                "r1",
                                List.of("energie"),
                                List.of(),
                                "1m",
                                LocalDate.of(2026, 11, 27),
                                "Marseille",
                                true,
                                null),
                        SignatureFixtures.scribble(),
                        SignatureFixtures.scribble())
                .value();
        vm.refresh();
        assertThat(vm.consentRows()).singleElement().satisfies(c -> {
            assertThat(c.title()).isEqualTo("Contact d'un créancier – EDF");
            assertThat(c.active()).isTrue();
        });
        assertThat(vm.mandateRows()).singleElement().satisfies(m -> {
            assertThat(m.title()).isEqualTo("Mandat – Énergie");
            assertThat(m.detail()).isEqualTo("Du 27/11/2026 au 26/12/2026");
            assertThat(m.state()).isEqualTo("Actif");
        });
        vm.withdrawConsent(vm.consentRows().get(0).consentId());
        vm.revokeMandate(vm.mandateRows().get(0).mandateId());
        assertThat(vm.consentRows().get(0).active()).isFalse();
        assertThat(vm.consentRows().get(0).detail()).isEqualTo("Donné le 27/11/2026 · retiré le 27/11/2026");
        assertThat(vm.mandateRows().get(0).state()).isEqualTo("Révoqué le 27/11/2026");
        assertThat(messages).containsExactly("Consentement retiré.", "Mandat révoqué.");
        assertThat(vm.timeline())
                .extracting(ResidentFileViewModel.TimelineRow::kind)
                .contains("mandate", "consent");
    }

    @Test
    void aSaveThatFailsSaysSoAndDoesNotLeaveTheScreenSaving() {
        vm.field("phone").set("07 11 22 33 44");
        core.session().lock(); // the store is closed under the screen: every read and write now fails

        pause.runAll();

        assertThat(vm.flush()).isDone();
        assertThat(vm.saveStatusProperty().get()).isEqualTo("Non enregistré : réessayez.");
        assertThat(messages).containsExactly("L'enregistrement a échoué. Vos saisies restent à l'écran ; réessayez.");
        assertThat(vm.field("phone").get()).isEqualTo("07 11 22 33 44");
    }
}
