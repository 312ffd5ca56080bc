package fr.mediance.app.core.store;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The few primitives of the client, all from the JDK: AES-256-GCM, PBKDF2-HMAC-SHA256, SHA-256,
 * HMAC-SHA256. An encrypted value is {@code iv (12 bytes) || ciphertext || tag (16 bytes)}.
 */
public final class Crypto {
    public static final int IV_BYTES = 12;
    public static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private Crypto() {}

    public static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    /** Encrypts with AES-GCM under a fresh random IV; {@code aad} (may be null) is authenticated, not stored. */
    public static byte[] encrypt(byte[] key, byte[] plaintext, byte[] aad) {
        try {
            byte[] iv = randomBytes(IV_BYTES);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, iv));
            if (aad != null) {
                c.updateAAD(aad);
            }
            byte[] ct = c.doFinal(plaintext);
            return ByteBuffer.allocate(iv.length + ct.length).put(iv).put(ct).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /**
     * Decrypts a value made by {@link #encrypt}. A wrong key or altered bytes give a {@link StoreException}
     * of kind {@link StoreException.Kind#WRONG_KEY}.
     */
    public static byte[] decrypt(byte[] key, byte[] sealed, byte[] aad) {
        if (sealed.length < IV_BYTES + TAG_BITS / 8) {
            throw new StoreException(StoreException.Kind.CORRUPTED, "encrypted value too short");
        }
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(
                    Cipher.DECRYPT_MODE,
                    new SecretKeySpec(key, "AES"),
                    new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
            if (aad != null) {
                c.updateAAD(aad);
            }
            return c.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
        } catch (AEADBadTagException e) {
            throw new StoreException(StoreException.Kind.WRONG_KEY, "authentication tag mismatch", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /**
     * PBKDF2-HMAC-SHA256 of {@code secret} (as UTF-8), 256-bit output: the same bytes as the JDK's
     * {@code PBKDF2WithHmacSHA256}, computed with the HMAC's inner and outer key blocks hashed once instead of at
     * every iteration (RFC 2104 allows it): each iteration then costs two SHA-256 blocks instead of four, so the
     * PIN's iterations take about half the time with the same work for an attacker's dedicated implementation,
     * which does this already.
     */
    public static byte[] pbkdf2(char[] secret, byte[] salt, int iterations) {
        if (secret == null || secret.length == 0 || salt == null || salt.length == 0 || iterations < 1) {
            return jdkPbkdf2(secret, salt, iterations); // the JDK's refusals, unchanged
        }
        ByteBuffer encoded = java.nio.charset.StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(secret));
        byte[] key = new byte[encoded.remaining()];
        encoded.get(key);
        if (encoded.hasArray()) {
            Arrays.fill(encoded.array(), (byte) 0);
        }
        try {
            MessageDigest inner = MessageDigest.getInstance("SHA-256");
            MessageDigest outer = MessageDigest.getInstance("SHA-256");
            if (key.length > HMAC_BLOCK) {
                byte[] hashed = inner.digest(key);
                wipe(key);
                key = hashed;
            }
            byte[] pad = new byte[HMAC_BLOCK];
            for (int i = 0; i < HMAC_BLOCK; i++) {
                pad[i] = (byte) ((i < key.length ? key[i] : 0) ^ 0x36);
            }
            inner.update(pad);
            for (int i = 0; i < HMAC_BLOCK; i++) {
                pad[i] = (byte) ((i < key.length ? key[i] : 0) ^ 0x5c);
            }
            outer.update(pad);
            wipe(pad);
            wipe(key);
            // U1 = HMAC(P, salt || INT(1)); Un = HMAC(P, Un-1); the key is U1 ^ U2 ^ ... ^ Uc
            MessageDigest in = (MessageDigest) inner.clone();
            in.update(salt);
            in.update(new byte[] {0, 0, 0, 1});
            byte[] u = new byte[32];
            in.digest(u, 0, 32);
            MessageDigest out = (MessageDigest) outer.clone();
            out.update(u);
            out.digest(u, 0, 32);
            byte[] result = u.clone();
            for (int n = 1; n < iterations; n++) {
                nextU(inner, outer, u, result);
            }
            wipe(u);
            return result;
        } catch (GeneralSecurityException | CloneNotSupportedException e) {
            throw new IllegalStateException("PBKDF2 unavailable", e);
        }
    }

    private static final int HMAC_BLOCK = 64;

    /**
     * One iteration: {@code u} becomes HMAC(P, u) from the hashed key blocks, and is XOR-ed into {@code result}. A
     * method of its own so that the JIT compiles it early (during the warm-up at start-up), not only the loop.
     */
    private static void nextU(MessageDigest inner, MessageDigest outer, byte[] u, byte[] result)
            throws GeneralSecurityException, CloneNotSupportedException {
        MessageDigest in = (MessageDigest) inner.clone();
        in.update(u);
        in.digest(u, 0, 32);
        MessageDigest out = (MessageDigest) outer.clone();
        out.update(u);
        out.digest(u, 0, 32);
        for (int i = 0; i < 32; i++) {
            result[i] ^= u[i];
        }
    }

    /** The JDK's PBKDF2WithHmacSHA256 (the reference the fast path is tested against). */
    static byte[] jdkPbkdf2(char[] secret, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(secret, salt, iterations, 256);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(spec)
                    .getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2 unavailable", e);
        } finally {
            spec.clearPassword();
        }
    }

    public static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SHA-256 as lowercase hex, the form used on the wire. */
    public static String sha256Hex(byte[] data) {
        return HEX.formatHex(sha256(data));
    }

    public static byte[] hmacSha256(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String hex(byte[] data) {
        return HEX.formatHex(data);
    }

    public static void wipe(byte[] b) {
        if (b != null) {
            Arrays.fill(b, (byte) 0);
        }
    }

    public static void wipe(char[] c) {
        if (c != null) {
            Arrays.fill(c, '\0');
        }
    }

    /** Whether {@code s} looks like a SHA-256 in lowercase hex. */
    public static boolean isSha256Hex(String s) {
        if (s == null || s.length() != 64) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (!((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f'))) {
                return false;
            }
        }
        return true;
    }
}
