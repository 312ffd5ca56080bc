package fr.mediance.protocol;

import java.time.LocalDate;

/**
 * A resident, kept to the minimum a home visit needs (domain brief §2.2, §8). {@code referentId} is the
 * counsellor who follows the resident; {@code mobilityReason} is a category code, never medical detail.
 */
public record ResidentDto(String id, String structureId, String fileNumber, String civility, String lastName,
                          String firstName, LocalDate birthDate, String phone, String street, String postcode,
                          String city, String accessNotes, String mobilityReason, String referentId)
        implements EntityDto {
}
