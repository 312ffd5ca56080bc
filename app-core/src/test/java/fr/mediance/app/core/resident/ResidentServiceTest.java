package fr.mediance.app.core.resident;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.Outcome;
import fr.mediance.app.core.testing.TestCores;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.ResidentDto;
import fr.mediance.protocol.Role;
import fr.mediance.testing.FakeOfficeServer;
import fr.mediance.testing.MutableClock;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResidentServiceTest {
    @TempDir
    Path dir;

    final FakeOfficeServer server = new FakeOfficeServer();
    final MutableClock clock = new MutableClock(TestCores.T0);
    CoreContext core;

    @BeforeEach
    void setUp() {
        server.addUser("u-co", "coord", TestCores.PASSWORD, Role.COORDINATOR);
        server.addCode("mobility_reason", "elderly", "Personne âgée", 1);
        core = TestCores.signedIn(dir, clock, server, "coord");
        core.sync().syncNow().join();
    }

    @AfterEach
    void tearDown() {
        core.close();
        server.close();
    }

    static ResidentForm form(String last, String first) {
        return new ResidentForm(
                "Mme",
                last,
                first,
                null,
                "06 12 34 56 78",
                "12 rue des Lilas",
                "13015",
                "Marseille",
                "Code 1234",
                "elderly",
                null);
    }

    @Test
    void aNewResidentIsSavedAndQueued() {
        Resident r = core.residents().create(form("Bénali", "Fatima")).value();
        assertThat(r.id()).hasSize(36);
        assertThat(r.displayName()).isEqualTo("Fatima Bénali");
        assertThat(r.addressLine()).isEqualTo("12 rue des Lilas, 13015 Marseille");
        assertThat(r.pendingSync()).isTrue();
        assertThat(r.version()).isNull();
        assertThat(core.sync().pendingItems()).singleElement().satisfies(i -> {
            assertThat(i.entity()).isEqualTo(EntityType.RESIDENT);
            assertThat(i.entityId()).isEqualTo(r.id());
        });
    }

    @Test
    void aCounsellorCreatesAResidentOfflineAsItsReferentAndTheOfficeAccepts() {
        server.addUser("u-c1", "conseil1", TestCores.PASSWORD, Role.COUNSELLOR);
        try (CoreContext counsellor = TestCores.signedIn(dir.resolve("conseil1"), clock, server, "conseil1")) {
            counsellor.sync().syncNow().join();
            assertThat(counsellor.residents().mayCreate()).isTrue();
            ResidentForm typed = new ResidentForm(
                    "Mme",
                    "Bénali",
                    "Fatima",
                    LocalDate.of(1948, 3, 9),
                    "06 12 34 56 78",
                    "12 rue des Lilas",
                    "13015",
                    "Marseille",
                    null,
                    "elderly",
                    "u-co");
            Resident r = counsellor.residents().create(typed).value();
            assertThat(r.referentId()).as("she follows the person she created").isEqualTo("u-c1");
            counsellor.sync().syncNow().join();
            assertThat(counsellor.sync().pendingItems()).isEmpty();
            assertThat(((ResidentDto) server.entity(EntityType.RESIDENT, r.id())).referentId())
                    .isEqualTo("u-c1");
        }
    }

    @Test
    void theOfficeRoleCannotCreateAResidentOfflineAsTheOfficeServerRefusesIt() {
        assertThat(core.residents().mayCreate()).isTrue();
        server.addUser("u-of", "bureau", TestCores.PASSWORD, Role.OFFICE);
        try (CoreContext other = TestCores.signedIn(dir.resolve("bureau"), clock, server, "bureau")) {
            other.sync().syncNow().join();
            assertThat(other.residents().mayCreate()).isFalse();
            Outcome<Resident> r = other.residents().create(form("Bénali", "Fatima"));
            assertThat(r.isOk()).isFalse();
            assertThat(r.message()).isEqualTo("Votre rôle ne permet pas de créer la fiche d'une personne.");
            assertThat(other.residents().search("", 10)).isEmpty();
            assertThat(other.sync().pendingItems()).isEmpty();
        }
    }

    @Test
    void aPersonWithTheSameNamesAndBirthDateIsFoundBeforeCreatingASecondFile() {
        ResidentForm f = form("Bénali", "Fatima");
        Resident r = core.residents()
                .create(new ResidentForm(
                        f.civility(),
                        f.lastName(),
                        f.firstName(),
                        LocalDate.of(1948, 3, 9),
                        f.phone(),
                        f.street(),
                        f.postcode(),
                        f.city(),
                        f.accessNotes(),
                        f.mobilityReason(),
                        f.referentId()))
                .value();
        assertThat(core.residents().possibleDuplicates("BENALI", "fatima", r.birthDate()))
                .extracting(Resident::id)
                .containsExactly(r.id());
        assertThat(core.residents().possibleDuplicates("Benali", "Fatima", null))
                .extracting(Resident::id)
                .containsExactly(r.id());
        assertThat(core.residents()
                        .possibleDuplicates("Bénali", "Fatima", r.birthDate().plusDays(1)))
                .isEmpty();
        assertThat(core.residents().possibleDuplicates("Bénali", "Leïla", r.birthDate()))
                .isEmpty();
        assertThat(core.residents().possibleDuplicates(" ", null, null)).isEmpty();
    }

    @Test
    void requiredFieldsAndFormatsAreCheckedInFrench() {
        Outcome<Resident> r = core.residents()
                .create(new ResidentForm(null, " ", null, null, "abc", null, "1300", null, null, "astrologie", null));
        assertThat(r.fieldErrors())
                .containsEntry("lastName", "Ce champ est obligatoire.")
                .containsEntry("firstName", "Ce champ est obligatoire.")
                .containsEntry("street", "Ce champ est obligatoire.")
                .containsEntry("postcode", "Code postal invalide (5 chiffres).")
                .containsEntry("city", "Ce champ est obligatoire.")
                .containsEntry("phone", "Numéro de téléphone invalide (exemple : 06 12 34 56 78).")
                .containsEntry("mobilityReason", "Valeur inconnue : choisissez dans la liste.");
        assertThat(core.residents().search("", 10)).isEmpty();
        assertThat(core.sync().pendingItems()).isEmpty();
    }

    @Test
    void searchIgnoresAccentsCaseAndMatchesPrefixes() {
        core.residents().create(form("Bénali", "Fatima"));
        core.residents().create(form("Martin", "Éloïse"));
        assertThat(core.residents().search("benali", 10))
                .extracting(Resident::lastName)
                .containsExactly("Bénali");
        assertThat(core.residents().search("ELOI", 10))
                .extracting(Resident::firstName)
                .containsExactly("Éloïse");
        assertThat(core.residents().search("marseille fat", 10)).hasSize(1);
        assertThat(core.residents().search("\"; DROP TABLE residents; --", 10)).isEmpty();
        assertThat(core.residents().search("  ", 10))
                .extracting(Resident::lastName)
                .containsExactly("Bénali", "Martin");
    }

    @Test
    void anUpdateKeepsTheIdAndQueuesTheNewState() {
        Resident r = core.residents().create(form("Benali", "Fatima")).value();
        core.sync().syncNow().join();
        Resident updated = core.residents()
                .update(
                        r.id(),
                        new ResidentForm(
                                "Mme",
                                "Benali",
                                "Fatima",
                                null,
                                "07 00 00 00 00",
                                "3 avenue du Port",
                                "13002",
                                "Marseille",
                                null,
                                null,
                                null))
                .value();
        assertThat(updated.id()).isEqualTo(r.id());
        assertThat(updated.phone()).isEqualTo("07 00 00 00 00");
        assertThat(core.sync().pendingItems())
                .singleElement()
                .satisfies(i -> assertThat(i.entityId()).isEqualTo(r.id()));
        assertThat(core.residents().update("nope", form("X", "Y")).message())
                .isEqualTo("Ce résident n'existe pas sur cet appareil.");
    }
}
