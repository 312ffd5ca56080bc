package fr.mediance.protocol;

import java.time.Duration;

/**
 * Rules of accounts and devices shared by the server and the app: who needs a second factor, who manages which
 * accounts, how long a revoked device has to send what it holds, and the problem codes of the login steps.
 *
 * <p>The admin manages every account of its structure (any role); the office creates, edits, resets and disables
 * the counsellor accounts of its structure and revokes their devices (a small structure's secretariat does this
 * today by hand); nobody else manages accounts.
 */
public final class Accounts {
    /** 401: the account needs its TOTP code ({@link LoginRequest#totpCode()}). */
    public static final String TOTP_REQUIRED = "totp_required";
    /** 401: the TOTP code is wrong, too old or already used. */
    public static final String INVALID_TOTP = "invalid_totp";
    /** 403: the account needs a second factor and has none yet: enrol with {@link ApiPaths#TOTP_ENROL}. */
    public static final String TOTP_ENROLMENT_REQUIRED = "totp_enrolment_required";
    /** 403: the password is temporary: log in again with {@link LoginRequest#newPassword()}. */
    public static final String PASSWORD_CHANGE_REQUIRED = "password_change_required";
    /** 400: the new password does not follow {@link Passwords}. */
    public static final String WEAK_PASSWORD = "weak_password";
    /** 403: this device was revoked: push what it holds, then wipe its store. */
    public static final String DEVICE_REVOKED = "device_revoked";
    /** 401: the account was disabled. */
    public static final String ACCOUNT_DISABLED = "account_disabled";
    /** 429: too many failures from this source: wait. */
    public static final String TOO_MANY_ATTEMPTS = "too_many_attempts";

    /**
     * How long a revoked device may still push what it holds (its pull is refused at once): after this, every
     * request from it is refused and it wipes its store on its first contact anyway.
     */
    public static final Duration WIPE_DEADLINE = Duration.ofHours(72);

    /** TOTP parameters (RFC 6238): SHA-1, 6 digits, 30 s steps, one step of drift either way. */
    public static final int TOTP_DIGITS = 6;

    public static final int TOTP_PERIOD_SECONDS = 30;
    public static final String TOTP_ISSUER = "Médiance";

    /**
     * The known second-factor secret of the demo's office and admin accounts ({@code --demo} only, never for real
     * use): the README and {@code ./run} say how to get its codes. Real accounts enrol their own at first login.
     */
    public static final String DEMO_TOTP_SECRET = "JVSWI2LBNZRWKIDEMVWW6IDCOVZGKYLV";

    private Accounts() {}

    /** Office and admin accounts must sign in with a second factor. */
    public static boolean secondFactorRequired(Role role) {
        return role == Role.OFFICE || role == Role.ADMIN;
    }

    /** Whether an account of role {@code caller} may manage accounts of role {@code target} (same structure). */
    public static boolean mayManage(Role caller, Role target) {
        if (caller == Role.ADMIN) {
            return target != null;
        }
        return caller == Role.OFFICE && target == Role.COUNSELLOR;
    }

    /** Whether this role may open the accounts screen. */
    public static boolean managesAccounts(Role role) {
        return role == Role.ADMIN || role == Role.OFFICE;
    }

    /** A TOTP code as typed (spaces allowed between digits), or null if it is not 6 digits. */
    public static String normaliseTotp(String code) {
        if (code == null) {
            return null;
        }
        String digits = code.replace(" ", "");
        return digits.matches("[0-9]{" + TOTP_DIGITS + "}") ? digits : null;
    }
}
