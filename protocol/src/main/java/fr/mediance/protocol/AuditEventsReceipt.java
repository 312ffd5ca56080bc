package fr.mediance.protocol;

/**
 * The answer to an {@link AuditEventsRequest}: how many events were new and how many the server already held (a
 * batch sent again after a cut). Either way the device may forget the whole batch.
 */
public record AuditEventsReceipt(int stored, int alreadyStored) {}
