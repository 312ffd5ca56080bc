package fr.mediance.server;

import java.nio.file.Path;

/** Placing residents on the map, on SQLite. */
class SqliteGeocodingTest extends GeocodingContract {
    @Override
    TestServer demoServer(Path dir) {
        return TestServer.demoCopy(dir);
    }
}
