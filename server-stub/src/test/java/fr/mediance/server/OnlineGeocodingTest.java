package fr.mediance.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import fr.mediance.protocol.GeoPointDto;
import fr.mediance.testing.MutableClock;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An office with internet asks the public geocoding service for the addresses its imported base does not know: a
 * local HTTP server answers as the service does (GeoJSON). Only the address is sent, never a name; a service that
 * fails leaves the resident waiting, not « unknown ».
 */
class OnlineGeocodingTest extends SyncScenario {
    private HttpServer service;
    private final List<String> queries = new CopyOnWriteArrayList<>();
    private final AtomicInteger failing = new AtomicInteger();

    @Override
    TestServer demoServer(Path dir) {
        try {
            service = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        service.createContext("/geocodage/search/", exchange -> {
            String query = URLDecoder.decode(exchange.getRequestURI().getRawQuery(), StandardCharsets.UTF_8);
            queries.add(query);
            String body;
            int status = 200;
            if (failing.get() > 0) {
                failing.decrementAndGet();
                status = 503;
                body = "{}";
            } else if (query.contains("Moulin")) {
                body = """
                        {"type":"FeatureCollection","features":[{"type":"Feature",
                         "geometry":{"type":"Point","coordinates":[5.3821,43.3152]},
                         "properties":{"score":0.88,"type":"housenumber","label":"7 Traverse du Moulin 13003"}}]}""";
            } else {
                body = "{\"type\":\"FeatureCollection\",\"features\":[]}";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        service.start();
        URI url = URI.create("http://127.0.0.1:" + service.getAddress().getPort() + "/geocodage");
        return new TestServer(
                TestDatabase.sqlite(dir),
                dir,
                new MutableClock(TestServer.START),
                new ServerConfig(0, true, TestServer.PASSWORD, TestServer.PASSWORD).withGeocoder(url));
    }

    @AfterEach
    void stopService() {
        service.stop(0);
    }

    @Test
    void theServicePlacesWhatTheBaseDoesNotKnowAndHearsOnlyTheAddress() {
        String known = newId();
        String unknown = newId();
        pushOne(conseil1, op(livingAt(known, "7 traverse du Moulin", "13003")));
        pushOne(conseil1, op(livingAt(unknown, "99 impasse Inconnue", "13003")));
        assertThat(server.app.placeWaitingResidents()).isEqualTo(1);

        assertThat(placeOf(known)).isEqualTo(new GeoPointDto(43.3152, 5.3821, "geocoder", "housenumber"));
        assertThat(placeOf(unknown)).isNull();
        assertThat(queries).hasSize(2).allSatisfy(q -> {
            assertThat(q)
                    .contains("13003")
                    .doesNotContain("Martin")
                    .doesNotContain("Odile")
                    .doesNotContain("06 00");
        });
        assertThat(server.sql("SELECT outcome FROM geocode_queue WHERE resident_id = ?", unknown))
                .isEqualTo("not_found");
    }

    @Test
    void aServiceThatDoesNotAnswerLeavesItsResidentWaitingWithoutHoldingBackTheOthers() {
        GeocodingContract.importBan(server, GeocodingContract.EXTRACT);
        String onlyOnline = "geo-a"; // first in the queue
        String inTheBase = "geo-b";
        pushOne(conseil1, op(livingAt(onlyOnline, "99 impasse Inconnue", "13003")));
        pushOne(conseil1, op(livingAt(inTheBase, "7 traverse du Moulin", "13003")));
        failing.set(1);

        // the service answers 503 for the first: it stays waiting; the second is placed from the base all the same
        assertThat(server.app.placeWaitingResidents()).isEqualTo(1);
        assertThat(queries).hasSize(1);
        assertThat(placeOf(inTheBase)).isEqualTo(new GeoPointDto(43.315, 5.382, "ban", "housenumber"));
        assertThat(placeOf(onlyOnline)).isNull();
        assertThat(server.sql("SELECT outcome FROM geocode_queue WHERE resident_id = ?", onlyOnline))
                .as("waiting, not unknown")
                .isNull();

        // the next run asks again, and the service does not know it either
        assertThat(server.app.placeWaitingResidents()).isZero();
        assertThat(queries).hasSize(2);
        assertThat(server.sql("SELECT outcome FROM geocode_queue WHERE resident_id = ?", onlyOnline))
                .isEqualTo("not_found");
    }
}
