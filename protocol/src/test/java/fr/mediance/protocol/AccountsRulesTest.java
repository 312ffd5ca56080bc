package fr.mediance.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AccountsRulesTest {
    /** RFC 6238 appendix B, SHA-1 (8 digits there; the last 6 are ours). */
    @Test
    void totpMatchesTheRfcTestVectors() {
        byte[] key = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
        assertThat(Totp.code(key, 59 / 30, 8)).isEqualTo("94287082");
        assertThat(Totp.code(key, 1111111109L / 30, 8)).isEqualTo("07081804");
        assertThat(Totp.code(key, 1234567890L / 30, 8)).isEqualTo("89005924");
        assertThat(Totp.code(key, 20000000000L / 30, 8)).isEqualTo("65353130");
        String secret = Totp.base32(key);
        assertThat(secret).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assertThat(Totp.decodeBase32(Totp.grouped(secret))).isEqualTo(key);
        assertThat(Totp.code(secret, Instant.ofEpochSecond(59))).isEqualTo("287082");
    }

    @Test
    void aCodeMatchesItsStepAndTheNeighboursOnly() {
        String secret = Totp.newSecret();
        Instant now = Instant.parse("2026-12-07T10:00:10Z");
        long step = Totp.step(now);
        assertThat(Totp.matchingStep(secret, Totp.code(secret, step), now)).isEqualTo(step);
        assertThat(Totp.matchingStep(secret, Totp.code(secret, step - 1), now)).isEqualTo(step - 1);
        String old = Totp.code(secret, step - 3);
        if (!old.equals(Totp.code(secret, step))
                && !old.equals(Totp.code(secret, step - 1))
                && !old.equals(Totp.code(secret, step + 1))) {
            assertThat(Totp.matchingStep(secret, old, now)).isEqualTo(-1);
        }
        assertThat(Totp.matchingStep(secret, "12a456", now)).isEqualTo(-1);
        String spaced = Totp.code(secret, step).substring(0, 3) + " "
                + Totp.code(secret, step).substring(3);
        assertThat(Totp.matchingStep(secret, spaced, now)).isEqualTo(step);
        assertThat(Totp.uri("ABCD", "bureau"))
                .isEqualTo("otpauth://totp/M%C3%A9diance:bureau?secret=ABCD&issuer=M%C3%A9diance"
                        + "&algorithm=SHA1&digits=6&period=30");
    }

    @Test
    void passwordPolicyFollowsTheCnilRecommendation() {
        assertThat(Passwords.problem("Abcdef12345!", "x")).isNull(); // 12 characters, 4 types
        assertThat(Passwords.problem("Abcdef1234!", "x")).contains("trop faible"); // 11
        assertThat(Passwords.problem("abcdef123456", "x")).contains("trop faible"); // 2 types, 62 bits
        assertThat(Passwords.problem("correcthorsebatter", "x")).isNull(); // 18 lowercase: 84.6 bits
        assertThat(Passwords.problem("Correcthorse1234", "x")).isNull(); // 16 of 62: 95 bits
        assertThat(Passwords.problem("Conseil1-2026!!", "conseil1")).contains("identifiant");
        assertThat(Passwords.problem("aaaaaaaaaaaaaaaaaaaaaaaa", "x")).contains("répète");
        assertThat(Passwords.problem("", "x")).isNotNull();
        // a lone surrogate would be hashed as « ? »: "Abcdef12345!\ud800" and "Abcdef12345!\udfff" alike
        assertThat(Passwords.problem("Abcdef12345!\ud800", "x")).contains("caractère invalide");
        assertThat(Passwords.problem("Abcdef12345!\ud83d\ude00", "x")).isNull(); // an emoji is a whole pair
        assertThat(Passwords.bits("Abcdef12345!")).isGreaterThan(78);
    }

    @Test
    void officeAndAdminNeedTheSecondFactorAndManageAccountsAsDocumented() {
        assertThat(Accounts.secondFactorRequired(Role.OFFICE)).isTrue();
        assertThat(Accounts.secondFactorRequired(Role.ADMIN)).isTrue();
        assertThat(Accounts.secondFactorRequired(Role.COUNSELLOR)).isFalse();
        assertThat(Accounts.secondFactorRequired(Role.COORDINATOR)).isFalse();
        assertThat(Accounts.mayManage(Role.ADMIN, Role.OFFICE)).isTrue();
        assertThat(Accounts.mayManage(Role.OFFICE, Role.COUNSELLOR)).isTrue();
        assertThat(Accounts.mayManage(Role.OFFICE, Role.COORDINATOR)).isFalse();
        assertThat(Accounts.mayManage(Role.COORDINATOR, Role.COUNSELLOR)).isFalse();
        assertThat(Accounts.mayManage(Role.COUNSELLOR, Role.COUNSELLOR)).isFalse();
    }
}
