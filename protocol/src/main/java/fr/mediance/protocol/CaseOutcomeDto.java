package fr.mediance.protocol;

/**
 * One outcome of a case (domain brief §5.8, §9): a code of the "outcome" list and, where the outcome is worth an
 * amount (aid obtained, debt written off, amount put into a payment plan), that amount in euro cents.
 */
public record CaseOutcomeDto(String code, Long amountCents) {}
