package fr.mediance.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.mediance.protocol.json.MedianceJson;
import fr.mediance.protocol.json.WireFormatException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class HomeVisitsTest {
    static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);

    @Test
    void anUrgentRequestIsVisitedByTheEarliestDayItsFlagsAsk() {
        assertThat(HomeVisits.deadline(List.of(), null, MONDAY)).isEmpty();
        assertThat(HomeVisits.deadline(List.of(Casework.URGENCY_POWER_CUT), null, MONDAY))
                .contains(MONDAY.plusDays(2));
        assertThat(HomeVisits.deadline(List.of(Casework.URGENCY_POWER_REDUCED), null, MONDAY))
                .contains(MONDAY.plusDays(5));
        assertThat(HomeVisits.deadline(List.of(Casework.URGENCY_EVICTION), null, MONDAY))
                .contains(MONDAY.plusDays(10));
        // a hearing on Friday 18: the visit three days before, by Tuesday 15
        assertThat(HomeVisits.deadline(
                        List.of(Casework.URGENCY_EVICTION, Casework.URGENCY_COURT_DATE),
                        LocalDate.of(2026, 12, 18),
                        MONDAY))
                .contains(LocalDate.of(2026, 12, 15));
        // both a cut and a hearing: the cut comes first
        assertThat(HomeVisits.deadline(
                        List.of(Casework.URGENCY_COURT_DATE, Casework.URGENCY_POWER_CUT),
                        LocalDate.of(2026, 12, 18),
                        MONDAY))
                .contains(MONDAY.plusDays(2));
        // a hearing tomorrow: as soon as possible, never before the request came
        assertThat(HomeVisits.deadline(List.of(Casework.URGENCY_COURT_DATE), MONDAY.plusDays(1), MONDAY))
                .contains(MONDAY);
    }

    @Test
    void anEvictionReceivedLateInTheTruceIsVisitedBeforeTheTruceEnds() {
        // received on 20 March 2027: ten days would be the 30th, too late to send the file before 1 April
        LocalDate lateMarch = LocalDate.of(2027, 3, 20);
        assertThat(HomeVisits.deadline(List.of(Casework.URGENCY_EVICTION), null, lateMarch))
                .contains(LocalDate.of(2027, 3, 31).minusDays(HomeVisits.BEFORE_TRUCE_END_DAYS));
        // a reduced power risks a cut once the truce is over: the same day
        assertThat(HomeVisits.deadline(List.of(Casework.URGENCY_POWER_REDUCED), null, LocalDate.of(2027, 3, 24)))
                .contains(LocalDate.of(2027, 3, 26));
        // too late for the margin: as soon as possible, never before the request came
        LocalDate lastDays = LocalDate.of(2027, 3, 30);
        assertThat(HomeVisits.deadline(List.of(Casework.URGENCY_EVICTION), null, lastDays))
                .contains(lastDays);
    }

    @Test
    void theTruceEndingChangesNothingWhenTheOwnDelayComesFirstOrOutsideTheTruce() {
        // in December, ten days come long before the end of March
        assertThat(HomeVisits.deadline(List.of(Casework.URGENCY_EVICTION), null, MONDAY))
                .contains(MONDAY.plusDays(10));
        // in April the truce is over: the eviction's own ten days
        LocalDate april = LocalDate.of(2027, 4, 2);
        assertThat(HomeVisits.deadline(List.of(Casework.URGENCY_EVICTION), null, april))
                .contains(april.plusDays(10));
        // a court date is not held back by the truce
        LocalDate march = LocalDate.of(2027, 3, 24);
        assertThat(HomeVisits.deadline(List.of(Casework.URGENCY_COURT_DATE), LocalDate.of(2027, 4, 20), march))
                .contains(LocalDate.of(2027, 4, 17));
    }

    @Test
    void theTruceRunsFromTheFirstOfNovemberToTheThirtyFirstOfMarch() {
        assertThat(HomeVisits.truceLastDay(LocalDate.of(2026, 11, 1))).contains(LocalDate.of(2027, 3, 31));
        assertThat(HomeVisits.truceLastDay(LocalDate.of(2027, 1, 15))).contains(LocalDate.of(2027, 3, 31));
        assertThat(HomeVisits.truceLastDay(LocalDate.of(2027, 3, 31))).contains(LocalDate.of(2027, 3, 31));
        assertThat(HomeVisits.truceLastDay(LocalDate.of(2027, 4, 1))).isEmpty();
        assertThat(HomeVisits.truceLastDay(LocalDate.of(2026, 10, 31))).isEmpty();
    }

    @Test
    void thePersonReceivesOnTheirHalfDaysButNotOnADayToAvoid() {
        HomeVisitDto tuesdayAfternoons =
                new HomeVisitDto(HomeVisits.FOLLOW_UP, null, List.of("tue_pm"), List.of(MONDAY.plusDays(8)));
        assertThat(HomeVisits.receives(tuesdayAfternoons, MONDAY.plusDays(1), false))
                .isTrue();
        assertThat(HomeVisits.receives(tuesdayAfternoons, MONDAY.plusDays(1), true))
                .isFalse();
        assertThat(HomeVisits.receives(tuesdayAfternoons, MONDAY, false)).isFalse();
        assertThat(HomeVisits.receives(tuesdayAfternoons, MONDAY.plusDays(8), false))
                .as("avoided")
                .isFalse();
        HomeVisitDto anyTime = new HomeVisitDto(HomeVisits.FIRST_VISIT, null, List.of(), List.of());
        assertThat(HomeVisits.receives(anyTime, MONDAY, true)).isTrue();
        assertThat(HomeVisits.receives(anyTime, MONDAY.plusDays(5), true))
                .as("a Saturday")
                .isFalse();
        assertThat(HomeVisits.halfDay(DayOfWeek.WEDNESDAY, true)).contains("wed_am");
        assertThat(HomeVisits.HALF_DAYS).hasSize(10).contains("fri_pm");
    }

    @Test
    void aVisitLastsWhatItsKindUsuallyTakesUnlessSaidOtherwise() {
        assertThat(HomeVisits.minutes(new HomeVisitDto(HomeVisits.FIRST_VISIT, null, null, null)))
                .isEqualTo(90);
        assertThat(HomeVisits.minutes(new HomeVisitDto(HomeVisits.SIGNATURE, null, null, null)))
                .isEqualTo(30);
        assertThat(HomeVisits.minutes(new HomeVisitDto(HomeVisits.FIRST_VISIT, 120, null, null)))
                .isEqualTo(120);
    }

    @Test
    void aWishThatCannotBePlannedIsRefusedTheSameWayOnBothSides() {
        assertThat(HomeVisits.check(null)).isEmpty();
        assertThat(HomeVisits.check(new HomeVisitDto("apero", null, null, null))
                        .orElseThrow()
                        .field())
                .isEqualTo("homeVisit.kind");
        assertThat(HomeVisits.check(new HomeVisitDto(HomeVisits.FOLLOW_UP, 600, null, null))
                        .orElseThrow()
                        .message())
                .isEqualTo("Une visite à domicile dure de 15 à 240 minutes.");
        assertThat(HomeVisits.check(new HomeVisitDto(HomeVisits.FOLLOW_UP, null, List.of("sat_am"), null))
                        .orElseThrow()
                        .code())
                .isEqualTo("half_day");
        assertThat(HomeVisits.check(new HomeVisitDto(HomeVisits.FOLLOW_UP, null, List.of("mon_am", "mon_am"), null)))
                .isPresent();
        assertThat(HomeVisits.check(new HomeVisitDto(HomeVisits.FOLLOW_UP, null, null, List.of(MONDAY, MONDAY))))
                .isPresent();
        RequestDto request = new RequestDto(
                        "q1",
                        "s1",
                        "r1",
                        null,
                        MONDAY,
                        Casework.CHANNEL_PHONE,
                        null,
                        List.of("energie"),
                        List.of(),
                        null,
                        null,
                        Casework.REQUEST_NEW,
                        null,
                        null,
                        null)
                .withHomeVisit(new HomeVisitDto(HomeVisits.FOLLOW_UP, 5, null, null));
        assertThat(Casework.check(request, MONDAY).orElseThrow().field()).isEqualTo("homeVisit.minutes");
    }

    @Test
    void theWishTravelsWithItsRequest() {
        RequestDto request = new RequestDto(
                        "q1",
                        "s1",
                        "r1",
                        null,
                        MONDAY,
                        Casework.CHANNEL_PHONE,
                        null,
                        List.of("energie"),
                        List.of(Casework.URGENCY_POWER_CUT),
                        null,
                        null,
                        Casework.REQUEST_NEW,
                        null,
                        null,
                        null)
                .withHomeVisit(new HomeVisitDto(
                        HomeVisits.FIRST_VISIT, 75, List.of("mon_am", "thu_pm"), List.of(MONDAY.plusDays(3))));
        String json = MedianceJson.gson().toJson(request);
        assertThat(MedianceJson.gson().fromJson(json, RequestDto.class)).isEqualTo(request);
        assertThatThrownBy(() ->
                        MedianceJson.gson().fromJson(json.replace("\"2026-12-10\"", "\"jeudi\""), RequestDto.class))
                .isInstanceOf(WireFormatException.class)
                .hasMessageContaining("avoidDates");
    }
}
