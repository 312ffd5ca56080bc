package fr.mediance.server.upload;

import fr.mediance.protocol.Tus;
import fr.mediance.server.blob.BlobStore;
import fr.mediance.server.http.BodyDeadline;
import fr.mediance.server.storage.PrivateFiles;
import fr.mediance.server.storage.S3;
import fr.mediance.server.storage.S3BlobStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parts of uploads in progress in an S3-compatible bucket, shared by several servers: each acknowledged chunk
 * is one object {@code uploads/<id>/<offset, 19 digits>} (an object appears whole or not at all, so a chunk is
 * stored entirely or not at all, like a flushed append to a part file). A chunk is first received into a private
 * local temporary file, checked, then stored; the upload's offset in the database is moved only after. A tail
 * that was stored but never acknowledged is cut (its objects removed) before the next chunk, or at start. At the
 * end the chunks are read in order into the blob (one object) and removed.
 */
public final class S3PartStore implements PartStore {
    static final String PREFIX = "uploads/";
    /** Parts younger than this may belong to a request another server is serving: never taken for orphans. */
    static final Duration ORPHAN_AGE = Duration.ofHours(1);

    private final S3 s3;
    private final Path tmp;
    private final Clock clock;

    /** A stored chunk: where it starts, its key and size. */
    private record Chunk(long start, String key, long size) {}

    public S3PartStore(S3 s3, Path tmp, Clock clock) {
        this.s3 = s3;
        this.tmp = PrivateFiles.createDirectories(tmp);
        this.clock = clock;
    }

    private static String key(String id, long start) {
        return PREFIX + id + "/" + String.format("%019d", start);
    }

    private List<Chunk> chunks(String id) {
        List<Chunk> out = new ArrayList<>();
        for (S3.Listed l : s3.list(PREFIX + id + "/")) {
            String name = l.key().substring(l.key().lastIndexOf('/') + 1);
            try {
                out.add(new Chunk(Long.parseLong(name), l.key(), l.size()));
            } catch (NumberFormatException ignored) {
                // not a chunk of ours
            }
        }
        out.sort((a, b) -> Long.compare(a.start(), b.start()));
        return out;
    }

    /** The chunks that follow each other from 0 (a gap ends the part). */
    private List<Chunk> contiguous(String id) {
        List<Chunk> out = new ArrayList<>();
        long next = 0;
        for (Chunk c : chunks(id)) {
            if (c.start() != next) {
                break;
            }
            out.add(c);
            next += c.size();
        }
        return out;
    }

    @Override
    public void create(String id) {
        delete(id);
    }

    @Override
    public long size(String id) {
        // an upload created without bytes has no object: in a bucket, an empty part and no part are alike
        List<Chunk> all = contiguous(id);
        if (all.isEmpty()) {
            return 0;
        }
        Chunk last = all.get(all.size() - 1);
        return last.start() + last.size();
    }

