package fr.mediance.app.core.visit;

import fr.mediance.protocol.MandateDto;
import java.time.LocalDate;
import java.util.List;

/**
 * The resident's mandates that are in force on a day and cover a domain: what an action "pour le compte de la
 * personne" may name. Blocks briefly on the local database (call off the FX thread).
 */
public interface MandateLookup {
    List<MandateDto> activeCovering(String residentId, String domain, LocalDate date);
}
