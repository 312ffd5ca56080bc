package fr.mediance.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.resident.Resident;
import fr.mediance.protocol.ChequeEnergieDto;
import fr.mediance.protocol.DebtDto;
import fr.mediance.protocol.EnergyContractDto;
import fr.mediance.protocol.SupplyStateDto;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * A counsellor's tablet records a household's electricity contract, an unpaid bill and a rent arrear while the office server is
 * down; once it is back, one sync brings them to the office exactly once, while a colleague who does not follow the
 * household never receives them.
 */
@Timeout(180)
class EnergyRecordsSyncTest {
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path tmp;

    private SyncWorld world;

    @AfterEach
    void close() {
        if (world != null) {
            world.close();
        }
    }

    @Test
    void aContractAndABillRecordedOfflineReachTheOfficeOnceAndNoColleagueWhoDoesNotFollowTheHousehold() {
        world = SyncWorld.start(tmp);
        CoreContext tablet = world.device("tablet", "conseil1", world.serverUrl());
        CoreContext colleague = world.device("colleague", "conseil2", world.serverUrl());
        CoreContext office = world.device("office", "bureau", world.serverUrl());
        Set<String> colleagues = colleague.residents().search("", 1000).stream()
                .map(Resident::id)
                .collect(Collectors.toSet());
        String household = tablet.residents().search("", 1000).stream()
                .map(Resident::id)
                .filter(id -> !colleagues.contains(id))
                .findFirst()
                .orElseThrow();

        world.killServer();
        EnergyContractDto contract = tablet.energy()
                .saveContract(new EnergyContractDto(
                        null,
                        null,
                        household,
                        "electricite",
                        "edf",
                        "trv",
                        "12345678901234",
                        6L,
                        true,
                        "monthly",
                        null,
                        LocalDate.of(2026, 10, 2),
                        List.of(new ChequeEnergieDto(2026, 19_400L, LocalDate.of(2026, 5, 4))),
                        List.of()))
                .value();
        contract = tablet.energy()
                .addSupplyState(
                        contract.id(),
                        new SupplyStateDto(null, "limited", 3L, LocalDate.of(2026, 11, 20), "supplier", null))
                .value();
        DebtDto bill = tablet.energy()
                .saveDebt(new DebtDto(
                        null,
                        null,
                        household,
                        "energie",
                        "edf",
                        contract.id(),
                        41_250L,
                        LocalDate.of(2026, 10, 1),
                        null,
                        LocalDate.of(2026, 10, 20),
                        null,
                        null,
                        null,
                        null,
                        "acknowledged",
                        List.of()))
                .value();
        DebtDto rent = tablet.energy()
                .saveDebt(new DebtDto(
                        null,
                        null,
                        household,
                        "loyer",
                        null,
                        null,
                        124_000L,
                        LocalDate.of(2026, 9, 1),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        "acknowledged",
                        List.of(),
                        "LOC-4521",
                        "Avis d'échéance 09/2026, 10/2026",
                        3_500L))
                .value();
        assertThat(tablet.sync().syncNow().join().ok()).isFalse();
        assertThat(tablet.sync().pendingItems()).hasSize(4);

        world.restartServer();
        SyncWorld.syncUpToDate(tablet);
        SyncWorld.syncUpToDate(tablet); // nothing sent twice
        SyncWorld.syncUpToDate(office);
        SyncWorld.syncUpToDate(colleague);

        EnergyContractDto atOffice = office.energy().contract(contract.id()).orElseThrow();
        assertThat(atOffice).isEqualTo(contract);
        assertThat(atOffice.currentSupplyState().orElseThrow().kva()).isEqualTo(3L);
        assertThat(office.energy().debts(household)).containsOnlyOnce(bill);
        assertThat(office.energy().debts(household)).containsOnlyOnce(rent);
        assertThat(office.energy().debt(rent.id()).orElseThrow().feesCents()).isEqualTo(3_500L);
        assertThat(office.energy().contracts(household)).containsOnlyOnce(atOffice);
        assertThat(colleague.energy().contracts(household)).isEmpty();
        assertThat(colleague.energy().debts(household)).isEmpty();
        assertThat(colleague.energy().contract(contract.id())).isEmpty();
    }
}
