package fr.mediance.protocol;

import java.util.List;

/** The working hours of every active counsellor of the caller's structure, by display name. */
public record CounsellorSchedulesResponse(List<CounsellorScheduleDto> schedules) {
    public CounsellorSchedulesResponse {
        schedules = schedules == null ? List.of() : List.copyOf(schedules);
    }
}
