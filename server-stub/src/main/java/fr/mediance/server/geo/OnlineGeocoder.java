package fr.mediance.server.geo;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import fr.mediance.protocol.GeoPointDto;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The public geocoding service of the national address base (« api-adresse », now served by the Géoplateforme:
 * {@code https://data.geopf.fr/geocodage}), for an office with internet (option {@code --geocoder-url}). Only the
 * street line, postcode and town are sent — never a name. An answer below {@link #MIN_SCORE} is taken as not found;
 * a network failure or a server error is « no answer », tried again later.
 */
public final class OnlineGeocoder implements Geocoder {
    /** The service's own confidence below which its answer is more likely another address. */
    static final double MIN_SCORE = 0.6;

    private final URI base;
    private final HttpClient http;

    public OnlineGeocoder(URI base) {
        this.base = base;
        this.http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @Override
    public boolean remote() {
        return true;
    }

    @Override
    public Result locate(String street, String postcode, String city) {
        String q = String.join(" ", nonNull(street), nonNull(postcode), nonNull(city))
                .trim();
        if (q.length() < 3) {
            return new NotFound();
        }
        String url = base.toString().replaceAll("/+$", "") + "/search/?limit=1&q=" + encode(q)
                + (postcode == null || postcode.isBlank() ? "" : "&postcode=" + encode(postcode.trim()));
        HttpResponse<String> response;
        try {
            response = http.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(10))
                            .header("Accept", "application/json")
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Unavailable("service injoignable");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Unavailable("interrompu");
        }
        if (response.statusCode() != 200) {
            return new Unavailable("réponse " + response.statusCode());
        }
        try {
            return read(JsonParser.parseString(response.body()));
        } catch (JsonParseException | IllegalStateException | ClassCastException | NullPointerException e) {
            return new Unavailable("réponse illisible");
        }
    }

    /** Reads a GeoJSON answer: the first feature, its point ({@code [longitude, latitude]}), score and type. */
    static Result read(JsonElement answer) {
        JsonArray features = answer.getAsJsonObject().getAsJsonArray("features");
        if (features == null || features.isEmpty()) {
            return new NotFound();
        }
        JsonObject first = features.get(0).getAsJsonObject();
        JsonObject properties = first.getAsJsonObject("properties");
        double score = properties.has("score") ? properties.get("score").getAsDouble() : 0;
        if (score < MIN_SCORE) {
            return new NotFound();
        }
        JsonArray coordinates = first.getAsJsonObject("geometry").getAsJsonArray("coordinates");
        double lon = coordinates.get(0).getAsDouble();
        double lat = coordinates.get(1).getAsDouble();
        String type = properties.has("type") ? properties.get("type").getAsString() : "";
        String precision = switch (type) {
            case "housenumber" -> GeoPointDto.PRECISION_HOUSE;
            case "street", "locality" -> GeoPointDto.PRECISION_STREET;
            default -> GeoPointDto.PRECISION_TOWN;
        };
        GeoPointDto point = new GeoPointDto(lat, lon, GeoPointDto.SOURCE_GEOCODER, precision);
        return GeoPointDto.problem(point) == null ? new Found(point) : new NotFound();
    }

    private static String nonNull(String s) {
        return s == null ? "" : s.trim();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
