package fr.mediance.server.auth;

import fr.mediance.protocol.Limits;
import fr.mediance.protocol.LoginResponse;
import fr.mediance.protocol.Role;
import fr.mediance.server.DomainException;
import fr.mediance.server.db.Database;
import fr.mediance.server.db.Tx;
import fr.mediance.server.user.UserRecord;
import fr.mediance.server.user.UserStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accounts and sessions: password login, short access tokens, device-bound refresh tokens that rotate on
 * every use (a used one presented again revokes the device), logout, and the account lock after repeated
 * failures.
 */
public final class AuthService {
    public static final Duration ACCESS_TTL = Duration.ofMinutes(15);
    public static final Duration REFRESH_TTL = Duration.ofDays(30);
    /**
     * How long after a refresh the previous refresh token is still taken back once, if the pair it gave was
     * never used: long enough for a retry after a lost answer or an app restart, short enough that a stolen
     * old token presented later still revokes the device.
     */
    public static final Duration RETRY_GRACE = Duration.ofMinutes(5);

    public static final int MAX_FAILED_LOGINS = 10;
    public static final Duration LOCK_DURATION = Duration.ofMinutes(15);
    static final int MAX_PASSWORD_LENGTH = 1024;
    static final int MAX_ID_LENGTH = Limits.MAX_ID;

    static final String BAD_CREDENTIALS = "Identifiant ou mot de passe incorrect.";

    private static final Logger LOG = LoggerFactory.getLogger(AuthService.class);

    private final Database db;
    private final UserStore users;
    private final TokenStore tokens = new TokenStore();
    private final PasswordHasher hasher;
    private final Clock clock;

    public AuthService(Database db, UserStore users, PasswordHasher hasher, Clock clock) {
        this.db = db;
        this.users = users;
        this.hasher = hasher;
        this.clock = clock;
    }

    public LoginResponse login(String username, String password, String deviceId) {
        requireDeviceId(deviceId);
        if (username.length() > 200 || password.length() > MAX_PASSWORD_LENGTH) {
            hasher.verifyDummy("");
            throw badCredentials();
        }
        Instant now = clock.instant();
        Optional<UserRecord> found = db.read(tx -> users.findByUsername(tx, username));
        if (found.isEmpty()) {
            hasher.verifyDummy(password);
            LOG.info("login refused: unknown account");
            throw badCredentials();
        }
        UserRecord user = found.get();
        if (user.lockedUntilMillis() != null && user.lockedUntilMillis() > now.toEpochMilli()) {
            hasher.verifyDummy(password);
            LOG.info("login refused: account locked user={}", user.id());
            throw locked(user.lockedUntilMillis(), now);
        }
        if (!hasher.verify(password, user.passwordHash())) {
            recordFailure(user, now);
            throw badCredentials();
        }
        if (!user.active()) {
            throw DomainException.unauthenticated(
                    "account_disabled",
                    "Ce compte est désactivé. Adressez-vous à votre coordinatrice ou coordinateur.");
        }
        LoginResponse response = db.inTransaction(tx -> {
            users.resetFailedLogins(tx, user.id());
            String deviceRef = tokens.touchDevice(tx, user.id(), deviceId, now);
            return issue(tx, user, deviceRef, now);
        });
        LOG.info("login user={} role={}", user.id(), user.role().code());
        return response;
    }

    public LoginResponse refresh(String refreshToken, String deviceId) {
        requireDeviceId(deviceId);
        Instant now = clock.instant();
        String hash = Tokens.hash(refreshToken);
        Outcome outcome = db.inTransaction(tx -> {
            TokenStore.RefreshRow row = tokens.findRefresh(tx, hash).orElse(null);
            if (row == null || !row.deviceId().equals(deviceId) || row.revokedAt() != null) {
                return Outcome.failure(invalidRefresh());
            }
            if (row.rotatedAt() != null
                    && row.expiresAt() > now.toEpochMilli()
                    && tokens.takeBackUnusedSuccessor(tx, row, now, RETRY_GRACE)) {
                // The answer to the previous refresh never reached the device (a lost response, or the app
                // killed before it stored the new pair) and that pair was never used: answer again, with a new
                // pair, and void the unused one.
                UserRecord user = users.findById(tx, row.userId()).orElse(null);
                if (user == null || !user.active()) {
                    return Outcome.failure(invalidRefresh());
                }
                LOG.info("refresh retried within grace: user={}", row.userId());
                return Outcome.success(issue(tx, user, tokens.touchDevice(tx, user.id(), deviceId, now), now));
            }
            if (row.rotatedAt() != null || !tokens.rotate(tx, hash, now)) {
                tokens.revokeDevice(tx, row.deviceRef(), now);
                LOG.warn("refresh token reused: device revoked user={}", row.userId());
                return Outcome.failure(DomainException.unauthenticated(
                        "refresh_reused",
                        "Ce jeton de renouvellement a déjà servi : par sécurité, l'appareil a été déconnecté. "
                                + "Reconnectez-vous."));
            }
            if (row.expiresAt() <= now.toEpochMilli()) {
                return Outcome.failure(DomainException.unauthenticated(
                        "refresh_expired", "Votre session a expiré : reconnectez-vous."));
            }
            UserRecord user = users.findById(tx, row.userId()).orElse(null);
            if (user == null || !user.active()) {
                return Outcome.failure(invalidRefresh());
            }
            String deviceRef = tokens.touchDevice(tx, user.id(), deviceId, now);
            return Outcome.success(issue(tx, user, deviceRef, now));
        });
        return outcome.get();
    }

