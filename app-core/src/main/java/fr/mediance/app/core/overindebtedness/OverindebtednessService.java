package fr.mediance.app.core.overindebtedness;

import fr.mediance.app.core.Outcome;
import fr.mediance.protocol.OverindebtednessFileDto;
import java.util.List;

/** A household's overindebtedness files on the device, saved with the rule the server applies at sync. */
public interface OverindebtednessService {

    /** The resident's files, the latest first. */
    List<OverindebtednessFileDto> files(String residentId);

    /** A new file begun today, on paper, in preparation; not saved yet. */
    OverindebtednessFileDto start(String residentId);

    /** Saves a file and queues it for the office; Invalid: the field and its French message. */
    Outcome<OverindebtednessFileDto> save(OverindebtednessFileDto file);
}
