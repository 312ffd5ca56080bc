package fr.mediance.protocol;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A household's overindebtedness file at the Banque de France (domain brief §2.13, §3.5): how it is filed ({@code
 * channel} paper or online, with a co-depositor or not), where it stands ({@code status}, one of {@link
 * OverindebtednessFiles#STATUSES}), the commission's decisions and what they fixed (plan duration, reste à vivre,
 * monthly repayment, in cents), and the FICP listing.
 */
public record OverindebtednessFileDto(
        String id,
        String structureId,
        String residentId,
        String channel,
        boolean coDepositor,
        LocalDate startedOn,
        LocalDate filedOn,
        String status,
        LocalDate admissibilityDecisionOn,
        LocalDate orientationDecisionOn,
        Integer planMonths,
        Long resteAVivreCents,
        Long monthlyRepaymentCents,
        boolean ficp,
        String note,
        Instant updatedAt)
        implements EntityDto {}
