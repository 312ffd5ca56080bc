package fr.mediance.app.core.rounds;

import fr.mediance.protocol.RequestDto;
import fr.mediance.protocol.ResidentDto;

/**
 * A request that is not closed, with its resident as held on this device ({@code resident} null when the file is
 * not here) and whether an active appointment already answers it ({@code answered}).
 */
public record QueueEntry(RequestDto request, ResidentDto resident, boolean answered) {}
