package fr.mediance.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import fr.mediance.systemtests.LinkEmulator.AfterCut;
import fr.mediance.systemtests.LinkEmulator.Dir;
import fr.mediance.systemtests.LinkEmulator.Profile;
import fr.mediance.systemtests.LinkEmulator.Shape;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The link emulator against small TCP servers of the test's own: rate, delay, cuts, triggers and counters.
 * Durations are short and bounds generous, so that a busy machine does not make them flaky.
 */
@Timeout(60)
class LinkEmulatorTest {
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private <T extends AutoCloseable> T keep(T t) {
        open.add(t);
        return t;
    }

    private static Profile profile(long upBps, long downBps, long rttMs) {
        return Profile.symmetricRtt("test", upBps, downBps, rttMs);
    }

    @Test
    void upstreamThroughputStaysWithinFifteenPercentOfTheCap() throws Exception {
        Upstream sink = keep(Upstream.sinkAcking(300_000));
        LinkEmulator link = keep(
                LinkEmulator.start(sink.port(), profile(2_000_000, 0, 0), 1).handshakeRoundTrip(false));
        try (Socket s = connect(link)) {
            byte[] payload = new byte[300_000];
            s.getOutputStream().write(payload);
            assertThat(s.getInputStream().read()).isEqualTo(1); // the sink's acknowledgement
        }
        // Measured where the bytes arrive: from the first to the last byte received.
        double seconds = (sink.lastByteNanos - sink.firstByteNanos) / 1e9;
        double expected = 300_000 * 8 / 2_000_000.0; // 1.2 s
        assertThat(seconds).isCloseTo(expected, within(expected * 0.15));
        assertThat(link.upBytes()).isEqualTo(300_000);
        awaitDelivered(link, 300_000, 1);
        assertThat(link.downBytes()).isEqualTo(1);
    }

    @Test
    void downstreamThroughputStaysWithinFifteenPercentOfTheCap() throws Exception {
        Upstream source = keep(Upstream.sendingOnRequest(400_000));
        LinkEmulator link = keep(
                LinkEmulator.start(source.port(), profile(0, 4_000_000, 0), 1).handshakeRoundTrip(false));
        try (Socket s = connect(link)) {
            s.getOutputStream().write('g');
            InputStream in = s.getInputStream();
            int first = in.read();
            long t0 = System.nanoTime(); // from the first byte received to the last
            long got = 1 + drain(in, 400_000 - 1);
            double seconds = (System.nanoTime() - t0) / 1e9;
            assertThat(first).isZero();
            assertThat(got).isEqualTo(400_000);
            double expected = 400_000 * 8 / 4_000_000.0; // 0.8 s
            assertThat(seconds).isCloseTo(expected, within(expected * 0.15));
        }
        assertThat(link.downBytes()).isEqualTo(400_000);
    }

