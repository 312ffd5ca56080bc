package fr.mediance.app.core.partner;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.Outcome;
import fr.mediance.app.core.energy.EnergyServiceTest;
import fr.mediance.app.core.testing.TestCores;
import fr.mediance.protocol.CodeDto;
import fr.mediance.protocol.DebtDto;
import fr.mediance.protocol.EnergyContractDto;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.ListNames;
import fr.mediance.protocol.PartnerDto;
import fr.mediance.protocol.PartnerServiceDto;
import fr.mediance.protocol.Role;
import fr.mediance.testing.FakeOfficeServer;
import fr.mediance.testing.MutableClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The partner directory on a device, against a real encrypted store synced from the fake office: searched offline
 * without accents, a card with its services, the office's form with its problems beside the fields, and the debts
 * checked against it as the server checks them.
 */
class PartnerDirectoryTest {
    static final ResourceBundle TEXTS = ResourceBundle.getBundle("fr.mediance.app.core.messages");

    static final PartnerDto CAF = new PartnerDto(
            "caf_13",
            "caf",
            "CAF des Bouches-du-Rhône",
            List.of("indus"),
            List.of(new PartnerServiceDto(
                    "accueil",
                    "Accueil sur rendez-vous",
                    "215 chemin de Gibbes",
                    "13014",
                    "Marseille",
                    "3230",
                    null,
                    "Lun–ven 8h30–16h",
                    List.of("piece_identite", "rib"),
                    null)),
            "https://www.caf.fr",
            true);

    @TempDir
    Path dir;

    FakeOfficeServer server;
    MutableClock clock = new MutableClock(Instant.parse("2026-12-07T09:00:00Z"));
    List<CoreContext> cores = new ArrayList<>();
    List<String> messages = new ArrayList<>();

    @BeforeEach
    void setUp() {
        server = new FakeOfficeServer();
        EnergyServiceTest.seed(server);
        server.addUser("u-of", "bureau", TestCores.PASSWORD, Role.OFFICE);
        server.serverWrite(new CodeDto(ListNames.PARTNER_TYPE, "caf", "CAF", null, 10, true));
        server.serverWrite(new CodeDto(ListNames.PARTNER_TYPE, "association", "Association", null, 20, true));
        server.serverWrite(
                new CodeDto(ListNames.PARTNER_TYPE, "fournisseur_energie", "Fournisseur d'énergie", null, 5, true));
        server.serverWrite(new CodeDto(ListNames.CREDITOR_CATEGORY, "indus", "Indus CAF", null, 20, true));
        server.serverWrite(new CodeDto(ListNames.DOCUMENT_TYPE, "piece_identite", "Pièce d'identité", null, 10, true));
        server.serverWrite(new CodeDto(ListNames.DOCUMENT_TYPE, "rib", "RIB", null, 20, true));
        server.serverWrite(CAF);
    }

    @AfterEach
    void tearDown() {
        cores.forEach(CoreContext::close);
        server.close();
    }

    CoreContext signedIn(String user) {
        CoreContext core = TestCores.signedIn(dir.resolve(user), clock, server, user);
        cores.add(core);
        assertThat(core.sync().syncNow().join().ok()).isTrue();
        return core;
    }

    PartnerDirectoryViewModel directory(CoreContext core) {
        return new PartnerDirectoryViewModel(
                core.partners(), core.reference(), core.sync(), TEXTS, Runnable::run, Runnable::run);
    }

    @Test
    void theSearchIgnoresAccentsCaseAndWordOrder() {
        CoreContext core = signedIn("conseil1");
        assertThat(core.partners().search("caf bouches du rhone", false))
                .extracting(PartnerDto::id)
                .containsExactly("caf_13");
        assertThat(core.partners().search("RHÔNE caf", false))
                .extracting(PartnerDto::id)
                .containsExactly("caf_13");
        assertThat(core.partners().search("marseille", false))
                .extracting(PartnerDto::id)
                .containsExactly("caf_13");
        assertThat(core.partners().search("fournisseur", false))
                .extracting(PartnerDto::id)
                .containsExactly("edf", "engie");
        assertThat(core.partners().search("toulon", false)).isEmpty();
    }

