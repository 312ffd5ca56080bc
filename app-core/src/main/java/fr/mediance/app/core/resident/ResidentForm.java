package fr.mediance.app.core.resident;

import java.time.LocalDate;

/**
 * What a coordinator types to create or edit a resident. Required: last name, first name, street,
 * postcode, city. {@code mobilityReason} is a code of the "mobility_reason" list; {@code referentId} the
 * counsellor who follows the resident (may be null).
 */
public record ResidentForm(
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

    /** The form pre-filled from an existing resident (for editing). */
    public static ResidentForm of(Resident r) {
        return new ResidentForm(
                r.civility(),
                r.lastName(),
                r.firstName(),
                r.birthDate(),
                r.phone(),
                r.street(),
                r.postcode(),
                r.city(),
                r.accessNotes(),
                r.mobilityReason(),
                r.referentId());
    }

    @Override
    public String toString() {
        return "ResidentForm[...]";
    }
}
