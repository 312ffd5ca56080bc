package fr.mediance.protocol;

/**
 * One worked weekday of a counsellor: {@code day} a code of {@link Rounds#DAYS} ({@code mon} … {@code sat}),
 * {@code start} when the counsellor leaves the office and {@code end} when they are back, both {@code HH:mm}
 * (Europe/Paris wall-clock).
 */
public record WorkingDayDto(String day, String start, String end) {}
