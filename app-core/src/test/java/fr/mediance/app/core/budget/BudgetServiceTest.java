package fr.mediance.app.core.budget;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.Outcome;
import fr.mediance.app.core.resident.CounsellorStoreTest;
import fr.mediance.app.core.testing.TestCores;
import fr.mediance.protocol.BudgetDto;
import fr.mediance.protocol.BudgetLineDto;
import fr.mediance.protocol.Budgets;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.OperationDto;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class BudgetServiceTest extends CounsellorStoreTest {
    static final List<BudgetLineDto> LINES = List.of(
            new BudgetLineDto("income", "salaire", 165_000, "monthly", false, true, null),
            new BudgetLineDto("income", "apl", 18_000, "monthly", true, true, null),
            new BudgetLineDto("charge", "loyer", 70_000, "monthly", false, true, null),
            new BudgetLineDto("charge", "electricite", 15_000, "every_2_months", false, false, null));

    private BudgetDto withLines(BudgetDto b, int persons, List<BudgetLineDto> lines) {
        return new BudgetDto(
                b.id(),
                b.structureId(),
                b.residentId(),
                b.authorId(),
                b.snapshotDate(),
                persons,
                lines,
                b.note(),
                null);
    }

    @Test
    void aSnapshotIsSavedInTheCounsellorsNameAndSentOnceToTheOffice() {
        BudgetDto draft = core.budgets().startSnapshot("r1");
        assertThat(draft.snapshotDate())
                .isEqualTo(LocalDate.ofInstant(TestCores.T0, java.time.ZoneId.of("Europe/Paris")));
        assertThat(draft.lines()).isEmpty();

        BudgetDto saved = core.budgets().save(withLines(draft, 2, LINES)).value();
        assertThat(saved.authorId()).isEqualTo("u-c1");
        assertThat(core.budgets().snapshots("r1")).containsExactly(saved);
        // 1,650 of salary; rent 700 less the APL of 180 paid to the landlord, and 75 of electricity a month.
        assertThat(Budgets.figures(saved).resteAVivre()).isEqualByComparingTo("1055");

        core.budgets().save(saved).value(); // the same content again: nothing more to send
        core.sync().syncNow().join();
        List<OperationDto> sent = server.operations.stream()
                .filter(o -> o.entity() == EntityType.BUDGET)
                .toList();
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).data()).isEqualTo(saved);
    }

    @Test
    void theNextSnapshotStartsFromTheLatestOne() {
        BudgetDto first = core.budgets()
                .save(withLines(core.budgets().startSnapshot("r1"), 3, LINES))
                .value();
        clock.advance(java.time.Duration.ofDays(40));
        BudgetDto next = core.budgets().startSnapshot("r1");
        assertThat(next.id()).isNotEqualTo(first.id());
        assertThat(next.householdPersons()).isEqualTo(3);
        assertThat(next.lines()).isEqualTo(LINES);
        assertThat(next.snapshotDate()).isAfter(first.snapshotDate());
        BudgetDto second = core.budgets().save(next).value();
        assertThat(core.budgets().snapshots("r1")).containsExactly(second, first);
    }

    @Test
    void whatTheServerWouldRefuseIsRefusedOfflineBesideItsFieldAndNothingIsQueued() {
        BudgetDto draft = core.budgets().startSnapshot("r1");
        Outcome<BudgetDto> wrong = core.budgets()
                .save(withLines(
                        draft, 2, List.of(new BudgetLineDto("charge", "salaire", 100, "monthly", false, false, null))));
        assertThat(wrong).isInstanceOf(Outcome.Invalid.class);
        assertThat(((Outcome.Invalid<BudgetDto>) wrong).fieldErrors()).containsOnlyKeys("lines[0].category");
        Outcome<BudgetDto> nobody = core.budgets().save(withLines(draft, 0, LINES));
        assertThat(((Outcome.Invalid<BudgetDto>) nobody).fieldErrors()).containsOnlyKeys("householdPersons");
        assertThat(core.sync().pendingItems()).isEmpty();
        assertThat(core.budgets().snapshots("r1")).isEmpty();
    }

    @Test
    void aColleaguesSheetIsNotOverwritten() {
        BudgetDto colleagues = new BudgetDto(
                "b-colleague", "s1", "r1", "u-other", LocalDate.of(2026, 10, 1), 1, LINES, null, TestCores.T0);
        server.serverWrite(colleagues);
        core.sync().syncNow().join();
        assertThat(core.budgets().snapshots("r1")).containsExactly(colleagues);
        Outcome<BudgetDto> attempt = core.budgets().save(withLines(colleagues, 1, List.of()));
        assertThat(attempt).isInstanceOf(Outcome.Failed.class);
        assertThat(core.budgets().snapshots("r1")).containsExactly(colleagues);
    }
}
