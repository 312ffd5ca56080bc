package fr.mediance.protocol;

/** A relative or contact of the resident: name, link ("fille", "voisin"...), phone, caregiver, lives in. */
public record ContactPersonDto(String id, String name, String link, String phone, boolean caregiver, boolean livesIn) {}
