package fr.mediance.protocol;

import java.time.LocalDate;

/**
 * One instalment of a payment plan: due on {@code dueDate}, {@code amountCents} to pay; {@code paidOn} and
 * {@code paidCents} what was paid and when (null and 0 while unpaid; both or neither).
 */
public record InstalmentDto(LocalDate dueDate, long amountCents, LocalDate paidOn, long paidCents) {}
