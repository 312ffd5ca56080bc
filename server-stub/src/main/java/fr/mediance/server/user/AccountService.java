package fr.mediance.server.user;

import fr.mediance.protocol.AccountDto;
import fr.mediance.protocol.AccountPasswordDto;
import fr.mediance.protocol.AccountRequest;
import fr.mediance.protocol.Accounts;
import fr.mediance.protocol.DeviceDto;
import fr.mediance.protocol.Limits;
import fr.mediance.protocol.Passwords;
import fr.mediance.protocol.Role;
import fr.mediance.server.DomainException;
import fr.mediance.server.auth.AuthUser;
import fr.mediance.server.auth.PasswordHasher;
import fr.mediance.server.db.Database;
import fr.mediance.server.db.Tx;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accounts and devices managed by the structure: the admin manages every account of its structure, the office the
 * counsellor accounts ({@link Accounts#mayManage}). Creating or resetting an account gives a temporary password
 * (shown once, changed at the next login); a reset also clears the second factor. Disabling an account revokes its
 * tokens at once. Revoking a device lets it push what it holds for {@link Accounts#WIPE_DEADLINE}, then refuses it;
 * either way it wipes its store.
 */
public final class AccountService {
    private static final Logger LOG = LoggerFactory.getLogger(AccountService.class);
    private static final String USERNAME_PATTERN = "[a-z0-9][a-z0-9._-]{1,39}";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Database db;
    private final UserStore users;
    private final PasswordHasher hasher;
    private final Clock clock;

    public AccountService(Database db, UserStore users, PasswordHasher hasher, Clock clock) {
        this.db = db;
        this.users = users;
        this.hasher = hasher;
        this.clock = clock;
    }

    public List<AccountDto> list(AuthUser caller) {
        return db.read(tx -> tx
                .query(
                        ACCOUNT_SELECT + "WHERE u.structure_id = ? GROUP BY " + ACCOUNT_GROUP
                                + " ORDER BY u.display_name, u.id",
                        AccountService::account,
                        caller.structureId())
                .stream()
                .filter(a -> Accounts.mayManage(caller.role(), a.role()))
                .toList());
    }

    public AccountPasswordDto create(AuthUser caller, AccountRequest req) {
        String username = req.username() == null ? "" : UserStore.normalise(req.username());
        if (!username.matches(USERNAME_PATTERN)) {
            throw DomainException.invalid(
                    "invalid_username",
                    "L'identifiant doit faire de 2 à 40 caractères : lettres minuscules sans accent, chiffres, "
                            + "point, tiret ou tiret bas, en commençant par une lettre ou un chiffre.");
        }
        String displayName = displayName(req.displayName());
        if (req.role() == null) {
            throw DomainException.invalid("invalid_role", "Choisissez le rôle du compte.");
        }
        if (!Accounts.mayManage(caller.role(), req.role())) {
            throw DomainException.forbidden("Votre rôle ne permet pas de créer un compte de ce rôle.");
        }
        String temporary = temporaryPassword();
        String hash = hasher.hash(temporary);
        Instant now = clock.instant();
        String id = UUID.randomUUID().toString();
        db.inTransaction(tx -> {
            if (users.findByUsername(tx, username).isPresent()) {
                throw new DomainException(
                        DomainException.Kind.CONFLICT, "username_taken", "Cet identifiant est déjà utilisé.");
            }
            users.createUser(tx, id, caller.structureId(), username, displayName, req.role(), hash, now);
            users.setPassword(tx, id, hash, true);
            return null;
        });
        LOG.info("account created id={} role={} by={}", id, req.role().code(), caller.id());
        return new AccountPasswordDto(find(caller, id), temporary);
    }

    public AccountDto update(AuthUser caller, String id, AccountRequest req) {
        Instant now = clock.instant();
        db.inTransaction(tx -> {
            UserRecord target = managed(tx, caller, id);
            if (req.role() != null && !Accounts.mayManage(caller.role(), req.role())) {
                throw DomainException.forbidden("Votre rôle ne permet pas de donner ce rôle.");
            }
            if (target.id().equals(caller.id())
                    && (Boolean.FALSE.equals(req.active()) || (req.role() != null && req.role() != target.role()))) {
                throw DomainException.forbidden(
                        "Vous ne pouvez pas désactiver votre propre compte ni changer votre propre rôle.");
            }
            if (req.displayName() != null) {
                tx.update("UPDATE users SET display_name = ? WHERE id = ?", displayName(req.displayName()), id);
            }
            if (req.role() != null && req.role() != target.role()) {
                tx.update("UPDATE users SET role = ? WHERE id = ?", req.role().code(), id);
                revokeTokens(tx, id, now); // the new role's rules (a second factor) apply from the next login
            }
            if (Boolean.FALSE.equals(req.active()) && target.active()) {
                tx.update("UPDATE users SET active = 0, disabled_at = ? WHERE id = ?", now.toEpochMilli(), id);
                revokeTokens(tx, id, now);
            } else if (Boolean.TRUE.equals(req.active()) && !target.active()) {
                tx.update("UPDATE users SET active = 1, disabled_at = NULL, failed_logins = 0 WHERE id = ?", id);
            }
            return null;
        });
        LOG.info("account updated id={} by={}", id, caller.id());
        return find(caller, id);
    }

    public AccountPasswordDto reset(AuthUser caller, String id) {
        String temporary = temporaryPassword();
        String hash = hasher.hash(temporary);
        Instant now = clock.instant();
        db.inTransaction(tx -> {
            managed(tx, caller, id);
            users.setPassword(tx, id, hash, true);
            users.clearTotp(tx, id);
            tx.update("UPDATE users SET failed_logins = 0 WHERE id = ?", id);
            revokeTokens(tx, id, now);
            return null;
        });
        LOG.info("account reset id={} by={}", id, caller.id());
        return new AccountPasswordDto(find(caller, id), temporary);
    }

    public List<DeviceDto> devices(AuthUser caller, String id) {
        return db.read(tx -> {
            managed(tx, caller, id);
            return tx.query(
                    "SELECT id, device_id, first_seen_at, last_seen_at, last_sync_at, app_version, revoked_at, "
                            + "wipe_after, wiped_at FROM devices WHERE user_id = ? ORDER BY last_seen_at DESC, id",
                    rs -> new DeviceDto(
                            rs.getString(1),
                            rs.getString(2),
                            instant(Tx.nullableLong(rs, "first_seen_at")),
                            instant(Tx.nullableLong(rs, "last_seen_at")),
                            instant(Tx.nullableLong(rs, "last_sync_at")),
                            rs.getString(6),
                            instant(Tx.nullableLong(rs, "revoked_at")),
                            instant(Tx.nullableLong(rs, "wipe_after")),
                            instant(Tx.nullableLong(rs, "wiped_at"))),
                    id);
        });
    }

    /** Revokes a device: it may push what it holds until the deadline, its pull is refused, then it wipes. */
    public DeviceDto revokeDevice(AuthUser caller, String deviceRef) {
        Instant now = clock.instant();
        if (deviceRef == null || deviceRef.length() > Limits.MAX_ID) {
            throw DomainException.notFound("device_not_found", "Appareil introuvable.");
        }
        String userId = db.inTransaction(tx -> {
            String owner = tx.queryOne("SELECT user_id FROM devices WHERE id = ?", rs -> rs.getString(1), deviceRef)
                    .orElseThrow(() -> DomainException.notFound("device_not_found", "Appareil introuvable."));
            managed(tx, caller, owner);
            tx.update(
                    "UPDATE devices SET revoked_at = ?, wipe_after = ?, revoked_by = ? WHERE id = ? "
                            + "AND revoked_at IS NULL",
                    now.toEpochMilli(),
                    now.plus(Accounts.WIPE_DEADLINE).toEpochMilli(),
                    caller.id(),
                    deviceRef);
            return owner;
        });
        LOG.info("device revoked ref={} by={}", deviceRef, caller.id());
        return devices(caller, userId).stream()
                .filter(d -> d.id().equals(deviceRef))
                .findFirst()
                .orElseThrow();
    }

    private AccountDto find(AuthUser caller, String id) {
        return db.read(tx -> tx.queryOne(
                        ACCOUNT_SELECT + "WHERE u.id = ? GROUP BY " + ACCOUNT_GROUP, AccountService::account, id))
                .orElseThrow();
    }

    /** The account if it is of the caller's structure and the caller may manage it; 404 / 403 otherwise. */
    private UserRecord managed(Tx tx, AuthUser caller, String id) {
        UserRecord target = (id == null || id.length() > Limits.MAX_ID)
                ? null
                : users.findById(tx, id)
                        .filter(u -> u.structureId().equals(caller.structureId()))
                        .orElse(null);
        if (target == null) {
            throw DomainException.notFound("account_not_found", "Compte introuvable.");
        }
        if (!Accounts.mayManage(caller.role(), target.role())) {
            throw DomainException.forbidden("Votre rôle ne permet pas de gérer ce compte.");
        }
        return target;
    }

    private static void revokeTokens(Tx tx, String userId, Instant now) {
        long t = now.toEpochMilli();
        tx.update("UPDATE access_tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL", t, userId);
        tx.update("UPDATE refresh_tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL", t, userId);
    }

    private static String displayName(String name) {
        String n = name == null ? "" : name.strip();
        // a control character or a lone surrogate (stored as « ? ») would reach every screen and list as it is
        if (n.isEmpty()
                || n.length() > Limits.MAX_SHORT_TEXT
                || n.chars().anyMatch(Character::isISOControl)
                || !Limits.isWellFormed(n)) {
            throw DomainException.invalid(
                    "invalid_display_name",
                    "Le nom affiché doit faire de 1 à " + Limits.MAX_SHORT_TEXT
                            + " caractères, sans caractère de contrôle.");
        }
        return n;
    }

    /** 16 characters of the four types, without the look-alikes (0/O, 1/l/I). */
    static String temporaryPassword() {
        String lower = "abcdefghijkmnopqrstuvwxyz";
        String upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
        String digits = "23456789";
        String other = "-_.!?";
        String all = lower + upper + digits + other;
        while (true) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < 16; i++) {
                b.append(all.charAt(RANDOM.nextInt(all.length())));
            }
            String p = b.toString();
            if (p.chars().anyMatch(c -> lower.indexOf(c) >= 0)
                    && p.chars().anyMatch(c -> upper.indexOf(c) >= 0)
                    && p.chars().anyMatch(c -> digits.indexOf(c) >= 0)
                    && p.chars().anyMatch(c -> other.indexOf(c) >= 0)
                    && Passwords.problem(p, null) == null) {
                return p;
            }
        }
    }

    private static final String ACCOUNT_SELECT = "SELECT u.id, u.username, u.display_name, u.role, u.active, "
            + "u.must_change_password, u.totp_enrolled, u.failed_logins, MAX(d.last_seen_at) AS last_seen, "
            + "MAX(d.last_sync_at) AS last_sync FROM users u LEFT JOIN devices d ON d.user_id = u.id ";
    private static final String ACCOUNT_GROUP = "u.id, u.username, u.display_name, u.role, u.active, "
            + "u.must_change_password, u.totp_enrolled, u.failed_logins";

    private static AccountDto account(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new AccountDto(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                Role.fromCode(rs.getString(4)),
                rs.getInt(5) == 1,
                rs.getInt(6) == 1,
                rs.getInt(7) == 1,
                rs.getInt(8),
                instant(Tx.nullableLong(rs, "last_seen")),
                instant(Tx.nullableLong(rs, "last_sync")));
    }

    private static Instant instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }
}
