package fr.mediance.server.http;

import fr.mediance.protocol.Limits;
import fr.mediance.server.DomainException;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The deadline of every request's body, as a servlet filter in front of every route. Jetty's idle timeout is per
 * read: a body trickled a byte every 10 s would be held open for minutes. Here the body as a whole must keep up a
 * minimum rate once a grace period is over ({@link Limits#MIN_BODY_BYTES_PER_SECOND} after
 * {@link Limits#BODY_GRACE_SECONDS}), and a JSON body (login, push: at most 1 MB) must have arrived whole within
 * {@link Limits#JSON_BODY_DEADLINE_SECONDS}. A rate rather than a flat time, so that a photo chunk on a weak 3G
 * link (256 KiB at about 50 kB/s, 5 s) goes through, and a 4 MiB chunk on a fast one too. A read past the
 * deadline fails with {@link Exceeded}; the route answers 408 ({@link #timeout()}).
 */
public final class BodyDeadline implements Filter {
    private final LongSupplier nanoTime;

    public BodyDeadline() {
        this(System::nanoTime);
    }

    BodyDeadline(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** A read that came after the body's deadline. */
    public static final class Exceeded extends IOException {
        Exceeded(String message) {
            super(message);
        }
    }

    /** The answer to a body that came too slowly: 408, the connection closed. */
    public static DomainException timeout() {
        return new DomainException(
                DomainException.Kind.TIMEOUT,
                "request_timeout",
                "Le corps de la requête arrive trop lentement (moins de " + Limits.MIN_BODY_BYTES_PER_SECOND / 1024
                        + " Kio/s) : la requête est abandonnée, renvoyez-la.");
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest http)) {
            chain.doFilter(request, response);
            return;
        }
        long started = nanoTime.getAsLong();
        String type = http.getContentType();
        boolean json = type != null && type.toLowerCase(Locale.ROOT).startsWith("application/json");
        chain.doFilter(new Deadlined(http, started, json), response);
    }

    private final class Deadlined extends HttpServletRequestWrapper {
        private final long started;
        private final boolean json;
        private ServletInputStream stream;

        Deadlined(HttpServletRequest request, long started, boolean json) {
            super(request);
            this.started = started;
            this.json = json;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Stream(super.getInputStream(), started, json);
            }
            return stream;
        }
    }

    private final class Stream extends ServletInputStream {
        private final ServletInputStream in;
        private final long started;
        private final boolean json;
        private long received;

        Stream(ServletInputStream in, long started, boolean json) {
            this.in = in;
            this.started = started;
            this.json = json;
        }

        private void check() throws Exceeded {
            long elapsedMs = (nanoTime.getAsLong() - started) / 1_000_000L;
            long allowedMs = Limits.BODY_GRACE_SECONDS * 1000L + received * 1000L / Limits.MIN_BODY_BYTES_PER_SECOND;
            if (json) {
                allowedMs = Math.min(allowedMs, Limits.JSON_BODY_DEADLINE_SECONDS * 1000L);
            }
            if (elapsedMs > allowedMs) {
                throw new Exceeded("body too slow: " + received + " bytes in " + elapsedMs + " ms");
            }
        }

        @Override
        public int read() throws IOException {
            check();
            int b = in.read();
            if (b >= 0) {
                received++;
                check();
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            check();
            int n = in.read(b, off, len);
            if (n > 0) {
                received += n;
                check();
            }
            return n;
        }

        @Override
        public int available() throws IOException {
            return in.available();
        }

        @Override
        public void close() throws IOException {
            in.close();
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
