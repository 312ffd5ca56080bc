package fr.mediance.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.aid.AidService;
import fr.mediance.app.core.energy.LegalClock;
import fr.mediance.app.core.visit.VisitReport;
import fr.mediance.protocol.AidApplicationDto;
import fr.mediance.protocol.BudgetDto;
import fr.mediance.protocol.BudgetLineDto;
import fr.mediance.protocol.DebtDto;
import fr.mediance.protocol.EnergyContractDto;
import fr.mediance.protocol.InstalmentDto;
import fr.mediance.protocol.PaymentPlanDto;
import fr.mediance.protocol.SupplyStateDto;
import fr.mediance.testing.TestImages;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The casework's "done when", as one story against the real server: a counsellor, offline in a household's kitchen,
 * photographs its bills during the visit, records the electricity contract with its reduced power, the unpaid bill
 * and a rent arrear, the budget sheet, reads which protections apply and by which dates, files an FSL application
 * whose checklist the photographed bills tick, and agrees a payment plan for the rent; back in the network, one sync
 * brings all of it to the office, once, with what remains owed on each debt the same on both sides.
 */
@Timeout(180)
class KitchenStoryTest {
    /** The day the clock is read in the kitchen: in the trêve. */
    static final LocalDate KITCHEN_DAY = LocalDate.of(2026, 12, 7);

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
    void aHouseholdsMoneyAndItsLegalClockRecordedOfflineReachTheOfficeOnce() {
        world = SyncWorld.start(tmp);
        CoreContext coord = world.device("coord", "coord", world.serverUrl());
        String counsellor = SyncWorld.userId(coord, "conseil1");
        String appointment = SyncWorld.planVisits(
                        coord, counsellor, 1, LocalDate.now(CoreContext.PARIS).plusDays(1), "Kitchen")
                .get(0);
        LinkEmulator link = world.link(LinkEmulator.Profile.UNLIMITED, 2);
        CoreContext tablet = world.device("tablet", "conseil1", link.baseUrl());
        CoreContext office = world.device("office", "bureau", world.serverUrl());
        SyncWorld.syncUpToDate(tablet);

        // In the kitchen, no network.
        link.down();
        byte[] electricityBill = TestImages.bill(1600, 1200, 0.8f, 31);
        byte[] rentNotice = TestImages.bill(1600, 1200, 0.8f, 32);
        VisitReport report = SyncWorld.completeVisit(
                tablet,
                appointment,
                "Facture EDF impayée, puissance réduite ; retard de loyer.",
                List.of(electricityBill, rentNotice));
        String household = report.residentId();

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
                        "bimonthly",
                        "CL-4411",
                        LocalDate.of(2026, 10, 2),
                        List.of(),
                        List.of()))
                .value();
        contract = tablet.energy()
                .addSupplyState(
                        contract.id(),
                        new SupplyStateDto(null, "limited", 3L, LocalDate.of(2026, 11, 20), "visit", null))
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
                        LocalDate.of(2026, 11, 10),
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
                        "13_habitat",
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

        BudgetDto sheet = tablet.budgets().startSnapshot(household);
        BudgetDto budget = tablet.budgets()
                .save(new BudgetDto(
                        sheet.id(),
                        sheet.structureId(),
                        household,
                        sheet.authorId(),
                        sheet.snapshotDate(),
                        2,
                        1,
                        List.of(
                                new BudgetLineDto("income", "pension_retraite", 98_000, "monthly", false, true, null),
                                new BudgetLineDto("income", "apl", 25_000, "monthly", true, true, null),
                                new BudgetLineDto("charge", "loyer", 52_000, "monthly", false, true, null),
                                new BudgetLineDto(
                                        "charge", "electricite", 16_000, "every_2_months", false, true, null)),
                        null,
                        null))
                .value();

        // The clock of the day, from the rules, with the office's legal values as the tablet holds them.
        List<LegalClock.ContractClock> clocks = new LegalClock(
                        tablet.reference().legal())
                .compute(tablet.energy().contracts(household), tablet.energy().debts(household), KITCHEN_DAY);
        assertThat(clocks).singleElement().satisfies(c -> {
            assertThat(c.protections())
                    .extracting(LegalClock.Protection::kind)
                    .contains(LegalClock.ProtectionKind.TREVE_CUT_FORBIDDEN);
            assertThat(c.protections())
                    .filteredOn(p -> p.kind() == LegalClock.ProtectionKind.TREVE_CUT_FORBIDDEN)
                    .extracting(LegalClock.Protection::date)
                    .containsExactly(LocalDate.of(2027, 3, 31));
            // unpaid on 15 October; pay by 4 November (first letter + 15); no cut before the trêve ends
            assertThat(c.steps())
                    .extracting(LegalClock.Step::kind, LegalClock.Step::date)
                    .contains(
                            org.assertj.core.groups.Tuple.tuple(
                                    LegalClock.StepKind.UNPAID_ON, LocalDate.of(2026, 10, 15)),
                            org.assertj.core.groups.Tuple.tuple(
                                    LegalClock.StepKind.PAYMENT_DEADLINE, LocalDate.of(2026, 11, 4)));
        });

        // The FSL application: the photographed bills tick « Factures concernées ».
        AidApplicationDto started = tablet.aids().start(household, "fsl_energie", "13");
        List<AidService.ChecklistItem> checklist = tablet.aids().checklist(started);
        assertThat(checklist)
                .filteredOn(i -> i.documentType().equals("facture"))
                .singleElement()
                .satisfies(i -> assertThat(i.provided()).isTrue());
        AidApplicationDto fsl = tablet.aids()
                .save(new AidApplicationDto(
                        started.id(),
                        started.structureId(),
                        household,
                        started.authorId(),
                        started.kind(),
                        "13",
                        "Conseil départemental 13",
                        List.of(bill.id()),
                        started.checklist(),
                        41_250L,
                        null,
                        null,
                        "submitted",
                        KITCHEN_DAY,
                        KITCHEN_DAY,
                        null,
                        null,
                        null,
                        null,
                        null))
                .value();
        bill = tablet.energy()
                .saveDebt(bill.withFsl("fsl_pending", KITCHEN_DAY, null))
                .value();

        // A plan for the rent: four monthly instalments from the rules, the first paid at once.
        List<fr.mediance.rules.PaymentPlans.Instalment> schedule =
                fr.mediance.rules.PaymentPlans.schedule(127_500, 4, LocalDate.of(2026, 12, 5), 1);
        List<InstalmentDto> instalments = new java.util.ArrayList<>();
        for (int i = 0; i < schedule.size(); i++) {
            var s = schedule.get(i);
            instalments.add(
                    i == 0
                            ? new InstalmentDto(s.dueDate(), s.amountCents(), KITCHEN_DAY, s.amountCents())
                            : new InstalmentDto(s.dueDate(), s.amountCents(), null, 0));
        }
        PaymentPlanDto plan = tablet.paymentPlans()
                .save(new PaymentPlanDto(
                        null,
                        null,
                        household,
                        rent.creditor(),
                        List.of(rent.id()),
                        KITCHEN_DAY,
                        127_500,
                        1,
                        "active",
                        instalments,
                        null,
                        null))
                .value();
        rent = tablet.energy().saveDebt(rent.withStatus("payment_plan")).value();
        assertThat(tablet.paymentPlans().balances(household))
                .containsEntry(rent.id(), 127_500L - instalments.get(0).paidCents())
                .containsEntry(bill.id(), 41_250L);
        assertThat(tablet.sync().syncNow().join().ok()).as("no network").isFalse();

        // Back at the office's reach.
        link.heal();
        SyncWorld.syncUpToDate(tablet);
        SyncWorld.syncUpToDate(tablet); // nothing sent twice
        SyncWorld.syncUpToDate(office);

        assertThat(office.energy().contracts(household)).containsExactly(contract);
        assertThat(office.energy().debts(household)).containsExactlyInAnyOrder(bill, rent);
        assertThat(office.budgets().snapshots(household))
                .singleElement()
                .satisfies(b -> assertThat(b.lines()).isEqualTo(budget.lines()));
        String billId = bill.id();
        assertThat(office.aids().applications(household)).singleElement().satisfies(a -> {
            assertThat(a.id()).isEqualTo(fsl.id());
            assertThat(a.status()).isEqualTo("submitted");
            assertThat(a.debtIds()).containsExactly(billId);
        });
        assertThat(office.paymentPlans().plans(household)).containsExactly(plan);
        assertThat(office.documents().forResident(household)).hasSize(2);
        assertThat(office.paymentPlans().balances(household))
                .isEqualTo(tablet.paymentPlans().balances(household));
    }
}
