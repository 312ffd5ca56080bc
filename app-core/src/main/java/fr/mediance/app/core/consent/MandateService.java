package fr.mediance.app.core.consent;

import fr.mediance.app.core.Outcome;
import fr.mediance.app.core.signature.Signature;
import fr.mediance.protocol.MandateDto;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The resident's mandates to the structure to act on their behalf (domain brief §2.3; design: a mandate covers
 * domains). Methods block briefly on the local database: call them off the FX thread.
 */
public interface MandateService {
    /**
     * What the counsellor fills in: the démarches (codes of "domain"), named creditors or organisations, the
     * duration (code of "mandate_duration"), the first day, the place, the resident's declaration of not being
     * under a protection measure and the channel (code of "mandate_channel", may be null).
     */
    record MandateForm(
            String residentId,
            List<String> demarches,
            List<String> creditors,
            String duration,
            LocalDate startDate,
            String place,
            boolean notUnderProtection,
            String channel) {
        public MandateForm {
            demarches = demarches == null ? List.of() : List.copyOf(demarches);
            creditors = creditors == null ? List.of() : List.copyOf(creditors);
        }
    }

    /** The last day of a mandate of {@code duration} starting on {@code start}: start + period − 1 day. */
    Optional<LocalDate> endDate(String duration, LocalDate start);

    /**
     * Why this resident cannot sign a mandate themselves (a legal protection is recorded: contact the
     * representative named in the file), or empty when they can.
     */
    Optional<String> protectionBlock(String residentId);

    /**
     * Creates a mandate signed now by the resident and the signed-in agent, after checking the form (field keys:
     * demarches, creditors, duration, startDate, place, notUnderProtection, channel, residentSignature,
     * agentSignature). Fails with the protection message when the resident is under protection.
     */
    Outcome<MandateDto> create(MandateForm form, Signature residentSignature, Signature agentSignature);

    /** Revokes a mandate now: it stops covering actions from today. */
    Outcome<MandateDto> revoke(String mandateId);

    /** The resident's mandates, newest first. */
    List<MandateDto> mandates(String residentId);

    /** The resident's mandates that cover an action of {@code domain} on {@code date} (not revoked by then). */
    List<MandateDto> activeCovering(String residentId, String domain, LocalDate date);
}
