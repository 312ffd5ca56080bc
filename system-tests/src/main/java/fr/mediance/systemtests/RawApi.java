package fr.mediance.systemtests;

import com.google.gson.Gson;
import fr.mediance.protocol.ApiPaths;
import fr.mediance.protocol.ChangesResponse;
import fr.mediance.protocol.LoginRequest;
import fr.mediance.protocol.LoginResponse;
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

/**
 * The office API spoken directly on the wire, without the app's client: for tests that replay, tamper
 * with or inspect what the app sends.
 */
public final class RawApi {
    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Gson gson = MedianceJson.gson();
    private String accessToken;

    public RawApi(URI base) {
        this.base = base;
    }

    public LoginResponse login(String username, String password, String deviceId) {
        String body = gson.toJson(new LoginRequest(username, password, deviceId));
        HttpResponse<String> r = send(HttpRequest.newBuilder(base.resolve(ApiPaths.LOGIN))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
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
                .POST(HttpRequest.BodyPublishers.ofString(rawBody)).build());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("push failed: " + r.statusCode() + " " + r.body());
        }
        return gson.fromJson(r.body(), PushResponse.class);
    }

    /** One page of the change feed after {@code cursor} (null for the start). */
    public ChangesResponse changes(String cursor) {
        String query = cursor == null ? "" : "?" + ApiPaths.PARAM_SINCE + "="
                + URLEncoder.encode(cursor, StandardCharsets.UTF_8);
        HttpResponse<String> r = send(authorised(ApiPaths.SYNC_CHANGES + query).GET().build());
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

    private HttpRequest.Builder authorised(String path) {
        if (accessToken == null) {
            throw new IllegalStateException("log in first");
        }
        return HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + accessToken)
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
