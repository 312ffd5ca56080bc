package fr.mediance.server.resident;

import static fr.mediance.server.sync.FieldChecks.code;
import static fr.mediance.server.sync.FieldChecks.id;
import static fr.mediance.server.sync.FieldChecks.itemId;
import static fr.mediance.server.sync.FieldChecks.size;
import static fr.mediance.server.sync.FieldChecks.text;

import fr.mediance.protocol.ContactPersonDto;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.GeoPointDto;
import fr.mediance.protocol.HouseholdMemberDto;
import fr.mediance.protocol.Limits;
import fr.mediance.protocol.ListNames;
import fr.mediance.protocol.OperationResultDto;
import fr.mediance.protocol.Permissions;
import fr.mediance.protocol.ResidentDto;
import fr.mediance.server.code.CodeLists;
import fr.mediance.server.db.Tx;
import fr.mediance.server.geo.GeocodeQueue;
import fr.mediance.server.sync.Colleagues;
import fr.mediance.server.sync.FieldMerge;
import fr.mediance.server.sync.Operation;
import fr.mediance.server.sync.RecordRules;
import fr.mediance.server.sync.RejectedOp;
import fr.mediance.server.sync.StoredEntity;
import fr.mediance.server.sync.Viewer;
import fr.mediance.server.sync.WireFields;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Residents: the coordination and the admin create and update them; a counsellor creates one (offline, on the
 * tablet) as its referent, so that she follows it, and updates a resident she follows, but not their referent nor
 * a recorded legal protection ({@link Permissions#mayChangeLegalProtection}: the office and the coordination change
 * it; the office changes nothing else). An update merges field by field onto the current version ({@link FieldMerge}); a
 * field changed on both sides is applied and kept in a conflict record. A new referent receives the resident's
 * file; a former referent who no longer follows them is told to forget it. Seen by the structure's staff and by
 * the counsellors who follow them (referent, or an appointment).
 */
public final class ResidentRules extends RecordRules<ResidentDto> {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final Colleagues colleagues;

    public ResidentRules(Colleagues colleagues) {
        super(EntityType.RESIDENT, ResidentDto.class);
        this.colleagues = colleagues;
    }

    @Override
    public void validate(Tx tx, ResidentDto r, LocalDate today) {
        id("id", r.id(), true);
        text("fileNumber", r.fileNumber(), Limits.MAX_SHORT_TEXT, false);
        text("civility", r.civility(), Limits.MAX_SHORT_TEXT, false);
        text("lastName", r.lastName(), Limits.MAX_SHORT_TEXT, true);
        text("firstName", r.firstName(), Limits.MAX_SHORT_TEXT, false);
        if (r.birthDate() != null
                && (r.birthDate().isAfter(today) || r.birthDate().getYear() < Limits.MIN_BIRTH_YEAR)) {
            throw RejectedOp.invalid("birthDate", "La date de naissance « birthDate » n'est pas plausible.");
        }
        text("phone", r.phone(), Limits.MAX_SHORT_TEXT, false);
        text("street", r.street(), Limits.MAX_SHORT_TEXT, false);
        text("postcode", r.postcode(), Limits.MAX_SHORT_TEXT, false);
        text("city", r.city(), Limits.MAX_SHORT_TEXT, false);
        text("accessNotes", r.accessNotes(), Limits.MAX_LONG_TEXT, false);
        code(tx, "mobilityReason", CodeLists.MOBILITY_REASON, r.mobilityReason(), false);
        id("referentId", r.referentId(), false);
        code(tx, "status", ListNames.RESIDENT_STATUS, r.status(), false);
        text("birthName", r.birthName(), Limits.MAX_SHORT_TEXT, false);
        text("email", r.email(), Limits.MAX_SHORT_TEXT, false);
        if (r.email() != null
                && !r.email().isBlank()
                && !EMAIL.matcher(r.email()).matches()) {
            throw RejectedOp.invalid("email", "L'adresse électronique « email » n'est pas valide.");
        }
        text("preferredContactTime", r.preferredContactTime(), Limits.MAX_SHORT_TEXT, false);
        text("language", r.language(), Limits.MAX_SHORT_TEXT, false);
        code(tx, "accommodationMode", ListNames.ACCOMMODATION_MODE, r.accommodationMode(), false);
        text("landlord", r.landlord(), Limits.MAX_SHORT_TEXT, false);
        code(tx, "socioProfessional", ListNames.SOCIO_PROFESSIONAL, r.socioProfessional(), false);
        code(tx, "legalProtection", ListNames.LEGAL_PROTECTION, r.legalProtection(), false);
        text("legalRepresentative", r.legalRepresentative(), Limits.MAX_SHORT_TEXT, false);
        code(tx, "orientationIn", ListNames.ORIENTATION_IN, r.orientationIn(), false);
        text("orientingPartner", r.orientingPartner(), Limits.MAX_SHORT_TEXT, false);
        text("synthesis", r.synthesis(), Limits.MAX_LONG_TEXT, false);
        size("household", r.household());
        Set<String> ids = new HashSet<>();
        for (HouseholdMemberDto m : r.household()) {
            itemId("household", m.id(), ids);
            code(tx, "household.role", ListNames.HOUSEHOLD_ROLE, m.role(), true);
            text("household.firstName", m.firstName(), Limits.MAX_SHORT_TEXT, false);
            if (m.birthYear() != null && (m.birthYear() < Limits.MIN_BIRTH_YEAR || m.birthYear() > today.getYear())) {
                throw RejectedOp.invalid(
                        "household.birthYear",
                        "L'année de naissance « birthYear » d'un membre du " + "foyer doit être comprise entre "
                                + Limits.MIN_BIRTH_YEAR + " et " + today.getYear() + ".");
            }
        }
        size("contacts", r.contacts());
        ids.clear();
        for (ContactPersonDto p : r.contacts()) {
            itemId("contacts", p.id(), ids);
            text("contacts.name", p.name(), Limits.MAX_SHORT_TEXT, true);
            text("contacts.link", p.link(), Limits.MAX_SHORT_TEXT, false);
            text("contacts.phone", p.phone(), Limits.MAX_SHORT_TEXT, false);
        }
        String place = GeoPointDto.problem(r.location());
        if (place != null) {
            throw RejectedOp.invalid("location", place);
        }
    }

    @Override
    public OperationResultDto apply(Operation c, ResidentDto pushed) {
        ResidentDto r = c.inCallersStructure(pushed);
        Optional<StoredEntity> existing = c.existing(EntityType.RESIDENT, r.id());
        if (existing.isEmpty()) {
            validate(c.tx(), r, c.today());
            if (!Permissions.mayCreateResident(c.user().role())) {
                throw RejectedOp.forbidden("Votre rôle ne permet pas de créer la fiche d'une personne.");
            }
            if (Permissions.creatorBecomesReferent(c.user().role())) {
                if (!c.user().id().equals(r.referentId())) {
                    throw new RejectedOp(
                            RejectedOp.FORBIDDEN_FIELD,
                            "La fiche que vous créez vous a pour référent : « referentId » doit être votre identifiant.");
                }
            } else if (r.referentId() != null) {
                colleagues.require(c, r.referentId(), "referentId");
            }
            long version = c.save(r);
            if (GeocodeQueue.needsPlacing(null, r)) {
                GeocodeQueue.enqueue(c.tx(), r.id(), c.now().toEpochMilli());
            }
            return c.applied(version);
        }
        StoredEntity current = existing.get();
        ResidentFiles.requireNotAnonymised(c, r.id());
        ResidentDto before = (ResidentDto) current.data();
        FieldMerge.Outcome m = c.merge(current, r);
        ResidentDto merged = (ResidentDto) m.merged();
        validate(c.tx(), merged, c.today());
        switch (c.user().role()) {
            case COORDINATOR, ADMIN -> {}
            case COUNSELLOR -> {
                if (!ResidentFiles.follows(c.tx(), c.user().id(), before)) {
                    throw RejectedOp.forbidden("Vous ne suivez pas cette personne : modification refusée.");
                }
                if (m.fields().contains("referentId")) {
                    throw new RejectedOp(
                            RejectedOp.FORBIDDEN_FIELD,
                            "Seule la coordination peut changer le référent (« referentId »).");
                }
            }
            case OFFICE -> {
                if (m.fields().isEmpty() || !Permissions.LEGAL_PROTECTION_FIELDS.containsAll(m.fields())) {
                    throw RejectedOp.forbidden("Le bureau ne modifie d'une fiche que la protection juridique "
                            + "(« legalProtection », « legalRepresentative »).");
                }
            }
            default -> throw RejectedOp.forbidden("Votre rôle ne permet pas de modifier une fiche.");
        }
        if (!Permissions.mayChangeLegalProtection(c.user().role(), before, merged)) {
            throw new RejectedOp(RejectedOp.FORBIDDEN_FIELD, Permissions.legalProtectionRefusal());
        }
        if (merged.referentId() != null && !merged.referentId().equals(before.referentId())) {
            colleagues.require(c, merged.referentId(), "referentId");
        }
        long version = store(c, before, merged, c.op().baseVersion());
        c.writeConflicts(EntityType.RESIDENT, merged.id(), m.conflicts());
        return c.result(version, m);
    }

    @Override
    public long resolve(Operation c, StoredEntity target, Map<String, String> values) {
        ResidentDto before = (ResidentDto) target.data();
        ResidentDto after = WireFields.with(before, values);
        validate(c.tx(), after, c.today());
        if (after.referentId() != null && !after.referentId().equals(before.referentId())) {
            colleagues.require(c, after.referentId(), "referentId");
        }
        return store(c, before, after, target.version());
    }

    /**
     * Saves a resident's new state; a new referent receives the file, a former one who no longer follows forgets it;
     * a new address (with no pin placed by hand in the same change) waits to be placed on the map.
     */
    private static long store(Operation c, ResidentDto before, ResidentDto after, Long baseVersion) {
        long version = c.save(after, baseVersion);
        if (GeocodeQueue.needsPlacing(before, after)) {
            GeocodeQueue.enqueue(c.tx(), after.id(), c.now().toEpochMilli());
        }
        if (before.referentId() != null && !before.referentId().equals(after.referentId())) {
            ResidentFiles.revokeIfUnfollowed(c, before.referentId(), after);
        }
        if (after.referentId() != null && !after.referentId().equals(before.referentId())) {
            ResidentFiles.grantFile(c, after.id(), after.referentId());
        }
        return version;
    }

    @Override
    public void checkDelete(Operation c, StoredEntity existing) {
        onlyCoordinationDeletes(c);
    }

    @Override
    public boolean sees(Viewer viewer, StoredEntity stored, ResidentDto resident) {
        return viewer.seesWholeStructure()
                || viewer.id().equals(resident.referentId())
                || viewer.hasAppointmentWith(resident.id());
    }
}
