package fr.mediance.protocol;

import java.time.Instant;

/** Answer of a login or a refresh: a short-lived access token and a device-bound refresh token. */
public record LoginResponse(
        String accessToken, Instant accessExpiresAt, String refreshToken, Instant refreshExpiresAt, UserDto user) {
    @Override
    public String toString() {
        return "LoginResponse[user=" + user + ", accessExpiresAt=" + accessExpiresAt + "]";
    }
}
