package fr.mediance.server.user;

import fr.mediance.protocol.Role;
import fr.mediance.protocol.UserDto;

/** An account as stored, with what login needs. Never serialised: {@link #toDto()} is the wire form. */
public record UserRecord(
        String id,
        String structureId,
        String username,
        String displayName,
        Role role,
        String passwordHash,
        boolean active,
        int failedLogins,
        Long lockedUntilMillis,
        boolean mustChangePassword,
        String totpSecret,
        boolean totpEnrolled,
        Long totpLastStep) {

    public UserDto toDto() {
        return new UserDto(id, username, displayName, role, structureId);
    }

    @Override
    public String toString() {
        return "UserRecord[id=" + id + ", username=" + username + ", role=" + role + "]";
    }
}
