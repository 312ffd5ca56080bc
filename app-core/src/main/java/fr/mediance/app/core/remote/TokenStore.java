package fr.mediance.app.core.remote;

import java.util.Optional;

/**
 * Where {@link RemoteClient} finds and keeps the tokens. The access token lives in memory only; the refresh
 * token is persisted inside the encrypted database by the session.
 */
public interface TokenStore {
    Optional<String> accessToken();

    Optional<String> refreshToken();

    /** Called after a login or a refresh with the new pair. */
    void update(String accessToken, String refreshToken);

    /** Called when the server refuses the refresh token: the session has expired or the device is revoked. */
    void clear();

    /** A store that only keeps tokens in memory (before a PIN is chosen, and in tests). */
    static TokenStore inMemory() {
        return new TokenStore() {
            private volatile String access;
            private volatile String refresh;

            @Override
            public Optional<String> accessToken() {
                return Optional.ofNullable(access);
            }

            @Override
            public Optional<String> refreshToken() {
                return Optional.ofNullable(refresh);
            }

            @Override
            public void update(String accessToken, String refreshToken) {
                access = accessToken;
                if (refreshToken != null) {
                    refresh = refreshToken;
                }
            }

            @Override
            public void clear() {
                access = null;
                refresh = null;
            }
        };
    }
}
