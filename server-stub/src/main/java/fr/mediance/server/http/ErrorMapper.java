package fr.mediance.server.http;

import fr.mediance.protocol.FieldErrorDto;
import fr.mediance.protocol.ProblemDto;
import fr.mediance.protocol.Problems;
import fr.mediance.protocol.json.MedianceJson;
import fr.mediance.server.DomainException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become HTTP answers: {@code application/problem+json} with a stable
 * {@code code} and French {@code title}/{@code detail}. Nothing internal (class names, stack traces, SQL)
 * ever reaches the body; unexpected exceptions are logged here and answered with a generic 500.
 */
public final class ErrorMapper {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

    public void register(RoutesConfig routes) {
        routes.exception(DomainException.class, (e, ctx) -> {
            e.headers().forEach(ctx::header);
            write(ctx, status(e.kind()), e.code(), e.getMessage(), e.errors());
        });
        routes.exception(HttpResponseException.class, this::frameworkFailure);
        routes.exception(Exception.class, this::unexpected);
    }

    private void frameworkFailure(HttpResponseException e, Context ctx) {
        switch (e.getStatus()) {
            case 404 -> write(ctx, 404, Problems.NOT_FOUND, "Aucune ressource à cette adresse.", List.of());
            case 405 ->
                write(
                        ctx,
                        405,
                        Problems.METHOD_NOT_ALLOWED,
                        "Cette méthode HTTP n'est pas acceptée à cette adresse.",
                        List.of());
            case 413 ->
                write(ctx, 413, Problems.BODY_TOO_LARGE, "Le corps de la requête est trop volumineux.", List.of());
            case 400 -> write(ctx, 400, Problems.BAD_REQUEST, "La requête est invalide.", List.of());
            case 401 -> write(ctx, 401, Problems.UNAUTHENTICATED, "Authentification requise.", List.of());
            case 403 -> write(ctx, 403, Problems.FORBIDDEN, "Accès refusé.", List.of());
            default -> {
                if (e.getStatus() >= 500) {
                    LOG.error("HTTP {} on {} {}", e.getStatus(), ctx.method(), SecretPaths.masked(ctx.path()), e);
                    write(ctx, 500, Problems.INTERNAL_ERROR, GENERIC_500, List.of());
                } else {
                    write(
                            ctx,
                            e.getStatus(),
                            "http_" + e.getStatus(),
                            "La requête n'a pas pu être traitée.",
                            List.of());
                }
            }
        }
    }

    private static final String GENERIC_500 =
            "Une erreur inattendue s'est produite sur le serveur. Réessayez plus tard ; si le problème persiste, "
                    + "prévenez l'administrateur.";

    private void unexpected(Exception e, Context ctx) {
        LOG.error("unexpected error on {} {}", ctx.method(), SecretPaths.masked(ctx.path()), e);
        write(ctx, 500, Problems.INTERNAL_ERROR, GENERIC_500, List.of());
    }

    static int status(DomainException.Kind kind) {
        return switch (kind) {
            case INVALID -> 400;
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case TOO_LARGE -> 413;
            case UNSUPPORTED_MEDIA_TYPE -> 415;
            case UNPROCESSABLE -> 422;
            case LOCKED -> 429;
            case CONFLICT -> 409;
            case GONE -> 410;
            case PRECONDITION_FAILED -> 412;
            case BUSY -> 423;
            case CHECKSUM_MISMATCH -> 460;
            case TIMEOUT -> 408;
            case UNAVAILABLE -> 503;
        };
    }

    static void write(Context ctx, int status, String code, String detail, List<FieldErrorDto> errors) {
        if (status == 401) {
            ctx.header("WWW-Authenticate", "Bearer");
        }
        if (status == 408) {
            ctx.header("Connection", "close");
        }
        ProblemDto problem = new ProblemDto(
                Problems.type(code),
                Problems.title(status),
                status,
                detail,
                SecretPaths.masked(ctx.path()),
                code,
                errors);
        ctx.status(status)
                .contentType(ProblemDto.MEDIA_TYPE + "; charset=utf-8")
                .result(MedianceJson.gson().toJson(problem));
    }
}
