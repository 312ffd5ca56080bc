package fr.mediance.server.geo;

import com.graphhopper.storage.RoutingCHEdgeExplorer;
import com.graphhopper.storage.RoutingCHEdgeIterator;
import com.graphhopper.storage.RoutingCHGraph;
import java.util.Arrays;

/**
 * The travel weights between every two of a set of nodes of a contracted road graph, with one small search per node
 * instead of one route per pair (the bucket algorithm of Knopp et al., "Computing many-to-many shortest paths using
 * highway hierarchies", 2007, on contraction hierarchies).
 *
 * <p>In a contracted graph every shortest path climbs from its start to a highest node and goes down to its end. So a
 * backward search from each target, climbing only, leaves at every node it reaches a note "target t is w away from
 * here" (a bucket); then a forward search from each source, climbing only, reads the notes of the nodes it reaches:
 * the best sum over the nodes met is the shortest path. Each search only sees the few hundred nodes above its start,
 * so 250 points cost 500 small searches, not 62,500 routes. Node-based (no turn costs), like the profile.
 */
final class ChManyToMany {
    private final RoutingCHGraph graph;
    private final int realNodes;
    private final RoutingCHEdgeExplorer out;
    private final RoutingCHEdgeExplorer in;

    private final double[] weight;
    private int[] touched = new int[256];
    private int touchedCount;
    private final Heap heap = new Heap();
    private long settled;
    private long stalls;
    private long reads;

    // buckets: for each node the chain of (target, weight) notes left there by the backward searches
    private final int[] bucketHead;
    private int[] bucketNext = new int[1024];
    private int[] bucketNode = new int[1024];
    private int[] bucketTarget = new int[1024];
    private double[] bucketWeight = new double[1024];
    private int buckets;

    /**
     * @param graph the contracted graph, with the query points as virtual nodes (a query graph over it)
     * @param realNodes how many nodes the road graph itself has (the query points come after)
     */
    ChManyToMany(RoutingCHGraph graph, int realNodes, Workspace workspace) {
        this.graph = graph;
        this.realNodes = realNodes;
        this.out = graph.createOutEdgeExplorer();
        this.in = graph.createInEdgeExplorer();
        workspace.ensure(graph.getNodes());
        this.weight = workspace.weight;
        this.bucketHead = workspace.bucketHead;
    }

    /**
     * The per-node arrays of a search (as large as the graph), kept between searches so that a matrix of two points
     * costs its searches, not the graph's size: left as found (every weight infinite, every bucket empty) after
     * {@link #weights}. One search at a time per workspace.
     */
    static final class Workspace {
        double[] weight = new double[0];
        int[] bucketHead = new int[0];

        void ensure(int nodes) {
            if (weight.length < nodes) {
                int capacity = nodes + 64; // room for a few more query points next time
                weight = new double[capacity];
                Arrays.fill(weight, Double.POSITIVE_INFINITY);
                bucketHead = new int[capacity];
                Arrays.fill(bucketHead, -1);
            }
        }
    }

    /**
     * The weights (seconds for our profile) from each of {@code nodes} to each other; {@code nodes[i] < 0} is a point
     * that is not on the graph (its row and column stay infinite). Infinite where there is no path; 0 on the
     * diagonal.
     */
    double[][] weights(int[] nodes) {
        int n = nodes.length;
        for (int t = 0; t < n; t++) {
            if (nodes[t] >= 0) {
                int target = t;
                climb(nodes[t], true, (node, w) -> addBucket(node, target, w));
            }
        }
        double[][] result = new double[n][n];
        for (int s = 0; s < n; s++) {
            double[] row = result[s];
            Arrays.fill(row, Double.POSITIVE_INFINITY);
            row[s] = 0;
            if (nodes[s] < 0) {
                continue;
            }
            climb(nodes[s], false, (node, w) -> {
                for (int b = bucketHead[node]; b >= 0; b = bucketNext[b]) {
                    reads++;
                    double total = w + bucketWeight[b];
                    if (total < row[bucketTarget[b]]) {
                        row[bucketTarget[b]] = total;
                    }
                }
            });
        }
        for (int b = 0; b < buckets; b++) {
            bucketHead[bucketNode[b]] = -1; // the workspace as found
        }
        return result;
    }

    private interface Visit {
        void settled(int node, double weight);
    }

