package fr.mediance.app.core.consent;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.resident.ResidentFixtures;
import fr.mediance.app.core.resident.SignatureFixtures;
import fr.mediance.app.core.testing.TestCores;
import fr.mediance.protocol.ConsentDto;
import fr.mediance.protocol.MandateDto;
import fr.mediance.testing.FakeOfficeServer;
import fr.mediance.testing.MutableClock;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MandateViewModelTest {
    static final ResourceBundle TEXTS = ResourceBundle.getBundle("fr.mediance.app.core.messages");

    @TempDir
    Path dir;

    final FakeOfficeServer server = new FakeOfficeServer();
    final MutableClock clock = new MutableClock(TestCores.T0);
    final List<MandateDto> signed = new ArrayList<>();
    CoreContext core;
    MandateViewModel vm;

    @BeforeEach
    void setUp() {
        ResidentFixtures.codes(server);
        core = ResidentFixtures.counsellor(dir, clock, server);
        vm = new MandateViewModel(
                core.mandates(), core.reference(), clock, core.zone(), TEXTS, Runnable::run, Runnable::run);
        vm.setOnSigned(signed::add);
    }

    @AfterEach
    void tearDown() {
        core.close();
        server.close();
    }

    @Test
    void theEndDateIsShownForTheDurationChosen() {
        vm.load("r1").join();
        assertThat(vm.startDateProperty().get()).isEqualTo("27/11/2026");
        vm.durationProperty().set("6m");
        assertThat(vm.endDateProperty().get()).isEqualTo("Jusqu'au 26/05/2027 inclus");
        vm.durationProperty().set("1j");
        assertThat(vm.endDateProperty().get()).isEqualTo("Jusqu'au 27/11/2026 inclus");
        vm.startDateProperty().set("30/02/2027");
        assertThat(vm.errorProperty("startDate").get()).isEqualTo("Date invalide : saisissez jj/mm/aaaa.");
        assertThat(vm.endDateProperty().get()).isEmpty();
    }

    @Test
    void anIncompleteMandateShowsEachProblemAndKeepsWhatWasTyped() {
        vm.load("r1").join();
        vm.creditorsProperty().set("EDF, Veolia");
        assertThat(vm.sign().join()).isFalse();
        assertThat(vm.errorProperty("demarches").get()).isEqualTo("Choisissez au moins une démarche.");
        assertThat(vm.errorProperty("duration").get()).isEqualTo("Ce champ est obligatoire.");
        assertThat(vm.errorProperty("place").get()).isEqualTo("Ce champ est obligatoire.");
        assertThat(vm.errorProperty("notUnderProtection").get()).startsWith("La personne doit déclarer");
        assertThat(vm.errorProperty("residentSignature").get())
                .isEqualTo("La signature de la personne est nécessaire.");
        assertThat(vm.formErrorProperty().get()).isEqualTo("Le mandat n'est pas signé : corrigez les champs signalés.");
        assertThat(vm.creditorsProperty().get()).isEqualTo("EDF, Veolia");
        assertThat(signed).isEmpty();
    }

    @Test
    void aCompleteMandateIsSignedAndCoversItsDomains() {
        vm.load("r1").join();
        vm.toggleDemarche("energie", true);
        vm.toggleDemarche("eau", true);
        vm.toggleDemarche("eau", false);
        vm.creditorsProperty().set("EDF; Engie");
        vm.durationProperty().set("1a");
        vm.placeProperty().set("Marseille");
        vm.notUnderProtectionProperty().set(true);
        vm.residentSignatureProperty().set(SignatureFixtures.scribble());
        vm.agentSignatureProperty().set(SignatureFixtures.scribble());
        assertThat(vm.sign().join()).isTrue();
        assertThat(signed).singleElement().satisfies(m -> {
            assertThat(m.demarches()).containsExactly("energie");
            assertThat(m.creditors()).containsExactly("EDF", "Engie");
            assertThat(m.endDate()).isEqualTo(LocalDate.of(2027, 11, 26));
        });
        assertThat(core.mandates().activeCovering("r1", "energie", LocalDate.of(2027, 6, 1)))
                .hasSize(1);
        assertThat(core.mandates().activeCovering("r1", "eau", LocalDate.of(2027, 6, 1)))
                .isEmpty();
    }

    @Test
    void aResidentUnderProtectionIsNotOfferedTheSignature() {
        core.residentFiles()
                .saveFields(
                        "r1",
                        null,
                        Map.of(
                                "legalProtection",
                                "tutelle",
                                "legalRepresentative",
                                "M. Paul Bénali (fils), 06 55 44 33 22"))
                .value();
        vm.load("r1").join();
        assertThat(vm.blockedProperty().get())
                .isEqualTo("Une mesure de protection est enregistrée (Tutelle) : la "
                        + "personne ne peut pas signer seule un mandat. Contactez son représentant : M. Paul Bénali (fils), "
                        + "06 55 44 33 22.");
        assertThat(vm.sign().join()).isFalse();
        assertThat(core.mandates().mandates("r1")).isEmpty();
    }

    @Test
    void consentsNeedTheirPartnerAndTheNoticeVersionIsShown() {
        List<ConsentDto> recorded = new ArrayList<>();
        ConsentViewModel c =
                new ConsentViewModel(core.consents(), core.reference(), TEXTS, Runnable::run, Runnable::run);
        c.setOnRecorded(recorded::add);
        c.load("r1").join();
        assertThat(c.noticeVersionProperty().get()).isEqualTo("Notice d'information en vigueur : version 2026-03");
        assertThat(c.scopes()).extracting(s -> s.code()).doesNotContain("information_notice");
        c.scopeProperty().set("share_with_partner");
        assertThat(c.partnerNeededProperty().get()).isTrue();
        assertThat(c.give().join()).isFalse();
        assertThat(c.partnerErrorProperty().get()).isEqualTo("Ce champ est obligatoire.");
        c.partnerProperty().set("CCAS de Marseille");
        c.signatureProperty().set(SignatureFixtures.scribble());
        assertThat(c.give().join()).isTrue();
        assertThat(c.acknowledgeNotice().join()).isTrue();
        assertThat(recorded).extracting(ConsentDto::scope).containsExactly("share_with_partner", "information_notice");
        assertThat(recorded.get(0).signatureDocumentId()).isNotNull();
    }
}