    @Override
    public void truncate(String id, long size) {
        for (Chunk c : chunks(id)) {
            if (c.start() >= size) {
                s3.delete(c.key());
            } else if (c.start() + c.size() > size) {
                int keep = (int) (size - c.start());
                byte[] head;
                try (InputStream in = s3.open(c.key(), 0, keep)) {
                    head = in.readNBytes(keep);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                s3.put(c.key(), new ByteArrayInputStream(head), head.length, "application/octet-stream");
            }
        }
    }

    @Override
    public void delete(String id) {
        for (Chunk c : chunks(id)) {
            s3.delete(c.key());
        }
    }

    @Override
    public Set<String> ids() {
        long cutoff = clock.millis() - ORPHAN_AGE.toMillis();
        Map<String, Long> newest = new HashMap<>();
        for (S3.Listed l : s3.list(PREFIX)) {
            String rest = l.key().substring(PREFIX.length());
            int slash = rest.indexOf('/');
            if (slash > 0) {
                newest.merge(rest.substring(0, slash), l.lastModifiedMillis(), Math::max);
            }
        }
        Set<String> out = new java.util.HashSet<>();
        newest.forEach((id, t) -> {
            if (t < cutoff) {
                out.add(id);
            }
        });
        return out;
    }

    private InputStream openAll(List<Chunk> chunks) {
        Iterator<Chunk> it = chunks.iterator();
        return new SequenceInputStream(Collections.enumeration(new java.util.AbstractList<InputStream>() {
            @Override
            public InputStream get(int index) {
                throw new UnsupportedOperationException();
            }

            @Override
            public int size() {
                return chunks.size();
            }

            @Override
            public Iterator<InputStream> iterator() {
                return new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return it.hasNext();
                    }

                    @Override
                    public InputStream next() {
                        return s3.open(it.next().key());
                    }
                };
            }
        }));
    }

    @Override
    public String sha256(String id) {
        MessageDigest md = UploadService.digest("SHA-256");
        try (InputStream in = openAll(contiguous(id))) {
            byte[] buffer = new byte[64 * 1024];
            int r;
            while ((r = in.read(buffer)) != -1) {
                md.update(buffer, 0, r);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    @Override
    public Written write(
            String id, long offset, long length, TusHeaders.Checksum checksum, InputStream body, boolean keepPartial) {
        MessageDigest digest = checksum == null ? null : UploadService.digest(checksum.javaName());
        Path part = PrivateFiles.createTempFile(tmp, "chunk-", ".part");
        try {
            long n = 0;
            boolean interrupted = false;
            try (OutputStream out = Files.newOutputStream(part)) {
                byte[] buffer = new byte[64 * 1024];
                while (true) {
                    int r;
                    try {
                        r = body.read(buffer);
                    } catch (BodyDeadline.Exceeded e) {
                        // too slow to be a link: nothing of this chunk is kept, the client sends it again from here
                        throw BodyDeadline.timeout().withHeader(Tus.UPLOAD_OFFSET, Long.toString(offset));
                    } catch (IOException e) {
                        interrupted = true;
                        break;
                    }
                    if (r == -1) {
                        break;
                    }
                    n += r;
                    if (n > UploadService.MAX_CHUNK_BYTES) {
                        throw UploadService.chunkTooLarge();
                    }
                    if (offset + n > length) {
                        throw UploadService.lengthExceeded();
                    }
                    if (digest != null) {
                        digest.update(buffer, 0, r);
                    }
                    out.write(buffer, 0, r);
                }
            }
            if (interrupted && (checksum != null || !keepPartial)) {
                throw UploadService.interrupted();
            }
            if (!interrupted && digest != null && !MessageDigest.isEqual(digest.digest(), checksum.digest())) {
                throw UploadService.checksumMismatch(offset);
            }
            // an unacknowledged tail (a chunk stored by a request whose offset was never moved) goes first
            truncate(id, offset);
            if (n > 0) {
                try (InputStream in = Files.newInputStream(part)) {
                    s3.put(key(id, offset), in, n, "application/octet-stream");
                }
            }
            return new Written(offset + n, interrupted);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                Files.deleteIfExists(part);
            } catch (IOException ignored) {
                // a leftover in the temporary folder
            }
        }
    }

    @Override
    public boolean adoptInto(String id, String sha256, long length, BlobStore blobs) {
        List<Chunk> all = contiguous(id);
        boolean created;
        if (blobs instanceof S3BlobStore shared) {
            try (InputStream in = openAll(all)) {
                created = shared.adopt(sha256, in, length);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            Path whole = PrivateFiles.createTempFile(tmp, "whole-", ".part");
            try (InputStream in = openAll(all)) {
                Files.copy(in, whole, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                created = blobs.adopt(sha256, whole);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        delete(id);
        return created;
    }

    @Override
    public boolean shared() {
        return true;
    }
}
