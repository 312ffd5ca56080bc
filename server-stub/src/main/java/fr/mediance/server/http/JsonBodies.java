package fr.mediance.server.http;

import com.google.gson.JsonParseException;
import fr.mediance.protocol.FieldErrorDto;
import fr.mediance.protocol.Limits;
import fr.mediance.protocol.json.MedianceJson;
import fr.mediance.protocol.json.WireFormatException;
import fr.mediance.server.DomainException;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a JSON request body: checks the content type, enforces {@link Limits#MAX_JSON_BODY_BYTES} on the
 * declared length and on the bytes actually received (a chunked body has no declared length), and turns
 * every decoding failure into a French 400 that says what is wrong and where.
 */
public final class JsonBodies {
    /** How far past the limit a body is still read (and thrown away) before answering 413. */
    private static final int DRAIN_FACTOR = 4;

    private static final Pattern POSITION = Pattern.compile("line (\\d+) column (\\d+)");

    private JsonBodies() {}

    public static <T> T read(Context ctx, Class<T> type) {
        requireJsonContentType(ctx);
        String text = new String(readLimited(ctx, Limits.MAX_JSON_BODY_BYTES), StandardCharsets.UTF_8);
        if (text.isBlank()) {
            throw DomainException.invalid("empty_body", "Le corps de la requête est vide : un objet JSON est attendu.");
        }
        return parse(text, type);
    }

    static <T> T parse(String text, Class<T> type) {
        try {
            T value = MedianceJson.gson().fromJson(text, type);
            if (value == null) {
                throw DomainException.invalid("malformed_json", "Un objet JSON est attendu.");
            }
            return value;
        } catch (WireFormatException e) {
            String field = e.field();
            throw new DomainException(
                    DomainException.Kind.INVALID,
                    "invalid_request",
                    e.getMessage(),
                    List.of(new FieldErrorDto(field.isEmpty() ? null : field, e.getMessage())));
        } catch (JsonParseException | IllegalStateException | NumberFormatException e) {
            throw DomainException.invalid("malformed_json", malformedMessage(e));
        }
    }

    private static String malformedMessage(RuntimeException e) {
        Matcher m = POSITION.matcher(String.valueOf(e.getMessage()));
        if (m.find()) {
            return "Le JSON est mal formé (ligne " + m.group(1) + ", colonne " + m.group(2) + ").";
        }
        return "Le JSON est mal formé.";
    }

    private static void requireJsonContentType(Context ctx) {
        String contentType = ctx.contentType();
        String media =
                contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!media.equals("application/json")) {
            throw new DomainException(
                    DomainException.Kind.UNSUPPORTED_MEDIA_TYPE,
                    "unsupported_media_type",
                    "Le corps de la requête doit être du JSON (en-tête Content-Type: application/json).");
        }
    }

    /**
     * The body's bytes, refusing more than {@code max} whatever the declared length says. A body somewhat over
     * the limit is read to its end before the refusal, so that the client gets the 413 instead of a connection
     * reset in the middle of its upload; a body declared far larger is refused at once.
     */
    public static byte[] readLimited(Context ctx, int max) {
        long declared = ctx.req().getContentLengthLong();
        long drainLimit = (long) max * DRAIN_FACTOR;
        if (declared > drainLimit || (declared > max && Bodies.expectsContinue(ctx))) {
            // refused before the first read: a client waiting for 100 Continue gets the 413 instead, sends nothing
            throw tooLarge(max);
        }
        try (InputStream in = ctx.req().getInputStream()) {
            ByteArrayOutputStream out =
                    new ByteArrayOutputStream(declared > 0 && declared <= max ? (int) declared : 8192);
            byte[] buffer = new byte[8192];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) != -1) {
                total += n;
                if (total > drainLimit) {
                    break;
                }
                if (total <= max) {
                    out.write(buffer, 0, n);
                }
            }
            if (total > max) {
                throw tooLarge(max);
            }
            return out.toByteArray();
        } catch (BodyDeadline.Exceeded e) {
            throw BodyDeadline.timeout();
        } catch (IOException e) {
            // the client's connection broke while sending
            throw DomainException.invalid("body_interrupted", "Le corps de la requête n'a pas été reçu en entier.");
        }
    }

    private static DomainException tooLarge(int max) {
        return DomainException.tooLarge(
                "body_too_large",
                "Le corps de la requête dépasse la taille maximale de "
                        + String.format(Locale.FRANCE, "%,d", max)
                                .replace('\u202f', ' ')
                                .replace('\u00a0', ' ')
                        + " octets.");
    }
}
