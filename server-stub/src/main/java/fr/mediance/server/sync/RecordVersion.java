package fr.mediance.server.sync;

import fr.mediance.protocol.EntityDto;

/** One stored version of a resident or an appointment, and who made it. */
record RecordVersion(long version, EntityDto data, String changedBy) {}
