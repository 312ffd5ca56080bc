package fr.mediance.protocol;

/**
 * Body of {@link ApiPaths#LOGIN} (and of {@link ApiPaths#TOTP_ENROL}, where only the first three count). The
 * refresh token that comes back is bound to {@code deviceId}. {@code totpCode}: the 6-digit code of the second
 * factor, for the roles that need one ({@link Accounts#secondFactorRequired}); {@code newPassword}: the new
 * password when the account's is temporary ({@link Accounts#PASSWORD_CHANGE_REQUIRED}), checked by
 * {@link Passwords#problem}; {@code appVersion}: shown to the admin in the device list. The last three may be
 * null.
 */
public record LoginRequest(
        String username, String password, String deviceId, String totpCode, String newPassword, String appVersion) {

    public LoginRequest(String username, String password, String deviceId) {
        this(username, password, deviceId, null, null, null);
    }

    @Override
    public String toString() {
        return "LoginRequest[username=" + username + ", deviceId=" + deviceId + "]";
    }
}
