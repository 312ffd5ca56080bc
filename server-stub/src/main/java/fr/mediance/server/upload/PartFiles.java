package fr.mediance.server.upload;

import fr.mediance.protocol.Tus;
import fr.mediance.server.blob.BlobStore;
import fr.mediance.server.http.BodyDeadline;
import fr.mediance.server.storage.PrivateFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;

/** The received bytes of uploads in progress: {@code DIR/uploads/<id>.part}, owner-only (0600 in a 0700 folder). */
public final class PartFiles implements PartStore {
    private static final String SUFFIX = ".part";

    private final Path dir;

    public PartFiles(Path dir) {
        this.dir = dir;
        PrivateFiles.createDirectories(dir);
    }

    Path path(String id) {
        return dir.resolve(id + SUFFIX);
    }

    /** Creates an empty part file (or empties an existing one) and makes its name durable. */
    @Override
    public void create(String id) {
        try (FileChannel ch = PrivateFiles.createOrTruncate(path(id))) {
            ch.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        syncDirectory();
    }

    /** The size of a part file, or -1 if there is none. */
    @Override
    public long size(String id) {
        try {
            Path p = path(id);
            return Files.isRegularFile(p) ? Files.size(p) : -1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Cuts a part file back to {@code size} bytes, durably. */
    @Override
    public void truncate(String id, long size) {
        try (FileChannel ch = FileChannel.open(path(id), StandardOpenOption.WRITE)) {
            ch.truncate(size);
            ch.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void delete(String id) {
        try {
            Files.deleteIfExists(path(id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ids of every part file present. */
    @Override
    public Set<String> ids() {
        Set<String> out = new HashSet<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            for (Path p : files) {
                String name = p.getFileName().toString();
                out.add(name.substring(0, name.length() - SUFFIX.length()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The SHA-256 of a part file, lowercase hex. */
    @Override
    public String sha256(String id) {
        try (InputStream in = Files.newInputStream(path(id))) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) != -1) {
                md.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void syncDirectory() {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // not every platform can open a directory; the file itself is flushed
        }
    }

    @Override
    public Written write(
            String id, long offset, long length, TusHeaders.Checksum checksum, InputStream body, boolean keepPartial) {
        MessageDigest digest = checksum == null ? null : UploadService.digest(checksum.javaName());
        try (FileChannel ch = FileChannel.open(path(id), StandardOpenOption.WRITE)) {
            ch.truncate(offset);
            ch.position(offset);
            byte[] buffer = new byte[64 * 1024];
            long n = 0;
            boolean interrupted = false;
            while (true) {
                int r;
                try {
                    r = body.read(buffer);
                } catch (BodyDeadline.Exceeded e) {
                    // too slow to be a link: nothing of this chunk is kept, the client sends it again from here
                    discard(ch, offset);
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
                    discard(ch, offset);
                    throw UploadService.chunkTooLarge();
                }
                if (offset + n > length) {
                    discard(ch, offset);
                    throw UploadService.lengthExceeded();
                }
                if (digest != null) {
                    digest.update(buffer, 0, r);
                }
                ByteBuffer bb = ByteBuffer.wrap(buffer, 0, r);
                while (bb.hasRemaining()) {
                    ch.write(bb);
                }
            }
            if (interrupted && (checksum != null || !keepPartial)) {
                discard(ch, offset);
                throw UploadService.interrupted();
            }
            if (!interrupted && digest != null && !MessageDigest.isEqual(digest.digest(), checksum.digest())) {
                discard(ch, offset);
                throw UploadService.checksumMismatch(offset);
            }
            ch.force(true);
            return new Written(offset + n, interrupted);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void discard(FileChannel ch, long offset) throws IOException {
        ch.truncate(offset);
        ch.force(true);
    }

    @Override
    public boolean adoptInto(String id, String sha256, long length, BlobStore blobs) {
        return blobs.adopt(sha256, path(id));
    }

    @Override
    public boolean shared() {
        return false;
    }
}
