package fr.mediance.app.core.debt;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.Outcome;
import fr.mediance.app.core.energy.EnergyServiceTest;
import fr.mediance.app.core.testing.TestCores;
import fr.mediance.protocol.DebtDto;
import fr.mediance.protocol.EnergyContractDto;
import fr.mediance.protocol.InstalmentDto;
import fr.mediance.protocol.PaymentPlanDto;
import fr.mediance.protocol.ResidentDto;
import fr.mediance.testing.FakeOfficeServer;
import fr.mediance.testing.MutableClock;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The device refuses offline what the server refuses at sync: the shared check, the creditor, the debts. */
class PaymentPlanServiceTest {
    @TempDir
    Path dir;

    FakeOfficeServer server;
    MutableClock clock = new MutableClock(Instant.parse("2026-12-07T09:00:00Z"));
    CoreContext core;
    DebtDto mine;
    DebtDto hers;

    @BeforeEach
    void setUp() {
        server = new FakeOfficeServer();
        EnergyServiceTest.seed(server);
        server.serverWrite(new ResidentDto(
                "r2", "s1", "D-2", null, "Martin", "Claire", null, null, null, null, null, null, null, "u-c1"));
        core = TestCores.signedIn(dir, clock, server, "conseil1");
        assertThat(core.sync().syncNow().join().ok()).isTrue();
        mine = debtOf("r1");
        hers = debtOf("r2");
    }

    @AfterEach
    void tearDown() {
        core.close();
        server.close();
    }

    DebtDto debtOf(String resident) {
        EnergyContractDto c = core.energy()
                .saveContract(EnergyServiceTest.electricity(resident))
                .value();
        return core.energy().saveDebt(EnergyServiceTest.bill(resident, c.id())).value();
    }

    static PaymentPlanDto plan(String creditor, List<String> debts) {
        return new PaymentPlanDto(
                "plan-1",
                null,
                "r1",
                creditor,
                debts,
                null,
                41_250,
                1,
                "proposed",
                List.of(
                        new InstalmentDto(LocalDate.of(2027, 1, 5), 20_625, null, 0),
                        new InstalmentDto(LocalDate.of(2027, 2, 5), 20_625, null, 0)),
                null,
                null);
    }

    @Test
    void aPlanOverAnotherResidentsDebtOrWithAnUnknownCreditorIsNotSaved() {
        Outcome<PaymentPlanDto> other = core.paymentPlans().save(plan("edf", List.of(mine.id(), hers.id())));
        assertThat(other.fieldErrors())
                .isEqualTo(Map.of("debtIds", "Un échéancier ne porte que sur des dettes de la même personne."));
        Outcome<PaymentPlanDto> unknown = core.paymentPlans().save(plan("inconnu", List.of(mine.id())));
        assertThat(unknown.fieldErrors())
                .isEqualTo(Map.of(
                        "creditor", "Ce partenaire n'est pas dans l'annuaire : choisissez-en un dans la liste."));
        Outcome<PaymentPlanDto> missing = core.paymentPlans().save(plan("edf", List.of("nowhere")));
        assertThat(missing.fieldErrors()).isEqualTo(Map.of("debtIds", "Dette introuvable sur l'appareil."));
        assertThat(core.paymentPlans().plans("r1")).isEmpty();
    }

    @Test
    void aSavedPlanIsReadBackWholeAndQueuedOnceForTheOffice() {
        PaymentPlanDto saved =
                core.paymentPlans().save(plan("edf", List.of(mine.id()))).value();
        assertThat(core.paymentPlans().plan("plan-1")).contains(saved);
        assertThat(core.paymentPlans().save(saved).isOk()).isTrue();
        core.sync().syncNow().join();
        assertThat(server.operations.stream()
                        .filter(o -> o.entityId().equals("plan-1"))
                        .count())
                .isEqualTo(1);
    }
}
