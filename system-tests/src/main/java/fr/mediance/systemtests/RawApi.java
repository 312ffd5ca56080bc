package fr.mediance.systemtests;

import com.google.gson.Gson;
import fr.mediance.protocol.ApiPaths;
import fr.mediance.protocol.ChangeDto;
import fr.mediance.protocol.ChangesResponse;
import fr.mediance.protocol.LoginRequest;
import fr.mediance.protocol.LoginResponse;
import fr.mediance.protocol.ProblemDto;
import fr.mediance.protocol.PushResponse;
import fr.mediance.protocol.json.MedianceJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The office API spoken directly on the wire, without the app's client: for tests that replay, tamper
 * with or inspect what the app sends.
 */
public final class RawApi {
    private final URI base;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Gson gson = MedianceJson.gson();
    private String accessToken;

    public RawApi(URI base) {
        this.base = base;
    }

    public LoginResponse login(String username, String password, String deviceId) {
        String body = gson.toJson(new LoginRequest(username, password, deviceId, DemoCodes.next(username), null, null));
        HttpResponse<String> r = send(HttpRequest.newBuilder(base.resolve(ApiPaths.LOGIN))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("login failed: " + r.statusCode() + " " + r.body());
        }
        LoginResponse login = gson.fromJson(r.body(), LoginResponse.class);
        accessToken = login.accessToken();
        return login;
    }

    /** Posts a push body exactly as given. */
    public PushResponse push(String rawBody) {
        HttpResponse<String> r = send(authorised(ApiPaths.SYNC_PUSH)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(rawBody))
                .build());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("push failed: " + r.statusCode() + " " + r.body());
        }
        return gson.fromJson(r.body(), PushResponse.class);
    }

    /** One page of the change feed after {@code cursor} (null for the start). */
    public ChangesResponse changes(String cursor) {
        return changes(cursor, 0);
    }

    /** One page of at most {@code limit} change rows after {@code cursor} (limit 0: the server's default). */
    public ChangesResponse changes(String cursor, int limit) {
        List<String> params = new ArrayList<>();
        if (cursor != null) {
            params.add(ApiPaths.PARAM_SINCE + "=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
        }
        if (limit > 0) {
            params.add(ApiPaths.PARAM_LIMIT + "=" + limit);
        }
        String query = params.isEmpty() ? "" : "?" + String.join("&", params);
        HttpResponse<String> r =
                send(authorised(ApiPaths.SYNC_CHANGES + query).GET().build());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("changes failed: " + r.statusCode() + " " + r.body());
        }
        return gson.fromJson(r.body(), ChangesResponse.class);
    }

    /** The cursor after the whole feed this account can see. */
    public String cursorAtEnd() {
        String cursor = null;
        ChangesResponse page;
        do {
            page = changes(cursor);
            cursor = page.cursor();
        } while (page.hasMore());
        return cursor;
    }

    /**
     * Every row of the change log this account may see after {@code cursor}, one per stored change: pages of
     * one row, since a page shows a record once however many rows it scanned. A record written twice by
     * one operation would show twice here.
     */
    public List<ChangeDto> rowsSince(String cursor) {
        List<ChangeDto> rows = new ArrayList<>();
        ChangesResponse page;
        do {
            page = changes(cursor, 1);
            rows.addAll(page.changes());
            cursor = page.cursor();
        } while (page.hasMore());
        return rows;
    }

    /** An answer as it came: status, headers, body bytes. */
    public record Exchange(int status, Map<String, List<String>> headers, byte[] body) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream())
                    .findFirst()
                    .orElse(null);
        }

        /** The problem document, when the answer is {@code application/problem+json}; null otherwise. */
        public ProblemDto problem() {
            String type = header("Content-Type");
            if (type == null || !type.startsWith(ProblemDto.MEDIA_TYPE)) {
                return null;
            }
            return MedianceJson.gson().fromJson(text(), ProblemDto.class);
        }
    }

    /**
     * Any request, signed in (when logged in) unless {@code headers} sets Authorization itself; {@code body}
     * null sends none. Restricted headers of the JDK client (Content-Length, Host...) cannot be set.
     */
    public Exchange exchange(String method, String path, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        if (accessToken != null && headers.keySet().stream().noneMatch(h -> h.equalsIgnoreCase("Authorization"))) {
            b.header("Authorization", "Bearer " + accessToken);
        }
        headers.forEach(b::header);
        b.method(
                method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        HttpRequest request = b.build();
        try {
            HttpResponse<byte[]> r;
            try {
                r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                if (!staleConnection(e)) {
                    throw e;
                }
                // A pooled connection the server had already closed: no byte of an answer came back, so the
                // request is sent once more on a new connection, as any HTTP client does.
                r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            }
            return new Exchange(r.statusCode(), r.headers().map(), r.body() == null ? new byte[0] : r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean staleConnection(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("header parser received no bytes")) {
                return true;
            }
        }
        return false;
    }

    /** The bytes of a blob as the office downloads them. */
    public byte[] blob(String sha256) {
        Exchange r = exchange("GET", ApiPaths.blob(sha256), Map.of(), null);
        if (r.status() != 200) {
            throw new IllegalStateException("blob " + sha256 + ": " + r.status() + " " + r.text());
        }
        return r.body();
    }

    public String accessToken() {
        return accessToken;
    }

    private HttpRequest.Builder authorised(String path) {
        if (accessToken == null) {
            throw new IllegalStateException("log in first");
        }
        return HttpRequest.newBuilder(base.resolve(path))
                .header("Authorization", "Bearer " + accessToken)
                .timeout(Duration.ofSeconds(30));
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
