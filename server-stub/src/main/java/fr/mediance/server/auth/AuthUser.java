package fr.mediance.server.auth;

import fr.mediance.protocol.Role;
import fr.mediance.protocol.UserDto;

/** The caller of a request, resolved from its access token. {@code deviceRef} is the device row it is bound to. */
public record AuthUser(
        String id, String username, String displayName, Role role, String structureId, String deviceRef) {

    public boolean is(Role r) {
        return role == r;
    }

    /** Coordinator, office and admin see the whole structure; a counsellor sees their own caseload. */
    public boolean seesWholeStructure() {
        return role != Role.COUNSELLOR;
    }

    public UserDto toDto() {
        return new UserDto(id, username, displayName, role, structureId);
    }
}
