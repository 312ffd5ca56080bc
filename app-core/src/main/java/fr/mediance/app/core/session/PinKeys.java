package fr.mediance.app.core.session;

import fr.mediance.app.core.store.Crypto;
import fr.mediance.app.core.store.Database;
import java.nio.charset.StandardCharsets;

/**
 * The data key wrapped by a key derived from the PIN: PBKDF2-HMAC-SHA256 (salt of 16 random bytes), then
 * AES-256-GCM. A wrong PIN fails the GCM tag check, so it is detected without touching the database.
 */
final class PinKeys {
    static final String KDF = "PBKDF2-HMAC-SHA256";
    static final int SALT_BYTES = 16;
    private static final byte[] AAD = "mediance data key v1".getBytes(StandardCharsets.US_ASCII);

    private PinKeys() {}

    record Wrapped(byte[] salt, int iterations, byte[] wrappedKey) {}

    static Wrapped wrap(byte[] dataKey, char[] pin, int iterations) {
        byte[] salt = Crypto.randomBytes(SALT_BYTES);
        byte[] kek = Crypto.pbkdf2(pin, salt, iterations);
        try {
            return new Wrapped(salt, iterations, Crypto.encrypt(kek, dataKey, AAD));
        } finally {
            Crypto.wipe(kek);
        }
    }

    /** The data key; a wrong PIN gives a StoreException of kind WRONG_KEY. */
    static byte[] unwrap(char[] pin, byte[] salt, int iterations, byte[] wrappedKey) {
        byte[] kek = Crypto.pbkdf2(pin, salt, iterations);
        try {
            byte[] key = Crypto.decrypt(kek, wrappedKey, AAD);
            if (key.length != Database.KEY_BYTES) {
                throw new IllegalStateException("wrapped key of unexpected length");
            }
            return key;
        } finally {
            Crypto.wipe(kek);
        }
    }
}
