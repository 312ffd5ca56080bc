package fr.mediance.protocol;

import java.time.LocalDate;
import java.util.List;

/**
 * A resident's file, kept to the minimum the service needs (domain brief §2.2, CNIL minimisation of §8).
 * {@code referentId} is the counsellor who follows the resident; {@code mobilityReason} is a category code,
 * never medical detail. Coded fields hold codes of the lists named in {@link ListNames}; a null
 * {@code legalProtection} means none is known (a protection blocks self-signed mandates). {@code synthesis}
 * is shared with the team; the author-only note is a {@link PrivateNoteDto}. {@code location} is the home on the
 * map ({@link GeoPointDto}): found by the office server from the address, or a pin placed by hand. Lists are replaced whole when
 * one of their items changes.
 */
public record ResidentDto(
        String id,
        String structureId,
        String fileNumber,
        String civility,
        String lastName,
        String firstName,
        LocalDate birthDate,
        String phone,
        String street,
        String postcode,
        String city,
        String accessNotes,
        String mobilityReason,
        String referentId,
        String status,
        String birthName,
        String email,
        boolean noPhone,
        String preferredContactTime,
        String language,
        boolean interpreterNeeded,
        String accommodationMode,
        String landlord,
        Boolean mainResidence,
        String socioProfessional,
        String legalProtection,
        String legalRepresentative,
        String orientationIn,
        String orientingPartner,
        String synthesis,
        List<HouseholdMemberDto> household,
        List<ContactPersonDto> contacts,
        GeoPointDto location)
        implements EntityDto {
    /**
     * The fields that change one by one, by their wire name (everything but the id and the structure): what a
     * device sends as {@code changedFields} and what the server merges field by field.
     */
    public static final List<String> FIELDS = List.of(
            "fileNumber",
            "civility",
            "lastName",
            "firstName",
            "birthDate",
            "phone",
            "street",
            "postcode",
            "city",
            "accessNotes",
            "mobilityReason",
            "referentId",
            "status",
            "birthName",
            "email",
            "noPhone",
            "preferredContactTime",
            "language",
            "interpreterNeeded",
            "accommodationMode",
            "landlord",
            "mainResidence",
            "socioProfessional",
            "legalProtection",
            "legalRepresentative",
            "orientationIn",
            "orientingPartner",
            "synthesis",
            "household",
            "contacts",
            "location");

    public ResidentDto {
        household = household == null ? List.of() : List.copyOf(household);
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
    }

    /** The identity and address only (the rest empty): demo data, tests, older callers. */
    public ResidentDto(
            String id,
            String structureId,
            String fileNumber,
            String civility,
            String lastName,
            String firstName,
            LocalDate birthDate,
            String phone,
            String street,
            String postcode,
            String city,
            String accessNotes,
            String mobilityReason,
            String referentId) {
        this(
                id,
                structureId,
                fileNumber,
                civility,
                lastName,
                firstName,
                birthDate,
                phone,
                street,
                postcode,
                city,
                accessNotes,
                mobilityReason,
                referentId,
                null,
                null,
                null,
                false,
                null,
                null,
                false,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(),
                List.of(),
                null);
    }

    /** The same resident placed elsewhere on the map (or nowhere). */
    public ResidentDto withLocation(GeoPointDto newLocation) {
        return new ResidentDto(
                id,
                structureId,
                fileNumber,
                civility,
                lastName,
                firstName,
                birthDate,
                phone,
                street,
                postcode,
                city,
                accessNotes,
                mobilityReason,
                referentId,
                status,
                birthName,
                email,
                noPhone,
                preferredContactTime,
                language,
                interpreterNeeded,
                accommodationMode,
                landlord,
                mainResidence,
                socioProfessional,
                legalProtection,
                legalRepresentative,
                orientationIn,
                orientingPartner,
                synthesis,
                household,
                contacts,
                newLocation);
    }

    /** Whether a legal protection measure is recorded (tutelle, curatelle, sauvegarde...). */
    public boolean underProtection() {
        return legalProtection != null && !legalProtection.isBlank() && !"aucune".equals(legalProtection);
    }
}
