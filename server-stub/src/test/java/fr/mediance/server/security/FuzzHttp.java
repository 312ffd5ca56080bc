package fr.mediance.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.SilentCloseable;
import fr.mediance.protocol.ProblemDto;
import fr.mediance.protocol.Problems;
import fr.mediance.protocol.Role;
import fr.mediance.protocol.json.MedianceJson;
import fr.mediance.server.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * What the route fuzz tests share: real HTTP to a {@link TestServer} and the invariants of every answer (no 5xx,
 * the security headers, a French problem document on every 4xx, nothing internal in a refusal).
 */
final class FuzzHttp {
    /** What only a leak of the server's insides would put in a body (unless the request itself carried it). */
    static final List<String> INTERNALS = List.of(
            "Exception", "\tat ", "SQL", "java.", "javax.", "jakarta.", "fr.mediance.", "io.javalin", "org.eclipse");
    /** English wording of a framework's message: every message of the product is French. */
    static final List<String> ENGLISH = List.of(
            " error", "Error:", "not found", "Not Found", "Bad Request", "failed", "unexpected", "Internal Server");

    final TestServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    FuzzHttp(TestServer server) {
        this.server = server;
    }

    /** An answer read as text (UTF-8), with its headers. */
    record Answer(int status, String method, java.net.http.HttpHeaders headers, String body, byte[] bytes) {
        String header(String name) {
            return headers.firstValue(name).orElse("");
        }

        ProblemDto problem() {
            return MedianceJson.gson().fromJson(body, ProblemDto.class);
        }
    }

    SilentCloseable localOnly() {
        return BugDetectors.allowNetworkConnections(
                (host, port) -> host.equals("localhost") && port == server.app.port());
    }

    HttpRequest.Builder request(String pathAndQuery, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url(pathAndQuery)));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    Answer send(HttpRequest.Builder b) {
        try (SilentCloseable allowed = localOnly()) {
            HttpRequest request = b.build();
            HttpResponse<byte[]> r;
            try {
                r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                // a kept-alive connection the server had closed (after a refusal that left a body unread) is
                // seen by the client only when it sends on it: the request is sent again once, on a new connection
                r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
            }
            return new Answer(
                    r.statusCode(),
                    request.method(),
                    r.headers(),
                    new String(r.body(), StandardCharsets.UTF_8),
                    r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Answer json(String method, String pathAndQuery, String token, String body) {
        return send(request(pathAndQuery, token)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    Answer get(String pathAndQuery, String token) {
        return send(request(pathAndQuery, token).GET());
    }

    /**
     * The invariants of every answer: below 500, the security headers, and on a refusal a problem document with its
     * status, a code and French {@code title} and {@code detail} that show nothing of the server's insides ({@code
     * input}: what the request carried, which a refusal may echo).
     */
    static void assertAnswered(Answer r, String input) {
        assertThat(r.status()).as("%s: %s", r.method(), r.body()).isLessThan(500);
        assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(r.header("Cache-Control")).contains("no-store");
        assertThat(r.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(r.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(r.header("Content-Security-Policy")).contains("default-src 'none'");
        if (r.status() >= 400 && !r.method().equals("HEAD")) {
            // a success may show what earlier requests stored; a refusal shows only what this one carried
            for (String needle : INTERNALS) {
                if (r.body().contains(needle)) {
                    assertThat(input).as("%s in %s", needle, r.body()).contains(needle);
                }
            }
            assertThat(r.header("Content-Type")).startsWith(ProblemDto.MEDIA_TYPE);
            ProblemDto p = r.problem();
            assertThat(p.status()).isEqualTo(r.status());
            assertThat(p.code()).isNotBlank();
            assertThat(p.title()).isNotBlank();
            assertThat(p.detail()).isNotBlank();
            for (String needle : ENGLISH) {
                if (p.title().contains(needle) || p.detail().contains(needle)) {
                    assertThat(input).as("%s in %s", needle, r.body()).contains(needle);
                }
            }
            assertThat(p.title()).isEqualTo(Problems.title(r.status())); // the French titles, one per status
        }
    }

    /**
     * A caller whose role may not use the route gets a 403, unless the address reached no route at all: refused by
     * the HTTP layer (a 400 {@code bad_request}: an encoded NUL or slash in a path parameter) or matching none with
     * this method (a 404 or a 405 for an empty path parameter).
     */
    static void assertForbidden(Answer r) {
        if (r.status() == 400) {
            assertThat(r.problem().code()).as(r.body()).isEqualTo(Problems.BAD_REQUEST);
        } else if (r.status() == 404) {
            assertThat(r.problem().detail()).as(r.body()).isEqualTo("Aucune ressource à cette adresse.");
        } else if (r.status() == 405) {
            assertThat(r.problem().code()).as(r.body()).isEqualTo(Problems.METHOD_NOT_ALLOWED);
        } else {
            assertThat(r.status()).as(r.body()).isEqualTo(403);
        }
    }

    /** A text as a query parameter's value. */
    static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A text as one path segment (never a slash: it stays one segment). */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** What an HTTP client may put in a header: printable ASCII. */
    static String headerValue(String s) {
        StringBuilder b = new StringBuilder();
        s.chars().filter(c -> c >= 0x20 && c < 0x7f).limit(2000).forEach(c -> b.append((char) c));
        return b.toString().strip();
    }

    /** Runs a statement on the server's database (the tests' own set-up and restores). */
    void exec(String sql, Object... args) {
        try (Connection c = server.db.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The demo accounts a fuzz input may call as, with their roles. */
    static final Map<String, Role> ROLES = Map.of(
            "conseil1", Role.COUNSELLOR,
            "conseil2", Role.COUNSELLOR,
            "coord", Role.COORDINATOR,
            "bureau", Role.OFFICE,
            "admin", Role.ADMIN);

    private static final List<String> CALLERS = List.of("conseil1", "coord", "bureau", "admin", "conseil2");

    /** The caller named on a line, or else one chosen by its length (so that a fuzzed line reaches every role). */
    static String caller(String line) {
        return ROLES.containsKey(line.strip()) ? line.strip() : CALLERS.get(line.length() % CALLERS.size());
    }

    /** Line {@code i} of an input split in lines, or {@code fallback} if it has fewer. */
    static String line(String[] lines, int i, String fallback) {
        return lines.length > i ? lines[i] : fallback;
    }
}
