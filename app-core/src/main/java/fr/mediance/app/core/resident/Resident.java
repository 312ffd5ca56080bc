package fr.mediance.app.core.resident;

import java.time.LocalDate;

/**
 * A resident as held on this device. {@code version} is the server version (null until the server has
 * acknowledged the record); {@code pendingSync} is true while a local change waits to be sent.
 */
public record Resident(
        String id,
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
        Long version,
        boolean pendingSync) {

    /** "Fatima Benali" (first name, then last name). */
    public String displayName() {
        return displayName(lastName, firstName);
    }

    /** « Prénom Nom » from the two names as stored (either may be blank). */
    public static String displayName(String lastName, String firstName) {
        StringBuilder sb = new StringBuilder();
        if (firstName != null && !firstName.isBlank()) {
            sb.append(firstName.trim());
        }
        if (lastName != null && !lastName.isBlank()) {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(lastName.trim());
        }
        return sb.toString();
    }

    /** "12 rue des Lilas, 13015 Marseille", skipping missing parts. */
    public String addressLine() {
        return formatAddress(street, postcode, city);
    }

    public static String formatAddress(String street, String postcode, String city) {
        StringBuilder sb = new StringBuilder();
        if (street != null && !street.isBlank()) {
            sb.append(street.trim());
        }
        String town = ((postcode == null ? "" : postcode.trim()) + " " + (city == null ? "" : city.trim())).trim();
        if (!town.isEmpty()) {
            if (!sb.isEmpty()) {
                sb.append(", ");
            }
            sb.append(town);
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "Resident[id=" + id + "]";
    }
}
