package fr.mediance.protocol;

import java.time.LocalDate;

/**
 * A chèque énergie the household received for a campaign year (domain brief §2.12, {@code cheque_energie_holder}):
 * its amount in euro cents (null: not known) and the day its attestation was sent to the contract's supplier (null:
 * not sent). Sending the attestation is what triggers the protections of §3.3 and §4.
 */
public record ChequeEnergieDto(long year, Long amountCents, LocalDate attestationSentOn) {}
