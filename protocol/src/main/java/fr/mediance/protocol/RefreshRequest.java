package fr.mediance.protocol;

/** Body of {@link ApiPaths#REFRESH} and {@link ApiPaths#LOGOUT}. */
public record RefreshRequest(String refreshToken, String deviceId) {
    @Override
    public String toString() {
        return "RefreshRequest[deviceId=" + deviceId + "]";
    }
}
