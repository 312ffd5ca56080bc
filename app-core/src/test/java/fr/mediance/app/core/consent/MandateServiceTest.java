package fr.mediance.app.core.consent;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.Outcome;
import fr.mediance.app.core.consent.MandateService.MandateForm;
import fr.mediance.app.core.resident.CounsellorStoreTest;
import fr.mediance.app.core.resident.SignatureFixtures;
import fr.mediance.app.core.signature.Signature;
import fr.mediance.protocol.DocumentDto;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.MandateDto;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class MandateServiceTest extends CounsellorStoreTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    static MandateForm form(String duration, String... domains) {
        return new MandateForm("r1", List.of(domains), List.of("EDF", " "), duration, TODAY, "Marseille", true, null);
    }

    MandateDto sign(String duration, String... domains) {
        return core.mandates()
                .create(form(duration, domains), SignatureFixtures.scribble(), SignatureFixtures.scribble())
                .value();
    }

    @Test
    void theEndDateIsTheStartPlusTheDurationMinusOneDay() {
        assertThat(core.mandates().endDate("1j", TODAY)).contains(TODAY);
        assertThat(core.mandates().endDate("1m", TODAY)).contains(LocalDate.of(2026, 12, 26));
        assertThat(core.mandates().endDate("6m", TODAY)).contains(LocalDate.of(2027, 5, 26));
        assertThat(core.mandates().endDate("1a", LocalDate.of(2028, 2, 29))).contains(LocalDate.of(2029, 2, 27));
        assertThat(core.mandates().endDate("10ans", TODAY)).isEmpty();
    }

    @Test
    void aSignedMandateCoversItsDomainsBetweenItsDatesUntilRevoked() {
        MandateDto m = sign("1m", "energie", "eau");
        assertThat(m.endDate()).isEqualTo(LocalDate.of(2026, 12, 26));
        assertThat(m.agentIds()).containsExactly("u-c1");
        assertThat(m.creditors()).containsExactly("EDF");
        assertThat(m.notUnderProtection()).isTrue();
        assertThat(core.mandates().activeCovering("r1", "energie", TODAY))
                .extracting(MandateDto::id)
                .containsExactly(m.id());
        assertThat(core.mandates().activeCovering("r1", "eau", LocalDate.of(2026, 12, 26)))
                .hasSize(1);
        assertThat(core.mandates().activeCovering("r1", "logement", TODAY)).isEmpty();
        assertThat(core.mandates().activeCovering("r1", "energie", LocalDate.of(2026, 12, 27)))
                .isEmpty();
        assertThat(core.mandates().activeCovering("r1", "energie", TODAY.minusDays(1)))
                .isEmpty();
        assertThat(core.mandates().activeCovering("r2", "energie", TODAY)).isEmpty();

        clock.advance(Duration.ofDays(3));
        MandateDto revoked = core.mandates().revoke(m.id()).value();
        assertThat(revoked.revokedAt()).isEqualTo(clock.instant());
        assertThat(core.mandates().activeCovering("r1", "energie", TODAY.plusDays(3)))
                .isEmpty();
        assertThat(core.mandates().activeCovering("r1", "energie", TODAY.plusDays(2)))
                .hasSize(1);
        assertThat(core.mandates().mandates("r1"))
                .singleElement()
                .extracting(MandateDto::revokedAt)
                .isNotNull();
    }

    @Test
    void bothSignaturesAreKeptAsPngDocumentsSixYearsAfterTheEndAndQueued() throws Exception {
        MandateDto m = sign("6m", "energie");
        for (String id : List.of(m.residentSignatureDocumentId(), m.agentSignatureDocumentId())) {
            byte[] png = core.documents().readBytes(id).orElseThrow();
            assertThat(ImageIO.read(new ByteArrayInputStream(png)).getWidth()).isEqualTo(800);
        }
        core.sync().syncNow().join();
        assertThat(server.operations)
                .extracting(o -> o.entity())
                .containsExactly(EntityType.DOCUMENT, EntityType.DOCUMENT, EntityType.MANDATE);
        DocumentDto sent = (DocumentDto) server.operations.get(0).data();
        assertThat(sent.type()).isEqualTo("signature");
        assertThat(sent.origin()).isEqualTo("generated");
        assertThat(sent.mimeType()).isEqualTo("image/png");
        assertThat(sent.retentionUntil()).isEqualTo(LocalDate.of(2033, 5, 26));
        assertThat(sent.title()).isEqualTo("Mandat – Énergie – signature de la personne");
        assertThat(server.hasBlob(sent.sha256())).isTrue();
    }

    @Test
    void aResidentUnderProtectionCannotSignAndIsToldWhomToContact() {
        core.residentFiles()
                .saveFields(
                        "r1",
                        null,
                        Map.of(
                                "legalProtection",
                                "curatelle_renforcee",
                                "legalRepresentative",
                                "UDAF des Bouches-du-Rhône, 04 91 00 00 00"))
                .value();
        assertThat(core.mandates().protectionBlock("r1"))
                .contains("Une mesure de protection est enregistrée "
                        + "(Curatelle renforcée) : la personne ne peut pas signer seule un mandat. Contactez son représentant "
                        + ": UDAF des Bouches-du-Rhône, 04 91 00 00 00.");
        Outcome<MandateDto> o = core.mandates()
                .create(form("1m", "energie"), SignatureFixtures.scribble(), SignatureFixtures.scribble());
        assertThat(o.isOk()).isFalse();
        assertThat(o.message()).startsWith("Une mesure de protection est enregistrée");
        assertThat(core.mandates().mandates("r1")).isEmpty();
        // the counsellor cannot lift it; the office does, and the device receives it
        assertThat(core.residentFiles()
                        .saveFields("r1", null, Map.of("legalProtection", "aucune"))
                        .isOk())
                .isFalse();
        assertThat(core.mandates().protectionBlock("r1")).isNotEmpty();
        core.sync().syncNow().join();
        server.serverWrite(fr.mediance.app.core.resident.ResidentFields.with(
                core.residentFiles().file("r1").orElseThrow().resident(), Map.of("legalProtection", "aucune")));
        core.sync().syncNow().join();
        assertThat(core.mandates().protectionBlock("r1")).isEmpty();
    }

    @Test
    void anIncompleteMandateIsRefusedFieldByField() {
        Outcome<MandateDto> o = core.mandates()
                .create(
                        new MandateForm(
                                "r1", List.of(), List.of("x".repeat(201)), null, TODAY.minusDays(1), " ", false, null),
                        new Signature(400, 150, List.of()),
                        null);
        assertThat(o.fieldErrors())
                .containsEntry("demarches", "Choisissez au moins une démarche.")
                .containsEntry("creditors", "Ce texte est trop long (200 caractères au plus).")
                .containsEntry("duration", "Ce champ est obligatoire.")
                .containsEntry("startDate", "Le mandat ne peut pas commencer avant aujourd'hui.")
                .containsEntry("place", "Ce champ est obligatoire.")
                .containsEntry(
                        "notUnderProtection",
                        "La personne doit déclarer ne pas être sous tutelle, curatelle " + "ou sauvegarde de justice.")
                .containsEntry("residentSignature", "La signature de la personne est nécessaire.")
                .containsEntry("agentSignature", "Votre signature est nécessaire.");
        assertThat(core.sync().pendingItems()).isEmpty();
        assertThat(core.mandates()
                        .create(form("1m", "astrologie"), SignatureFixtures.scribble(), SignatureFixtures.scribble())
                        .fieldErrors())
                .containsKey("demarches");
    }

    @Test
    void aMandateStartingInAnImplausibleYearIsRefusedOffline() {
        MandateForm f = new MandateForm(
                "r1", List.of("energie"), List.of(), "1m", LocalDate.of(2206, 1, 1), "Marseille", true, null);
        Outcome<MandateDto> o = core.mandates().create(f, SignatureFixtures.scribble(), SignatureFixtures.scribble());
        assertThat(o.fieldErrors())
                .containsExactly(java.util.Map.entry(
                        "startDate", "Date peu plausible : l'année doit être comprise entre 2000 et 2100."));
        assertThat(core.sync().pendingItems()).isEmpty();
    }
}
