package fr.mediance.protocol;

import java.time.LocalDate;

/**
 * An outgoing referral (domain brief §2.8): {@code target} from "orientation_target", the reason, date,
 * {@code mode} ("orientation_mode": warm handover, information only, letter or form), whether the resident
 * consents to their data being transmitted, and the feedback once known ("orientation_feedback").
 */
public record OrientationDto(
        String id,
        String target,
        String reason,
        LocalDate date,
        String mode,
        boolean consentToTransmit,
        String feedback) {}
