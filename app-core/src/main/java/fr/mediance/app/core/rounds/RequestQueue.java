package fr.mediance.app.core.rounds;

import fr.mediance.protocol.ResidentDto;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The requests of the rounds as held on this device: what the coordination plans home visits from. Reads only
 * (a wish is saved through the casework service); methods block briefly: call them off the FX thread.
 */
public interface RequestQueue {
    /** Every request that is not closed, the oldest received first. */
    List<QueueEntry> open();

    /** The residents of these ids that are on this device, by id. */
    Map<String, ResidentDto> residents(Collection<String> ids);
}
