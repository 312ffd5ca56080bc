package fr.mediance.systemtests;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A mobile link between a client and the office server, emulated by a TCP proxy on 127.0.0.1 (this kernel has
 * no netem). The client connects to {@link #port()}; each connection is relayed to the upstream server.
 *
 * <p>Per direction ({@link Dir#UP} client→server, {@link Dir#DOWN} server→client):
 * <ul>
 *   <li><b>bandwidth</b>: the link serialises bytes at the cap on a virtual clock (quanta of ≈ 5 ms of the
 *       rate, at least 1 KiB), so that sleep jitter does not drift, and reads from the sender only when the
 *       previous quantum has left, so TCP back-pressure reaches the sender as on a real bottleneck. The cap is
 *       one for the direction, shared by every open connection as a radio link shares it: two connections
 *       sending at once get about half of it each, quantum after quantum, never twice the cap together. A
 *       reader woken late by a busy machine while bytes were waiting catches up (up to 40 ms of lag); an idle
 *       link gives no credit, so it never sends faster than the cap. Bytes "in flight" are at most one quantum
 *       per connection plus rate × latency;</li>
 *   <li><b>latency</b>: each quantum is delivered a fixed one-way delay after it has been serialised; a new
 *       connection also pays one round trip (the TCP handshake) before its first byte goes up;</li>
 *   <li><b>cuts</b>: after N more bytes ({@link #cutAfter}), at given positions of the direction's byte
 *       counter ({@link #cutAt}), or at random positions drawn from the seeded {@link Random}
 *       ({@link #randomCuts}): exactly the bytes before the cut position are delivered, then every open
 *       connection is reset (RST both ways). After a cut new connections are accepted, or refused until
 *       {@link #heal()} ({@link AfterCut});</li>
 *   <li><b>counters</b>: bytes taken onto the link and bytes delivered. {@link #upBytes()} is what the client
 *       put on the link: what a bound on sent bytes compares against.</li>
 * </ul>
 * Request triggers watch the client→server bytes for a marker such as {@code "POST /api/v1/sync/push "}:
 * {@link #dropResponseTo} cuts the connection when the server starts answering that request (the server did
 * the work, the answer is lost), {@link #onRequest} runs an action a given number of bytes after the marker
 * (e.g. {@code kill -9} of the server in the middle of an upload).
 *
 * <p>Deterministic for a seed: cut positions are byte positions, not times. Timing is as good as the
 * JVM's {@code parkNanos} (≈ 0.1 ms here). Not emulated: packet loss and TCP's reaction to it (slow start
 * after loss, retransmission timeouts), radio wake-up. A refused connection is accepted then reset at once
 * (the client sees a reset rather than "connection refused": both are a network failure for it).
 */
public final class LinkEmulator implements AutoCloseable {
    /** A direction of the link. */
    public enum Dir {
        UP,
        DOWN
    }

    /** What happens to new connections after a cut. */
    public enum AfterCut {
        /** Accepted at once, as when the signal comes back immediately. */
        ACCEPT,
        /** Refused (reset at accept) until {@link #heal()}. */
        REFUSE
    }

    /** Rate and one-way delay of one direction. {@code bitsPerSecond} 0 means no cap. */
    public record Shape(long bitsPerSecond, Duration latency) {
        public Shape {
            if (bitsPerSecond < 0) {
                throw new IllegalArgumentException("negative rate");
            }
            Objects.requireNonNull(latency, "latency");
            if (latency.isNegative()) {
                throw new IllegalArgumentException("negative latency");
            }
        }

        public static Shape unlimited() {
            return new Shape(0, Duration.ZERO);
        }
    }

    /** A named link: up and down shapes. The round trip is the sum of the two one-way delays. */
    public record Profile(String name, Shape up, Shape down) {
        /** Rural 4G, ARCEP 2021 mean upload: 7.7 Mbit/s up, 46 Mbit/s down, 50 ms round trip. */
        public static final Profile RURAL_4G = symmetricRtt("rural-4g", 7_700_000, 46_000_000, 50);
        /** The 3G era mean (ARCEP): 1.3 Mbit/s up, 3 Mbit/s down, 100 ms round trip. */
        public static final Profile OLD_3G = symmetricRtt("old-3g", 1_300_000, 3_000_000, 100);
        /** A weak signal ("Regular 3G" throttling preset): 250 kbit/s up, 750 kbit/s down, 100 ms. */
        public static final Profile WEAK = symmetricRtt("weak", 250_000, 750_000, 100);
        /** Loopback as it is: no cap, no delay. */
        public static final Profile UNLIMITED = new Profile("unlimited", Shape.unlimited(), Shape.unlimited());

        /** Up and down rates, the round trip split evenly between the two directions. */
        public static Profile symmetricRtt(String name, long upBitsPerSecond, long downBitsPerSecond, long rttMillis) {
            Duration oneWay = Duration.ofNanos(rttMillis * 1_000_000 / 2);
            return new Profile(name, new Shape(upBitsPerSecond, oneWay), new Shape(downBitsPerSecond, oneWay));
        }

        public Duration rtt() {
            return up.latency.plus(down.latency);
        }

        public Shape shape(Dir d) {
            return d == Dir.UP ? up : down;
        }
    }

    /** The counters at one moment. */
    public record Counters(
            long upBytes,
            long upDelivered,
            long downBytes,
            long downDelivered,
            int connections,
            int cuts,
            int refused) {}

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    /** What a reader late by scheduling may catch up, when bytes were waiting for it. */
    private static final long CATCH_UP_NANOS = 40_000_000L;

    private final InetSocketAddress upstream;
    private final ServerSocket listener;
    private final Random random;
    private final DirState up = new DirState(Dir.UP);
    private final DirState down = new DirState(Dir.DOWN);
    private final Set<Connection> open = ConcurrentHashMap.newKeySet();
    private final List<Trigger> triggers = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger cuts = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final Thread acceptor;
    private volatile Profile profile;
    private volatile AfterCut afterCut = AfterCut.ACCEPT;
    private volatile boolean refusing;
    private volatile boolean handshakeRoundTrip = true;
    private volatile boolean closed;

    private LinkEmulator(InetSocketAddress upstream, int listenPort, Profile profile, long seed) {
        this.upstream = upstream;
        this.profile = Objects.requireNonNull(profile, "profile");
        this.random = new Random(seed);
        try {
            ServerSocket s = new ServerSocket();
            s.setReuseAddress(true);
            // Small kernel buffers keep the bytes "on the link" in the emulator, where they are counted and cut.
            s.setReceiveBufferSize(64 * 1024);
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), listenPort), 128);
            this.listener = s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.acceptor = new Thread(this::acceptLoop, "link-accept-" + listener.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A link on a free port of 127.0.0.1 to the server listening on {@code upstreamPort} of 127.0.0.1. */
    public static LinkEmulator start(int upstreamPort, Profile profile, long seed) {
        return start(upstreamPort, 0, profile, seed);
    }

    /** As {@link #start(int, Profile, long)}, listening on {@code listenPort} (0: a free one). */
    public static LinkEmulator start(int upstreamPort, int listenPort, Profile profile, long seed) {
        return new LinkEmulator(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), upstreamPort), listenPort, profile, seed);
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** The URL a client uses to reach the server through this link. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + port());
    }

    public Profile profile() {
        return profile;
    }

    /** Changes rate and delays; applies to bytes read from now on, on open connections too. */
    public LinkEmulator profile(Profile p) {
        profile = Objects.requireNonNull(p);
        return this;
    }

    /** Whether a new connection pays one round trip before its first byte goes up (default true). */
    public LinkEmulator handshakeRoundTrip(boolean v) {
        handshakeRoundTrip = v;
        return this;
    }

    public LinkEmulator afterCut(AfterCut policy) {
        afterCut = Objects.requireNonNull(policy);
        return this;
    }

    /** New connections are accepted again (after a cut with {@link AfterCut#REFUSE} or {@link #refuse()}). */
    public void heal() {
        refusing = false;
    }

    /** From now on new connections are refused, until {@link #heal()}; open ones are left alone. */
    public void refuse() {
        refusing = true;
    }

    /** No signal: open connections are reset and new ones refused, until {@link #heal()}. */
    public void down() {
        refusing = true;
        List<Connection> now = new ArrayList<>(open);
        if (!now.isEmpty()) {
            cuts.incrementAndGet();
        }
        for (Connection c : now) {
            c.reset();
        }
    }

    public boolean refusing() {
        return refusing;
    }

    // ---------------------------------------------------------------- cuts and triggers

    /** Cuts every connection once {@code bytes} more bytes have gone in direction {@code d}. */
    public void cutAfter(Dir d, long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("negative byte count");
        }
        DirState s = state(d);
        synchronized (s) {
            s.cutsAt.add(s.in + bytes);
        }
    }

    /** Cuts every connection when the byte counter of {@code d} reaches each of {@code positions}. */
    public void cutAt(Dir d, long... positions) {
        DirState s = state(d);
        synchronized (s) {
            for (long p : positions) {
                if (p > s.in) {
                    s.cutsAt.add(p);
                }
            }
        }
    }

    /**
     * Random resets: after each cut (and from now) the next one comes after a number of bytes of {@code d}
     * drawn uniformly in [{@code minBytes}, {@code maxBytes}] from the seeded random; {@code count} cuts in
     * all (0 stops them).
     */
    public void randomCuts(Dir d, long minBytes, long maxBytes, int count) {
        if (minBytes < 1 || maxBytes < minBytes) {
            throw new IllegalArgumentException("bad range");
        }
        DirState s = state(d);
        synchronized (s) {
            s.randomMin = minBytes;
            s.randomMax = maxBytes;
            s.randomLeft = count;
            if (s.randomNext < 0 && count > 0) {
                s.randomNext = s.in + draw(minBytes, maxBytes);
            } else if (count == 0) {
                s.randomNext = -1;
            }
        }
    }

    /** Positions of {@code d}'s byte counter where cuts by position happened so far, in order. */
    public List<Long> cutHistory(Dir d) {
        DirState s = state(d);
        synchronized (s) {
            return List.copyOf(s.history);
        }
    }

    /** Cut positions of {@code d} still to come, in its byte counter. */
    public List<Long> pendingCuts(Dir d) {
        DirState s = state(d);
        synchronized (s) {
            List<Long> all = new ArrayList<>(s.cutsAt);
            if (s.randomNext >= 0) {
                all.add(s.randomNext);
            }
            all.sort(null);
            return all;
        }
    }

    private long draw(long min, long max) {
        synchronized (random) {
            return min + (max == min ? 0 : (long) (random.nextDouble() * (max - min + 1)));
        }
    }

    /**
     * The next request whose bytes contain {@code marker} (e.g. {@code "POST /api/v1/sync/push "}) gets no
     * answer: when the server sends the first byte of its response, that connection is reset, so the client
     * never sees it. One-shot. Only that connection is reset; with {@link AfterCut#REFUSE} new connections are
     * refused from then on, until {@link #heal()}.
     */
    public void dropResponseTo(String marker) {
        triggers.add(new Trigger(marker, 0, null, true));
    }

    /**
     * Runs {@code action} once, on the link's thread, when {@code bytesAfter} more client→server bytes have
     * passed on the connection of the next request containing {@code marker} (exactly: the bytes before that
     * point are delivered first, the following ones after the action). One-shot. The action must be quick
     * (start a thread for anything slow).
     */
    public void onRequest(String marker, long bytesAfter, Runnable action) {
        triggers.add(new Trigger(marker, bytesAfter, Objects.requireNonNull(action), false));
    }

    /** Triggers not fired yet. */
    public int pendingTriggers() {
        return triggers.size();
    }

    /** Resets every open connection now (both ways), as when the signal drops. */
    public void cutAllNow() {
        List<Connection> now = new ArrayList<>(open);
        cuts.incrementAndGet();
        if (afterCut == AfterCut.REFUSE) {
            refusing = true;
        }
        for (Connection c : now) {
            c.reset();
        }
    }

    // ---------------------------------------------------------------- counters

    /** Bytes the client put on the link (taken by the link from the client's connections), all connections. */
    public long upBytes() {
        return up.inCount.get();
    }

    /** Bytes delivered to the server. */
    public long upDelivered() {
        return up.outCount.get();
    }

    public long downBytes() {
        return down.inCount.get();
    }

    public long downDelivered() {
        return down.outCount.get();
    }

    public Counters counters() {
        return new Counters(
                up.inCount.get(),
                up.outCount.get(),
                down.inCount.get(),
                down.outCount.get(),
                connections.get(),
                cuts.get(),
                refused.get());
    }

    /** Connections accepted and relayed (refused ones excluded). */
    public int connections() {
        return connections.get();
    }

    public int cuts() {
        return cuts.get();
    }

    public int openConnections() {
        return open.size();
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Connection c : new ArrayList<>(open)) {
            c.reset();
        }
    }

    private DirState state(Dir d) {
        return d == Dir.UP ? up : down;
    }

    // ---------------------------------------------------------------- relaying

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                continue;
            }
            if (refusing) {
                refused.incrementAndGet();
                hardClose(client);
                continue;
            }
            Thread t = new Thread(() -> connect(client), "link-connect");
            t.setDaemon(true);
            t.start();
        }
    }

    private void connect(Socket client) {
        long acceptedAt = System.nanoTime();
        Socket server = new Socket();
        try {
            server.setSendBufferSize(64 * 1024);
            server.setTcpNoDelay(true);
            client.setTcpNoDelay(true);
            client.setSendBufferSize(64 * 1024);
            server.connect(upstream, 5_000);
        } catch (IOException e) {
            // The server is down: the client sees its connection reset.
            hardClose(server);
            hardClose(client);
            return;
        }
        Connection c = new Connection(client, server, connections.incrementAndGet());
        open.add(c);
        if (closed || refusing) {
            c.reset();
            return;
        }
        long firstUpAt = handshakeRoundTrip ? acceptedAt + profile.rtt().toNanos() : acceptedAt;
        c.start(firstUpAt);
    }

    private static void hardClose(Socket s) {
        try {
            if (!s.isClosed()) {
                s.setSoLinger(true, 0);
            }
        } catch (SocketException ignored) {
            // closing anyway
        }
        try {
            s.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }

    private static void sleepUntil(long deadlineNanos) {
        long wait;
        while ((wait = deadlineNanos - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }

    /** State of one direction shared by all connections: counters and cut positions. */
    private final class DirState {
        final Dir dir;
        final AtomicLong inCount = new AtomicLong();
        final AtomicLong outCount = new AtomicLong();
        final TreeSet<Long> cutsAt = new TreeSet<>();
        /** When the direction's link is free again: every connection's quanta are serialised one after another. */
        private long linkFreeAt = Long.MIN_VALUE;

        final List<Long> history = new ArrayList<>();
        long in; // guarded by this: the byte position used for cuts (== inCount)
        long randomMin;
        long randomMax;
        int randomLeft;
        long randomNext = -1;

        DirState(Dir dir) {
            this.dir = dir;
        }

        /**
         * Reserves the link for {@code serialNanos} from {@code now}, or right after the quantum before it when
         * bytes were waiting ({@code backToBack}) and the lag is under {@link #CATCH_UP_NANOS}; returns when the
         * reservation ends (the bytes have left).
         */
        synchronized long reserve(long now, long serialNanos, boolean backToBack) {
            long start = backToBack && linkFreeAt > now - CATCH_UP_NANOS ? linkFreeAt : Math.max(now, linkFreeAt);
            linkFreeAt = start + serialNanos;
            return linkFreeAt;
        }

        /**
         * Takes up to {@code wanted} bytes onto the link. Returns how many may pass before a cut; sets
         * {@code cut[0]} when the link must be cut right after them.
         */
        synchronized int admit(int wanted, boolean[] cut) {
            long next = Long.MAX_VALUE;
            Long fixed = cutsAt.isEmpty() ? null : cutsAt.first();
            if (fixed != null) {
                next = fixed;
            }
            if (randomNext >= 0) {
                next = Math.min(next, randomNext);
            }
            long allowed = Math.min(wanted, next - in);
            cut[0] = false;
            if (in + allowed == next) {
                cut[0] = true;
                history.add(next);
                while (!cutsAt.isEmpty() && cutsAt.first() <= next) {
                    cutsAt.pollFirst();
                }
                if (randomNext >= 0 && randomNext <= next) {
                    randomLeft--;
                    randomNext = randomLeft > 0 ? next + draw(randomMin, randomMax) : -1;
                }
            }
            in += allowed;
            inCount.addAndGet(allowed);
            return (int) allowed;
        }
    }

    /** A one-shot watch on client→server bytes. */
    private static final class Trigger {
        final byte[] marker;
        final long bytesAfter;
        final Runnable action;
        final boolean dropResponse;

        Trigger(String marker, long bytesAfter, Runnable action, boolean dropResponse) {
            if (marker.isEmpty()) {
                throw new IllegalArgumentException("empty marker");
            }
            this.marker = marker.getBytes(StandardCharsets.ISO_8859_1);
            this.bytesAfter = bytesAfter;
            this.action = action;
            this.dropResponse = dropResponse;
        }
    }

    /** An action armed on one connection at a position of its client→server bytes. */
    private record Armed(long position, Runnable action) {}

    /** One relayed connection: two flows, each a reader (link entry) and a writer (link exit). */
    private final class Connection {
        final Socket client;
        final Socket server;
        final int id;
        final Flow upFlow;
        final Flow downFlow;
        final List<Armed> armed = new CopyOnWriteArrayList<>();
        volatile boolean dropNextResponse;
        volatile boolean dead;
        private final AtomicInteger finished = new AtomicInteger();

        Connection(Socket client, Socket server, int id) {
            this.client = client;
            this.server = server;
            this.id = id;
            this.upFlow = new Flow(this, up, client, server);
            this.downFlow = new Flow(this, down, server, client);
        }

        void start(long firstUpAt) {
            upFlow.linkFreeAt = firstUpAt;
            upFlow.start();
            downFlow.start();
        }

        void reset() {
            if (dead) {
                return;
            }
            dead = true;
            hardClose(client);
            hardClose(server);
            upFlow.stop();
            downFlow.stop();
            open.remove(this);
        }

        /** Called when one flow has ended normally; the second one closes the connection. */
        void flowDone() {
            if (finished.incrementAndGet() == 2) {
                dead = true;
                try {
                    client.close();
                } catch (IOException ignored) {
                    // done anyway
                }
                try {
                    server.close();
                } catch (IOException ignored) {
                    // done anyway
                }
                open.remove(this);
            }
        }
    }

    private enum Kind {
        DATA,
        EOF,
        CUT,
        RESET
    }

    private record Segment(Kind kind, byte[] data, long deliverAt) {}

    /** One direction of one connection. */
    private final class Flow {
        final Connection conn;
        final DirState dir;
        final Socket from;
        final Socket to;
        final BlockingQueue<Segment> queue = new ArrayBlockingQueue<>(512);
        final Thread reader;
        final Thread writer;
        long linkFreeAt; // when this connection's last quantum has left the (shared) link
        long lastDeliverAt;
        long position; // bytes taken on this connection in this direction
        boolean backToBack; // bytes were waiting when the reader came back: the link had no idle time
        byte[] tail = new byte[0];

        Flow(Connection conn, DirState dir, Socket from, Socket to) {
            this.conn = conn;
            this.dir = dir;
            this.from = from;
            this.to = to;
            String name = "link-" + conn.id + "-" + dir.dir.name().toLowerCase();
            this.reader = new Thread(this::readLoop, name + "-in");
            this.writer = new Thread(this::writeLoop, name + "-out");
            reader.setDaemon(true);
            writer.setDaemon(true);
        }

        void start() {
            reader.start();
            writer.start();
        }

        void stop() {
            reader.interrupt();
            writer.interrupt();
        }

        private Shape shape() {
            return profile.shape(dir.dir);
        }

        private int quantum(Shape s) {
            if (s.bitsPerSecond() == 0) {
                return 64 * 1024;
            }
            long fiveMs = s.bitsPerSecond() / 8 / 200;
            return (int) Math.max(1024, Math.min(32 * 1024, fiveMs));
        }

        private void readLoop() {
            byte[] buf = new byte[64 * 1024];
            try {
                InputStream in = from.getInputStream();
                sleepUntil(linkFreeAt);
                while (!conn.dead) {
                    Shape s = shape();
                    backToBack = in.available() > 0;
                    int n = in.read(buf, 0, quantum(s));
                    if (n < 0) {
                        enqueue(new Segment(Kind.EOF, null, Math.max(lastDeliverAt, System.nanoTime())));
                        return;
                    }
                    if (dir.dir == Dir.UP) {
                        watchMarkers(buf, n);
                    } else if (conn.dropNextResponse) {
                        // The server answered a request whose answer must be lost.
                        conn.dropNextResponse = false;
                        cutAllConnection();
                        return;
                    }
                    if (!forward(buf, n, s)) {
                        return;
                    }
                    sleepUntil(linkFreeAt);
                }
            } catch (IOException e) {
                if (!conn.dead
                        && !queue.offer(new Segment(Kind.RESET, null, Math.max(lastDeliverAt, System.nanoTime())))) {
                    conn.reset();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** The server's answer to a watched request: this connection only is reset. */
        private void cutAllConnection() {
            cuts.incrementAndGet();
            if (afterCut == AfterCut.REFUSE) {
                refusing = true;
            }
            conn.reset();
        }

        /**
         * Puts {@code n} bytes on the link in slices between cut positions and armed actions. Returns false
         * when the link was cut.
         */
        private boolean forward(byte[] buf, int n, Shape s) throws InterruptedException {
            int off = 0;
            boolean[] cut = new boolean[1];
            while (off < n) {
                int len = n - off;
                Armed next = null;
                if (dir.dir == Dir.UP) {
                    for (Armed a : conn.armed) {
                        if (next == null || a.position() < next.position()) {
                            next = a;
                        }
                    }
                    if (next != null) {
                        len = (int) Math.max(0, Math.min(len, next.position() - position));
                    }
                }
                int allowed = dir.admit(len, cut);
                if (allowed > 0) {
                    byte[] data = new byte[allowed];
                    System.arraycopy(buf, off, data, 0, allowed);
                    long now = Math.max(System.nanoTime(), linkFreeAt);
                    // A reader woken late by a busy machine, while bytes were already waiting, sends them as if
                    // on time (back to back with the previous quantum), if the lag is under CATCH_UP; a link
                    // that was idle starts now: it never sends faster than its rate. The link is the direction's,
                    // shared with the other connections: a quantum goes after theirs.
                    long serial = s.bitsPerSecond() == 0 ? 0 : allowed * 8L * NANOS_PER_SECOND / s.bitsPerSecond();
                    linkFreeAt = serial == 0 ? now : dir.reserve(now, serial, backToBack);
                    backToBack = true; // the next slice of this read follows this one
                    long deliverAt = Math.max(
                            lastDeliverAt,
                            Math.max(now, linkFreeAt) + s.latency().toNanos());
                    lastDeliverAt = deliverAt;
                    enqueue(new Segment(Kind.DATA, data, deliverAt));
                    off += allowed;
                    position += allowed;
                }
                if (cut[0]) {
                    enqueue(new Segment(Kind.CUT, null, lastDeliverAt));
                    return false;
                }
                if (next != null && position >= next.position()) {
                    conn.armed.remove(next);
                    next.action().run();
                    if (conn.dead) {
                        return false;
                    }
                }
            }
            return true;
        }

        private void watchMarkers(byte[] buf, int n) {
            if (triggers.isEmpty()) {
                return;
            }
            int keep = 0;
            for (Trigger t : triggers) {
                keep = Math.max(keep, t.marker.length - 1);
            }
            byte[] window = new byte[tail.length + n];
            System.arraycopy(tail, 0, window, 0, tail.length);
            System.arraycopy(buf, 0, window, tail.length, n);
            long windowStart = position - tail.length;
            for (Iterator<Trigger> it = triggers.iterator(); it.hasNext(); ) {
                Trigger t = it.next();
                int at = indexOf(window, t.marker);
                if (at >= 0 && triggers.remove(t)) {
                    long end = windowStart + at + t.marker.length;
                    if (t.dropResponse) {
                        conn.dropNextResponse = true;
                    } else {
                        conn.armed.add(new Armed(end + t.bytesAfter, t.action));
                    }
                }
            }
            int k = Math.min(keep, window.length);
            tail = new byte[k];
            System.arraycopy(window, window.length - k, tail, 0, k);
        }

        private void enqueue(Segment s) throws InterruptedException {
            queue.put(s);
        }

        private void writeLoop() {
            try {
                OutputStream out = to.getOutputStream();
                while (true) {
                    Segment s = queue.take();
                    sleepUntil(s.deliverAt());
                    if (conn.dead) {
                        return;
                    }
                    switch (s.kind()) {
                        case DATA -> {
                            out.write(s.data());
                            dir.outCount.addAndGet(s.data().length);
                        }
                        case EOF -> {
                            to.shutdownOutput();
                            conn.flowDone();
                            return;
                        }
                        case CUT -> {
                            cutAllNow();
                            return;
                        }
                        case RESET -> {
                            conn.reset();
                            return;
                        }
                        default -> throw new IllegalStateException();
                    }
                }
            } catch (IOException e) {
                conn.reset();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
