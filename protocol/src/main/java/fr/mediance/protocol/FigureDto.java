package fr.mediance.protocol;

/**
 * One cell of the activity figures (domain brief §9): an indicator ({@link FiguresResponse} lists them), the value
 * it is broken down by (a channel, a referrer, a domain, an age band, an outcome code; empty for a total), how many,
 * and an amount in euro cents where the indicator has one. {@code count} is null when the cell is hidden because it
 * counts fewer than {@link FiguresResponse#SMALL_COUNT} (figures shared outside the structure).
 */
public record FigureDto(String indicator, String key, Long count, Long amountCents) {}
