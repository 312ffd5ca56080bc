package fr.mediance.protocol;

/** Body of {@link ApiPaths#LOGIN}. The refresh token that comes back is bound to {@code deviceId}. */
public record LoginRequest(String username, String password, String deviceId) {
    @Override
    public String toString() {
        return "LoginRequest[username=" + username + ", deviceId=" + deviceId + "]";
    }
}
