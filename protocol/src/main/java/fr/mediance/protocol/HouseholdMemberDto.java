package fr.mediance.protocol;

/**
 * A member of the resident's household (domain brief §2.2): {@code role} from the list "household_role"
 * (declarant, spouse, child under 14, child 14 or over, other adult), a first name only if the counsellor needs
 * it, and a birth year rather than a birth date (minimisation).
 */
public record HouseholdMemberDto(String id, String role, String firstName, Integer birthYear) {}
