package fr.mediance.planning.week;

/**
 * Something wrong in the input, reported instead of thrown; what it concerns is left out or corrected as the
 * message says, and the rest is planned.
 *
 * @param subject what it concerns: "request", "counsellor", "appointment" or "week"
 * @param subjectId the id of what it concerns (empty for the week)
 * @param message a French sentence for the coordinator
 */
public record InputProblem(String subject, String subjectId, String message) {}
