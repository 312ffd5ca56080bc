package fr.mediance.server.sync;

import fr.mediance.server.auth.AuthUser;
import java.util.Set;

/**
 * Who is pulling, with the residents they follow (referent, or an appointment with them), computed once per
 * pull. Coordinator, office and admin see their whole structure, so nothing is computed for them.
 */
public final class Viewer {
    private final AuthUser user;
    private final Set<String> residentsWithAppointments;
    private final Set<String> referentOf;
    private final Set<String> followed;

    Viewer(AuthUser user, Set<String> residentsWithAppointments, Set<String> referentOf, Set<String> followed) {
        this.user = user;
        this.residentsWithAppointments = residentsWithAppointments;
        this.referentOf = referentOf;
        this.followed = followed;
    }

    /** The viewer's account id. */
    public String id() {
        return user.id();
    }

    /** Coordinator, office, admin: everything of their structure (private notes aside). */
    public boolean seesWholeStructure() {
        return user.seesWholeStructure();
    }

    /** The viewer has a live appointment with this resident. */
    public boolean hasAppointmentWith(String residentId) {
        return residentsWithAppointments.contains(residentId);
    }

    /** The viewer is this resident's referent. */
    public boolean isReferentOf(String residentId) {
        return referentOf.contains(residentId);
    }

    /** The viewer follows this resident: referent, or an appointment with them. */
    public boolean follows(String residentId) {
        return followed.contains(residentId);
    }
}
