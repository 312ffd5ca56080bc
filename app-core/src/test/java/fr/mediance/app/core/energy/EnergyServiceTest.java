package fr.mediance.app.core.energy;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.Outcome;
import fr.mediance.app.core.testing.TestCores;
import fr.mediance.protocol.ChequeEnergieDto;
import fr.mediance.protocol.CodeDto;
import fr.mediance.protocol.DebtDto;
import fr.mediance.protocol.EnergyContractDto;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.ResidentDto;
import fr.mediance.protocol.Role;
import fr.mediance.protocol.SupplyStateDto;
import fr.mediance.testing.FakeOfficeServer;
import fr.mediance.testing.MutableClock;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class EnergyServiceTest {
    @TempDir
    Path dir;

    FakeOfficeServer server;
    MutableClock clock = new MutableClock(TestCores.T0);
    CoreContext core;

    /** The reference lists and a resident a counsellor follows, on the fake office. */
    public static void seed(FakeOfficeServer server) {
        server.addUser("u-c1", "conseil1", TestCores.PASSWORD, Role.COUNSELLOR);
        server.serverWrite(new ResidentDto(
                "r1", "s1", "D-1", null, "Benali", "Fatima", null, null, null, null, null, null, null, "u-c1"));
        server.serverWrite(new CodeDto("creditor_category", "energie", "Énergie", null, 10, true));
        server.addPartner("edf", "fournisseur_energie", "EDF", "energie");
        server.addPartner("engie", "fournisseur_energie", "Engie", "energie");
    }

    public static EnergyContractDto electricity(String residentId) {
        return new EnergyContractDto(
                null,
                null,
                residentId,
                "electricite",
                "edf",
                "trv",
                "12345678901234",
                6L,
                true,
                "monthly",
                null,
                null,
                List.of(),
                List.of());
    }

    public static DebtDto bill(String residentId, String contractId) {
        return new DebtDto(
                null,
                null,
                residentId,
                "energie",
                "edf",
                contractId,
                41_250L,
                LocalDate.of(2026, 10, 1),
                null,
                LocalDate.of(2026, 10, 20),
                null,
                null,
                null,
                null,
                "acknowledged",
                List.of());
    }

    @BeforeEach
    void setUp() {
        server = new FakeOfficeServer();
        seed(server);
        core = TestCores.signedIn(dir, clock, server, "conseil1");
        assertThat(core.sync().syncNow().join().ok()).isTrue();
    }

    @AfterEach
    void tearDown() {
        core.close();
        server.close();
    }

    @Test
    void aContractAndABillSavedOfflineAreQueuedAndReachTheOfficeOnce() {
        EnergyContractDto c = core.energy().saveContract(electricity("r1")).value();
        DebtDto d = core.energy().saveDebt(bill("r1", c.id())).value();
        assertThat(c.structureId()).isEqualTo("s1");
        assertThat(core.energy().contracts("r1")).containsExactly(c);
        assertThat(core.energy().debts("r1")).containsExactly(d);
        assertThat(core.sync().pendingItems()).hasSize(2);

        assertThat(core.sync().syncNow().join().ok()).isTrue();
        assertThat(core.sync().pendingItems()).isEmpty();
        assertThat(server.entity(EntityType.ENERGY_CONTRACT, c.id())).isEqualTo(c);
        assertThat(server.entity(EntityType.DEBT, d.id())).isEqualTo(d);
    }

    @Test
    void whatTheServerWouldRefuseIsRefusedOfflineBesideTheField() {
        Outcome<EnergyContractDto> bad = core.energy()
                .saveContract(new EnergyContractDto(
                        null, null, "r1", "gaz", "inconnu", null, "123", 6L, null, null, null, null, List.of(),
                        List.of()));
        assertThat(bad.fieldErrors())
                .containsEntry("deliveryPoint", "Le PCE compte 14 chiffres, ou GI suivi de 6 chiffres.")
                .containsEntry("subscribedKva", "La puissance souscrite ne se donne que pour l'électricité.")
                .containsEntry("supplier", "Ce partenaire n'est pas dans l'annuaire : choisissez-en un dans la liste.");
        assertThat(core.energy().contracts("r1")).isEmpty();
        assertThat(core.sync().pendingItems()).isEmpty();
    }

    @Test
    void aBillsDatesAreCheckedByTheRulesAsTheServerChecksThem() {
        EnergyContractDto c = core.energy().saveContract(electricity("r1")).value();
        DebtDto early = bill("r1", c.id());
        early = new DebtDto(
                null,
                null,
                "r1",
                "energie",
                "edf",
                c.id(),
                41_250L,
                LocalDate.of(2026, 10, 1),
                null,
                LocalDate.of(2026, 10, 10),
                null,
                null,
                null,
                null,
                "acknowledged",
                List.of());
        assertThat(core.energy().saveDebt(early).fieldErrors())
                .containsOnlyKeys("firstReminderOn")
                .containsValue("La première relance précède la date à laquelle la facture est impayée.");
        DebtDto tooMuch = new DebtDto(
                null,
                null,
                "r1",
                "energie",
                "edf",
                c.id(),
                100_000_001L,
                LocalDate.of(2026, 10, 1),
                null,
                null,
                null,
                null,
                null,
                null,
                "acknowledged",
                List.of());
        assertThat(core.energy().saveDebt(tooMuch).fieldErrors()).containsOnlyKeys("amountCents");
    }

    @Test
    void aNewSupplyStateIsAppendedToTheHistory() {
        EnergyContractDto c = core.energy().saveContract(electricity("r1")).value();
        EnergyContractDto after = core.energy()
                .addSupplyState(
                        c.id(), new SupplyStateDto(null, "limited", 3L, LocalDate.of(2026, 11, 20), "visit", "v1"))
                .value();
        assertThat(after.supplyStates()).hasSize(1);
        assertThat(after.currentSupplyState().orElseThrow().kva()).isEqualTo(3L);
        assertThat(core.energy()
                        .addSupplyState(
                                c.id(),
                                new SupplyStateDto(null, "limited", null, LocalDate.of(2026, 11, 21), null, null))
                        .fieldErrors())
                .containsOnlyKeys("kva");
    }

    @Test
    void aContractKeepsItsEnergyAndIsNotDeletedWhileABillRefersToIt() {
        EnergyContractDto c = core.energy().saveContract(electricity("r1")).value();
        DebtDto d = core.energy().saveDebt(bill("r1", c.id())).value();
        EnergyContractDto gas = new EnergyContractDto(
                c.id(), null, "r1", "gaz", "engie", null, null, null, null, null, null, null, List.of(), List.of());
        assertThat(core.energy().saveContract(gas).fieldErrors()).containsOnlyKeys("energy");
        assertThat(core.energy().deleteContract(c.id()).isOk()).isFalse();
        assertThat(core.energy().deleteDebt(d.id()).isOk()).isTrue();
        assertThat(core.energy().deleteContract(c.id()).isOk()).isTrue();
        assertThat(core.energy().contracts("r1")).isEmpty();
    }

    @Test
    void aChequeEnergieIsKeptWithTheContract() {
        EnergyContractDto draft = electricity("r1");
        EnergyContractDto withCheque = new EnergyContractDto(
                null,
                null,
                "r1",
                "electricite",
                "edf",
                null,
                null,
                6L,
                null,
                null,
                null,
                null,
                List.of(new ChequeEnergieDto(2026, 19_400L, LocalDate.of(2026, 5, 4))),
                draft.supplyStates());
        EnergyContractDto saved = core.energy().saveContract(withCheque).value();
        assertThat(core.energy().contract(saved.id()).orElseThrow().chequesEnergie())
                .containsExactly(new ChequeEnergieDto(2026, 19_400L, LocalDate.of(2026, 5, 4)));
    }
}
