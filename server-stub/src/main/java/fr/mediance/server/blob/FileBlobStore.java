package fr.mediance.server.blob;

import fr.mediance.server.DomainException;
import fr.mediance.server.storage.PrivateFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.OptionalLong;

/**
 * Blobs as files: {@code root/ab/cd/abcd...}, and a thumbnail beside an image blob ({@code abcd....thumb.jpg}).
 * An upload is written to {@code root/tmp/}, hashed while it is written, checked, flushed to disk, then renamed
 * into place in one step, so a blob file is always complete and verified. Leftovers of interrupted uploads are
 * removed at start. Folders are created owner-only (0700) and files owner-only (0600), see {@link PrivateFiles}.
 */
public final class FileBlobStore implements BlobStore {
    private static final int BUFFER = 64 * 1024;

    private final Path root;
    private final Path tmp;

    public FileBlobStore(Path root) {
        this.root = root;
        this.tmp = root.resolve("tmp");
        try {
            PrivateFiles.createDirectories(tmp);
            try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(tmp)) {
                for (Path p : leftovers) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path pathOf(String sha256) {
        return root.resolve(sha256.substring(0, 2))
                .resolve(sha256.substring(2, 4))
                .resolve(sha256);
    }

    @Override
    public OptionalLong size(String sha256) {
        Path p = pathOf(sha256);
        try {
            return Files.isRegularFile(p) ? OptionalLong.of(Files.size(p)) : OptionalLong.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public PutResult put(String sha256, InputStream in, long maxBytes) {
        Path part = null;
        try {
            part = PrivateFiles.createTempFile(tmp, "upload-", ".part");
            MessageDigest md = sha256Digest();
            long total = 0;
            try (FileChannel out = FileChannel.open(part, StandardOpenOption.WRITE)) {
                byte[] buffer = new byte[BUFFER];
                int n;
                while ((n = readFromClient(in, buffer)) != -1) {
                    total += n;
                    if (total > maxBytes) {
                        throw DomainException.tooLarge(
                                "blob_too_large", "Le fichier dépasse la taille maximale de " + maxBytes + " octets.");
                    }
                    md.update(buffer, 0, n);
                    ByteBuffer bb = ByteBuffer.wrap(buffer, 0, n);
                    while (bb.hasRemaining()) {
                        out.write(bb);
                    }
                }
                out.force(true);
            }
            String actual = HexFormat.of().formatHex(md.digest());
            if (!actual.equals(sha256)) {
                throw new DomainException(
                        DomainException.Kind.UNPROCESSABLE,
                        "hash_mismatch",
                        "Le contenu reçu ne correspond pas à son empreinte SHA-256 : fichier incomplet ou altéré, "
                                + "renvoyez-le.");
            }
            Path target = pathOf(sha256);
            PrivateFiles.createDirectories(target.getParent());
            if (Files.exists(target)) {
                return new PutResult(total, false);
            }
            try {
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException raced) {
                return new PutResult(total, false);
            }
            syncDirectory(target.getParent());
            return new PutResult(total, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(part);
        }
    }

    /** A failure to read the request body is the client's connection breaking, not a server fault. */
    private static int readFromClient(InputStream in, byte[] buffer) {
        try {
            return in.read(buffer);
        } catch (fr.mediance.server.http.BodyDeadline.Exceeded e) {
            throw fr.mediance.server.http.BodyDeadline.timeout();
        } catch (IOException e) {
            throw interrupted();
        }
    }

    static DomainException interrupted() {
        return DomainException.invalid(
                "upload_interrupted", "L'envoi a été interrompu avant la fin : renvoyez le " + "fichier.");
    }

    @Override
    public InputStream open(String sha256) {
        try {
            return Files.newInputStream(pathOf(sha256));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean adopt(String sha256, Path verified) {
        Path target = pathOf(sha256);
        try {
            PrivateFiles.createDirectories(target.getParent());
            if (Files.exists(target)) {
                Files.deleteIfExists(verified);
                return false;
            }
            try {
                Files.move(verified, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException raced) {
                Files.deleteIfExists(verified);
                return false;
            }
            syncDirectory(target.getParent());
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void delete(String sha256) {
        try {
            Files.deleteIfExists(thumbnailPathOf(sha256));
            Files.deleteIfExists(pathOf(sha256));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path thumbnailPathOf(String sha256) {
        Path p = pathOf(sha256);
        return p.resolveSibling(sha256 + ".thumb.jpg");
    }

    @Override
    public OptionalLong thumbnailSize(String sha256) {
        Path p = thumbnailPathOf(sha256);
        try {
            return Files.isRegularFile(p) ? OptionalLong.of(Files.size(p)) : OptionalLong.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public InputStream openThumbnail(String sha256) {
        try {
            return Files.newInputStream(thumbnailPathOf(sha256));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void putThumbnail(String sha256, byte[] jpeg) {
        Path part = null;
        try {
            part = PrivateFiles.createTempFile(tmp, "thumb-", ".part");
            try (FileChannel out = FileChannel.open(part, StandardOpenOption.WRITE)) {
                ByteBuffer bb = ByteBuffer.wrap(jpeg);
                while (bb.hasRemaining()) {
                    out.write(bb);
                }
                out.force(true);
            }
            Path target = thumbnailPathOf(sha256);
            PrivateFiles.createDirectories(target.getParent());
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(part);
        }
    }

    /** Makes a rename durable: the directory entry itself is flushed (Linux; a no-op where unsupported). */
    static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // not every platform can open a directory; the rename itself stays atomic
        }
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // a leftover is removed at the next start
            }
        }
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