    @Test
    void twoConnectionsSendingAtOnceShareTheCapOfTheLink() throws Exception {
        Upstream sink = keep(Upstream.sinkAcking(200_000));
        LinkEmulator link = keep(
                LinkEmulator.start(sink.port(), profile(2_000_000, 0, 0), 1).handshakeRoundTrip(false));
        try (Socket a = connect(link);
                Socket b = connect(link)) {
            long t0 = System.nanoTime();
            Thread other = new Thread(() -> {
                try {
                    b.getOutputStream().write(new byte[200_000]);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            other.start();
            a.getOutputStream().write(new byte[200_000]);
            assertThat(a.getInputStream().read()).isEqualTo(1);
            assertThat(b.getInputStream().read()).isEqualTo(1);
            double seconds = (System.nanoTime() - t0) / 1e9;
            other.join();
            // one link: 400,000 bytes at 2 Mbit/s take 1.6 s, not the 0.8 s of two links of their own
            double expected = 400_000 * 8 / 2_000_000.0;
            assertThat(seconds).isCloseTo(expected, within(expected * 0.15));
        }
        assertThat(link.upBytes()).isEqualTo(400_000);
    }

    @Test
    void eachRoundTripPaysTheProfileDelayAndANewConnectionOneMore() throws Exception {
        Upstream echo = keep(Upstream.echo());
        LinkEmulator link = keep(LinkEmulator.start(echo.port(), profile(0, 0, 100), 1));
        try (Socket s = connect(link)) {
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            long t0 = System.nanoTime();
            out.write('a');
            assertThat(in.read()).isEqualTo('a');
            long firstMs = (System.nanoTime() - t0) / 1_000_000;
            assertThat(firstMs).as("handshake + one round trip").isBetween(195L, 450L);
            for (int i = 0; i < 3; i++) {
                long t = System.nanoTime();
                out.write('b');
                assertThat(in.read()).isEqualTo('b');
                long ms = (System.nanoTime() - t) / 1_000_000;
                assertThat(ms).as("one round trip").isBetween(98L, 250L);
            }
        }
        assertThat(link.profile().rtt()).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void aCutAfterNBytesDeliversExactlyNThenResetsAndAcceptsNewConnections() throws Exception {
        Upstream sink = keep(Upstream.sinkAcking(Long.MAX_VALUE));
        LinkEmulator link = keep(LinkEmulator.start(sink.port(), Profile.UNLIMITED, 1));
        link.cutAfter(Dir.UP, 40_000);
        try (Socket s = connect(link)) {
            assertThatThrownBy(() -> {
                        OutputStream out = s.getOutputStream();
                        for (int i = 0; i < 100; i++) {
                            out.write(new byte[10_000]);
                        }
                        s.getInputStream().read(); // the connection must have been reset by now
                        throw new IOException("no reset");
                    })
                    .isInstanceOf(IOException.class)
                    .hasMessageNotContaining("no reset");
        }
        sink.awaitConnectionsEnded(1);
        assertThat(sink.received()).containsExactly(40_000L);
        awaitDelivered(link, 40_000, 0);
        assertThat(link.counters()).isEqualTo(new LinkEmulator.Counters(40_000, 40_000, 0, 0, 1, 1, 0));

        try (Socket s = connect(link)) { // ACCEPT: the next connection works
            s.getOutputStream().write(new byte[1000]);
            s.shutdownOutput();
            assertThat(s.getInputStream().read()).isEqualTo(-1);
        }
        sink.awaitConnectionsEnded(2);
        assertThat(sink.received()).containsExactly(40_000L, 1000L);
    }

    @Test
    void afterACutWithRefuseNewConnectionsFailUntilHealed() throws Exception {
        Upstream echo = keep(Upstream.echo());
        LinkEmulator link =
                keep(LinkEmulator.start(echo.port(), Profile.UNLIMITED, 1).afterCut(AfterCut.REFUSE));
        try (Socket s = connect(link)) {
            roundTrip(s);
            link.cutAllNow();
            assertThatThrownBy(() -> roundTrip(s)).isInstanceOf(IOException.class);
        }
        assertThat(link.refusing()).isTrue();
        try (Socket s = connect(link)) {
            assertThatThrownBy(() -> roundTrip(s)).isInstanceOf(IOException.class);
        }
        link.heal();
        try (Socket s = connect(link)) {
            roundTrip(s);
        }
        assertThat(link.counters().refused()).isEqualTo(1);
        assertThat(link.cuts()).isEqualTo(1);
    }

    @Test
    void aDroppedResponseReachesTheServerButNeverTheClient() throws Exception {
        Upstream echo = keep(Upstream.echo());
        LinkEmulator link = keep(LinkEmulator.start(echo.port(), Profile.UNLIMITED, 1));
        link.dropResponseTo("POST /push ");
        try (Socket s = connect(link)) {
            s.getOutputStream().write("GET /a HTTP/1.1\r\n".getBytes(StandardCharsets.ISO_8859_1));
            assertThat(new String(s.getInputStream().readNBytes(17), StandardCharsets.ISO_8859_1))
                    .isEqualTo("GET /a HTTP/1.1\r\n");
            s.getOutputStream().write("POST /push HTTP/1.1\r\n".getBytes(StandardCharsets.ISO_8859_1));
            assertThatThrownBy(() -> {
                        if (s.getInputStream().read() >= 0) {
                            throw new AssertionError("an answer came through");
                        }
                        throw new IOException("closed");
                    })
                    .isInstanceOf(IOException.class);
        }
        echo.awaitConnectionsEnded(1);
        assertThat(echo.received()).containsExactly(17L + 21L);
        assertThat(link.pendingTriggers()).isZero();
    }

    @Test
    void aRequestTriggerRunsItsActionAtTheExactByteAfterTheMarker() throws Exception {
        Upstream sink = keep(Upstream.sinkAcking(Long.MAX_VALUE));
        LinkEmulator link = keep(LinkEmulator.start(sink.port(), profile(8_000_000, 0, 0), 1));
        AtomicLong upAtAction = new AtomicLong(-1);
        AtomicLong deliveredAtAction = new AtomicLong(-1);
        link.onRequest("PATCH /uploads/", 5_000, () -> {
            upAtAction.set(link.upBytes());
            deliveredAtAction.set(link.upDelivered());
        });
        byte[] head = "PATCH /uploads/abc HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
        try (Socket s = connect(link)) {
            OutputStream out = s.getOutputStream();
            out.write(new byte[3_000]);
            out.write(head);
            out.write(new byte[20_000]);
            s.shutdownOutput();
            s.getInputStream().read();
        }
        long markerEnd = 3_000 + "PATCH /uploads/".length();
        assertThat(upAtAction.get()).isEqualTo(markerEnd + 5_000);
        assertThat(deliveredAtAction.get()).isLessThanOrEqualTo(markerEnd + 5_000);
        sink.awaitConnectionsEnded(1);
        assertThat(sink.received()).containsExactly(3_000L + head.length + 20_000L);
    }

    @Test
    void randomCutsFallAtTheSamePositionsForTheSameSeed() throws Exception {
        assertThat(cutPositions(7))
                .isEqualTo(cutPositions(7))
                .hasSize(5)
                .allSatisfy(p -> assertThat(p).isBetween(10_000L, 5 * 30_000L));
        assertThat(cutPositions(7)).isNotEqualTo(cutPositions(8));
    }

    /** Bytes received by the server on each connection, sending until 5 random cuts have happened. */
    private List<Long> cutPositions(long seed) throws Exception {
        try (Upstream sink = Upstream.sinkAcking(Long.MAX_VALUE);
                LinkEmulator link = LinkEmulator.start(sink.port(), Profile.UNLIMITED, seed)) {
            link.randomCuts(Dir.UP, 10_000, 30_000, 5);
            List<Long> cutsAt = new ArrayList<>();
            int connections = 0;
            while (link.cuts() < 5) {
                connections++;
                try (Socket s = connect(link)) {
                    OutputStream out = s.getOutputStream();
                    for (int i = 0; i < 40; i++) {
                        out.write(new byte[1_000]);
                    }
                    s.shutdownOutput();
                    s.getInputStream().read();
                } catch (IOException cut) {
                    // expected
                }
                sink.awaitConnectionsEnded(connections);
                cutsAt.add(link.upBytes());
            }
            assertThat(link.pendingCuts(Dir.UP)).isEmpty();
            List<Long> distinct = new ArrayList<>(new java.util.LinkedHashSet<>(cutsAt));
            return distinct.subList(0, Math.min(5, distinct.size()));
        }
    }

    @Test
    void theSameShapeAppliesToEveryOpenConnectionAndCountersAddUp() throws Exception {
        Upstream echo = keep(Upstream.echo());
        LinkEmulator link = keep(LinkEmulator.start(echo.port(), Profile.UNLIMITED, 1));
        try (Socket a = connect(link);
                Socket b = connect(link)) {
            byte[] data = new byte[10_000];
            new Random(1).nextBytes(data);
            a.getOutputStream().write(data);
            b.getOutputStream().write(data);
            assertThat(a.getInputStream().readNBytes(10_000)).isEqualTo(data);
            assertThat(b.getInputStream().readNBytes(10_000)).isEqualTo(data);
        }
        echo.awaitConnectionsEnded(2);
        awaitDelivered(link, 20_000, 20_000);
        LinkEmulator.Counters c = link.counters();
        assertThat(c.upBytes()).isEqualTo(20_000);
        assertThat(c.upDelivered()).isEqualTo(20_000);
        assertThat(c.downBytes()).isEqualTo(20_000);
        assertThat(c.downDelivered()).isEqualTo(20_000);
        assertThat(c.connections()).isEqualTo(2);
    }

    @Test
    void aServerThatIsDownResetsTheClientsConnection() throws Exception {
        int port = ServerProcess.freePort();
        LinkEmulator link = keep(LinkEmulator.start(port, Profile.UNLIMITED, 1));
        try (Socket s = connect(link)) {
            assertThatThrownBy(() -> roundTrip(s)).isInstanceOf(IOException.class);
        }
        assertThat(link.connections()).isZero();
        assertThat(new Shape(0, Duration.ZERO)).isEqualTo(Shape.unlimited());
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** A writer counts its bytes once its write returned, a moment after the receiver may have read them. */
    private static void awaitDelivered(LinkEmulator link, long up, long down) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while ((link.upDelivered() != up || link.downDelivered() != down) && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        assertThat(link.upDelivered()).isEqualTo(up);
        assertThat(link.downDelivered()).isEqualTo(down);
    }

    private static Socket connect(LinkEmulator link) throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), link.port());
        s.setSoTimeout(20_000);
        return s;
    }

    private static void roundTrip(Socket s) throws IOException {
        s.getOutputStream().write('x');
        int r = s.getInputStream().read();
        if (r != 'x') {
            throw new IOException("no echo: " + r);
        }
    }

    private static long drain(InputStream in, long max) throws IOException {
        byte[] buf = new byte[16 * 1024];
        long total = 0;
        int n;
        while (total < max && (n = in.read(buf)) >= 0) {
            total += n;
        }
        return total;
    }

    /** A tiny TCP server on 127.0.0.1: one thread per connection, bytes received counted per connection. */
    static final class Upstream implements AutoCloseable {
        interface Handler {
            long handle(Socket s) throws IOException;
        }

        private final ServerSocket server;
        private final List<Long> received = new CopyOnWriteArrayList<>();
        volatile long firstByteNanos;
        volatile long lastByteNanos;

        private Upstream(Handler handler) throws IOException {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread t = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket s = server.accept();
                        Thread c = new Thread(() -> {
                            long got = 0;
                            try (s) {
                                got = handler.handle(s);
                            } catch (IOException ignored) {
                                // counted below
                            } finally {
                                received.add(got < 0 ? -got : got);
                            }
                        });
                        c.setDaemon(true);
                        c.start();
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            t.setDaemon(true);
            t.start();
        }

        /** Reads until EOF or reset; writes one byte 1 once {@code ackAfter} bytes arrived. */
        static Upstream sinkAcking(long ackAfter) throws IOException {
            Upstream[] self = new Upstream[1];
            self[0] = new Upstream(s -> {
                long[] got = {0};
                byte[] buf = new byte[64 * 1024];
                InputStream in = s.getInputStream();
                try {
                    int n;
                    while ((n = in.read(buf)) >= 0) {
                        if (got[0] == 0) {
                            self[0].firstByteNanos = System.nanoTime();
                        }
                        self[0].lastByteNanos = System.nanoTime();
                        got[0] += n;
                        if (got[0] >= ackAfter && got[0] - n < ackAfter) {
                            s.getOutputStream().write(1);
                        }
                    }
                } catch (IOException reset) {
                    return got[0];
                }
                return got[0];
            });
            return self[0];
        }

        /** Sends {@code size} bytes when it receives its first byte, then closes. */
        static Upstream sendingOnRequest(int size) throws IOException {
            return new Upstream(s -> {
                int r = s.getInputStream().read();
                s.getOutputStream().write(new byte[size]);
                s.shutdownOutput();
                return r < 0 ? 0 : 1;
            });
        }

        /** Echoes every byte. */
        static Upstream echo() throws IOException {
            return new Upstream(s -> {
                long got = 0;
                byte[] buf = new byte[64 * 1024];
                InputStream in = s.getInputStream();
                try {
                    int n;
                    while ((n = in.read(buf)) >= 0) {
                        got += n;
                        s.getOutputStream().write(buf, 0, n);
                    }
                } catch (IOException reset) {
                    return got;
                }
                return got;
            });
        }

        int port() {
            return server.getLocalPort();
        }

        List<Long> received() {
            return List.copyOf(received);
        }

        void awaitConnectionsEnded(int n) throws InterruptedException {
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (received.size() < n && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(received).hasSizeGreaterThanOrEqualTo(n);
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
