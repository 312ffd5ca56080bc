package fr.mediance.protocol;

/** What a run of the GDPR retention did: counts only, never who. */
public record RetentionRunDto(int residents, int mandates, int documents, int files) {}
