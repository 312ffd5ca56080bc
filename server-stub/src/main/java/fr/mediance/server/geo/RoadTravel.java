package fr.mediance.server.geo;

import static com.graphhopper.json.Statement.Else;
import static com.graphhopper.json.Statement.ElseIf;
import static com.graphhopper.json.Statement.If;

import com.graphhopper.GHRequest;
import com.graphhopper.GHResponse;
import com.graphhopper.GraphHopper;
import com.graphhopper.config.CHProfile;
import com.graphhopper.config.Profile;
import com.graphhopper.json.Statement.Op;
import com.graphhopper.routing.ev.BooleanEncodedValue;
import com.graphhopper.routing.ev.Subnetwork;
import com.graphhopper.routing.querygraph.QueryGraph;
import com.graphhopper.routing.querygraph.QueryRoutingCHGraph;
import com.graphhopper.routing.util.DefaultSnapFilter;
import com.graphhopper.routing.util.EdgeFilter;
import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.storage.BaseGraph;
import com.graphhopper.storage.RoutingCHGraph;
import com.graphhopper.storage.index.Snap;
import com.graphhopper.util.Constants;
import com.graphhopper.util.CustomModel;
import com.graphhopper.util.PMap;
import fr.mediance.planning.GeoPoint;
import fr.mediance.planning.StraightLineTravel;
import fr.mediance.planning.TravelModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Road travel times for the rounds, from an OpenStreetMap extract of the office's area (option
 * {@code --road-network}), through GraphHopper.
 *
 * <p>The extract is imported once into a routing graph kept under the data directory ({@code roads/<key>}, the key
 * being the extract's SHA-256 with this class's profile version): the next start loads it in a moment; a changed
 * extract (or a changed profile) is imported again and the old graph removed. The graph is prepared with
 * <b>contraction hierarchies</b> (CH) rather than landmarks (LM): the profile never changes per query (LM's strength),
 * CH queries are several times faster, and CH allows the whole matrix of a week (some 250 points) to be computed with
 * one small search per point ({@link ChManyToMany}) instead of 62,500 routes.
 *
 * <p>A point is placed on the nearest road a car may use within {@link #MAX_SNAP_METRES}; a point that is not (off the
 * extract, in a pedestrian area), or a pair with no road between them, gets the straight-line estimate it was given
 * ({@link #withFallback}: the office's detour factor and speed), and is counted ({@link #fallbacks()},
 * {@link RoadMatrix#offNetwork()}) so the coordinator can be told. Thread-safe.
 */
public final class RoadTravel implements TravelModel {
    private static final Logger LOG = LoggerFactory.getLogger(RoadTravel.class);

    /** How far from a road a point may be and still be placed on it (a large housing estate's address point). */
    public static final double MAX_SNAP_METRES = 400;

    static final String PROFILE = "car_town";
    /** Changes with the profile below: a graph imported with another profile is imported again. */
    static final String PROFILE_VERSION = "car_town-1";

    private final Network network;
    private final TravelModel fallback;
    private final AtomicLong fallbacks;
    /** The last matrix search's statistics, for the benchmark. */
    volatile String lastSearch = "";

    private RoadTravel(Network network, TravelModel fallback) {
        this.network = network;
        this.fallback = fallback;
        this.fallbacks = new AtomicLong();
    }

    /**
     * Opens the road network of {@code extract} ({@code .osm.pbf}, or {@code .osm} XML), importing it into
     * {@code cacheRoot} unless an import of the same file is already there. The straight-line fallback is the default
     * estimate until {@link #withFallback} gives the office's.
     *
     * @throws RoadNetworkException the file is missing, unreadable, not an OpenStreetMap extract or holds no road
     *     (message in French)
     */
    public static RoadTravel open(Path extract, Path cacheRoot) {
        return new RoadTravel(Network.open(extract, cacheRoot), new StraightLineTravel());
    }

    /** The same network, with {@code estimate} for the points the roads cannot place (the office's settings). */
    public RoadTravel withFallback(TravelModel estimate) {
        return new RoadTravel(network, estimate);
    }

    /** How the network was opened: imported at this start, or loaded from the data directory. */
    public Opening opening() {
        return network.opening;
    }

    /**
     * How many answers of this instance (pairs of points) used the straight-line estimate because a point is off the
     * roads or no road joins the two.
     */
    public long fallbacks() {
        return fallbacks.get();
    }

    /** Whether {@code point} is within {@link #MAX_SNAP_METRES} of a road of the network. */
    public boolean onNetwork(GeoPoint point) {
        return network.snap(point) != null;
    }

    @Override
    public int minutes(GeoPoint from, GeoPoint to) {
        if (from.equals(to)) {
            return 0;
        }
        // the matrix's own computation, so that one pair and the whole matrix always agree
        RoadMatrix pair = compute(List.of(from, to));
        if (pair.estimated(0, 1)) {
            fallbacks.incrementAndGet();
        }
        return pair.minutes()[0][1];
    }

    @Override
    public double metres(GeoPoint from, GeoPoint to) {
        if (from.equals(to)) {
            return 0;
        }
        if (network.snap(from) != null && network.snap(to) != null) {
            GHResponse response =
                    network.hopper.route(new GHRequest(from.latitude(), from.longitude(), to.latitude(), to.longitude())
                            .setProfile(PROFILE));
            if (!response.hasErrors()) {
                return response.getBest().getDistance();
            }
        }
        fallbacks.incrementAndGet();
        return fallback.metres(from, to);
    }

    @Override
    public int[][] minutesMatrix(List<GeoPoint> points) {
        return matrix(points).minutes();
    }

    /**
     * The travel minutes between every two of {@code points} ({@link TravelModel#minutesMatrix}), and which of them
     * the roads could not place.
     */
    public RoadMatrix matrix(List<GeoPoint> points) {
        long started = System.nanoTime();
        RoadMatrix matrix = compute(points);
        fallbacks.addAndGet(matrix.estimatedPairs());
        long millis = (System.nanoTime() - started) / 1_000_000;
        LOG.info(
                "road matrix: points={} offNetwork={} estimatedPairs={} took={}ms",
                points.size(),
                matrix.offNetwork().size(),
                matrix.estimatedPairs(),
                millis);
        return matrix;
    }

    private RoadMatrix compute(List<GeoPoint> points) {
        int n = points.size();
        Snap[] byPoint = snapAll(points);
        List<Integer> off = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (byPoint[i] == null) {
                off.add(i);
            }
        }
        double[][] seconds = roadSeconds(byPoint);
        int[][] minutes = new int[n][n];
        boolean[][] estimated = new boolean[n][n];
        int unrouted = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i == j) {
                    continue;
                }
                double s = seconds[i][j];
                if (byPoint[i] == null || byPoint[j] == null || Double.isInfinite(s)) {
                    minutes[i][j] = fallback.minutes(points.get(i), points.get(j));
                    estimated[i][j] = true;
                    unrouted++;
                } else {
                    minutes[i][j] = wholeMinutes(s);
                }
            }
        }
        return new RoadMatrix(minutes, estimated, List.copyOf(off), unrouted);
    }

    /**
     * The seconds on the road between every two of {@code points}: infinite where a point is off the roads or no road
     * joins them, 0 on the diagonal.
     */
    double[][] roadSeconds(List<GeoPoint> points) {
        return roadSeconds(snapAll(points));
    }

    private Snap[] snapAll(List<GeoPoint> points) {
        Snap[] byPoint = new Snap[points.size()];
        for (int i = 0; i < byPoint.length; i++) {
            byPoint[i] = network.snap(points.get(i));
        }
        return byPoint;
    }

    private double[][] roadSeconds(Snap[] byPoint) {
        int n = byPoint.length;
        List<Snap> snaps = new ArrayList<>(n);
        for (Snap snap : byPoint) {
            if (snap != null) {
                snaps.add(snap);
            }
        }
        if (snaps.isEmpty()) {
            double[][] none = new double[n][n];
            for (int i = 0; i < n; i++) {
                java.util.Arrays.fill(none[i], Double.POSITIVE_INFINITY);
                none[i][i] = 0;
            }
            return none;
        }
        // the query graph renumbers the snaps it splits an edge at: the node ids are read after it is made
        QueryGraph query = QueryGraph.create(network.graph, snaps);
        int[] nodes = new int[n];
        for (int i = 0; i < n; i++) {
            nodes[i] = byPoint[i] == null ? -1 : byPoint[i].getClosestNode();
        }
        ChManyToMany.Workspace workspace = network.workspaces.poll();
        if (workspace == null) {
            workspace = new ChManyToMany.Workspace();
        }
        ChManyToMany search =
                new ChManyToMany(new QueryRoutingCHGraph(network.ch, query), network.graph.getNodes(), workspace);
        double[][] seconds = search.weights(nodes);
        lastSearch = search.stats();
        network.workspaces.offer(workspace); // only when the search ended: it is then left clean
        return seconds;
    }

    /**
     * GraphHopper's own route from {@code from} to {@code to}, in seconds (NaN if it finds none): the independent
     * answer the matrix is checked against.
     */
    double routeSeconds(GeoPoint from, GeoPoint to) {
        GHResponse response = network.hopper.route(
                new GHRequest(from.latitude(), from.longitude(), to.latitude(), to.longitude()).setProfile(PROFILE));
        return response.hasErrors() ? Double.NaN : response.getBest().getTime() / 1000.0;
    }

    /** Seconds on the road to whole minutes, rounded up like the straight-line estimate. */
    static int wholeMinutes(double seconds) {
        return (int) Math.ceil(seconds / 60.0 - 1e-9);
    }

    /**
     * A matrix of travel minutes; {@code estimated[i][j]}: that pair's minutes are the straight-line estimate (a point
     * off the roads, or no road between them); {@code offNetwork}: the indexes of the points the roads could not
     * place; {@code estimatedPairs}: how many pairs were estimated.
     */
    public record RoadMatrix(int[][] minutes, boolean[][] estimated, List<Integer> offNetwork, int estimatedPairs) {
        public boolean estimated(int from, int to) {
            return estimated[from][to];
        }
    }

    /**
     * How the network was opened: {@code imported} at this start (else loaded from an earlier import), in
     * {@code millis}, with the graph's size.
     */
    public record Opening(boolean imported, long millis, int nodes, int edges, Path folder) {}

    /**
     * The town-car profile. Speeds are what a car averages in a French town in the day, junctions and lights
     * included, never more than the way's own average speed for a car (its maxspeed and surface): urban motorway 70
     * km/h, trunk road 50, primary 35, secondary 30, tertiary 25, residential and other streets 20, service roads 15,
     * living streets 10. Only the roads a car may use in that direction (one-way streets, access=no); time alone is
     * minimised (no distance influence), so the weights of the graph are seconds. Parking and walking to the door
     * are not counted.
     */
    static CustomModel townCar() {
        return new CustomModel()
                .setDistanceInfluence(0d)
                .addToPriority(If("!car_access", Op.MULTIPLY, "0"))
                .addToSpeed(If("true", Op.LIMIT, "car_average_speed"))
                .addToSpeed(If("road_class == MOTORWAY", Op.LIMIT, "70"))
                .addToSpeed(ElseIf("road_class == TRUNK", Op.LIMIT, "50"))
                .addToSpeed(ElseIf("road_class == PRIMARY", Op.LIMIT, "35"))
                .addToSpeed(ElseIf("road_class == SECONDARY", Op.LIMIT, "30"))
                .addToSpeed(ElseIf("road_class == TERTIARY", Op.LIMIT, "25"))
                .addToSpeed(ElseIf("road_class == SERVICE", Op.LIMIT, "15"))
                .addToSpeed(ElseIf("road_class == LIVING_STREET", Op.LIMIT, "10"))
                .addToSpeed(Else(Op.LIMIT, "20"));
    }

    /** The opened graph, shared by every {@link #withFallback} copy. */
    private static final class Network {
        final GraphHopper hopper;
        final BaseGraph graph;
        final RoutingCHGraph ch;
        final EdgeFilter snapFilter;
        final Opening opening;
        /** Search arrays for as many matrices as are computed at once (one, usually), reused. */
        final java.util.Queue<ChManyToMany.Workspace> workspaces = new java.util.concurrent.ConcurrentLinkedQueue<>();

        private Network(GraphHopper hopper, Opening opening) {
            this.hopper = hopper;
            this.graph = hopper.getBaseGraph();
            this.ch = hopper.getCHGraphs().get(PROFILE);
            Weighting weighting = hopper.createWeighting(hopper.getProfile(PROFILE), new PMap());
            BooleanEncodedValue subnetwork =
                    hopper.getEncodingManager().getBooleanEncodedValue(Subnetwork.key(PROFILE));
            this.snapFilter = new DefaultSnapFilter(weighting, subnetwork);
            this.opening = opening;
        }

        /** The point on the nearest usable road within reach, or null. */
        Snap snap(GeoPoint p) {
            if (p == null || !p.isValid()) {
                return null;
            }
            Snap snap = hopper.getLocationIndex().findClosest(p.latitude(), p.longitude(), snapFilter);
            return snap.isValid() && snap.getQueryDistance() <= MAX_SNAP_METRES ? snap : null;
        }

        static Network open(Path extract, Path cacheRoot) {
            long started = System.nanoTime();
            String key = key(extract);
            try {
                Files.createDirectories(cacheRoot);
            } catch (IOException e) {
                throw new RoadNetworkException(
                        "Le dossier « " + cacheRoot + " » du réseau routier préparé ne peut pas être créé : "
                                + e.getMessage(),
                        e);
            }
            Path folder = cacheRoot.resolve(key);
            boolean imported = false;
            if (!Files.isRegularFile(folder.resolve("properties"))) {
                importInto(extract, cacheRoot, folder);
                imported = true;
            }
            GraphHopper hopper = configured(extract, folder);
            boolean loaded;
            try {
                loaded = hopper.load();
            } catch (RuntimeException e) {
                // a graph left by another version or a damaged disk: imported again
                LOG.warn("road graph in {} unreadable, imported again", folder, e);
                hopper.close();
                importInto(extract, cacheRoot, folder);
                imported = true;
                hopper = configured(extract, folder);
                loaded = hopper.load();
            }
            if (!loaded) {
                throw new RoadNetworkException(
                        "Le réseau routier préparé dans « " + folder + " » n'a pas pu être relu.");
            }
            removeOthers(cacheRoot, key);
            long millis = (System.nanoTime() - started) / 1_000_000;
            Opening opening = new Opening(
                    imported,
                    millis,
                    hopper.getBaseGraph().getNodes(),
                    hopper.getBaseGraph().getEdges(),
                    folder);
            LOG.info(
                    "road network {}: {} ({} nodes, {} edges) in {}ms",
                    imported ? "imported" : "loaded",
                    extract.getFileName(),
                    opening.nodes(),
                    opening.edges(),
                    millis);
            return new Network(hopper, opening);
        }

        private static GraphHopper configured(Path extract, Path folder) {
            GraphHopper hopper = new GraphHopper();
            hopper.setOSMFile(extract.toString());
            hopper.setGraphHopperLocation(folder.toString());
            hopper.setEncodedValuesString("car_access, car_average_speed, road_class");
            hopper.setProfiles(new Profile(PROFILE).setCustomModel(townCar()));
            hopper.getCHPreparationHandler().setCHProfiles(new CHProfile(PROFILE));
            return hopper;
        }

        /** Imports into a fresh folder beside {@code folder}, then moves it into place: never half a graph there. */
        private static void importInto(Path extract, Path cacheRoot, Path folder) {
            Path work = cacheRoot.resolve(folder.getFileName() + ".import");
            deleteTree(work);
            deleteTree(folder);
            GraphHopper hopper = configured(extract, work);
            try {
                LOG.info(
                        "importing the road network {} ({} MB): a few minutes for a département",
                        extract.getFileName(),
                        sizeMegabytes(extract));
                hopper.importOrLoad();
                if (hopper.getBaseGraph().getEdges() == 0) {
                    throw new RoadNetworkException(noRoad(extract));
                }
            } catch (RoadNetworkException e) {
                hopper.close();
                deleteTree(work);
                throw e;
            } catch (RuntimeException e) {
                hopper.close();
                deleteTree(work);
                if (String.valueOf(e.getMessage()).contains("must not be empty")) {
                    throw new RoadNetworkException(noRoad(extract), e);
                }
                LOG.warn("road network import of {} failed: {}", extract, rootMessage(e));
                throw new RoadNetworkException(
                        "Le fichier du réseau routier « " + extract
                                + " » n'a pas pu être lu : ce n'est pas un extrait OpenStreetMap valide (.osm.pbf ou"
                                + " .osm). Détail : " + rootMessage(e),
                        e);
            }
            hopper.close();
            try {
                try {
                    Files.move(work, folder, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(work, folder);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static long sizeMegabytes(Path file) {
            try {
                return Files.size(file) / (1024 * 1024);
            } catch (IOException e) {
                return -1;
            }
        }

        private static String noRoad(Path extract) {
            return "Le fichier du réseau routier « " + extract
                    + " » ne contient aucune route : vérifiez qu'il s'agit bien d'un extrait OpenStreetMap de la zone"
                    + " du bureau.";
        }

        /** The extract's SHA-256 with the profile's and GraphHopper's versions: what a prepared graph depends on. */
        static String key(Path extract) {
            if (!Files.isRegularFile(extract)) {
                throw new RoadNetworkException("Le fichier du réseau routier « " + extract
                        + " » est introuvable : indiquez un extrait OpenStreetMap (.osm.pbf ou .osm) existant.");
            }
            try (InputStream in = Files.newInputStream(extract)) {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                sha.update((PROFILE_VERSION + "|" + Constants.VERSION + "|").getBytes(StandardCharsets.UTF_8));
                byte[] buffer = new byte[1 << 16];
                for (int r; (r = in.read(buffer)) > 0; ) {
                    sha.update(buffer, 0, r);
                }
                return HexFormat.of().formatHex(sha.digest(), 0, 12);
            } catch (NoSuchFileException e) {
                throw new RoadNetworkException("Le fichier du réseau routier « " + extract + " » est introuvable.");
            } catch (IOException e) {
                throw new RoadNetworkException(
                        "Le fichier du réseau routier « " + extract + " » ne peut pas être lu (" + e.getMessage()
                                + ") : vérifiez ses droits.",
                        e);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        private static void removeOthers(Path cacheRoot, String key) {
            try (var children = Files.list(cacheRoot)) {
                for (Path child : children.toList()) {
                    if (!child.getFileName().toString().equals(key)) {
                        deleteTree(child);
                    }
                }
            } catch (IOException e) {
                LOG.warn("old road graphs in {} not removed", cacheRoot, e);
            }
        }

        private static String rootMessage(Throwable e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        }

        static void deleteTree(Path root) {
            if (!Files.exists(root)) {
                return;
            }
            try {
                Files.walkFileTree(root, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                        Files.delete(file);
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                        Files.delete(dir);
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
