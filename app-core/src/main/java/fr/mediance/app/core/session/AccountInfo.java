package fr.mediance.app.core.session;

import fr.mediance.protocol.Permissions;
import fr.mediance.protocol.Role;

/** Who uses this device, from the local account file. No secret in it. */
public record AccountInfo(
        String userId,
        String username,
        String displayName,
        Role role,
        String structureId,
        String serverUrl,
        String deviceId) {
    /** Whether this account writes a household's records (the office reads them): as the server decides. */
    public boolean writesHouseholdRecords() {
        return Permissions.mayWriteHouseholdRecords(role);
    }

    /** The display name, or the username when there is none. */
    public String name() {
        return displayName == null || displayName.isBlank() ? username : displayName;
    }
}