    /** A Dijkstra search from {@code start} that only climbs: every node it settles, with its final weight. */
    private void climb(int start, boolean backward, Visit visit) {
        RoutingCHEdgeExplorer explorer = backward ? in : out;
        touch(start, 0);
        heap.clear();
        heap.push(0, start);
        while (!heap.isEmpty()) {
            double w = heap.topKey();
            int node = heap.pop();
            if (w > weight[node]) {
                continue; // an older, worse entry
            }
            if (stalled(node, w, backward)) {
                stalls++;
                continue;
            }
            settled++;
            visit.settled(node, w);
            RoutingCHEdgeIterator it = explorer.setBaseNode(node);
            while (it.next()) {
                if (!upward(it.getBaseNode(), it.getAdjNode(), it.isShortcut())) {
                    continue;
                }
                double edge = it.getWeight(backward);
                if (Double.isInfinite(edge)) {
                    continue;
                }
                int adj = it.getAdjNode();
                double next = w + edge;
                if (next < weight[adj]) {
                    touch(adj, next);
                    heap.push(next, adj);
                }
            }
        }
        for (int i = 0; i < touchedCount; i++) {
            weight[touched[i]] = Double.POSITIVE_INFINITY;
        }
        touchedCount = 0;
    }

    /**
     * Stall-on-demand: a node that a node above it, already reached, reaches more cheaply than this search did is
     * not on any shortest path through here; neither expanded nor noted (its weight is not its distance).
     */
    private boolean stalled(int node, double w, boolean backward) {
        RoutingCHEdgeIterator it = (backward ? out : in).setBaseNode(node);
        while (it.next()) {
            int adj = it.getAdjNode();
            double reached = weight[adj];
            if (reached == Double.POSITIVE_INFINITY || !upward(node, adj, it.isShortcut())) {
                continue;
            }
            if (reached + it.getWeight(!backward) < w) {
                return true;
            }
        }
        return false;
    }

    /** Search statistics: settled nodes, stalled nodes, notes left, notes read. */
    String stats() {
        return "settled=" + settled + " stalled=" + stalls + " notes=" + buckets + " read=" + reads;
    }

    /** The same filter as GraphHopper's own CH searches: towards higher levels; query points' edges always. */
    private boolean upward(int base, int adj, boolean shortcut) {
        if (base >= realNodes || adj >= realNodes || shortcut) {
            return true; // shortcuts are only stored going up
        }
        return graph.getLevel(base) <= graph.getLevel(adj);
    }

    private void touch(int node, double w) {
        if (weight[node] == Double.POSITIVE_INFINITY) {
            if (touchedCount == touched.length) {
                touched = Arrays.copyOf(touched, touchedCount * 2);
            }
            touched[touchedCount++] = node;
        }
        weight[node] = w;
    }

    private void addBucket(int node, int target, double w) {
        if (buckets == bucketNext.length) {
            bucketNext = Arrays.copyOf(bucketNext, buckets * 2);
            bucketNode = Arrays.copyOf(bucketNode, buckets * 2);
            bucketTarget = Arrays.copyOf(bucketTarget, buckets * 2);
            bucketWeight = Arrays.copyOf(bucketWeight, buckets * 2);
        }
        bucketNode[buckets] = node;
        bucketNext[buckets] = bucketHead[node];
        bucketTarget[buckets] = target;
        bucketWeight[buckets] = w;
        bucketHead[node] = buckets++;
    }

    /** A binary min-heap of (weight, node), duplicates allowed (stale entries are skipped when popped). */
    private static final class Heap {
        private double[] keys = new double[256];
        private int[] values = new int[256];
        private int size;

        void clear() {
            size = 0;
        }

        boolean isEmpty() {
            return size == 0;
        }

        double topKey() {
            return keys[0];
        }

        void push(double key, int value) {
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            int i = size++;
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                if (keys[parent] <= key) {
                    break;
                }
                keys[i] = keys[parent];
                values[i] = values[parent];
                i = parent;
            }
            keys[i] = key;
            values[i] = value;
        }

        int pop() {
            int top = values[0];
            double key = keys[--size];
            int value = values[size];
            int i = 0;
            while (true) {
                int child = 2 * i + 1;
                if (child >= size) {
                    break;
                }
                if (child + 1 < size && keys[child + 1] < keys[child]) {
                    child++;
                }
                if (keys[child] >= key) {
                    break;
                }
                keys[i] = keys[child];
                values[i] = values[child];
                i = child;
            }
            keys[i] = key;
            values[i] = value;
            return top;
        }
    }
}