    @Test
    void theCardShowsTheServicesWithACallLinkAndTheDocumentsByTheirNames() {
        PartnerDirectoryViewModel vm = directory(signedIn("conseil1"));
        vm.queryProperty().set("bouches");
        assertThat(vm.results())
                .containsExactly(new PartnerDirectoryViewModel.Row(
                        "caf_13", "CAF des Bouches-du-Rhône", "CAF · Marseille", true));
        vm.open("caf_13").join();
        PartnerDirectoryViewModel.Card card = vm.cardProperty().get();
        assertThat(card.type()).isEqualTo("CAF");
        assertThat(card.categories()).isEqualTo("Créancier pour : Indus CAF");
        assertThat(card.services())
                .containsExactly(new PartnerDirectoryViewModel.ServiceCard(
                        "Accueil sur rendez-vous",
                        "215 chemin de Gibbes, 13014 Marseille",
                        "3230",
                        "tel:3230",
                        "",
                        "",
                        "Lun–ven 8h30–16h",
                        List.of("Pièce d'identité", "RIB"),
                        ""));
        assertThat(vm.editableProperty().get()).isFalse();
        vm.queryProperty().set("toulon");
        assertThat(vm.emptyMessageProperty().get()).isEqualTo("Aucun partenaire ne correspond à « toulon ».");
    }

    @Test
    void theOfficeCreatesAPartnerWithItsProblemsBesideTheFieldsAndTheTextKept() {
        CoreContext office = signedIn("bureau");
        PartnerFormViewModel vm =
                new PartnerFormViewModel(office.partners(), office.reference(), TEXTS, Runnable::run, Runnable::run);
        vm.setOnMessage(messages::add);
        vm.load(null).join();
        vm.idProperty().set("pimms nord");
        vm.typeProperty().set("association");
        vm.nameProperty().set("PIMMS Marseille Nord");
        PartnerFormViewModel.ServiceForm s = vm.services().get(0);
        s.nameProperty().set("Accueil");
        s.phoneProperty().set("04 91 12");
        s.postcodeProperty().set("13015");
        s.toggleDocument("rib", true);

        assertThat(vm.save().join()).isFalse();
        assertThat(vm.error("id").get())
                .isEqualTo("En minuscules, chiffres, « _ » ou « - », sans espace ni accent (31 caractères au plus).");
        assertThat(s.error("phone").get()).isEqualTo("10 chiffres (04 91 00 00 00), +33… ou un numéro court (3230).");
        assertThat(s.phoneProperty().get()).isEqualTo("04 91 12");
        assertThat(office.partners().partner("pimms_nord")).isEmpty();

        vm.idProperty().set("pimms_nord");
        s.phoneProperty().set("04 91 12 34 56");
        assertThat(vm.save().join()).isTrue();
        assertThat(messages).containsExactly("Partenaire enregistré : il partira à la prochaine synchronisation.");
        assertThat(office.sync().syncNow().join().ok()).isTrue();
        assertThat(server.entity(EntityType.PARTNER, "pimms_nord"))
                .isEqualTo(office.partners().partner("pimms_nord").orElseThrow());

        CoreContext counsellor = signedIn("conseil1");
        assertThat(counsellor.partners().search("pimms", false))
                .extracting(PartnerDto::name)
                .containsExactly("PIMMS Marseille Nord");
        assertThat(counsellor.partners().save(CAF, false).message())
                .isEqualTo("Seuls le secrétariat, la coordination et l'administration modifient l'annuaire des "
                        + "partenaires.");
    }

