package fr.mediance.app.core.reference;

import fr.mediance.protocol.Role;

/** An account of the structure, from the local cache of {@code GET /users}. */
public record UserItem(String id, String username, String displayName, Role role) {
    /** The display name, or the username when there is none. */
    public String name() {
        return displayName == null || displayName.isBlank() ? username : displayName;
    }
}
