package fr.mediance.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.protocol.json.MedianceJson;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RoundsTest {
    static final LocalDate TODAY = LocalDate.of(2026, 12, 9); // a Wednesday
    static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);

    static CounsellorScheduleDto schedule(List<WorkingDayDto> days, String from, String to, int lunch) {
        return new CounsellorScheduleDto("u1", "Nadia", days, from, to, lunch, List.of(), false, null);
    }

    static String code(Optional<Casework.Violation> v) {
        return v.map(Casework.Violation::code).orElse("ok");
    }

    @Test
    void dayCodesAreMondayToSaturday() {
        assertThat(Rounds.dayCode(DayOfWeek.TUESDAY)).contains("tue");
        assertThat(Rounds.dayCode(DayOfWeek.SUNDAY)).isEmpty();
        assertThat(Rounds.dayOfWeek("sat")).contains(DayOfWeek.SATURDAY);
        assertThat(Rounds.dayOfWeek("sun")).isEmpty();
        assertThat(Rounds.dayOfWeek(null)).isEmpty();
    }

    @Test
    void timesAreStrictHoursAndMinutes() {
        assertThat(Rounds.time("08:30")).contains(LocalTime.of(8, 30));
        assertThat(Rounds.time(" 17:05 ")).contains(LocalTime.of(17, 5));
        assertThat(Rounds.time("8h30")).isEmpty();
        assertThat(Rounds.time("24:00")).isEmpty();
        assertThat(Rounds.time("12:60")).isEmpty();
        assertThat(Rounds.time((String) null)).isEmpty();
        assertThat(Rounds.time(LocalTime.of(9, 5))).isEqualTo("09:05");
    }

    @Test
    void theStandardScheduleIsValidAndMarkedStandard() {
        CounsellorScheduleDto s = Rounds.standard("u1", "Nadia");
        assertThat(s.standard()).isTrue();
        assertThat(s.days()).extracting(WorkingDayDto::day).containsExactly("mon", "tue", "wed", "thu", "fri");
        assertThat(Rounds.check(s)).isEmpty();
    }

    @Test
    void aScheduleBreakingARuleSaysWhichField() {
        WorkingDayDto mon = new WorkingDayDto("mon", "08:30", "17:00");
        assertThat(code(Rounds.check(schedule(List.of(mon), "12:00", "14:00", 45))))
                .isEqualTo("ok");
        // a half day, no lunch
        assertThat(code(Rounds.check(schedule(List.of(new WorkingDayDto("wed", "08:30", "12:30")), null, null, 0))))
                .isEqualTo("ok");
        assertThat(code(Rounds.check(
                        schedule(List.of(new WorkingDayDto("sun", "08:30", "17:00")), "12:00", "14:00", 45))))
                .isEqualTo("day");
        assertThat(code(Rounds.check(schedule(List.of(mon, mon), "12:00", "14:00", 45))))
                .isEqualTo("day_repeated");
        assertThat(code(Rounds.check(
                        schedule(List.of(new WorkingDayDto("mon", "8h30", "17:00")), "12:00", "14:00", 45))))
                .isEqualTo("time");
        assertThat(code(Rounds.check(
                        schedule(List.of(new WorkingDayDto("mon", "05:00", "17:00")), "12:00", "14:00", 45))))
                .isEqualTo("hours_range");
        assertThat(code(Rounds.check(
                        schedule(List.of(new WorkingDayDto("mon", "08:00", "22:00")), "12:00", "14:00", 45))))
                .isEqualTo("hours_range");
        Optional<Casework.Violation> reversed =
                Rounds.check(schedule(List.of(new WorkingDayDto("tue", "17:00", "08:30")), "12:00", "14:00", 45));
        assertThat(code(reversed)).isEqualTo("hours_order");
        assertThat(reversed.orElseThrow().field()).isEqualTo("days[0].end");
        assertThat(code(Rounds.check(schedule(List.of(mon), "12:00", "14:00", 150))))
                .isEqualTo("lunch_minutes");
        assertThat(code(Rounds.check(schedule(List.of(mon), "12:00", "12:30", 45))))
                .isEqualTo("lunch_window");
        assertThat(code(Rounds.check(schedule(List.of(mon), "midi", "14:00", 45))))
                .isEqualTo("time");
        CounsellorScheduleDto twiceOff = new CounsellorScheduleDto(
                "u1", "Nadia", List.of(mon), null, null, 0, List.of(MONDAY, MONDAY), false, null);
        assertThat(code(Rounds.check(twiceOff))).isEqualTo("days_off");
    }

    @Test
    void settingsStayWithinTheirRanges() {
        GeoPointDto office = GeoPointDto.manual(43.3, 5.4);
        PlanningSettingsDto ok = new PlanningSettingsDto("1 rue X", office, 1.3, 20, false, null, null);
        assertThat(Rounds.check(ok)).isEmpty();
        assertThat(Rounds.check(new PlanningSettingsDto(null, null, 1.0, 90, false, null, null)))
                .isEmpty();
        assertThat(code(Rounds.check(new PlanningSettingsDto("x", office, 0.9, 20, false, null, null))))
                .isEqualTo("detour_factor");
        assertThat(code(Rounds.check(new PlanningSettingsDto("x", office, Double.NaN, 20, false, null, null))))
                .isEqualTo("detour_factor");
        Optional<Casework.Violation> slow =
                Rounds.check(new PlanningSettingsDto("x", office, 1.3, 2, false, null, null));
        assertThat(code(slow)).isEqualTo("speed");
        assertThat(slow.orElseThrow().message()).contains("5 et 90 km/h");
        assertThat(code(Rounds.check(new PlanningSettingsDto("x".repeat(301), office, 1.3, 20, false, null, null))))
                .isEqualTo("too_long");
        assertThat(code(Rounds.check(new PlanningSettingsDto(
                        "x", new GeoPointDto(91, 5, "manual", "housenumber"), 1.3, 20, false, null, null))))
                .isEqualTo("office_point");
    }

    @Test
    void aProposalIsForAMondayFromThisWeekOnToHalfAYearAhead() {
        assertThat(Rounds.check(new WeekProposalRequest(MONDAY, List.of(), null), TODAY))
                .isEmpty();
        assertThat(code(Rounds.check(new WeekProposalRequest(null, List.of(), null), TODAY)))
                .isEqualTo("missing");
        assertThat(code(Rounds.check(new WeekProposalRequest(MONDAY.plusDays(1), List.of(), null), TODAY)))
                .isEqualTo("not_monday");
        assertThat(code(Rounds.check(new WeekProposalRequest(MONDAY.minusWeeks(1), List.of(), null), TODAY)))
                .isEqualTo("past_week");
        assertThat(Rounds.check(new WeekProposalRequest(MONDAY.plusWeeks(26), List.of(), null), TODAY))
                .isEmpty();
        assertThat(code(Rounds.check(new WeekProposalRequest(MONDAY.plusWeeks(27), List.of(), null), TODAY)))
                .isEqualTo("too_far");
        assertThat(code(Rounds.check(new WeekProposalRequest(MONDAY, List.of("a", "a"), null), TODAY)))
                .isEqualTo("counsellors");
        assertThat(code(Rounds.check(new WeekProposalRequest(MONDAY, List.of(), 0), TODAY)))
                .isEqualTo("seconds");
        assertThat(code(Rounds.check(new WeekProposalRequest(MONDAY, List.of(), 31), TODAY)))
                .isEqualTo("seconds");
        assertThat(Rounds.monday(TODAY)).isEqualTo(MONDAY);
    }

    @Test
    void aProposalCrossesTheWireWhole() {
        var gson = MedianceJson.gson();
        Instant t = Instant.parse("2026-12-08T08:30:00Z");
        ProposedStopDto stop = new ProposedStopDto(
                Rounds.STOP_VISIT,
                "q1",
                null,
                "r1",
                "2026-0417",
                HomeVisits.FIRST_VISIT,
                t,
                t.plusSeconds(5400),
                14,
                false,
                GeoPointDto.manual(43.3, 5.4),
                List.of("Mardi plutôt que lundi."));
        ProposedStopDto kept = new ProposedStopDto(
                Rounds.STOP_APPOINTMENT, null, "a1", "r2", "2026-0001", null, t, t, 0, true, null, List.of());
        ProposedRoundDto round = new ProposedRoundDto(
                "u1", MONDAY.plusDays(1), t, t.plusSeconds(30000), 40, 12, t, t, List.of(stop, kept));
        WeekProposalDto p = new WeekProposalDto(
                MONDAY,
                t,
                Rounds.TRAVEL_STRAIGHT_LINE,
                40,
                1,
                List.of(round),
                List.of(new UnplannedRequestDto(
                        "q2", "r3", "2026-0002", Rounds.UNPLANNED_WEEK_FULL, "Semaine pleine.")),
                List.of("Le dossier 2026-0003 n'a pas de repère sur la carte."));
        assertThat(gson.fromJson(gson.toJson(p), WeekProposalDto.class)).isEqualTo(p);
        CounsellorScheduleDto s = Rounds.standard("u1", "Nadia");
        assertThat(gson.fromJson(gson.toJson(s), CounsellorScheduleDto.class)).isEqualTo(s);
        PlanningSettingsDto settings = new PlanningSettingsDto("1 rue X", null, 1.3, 20, true, t, "u9");
        assertThat(gson.fromJson(gson.toJson(settings), PlanningSettingsDto.class))
                .isEqualTo(settings);
        WeekProposalRequest ask = new WeekProposalRequest(MONDAY, List.of("u1"), null);
        assertThat(gson.fromJson(gson.toJson(ask), WeekProposalRequest.class)).isEqualTo(ask);
    }
}
