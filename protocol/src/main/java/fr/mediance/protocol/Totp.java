package fr.mediance.protocol;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords, RFC 6238 (HMAC-SHA1, {@link Accounts#TOTP_DIGITS} digits, steps of
 * {@link Accounts#TOTP_PERIOD_SECONDS} s), as every authenticator app computes them, with the base32 secrets of
 * RFC 4648 they exchange. Twenty lines of the JDK's HMAC rather than a library: the Java ones bring AWT QR
 * rendering that the mobile builds cannot carry. Checked against the RFC's test vectors.
 */
public final class Totp {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Totp() {}

    /** A new 160-bit secret, base32 (32 characters). */
    public static String newSecret() {
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        return base32(bytes);
    }

    /** The time step of an instant. */
    public static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), Accounts.TOTP_PERIOD_SECONDS);
    }

    /** The code of a base32 secret at a time step. */
    public static String code(String secret, long step) {
        return code(decodeBase32(secret), step, Accounts.TOTP_DIGITS);
    }

    /** The code of a base32 secret now. */
    public static String code(String secret, Instant at) {
        return code(secret, step(at));
    }

    /** RFC 4226 HOTP with HMAC-SHA1. */
    public static String code(byte[] key, long counter, int digits) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            byte[] h =
                    mac.doFinal(java.nio.ByteBuffer.allocate(8).putLong(counter).array());
            int offset = h[h.length - 1] & 0x0f;
            int binary = ((h[offset] & 0x7f) << 24)
                    | ((h[offset + 1] & 0xff) << 16)
                    | ((h[offset + 2] & 0xff) << 8)
                    | (h[offset + 3] & 0xff);
            int mod = (int) Math.pow(10, digits);
            return String.format("%0" + digits + "d", binary % mod);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The step among {@code step-1..step+1} whose code is {@code code}, or -1. The caller refuses a step not after
     * the last one it accepted (a code is good once).
     */
    public static long matchingStep(String secret, String code, Instant at) {
        String typed = Accounts.normaliseTotp(code);
        if (typed == null || secret == null) {
            return -1;
        }
        long now = step(at);
        for (long s = now - 1; s <= now + 1; s++) {
            if (java.security.MessageDigest.isEqual(
                    code(secret, s).getBytes(StandardCharsets.US_ASCII), typed.getBytes(StandardCharsets.US_ASCII))) {
                return s;
            }
        }
        return -1;
    }

    /** The otpauth URI an authenticator app reads from a QR code. */
    public static String uri(String secret, String account) {
        String label = enc(Accounts.TOTP_ISSUER) + ":" + enc(account);
        return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + enc(Accounts.TOTP_ISSUER)
                + "&algorithm=SHA1&digits=" + Accounts.TOTP_DIGITS + "&period=" + Accounts.TOTP_PERIOD_SECONDS;
    }

    /** The secret in groups of four, as it is typed by hand. */
    public static String grouped(String secret) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < secret.length(); i += 4) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(secret, i, Math.min(secret.length(), i + 4));
        }
        return b.toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public static String base32(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(ALPHABET.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
        }
        return out.toString();
    }

    public static byte[] decodeBase32(String text) {
        String s = text.replace(" ", "").replace("=", "").toUpperCase(java.util.Locale.ROOT);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : s.toCharArray()) {
            int v = ALPHABET.indexOf(c);
            if (v < 0) {
                throw new IllegalArgumentException("not base32");
            }
            buffer = (buffer << 5) | v;
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }
}
