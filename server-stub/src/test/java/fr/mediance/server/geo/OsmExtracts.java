package fr.mediance.server.geo;

import fr.mediance.planning.GeoPoint;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * OpenStreetMap XML extracts written by the tests (none can be downloaded here): a small town cut by a river, and a
 * large grid of streets for measurements.
 *
 * <p>The town ({@link #town}): two banks of 5 × 15 streets about 100 m apart, 330 m of river between them crossed by
 * one bridge only, at the east end; from the south-west corner {@link #SPUR_START} a one-way street runs 1.3 km south
 * to {@link #SPUR_END}, and the way back is a two-way road round by the west (3.7 km); and 35 km away a hamlet of
 * three nodes on a road of its own ({@link #HAMLET}), too small a network to route on.
 */
public final class OsmExtracts {
    static final double LAT0 = 43.3000;
    static final double LON0 = 5.3700;
    static final double D_LAT = 0.0009; // about 100 m
    static final double D_LON = 0.0012; // about 97 m at this latitude
    static final int ROWS = 5;
    static final int COLS = 15;
    /** The north bank starts this many steps north of the south bank's first row: 330 m of river. */
    static final int NORTH_OFFSET = ROWS - 1 + 3;

    /** Just beside the south bank's north-west corner, on the river. */
    public static final GeoPoint SOUTH_RIVERSIDE = new GeoPoint(LAT0 + (ROWS - 1) * D_LAT + 0.0001, LON0 + 0.0001);
    /** Just beside the north bank's south-west corner, across the river from {@link #SOUTH_RIVERSIDE}. */
    public static final GeoPoint NORTH_RIVERSIDE = new GeoPoint(LAT0 + NORTH_OFFSET * D_LAT - 0.0001, LON0 + 0.0001);
    /** Where the one-way street starts: the south bank's south-west corner. */
    public static final GeoPoint SPUR_START = new GeoPoint(LAT0, LON0);
    /** Where the one-way street ends, 1.3 km south. */
    public static final GeoPoint SPUR_END = new GeoPoint(LAT0 - 0.012, LON0);
    /** A hamlet 35 km away, on a road joined to nothing. */
    public static final GeoPoint HAMLET = new GeoPoint(43.5000, 5.7000);

    private OsmExtracts() {}

    /** Writes the town with a river to {@code file}. */
    public static Path town(Path file) {
        Osm osm = new Osm();
        long[][] south = osm.grid(LAT0, LON0, ROWS, COLS);
        long[][] north = osm.grid(LAT0 + NORTH_OFFSET * D_LAT, LON0, ROWS, COLS);
        osm.streets(south);
        osm.streets(north);
        osm.way(List.of(south[ROWS - 1][COLS - 1], north[0][COLS - 1]), "residential", "bridge", "yes");
        long spurEnd = osm.node(SPUR_END.latitude(), SPUR_END.longitude());
        osm.way(List.of(south[0][0], spurEnd), "residential", "oneway", "yes");
        long southWest = osm.node(SPUR_END.latitude(), LON0 - 0.015);
        long northWest = osm.node(LAT0, LON0 - 0.015);
        osm.way(List.of(spurEnd, southWest, northWest, south[0][0]), "residential");
        long h1 = osm.node(HAMLET.latitude(), HAMLET.longitude());
        long h2 = osm.node(HAMLET.latitude() + 0.001, HAMLET.longitude());
        long h3 = osm.node(HAMLET.latitude() + 0.001, HAMLET.longitude() + 0.001);
        osm.way(List.of(h1, h2, h3), "residential");
        return osm.write(file);
    }

    /**
     * Writes a grid of {@code size} × {@code size} two-way streets 100 m apart to {@code file}: all residential when
     * {@code arterials} is false (the worst case for a road hierarchy), else every 10th street secondary and every
     * 50th a trunk road, as a town has its avenues and boulevards.
     */
    public static Path grid(Path file, int size, boolean arterials) {
        Osm osm = new Osm();
        long[][] grid = osm.grid(LAT0, LON0, size, size);
        for (int r = 0; r < size; r++) {
            List<Long> refs = new ArrayList<>();
            for (long id : grid[r]) {
                refs.add(id);
            }
            osm.way(refs, arterials ? streetClass(r) : "residential");
        }
        for (int c = 0; c < size; c++) {
            List<Long> refs = new ArrayList<>();
            for (long[] row : grid) {
                refs.add(row[c]);
            }
            osm.way(refs, arterials ? streetClass(c) : "residential");
        }
        return osm.write(file);
    }

    private static String streetClass(int index) {
        return index % 50 == 0 ? "trunk" : index % 10 == 0 ? "secondary" : "residential";
    }

    /** A point of the grid written by {@link #grid}: row and column, from the south-west corner. */
    public static GeoPoint gridPoint(double row, double col) {
        return new GeoPoint(LAT0 + row * D_LAT, LON0 + col * D_LON);
    }

    /** Nodes and ways kept in memory, then written in the order OpenStreetMap files use (nodes first). */
    private static final class Osm {
        private final StringBuilder nodes = new StringBuilder();
        private final List<String> ways = new ArrayList<>();
        private long nextId = 1;

        long node(double lat, double lon) {
            long id = nextId++;
            nodes.append(String.format(
                    Locale.ROOT, "  <node id=\"%d\" version=\"1\" lat=\"%.7f\" lon=\"%.7f\"/>%n", id, lat, lon));
            return id;
        }

        long[][] grid(double lat0, double lon0, int rows, int cols) {
            long[][] ids = new long[rows][cols];
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    ids[r][c] = node(lat0 + r * D_LAT, lon0 + c * D_LON);
                }
            }
            return ids;
        }

        /** One street along each row and one along each column. */
        void streets(long[][] grid) {
            for (long[] row : grid) {
                List<Long> refs = new ArrayList<>();
                for (long id : row) {
                    refs.add(id);
                }
                way(refs, "residential");
            }
            for (int c = 0; c < grid[0].length; c++) {
                List<Long> refs = new ArrayList<>();
                for (long[] row : grid) {
                    refs.add(row[c]);
                }
                way(refs, "residential");
            }
        }

        void way(List<Long> refs, String highway, String... tags) {
            StringBuilder w = new StringBuilder();
            w.append("  <way id=\"").append(nextId++).append("\" version=\"1\">\n");
            for (long ref : refs) {
                w.append("    <nd ref=\"").append(ref).append("\"/>\n");
            }
            w.append("    <tag k=\"highway\" v=\"").append(highway).append("\"/>\n");
            for (int i = 0; i + 1 < tags.length; i += 2) {
                w.append("    <tag k=\"")
                        .append(tags[i])
                        .append("\" v=\"")
                        .append(tags[i + 1])
                        .append("\"/>\n");
            }
            w.append("  </way>\n");
            ways.add(w.toString());
        }

        Path write(Path file) {
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                out.write(
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<osm version=\"0.6\" generator=\"mediance-tests\">\n");
                out.write(nodes.toString());
                for (String w : ways) {
                    out.write(w);
                }
                out.write("</osm>\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return file;
        }
    }
}
