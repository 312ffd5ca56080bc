package fr.mediance.systemtests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * An OkHttp <em>network</em> interceptor that records every attempt a client puts on the wire (OkHttp's own
 * retries included): method, path, the exact size of the request line and headers as HTTP/1.1 writes them,
 * the declared body length, and the status or the failure. It lets a test split the bytes a link counted
 * into protocol overhead and payload.
 */
public final class WireLog implements Interceptor {
    /**
     * One attempt. {@code status} is -1 when it failed with an exception (a cut link); {@code startNanos} and
     * {@code endNanos} ({@link System#nanoTime()}) bound it, so that a test can tell which attempts overlapped.
     */
    public record Attempt(
            String method, String path, long headBytes, long bodyBytes, int status, long startNanos, long endNanos) {}

    private final List<Attempt> attempts = new CopyOnWriteArrayList<>();

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        long head = headBytes(request);
        long body = request.body() == null ? 0 : Math.max(0, request.body().contentLength());
        String path = request.url().encodedPath();
        long start = System.nanoTime();
        try {
            Response response = chain.proceed(request);
            attempts.add(new Attempt(request.method(), path, head, body, response.code(), start, System.nanoTime()));
            return response;
        } catch (IOException | RuntimeException e) {
            attempts.add(new Attempt(request.method(), path, head, body, -1, start, System.nanoTime()));
            throw e;
        }
    }

    /** Bytes of {@code METHOD target HTTP/1.1\r\n}, each header line and the blank line. */
    static long headBytes(Request request) throws IOException {
        String target = request.url().encodedPath()
                + (request.url().encodedQuery() == null
                        ? ""
                        : "?" + request.url().encodedQuery());
        long n = (request.method() + " " + target + " HTTP/1.1\r\n").getBytes(StandardCharsets.ISO_8859_1).length;
        Headers h = request.headers();
        for (int i = 0; i < h.size(); i++) {
            n += h.name(i).length() + 2 + h.value(i).getBytes(StandardCharsets.UTF_8).length + 2;
        }
        if (request.body() != null
                && h.get("Content-Length") == null
                && request.body().contentLength() >= 0) {
            n += ("Content-Length: " + request.body().contentLength() + "\r\n").length();
        }
        return n + 2;
    }

    public List<Attempt> attempts() {
        return List.copyOf(attempts);
    }

    public List<Attempt> attempts(Predicate<Attempt> filter) {
        return attempts.stream().filter(filter).toList();
    }

    /** Attempts whose path starts with {@code prefix} and method is {@code method}. */
    public List<Attempt> attempts(String method, String pathPrefix) {
        return attempts(a -> a.method().equals(method) && a.path().startsWith(pathPrefix));
    }

    /**
     * The most body bytes that {@code among} had on the wire at one moment: the largest sum of bodies of
     * attempts that all overlap one another (intervals: at the start of each attempt, the bodies of those
     * open then).
     */
    public static long mostBodyBytesAtOnce(List<Attempt> among) {
        long most = 0;
        for (Attempt a : among) {
            long open = 0;
            for (Attempt b : among) {
                if (b.startNanos() <= a.startNanos() && a.startNanos() < b.endNanos()) {
                    open += b.bodyBytes();
                }
            }
            most = Math.max(most, open);
        }
        return most;
    }

    /** Sum of request line and header bytes of every attempt. */
    public long headBytes() {
        return attempts.stream().mapToLong(Attempt::headBytes).sum();
    }

    public void clear() {
        attempts.clear();
    }
}