    @Test
    void theOfficeIsToldBesideTheCodeWhenItIsTakenAndDeactivatesAPartner() {
        CoreContext office = signedIn("bureau");
        PartnerFormViewModel vm =
                new PartnerFormViewModel(office.partners(), office.reference(), TEXTS, Runnable::run, Runnable::run);
        vm.setOnMessage(messages::add);
        vm.load(null).join();
        vm.idProperty().set("caf_13");
        vm.typeProperty().set("caf");
        vm.nameProperty().set("Une autre CAF");
        vm.services().clear();
        assertThat(vm.save().join()).isFalse();
        assertThat(vm.error("id").get()).isEqualTo("Ce code est déjà celui d'un partenaire : choisissez-en un autre.");

        vm.load("caf_13").join();
        assertThat(vm.creatingProperty().get()).isFalse();
        assertThat(vm.services()).hasSize(1);
        assertThat(vm.deactivate().join()).isTrue();
        assertThat(messages).containsExactly("Partenaire désactivé : gardé pour les dossiers qui le citent.");
        assertThat(office.partners().partner("caf_13").orElseThrow())
                .isEqualTo(new PartnerDto(
                        CAF.id(), CAF.type(), CAF.name(), CAF.categories(), CAF.services(), CAF.website(), false));
        assertThat(office.partners().search("caf", false)).isEmpty();
        assertThat(office.partners().search("caf", true))
                .extracting(PartnerDto::id)
                .containsExactly("caf_13");
    }

    @Test
    void aDebtNamesAPartnerOfTheDirectoryAndKeepsOneThatBecameInactive() {
        CoreContext core = signedIn("conseil1");
        EnergyContractDto contract =
                core.energy().saveContract(EnergyServiceTest.electricity("r1")).value();
        DebtDto debt = core.energy()
                .saveDebt(EnergyServiceTest.bill("r1", contract.id()))
                .value();
        Outcome<DebtDto> unknown = core.energy().saveDebt(with(debt, "creditor", "inconnu"));
        assertThat(unknown.fieldErrors())
                .containsEntry("creditor", "Ce partenaire n'est pas dans l'annuaire : choisissez-en un dans la liste.");

        server.serverWrite(
                new PartnerDto("edf", "fournisseur_energie", "EDF", List.of("energie"), List.of(), null, false));
        assertThat(core.sync().syncNow().join().ok()).isTrue();
        assertThat(core.reference().creditors("energie"))
                .extracting(c -> c.code())
                .containsExactly("engie");
        assertThat(core.energy().saveDebt(with(debt, "amountCents", 50_000L)).isOk())
                .isTrue();
        assertThat(core.energy()
                        .saveDebt(EnergyServiceTest.bill("r1", contract.id()))
                        .fieldErrors())
                .containsEntry("creditor", "« EDF » n'est plus actif dans l'annuaire : choisissez-en un autre.");
        assertThat(core.reference().partnerName("edf")).isEqualTo("EDF");

        fr.mediance.app.core.energy.DebtFormViewModel form = new fr.mediance.app.core.energy.DebtFormViewModel(
                core.energy(), core.reference(), TEXTS, Runnable::run, Runnable::run);
        form.load("r1", debt.id()).join();
        assertThat(form.creditors())
                .as("the bill keeps the creditor it names, offered after the active ones")
                .extracting(c -> c.code() + " " + c.label())
                .containsExactly("engie Engie", "edf EDF");
        form.load("r1", null).join();
        assertThat(form.creditors()).extracting(c -> c.code()).containsExactly("engie");
    }

    /** The debt with one field changed (through its wire form, whatever its other fields). */
    static DebtDto with(DebtDto d, String field, Object value) {
        com.google.gson.Gson gson = fr.mediance.protocol.json.MedianceJson.gson();
        com.google.gson.JsonObject tree = gson.toJsonTree(d, DebtDto.class).getAsJsonObject();
        tree.add(field, gson.toJsonTree(value));
        return gson.fromJson(tree, DebtDto.class);
    }
}
