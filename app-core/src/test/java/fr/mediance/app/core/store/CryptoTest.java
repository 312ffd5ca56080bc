package fr.mediance.app.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CryptoTest {

    @Test
    void pbkdf2GivesTheRfcVector() {
        // RFC 7914 §11: PBKDF2-HMAC-SHA-256 (P="passwd", S="salt", c=1), first 32 bytes
        assertThat(HexFormat.of()
                        .formatHex(
                                Crypto.pbkdf2("passwd".toCharArray(), "salt".getBytes(StandardCharsets.US_ASCII), 1)))
                .isEqualTo("55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc");
    }

    @Test
    void pbkdf2GivesTheSameBytesAsTheJdkForPinsPasswordsAndSalts() {
        Random random = new Random(42);
        String[] secrets = {
            "604218", "0000", "Mot de passe très long é à ç ✓ 🔑", "x".repeat(64), "y".repeat(65), "z".repeat(200)
        };
        int[] iterations = {1, 2, 3, 1000, 20_000};
        for (String secret : secrets) {
            for (int c : iterations) {
                byte[] salt = new byte[1 + random.nextInt(40)];
                random.nextBytes(salt);
                assertThat(Crypto.pbkdf2(secret.toCharArray(), salt, c))
                        .as("%s, %d iterations", secret, c)
                        .isEqualTo(Crypto.jdkPbkdf2(secret.toCharArray(), salt, c));
            }
        }
    }

    @Test
    void pbkdf2RefusesWhatTheJdkRefuses() {
        assertThatThrownBy(() -> Crypto.pbkdf2("1234".toCharArray(), new byte[0], 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Crypto.pbkdf2("1234".toCharArray(), new byte[16], 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
