package fr.mediance.server.upload;

import fr.mediance.protocol.Tus;
import fr.mediance.server.DomainException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Decoding of the tus request headers, strict: anything malformed is a 400 with a French message naming the
 * header, never a server error. Pure functions, fuzzed by {@code TusHeadersFuzzTest}.
 */
public final class TusHeaders {
    /** Longest {@code Upload-Metadata} header accepted, and most pairs in it. */
    static final int MAX_METADATA_CHARS = 4096;

    static final int MAX_METADATA_PAIRS = 16;
    static final int MAX_FILENAME = 255;
    static final int MAX_FILETYPE = 100;

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern FILETYPE = Pattern.compile("[a-z0-9][a-z0-9.+-]*/[a-z0-9][a-z0-9.+-]*");
    private static final Pattern UPLOAD_ID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private TusHeaders() {}

    /** A chunk checksum: the algorithm's Java name and the expected digest. */
    public record Checksum(String algorithm, byte[] digest) {
        /** The name for {@link java.security.MessageDigest#getInstance}. */
        public String javaName() {
            return algorithm.equals("sha1") ? "SHA-1" : "SHA-256";
        }
    }

    /** What a creation's metadata must and may say. */
    public record Metadata(String sha256, String filetype, String filename, Map<String, String> all) {}

    /** {@code Tus-Resumable} of a request: only 1.0.0 is spoken here. */
    public static void requireVersion(String header) {
        if (!Tus.VERSION.equals(header)) {
            throw new DomainException(
                            DomainException.Kind.PRECONDITION_FAILED,
                            "tus_version_unsupported",
                            "Ce serveur parle le protocole d'envoi tus " + Tus.VERSION + " : envoyez l'en-tête « "
                                    + Tus.TUS_RESUMABLE + ": " + Tus.VERSION + " ».")
                    .withHeader(Tus.TUS_VERSION, Tus.VERSION);
        }
    }

    /** {@code Upload-Offset} or {@code Upload-Length}: a non-negative decimal integer. */
    public static long nonNegative(String header, String name, String code) {
        if (header == null
                || header.isEmpty()
                || header.length() > 19
                || !header.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            throw DomainException.invalid(code, "L'en-tête « " + name + " » doit être un nombre entier positif.");
        }
        try {
            return Long.parseLong(header);
        } catch (NumberFormatException e) {
            throw DomainException.invalid(code, "L'en-tête « " + name + " » est trop grand.");
        }
    }

    /** {@code Upload-Checksum: <algorithm> <base64>}, or null when absent. */
    public static Checksum checksum(String header) {
        if (header == null) {
            return null;
        }
        int space = header.indexOf(' ');
        if (space <= 0 || space != header.lastIndexOf(' ')) {
            throw DomainException.invalid(
                    "invalid_upload_checksum",
                    "L'en-tête « " + Tus.UPLOAD_CHECKSUM + " » doit avoir la forme « sha256 <empreinte en base64> ».");
        }
        String algorithm = header.substring(0, space).toLowerCase(Locale.ROOT);
        int expectedBytes;
        if (algorithm.equals("sha256")) {
            expectedBytes = 32;
        } else if (algorithm.equals("sha1")) {
            expectedBytes = 20;
        } else {
            throw DomainException.invalid(
                    "unsupported_checksum_algorithm",
                    "Algorithme de somme de contrôle non " + "pris en charge : utilisez « " + Tus.CHECKSUM_ALGORITHMS
                            + " ».");
        }
        byte[] digest = base64(header.substring(space + 1), "invalid_upload_checksum", Tus.UPLOAD_CHECKSUM);
        if (digest.length != expectedBytes) {
            throw DomainException.invalid(
                    "invalid_upload_checksum",
                    "L'empreinte de l'en-tête « " + Tus.UPLOAD_CHECKSUM + " » n'a pas la longueur de l'algorithme "
                            + algorithm + ".");
        }
        return new Checksum(algorithm, digest);
    }

    /**
     * {@code Upload-Metadata}: comma-separated pairs {@code key base64value} (the value may be absent), keys
     * unique. Values must be UTF-8. {@code sha256} is required here (lowercase hex); {@code filetype} and
     * {@code filename} are checked when present.
     */
    public static Metadata metadata(String header) {
        Map<String, String> pairs = pairs(header);
        String sha = pairs.get(Tus.META_SHA256);
        if (sha == null || !SHA256_HEX.matcher(sha).matches()) {
            throw DomainException.invalid(
                    "invalid_upload_metadata",
                    "L'en-tête « " + Tus.UPLOAD_METADATA
                            + " » doit donner « " + Tus.META_SHA256
                            + " » : l'empreinte SHA-256 du fichier en 64 caractères "
                            + "hexadécimaux minuscules (encodée en base64).");
        }
        String filetype = pairs.get(Tus.META_FILETYPE);
        if (filetype != null
                && (filetype.length() > MAX_FILETYPE
                        || !FILETYPE.matcher(filetype).matches())) {
            throw DomainException.invalid(
                    "invalid_upload_metadata",
                    "Le type « " + Tus.META_FILETYPE + " » doit être de la forme image/jpeg.");
        }
        String filename = pairs.get(Tus.META_FILENAME);
        if (filename != null
                && (filename.length() > MAX_FILENAME || filename.chars().anyMatch(Character::isISOControl))) {
            throw DomainException.invalid(
                    "invalid_upload_metadata",
                    "Le nom « " + Tus.META_FILENAME + " » doit faire au plus " + MAX_FILENAME
                            + " caractères, sans caractère de contrôle.");
        }
        return new Metadata(sha, filetype, filename, pairs);
    }

    static Map<String, String> pairs(String header) {
        if (header == null || header.isBlank()) {
            return Map.of();
        }
        if (header.length() > MAX_METADATA_CHARS) {
            throw badMetadata("trop long (au plus " + MAX_METADATA_CHARS + " caractères)");
        }
        String[] items = header.split(",", -1);
        if (items.length > MAX_METADATA_PAIRS) {
            throw badMetadata("trop de paires (au plus " + MAX_METADATA_PAIRS + ")");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String raw : items) {
            String item = raw.strip();
            int space = item.indexOf(' ');
            String key = space < 0 ? item : item.substring(0, space);
            String value = space < 0 ? "" : item.substring(space + 1);
            if (key.isEmpty() || !key.chars().allMatch(ch -> ch > 0x20 && ch < 0x7f && ch != ',')) {
                throw badMetadata("une clé est vide ou contient un caractère interdit");
            }
            if (value.indexOf(' ') >= 0) {
                throw badMetadata("la valeur de « " + key + " » contient une espace");
            }
            byte[] bytes = base64(value, "invalid_upload_metadata", Tus.UPLOAD_METADATA);
            if (out.put(key, utf8(bytes)) != null) {
                throw badMetadata("la clé « " + key + " » apparaît deux fois");
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /** The id in an upload's address, or null if it cannot be one (answered 404 by the caller). */
    public static String uploadId(String text) {
        return text != null && UPLOAD_ID.matcher(text).matches() ? text : null;
    }

    private static byte[] base64(String text, String code, String header) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(code, "Une valeur de l'en-tête « " + header + " » n'est pas du base64.");
        }
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw badMetadata("une valeur n'est pas du texte UTF-8");
        }
    }

    private static DomainException badMetadata(String why) {
        return DomainException.invalid(
                "invalid_upload_metadata", "En-tête « " + Tus.UPLOAD_METADATA + " » invalide : " + why + ".");
    }
}
