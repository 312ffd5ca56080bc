package fr.mediance.protocol;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * When a counsellor can make home visits, what the week's proposal plans into: the worked weekdays with their hours
 * ({@link WorkingDayDto}; a weekday not listed is not worked), the lunch break ({@code lunchMinutes} in one piece
 * between {@code lunchEarliest} and {@code lunchLatest}, {@code HH:mm}; 0 minutes for none) and the days off (leave,
 * training). {@code displayName} and {@code updatedAt} are the server's (read-only); {@code standard} is true while
 * nobody has saved this counsellor's hours (the server then answers {@link Rounds#standardDays()}). Rules: {@link
 * Rounds#check(CounsellorScheduleDto)}.
 */
public record CounsellorScheduleDto(
        String counsellorId,
        String displayName,
        List<WorkingDayDto> days,
        String lunchEarliest,
        String lunchLatest,
        int lunchMinutes,
        List<LocalDate> daysOff,
        boolean standard,
        Instant updatedAt) {
    public CounsellorScheduleDto {
        days = days == null ? List.of() : List.copyOf(days);
        daysOff = daysOff == null ? List.of() : List.copyOf(daysOff);
    }
}
