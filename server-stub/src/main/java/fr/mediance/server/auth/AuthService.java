package fr.mediance.server.auth;

import fr.mediance.protocol.Accounts;
import fr.mediance.protocol.Limits;
import fr.mediance.protocol.LoginRequest;
import fr.mediance.protocol.LoginResponse;
import fr.mediance.protocol.Passwords;
import fr.mediance.protocol.Role;
import fr.mediance.protocol.Totp;
import fr.mediance.protocol.TotpEnrolmentDto;
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
 * every use (a used one presented again revokes the device), logout, the second factor (TOTP) of the roles that
 * need it, temporary passwords, revoked devices, and the login throttle ({@link LoginThrottle}).
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

    static final int MAX_PASSWORD_LENGTH = 1024;
    static final int MAX_ID_LENGTH = Limits.MAX_ID;

    static final String BAD_CREDENTIALS = "Identifiant ou mot de passe incorrect.";

    private static final Logger LOG = LoggerFactory.getLogger(AuthService.class);

    private final Database db;
    private final UserStore users;
    private final TokenStore tokens = new TokenStore();
    private final LoginThrottle throttle = new LoginThrottle();
    private final PasswordHasher hasher;
    private final Clock clock;

    public AuthService(Database db, UserStore users, PasswordHasher hasher, Clock clock) {
        this.db = db;
        this.users = users;
        this.hasher = hasher;
        this.clock = clock;
    }

    /** A login without a second factor or a new password, from the local machine (tools and tests). */
    public LoginResponse login(String username, String password, String deviceId) {
        return login(new LoginRequest(username, password, deviceId), "local");
    }

    /**
     * Password login from {@code address} (the client's IP). In order: the throttle of this account and source,
     * the password (an unknown account costs the same and counts the same), the account's state, the device's
     * revocation, a temporary password to replace ({@code newPassword}), the second factor for the roles that
     * need it; only then is anything changed (the new password, the enrolment, the TOTP step used, the tokens).
     */
    public LoginResponse login(LoginRequest req, String address) {
        String username = req.username();
        String password = req.password();
        String deviceId = req.deviceId();
        requireDeviceId(deviceId);
        if (username.length() > 200 || password.length() > MAX_PASSWORD_LENGTH) {
            hasher.verifyDummy("");
            throw badCredentials();
        }
        Instant now = clock.instant();
        String normalised = UserStore.normalise(username);
        Optional<UserRecord> found = db.read(tx -> users.findByUsername(tx, username));
        String knownDevice = found.flatMap(u -> db.read(tx -> tokens.knownDevice(tx, u.id(), deviceId)))
                .orElse(null);
        LoginThrottle.Keys keys = LoginThrottle.Keys.of(normalised, address, knownDevice);
        Optional<Instant> blocked = db.read(tx -> throttle.blockedUntil(tx, keys, now));
        if (blocked.isPresent()) {
            hasher.verifyDummy(password);
            LOG.info("login refused: throttled");
            throw tooManyAttempts(blocked.get(), now);
        }
        if (found.isEmpty()) {
            hasher.verifyDummy(password);
            recordFailure(null, keys, now);
            LOG.info("login refused: unknown account");
            throw badCredentials();
        }
        UserRecord user = found.get();
        if (!hasher.verify(password, user.passwordHash())) {
            recordFailure(user, keys, now);
            LOG.info("login refused: wrong password user={}", user.id());
            throw badCredentials();
        }
        if (!user.active()) {
            throw DomainException.unauthenticated(
                    Accounts.ACCOUNT_DISABLED,
                    "Ce compte est désactivé. Adressez-vous à votre coordinatrice ou coordinateur.");
        }
        if (db.read(tx -> tokens.deviceRevoked(tx, user.id(), deviceId))) {
            throw deviceRevoked();
        }
        String newHash = null;
        if (user.mustChangePassword()) {
            String newPassword = req.newPassword();
            if (newPassword == null || newPassword.isEmpty()) {
                throw new DomainException(
                        DomainException.Kind.FORBIDDEN,
                        Accounts.PASSWORD_CHANGE_REQUIRED,
                        "Ce mot de passe est provisoire : choisissez votre propre mot de passe.");
            }
            String problem = Passwords.problem(newPassword, user.username());
            if (problem == null && newPassword.equals(password)) {
                problem = "Le nouveau mot de passe doit être différent du mot de passe provisoire.";
            }
            if (problem != null) {
                throw DomainException.invalid(Accounts.WEAK_PASSWORD, problem);
            }
            newHash = hasher.hash(newPassword);
        }
        long totpStep = -1;
        boolean enrol = false;
        if (Accounts.secondFactorRequired(user.role())) {
            String secret = user.totpSecret();
            if (!user.totpEnrolled() && (secret == null || req.totpCode() == null)) {
                throw new DomainException(
                        DomainException.Kind.FORBIDDEN,
                        Accounts.TOTP_ENROLMENT_REQUIRED,
                        "Ce compte demande un second facteur : enregistrez-le dans votre application "
                                + "d'authentification, puis saisissez le code qu'elle affiche.");
            }
            if (req.totpCode() == null || req.totpCode().isBlank()) {
                throw DomainException.unauthenticated(
                        Accounts.TOTP_REQUIRED,
                        "Saisissez le code à 6 chiffres de votre application d'authentification.");
            }
            totpStep = Totp.matchingStep(secret, req.totpCode(), now);
            Long last = user.totpLastStep();
            if (totpStep < 0 || (last != null && totpStep <= last)) {
                recordFailure(user, keys, now);
                LOG.info("login refused: wrong or used second-factor code user={}", user.id());
                throw invalidTotp();
            }
            enrol = !user.totpEnrolled();
        }
        String passwordHash = newHash;
        long step = totpStep;
        boolean enrolNow = enrol;
        Outcome outcome = db.inTransaction(tx -> {
            if (step >= 0 && !users.useTotpStep(tx, user.id(), step, enrolNow)) {
                return Outcome.failure(invalidTotp());
            }
            if (passwordHash != null) {
                users.setPassword(tx, user.id(), passwordHash, false);
            }
            users.resetFailedLogins(tx, user.id());
            throttle.recordSuccess(tx, keys);
            String deviceRef = tokens.touchDevice(tx, user.id(), deviceId, now, req.appVersion());
            return Outcome.success(issue(tx, user, deviceRef, now));
        });
        LoginResponse response = outcome.get();
        LOG.info("login user={} role={}", user.id(), user.role().code());
        return response;
    }

    /**
     * A new TOTP secret for an account that needs a second factor and has none enrolled yet, after the same
     * checks as a login's password. It replaces any secret given before and not confirmed; the first login with
     * a valid code confirms it.
     */
    public TotpEnrolmentDto enrolTotp(LoginRequest req, String address) {
        requireDeviceId(req.deviceId());
        if (req.username().length() > 200 || req.password().length() > MAX_PASSWORD_LENGTH) {
            hasher.verifyDummy("");
            throw badCredentials();
        }
        Instant now = clock.instant();
        Optional<UserRecord> found = db.read(tx -> users.findByUsername(tx, req.username()));
        String knownDevice = found.flatMap(u -> db.read(tx -> tokens.knownDevice(tx, u.id(), req.deviceId())))
                .orElse(null);
        LoginThrottle.Keys keys = LoginThrottle.Keys.of(UserStore.normalise(req.username()), address, knownDevice);
        Optional<Instant> blocked = db.read(tx -> throttle.blockedUntil(tx, keys, now));
        if (blocked.isPresent()) {
            hasher.verifyDummy(req.password());
            throw tooManyAttempts(blocked.get(), now);
        }
        if (found.isEmpty() || !hasher.verify(req.password(), found.get().passwordHash())) {
            if (found.isEmpty()) {
                hasher.verifyDummy(req.password());
            }
            recordFailure(found.orElse(null), keys, now);
            throw badCredentials();
        }
        UserRecord user = found.get();
        if (!user.active()) {
            throw DomainException.unauthenticated(
                    Accounts.ACCOUNT_DISABLED,
                    "Ce compte est désactivé. Adressez-vous à votre coordinatrice ou coordinateur.");
        }
        if (!Accounts.secondFactorRequired(user.role()) || user.totpEnrolled()) {
            throw new DomainException(
                    DomainException.Kind.CONFLICT,
                    "totp_already_enrolled",
                    user.totpEnrolled()
                            ? "Le second facteur de ce compte est déjà enregistré : pour en changer, demandez une "
                                    + "réinitialisation à l'administration."
                            : "Ce compte ne demande pas de second facteur.");
        }
        String secret = Totp.newSecret();
        db.inTransaction(tx -> {
            users.setPendingTotp(tx, user.id(), secret);
            return null;
        });
        LOG.info("second factor secret issued user={}", user.id());
        return new TotpEnrolmentDto(secret, Totp.uri(secret, user.username()));
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
            if (tokens.pastWipeDeadline(tx, row.deviceRef(), now)) {
                return Outcome.failure(deviceRevoked());
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

    /** Revokes every token of the caller's device; a revoked device that logs out has wiped its store. */
    public void logout(AuthUser user) {
        Instant now = clock.instant();
        db.inTransaction(tx -> {
            tokens.revokeDevice(tx, user.deviceRef(), now);
            tokens.markWipedIfRevoked(tx, user.deviceRef(), now);
            return null;
        });
        LOG.info("logout user={}", user.id());
    }

    /** The caller of an access token, or a 401 saying why not (403 {@code device_revoked} for a revoked device). */
    public AuthUser authenticate(String accessToken) {
        return authenticate(accessToken, false);
    }

    /**
     * The caller of an access token. A revoked device is refused ({@code device_revoked}) unless
     * {@code whileRevoked} (its push, its uploads, its logout) and its wipe deadline has not passed. The first use
     * of an access token is recorded: from then on the refresh token it replaced is no longer taken back.
     */
    public AuthUser authenticate(String accessToken, boolean whileRevoked) {
        Instant now = clock.instant();
        String hash = Tokens.hash(accessToken);
        AuthUser caller = db.read(tx -> {
            TokenStore.AccessRow row = tokens.findAccess(tx, hash)
                    .orElseThrow(() -> DomainException.unauthenticated(
                            "invalid_token", "Jeton d'accès invalide ou révoqué : reconnectez-vous."));
            if (row.deviceRevokedAt() != null
                    && (!whileRevoked || row.wipeAfter() == null || row.wipeAfter() <= now.toEpochMilli())) {
                throw deviceRevoked();
            }
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
            if (row.firstUsedAt() == null) {
                tokens.markUsed(tx, hash, now);
            }
            return new AuthUser(
                    user.id(), user.username(), user.displayName(), user.role(), user.structureId(), row.deviceRef());
        });
        return caller;
    }

    /** Notes that the caller's device has just synchronised (shown in the device list). */
    public void recordSync(AuthUser user) {
        Instant now = clock.instant();
        db.read(tx -> {
            tokens.recordSync(tx, user.deviceRef(), now);
            return null;
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

    /** Counts a failure (wrong password or code) atomically: the account's count and the throttle's. */
    private void recordFailure(UserRecord user, LoginThrottle.Keys keys, Instant now) {
        db.inTransaction(tx -> {
            throttle.recordFailure(tx, keys, now);
            if (user != null) {
                users.incrementFailedLogins(tx, user.id());
            }
            return null;
        });
    }

    private static DomainException tooManyAttempts(Instant until, Instant now) {
        long seconds = Math.max(1, Duration.between(now, until).toSeconds());
        String wait =
                seconds < 60 ? seconds + " secondes" : ((seconds + 59) / 60) + " minute" + (seconds > 60 ? "s" : "");
        return new DomainException(
                DomainException.Kind.LOCKED,
                Accounts.TOO_MANY_ATTEMPTS,
                "Trop d'essais de connexion infructueux depuis cet appareil ou ce réseau : réessayez dans " + wait
                        + ". Si vous avez oublié votre mot de passe, demandez une réinitialisation.");
    }

    static DomainException deviceRevoked() {
        return new DomainException(
                DomainException.Kind.FORBIDDEN,
                Accounts.DEVICE_REVOKED,
                "Cet appareil a été retiré par l'administration : ses données vont être effacées après l'envoi de "
                        + "ce qui n'a pas encore été transmis.");
    }

    private static DomainException invalidTotp() {
        return DomainException.unauthenticated(
                Accounts.INVALID_TOTP,
                "Code de vérification incorrect ou déjà utilisé : saisissez le code affiché maintenant.");
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
