package fr.mediance.app.core.consent;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.resident.CounsellorStoreTest;
import fr.mediance.app.core.resident.SignatureFixtures;
import fr.mediance.app.core.testing.TestCores;
import fr.mediance.protocol.ConsentDto;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ConsentServiceTest extends CounsellorStoreTest {

    @Test
    void theNoticeIsAcknowledgedWithTheVersionInForceAndASignature() {
        assertThat(core.consents().currentNoticeVersion()).contains("2026-03");
        ConsentDto c = core.consents()
                .acknowledgeNotice("r1", "paper", SignatureFixtures.scribble())
                .value();
        assertThat(c.scope()).isEqualTo("information_notice");
        assertThat(c.noticeVersion()).isEqualTo("2026-03");
        assertThat(c.recordedBy()).isEqualTo("u-c1");
        assertThat(c.signatureDocumentId()).isNotNull();
        assertThat(core.documents().readBytes(c.signatureDocumentId())).isPresent();
    }

    @Test
    void aScopeWithAPartnerNeedsItsNameAndOthersDoNot() {
        assertThat(core.consents()
                        .give("r1", "share_with_partner", " ", "screen", null)
                        .fieldErrors())
                .containsEntry("partner", "Ce champ est obligatoire.");
        assertThat(core.consents().give("r1", "", null, "screen", null).fieldErrors())
                .containsEntry("scope", "Ce champ est obligatoire.");
        assertThat(core.consents().give("r1", "horoscope", null, "screen", null).fieldErrors())
                .containsEntry("scope", "Valeur inconnue : choisissez dans la liste.");
        ConsentDto c = core.consents()
                .give("r1", "contact_creditor", "EDF", "screen", null)
                .value();
        assertThat(c.partner()).isEqualTo("EDF");
        assertThat(c.signatureDocumentId()).isNull();
        ConsentDto photos = core.consents()
                .give("r1", "photo_documents", "ignored", "screen", null)
                .value();
        assertThat(photos.partner()).isNull();
    }

    @Test
    void aWithdrawnConsentStaysInTheFileWithItsDate() {
        ConsentDto c = core.consents()
                .give("r1", "share_with_partner", "CCAS", "screen", null)
                .value();
        clock.advance(Duration.ofDays(1));
        ConsentDto w = core.consents().withdraw(c.id()).value();
        assertThat(w.withdrawnAt()).isEqualTo(clock.instant());
        assertThat(w.activeAt(clock.instant())).isFalse();
        assertThat(w.activeAt(TestCores.T0)).isTrue();
        assertThat(core.consents().consents("r1"))
                .singleElement()
                .extracting(ConsentDto::withdrawnAt)
                .isEqualTo(clock.instant());
        assertThat(core.consents().withdraw("nope").message())
                .isEqualTo("Ce consentement n'existe pas sur cet " + "appareil.");
        core.sync().syncNow().join();
        assertThat(server.operations)
                .extracting(o -> ((ConsentDto) o.data()).withdrawnAt())
                .containsExactly(null, clock.instant());
        assertThat(LocalDate.ofInstant(w.withdrawnAt(), java.time.ZoneOffset.UTC))
                .isEqualTo(LocalDate.of(2026, 11, 28));
    }
}
