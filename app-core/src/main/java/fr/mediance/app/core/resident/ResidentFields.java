package fr.mediance.app.core.resident;

import fr.mediance.protocol.ContactPersonDto;
import fr.mediance.protocol.GeoPointDto;
import fr.mediance.protocol.HouseholdMemberDto;
import fr.mediance.protocol.ResidentDto;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The fields of a resident's file that people edit, by their wire name (the names of {@code changedFields}),
 * read and replaced generically so that a field-level update never drops the other fields. Lists (household,
 * contacts) are one field each: they are replaced whole, and so is the pin on the map (both coordinates at once).
 */
public final class ResidentFields {
    /** Every field of {@link ResidentDto#FIELDS} but the file number, which the office gives. */
    public static final List<String> ALL =
            ResidentDto.FIELDS.stream().filter(f -> !f.equals("fileNumber")).toList();

    private ResidentFields() {}

    /** The value of one editable field. */
    public static Object get(ResidentDto r, String field) {
        return switch (field) {
            case "civility" -> r.civility();
            case "lastName" -> r.lastName();
            case "firstName" -> r.firstName();
            case "birthDate" -> r.birthDate();
            case "phone" -> r.phone();
            case "street" -> r.street();
            case "postcode" -> r.postcode();
            case "city" -> r.city();
            case "accessNotes" -> r.accessNotes();
            case "mobilityReason" -> r.mobilityReason();
            case "referentId" -> r.referentId();
            case "status" -> r.status();
            case "birthName" -> r.birthName();
            case "email" -> r.email();
            case "noPhone" -> r.noPhone();
            case "preferredContactTime" -> r.preferredContactTime();
            case "language" -> r.language();
            case "interpreterNeeded" -> r.interpreterNeeded();
            case "accommodationMode" -> r.accommodationMode();
            case "landlord" -> r.landlord();
            case "mainResidence" -> r.mainResidence();
            case "socioProfessional" -> r.socioProfessional();
            case "legalProtection" -> r.legalProtection();
            case "legalRepresentative" -> r.legalRepresentative();
            case "orientationIn" -> r.orientationIn();
            case "orientingPartner" -> r.orientingPartner();
            case "synthesis" -> r.synthesis();
            case "household" -> r.household();
            case "contacts" -> r.contacts();
            case "location" -> r.location();
            default -> throw new IllegalArgumentException("not an editable field: " + field);
        };
    }

    /** {@code r} with the given fields replaced (the others kept). */
    @SuppressWarnings("unchecked")
    public static ResidentDto with(ResidentDto r, Map<String, ?> changes) {
        for (String f : changes.keySet()) {
            if (!ALL.contains(f)) {
                throw new IllegalArgumentException("not an editable field: " + f);
            }
        }
        java.util.function.Function<String, Object> v = f -> changes.containsKey(f) ? changes.get(f) : get(r, f);
        return new ResidentDto(
                r.id(),
                r.structureId(),
                r.fileNumber(),
                (String) v.apply("civility"),
                (String) v.apply("lastName"),
                (String) v.apply("firstName"),
                (LocalDate) v.apply("birthDate"),
                (String) v.apply("phone"),
                (String) v.apply("street"),
                (String) v.apply("postcode"),
                (String) v.apply("city"),
                (String) v.apply("accessNotes"),
                (String) v.apply("mobilityReason"),
                (String) v.apply("referentId"),
                (String) v.apply("status"),
                (String) v.apply("birthName"),
                (String) v.apply("email"),
                bool(v.apply("noPhone")),
                (String) v.apply("preferredContactTime"),
                (String) v.apply("language"),
                bool(v.apply("interpreterNeeded")),
                (String) v.apply("accommodationMode"),
                (String) v.apply("landlord"),
                (Boolean) v.apply("mainResidence"),
                (String) v.apply("socioProfessional"),
                (String) v.apply("legalProtection"),
                (String) v.apply("legalRepresentative"),
                (String) v.apply("orientationIn"),
                (String) v.apply("orientingPartner"),
                (String) v.apply("synthesis"),
                (List<HouseholdMemberDto>) v.apply("household"),
                (List<ContactPersonDto>) v.apply("contacts"),
                (GeoPointDto) v.apply("location"));
    }

    private static boolean bool(Object o) {
        return o != null && (Boolean) o;
    }

    /** Wire names of the fields (among {@code fields}) whose values differ. */
    public static List<String> changed(ResidentDto before, ResidentDto after, List<String> fields) {
        List<String> out = new ArrayList<>();
        for (String f : fields) {
            if (!Objects.equals(get(before, f), get(after, f))) {
                out.add(f);
            }
        }
        return out;
    }
}
