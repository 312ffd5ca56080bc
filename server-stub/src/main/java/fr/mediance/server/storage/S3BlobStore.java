package fr.mediance.server.storage;

import fr.mediance.server.DomainException;
import fr.mediance.server.blob.BlobStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.OptionalLong;

/**
 * Blobs in an S3-compatible bucket: {@code blobs/ab/cd/<sha256>} and {@code blobs/ab/cd/<sha256>.thumb.jpg}, so
 * that several servers share them. An upload is first written to a private local temporary file, hashed and
 * checked, then stored as one object (an object appears whole or not at all, like the rename of the folder
 * store). A blob's content never changes once stored (it is named by its hash), so two servers storing the same
 * blob at once store the same bytes.
 */
public final class S3BlobStore implements BlobStore {
    static final String PREFIX = "blobs/";

    private final S3 s3;
    private final Path tmp;

    /** {@code tmp}: a local folder for uploads being checked (owner-only). */
    public S3BlobStore(S3 s3, Path tmp) {
        this.s3 = s3;
        this.tmp = PrivateFiles.createDirectories(tmp);
    }

    static String key(String sha256) {
        return PREFIX + sha256.substring(0, 2) + "/" + sha256.substring(2, 4) + "/" + sha256;
    }

    static String thumbnailKey(String sha256) {
        return key(sha256) + ".thumb.jpg";
    }

    @Override
    public OptionalLong size(String sha256) {
        return s3.size(key(sha256));
    }

    @Override
    public PutResult put(String sha256, InputStream in, long maxBytes) {
        Path part = PrivateFiles.createTempFile(tmp, "upload-", ".part");
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            long total = 0;
            try (OutputStream out = Files.newOutputStream(part)) {
                byte[] buffer = new byte[64 * 1024];
                int n;
                while (true) {
                    try {
                        n = in.read(buffer);
                    } catch (IOException e) {
                        throw DomainException.invalid(
                                "upload_interrupted", "L'envoi a été interrompu avant la fin : renvoyez le fichier.");
                    }
                    if (n == -1) {
                        break;
                    }
                    total += n;
                    if (total > maxBytes) {
                        throw DomainException.tooLarge(
                                "blob_too_large", "Le fichier dépasse la taille maximale de " + maxBytes + " octets.");
                    }
                    md.update(buffer, 0, n);
                    out.write(buffer, 0, n);
                }
            }
            if (!HexFormat.of().formatHex(md.digest()).equals(sha256)) {
                throw new DomainException(
                        DomainException.Kind.UNPROCESSABLE,
                        "hash_mismatch",
                        "Le contenu reçu ne correspond pas à son empreinte SHA-256 : fichier incomplet ou altéré, "
                                + "renvoyez-le.");
            }
            if (size(sha256).isPresent()) {
                return new PutResult(total, false);
            }
            try (InputStream file = Files.newInputStream(part)) {
                s3.put(key(sha256), file, total, "application/octet-stream");
            }
            return new PutResult(total, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            try {
                Files.deleteIfExists(part);
            } catch (IOException ignored) {
                // a leftover in the temporary folder
            }
        }
    }

    @Override
    public InputStream open(String sha256) {
        return s3.open(key(sha256));
    }

    @Override
    public boolean adopt(String sha256, Path verified) {
        try {
            if (size(sha256).isPresent()) {
                Files.deleteIfExists(verified);
                return false;
            }
            try (InputStream in = Files.newInputStream(verified)) {
                s3.put(key(sha256), in, Files.size(verified), "application/octet-stream");
            }
            Files.deleteIfExists(verified);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stores a verified stream of {@code length} bytes (upload parts already in the bucket). */
    public boolean adopt(String sha256, InputStream verified, long length) {
        if (size(sha256).isPresent()) {
            return false;
        }
        s3.put(key(sha256), verified, length, "application/octet-stream");
        return true;
    }

    @Override
    public OptionalLong thumbnailSize(String sha256) {
        return s3.size(thumbnailKey(sha256));
    }

    @Override
    public InputStream openThumbnail(String sha256) {
        return s3.open(thumbnailKey(sha256));
    }

    @Override
    public void putThumbnail(String sha256, byte[] jpeg) {
        s3.put(thumbnailKey(sha256), new ByteArrayInputStream(jpeg), jpeg.length, "image/jpeg");
    }

    @Override
    public void delete(String sha256) {
        s3.delete(thumbnailKey(sha256));
        s3.delete(key(sha256));
    }
}
