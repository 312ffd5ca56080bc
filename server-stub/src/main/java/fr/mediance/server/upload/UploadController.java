package fr.mediance.server.upload;

import fr.mediance.protocol.ApiPaths;
import fr.mediance.protocol.Limits;
import fr.mediance.protocol.Role;
import fr.mediance.protocol.Tus;
import fr.mediance.server.DomainException;
import fr.mediance.server.auth.AuthUser;
import fr.mediance.server.auth.Authenticator;
import fr.mediance.server.http.Bodies;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * tus 1.0.0 on {@link ApiPaths#UPLOADS} (OPTIONS, POST) and {@link ApiPaths#UPLOAD} (HEAD, PATCH, DELETE).
 * Every answer carries {@code Tus-Resumable}; every request but OPTIONS must send it. Bodies are streamed
 * to disk, never held in memory.
 */
public final class UploadController {
    /** IMF-fixdate (RFC 9110), as tus wants for {@code Upload-Expires}. */
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern(
                    "EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final UploadService uploads;
    private final Authenticator authenticator;

    public UploadController(UploadService uploads, Authenticator authenticator) {
        this.uploads = uploads;
        this.authenticator = authenticator;
    }

    public void routes(RoutesConfig r) {
        r.before(ctx -> {
            String path = ctx.path();
            if (path.equals(ApiPaths.UPLOADS) || path.startsWith(ApiPaths.UPLOADS + "/")) {
                ctx.header(Tus.TUS_RESUMABLE, Tus.VERSION);
            }
        });
        r.options(ApiPaths.UPLOADS, this::options);
        r.options(ApiPaths.UPLOAD, this::options);
        r.post(ApiPaths.UPLOADS, this::create);
        r.head(ApiPaths.UPLOAD, this::head);
        r.patch(ApiPaths.UPLOAD, this::append);
        r.delete(ApiPaths.UPLOAD, this::terminate);
    }

    /** What the server speaks and its limits; no account needed. */
    private void options(Context ctx) {
        ctx.header(Tus.TUS_VERSION, Tus.VERSION);
        ctx.header(Tus.TUS_EXTENSION, Tus.EXTENSIONS);
        ctx.header(Tus.TUS_MAX_SIZE, Long.toString(Limits.MAX_BLOB_BYTES));
        ctx.header(Tus.TUS_CHECKSUM_ALGORITHM, Tus.CHECKSUM_ALGORITHMS);
        ctx.header(Tus.CHUNK_SIZE, Integer.toString(Limits.DEFAULT_CHUNK_BYTES));
        ctx.header(Tus.MAX_CHUNK_SIZE, Integer.toString(Limits.MAX_CHUNK_BYTES));
        ctx.status(204);
    }

    private void create(Context ctx) {
        try {
            doCreate(ctx);
        } catch (DomainException refused) {
            drain(ctx);
            throw refused;
        }
    }

    private void doCreate(Context ctx) {
        TusHeaders.requireVersion(ctx.header(Tus.TUS_RESUMABLE));
        AuthUser user = authenticator.requireWhileRevoked(ctx, Role.COUNSELLOR, Role.COORDINATOR, Role.ADMIN);
        UploadService.State s = uploads.create(
                user,
                ctx.header(Tus.UPLOAD_LENGTH),
                ctx.header(Tus.UPLOAD_METADATA),
                ctx.contentType(),
                ctx.req().getContentLengthLong(),
                ctx.header(Tus.UPLOAD_CHECKSUM),
                body(ctx));
        ctx.header("Location", ApiPaths.UPLOADS + "/" + s.id());
        ctx.header(Tus.UPLOAD_OFFSET, Long.toString(s.offset()));
        ctx.header(Tus.UPLOAD_EXPIRES, HTTP_DATE.format(s.expires()));
        ctx.status(201);
    }

    private void head(Context ctx) {
        TusHeaders.requireVersion(ctx.header(Tus.TUS_RESUMABLE));
        AuthUser user = authenticator.requireWhileRevoked(ctx, Role.values());
        UploadService.State s = uploads.status(user, ctx.pathParam(ApiPaths.PARAM_UPLOAD_ID));
        ctx.header("Cache-Control", "no-store");
        ctx.header(Tus.UPLOAD_OFFSET, Long.toString(s.offset()));
        ctx.header(Tus.UPLOAD_LENGTH, Long.toString(s.length()));
        if (s.metadata() != null && !s.metadata().isBlank()) {
            ctx.header(Tus.UPLOAD_METADATA, s.metadata());
        }
        ctx.header(Tus.UPLOAD_EXPIRES, HTTP_DATE.format(s.expires()));
        ctx.status(200);
    }

    private void append(Context ctx) {
        try {
            doAppend(ctx);
        } catch (DomainException refused) {
            drain(ctx);
            throw refused;
        }
    }

    private void doAppend(Context ctx) {
        TusHeaders.requireVersion(ctx.header(Tus.TUS_RESUMABLE));
        AuthUser user = authenticator.requireWhileRevoked(ctx, Role.values());
        UploadService.State s = uploads.append(
                user,
                ctx.pathParam(ApiPaths.PARAM_UPLOAD_ID),
                ctx.header(Tus.UPLOAD_OFFSET),
                ctx.contentType(),
                ctx.req().getContentLengthLong(),
                ctx.header(Tus.UPLOAD_CHECKSUM),
                body(ctx));
        ctx.header(Tus.UPLOAD_OFFSET, Long.toString(s.offset()));
        ctx.header(Tus.UPLOAD_EXPIRES, HTTP_DATE.format(s.expires()));
        ctx.status(204);
    }

    private void terminate(Context ctx) {
        TusHeaders.requireVersion(ctx.header(Tus.TUS_RESUMABLE));
        AuthUser user = authenticator.requireWhileRevoked(ctx, Role.values());
        uploads.terminate(user, ctx.pathParam(ApiPaths.PARAM_UPLOAD_ID));
        ctx.status(204);
    }

    /**
     * Reads what is left of a refused request's body (at most a chunk), so that the client, still sending, gets the
     * refusal instead of a connection reset. A client that asked {@code Expect: 100-continue} has sent nothing yet
     * and sends nothing; a body declared larger than a chunk is not read either (the connection then closes).
     */
    private static void drain(Context ctx) {
        String expect = ctx.header("Expect");
        long declared = ctx.req().getContentLengthLong();
        if ((expect != null && expect.toLowerCase(Locale.ROOT).contains("100-continue"))
                || declared > UploadService.MAX_CHUNK_BYTES) {
            return;
        }
        try {
            InputStream in = ctx.req().getInputStream();
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            int n;
            while (total <= UploadService.MAX_CHUNK_BYTES && (n = in.read(buffer)) != -1) {
                total += n;
            }
        } catch (IOException | RuntimeException gone) {
            // the client is gone or the body was already read: nothing more to do
        }
    }

    /** The request body, read only when the service decides to (so a refusal comes before the bytes). */
    private static InputStream body(Context ctx) {
        return Bodies.lazy(ctx);
    }
}
