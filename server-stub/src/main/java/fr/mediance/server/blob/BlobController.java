package fr.mediance.server.blob;

import fr.mediance.protocol.ApiPaths;
import fr.mediance.protocol.BlobReceiptDto;
import fr.mediance.protocol.BlobsHeldRequest;
import fr.mediance.protocol.Role;
import fr.mediance.server.auth.AuthUser;
import fr.mediance.server.auth.Authenticator;
import fr.mediance.server.http.Bodies;
import fr.mediance.server.http.JsonBodies;
import fr.mediance.server.http.Responses;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * {@code PUT|HEAD|GET /api/v1/blobs/{sha256}}, {@code GET .../thumbnail}, and {@code POST /api/v1/blobs/held}
 * (which of a batch of blobs the server holds, asked once before uploading them). The upload body is streamed,
 * never held in memory.
 */
public final class BlobController {
    private final BlobService blobs;
    private final Authenticator authenticator;
    private final BlobReadAudit audit;

    public BlobController(BlobService blobs, Authenticator authenticator) {
        this(blobs, authenticator, null);
    }

    /** {@code audit}: told of every file or thumbnail served (null: nobody is). */
    public BlobController(BlobService blobs, Authenticator authenticator, BlobReadAudit audit) {
        this.blobs = blobs;
        this.authenticator = authenticator;
        this.audit = audit;
    }

    /** Told when a blob's bytes or thumbnail are served to a caller (the audit log). */
    @FunctionalInterface
    public interface BlobReadAudit {
        void served(AuthUser user, String sha256, boolean thumbnail);
    }

    public void routes(RoutesConfig r) {
        r.put(ApiPaths.BLOB, this::put);
        r.head(ApiPaths.BLOB, this::head);
        r.get(ApiPaths.BLOB, this::get);
        r.get(ApiPaths.BLOB_THUMBNAIL, this::thumbnail);
        r.post(ApiPaths.BLOBS_HELD, this::held);
    }

    // A revoked device may still send its files until its wipe deadline (PUT, HEAD, held), never read one (GET).
    private void put(Context ctx) {
        AuthUser user = authenticator.requireWhileRevoked(ctx, Role.COUNSELLOR, Role.COORDINATOR, Role.ADMIN);
        // the body is opened only once the request is accepted: a refusal comes before any 100 Continue
        BlobReceiptDto receipt = blobs.put(
                user,
                ctx.pathParam(ApiPaths.PARAM_SHA256),
                ctx.header(ApiPaths.HEADER_CONTENT_SHA256),
                ctx.req().getContentLengthLong(),
                Bodies.lazy(ctx));
        Responses.json(ctx, receipt.created() ? 201 : 200, receipt);
    }

    private void head(Context ctx) {
        AuthUser user = authenticator.requireWhileRevoked(ctx, Role.values());
        ctx.status(blobs.exists(user, ctx.pathParam(ApiPaths.PARAM_SHA256)) ? 200 : 404);
    }

    private void held(Context ctx) {
        AuthUser user = authenticator.requireWhileRevoked(ctx, Role.COUNSELLOR, Role.COORDINATOR, Role.ADMIN);
        BlobsHeldRequest request = JsonBodies.read(ctx, BlobsHeldRequest.class);
        Responses.ok(ctx, blobs.held(user, request.sha256s()));
    }

    private void get(Context ctx) {
        AuthUser user = authenticator.requireAny(ctx);
        BlobService.Download d = blobs.download(user, ctx.pathParam(ApiPaths.PARAM_SHA256));
        String sha = ctx.pathParam(ApiPaths.PARAM_SHA256);
        if (audit != null) {
            audit.served(user, sha, false);
        }
        ctx.disableCompression();
        ctx.header("Content-Length", Long.toString(d.sizeBytes()));
        ctx.header("Cache-Control", "private, no-store");
        ctx.header("Content-Disposition", SafeTypes.disposition(d.mimeType(), sha));
        ctx.contentType(SafeTypes.served(d.mimeType())).result(d.bytes());
    }

    private void thumbnail(Context ctx) {
        AuthUser user = authenticator.requireAny(ctx);
        BlobService.Download d = blobs.thumbnail(user, ctx.pathParam(ApiPaths.PARAM_SHA256));
        if (audit != null) {
            audit.served(user, ctx.pathParam(ApiPaths.PARAM_SHA256), true);
        }
        ctx.header("Content-Length", Long.toString(d.sizeBytes()));
        ctx.header("Cache-Control", "private, no-store");
        ctx.header(
                "Content-Disposition",
                SafeTypes.disposition("image/jpeg", ctx.pathParam(ApiPaths.PARAM_SHA256) + "-apercu"));
        ctx.contentType("image/jpeg").result(d.bytes());
    }
}