    /** Revokes every token of the caller's device. */
    public void logout(AuthUser user) {
        Instant now = clock.instant();
        db.inTransaction(tx -> {
            tokens.revokeDevice(tx, user.deviceRef(), now);
            return null;
        });
        LOG.info("logout user={}", user.id());
    }

    /** The caller of an access token, or a 401 saying why not. */
    public AuthUser authenticate(String accessToken) {
        Instant now = clock.instant();
        return db.read(tx -> {
            TokenStore.AccessRow row = tokens.findAccess(tx, Tokens.hash(accessToken))
                    .orElseThrow(() -> DomainException.unauthenticated(
                            "invalid_token", "Jeton d'accès invalide ou révoqué : reconnectez-vous."));
            if (row.revokedAt() != null) {
                throw DomainException.unauthenticated(
                        "invalid_token", "Jeton d'accès invalide ou révoqué : reconnectez-vous.");
            }
            if (row.expiresAt() <= now.toEpochMilli()) {
                throw DomainException.unauthenticated(
                        "token_expired", "Jeton d'accès expiré : renouvelez-le avec le jeton de renouvellement.");
            }
            UserRecord user = users.findById(tx, row.userId())
                    .filter(UserRecord::active)
                    .orElseThrow(() -> DomainException.unauthenticated("invalid_token", "Ce compte n'est plus actif."));
            return new AuthUser(
                    user.id(), user.username(), user.displayName(), user.role(), user.structureId(), row.deviceRef());
        });
    }

    private LoginResponse issue(Tx tx, UserRecord user, String deviceRef, Instant now) {
        String access = Tokens.newToken();
        String refresh = Tokens.newToken();
        Instant accessExpires = now.plus(ACCESS_TTL);
        Instant refreshExpires = now.plus(REFRESH_TTL);
        tokens.insertAccess(tx, Tokens.hash(access), deviceRef, user.id(), now, accessExpires);
        tokens.insertRefresh(tx, Tokens.hash(refresh), deviceRef, user.id(), now, refreshExpires);
        return new LoginResponse(access, accessExpires, refresh, refreshExpires, user.toDto());
    }

    private void recordFailure(UserRecord user, Instant now) {
        int failures = user.failedLogins() + 1;
        boolean lock = failures >= MAX_FAILED_LOGINS;
        db.inTransaction(tx -> {
            users.recordFailedLogin(
                    tx,
                    user.id(),
                    lock ? 0 : failures,
                    lock ? now.plus(LOCK_DURATION).toEpochMilli() : null);
            return null;
        });
        LOG.info("login refused: wrong password user={} failures={}{}", user.id(), failures, lock ? " locked" : "");
    }

    private static DomainException locked(long lockedUntil, Instant now) {
        long minutes = Math.max(1, (lockedUntil - now.toEpochMilli() + 59_999) / 60_000);
        return new DomainException(
                DomainException.Kind.LOCKED,
                "account_locked",
                "Trop d'essais de connexion infructueux : le compte est bloqué pendant encore " + minutes
                        + " minute" + (minutes > 1 ? "s" : "") + ". Réessayez plus tard ou demandez une "
                        + "réinitialisation du mot de passe.");
    }

    private static DomainException badCredentials() {
        return DomainException.unauthenticated("invalid_credentials", BAD_CREDENTIALS);
    }

    private static DomainException invalidRefresh() {
        return DomainException.unauthenticated(
                "invalid_refresh", "Jeton de renouvellement invalide : reconnectez-vous.");
    }

    private static void requireDeviceId(String deviceId) {
        if (!Limits.isValidId(deviceId)) {
            throw DomainException.invalid(
                    "invalid_device_id", "L'identifiant d'appareil (deviceId) doit faire de 1 à 64 caractères.");
        }
    }

    /** Whether a role is among those allowed. */
    static boolean allowed(Role role, Role... roles) {
        for (Role r : roles) {
            if (r == role) {
                return true;
            }
        }
        return false;
    }

    /** A transaction's result that may be a refusal: the refusal is thrown after the commit, so a revocation sticks. */
    private record Outcome(LoginResponse response, DomainException failure) {
        static Outcome success(LoginResponse r) {
            return new Outcome(r, null);
        }

        static Outcome failure(DomainException e) {
            return new Outcome(null, e);
        }

        LoginResponse get() {
            if (failure != null) {
                throw failure;
            }
            return response;
        }
    }
}
