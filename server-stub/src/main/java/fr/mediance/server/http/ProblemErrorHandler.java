package fr.mediance.server.http;

import fr.mediance.protocol.ProblemDto;
import fr.mediance.protocol.Problems;
import fr.mediance.protocol.json.MedianceJson;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Requests the HTTP layer refuses before the application sees them (a malformed request line or header, an
 * address or headers too long) get a problem document too, like every other refusal, instead of Jetty's HTML page.
 */
public final class ProblemErrorHandler extends ErrorHandler {
    private static final String MEDIA_TYPE = ProblemDto.MEDIA_TYPE + "; charset=utf-8";

    /** Every method gets its problem document (Jetty answers only GET, POST and HEAD with a page by default). */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(
            Request request, Response response, int code, String message, Throwable cause, Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, MEDIA_TYPE);
        SecurityHeaders.ALL.forEach(response.getHeaders()::put);
        response.write(
                true,
                body(
                        code,
                        request.getHttpURI() == null
                                ? null
                                : SecretPaths.masked(request.getHttpURI().getPath())),
                callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(new HttpField(HttpHeader.CONTENT_TYPE, MEDIA_TYPE));
        SecurityHeaders.ALL.forEach(fields::put);
        return body(status, null);
    }

    private static ByteBuffer body(int status, String instance) {
        String code = switch (status) {
            case 400 -> Problems.BAD_REQUEST;
            case 408 -> "request_timeout";
            case 413 -> Problems.BODY_TOO_LARGE;
            case 414 -> "uri_too_long";
            case 431 -> "headers_too_large";
            default -> status >= 500 ? Problems.INTERNAL_ERROR : "http_" + status;
        };
        String detail = switch (status) {
            case 400 -> "La requête HTTP est mal formée.";
            case 408 -> "La requête n'est pas arrivée à temps.";
            case 413 -> "Le corps de la requête est trop volumineux.";
            case 414 -> "L'adresse de la requête est trop longue.";
            case 431 -> "Les en-têtes de la requête sont trop volumineux.";
            default ->
                status >= 500
                        ? "Une erreur inattendue s'est produite sur le serveur. Réessayez plus tard."
                        : "La requête n'a pas pu être traitée.";
        };
        ProblemDto p =
                new ProblemDto(Problems.type(code), Problems.title(status), status, detail, instance, code, List.of());
        return ByteBuffer.wrap(MedianceJson.gson().toJson(p).getBytes(StandardCharsets.UTF_8));
    }
}
