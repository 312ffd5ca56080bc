package fr.mediance.server;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.protocol.ApiPaths;
import fr.mediance.protocol.HealthDto;
import fr.mediance.protocol.Limits;
import fr.mediance.protocol.OpStatus;
import fr.mediance.protocol.ProblemDto;
import fr.mediance.protocol.PushResponse;
import fr.mediance.server.TestServer.Response;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;

class HttpErrorsTest extends DemoServerCase {
    /** Every error is a French problem document, with no trace of the server's insides. */
    private static ProblemDto problem(Response r, int status, String code) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.body()).doesNotContain("Exception", "\tat ", "fr.mediance", "java.", "SQL");
        ProblemDto p = r.problem();
        assertThat(p.status()).isEqualTo(status);
        assertThat(p.code()).isEqualTo(code);
        assertThat(p.title()).isNotBlank();
        assertThat(p.detail()).isNotBlank();
        return p;
    }

    @Test
    void healthAnswersWithoutAuthentication() {
        Response r = server.get(ApiPaths.HEALTH, null);
        HealthDto health = r.as(HealthDto.class);
        assertThat(health.status()).isEqualTo("ok");
        assertThat(health.version()).isNotBlank();
        assertThat(health.time()).isEqualTo(TestServer.START);
    }

    @Test
    void unknownRouteIs404() {
        problem(server.get("/api/v1/nulle-part", server.token("coord")), 404, "not_found");
    }

    @Test
    void wrongMethodIs405() {
        problem(server.send(server.request(ApiPaths.HEALTH, null).DELETE()), 405, "method_not_allowed");
    }

    @Test
    void missingTokenIs401() {
        ProblemDto p = problem(server.get(ApiPaths.ME, null), 401, "unauthenticated");
        assertThat(p.detail()).contains("Authorization");
    }

    @Test
    void unknownTokenIs401() {
        problem(server.get(ApiPaths.ME, "pas-un-vrai-jeton"), 401, "invalid_token");
    }

    @Test
    void theOfficePushesOnlyConflictResolutions() {
        Response r = server.postJson(
                ApiPaths.SYNC_PUSH,
                server.token("bureau"),
                "{\"deviceId\":\"d\",\"operations\":[{\"opId\":\"o1\",\"entity\":\"resident\","
                        + "\"entityId\":\"r1\",\"data\":{\"id\":\"r1\",\"lastName\":\"Martin\"}}]}");
        PushResponse pushed = r.as(PushResponse.class);
        assertThat(pushed.results()).hasSize(1);
        assertThat(pushed.results().get(0).status()).isEqualTo(OpStatus.REJECTED);
        assertThat(pushed.results().get(0).code()).isEqualTo("forbidden");
        assertThat(server.count("SELECT COUNT(*) FROM residents WHERE id = 'r1'"))
                .isZero();
    }

    @Test
    void malformedJsonIs400WithItsPosition() {
        Response r = server.postJson(ApiPaths.LOGIN, null, "{\"username\": \"coord\", \"password\" ");
        ProblemDto p = problem(r, 400, "malformed_json");
        assertThat(p.detail()).contains("ligne 1").contains("colonne");
    }

    @Test
    void wrongShapeIs400NamingTheField() {
        Response r = server.postJson(
                ApiPaths.SYNC_PUSH,
                server.token("coord"),
                "{\"deviceId\":\"d\",\"operations\":[{\"opId\":\"o1\",\"entity\":\"resident\",\"entityId\":\"r1\","
                        + "\"data\":{\"id\":\"r1\"}}]}");
        ProblemDto p = problem(r, 400, "invalid_request");
        assertThat(p.errors()).hasSize(1);
        assertThat(p.errors().get(0).field()).isEqualTo("operations[0].data.lastName");
        assertThat(p.detail()).contains("operations[0].data.lastName").contains("obligatoire");
    }

    @Test
    void emptyBodyIs400() {
        problem(server.postJson(ApiPaths.LOGIN, null, ""), 400, "empty_body");
    }

    @Test
    void bodyOverTheLimitIs413() {
        String big = "{\"username\":\"" + "a".repeat(Limits.MAX_JSON_BODY_BYTES) + "\"}";
        problem(server.postJson(ApiPaths.LOGIN, null, big), 413, "body_too_large");
    }

    @Test
    void aHugeDeclaredBodyIsRefusedBeforeItIsSent() throws Exception {
        try (java.net.Socket s = new java.net.Socket("localhost", server.app.port())) {
            s.getOutputStream()
                    .write(("POST " + ApiPaths.LOGIN + " HTTP/1.1\r\nHost: localhost\r\n"
                                    + "Content-Type: application/json\r\nContent-Length: 50000000\r\nConnection: close\r\n\r\n")
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            String answer = new String(s.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(answer)
                    .startsWith("HTTP/1.1 413")
                    .contains("application/problem+json")
                    .contains("body_too_large");
        }
    }

    @Test
    void chunkedBodyOverTheLimitIs413() {
        byte[] big = ("{\"username\":\"" + "a".repeat(Limits.MAX_JSON_BODY_BYTES) + "\"}").getBytes();
        Response r = server.send(server.request(ApiPaths.LOGIN, null)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))));
        problem(r, 413, "body_too_large");
    }

    @Test
    void wrongContentTypeIs415() {
        Response r = server.send(server.request(ApiPaths.LOGIN, null)
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("coord:secret")));
        problem(r, 415, "unsupported_media_type");
    }

    @Test
    void badLimitIs400() {
        problem(server.get(ApiPaths.SYNC_CHANGES + "?limit=beaucoup", server.token("coord")), 400, "invalid_limit");
    }

    @Test
    void unexpectedFailureIsAGeneric500() {
        String token = server.token("coord");
        server.db.dataSource().close();
        ProblemDto p = problem(server.get(ApiPaths.ME, token), 500, "internal_error");
        assertThat(p.detail()).contains("erreur inattendue");
    }
}
