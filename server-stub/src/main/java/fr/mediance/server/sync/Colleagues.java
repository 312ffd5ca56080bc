package fr.mediance.server.sync;

import fr.mediance.protocol.Permissions;
import fr.mediance.server.user.UserRecord;
import fr.mediance.server.user.UserStore;

/** The accounts a record may name as its counsellor, referent, assignee or agent. */
public final class Colleagues {
    private final UserStore users;

    public Colleagues(UserStore users) {
        this.users = users;
    }

    /** An active counsellor or coordinator ({@link Permissions#COLLEAGUES}) of the caller's structure, else {@code not_found}. */
    public void require(Operation c, String userId, String field) {
        UserRecord u = users.findById(c.tx(), userId).orElse(null);
        if (u == null
                || !u.active()
                || !c.structure().equals(u.structureId())
                || !Permissions.mayBeNamedColleague(u.role())) {
            throw RejectedOp.notFound("Le compte « " + field + " » est inconnu dans votre structure.");
        }
    }
}
