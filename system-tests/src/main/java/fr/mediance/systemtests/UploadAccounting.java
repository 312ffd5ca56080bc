package fr.mediance.systemtests;

import fr.mediance.protocol.ApiPaths;

/**
 * Splits the client→server bytes a link counted into what had to travel and what travelled again:
 * <pre>
 * upBytes = requestHeads + otherBodies + payload + resent
 * </pre>
 * {@code requestHeads}: request line and headers of every attempt (from the {@link WireLog}, exact sizes);
 * {@code otherBodies}: bodies of the requests that are not uploads and got an answer (push JSON...);
 * {@code payload}: the bytes of the files, once; {@code resent}: the rest, i.e. upload bytes sent more than
 * once (the part of a chunk lost at a cut) plus the partial bodies of non-upload requests that were cut.
 * A cut inside a request's head counts that whole head as overhead, so {@code resent} may be under-stated by
 * at most one head (≈ 300 bytes) per cut.
 */
public record UploadAccounting(long upBytes, long requestHeads, long otherBodies, long payload, int attempts) {

    public static UploadAccounting of(long upBytes, WireLog wire, long payload) {
        long heads = wire.headBytes();
        long other = wire.attempts().stream()
                .filter(a -> a.status() > 0 && !a.path().startsWith(ApiPaths.UPLOADS))
                .mapToLong(WireLog.Attempt::bodyBytes)
                .sum();
        return new UploadAccounting(
                upBytes, heads, other, payload, wire.attempts().size());
    }

    /** Bytes of files sent more than once. */
    public long resent() {
        return upBytes - requestHeads - otherBodies - payload;
    }

    @Override
    public String toString() {
        return "up=" + upBytes + " heads=" + requestHeads + " (" + attempts + " requests) otherBodies=" + otherBodies
                + " payload=" + payload + " resent=" + resent();
    }
}
