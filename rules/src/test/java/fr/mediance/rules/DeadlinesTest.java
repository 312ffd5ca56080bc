package fr.mediance.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Month arithmetic clamps to the month's last day: cases at month ends and around 29 February. */
class DeadlinesTest {
    private final Deadlines rules = new Deadlines(LegalReference.standard());

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @ParameterizedTest(name = "complaint {0}: MNE from {1} until {2}")
    @CsvSource({
        "2026-01-31, 2026-03-31, 2026-11-30",
        "2026-12-31, 2027-02-28, 2027-10-31",
        "2027-12-31, 2028-02-29, 2028-10-31",
        "2026-03-31, 2026-05-31, 2027-01-31",
        "2026-06-15, 2026-08-15, 2027-04-15",
    })
    void theMediatorMayBeSeizedFromTwoMonthsAfterTheComplaintUntilTenMonths(
            String complaint, String from, String until) {
        assertThat(rules.mneWindow(d(complaint))).isEqualTo(new Deadlines.MneWindow(d(from), d(until)));
    }

    @ParameterizedTest(name = "indu notified {0}: rectification until {1}, CRA until {2}")
    @CsvSource({
        "2026-02-10, 2026-03-02, 2026-04-10",
        "2028-02-10, 2028-03-01, 2028-04-10",
        "2026-12-31, 2027-01-20, 2027-02-28",
        "2026-12-15, 2027-01-04, 2027-02-15",
    })
    void aCafOverpaymentGivesTwentyDaysToRectifyAndTwoMonthsForTheCra(String notified, String rect, String cra) {
        assertThat(rules.cafIndu(d(notified))).isEqualTo(new Deadlines.CafIndu(d(rect), d(cra)));
    }

    @ParameterizedTest(name = "last reading {0}: oldest billable {1}")
    @CsvSource({
        "2026-12-31, 2025-10-31",
        "2026-04-30, 2025-02-28",
        "2029-04-30, 2028-02-29",
        "2028-04-29, 2027-02-28",
        "2026-03-15, 2025-01-15",
    })
    void consumptionOlderThanFourteenMonthsBeforeTheLastReadingCannotBeBilled(String reading, String oldest) {
        assertThat(rules.oldestBillable(d(reading))).isEqualTo(d(oldest));
    }

    @Test
    void aCaseFileIsKeptTwoYearsAfterTheLastContactAndAMandateSixYearsAfterItsEnd() {
        assertThat(rules.deleteOn(Deadlines.RetentionKind.CASE_FILE, d("2026-06-30")))
                .isEqualTo(d("2028-06-30"));
        assertThat(rules.deleteOn(Deadlines.RetentionKind.CASE_FILE, d("2028-02-29")))
                .isEqualTo(d("2030-02-28"));
        assertThat(rules.deleteOn(Deadlines.RetentionKind.MANDATE, d("2026-01-15")))
                .isEqualTo(d("2032-01-15"));
        assertThat(rules.deleteOn(Deadlines.RetentionKind.MANDATE, d("2024-02-29")))
                .isEqualTo(d("2030-02-28"));
    }

    @Test
    void anUnknownRetentionKindIsRefused() {
        assertThatThrownBy(() -> Deadlines.RetentionKind.fromCode("document"))
                .isInstanceOfSatisfying(
                        RuleException.class, e -> assertThat(e.code()).isEqualTo(RuleException.UNKNOWN_CODE));
    }

    @ParameterizedTest(name = "received {0}: answer by {1}, extended {2}")
    @CsvSource({
        "2026-01-31, 2026-02-28, 2026-04-30",
        "2028-01-31, 2028-02-29, 2028-04-30",
        "2026-01-30, 2026-02-28, 2026-04-30",
        "2026-03-31, 2026-04-30, 2026-06-30",
        "2026-12-31, 2027-01-31, 2027-03-31",
        "2026-11-30, 2026-12-30, 2027-02-28",
        "2026-06-15, 2026-07-15, 2026-09-15",
    })
    void aRightsRequestIsAnsweredWithinAMonthOrThreeOnceExtended(String received, String due, String extended) {
        assertThat(Deadlines.rightsAnswerDue(d(received), false)).isEqualTo(d(due));
        assertThat(Deadlines.rightsAnswerDue(d(received), true)).isEqualTo(d(extended));
        assertThat(Deadlines.rightsAnswerOverdue(d(received), false, d(due))).isFalse();
        assertThat(Deadlines.rightsAnswerOverdue(d(received), false, d(due).plusDays(1)))
                .isTrue();
        assertThat(Deadlines.rightsAnswerOverdue(d(received), true, d(due).plusDays(1)))
                .isFalse();
    }

    @Test
    void aMandateEndsOnItsEndDateOrWhenRevokedEarlier() {
        assertThat(Deadlines.mandateEnd(d("2026-12-31"), null)).isEqualTo(d("2026-12-31"));
        assertThat(Deadlines.mandateEnd(d("2026-12-31"), d("2026-06-01"))).isEqualTo(d("2026-06-01"));
        assertThat(Deadlines.mandateEnd(d("2026-12-31"), d("2027-01-05"))).isEqualTo(d("2026-12-31"));
        assertThat(rules.deleteOn(
                        Deadlines.RetentionKind.MANDATE, Deadlines.mandateEnd(d("2026-12-31"), d("2026-06-01"))))
                .isEqualTo(d("2032-06-01"));
    }
}
