package fr.mediance.app.core.consent;

import fr.mediance.app.core.Outcome;
import fr.mediance.app.core.signature.Signature;
import fr.mediance.protocol.ConsentDto;
import java.util.List;
import java.util.Optional;

/**
 * The resident's information notice acknowledgement and consents per scope (domain brief §2.3, §8). A consent
 * is withdrawn, never deleted. Each may carry a drawn signature, kept as a signature document. Methods block
 * briefly on the local database: call them off the FX thread.
 */
public interface ConsentService {
    /** The scope of the information notice acknowledgement. */
    String NOTICE = "information_notice";
    /** Scopes that name a partner (a creditor, an organisation). */
    List<String> SCOPES_WITH_PARTNER = List.of("share_with_partner", "contact_creditor");

    /** The version of the information notice in force (the value of the setting "information_notice"). */
    Optional<String> currentNoticeVersion();

    /**
     * Records that the resident received the information notice in force, on {@code medium} ("paper" or
     * "screen"), with an optional signature. Fails when the notice version is not known on this device yet.
     */
    Outcome<ConsentDto> acknowledgeNotice(String residentId, String medium, Signature signature);

    /**
     * Records a consent for {@code scope} (a code of "consent_scope"), with the named {@code partner} where the
     * scope needs one. Field keys of {@link Outcome.Invalid}: scope, partner.
     */
    Outcome<ConsentDto> give(String residentId, String scope, String partner, String medium, Signature signature);

    /** Withdraws a consent (sets its withdrawal time; it stays in the file). */
    Outcome<ConsentDto> withdraw(String consentId);

    /** The resident's consents, newest first (withdrawn ones included). */
    List<ConsentDto> consents(String residentId);
}
