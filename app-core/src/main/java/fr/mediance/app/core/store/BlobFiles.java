package fr.mediance.app.core.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Photos and scans on disk, encrypted with AES-256-GCM under a key derived from the data key, in the app's
 * private directory. A blob is addressed by the SHA-256 of its plaintext; the file name is an HMAC of that
 * hash, so the directory listing does not reveal which documents are held. Reading verifies both the GCM
 * tag and the hash, so what comes back is byte-identical to what went in.
 */
public final class BlobFiles {
    private static final byte[] MAGIC = "MDB1".getBytes(StandardCharsets.US_ASCII);
    private final Path directory;
    private final byte[] encryptionKey;
    private final byte[] namingKey;

    /** @param dataKey the 32-byte data key; two sub-keys are derived from it and the array is not kept. */
    public BlobFiles(Path directory, byte[] dataKey) {
        this.directory = directory;
        this.encryptionKey = Crypto.hmacSha256(dataKey, "mediance blob encryption".getBytes(StandardCharsets.UTF_8));
        this.namingKey = Crypto.hmacSha256(dataKey, "mediance blob naming".getBytes(StandardCharsets.UTF_8));
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new StoreException(StoreException.Kind.IO, "cannot create " + directory, e);
        }
    }

    public Path directory() {
        return directory;
    }

    /** Encrypts and stores {@code plaintext}; returns its SHA-256 (hex). Storing the same bytes twice is a no-op. */
    public String put(byte[] plaintext) {
        String sha = Crypto.sha256Hex(plaintext);
        Path target = pathOf(sha);
        if (Files.exists(target)) {
            return sha;
        }
        byte[] sealed = Crypto.encrypt(encryptionKey, plaintext, sha.getBytes(StandardCharsets.US_ASCII));
        try {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), "blob", ".tmp");
            try {
                byte[] content = new byte[MAGIC.length + sealed.length];
                System.arraycopy(MAGIC, 0, content, 0, MAGIC.length);
                System.arraycopy(sealed, 0, content, MAGIC.length, sealed.length);
                Files.write(tmp, content);
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new StoreException(StoreException.Kind.IO, "cannot write a blob", e);
        }
        return sha;
    }

    /** Stores bytes that must have the given hash (a download); fails with CORRUPTED if they do not. */
    public void putVerified(String expectedSha256, byte[] plaintext) {
        String sha = Crypto.sha256Hex(plaintext);
        if (!sha.equals(expectedSha256)) {
            throw new StoreException(StoreException.Kind.CORRUPTED, "blob hash mismatch");
        }
        put(plaintext);
    }

    public boolean contains(String sha256) {
        return Files.exists(pathOf(sha256));
    }

    /** The decrypted bytes, verified against the hash; empty if this blob is not held. */
    public Optional<byte[]> get(String sha256) {
        byte[] content;
        try {
            content = Files.readAllBytes(pathOf(sha256));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new StoreException(StoreException.Kind.IO, "cannot read a blob", e);
        }
        if (content.length < MAGIC.length) {
            throw new StoreException(StoreException.Kind.CORRUPTED, "blob file too short");
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (content[i] != MAGIC[i]) {
                throw new StoreException(StoreException.Kind.CORRUPTED, "not a blob file");
            }
        }
        byte[] sealed = java.util.Arrays.copyOfRange(content, MAGIC.length, content.length);
        byte[] plain;
        try {
            plain = Crypto.decrypt(encryptionKey, sealed, sha256.getBytes(StandardCharsets.US_ASCII));
        } catch (StoreException e) {
            throw new StoreException(StoreException.Kind.CORRUPTED, "blob cannot be decrypted", e);
        }
        if (!Crypto.sha256Hex(plain).equals(sha256)) {
            throw new StoreException(StoreException.Kind.CORRUPTED, "blob hash mismatch");
        }
        return Optional.of(plain);
    }

    public void delete(String sha256) {
        try {
            Files.deleteIfExists(pathOf(sha256));
        } catch (IOException e) {
            throw new StoreException(StoreException.Kind.IO, "cannot delete a blob", e);
        }
    }

    /** The file of a blob (for tests that check what is on disk). */
    public Path pathOf(String sha256) {
        if (!Crypto.isSha256Hex(sha256)) {
            throw new IllegalArgumentException("not a sha256");
        }
        String name = Crypto.hex(Crypto.hmacSha256(namingKey, sha256.getBytes(StandardCharsets.US_ASCII)));
        return directory.resolve(name.substring(0, 2)).resolve(name + ".bin");
    }
}
