package fr.mediance.app.core.partner;

import fr.mediance.app.core.Outcome;
import fr.mediance.protocol.PartnerDto;
import java.util.List;
import java.util.Optional;

/**
 * The partner directory on the device (received by sync, read offline). Reads are local and block briefly on the
 * database: call them off the FX thread.
 */
public interface PartnerService {

    /** The active partners that can be the creditor of this category (every active partner for null), by name. */
    List<PartnerDto> creditors(String category);

    /** One partner, active or not. */
    Optional<PartnerDto> partner(String id);

    /** The partner's name, or the id itself when the device does not know it (null for null). */
    String name(String id);

    /**
     * The partners whose name, code, type, service names or cities have a word beginning with each word of the
     * query, accents and case ignored ('caf bouches du rhone' finds « CAF des Bouches-du-Rhône »); active ones only
     * unless {@code withInactive}; every partner for a blank query. By name.
     */
    List<PartnerDto> search(String query, boolean withInactive);

    /** Whether the account may edit the directory (office, coordination, administration). */
    boolean canEdit();

    /**
     * Saves a partner (a new one when {@code creating}: its code must be new), checked as the server checks it,
     * with its outbox entry in the same transaction. Invalid: field paths of {@code Partners.problems}
     * ({@code name}, {@code services[0].phone}...) with French messages.
     */
    Outcome<PartnerDto> save(PartnerDto partner, boolean creating);
}
