package fr.mediance.app.core.resident;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.Outcome;
import fr.mediance.app.core.store.Records;
import fr.mediance.app.core.sync.OutboxItem;
import fr.mediance.app.core.testing.TestCores;
import fr.mediance.protocol.ContactPersonDto;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.HouseholdMemberDto;
import fr.mediance.protocol.OperationDto;
import fr.mediance.protocol.PrivateNoteDto;
import fr.mediance.protocol.ResidentDto;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResidentFileServiceTest extends CounsellorStoreTest {

    @Test
    void aFieldIsSavedAloneAndTheOtherFieldsOfTheFileAreKept() {
        Long base = core.residentFiles().file("r1").orElseThrow().version();
        core.residentFiles()
                .saveFields(
                        "r1",
                        base,
                        Map.of(
                                "accommodationMode",
                                "locataire_social",
                                "synthesis",
                                "Facture d'électricité en retard."))
                .value();
        ResidentDto r = core.residentFiles()
                .saveFields("r1", base, Map.of("phone", "07 11 22 33 44"))
                .value();
        assertThat(r.phone()).isEqualTo("07 11 22 33 44");
        assertThat(r.accommodationMode()).isEqualTo("locataire_social");
        assertThat(r.synthesis()).isEqualTo("Facture d'électricité en retard.");
        List<OutboxItem> pending = core.sync().pendingItems();
        assertThat(pending).hasSize(2);
        core.sync().syncNow().join();
        List<OperationDto> ops = server.operations.stream()
                .filter(o -> o.entity() == EntityType.RESIDENT)
                .toList();
        assertThat(ops.get(0).changedFields()).containsExactlyInAnyOrder("accommodationMode", "synthesis");
        assertThat(ops.get(1).changedFields()).containsExactly("phone");
        assertThat(ops.get(0).baseVersion()).isEqualTo(base);
    }

    @Test
    void theOldResidentUpdateKeepsTheNewFieldsOfTheFile() {
        core.residentFiles()
                .saveFields("r1", null, Map.of("legalProtection", "tutelle", "legalRepresentative", "UDAF 13"))
                .value();
        Resident r = core.residents().find("r1").orElseThrow();
        core.residents()
                .update(
                        r,
                        new ResidentForm(
                                null,
                                "Bénali",
                                "Fatima",
                                null,
                                "06 00 00 00 00",
                                "12 rue des Lilas",
                                "13015",
                                "Marseille",
                                null,
                                null,
                                "u-c1"))
                .value();
        ResidentDto file = core.residentFiles().file("r1").orElseThrow().resident();
        assertThat(file.phone()).isEqualTo("06 00 00 00 00");
        assertThat(file.legalProtection()).isEqualTo("tutelle");
        assertThat(file.legalRepresentative()).isEqualTo("UDAF 13");
    }

    @Test
    void aCounsellorRecordsALegalProtectionButNeverLiftsOrChangesIt() {
        core.residentFiles()
                .saveFields("r1", null, Map.of("legalProtection", "tutelle", "legalRepresentative", "UDAF 13"))
                .value();
        int queued = core.sync().pendingItems().size();
        Map<String, Object> lift = new HashMap<>();
        lift.put("legalProtection", null);
        lift.put("legalRepresentative", null);
        Outcome<ResidentDto> lifted = core.residentFiles().saveFields("r1", null, lift);
        assertThat(lifted.fieldErrors())
                .containsEntry(
                        "legalProtection",
                        "Seuls le bureau et la coordination modifient une protection juridique déjà enregistrée : "
                                + "signalez le changement au bureau avec le jugement.");
        assertThat(core.residentFiles()
                        .saveFields("r1", null, Map.of("legalRepresentative", "Mme Curatrice"))
                        .fieldErrors())
                .containsKey("legalProtection");
        assertThat(core.sync().pendingItems()).hasSize(queued);
        ResidentDto file = core.residentFiles().file("r1").orElseThrow().resident();
        assertThat(file.legalProtection()).isEqualTo("tutelle");
        assertThat(file.legalRepresentative()).isEqualTo("UDAF 13");
        // the rest of the file stays hers
        assertThat(core.residentFiles()
                        .saveFields("r1", null, Map.of("phone", "07 11 22 33 44"))
                        .value()
                        .phone())
                .isEqualTo("07 11 22 33 44");
    }

    @Test
    void aFileAnonymisedByTheOfficeLeavesNothingIdentifyingOnTheDeviceAfterASync() {
        assertThat(core.residents().search("benali", 10))
                .extracting(Resident::id)
                .containsExactly("r1");
        ResidentDto before = core.residentFiles().file("r1").orElseThrow().resident();
        ResidentDto anonymised = new ResidentDto(
                "r1",
                before.structureId(),
                null,
                null,
                "Anonyme",
                null,
                null,
                null,
                null,
                before.postcode(),
                before.city(),
                null,
                null,
                before.referentId());
        server.serverWrite(anonymised);
        core.sync().syncNow().join();

        ResidentDto file = core.residentFiles().file("r1").orElseThrow().resident();
        assertThat(file.lastName()).isEqualTo("Anonyme");
        assertThat(file.firstName()).isNull();
        assertThat(file.phone()).isNull();
        assertThat(file.street()).isNull();
        assertThat(core.residents().search("benali", 10)).isEmpty();
        assertThat(core.residents().search("fatima", 10)).isEmpty();
        assertThat(core.residents().search("0612345678", 10)).isEmpty();
        assertThat(core.residents().search("anonyme", 10))
                .extracting(Resident::id)
                .containsExactly("r1");
    }

    @Test
    void badValuesAreRefusedWithFrenchMessagesAndNothingIsQueued() {
        Map<String, Object> bad = new HashMap<>();
        bad.put("lastName", " ");
        bad.put("email", "fatima@");
        bad.put("postcode", "130");
        bad.put("phone", "appelez-moi");
        bad.put("birthDate", LocalDate.of(2030, 1, 1));
        bad.put("city", "x".repeat(201));
        bad.put("accommodationMode", "chateau");
        bad.put("household", List.of(new HouseholdMemberDto("m1", "declarant", null, 1850)));
        Outcome<ResidentDto> o = core.residentFiles().saveFields("r1", null, bad);
        assertThat(o.fieldErrors())
                .containsEntry("lastName", "Ce champ est obligatoire.")
                .containsEntry("email", "Adresse e-mail invalide (exemple : nom@exemple.fr).")
                .containsEntry("postcode", "Code postal invalide (5 chiffres).")
                .containsEntry("phone", "Numéro de téléphone invalide (exemple : 06 12 34 56 78).")
                .containsEntry("birthDate", "La date de naissance ne peut pas être dans le futur.")
                .containsEntry("city", "Ce texte est trop long (200 caractères au plus).")
                .containsEntry("accommodationMode", "Valeur inconnue : choisissez dans la liste.")
                .containsEntry("household", "Année invalide : 4 chiffres, entre 1906 et 2026.");
        assertThat(core.sync().pendingItems()).isEmpty();
        assertThat(core.residentFiles().file("r1").orElseThrow().resident().lastName())
                .isEqualTo("Bénali");
    }

    @Test
    void householdAndContactsAreReplacedWhole() {
        List<HouseholdMemberDto> household = List.of(
                new HouseholdMemberDto("m1", "declarant", "Fatima", 1961),
                new HouseholdMemberDto("m2", "enfant_moins_14", null, 2015));
        List<ContactPersonDto> contacts =
                List.of(new ContactPersonDto("c1", "Samia Bénali", "fille", "06 22 33 44 55", true, false));
        core.residentFiles()
                .saveFields("r1", null, Map.of("household", household, "contacts", contacts))
                .value();
        ResidentDto r = core.residentFiles().file("r1").orElseThrow().resident();
        assertThat(r.household()).isEqualTo(household);
        assertThat(r.contacts()).isEqualTo(contacts);
        core.residentFiles()
                .saveFields("r1", null, Map.of("household", household.subList(0, 1)))
                .value();
        assertThat(core.residentFiles().file("r1").orElseThrow().resident().household())
                .hasSize(1);
    }

    @Test
    void aNewPersonGetsAProvisionalFileNumberAndIsFollowedByTheCoordinatorWhoCreatedIt() {
        try (CoreContext coord = ResidentFixtures.coordinator(dir.resolve("coord"), clock, server)) {
            assertThat(coord.residents().mayCreate()).isTrue();
            ResidentDto r =
                    coord.residentFiles().createPerson("Diallo", "Aïssatou").value();
            assertThat(r.fileNumber()).matches("N-2026-[0-9A-F]{6}");
            assertThat(r.fileNumber()).isEqualTo(ResidentFileService.provisionalFileNumber(r.id(), 2026));
            assertThat(r.referentId()).isEqualTo("u-co");
            assertThat(coord.residents().search("aissatou", 10))
                    .extracting(Resident::id)
                    .containsExactly(r.id());
            assertThat(coord.sync().pendingItems()).hasSize(1);
            assertThat(coord.residentFiles().createPerson("  ", "Aïssatou").fieldErrors())
                    .containsEntry("lastName", "Ce champ est obligatoire.");
        }
    }

    @Test
    void aCounsellorCreatesAPersonOfflineAsTheirReferent() {
        assertThat(core.residents().mayCreate()).isTrue();
        ResidentDto created =
                core.residentFiles().createPerson("Diallo", "Aïssatou").value();
        assertThat(created.referentId()).isEqualTo("u-c1");
        assertThat(core.residents().search("diallo", 10))
                .extracting(Resident::id)
                .containsExactly(created.id());
        assertThat(core.sync().pendingItems()).hasSize(1);
    }

    @Test
    void anAdminCreatesAPersonWithNoReferentAsTheOfficeTakesOnlyAColleagueWhoFollowsPeople() {
        try (CoreContext admin = ResidentFixtures.synced(dir.resolve("admin"), clock, server, "admin")) {
            ResidentDto r =
                    admin.residentFiles().createPerson("Diallo", "Aïssatou").value();
            assertThat(r.referentId()).isNull();
            assertThat(admin.sync().pendingItems()).hasSize(1);
        }
    }

    @Test
    void onlyTheAuthorsOwnPrivateNoteIsEverShown() {
        assertThat(core.residentFiles().myNote("r1")).isEmpty();
        server.serverWrite(new PrivateNoteDto("n-other", "s1", "r1", "u-c2", "Note de Karim", TestCores.T0));
        core.sync().syncNow().join();
        assertThat(core.residentFiles().myNote("r1")).isEmpty();
        PrivateNoteDto mine = core.residentFiles()
                .saveMyNote("r1", "Préfère être appelée le matin.")
                .value();
        assertThat(mine.authorId()).isEqualTo("u-c1");
        PrivateNoteDto again = core.residentFiles()
                .saveMyNote("r1", "Préfère être appelée avant 10 h.")
                .value();
        assertThat(again.id()).isEqualTo(mine.id());
        assertThat(core.residentFiles().myNote("r1"))
                .get()
                .extracting(PrivateNoteDto::text)
                .isEqualTo("Préfère être appelée avant 10 h.");
        assertThat(core.residentFiles().saveMyNote("r1", "x".repeat(20_001)).fieldErrors())
                .containsKey("privateNote");
    }

    @Test
    void theTimelineListsEverythingNewestFirstWithLabelsAndAmounts() {
        core.consents().acknowledgeNotice("r1", "screen", null).value();
        clock.advance(java.time.Duration.ofMinutes(5));
        core.mandates()
                .create(
                        new fr.mediance.app.core.consent.MandateService.MandateForm(
                                "r1",
                                List.of("energie", "eau"),
                                List.of("EDF"),
                                "1m",
                                LocalDate.of(2026, 11, 27),
                                "Marseille",
                                true,
                                null),
                        SignatureFixtures.scribble(),
                        SignatureFixtures.scribble())
                .value();
        List<TimelineEntry> t = core.residentFiles().timeline("r1");
        assertThat(t).extracting(TimelineEntry::kind).startsWith("mandate");
        assertThat(t.get(0).summary()).isEqualTo("Mandat – Énergie, Eau, du 27/11/2026 au 26/12/2026");
        assertThat(t)
                .extracting(TimelineEntry::summary)
                .contains("Consentement – Notice d'information remise " + "(version 2026-03)");
        assertThat(t)
                .extracting(TimelineEntry::kind)
                .as("signatures belong to what they sign")
                .doesNotContain("document");
        server.serverWrite(new fr.mediance.protocol.DocumentDto(
                "d-bill",
                "s1",
                null,
                "r1",
                "facture",
                "ab".repeat(32),
                "image/jpeg",
                1000,
                Instant.parse("2026-11-20T10:00:00Z"),
                null,
                "Facture EDF",
                "EDF",
                123456L,
                LocalDate.of(2026, 12, 15),
                List.of(),
                "partner"));
        core.sync().syncNow().join();
        assertThat(core.residentFiles().timeline("r1"))
                .extracting(TimelineEntry::summary)
                .contains("Facture · Facture EDF · EDF · 1 234,56 € · échéance 15/12/2026");
        assertThat(ResidentTimeline.money(123456)).isEqualTo("1 234,56 €");
        assertThat(ResidentTimeline.money(41250)).isEqualTo("412,50 €");
        assertThat(t)
                .isSortedAccordingTo(
                        java.util.Comparator.comparing(TimelineEntry::at).reversed());
        assertThat(Records.digits("06 12")).isEqualTo("0612");
        assertThat(t.get(t.size() - 1).at()).isEqualTo(Instant.parse("2026-11-27T08:00:00Z"));
        assertThat(core.residentFiles()
                        .timeline("r1")
                        .get(core.residentFiles().timeline("r1").size() - 1)
                        .kind())
                .isEqualTo("document");
    }
}
