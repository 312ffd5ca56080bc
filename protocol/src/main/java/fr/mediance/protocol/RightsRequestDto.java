package fr.mediance.protocol;

import java.time.LocalDate;

/**
 * A request of a person to exercise a right over their data (GDPR art. 15–21), kept in the office's register
 * « Demandes RGPD » (not synced to the tablets). {@code kind}: one of {@link RightsRequests#KINDS}; {@code dueOn}
 * is computed by the server ({@code fr.mediance.rules.Deadlines#rightsAnswerDue}: one month after {@code
 * receivedOn}, three once {@code extended} with its {@code extensionReason}); {@code status}: one of
 * {@link RightsRequests#STATUSES}, {@code answeredOn} set when it is no longer open; {@code overdue}: open and past
 * its due day (computed at reading). {@code residentLabel}: the resident's name as the register shows it (empty once
 * the file is anonymised). {@code answer}: the short answer given (no more than {@link Limits#MAX_SHORT_TEXT}).
 */
public record RightsRequestDto(
        String id,
        String residentId,
        String residentLabel,
        String kind,
        LocalDate receivedOn,
        LocalDate dueOn,
        boolean extended,
        String extensionReason,
        String status,
        LocalDate answeredOn,
        String answer,
        boolean overdue) {}
