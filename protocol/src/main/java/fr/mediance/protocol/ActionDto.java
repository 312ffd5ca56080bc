package fr.mediance.protocol;

import java.time.LocalDate;

/**
 * An action (démarche) taken during a contact (domain brief §2.7): {@code type} from "action_type", the
 * {@code domain} it belongs to ("domain"), the target organisation, its {@code result} ("action_result":
 * pending, obtained, refused, partial, no_answer), amounts in euro cents, a reference (supplier file number,
 * FSL number...). An action {@code onBehalf} of the resident names the active mandate that covers its domain on
 * its date; without one it cannot be recorded.
 */
public record ActionDto(
        String id,
        String type,
        String domain,
        String target,
        LocalDate date,
        String result,
        Long amountRequestedCents,
        Long amountObtainedCents,
        String reference,
        boolean onBehalf,
        String mandateId,
        String note) {}
